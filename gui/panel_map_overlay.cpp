// Over the SFML map (ImGui background draw list): commune labels, the hovered commune's ring
// and tooltip; and the map legend window.
#include "panels.hpp"

#include <imgui.h>

#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace riposte::gui {
namespace {

constexpr std::size_t max_labels = 250;
constexpr double label_min_radius_px = 7.0; ///< smaller discs get a label only if in the top 8
constexpr std::size_t always_labelled = 8;

ImU32 to_imgui(Rgba c) {
    return IM_COL32(c[0], c[1], c[2], c[3]);
}

ImVec2 to_imgui(MapPoint p) {
    return {static_cast<float>(p.x), static_cast<float>(p.y)};
}

bool overlaps(const ImVec4& a, const ImVec4& b) {
    return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

/// Names of the communes, most populous first, skipping any that would overlap one already
/// placed or fall outside the window.
void draw_labels(const Scenario& s, const MapGeometry& g, const MapCamera& cam) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    std::vector<ImVec4> placed; // x0, y0, x1, y1
    placed.reserve(max_labels);
    const auto& communes = s.world.territory.communes;
    for (std::size_t rank = 0; rank < g.by_population.size() && placed.size() < max_labels;
         ++rank) {
        const int i = g.by_population[rank];
        const double r = commune_radius_pixels(g, cam, i, min_commune_radius_px);
        if (r < label_min_radius_px && rank >= always_labelled) continue;
        const MapPoint p = cam.to_screen(g.commune_pos[static_cast<std::size_t>(i)]);
        const char* name = communes[static_cast<std::size_t>(i)].name.c_str();
        const ImVec2 size = ImGui::CalcTextSize(name);
        const ImVec2 at{static_cast<float>(p.x) - size.x / 2, static_cast<float>(p.y + r) + 2};
        const ImVec4 box{at.x - 2, at.y - 1, at.x + size.x + 2, at.y + size.y + 1};
        if (box.z < 0 || box.w < 0 || box.x > cam.width || box.y > cam.height) continue;
        bool clash = false;
        for (const ImVec4& other : placed) clash = clash || overlaps(box, other);
        if (clash) continue;
        placed.push_back(box);
        dl->AddText(ImVec2(at.x + 1, at.y + 1), IM_COL32(0, 0, 0, 200), name);
        dl->AddText(at, IM_COL32(235, 238, 242, 255), name);
    }
}

void draw_hover(const Scenario& s, const MapGeometry& g, const MetricValues& metric, UiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    ui.hovered_commune = -1;
    // Decided after NewFrame: WantCaptureMouse is up to date for this frame.
    if (io.WantCaptureMouse || io.MousePos.x == -FLT_MAX) return;
    const MapPoint mouse{io.MousePos.x, io.MousePos.y};
    const int i = find_commune_at(g, ui.camera, mouse, min_commune_radius_px, 3.0);
    if (i < 0) return;
    ui.hovered_commune = i;
    const Lang lang = ui.lang;
    const auto ci = static_cast<std::size_t>(i);
    const Commune& c = s.world.territory.communes[ci];
    const double r = commune_radius_pixels(g, ui.camera, i, min_commune_radius_px);
    ImGui::GetBackgroundDrawList()->AddCircle(to_imgui(ui.camera.to_screen(g.commune_pos[ci])),
                                              static_cast<float>(r + 3),
                                              IM_COL32(255, 220, 90, 255), 0, 2.0f);
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
        const char* group =
            ui.metric_group >= 0 &&
                    static_cast<std::size_t>(ui.metric_group) < sc.world.groups.size()
                ? sc.world.groups[static_cast<std::size_t>(ui.metric_group)].name.c_str()
                : tr(lang, Text::AllGroups);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 15);
        if (ImGui::BeginCombo(tr(lang, Text::Group), group)) {
            if (ImGui::Selectable(tr(lang, Text::AllGroups), ui.metric_group < 0))
                ui.metric_group = -1;
            for (std::size_t g = 0; g < sc.world.groups.size(); ++g)
                if (ImGui::Selectable(sc.world.groups[g].name.c_str(),
                                      ui.metric_group == static_cast<int>(g)))
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
    if (ui.large_font && vp->Size.y < 800)
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

/// Live queue bars over the centre markers: the bar grows with the people waiting (1 px a
/// person up to 60, then a square-root scale), the number above it; staff present at the
/// marker's right. Orange while the doors are open, grey when closed.
void draw_centre_live(const Scenario& s, const MapGeometry& g, const MapCamera& cam,
                      const LiveFrame& frame, int selected) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float half = static_cast<float>(centre_marker_half_px);
    for (const CentreLive& c : frame.state.centres) {
        if (c.centre < 0 || static_cast<std::size_t>(c.centre) >= s.plan.centres.size()) continue;
        const MapPoint p = centre_marker_screen(g, cam, s, c.centre);
        if (p.x < -80 || p.y < -80 || p.x > cam.width + 80 || p.y > cam.height + 80) continue;
        const auto x = static_cast<float>(p.x), y = static_cast<float>(p.y);
        if (c.centre == selected)
            dl->AddRect({x - half - 4, y - half - 4}, {x + half + 4, y + half + 4},
                        IM_COL32(255, 220, 90, 255), 0, 0, 2.0f);
        int staff = 0;
        for (int n : c.staff_by_role) staff += n;
        if (staff > 0) {
            const std::string text = std::to_string(staff);
            dl->AddText({x + half + 4, y - ImGui::GetFontSize() * 0.5f},
                        IM_COL32(200, 230, 255, 255), text.c_str());
        }
        if (c.waiting <= 0) continue;
        const double w = c.waiting;
        const float h = static_cast<float>(w <= 60 ? w : 60 + 4 * (std::sqrt(w) - std::sqrt(60.0)));
        const ImU32 colour =
            c.doors_open ? IM_COL32(255, 150, 40, 235) : IM_COL32(170, 170, 170, 220);
        const float top = y - half - 3 - h;
        dl->AddRectFilled({x - 3, top}, {x + 3, y - half - 3}, colour);
        dl->AddRect({x - 3, top}, {x + 3, y - half - 3}, IM_COL32(0, 0, 0, 160));
        const std::string text = std::to_string(c.waiting);
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        dl->AddText({x - size.x * 0.5f + 1, top - size.y}, IM_COL32(0, 0, 0, 200), text.c_str());
        dl->AddText({x - size.x * 0.5f, top - size.y - 1}, IM_COL32(255, 225, 190, 255),
                    text.c_str());
    }
}

/// A click on the map (not on a window) near a centre marker opens that centre's panel.
void select_centre_on_click(const Scenario& s, const MapGeometry& g, UiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    // Decided after NewFrame: WantCaptureMouse is up to date for this frame.
    if (io.WantCaptureMouse || !ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return;
    const double reach = centre_marker_half_px + 4;
    double best = reach * reach;
    int found = -1;
    for (std::size_t c = 0; c < s.plan.centres.size(); ++c) {
        const MapPoint p = centre_marker_screen(g, ui.camera, s, static_cast<int>(c));
        const double dx = p.x - io.MousePos.x, dy = p.y - io.MousePos.y;
        if (dx * dx + dy * dy <= best) {
            best = dx * dx + dy * dy;
            found = static_cast<int>(c);
        }
    }
    if (found >= 0) {
        ui.selected_centre = found;
        ui.show_centre = true;
    }
}

} // namespace

void draw_map_overlay(const Snapshot& snapshot, UiState& ui, Commands& /*commands*/) {
    const LoadedScenario& loaded = *snapshot.loaded;
    if (!loaded.scenario || !loaded.map) {
        ui.hovered_commune = -1;
        return;
    }
    draw_labels(*loaded.scenario, *loaded.map, ui.camera);
    draw_centre_live(*loaded.scenario, *loaded.map, ui.camera, *snapshot.frame,
                     ui.show_centre ? ui.selected_centre : -1);
    select_centre_on_click(*loaded.scenario, *loaded.map, ui);
    draw_hover(*loaded.scenario, *loaded.map, *snapshot.metric, ui);
    if (ui.show_legend) draw_legend(snapshot, ui);
}

} // namespace riposte::gui
