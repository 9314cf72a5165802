// The "Run" panel: start (or cancel) one replication on the worker thread, follow its
// progress, read its totals.
#include "panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace riposte::gui {
namespace {

struct StatusLook {
    Text text;
    ImVec4 colour;
};

StatusLook status_look(RunStatus status) {
    switch (status) {
    case RunStatus::Idle:
        return {Text::StatusIdle, {0.75f, 0.75f, 0.75f, 1.0f}};
    case RunStatus::Running:
        return {Text::StatusRunning, {0.45f, 0.75f, 1.0f, 1.0f}};
    case RunStatus::Done:
        return {Text::StatusDone, {0.4f, 0.85f, 0.5f, 1.0f}};
    case RunStatus::Failed:
        return {Text::StatusFailed, {1.0f, 0.42f, 0.38f, 1.0f}};
    case RunStatus::Cancelled:
        return {Text::StatusCancelled, {1.0f, 0.8f, 0.35f, 1.0f}};
    }
    return {Text::StatusIdle, {1, 1, 1, 1}};
}

struct TotalRow {
    Text label;
    std::string value;
    const char* help = nullptr; ///< shown when the label is hovered
};

std::string minutes_text(Lang lang, double minutes) {
    return format_decimal(lang, minutes, 1) + " " + tr(lang, Text::Minutes);
}

std::vector<TotalRow> total_rows(const Totals& t, Lang lang) {
    auto count = [&](Text label, std::int64_t v) { return TotalRow{label, format_count(lang, v)}; };
    return {
        count(Text::Vaccinations, t.vaccinations),
        count(Text::FirstDoses, t.first_doses),
        count(Text::CompleteSchedules, t.complete),
        count(Text::Tests, t.tests),
        count(Text::Wanting, t.wanting),
        count(Text::Unmet, t.unmet),
        count(Text::UnmetCannotTravel, t.unmet_cannot_travel),
        count(Text::NoShows, t.no_shows),
        count(Text::TurnedAway, t.turned_away),
        count(Text::DosesDelivered, t.doses_delivered),
        count(Text::DosesUsed, t.doses_used),
        count(Text::DosesWasted, t.doses_wasted),
        count(Text::VialsOpened, t.vials_opened),
        {Text::WaitMean, minutes_text(lang, t.wait_mean_min)},
        {Text::WaitP90, minutes_text(lang, t.wait_p90_min)},
        {Text::WaitP95, minutes_text(lang, t.wait_p95_min)},
        {Text::WaitMax, minutes_text(lang, t.wait_max_min)},
        {Text::StaffHours, format_decimal(lang, t.staff_hours, 0)},
        {Text::OvertimeHours, format_decimal(lang, t.overtime_hours, 1)},
        {Text::Cost, format_decimal(lang, t.cost_eur, 0)},
        count(Text::ShortfallRoleShifts, t.shortfall_role_shifts),
        {Text::CoverageTargetDay,
         t.day_coverage_target_reached < 0 ? std::string{tr(lang, Text::Never)}
                                           : format_count(lang, t.day_coverage_target_reached),
         tr(lang, Text::CoverageTargetDayHelp)},
    };
}

void draw_totals(const Results& r, Lang lang) {
    const std::vector<TotalRow> rows = total_rows(r.totals, lang);
    // The value column is as wide as its widest value: numbers are right-aligned in it.
    float value_width = 0;
    for (const TotalRow& row : rows)
        value_width = std::max(value_width, ImGui::CalcTextSize(row.value.c_str()).x);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("totals", 2, flags)) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, value_width);
    for (const TotalRow& row : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(lang, row.label));
        if (row.help != nullptr && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.help);
        ImGui::TableNextColumn();
        const float w = ImGui::CalcTextSize(row.value.c_str()).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + value_width - w);
        ImGui::TextUnformatted(row.value.c_str());
    }
    ImGui::EndTable();
}

} // namespace

void draw_run_panel(const Snapshot& snapshot, UiState& ui, Commands& commands) {
    const Lang lang = ui.lang;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float top = menu_bar_height(ui) + panel_margin;
    const float width = side_panel_width(ui, vp->Size.x);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->Size.x - width - panel_margin, top),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(width, vp->Size.y - top - panel_margin),
                             ImGuiCond_FirstUseEver);
    const std::string title = window_title(lang, Text::PanelRun, "run");
    if (!ImGui::Begin(title.c_str(), &ui.show_run)) {
        ImGui::End();
        return;
    }
    if (!snapshot.loaded->scenario) {
        ImGui::TextDisabled("%s", tr(lang, Text::NoScenario));
        ImGui::End();
        return;
    }
    const RunState& run = *snapshot.run;
    const bool running = run.status == RunStatus::Running;

    ImGui::BeginDisabled(running);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputScalar(tr(lang, Text::Seed), ImGuiDataType_U64, &ui.seed);
    if (ImGui::Button(tr(lang, Text::RunOneReplication))) commands.push(StartRun{ui.seed});
    ImGui::EndDisabled();
    if (running) {
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, Text::Cancel))) commands.push(CancelRun{});
    }

    ImGui::Separator();
    const StatusLook look = status_look(run.status);
    ImGui::TextColored(look.colour, "%s", tr(lang, look.text));
    if (run.status != RunStatus::Idle) {
        const float fraction =
            run.days > 0 ? static_cast<float>(run.day) / static_cast<float>(run.days) : 0.0f;
        const std::string overlay = std::string{tr(lang, Text::SimulatedDay)} + " " +
                                    std::to_string(run.day) + " / " + std::to_string(run.days);
        ImGui::ProgressBar(fraction, ImVec2(-1, 0), overlay.c_str());
        ImGui::Text(label_value_format(lang), tr(lang, Text::Seed),
                    std::to_string(run.seed).c_str());
        ImGui::SameLine(0, ImGui::GetFontSize() * 2);
        ImGui::Text(label_value_format(lang), tr(lang, Text::ElapsedSeconds),
                    format_decimal(lang, run.wall_seconds, 2).c_str());
    }
    if (run.status == RunStatus::Failed) {
        ImGui::PushStyleColor(ImGuiCol_Text, look.colour);
        ImGui::TextWrapped("%s", run.error.c_str());
        ImGui::PopStyleColor();
    }
    if (run.results) {
        ImGui::Spacing();
        ImGui::TextUnformatted(tr(lang, Text::Totals));
        draw_totals(*run.results, lang);
        ImGui::TextDisabled(
            label_value_format(lang), tr(lang, Text::Events),
            format_count(lang, static_cast<std::int64_t>(run.results->events)).c_str());
    }
    ImGui::End();
}

} // namespace riposte::gui
