// The "Compare plans" panel: pick two or more plans for the loaded world, run N replications of
// each in the background with common random numbers (CompareJob over the live-run service's
// BatchRun, as `riposte compare`), then the plans' means side by side in bar charts and the
// table of paired differences to plan A with their 95% CIs, significant ones marked.
#include "chart.hpp"
#include "fit.hpp"
#include "panels.hpp"

#include "riposte/text/names_texts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

namespace riposte::gui {
namespace {

/// Bar charts drawn (the first KPIs of the table, where every plan has a value).
constexpr std::size_t max_charts = 6;
constexpr int charts_per_row = 3;

const ImVec4 better_colour{0.40f, 0.85f, 0.50f, 1.0f};
const ImVec4 worse_colour{1.0f, 0.45f, 0.40f, 1.0f};
const ImVec4 problem_colour{1.0f, 0.42f, 0.38f, 1.0f};

/// "123,4 ± 5,6" (fr) / "123.4 ± 5.6" (en), with as many decimals as the size asks.
std::string mean_ci(Lang lang, double mean, double ci) {
    const int decimals = std::abs(mean) >= 100 ? 0 : std::abs(mean) >= 10 ? 1 : 2;
    std::string s = format_decimal(lang, mean, decimals);
    if (std::isfinite(ci)) s += " ± " + format_decimal(lang, ci, decimals);
    return s;
}

std::string signed_ci(Lang lang, double diff, double ci) {
    return (diff > 0 ? "+" : "") + mean_ci(lang, diff, ci);
}

/// The plans on offer: the loaded plan and its siblings (once), then what was added.
void ensure_candidates(const Snapshot& snapshot, UiState& ui) {
    if (!ui.compare_files.empty()) return;
    for (const auto& p : snapshot.loaded->plan_candidates) {
        ui.compare_files.push_back(p.string());
        // by default the open plan and the next one are ticked
        ui.compare_picked.push_back(ui.compare_files.size() <= 2 ? 1 : 0);
    }
}

void draw_pick(const Snapshot& snapshot, UiState& ui, Commands& commands, bool busy) {
    const Lang lang = ui.lang;
    wrapped(tr(lang, Text::ComparePick));
    ui.compare_picked.resize(ui.compare_files.size(), 0);
    int label = 0;
    for (std::size_t i = 0; i < ui.compare_files.size(); ++i) {
        bool on = ui.compare_picked[i] != 0;
        const std::filesystem::path file{ui.compare_files[i]};
        std::string text = file.filename().string();
        if (on) text = std::string(1, static_cast<char>('A' + label++)) + "  " + text;
        if (file == snapshot.loaded->plan_file)
            text += std::string{"  "} + tr(lang, Text::CompareOpenPlan);
        text += "##plan" + std::to_string(i);
        ImGui::BeginDisabled(busy);
        if (ImGui::Checkbox(text.c_str(), &on)) ui.compare_picked[i] = on ? 1 : 0;
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.compare_files[i].c_str());
    }
    // the field keeps room for its hint; the button goes under it when both do not fit
    const float hint_w = ImGui::CalcTextSize(tr(lang, Text::CompareAddHint)).x +
                         ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFontSize();
    const bool side_by_side = width_before_button(tr(lang, Text::CompareAddPlan)) >= hint_w;
    ImGui::SetNextItemWidth(side_by_side ? width_before_button(tr(lang, Text::CompareAddPlan))
                                         : -1.0f);
    ImGui::InputTextWithHint("##add", tr(lang, Text::CompareAddHint), ui.compare_add.data(),
                             ui.compare_add.size());
    note_text_field();
    if (side_by_side) ImGui::SameLine();
    if (ImGui::Button(tr(lang, Text::CompareAddPlan)) && ui.compare_add[0] != '\0') {
        const std::string path{ui.compare_add.data()};
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) {
            ui.compare_message = std::string{tr(lang, Text::CompareNoSuchFile)} + " " + path;
        } else {
            ui.compare_files.push_back(path);
            ui.compare_picked.push_back(1);
            ui.compare_add.fill('\0');
            ui.compare_message.clear();
        }
    }

    ImGui::BeginDisabled(busy);
    const std::string reps_label =
        label_fitting(tr(lang, Text::CompareReplications), ImGui::GetFontSize() * 8);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputInt(reps_label.c_str(), &ui.compare_replications))
        ui.compare_replications = std::clamp(ui.compare_replications, 2, 1000);
    std::vector<std::string> picked;
    for (std::size_t i = 0; i < ui.compare_files.size(); ++i)
        if (ui.compare_picked[i]) picked.push_back(ui.compare_files[i]);
    ImGui::BeginDisabled(picked.size() < 2 || !snapshot.loaded->scenario);
    if (ImGui::Button(tr(lang, Text::CompareStart)))
        commands.push(StartCompare{picked, ui.compare_replications, ui.seed});
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if (busy) {
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, Text::CompareCancel))) commands.push(CancelCompare{});
    }
    if (picked.size() < 2) wrapped_disabled(tr(lang, Text::CompareNeedTwo));
}

void draw_status(const CompareView& v, Lang lang) {
    const std::string secs = format_decimal(lang, v.seconds, 1) + " s";
    switch (v.status) {
    case CompareStatus::Idle:
        return;
    case CompareStatus::Loading:
        wrapped(tr(lang, Text::CompareLoading));
        return;
    case CompareStatus::Running: {
        const float f = v.total > 0 ? static_cast<float>(v.done) / static_cast<float>(v.total) : 0;
        const std::string text = std::string{tr(lang, Text::CompareRunning)} + " : " +
                                 std::to_string(v.done) + " / " + std::to_string(v.total) + " (" +
                                 secs + ")";
        ImGui::ProgressBar(f, {-1, 0}, text.c_str());
        return;
    }
    case CompareStatus::Done:
        ImGui::TextColored(better_colour, "%s %s", tr(lang, Text::CompareDone), secs.c_str());
        return;
    case CompareStatus::Cancelled:
        wrapped(tr(lang, Text::CompareCancelled));
        return;
    case CompareStatus::Failed:
        ImGui::TextColored(problem_colour, "%s", tr(lang, Text::CompareFailed));
        if (!v.error.empty()) ImGui::TextWrapped("%s", v.error.c_str());
        return;
    }
}

/// Every problem of the plan files, as file:line:column: message.
void draw_diagnostics(const CompareView& v) {
    for (const Diagnostic& d : v.diagnostics) {
        const std::string line = format_diagnostic(d);
        ImGui::PushStyleColor(ImGuiCol_Text, d.severity == Severity::Error
                                                 ? problem_colour
                                                 : ImVec4{1.0f, 0.8f, 0.35f, 1.0f});
        ImGui::TextWrapped("%s", line.c_str());
        ImGui::PopStyleColor();
    }
}

/// One bar chart per KPI (the plans' means side by side), charts_per_row to a row.
void draw_charts(const Comparison& c, Lang lang) {
    wrapped(tr(lang, Text::CompareCharts));
    std::vector<const ComparedKpi*> shown;
    for (const ComparedKpi& k : c.kpis) {
        if (shown.size() >= max_charts) break;
        const bool everywhere =
            std::all_of(k.present.begin(), k.present.end(), [](bool b) { return b; });
        const bool all_zero =
            std::all_of(k.mean.begin(), k.mean.end(), [](double m) { return m == 0; });
        if (everywhere && !all_zero) shown.push_back(&k);
    }
    if (shown.empty()) return;
    // as many charts to a row as have room for their axes (one on a narrow projector window)
    const int per_row =
        std::clamp(static_cast<int>(ImGui::GetContentRegionAvail().x / (ImGui::GetFontSize() * 13)),
                   1, charts_per_row);
    if (!ImGui::BeginTable("compare_charts", per_row, ImGuiTableFlags_SizingStretchSame)) return;
    std::vector<std::string> labels;
    for (const ComparedPlan& p : c.plans) labels.push_back(p.label);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const ComparedKpi& k = *shown[i];
        ImGui::TableNextColumn();
        const std::string title = text::kpi_label(language_of(lang), k.name);
        wrapped(title.c_str());
        ChartSpec spec;
        const std::string id = "compare_kpi" + std::to_string(i);
        spec.id = id.c_str();
        spec.lang = lang;
        spec.kind = ChartKind::Bars;
        spec.height = ImGui::GetFontSize() * 9;
        spec.categories = labels;
        spec.bars_fill_category = true;
        spec.y_label = tr(lang, Text::CompareMean);
        spec.y_decimals = 1;
        spec.y_min_span = 0.1;
        // one series per plan, each at its own category, so each plan keeps its colour
        std::vector<ChartSeries> series;
        for (std::size_t p = 0; p < c.plans.size(); ++p)
            series.push_back({c.plans[p].label + " " + c.plans[p].name,
                              {static_cast<double>(p)},
                              {k.mean[p]},
                              series_colour(p)});
        draw_chart(spec, series);
    }
    ImGui::EndTable();
}

void draw_table(const Comparison& c, Lang lang) {
    wrapped(tr(lang, Text::CompareTable));
    const int n = static_cast<int>(c.plans.size());
    const int columns = 1 + n + (n - 1);
    // columns as wide as their content, scrolled sideways when they do not all fit
    const ImGuiTableFlags flags =
        fit_table_flags | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY;
    const float height =
        std::max(ImGui::GetFontSize() * 8,
                 ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 3);
    if (!ImGui::BeginTable("compare_table", columns, flags, {0, height})) return;
    ImGui::TableSetupScrollFreeze(1, 1); // the indicator stays in view when scrolled sideways
    ImGui::TableSetupColumn(tr(lang, Text::CompareIndicator));
    for (const ComparedPlan& p : c.plans) {
        const std::string h = p.label + " " + tr(lang, Text::CompareMeanCi);
        ImGui::TableSetupColumn(h.c_str());
    }
    for (int p = 1; p < n; ++p) {
        const std::string h =
            c.plans[static_cast<std::size_t>(p)].label + " − " + c.plans.front().label;
        ImGui::TableSetupColumn(h.c_str());
    }
    ImGui::TableHeadersRow();
    for (const ComparedKpi& k : c.kpis) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string name = text::kpi_label(language_of(lang), k.name);
        ImGui::TextUnformatted(name.c_str());
        for (int p = 0; p < n; ++p) {
            ImGui::TableNextColumn();
            const auto pu = static_cast<std::size_t>(p);
            if (!k.present[pu]) {
                ImGui::TextDisabled("-");
                continue;
            }
            const std::string cell = mean_ci(lang, k.mean[pu], k.ci95[pu]);
            ImGui::TextUnformatted(cell.c_str());
        }
        for (int p = 1; p < n; ++p) {
            ImGui::TableNextColumn();
            const auto pu = static_cast<std::size_t>(p);
            if (!k.present[pu] || !k.present[0]) {
                ImGui::TextDisabled("-");
                continue;
            }
            const PairedDifference& d = k.diffs[pu];
            std::string cell = signed_ci(lang, d.diff, d.ci95);
            const std::string_view verdict = difference_verdict(d);
            if (d.significant && verdict == "better")
                ImGui::TextColored(better_colour, "%s *  %s", cell.c_str(),
                                   tr(lang, Text::CompareBetter));
            else if (d.significant && verdict == "worse")
                ImGui::TextColored(worse_colour, "%s *  %s", cell.c_str(),
                                   tr(lang, Text::CompareWorse));
            else if (d.significant)
                ImGui::Text("%s *", cell.c_str());
            else
                ImGui::TextUnformatted(cell.c_str());
        }
    }
    ImGui::EndTable();
    ImGui::TextDisabled("%s", tr(lang, Text::CompareNote));
}

} // namespace

void draw_compare_panel(const Snapshot& snapshot, UiState& ui, Commands& commands) {
    const Lang lang = ui.lang;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float side = side_panel_width(ui, display.x) + 2 * panel_margin;
    const float top = menu_bar_height(ui) + panel_margin;
    ImGui::SetNextWindowPos({side, top}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(
        {std::max(400.0f, display.x - 2 * side), std::max(300.0f, display.y - top - panel_margin)},
        ImGuiCond_FirstUseEver);
    if (ui.compare_focus) {
        ImGui::SetNextWindowFocus();
        ui.compare_focus = false;
    }
    ImGui::SetNextWindowBgAlpha(1.0f); // opaque over the panels it may cover
    const std::string title = window_title(lang, Text::PanelCompare, "compare");
    if (!ImGui::Begin(title.c_str(), &ui.show_compare)) {
        ImGui::End();
        return;
    }
    ensure_candidates(snapshot, ui);
    const CompareView& v = *snapshot.compare;
    const bool busy = v.status == CompareStatus::Loading || v.status == CompareStatus::Running;
    draw_pick(snapshot, ui, commands, busy);
    draw_status(v, lang);
    draw_diagnostics(v);
    if (v.comparison) {
        const Comparison& c = *v.comparison;
        ImGui::Separator();
        for (std::size_t p = 0; p < c.plans.size(); ++p) {
            const ComparedPlan& plan = c.plans[p];
            std::string line = plan.label + "  " + plan.name + "  (" +
                               std::filesystem::path(plan.file).filename().string() + ", " +
                               std::to_string(plan.replications) + " " +
                               tr(lang, Text::ValidationReplications);
            if (p == 0) line += ", " + std::string{tr(lang, Text::CompareReference)};
            line += ")";
            wrapped_coloured(ImVec4{series_colour(p).r / 255.0f, series_colour(p).g / 255.0f,
                                    series_colour(p).b / 255.0f, 1.0f},
                             line.c_str());
        }
        if (c.partial) wrapped_coloured(problem_colour, tr(lang, Text::ComparePartial));
        draw_charts(c, lang);
        draw_table(c, lang);
        if (ui.compare_export[0] == '\0') {
            const std::string def = "compare.csv";
            std::copy(def.begin(), def.end(), ui.compare_export.begin());
        }
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
        ImGui::InputText("##export", ui.compare_export.data(), ui.compare_export.size());
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, Text::CompareExport)))
            commands.push(ExportCompare{ui.compare_export.data()});
    }
    if (!ui.compare_message.empty()) ImGui::TextWrapped("%s", ui.compare_message.c_str());
    ImGui::End();
}

} // namespace riposte::gui
