// The "Live indicators" panel: charts of the live run, updated from the series the App takes
// in from each published frame. All charts go through the chart module (chart.hpp).
#include "chart.hpp"
#include "fit.hpp"
#include "panels.hpp"

#include "riposte/output.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace riposte::gui {
namespace {

/// Per-centre charts draw at most this many centres (a legend beyond is unreadable).
constexpr std::size_t max_centres_drawn = 8;

/// Read-out of a day axis whose values already count from 1: "J3".
std::string day_text_from_one(Lang lang, double x) {
    return std::string{tr(lang, Text::DayShort)} + std::to_string(static_cast<int>(x + 0.5));
}

std::string clock_text(Lang lang, double x) {
    const auto s = static_cast<std::int64_t>(x * 86400.0 + 0.5);
    char hm[16];
    std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(s % 86400 / 3600),
                  static_cast<int>(s % 3600 / 60));
    return std::string{tr(lang, Text::DayShort)} + std::to_string(s / 86400) + " " + hm;
}

/// Day indices shown from 1, as people count days.
std::vector<double> days_from_one(const std::vector<double>& day) {
    std::vector<double> out(day);
    for (double& d : out) d += 1;
    return out;
}

ChartSpec day_chart(const char* id, Lang lang, float height, Text y_label) {
    ChartSpec spec;
    spec.id = id;
    spec.lang = lang;
    spec.height = height;
    spec.x_label = tr(lang, Text::AxisDay);
    spec.y_label = tr(lang, y_label);
    spec.x_format = day_text_from_one;
    spec.empty_text = tr(lang, Text::NoDataYet);
    return spec;
}

/// One series per centre (the first max_centres_drawn) from a per-day column.
std::vector<ChartSeries> per_centre(const Scenario& sc, const LiveSeries& series,
                                    std::vector<double> LiveSeries::CentreDays::*column) {
    std::vector<ChartSeries> out;
    for (std::size_t c = 0; c < series.centres.size() && c < max_centres_drawn; ++c) {
        const LiveSeries::CentreDays& cd = series.centres[c];
        out.push_back(
            {sc.plan.centres[c].name, days_from_one(cd.day), cd.*column, series_colour(c)});
    }
    return out;
}

/// Two charts side by side when each gets room for its axes and legend, else one (a large
/// font on a small projector window).
int chart_columns() {
    return ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * 26 ? 2 : 1;
}

/// A chart's title: wrapped to its column (a long title on a narrow projector window).
void heading(Text text, Lang lang) {
    wrapped(tr(lang, text));
}

void draw_activity(const Scenario& sc, const LiveSeries& s, Lang lang, float h) {
    if (!ImGui::BeginTable("activity", chart_columns(), ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableNextColumn();
    heading(Text::ChartVaccinationsPerDay, lang);
    draw_chart(day_chart("vaccinations", lang, h, Text::AxisDoses),
               per_centre(sc, s, &LiveSeries::CentreDays::vaccinations));

    ImGui::TableNextColumn();
    heading(Text::ChartCoverage, lang);
    {
        ChartSpec spec = day_chart("coverage", lang, h, Text::AxisPercent);
        spec.y_decimals = 1;
        std::vector<ChartSeries> lines;
        std::vector<ChartThreshold> targets;
        for (std::size_t g = 0; g < s.groups.size(); ++g)
            lines.push_back({group_words(sc, static_cast<int>(g), language_of(lang)),
                             days_from_one(s.groups[g].day), s.groups[g].first_pct,
                             series_colour(g)});
        for (const Target& t : sc.plan.targets) {
            if (t.kind != TargetKind::Coverage) continue;
            std::string label = tr(lang, Text::TargetCoverage);
            ChartColour colour{255, 90, 80, 255};
            if (t.group >= 0 && static_cast<std::size_t>(t.group) < sc.world.groups.size()) {
                label += " " + group_words(sc, t.group, language_of(lang));
                colour = series_colour(static_cast<std::size_t>(t.group));
            }
            targets.push_back({label, t.threshold, colour});
        }
        if (targets.empty()) {
            // No coverage target in the plan: each group's share wanting the vaccine is its
            // ceiling, drawn faint in the group's colour.
            for (std::size_t g = 0; g < s.groups.size(); ++g) {
                ChartColour c = series_colour(g);
                c.a = 110;
                targets.push_back({"", s.groups[g].wanting_pct, c});
            }
        }
        draw_chart(spec, lines, targets);
    }
    ImGui::TableNextColumn();
    heading(Text::ChartStock, lang);
    {
        draw_chart(day_chart("stock", lang, h, Text::AxisDoses),
                   per_centre(sc, s, &LiveSeries::CentreDays::stock_end));
    }
    ImGui::TableNextColumn();
    heading(Text::DosesWasted, lang);
    draw_chart(day_chart("wasted", lang, h, Text::AxisDoses),
               per_centre(sc, s, &LiveSeries::CentreDays::doses_wasted));
    ImGui::EndTable();
}

void draw_waits(const Scenario& sc, const LiveSeries& s, Lang lang, float h) {
    if (!ImGui::BeginTable("waits", chart_columns(), ImGuiTableFlags_SizingStretchSame)) return;
    std::vector<ChartThreshold> p90_targets;
    for (const Target& t : sc.plan.targets)
        if (t.kind == TargetKind::WaitP90)
            p90_targets.push_back({std::string{tr(lang, Text::TargetP90)} + " " +
                                       format_decimal(lang, t.threshold, 0) + " " +
                                       tr(lang, Text::Minutes),
                                   t.threshold});
    ImGui::TableNextColumn();
    heading(Text::ChartWaits, lang);
    ChartSpec p50 = day_chart("wait_p50", lang, h, Text::AxisMinutes);
    p50.y_decimals = 1;
    p50.y_label = std::string{"p50 ("} + tr(lang, Text::AxisMinutes) + ")";
    draw_chart(p50, per_centre(sc, s, &LiveSeries::CentreDays::wait_p50), p90_targets);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(" ");
    ChartSpec p90 = day_chart("wait_p90", lang, h, Text::AxisMinutes);
    p90.y_decimals = 1;
    p90.y_label = std::string{"p90 ("} + tr(lang, Text::AxisMinutes) + ")";
    draw_chart(p90, per_centre(sc, s, &LiveSeries::CentreDays::wait_p90), p90_targets);
    ImGui::EndTable();

    heading(Text::ChartQueue, lang);
    ChartSpec q = day_chart("queue", lang, h, Text::AxisPeople);
    q.x_format = clock_text;
    q.x_decimals = 1;
    std::vector<ChartSeries> lines;
    for (std::size_t c = 0; c < s.queue.size() && c < max_centres_drawn; ++c) {
        std::vector<double> x(s.queue[c].t);
        for (double& v : x) v += 1; // days from 1
        lines.push_back(
            {sc.plan.centres[c].name, std::move(x), s.queue[c].waiting, series_colour(c)});
    }
    draw_chart(q, lines);
}

void draw_resources(const Scenario& sc, const LiveSeries& s, const LiveFrame& frame, Lang lang,
                    float h) {
    if (!ImGui::BeginTable("resources", chart_columns(), ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableNextColumn();
    heading(Text::ChartUtilisation, lang);
    {
        ChartSpec spec = day_chart("utilisation", lang, h, Text::AxisPercent);
        spec.y_decimals = 1;
        spec.y_min_span = 100;
        std::vector<ChartSeries> lines;
        for (std::size_t r = 0; r < s.roles.size(); ++r)
            if (!s.roles[r].day.empty())
                lines.push_back({role_words(sc, static_cast<int>(r), language_of(lang)),
                                 days_from_one(s.roles[r].day), s.roles[r].utilisation_pct,
                                 series_colour(r)});
        draw_chart(spec, lines);
    }
    ImGui::TableNextColumn();
    // Hours taken from routine care: by profession once the run is done (the engine totals
    // them at the end); until then the hours on site so far by role.
    ChartSpec spec;
    spec.id = "staff_hours";
    spec.lang = lang;
    spec.height = h;
    spec.kind = ChartKind::Bars;
    spec.y_label = tr(lang, Text::AxisHours);
    ChartSeries bars;
    bars.colour = series_colour(0);
    if (frame.results && !frame.results->professions.empty()) {
        heading(Text::ChartStaffHours, lang);
        bars.label = tr(lang, Text::StaffHours);
        for (const ProfessionRow& p : frame.results->professions) {
            if (p.worked_hours <= 0) continue;
            bars.x.push_back(static_cast<double>(spec.categories.size()));
            bars.y.push_back(p.worked_hours);
            spec.categories.push_back(profession_words(sc, p.profession, language_of(lang)));
        }
    } else {
        heading(Text::ChartStaffHoursByRole, lang);
        bars.label = tr(lang, Text::StaffHours);
        for (std::size_t r = 0; r < s.role_staffed_hours.size(); ++r) {
            if (s.role_staffed_hours[r] <= 0) continue;
            bars.x.push_back(static_cast<double>(spec.categories.size()));
            bars.y.push_back(s.role_staffed_hours[r]);
            spec.categories.push_back(role_words(sc, static_cast<int>(r), language_of(lang)));
        }
    }
    spec.empty_text = tr(lang, Text::NoDataYet);
    draw_chart(spec, {bars});
    ImGui::EndTable();
}

} // namespace

void draw_charts_panel(const Snapshot& snapshot, UiState& ui, Commands& /*commands*/) {
    const Lang lang = ui.lang;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float side = side_panel_width(ui, vp->Size.x);
    const float left = vp->WorkPos.x + (ui.show_scenario ? side + 2 * panel_margin : panel_margin);
    const float right =
        vp->WorkPos.x + vp->Size.x - (ui.show_run ? side + 2 * panel_margin : panel_margin);
    const float height = charts_height(ui, vp->Size.y);
    ImGui::SetNextWindowPos(ImVec2(left, vp->Size.y - height - panel_margin),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(std::max(320.0f, right - left), height),
                             ImGuiCond_FirstUseEver);
    const std::string title = window_title(lang, Text::PanelCharts, "charts");
    ImGui::SetNextWindowBgAlpha(1.0f); // the map behind would blur the charts
    if (!ImGui::Begin(title.c_str(), &ui.show_charts)) {
        ImGui::End();
        return;
    }
    if (!snapshot.loaded->scenario) {
        ImGui::TextDisabled("%s", tr(lang, Text::NoScenario));
        ImGui::End();
        return;
    }
    const Scenario& sc = *snapshot.loaded->scenario;
    const LiveSeries& s = *snapshot.series;
    if (sc.plan.centres.size() > max_centres_drawn)
        wrapped_disabled(tr(lang, Text::FirstCentresOnly));
    // Two rows of charts fit the window: each chart takes about half the height left.
    const float chart_h = std::max(
        ImGui::GetFontSize() * 6.5f,
        (ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 3) * 0.5f);
    // --charts-tab: that tab in front once
    const auto tab_flags = [&](int tab) {
        return ui.chart_tab_wanted == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    };
    if (ImGui::BeginTabBar("chart_tabs")) {
        if (ImGui::BeginTabItem(tr(lang, Text::TabActivity), nullptr, tab_flags(0))) {
            ui.chart_tab = 0;
            draw_activity(sc, s, lang, chart_h);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(lang, Text::TabWaits), nullptr, tab_flags(1))) {
            ui.chart_tab = 1;
            draw_waits(sc, s, lang, chart_h);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(lang, Text::TabResources), nullptr, tab_flags(2))) {
            ui.chart_tab = 2;
            draw_resources(sc, s, *snapshot.frame, lang, chart_h);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ui.chart_tab_wanted = -1;
    ImGui::End();
}

} // namespace riposte::gui
