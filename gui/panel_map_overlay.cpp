// Over the SFML map (ImGui background draw list): commune labels, the hovered commune's ring
// and tooltip; and the map legend window.
#include "panels.hpp"
#include "window_report.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace riposte::gui {
namespace {

ImU32 to_imgui(Rgba c) {
    return IM_COL32(c[0], c[1], c[2], c[3]);
}

ImVec2 to_imgui(MapPoint p) {
    return {static_cast<float>(p.x), static_cast<float>(p.y)};
}

Text inset_text(const std::string& code) {
    if (code == "971") return Text::InsetGuadeloupe;
    if (code == "972") return Text::InsetMartinique;
    if (code == "973") return Text::InsetGuyane;
    if (code == "974") return Text::InsetReunion;
    if (code == "975") return Text::InsetSaintPierre;
    if (code == "976") return Text::InsetMayotte;
    if (code == "977") return Text::InsetSaintBarthelemy;
    if (code == "978") return Text::InsetSaintMartin;
    return Text::InsetOverseas;
}

/// The insets' titles' widths, in one line and cut in two (split_inset_title).
void add_inset_titles(const MapGeometry& g, Lang lang, LabelMetrics& metrics) {
    for (const MapInset& inset : g.insets) {
        const char* title = tr(lang, inset_text(inset.code));
        metrics.inset_title_widths.push_back(ImGui::CalcTextSize(title).x);
        const auto [first, second] = split_inset_title(title);
        metrics.inset_title_split_widths.push_back(
            second.empty() ? 0.0f
                           : std::max(ImGui::CalcTextSize(first.c_str()).x,
                                      ImGui::CalcTextSize(second.c_str()).x));
    }
}

/// Brings the scene up to date with the view (rebuilt only when the view, the metric or the
/// font changed).
void update_scene(const Snapshot& snapshot, UiState& ui) {
    const LoadedScenario& loaded = *snapshot.loaded;
    LabelMetrics metrics;
    metrics.font_size = ImGui::GetFontSize();
    metrics.digit_width = ImGui::CalcTextSize("0").x;
    metrics.width = [](const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; };
    add_inset_titles(*loaded.map, ui.lang, metrics);
    ui.map_scene.update(loaded.map, *loaded.scenario, ui.camera, snapshot.metric, &metrics);
}

bool on_screen(const MapCamera& cam, float x0, float y0, float x1, float y1) {
    return x1 >= 0 && y1 >= 0 && x0 <= cam.width && y0 <= cam.height;
}

/// Inset titles, the placed commune names and the centre counts inside the markers; none under
/// a window of `covering` (the texts are on the background layer: a panel would hide them, a
/// translucent one show them through).
void draw_map_texts(const Scenario& s, const MapGeometry& g, const MapScene& scene,
                    const MapCamera& cam, Lang lang, const std::vector<WindowRect>& covering,
                    std::vector<std::array<float, 3>>* titles_drawn = nullptr) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    if (titles_drawn) titles_drawn->clear();
    // the insets' titles the scene placed (the names were placed around them)
    for (const SceneCaption& caption : scene.captions) {
        const int k = caption.inset;
        if (k < 0 || static_cast<std::size_t>(k) >= g.insets.size()) continue;
        const MapInset& inset = g.insets[static_cast<std::size_t>(k)];
        const MapPoint lo = cam.to_screen(inset.lo), hi = cam.to_screen(inset.hi);
        const std::string name = tr(lang, inset_text(inset.code));
        const auto [first, second] = caption.lines == 2
                                         ? split_inset_title(name)
                                         : std::pair<std::string, std::string>{name, ""};
        const float size = ImGui::GetFontSize() * caption.scale;
        const ImVec2 a = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, first.c_str()),
                     b = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, second.c_str());
        const auto tx = static_cast<float>(lo.x) + caption.dx,
                   ty = static_cast<float>(lo.y) + caption.dy;
        if (!on_screen(cam, static_cast<float>(lo.x), static_cast<float>(lo.y),
                       static_cast<float>(hi.x), static_cast<float>(hi.y)) ||
            covered_by(covering, tx, ty, tx + std::max(a.x, b.x),
                       ty + size * static_cast<float>(caption.lines)))
            continue;
        const ImU32 colour = IM_COL32(200, 210, 225, 255);
        dl->AddText(ImGui::GetFont(), size, ImVec2(tx, ty), colour, first.c_str());
        if (!second.empty())
            dl->AddText(ImGui::GetFont(), size, ImVec2(tx, ty + size), colour, second.c_str());
        if (titles_drawn) titles_drawn->push_back({static_cast<float>(k), tx, ty});
    }
    const auto& communes = s.world.territory.communes;
    for (const SceneLabel& l : scene.labels) {
        const MapPoint p = cam.to_screen(l.anchor);
        const float x = static_cast<float>(p.x) + l.dx, y = static_cast<float>(p.y) + l.dy;
        if (!on_screen(cam, x, y, x + l.w, y + l.h) ||
            covered_by(covering, x, y, x + l.w + 1, y + l.h + 1))
            continue;
        const char* name = communes[static_cast<std::size_t>(l.commune)].name.c_str();
        dl->AddText(ImVec2(x + 1, y + 1), IM_COL32(0, 0, 0, 200), name);
        dl->AddText(ImVec2(x, y), IM_COL32(235, 238, 242, 255), name);
    }
    for (const SceneMarker& m : scene.markers) {
        if (m.text[0] == '\0') continue;
        const MapPoint p = cam.to_screen(m.at);
        const auto x = static_cast<float>(p.x), y = static_cast<float>(p.y);
        if (!on_screen(cam, x - m.half_px, y - m.half_px, x + m.half_px, y + m.half_px)) continue;
        const ImVec2 size = ImGui::CalcTextSize(m.text.data());
        if (covered_by(covering, x - size.x * 0.5f, y - size.y * 0.5f, x + size.x * 0.5f,
                       y + size.y * 0.5f))
            continue;
        dl->AddText(ImVec2(x - size.x * 0.5f, y - size.y * 0.5f), IM_COL32(10, 14, 20, 255),
                    m.text.data());
    }
}

/// The tooltip of one commune: name, INSEE code, population, metric, centres.
void commune_tooltip(const Scenario& s, const MapGeometry& g, const MetricValues& metric,
                     const UiState& ui, int i) {
    const Lang lang = ui.lang;
    const auto ci = static_cast<std::size_t>(i);
    const Commune& c = s.world.territory.communes[ci];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(c.name.c_str());
    ImGui::TextDisabled("%s %s", tr(lang, Text::Insee), c.insee.c_str());
    ImGui::Text(label_value_format(lang), tr(lang, Text::Population),
                format_count(lang, c.population).c_str());
    if (ui.map_metric != MapMetric::None && metric.available && ci < metric.value.size()) {
        const double v = metric.value[ci];
        const Text label = ui.map_metric == MapMetric::TravelMinutes ? Text::MetricTravel
                           : ui.map_metric == MapMetric::Coverage    ? Text::MetricCoverage
                                                                     : Text::MetricUnmet;
        ImGui::Text(label_value_format(lang), tr(lang, label),
                    std::isfinite(v) ? format_decimal(lang, v, 1).c_str() : "—");
    }
    const auto& here = g.centres_in_commune[ci];
    if (!here.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", tr(lang, Text::CentresHere));
        for (int k : here) {
            const Centre& centre = s.plan.centres[static_cast<std::size_t>(k)];
            const Rgba col = centre_colour(centre.kind);
            ImGui::TextColored(ImVec4(col[0] / 255.0f, col[1] / 255.0f, col[2] / 255.0f, 1.0f),
                               "\xE2\x96\xA0");
            ImGui::SameLine();
            ImGui::TextUnformatted(centre.name.c_str());
        }
        ImGui::TextDisabled("%s", tr(lang, Text::ClickCentreHint));
    }
    ImGui::EndTooltip();
}

/// Hover: a marker lists its centres; an aggregated cell tells its communes, population and
/// weighted metric; a commune drawn as a disc gets its own tooltip and a ring.
void draw_hover(const Scenario& s, const MapGeometry& g, const MetricValues& metric, UiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    ui.hovered_commune = -1;
    // Decided after NewFrame: WantCaptureMouse is up to date for this frame.
    if (io.WantCaptureMouse || io.MousePos.x == -FLT_MAX) return;
    const Lang lang = ui.lang;
    const MapScene& scene = ui.map_scene.scene();
    const MapPoint mouse{io.MousePos.x, io.MousePos.y};
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const int marker = scene.marker_at(mouse, ui.camera);
    if (marker >= 0) {
        const SceneMarker& m = scene.markers[static_cast<std::size_t>(marker)];
        const MapPoint p = ui.camera.to_screen(m.at);
        const auto x = static_cast<float>(p.x), y = static_cast<float>(p.y);
        dl->AddRect({x - m.half_px - 3, y - m.half_px - 3}, {x + m.half_px + 3, y + m.half_px + 3},
                    IM_COL32(255, 220, 90, 255), 0, 0, 2.0f);
        ImGui::BeginTooltip();
        if (m.communes > 1)
            ImGui::Text(label_value_format(lang), tr(lang, Text::MapClusterCentres),
                        std::to_string(m.count).c_str());
        else
            ImGui::TextUnformatted(
                s.world.territory.communes[static_cast<std::size_t>(m.commune)].name.c_str());
        constexpr int shown = 12;
        for (int k = 0; k < m.count && k < shown; ++k) {
            const Centre& centre = s.plan.centres[static_cast<std::size_t>(
                scene.marker_centres[static_cast<std::size_t>(m.first + k)])];
            const Rgba col = centre_colour(centre.kind);
            ImGui::TextColored(ImVec4(col[0] / 255.0f, col[1] / 255.0f, col[2] / 255.0f, 1.0f),
                               "\xE2\x96\xA0");
            ImGui::SameLine();
            ImGui::TextUnformatted(centre.name.c_str());
        }
        if (m.count > shown) ImGui::TextDisabled("…");
        ImGui::TextDisabled(
            "%s", tr(lang, m.communes > 1 ? Text::MapClusterHint : Text::ClickCentreHint));
        ImGui::EndTooltip();
        return;
    }
    const int cell = scene.cell_at(ui.camera.to_map(mouse));
    if (cell >= 0) {
        const SceneCell& c = scene.cells[static_cast<std::size_t>(cell)];
        const MapPoint lo = ui.camera.to_screen(c.lo), hi = ui.camera.to_screen(c.hi);
        dl->AddRect(to_imgui(lo), to_imgui(hi), IM_COL32(255, 220, 90, 255), 0, 0, 2.0f);
        ImGui::BeginTooltip();
        ImGui::Text(label_value_format(lang), tr(lang, Text::MapCellCommunes),
                    format_count(lang, c.communes).c_str());
        ImGui::Text(label_value_format(lang), tr(lang, Text::Population),
                    format_count(lang, c.population).c_str());
        ImGui::Text(label_value_format(lang), tr(lang, Text::MapCellLargest),
                    s.world.territory.communes[static_cast<std::size_t>(c.top)].name.c_str());
        if (ui.map_metric != MapMetric::None && metric.available) {
            const Text label = ui.map_metric == MapMetric::TravelMinutes ? Text::MetricTravel
                               : ui.map_metric == MapMetric::Coverage    ? Text::MetricCoverage
                                                                         : Text::MetricUnmet;
            ImGui::Text(label_value_format(lang), tr(lang, label),
                        std::isfinite(c.value) ? format_decimal(lang, c.value, 1).c_str() : "—");
        }
        ImGui::EndTooltip();
        return;
    }
    const int i = find_commune_at(g, ui.camera, mouse, min_commune_radius_px, 3.0);
    if (i < 0) return;
    // a commune inside an aggregated cell is shown by its cell
    if (scene.cell_at(g.commune_pos[static_cast<std::size_t>(i)]) >= 0) return;
    ui.hovered_commune = i;
    const double r = commune_radius_pixels(g, ui.camera, i, min_commune_radius_px);
    dl->AddCircle(to_imgui(ui.camera.to_screen(g.commune_pos[static_cast<std::size_t>(i)])),
                  static_cast<float>(r + 3), IM_COL32(255, 220, 90, 255), 12, 2.0f);
    commune_tooltip(s, g, metric, ui, i);
}

/// A legend line: a symbol drawn in a square of the text height, then the text.
template <typename DrawSymbol> void legend_line(const char* text, DrawSymbol draw_symbol) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    draw_symbol(ImGui::GetWindowDrawList(), ImVec2(p.x + h / 2, p.y + h / 2), h / 2);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
}

/// The metric colouring the communes: a choice, the colour scale with its ends, and what grey
/// means.
void draw_metric_choice(const Scenario& sc, const MetricValues& m, UiState& ui) {
    const Lang lang = ui.lang;
    struct Choice {
        MapMetric metric;
        Text text;
    } choices[] = {{MapMetric::None, Text::MetricNone},
                   {MapMetric::TravelMinutes, Text::MetricTravel},
                   {MapMetric::Coverage, Text::MetricCoverage},
                   {MapMetric::Unmet, Text::MetricUnmet}};
    const char* current = tr(lang, Text::MetricNone);
    for (const Choice& c : choices)
        if (c.metric == ui.map_metric) current = tr(lang, c.text);
    ImGui::TextUnformatted(tr(lang, Text::MetricLabel));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 15);
    if (ImGui::BeginCombo("##metric", current)) {
        for (const Choice& c : choices)
            if (ImGui::Selectable(tr(lang, c.text), c.metric == ui.map_metric))
                ui.map_metric = c.metric;
        ImGui::EndCombo();
    }
    if (ui.map_metric == MapMetric::Coverage || ui.map_metric == MapMetric::Unmet) {
        const std::vector<std::string> groups = group_words_of(sc, lang);
        const char* group =
            ui.metric_group >= 0 && static_cast<std::size_t>(ui.metric_group) < groups.size()
                ? groups[static_cast<std::size_t>(ui.metric_group)].c_str()
                : tr(lang, Text::AllGroups);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 15);
        if (ImGui::BeginCombo(tr(lang, Text::Group), group)) {
            if (ImGui::Selectable(tr(lang, Text::AllGroups), ui.metric_group < 0))
                ui.metric_group = -1;
            for (std::size_t g = 0; g < groups.size(); ++g)
                if (ImGui::Selectable(groups[g].c_str(), ui.metric_group == static_cast<int>(g)))
                    ui.metric_group = static_cast<int>(g);
            ImGui::EndCombo();
        }
    }
    if (ui.map_metric == MapMetric::None) return;
    if (!m.available) {
        ImGui::TextDisabled("%s", tr(lang, Text::MetricAfterRun));
        return;
    }
    // the scale: a gradient bar, its ends written under it
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetFontSize() * 15, h = ImGui::GetFontSize() * 0.7f;
    constexpr int steps = 32;
    for (int i = 0; i < steps; ++i) {
        const double v = m.lo + (m.hi - m.lo) * (i + 0.5) / steps;
        const Rgba c = commune_metric_colour(m, v);
        const float x0 = p.x + w * static_cast<float>(i) / steps;
        const float x1 = p.x + w * static_cast<float>(i + 1) / steps;
        dl->AddRectFilled({x0, p.y}, {x1 + 0.5f, p.y + h}, IM_COL32(c[0], c[1], c[2], 255));
    }
    ImGui::Dummy(ImVec2(w, h));
    const std::string lo = format_decimal(lang, m.lo, 0), hi = format_decimal(lang, m.hi, 0);
    ImGui::TextUnformatted(lo.c_str());
    ImGui::SameLine(w - ImGui::CalcTextSize(hi.c_str()).x + ImGui::GetStyle().WindowPadding.x);
    ImGui::TextUnformatted(hi.c_str());
    ImGui::TextDisabled("%s", tr(lang, Text::MetricNoValue));
}

void draw_legend(const Snapshot& snapshot, UiState& ui) {
    const Lang lang = ui.lang;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float left = side_panel_width(ui, vp->Size.x) + 2 * panel_margin;
    // Bottom left of the map area; at its top left when the charts take the bottom.
    if (ui.show_charts)
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + left, vp->WorkPos.y + panel_margin),
                                ImGuiCond_FirstUseEver);
    else
        ImGui::SetNextWindowPos(
            ImVec2(vp->WorkPos.x + left, vp->WorkPos.y + vp->WorkSize.y - panel_margin),
            ImGuiCond_FirstUseEver, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.85f);
    // A large font on a short window (a 720-line projector): the legend starts folded, or it
    // would hide the map between the panels (a click on its title unfolds it).
    // So does a map with overseas insets: they sit at the top left of the map, where it opens.
    if ((ui.large_font && vp->Size.y < 800) ||
        (snapshot.loaded->map && !snapshot.loaded->map->insets.empty()))
        ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    const std::string title = window_title(lang, Text::MapLegend, "legend");
    if (!ImGui::Begin(title.c_str(), &ui.show_legend,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
        ImGui::End();
        return;
    }
    legend_line(tr(lang, Text::LegendCommune), [](ImDrawList* dl, ImVec2 c, float r) {
        dl->AddCircleFilled(c, r * 0.8f, to_imgui(map_colours::commune));
    });
    legend_line(tr(lang, Text::LegendRoad), [](ImDrawList* dl, ImVec2 c, float r) {
        dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x + r, c.y), to_imgui(map_colours::road), 2.0f);
    });
    const struct {
        Text text;
        Rgba colour;
    } kinds[] = {{Text::KindVaccination, map_colours::vaccination},
                 {Text::KindTesting, map_colours::testing},
                 {Text::KindBoth, map_colours::both}};
    for (const auto& k : kinds) {
        legend_line(tr(lang, k.text), [&](ImDrawList* dl, ImVec2 c, float r) {
            const float h = r * 0.6f;
            dl->AddRectFilled(ImVec2(c.x - h - 1.5f, c.y - h - 1.5f),
                              ImVec2(c.x + h + 1.5f, c.y + h + 1.5f),
                              to_imgui(map_colours::centre_outline));
            dl->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h),
                              to_imgui(k.colour));
        });
    }
    // the aggregated symbols, when the map shows some
    const MapScene& scene = ui.map_scene.scene();
    if (!scene.cells.empty())
        legend_line(tr(lang, Text::LegendCell), [](ImDrawList* dl, ImVec2 c, float r) {
            const float h = r * 0.7f;
            dl->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h),
                              to_imgui(map_colours::commune));
        });
    bool clusters = false;
    for (const SceneMarker& m : scene.markers) clusters = clusters || m.count > 1;
    if (clusters)
        legend_line(tr(lang, Text::LegendCluster), [](ImDrawList* dl, ImVec2 c, float r) {
            dl->AddRectFilled(ImVec2(c.x - r - 1, c.y - r - 1), ImVec2(c.x + r + 1, c.y + r + 1),
                              to_imgui(map_colours::centre_outline));
            dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r),
                              to_imgui(map_colours::vaccination));
            const ImVec2 size = ImGui::CalcTextSize("3");
            dl->AddText(ImVec2(c.x - size.x / 2, c.y - size.y / 2), IM_COL32(10, 14, 20, 255), "3");
        });
    ImGui::Separator();
    draw_metric_choice(*snapshot.loaded->scenario, *snapshot.metric, ui);
    ImGui::Separator();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetFontSize() * 15);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr(lang, Text::LegendHelp));
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::End();
}

/// Live queue bars over the centre markers: the bar grows with the people waiting at the
/// marker's centres (1 px a person up to 60, then a square-root scale), the number above it;
/// staff present at the marker's right. Orange while a door is open, grey when all are closed.
void draw_centre_live(const MapScene& scene, const MapCamera& cam, const LiveFrame& frame,
                      int selected, UiState& ui, const std::vector<WindowRect>& covering) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    auto& waiting = ui.map_marker_waiting;
    auto& staff = ui.map_marker_staff;
    waiting.assign(scene.markers.size(), 0);
    staff.assign(scene.markers.size(), 0);
    for (const CentreLive& c : frame.state.centres) {
        if (!c.centre.valid() || c.centre.index() >= scene.centre_marker.size()) continue;
        const int m = scene.centre_marker[c.centre.index()];
        if (m < 0) continue;
        waiting[static_cast<std::size_t>(m)] += c.waiting;
        for (int n : c.staff_by_role) staff[static_cast<std::size_t>(m)] += n;
        // the sign of an open door: the waiting count is kept negative-free, the flag in bit 30
        if (c.doors_open) staff[static_cast<std::size_t>(m)] |= 1 << 30;
    }
    const int selected_marker =
        selected >= 0 && static_cast<std::size_t>(selected) < scene.centre_marker.size()
            ? scene.centre_marker[static_cast<std::size_t>(selected)]
            : -1;
    char text[16];
    for (std::size_t k = 0; k < scene.markers.size(); ++k) {
        const SceneMarker& mk = scene.markers[k];
        const MapPoint p = cam.to_screen(mk.at);
        if (p.x < -80 || p.y < -80 || p.x > cam.width + 80 || p.y > cam.height + 80) continue;
        const auto x = static_cast<float>(p.x), y = static_cast<float>(p.y);
        const float half = mk.half_px;
        if (static_cast<int>(k) == selected_marker)
            dl->AddRect({x - half - 4, y - half - 4}, {x + half + 4, y + half + 4},
                        IM_COL32(255, 220, 90, 255), 0, 0, 2.0f);
        const bool open = (staff[k] & (1 << 30)) != 0;
        const int people = staff[k] & ~(1 << 30);
        if (people > 0) {
            std::snprintf(text, sizeof text, "%d", people);
            const ImVec2 at{x + half + 4, y - ImGui::GetFontSize() * 0.5f};
            const ImVec2 size = ImGui::CalcTextSize(text);
            if (!covered_by(covering, at.x, at.y, at.x + size.x, at.y + size.y))
                dl->AddText(at, IM_COL32(200, 230, 255, 255), text);
        }
        if (waiting[k] <= 0) continue;
        const double w = waiting[k];
        const float h = static_cast<float>(w <= 60 ? w : 60 + 4 * (std::sqrt(w) - std::sqrt(60.0)));
        const ImU32 colour = open ? IM_COL32(255, 150, 40, 235) : IM_COL32(170, 170, 170, 220);
        const float top = y - half - 3 - h;
        dl->AddRectFilled({x - 3, top}, {x + 3, y - half - 3}, colour);
        dl->AddRect({x - 3, top}, {x + 3, y - half - 3}, IM_COL32(0, 0, 0, 160));
        std::snprintf(text, sizeof text, "%d", waiting[k]);
        const ImVec2 size = ImGui::CalcTextSize(text);
        if (covered_by(covering, x - size.x * 0.5f, top - size.y - 1, x + size.x * 0.5f + 1, top))
            continue;
        dl->AddText({x - size.x * 0.5f + 1, top - size.y}, IM_COL32(0, 0, 0, 200), text);
        dl->AddText({x - size.x * 0.5f, top - size.y - 1}, IM_COL32(255, 225, 190, 255), text);
    }
}

/// A click on the map (not on a window) on a marker: a single centre opens its panel; the
/// centres of one commune are offered in a popup; a cluster of communes is zoomed into.
void click_on_map(const Scenario& s, UiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    // Decided after NewFrame: WantCaptureMouse is up to date for this frame.
    if (!io.WantCaptureMouse && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const MapScene& scene = ui.map_scene.scene();
        const int marker = scene.marker_at({io.MousePos.x, io.MousePos.y}, ui.camera);
        if (marker >= 0) {
            const SceneMarker& m = scene.markers[static_cast<std::size_t>(marker)];
            if (m.count == 1) {
                ui.selected_centre = scene.marker_centres[static_cast<std::size_t>(m.first)];
                ui.show_centre = true;
            } else if (m.communes == 1) {
                ui.map_popup_centres.assign(scene.marker_centres.begin() + m.first,
                                            scene.marker_centres.begin() + m.first + m.count);
                ImGui::OpenPopup("##map_pick_centre");
            } else {
                // closer, on the cluster: four times, as far as the zoom allows
                ui.camera.centre = m.at;
                ui.camera.scale = std::min(ui.camera.scale * 4, ui.fit_scale * 400);
            }
        }
    }
    if (ImGui::BeginPopup("##map_pick_centre")) {
        ImGui::TextDisabled("%s", tr(ui.lang, Text::MapPickCentre));
        for (int c : ui.map_popup_centres) {
            if (c < 0 || static_cast<std::size_t>(c) >= s.plan.centres.size()) continue;
            ImGui::PushID(c);
            if (ImGui::Selectable(s.plan.centres[static_cast<std::size_t>(c)].name.c_str())) {
                ui.selected_centre = c;
                ui.show_centre = true;
            }
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
}

} // namespace

void draw_map_overlay(const Snapshot& snapshot, UiState& ui, Commands& /*commands*/) {
    const LoadedScenario& loaded = *snapshot.loaded;
    if (!loaded.scenario || !loaded.map) {
        ui.hovered_commune = -1;
        return;
    }
    update_scene(snapshot, ui);
    click_on_map(*loaded.scenario, ui);
    draw_hover(*loaded.scenario, *loaded.map, *snapshot.metric, ui);
    if (ui.show_legend) draw_legend(snapshot, ui);
}

void draw_map_labels(const Snapshot& snapshot, UiState& ui) {
    const LoadedScenario& loaded = *snapshot.loaded;
    if (!loaded.scenario || !loaded.map) return;
    const std::vector<WindowRect> covering = windows_this_frame();
    const MapScene& scene = ui.map_scene.scene();
    draw_map_texts(*loaded.scenario, *loaded.map, scene, ui.camera, ui.lang, covering,
                   &ui.inset_titles_drawn);
    draw_centre_live(scene, ui.camera, *snapshot.frame, ui.show_centre ? ui.selected_centre : -1,
                     ui, covering);
}

void draw_map_layer_texts(const LoadedScenario& loaded, MapSceneCache& cache,
                          const MapCamera& camera, Lang lang) {
    if (!loaded.scenario || !loaded.map) return;
    LabelMetrics metrics;
    metrics.font_size = ImGui::GetFontSize();
    metrics.digit_width = ImGui::CalcTextSize("0").x;
    metrics.width = [](const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; };
    add_inset_titles(*loaded.map, lang, metrics);
    cache.update(loaded.map, *loaded.scenario, camera, nullptr, &metrics);
    draw_map_texts(*loaded.scenario, *loaded.map, cache.scene(), camera, lang,
                   windows_this_frame());
}

} // namespace riposte::gui
