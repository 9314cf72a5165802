// The "Run" panel: the live run's controls (play, pause, step one event / hour / day, speed,
// jump to a day, restart with a seed), its clock and progress, and its totals so far.
#include "fit.hpp"
#include "panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace riposte::gui {
namespace {

struct StatusLook {
    Text text;
    ImVec4 colour;
};

StatusLook status_look(LiveStatus status) {
    switch (status) {
    case LiveStatus::Idle:
        return {Text::StatusIdle, {0.75f, 0.75f, 0.75f, 1.0f}};
    case LiveStatus::Paused:
        return {Text::StatusPaused, {1.0f, 0.8f, 0.35f, 1.0f}};
    case LiveStatus::Playing:
        return {Text::StatusPlaying, {0.45f, 0.75f, 1.0f, 1.0f}};
    case LiveStatus::Running:
        return {Text::StatusRunning, {0.45f, 0.75f, 1.0f, 1.0f}};
    case LiveStatus::Done:
        return {Text::StatusDone, {0.4f, 0.85f, 0.5f, 1.0f}};
    case LiveStatus::Failed:
        return {Text::StatusFailed, {1.0f, 0.42f, 0.38f, 1.0f}};
    }
    return {Text::StatusIdle, {1, 1, 1, 1}};
}

/// "J3 14:05" / "D3 14:05": the simulated clock, days counted from 1 as people say them.
std::string clock_text(Lang lang, SimTime t) {
    const std::int64_t s = t.second_of_day();
    char hm[16];
    std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(s / 3600),
                  static_cast<int>(s / 60 % 60));
    return std::string{tr(lang, Text::DayShort)} + std::to_string(t.day() + 1) + " " + hm;
}

/// SameLine() when an item `label` wide (a button) still fits on the line, else a new line
/// (a large font in a narrow panel).
void same_line_if_fits(const char* label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = ImGui::CalcTextSize(label).x + style.FramePadding.x * 2;
    const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + w;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

/// The speed buttons, slider and the "as fast as possible" switch.
void draw_speed(UiState& ui, Commands& commands, Lang lang) {
    bool changed = ImGui::Checkbox(tr(lang, Text::SpeedAsFastAsPossible), &ui.speed_max);
    ImGui::BeginDisabled(ui.speed_max);
    const float value = std::pow(10.0f, ui.speed_log10);
    const std::string label = "×" + format_decimal(lang, value, 0);
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize(tr(lang, Text::Speed)).x -
                            ImGui::GetStyle().ItemInnerSpacing.x);
    changed |= ImGui::SliderFloat(tr(lang, Text::Speed), &ui.speed_log10, 0.0f, 4.0f, label.c_str(),
                                  ImGuiSliderFlags_AlwaysClamp);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(lang, Text::SpeedHelp));
    ImGui::EndDisabled();
    if (changed) {
        // whole steps of the slider's label: ×1, ×2, … ×10 000
        const double speed = std::round(std::pow(10.0, static_cast<double>(ui.speed_log10)));
        commands.push(SetSpeed{ui.speed_max ? 0.0 : speed});
    }
}

void draw_controls(const LiveFrame& frame, UiState& ui, Commands& commands, Lang lang) {
    const bool can_run = frame.status == LiveStatus::Paused ||
                         frame.status == LiveStatus::Playing || frame.status == LiveStatus::Running;
    ImGui::BeginDisabled(!can_run);
    if (frame.status == LiveStatus::Playing || frame.status == LiveStatus::Running) {
        if (ImGui::Button(tr(lang, Text::PauseRun))) commands.push(PauseRun{});
    } else {
        if (ImGui::Button(tr(lang, Text::Play))) commands.push(PlayRun{});
    }
    same_line_if_fits(tr(lang, Text::StepEvent));
    if (ImGui::Button(tr(lang, Text::StepEvent))) commands.push(StepEvent{});
    same_line_if_fits(tr(lang, Text::StepHour));
    if (ImGui::Button(tr(lang, Text::StepHour))) commands.push(StepBy{hours(1)});
    same_line_if_fits(tr(lang, Text::StepDay));
    if (ImGui::Button(tr(lang, Text::StepDay))) commands.push(StepBy{days(1)});
    ImGui::EndDisabled();

    draw_speed(ui, commands, lang);

    // Jump to a day: forward runs there, backward rewinds (rebuilt, deterministic).
    const int last_day = std::max(1, frame.horizon.day());
    ImGui::BeginDisabled(frame.status == LiveStatus::Idle);
    int shown = ui.jump_day + 1; // days counted from 1 on screen
    const std::string jump_label =
        label_fitting(tr(lang, Text::JumpToDay), ImGui::GetFontSize() * 8);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputInt(jump_label.c_str(), &shown))
        ui.jump_day = std::clamp(shown - 1, 0, last_day);
    same_line_for_button(tr(lang, Text::Go));
    if (ImGui::Button(tr(lang, Text::Go))) commands.push(JumpTo{days(ui.jump_day)});
    ImGui::EndDisabled();

    // an exercise session's seed is its journal's: it is not restarted with another
    ImGui::BeginDisabled(frame.session != nullptr);
    const std::string seed_label = label_fitting(tr(lang, Text::Seed), ImGui::GetFontSize() * 8);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputScalar(seed_label.c_str(), ImGuiDataType_U64, &ui.seed);
    same_line_if_fits(tr(lang, Text::Restart));
    if (ImGui::Button(tr(lang, Text::Restart))) commands.push(RestartRun{ui.seed});
    ImGui::EndDisabled();
}

struct TotalRow {
    Text label;
    std::string value;
    const char* help = nullptr; ///< shown when the label is hovered
};

std::string minutes_text(Lang lang, double minutes) {
    return format_decimal(lang, minutes, 1) + " " + tr(lang, Text::Minutes);
}

/// Totals while the run goes: the engine's counters so far, with the per-centre day counters
/// summed from the day rows published and today's rows (the engine totals those at the end).
Totals live_totals(const LiveFrame& frame, const LiveSeries& series) {
    Totals t = frame.state.totals;
    t.no_shows = t.turned_away = t.doses_used = t.doses_wasted = t.vials_opened = 0;
    for (const auto& c : series.centres)
        for (std::size_t i = 0; i < c.doses_used.size(); ++i) {
            t.doses_used += static_cast<std::int64_t>(c.doses_used[i]);
            t.doses_wasted += static_cast<std::int64_t>(c.doses_wasted[i]);
        }
    for (const CentreDayRow& r : series.day_rows) {
        t.no_shows += r.no_shows;
        t.turned_away += r.turned_away;
        t.vials_opened += r.vials_opened;
    }
    for (const CentreLive& c : frame.state.centres) {
        t.no_shows += c.today.no_shows;
        t.turned_away += c.today.turned_away;
        t.doses_used += c.today.doses_used;
        t.doses_wasted += c.today.doses_wasted;
        t.vials_opened += c.today.vials_opened;
    }
    return t;
}

/// The rows of the totals table; before the end, only the counters known so far.
std::vector<TotalRow> total_rows(const Totals& t, Lang lang, bool final) {
    auto count = [&](Text label, std::int64_t v) { return TotalRow{label, format_count(lang, v)}; };
    if (!final)
        return {
            count(Text::Vaccinations, t.vaccinations),
            count(Text::FirstDoses, t.first_doses),
            count(Text::CompleteSchedules, t.complete),
            count(Text::Tests, t.tests),
            count(Text::NoShows, t.no_shows),
            count(Text::TurnedAway, t.turned_away),
            count(Text::DosesDelivered, t.doses_delivered),
            count(Text::DosesUsed, t.doses_used),
            count(Text::DosesWasted, t.doses_wasted),
            count(Text::VialsOpened, t.vials_opened),
        };
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

void draw_totals(const Totals& totals, Lang lang, bool final) {
    const std::vector<TotalRow> rows = total_rows(totals, lang, final);
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
        wrapped(tr(lang, row.label)); // a long label wraps, the numbers keep their column
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
    const LiveFrame& frame = *snapshot.frame;
    draw_controls(frame, ui, commands, lang);

    ImGui::Separator();
    const StatusLook look = status_look(frame.status);
    ImGui::TextColored(look.colour, "%s", tr(lang, look.text));
    if (frame.status != LiveStatus::Idle) {
        char line[256];
        std::snprintf(line, sizeof line, label_value_format(lang), tr(lang, Text::SimulatedTime),
                      clock_text(lang, frame.state.now).c_str());
        same_line_if_room(ImGui::CalcTextSize(line).x, ImGui::GetFontSize() * 1.5f);
        ImGui::TextUnformatted(line);
        const double horizon =
            static_cast<double>(std::max<std::int64_t>(1, frame.horizon.seconds()));
        const float fraction = static_cast<float>(
            std::clamp(static_cast<double>(frame.state.now.seconds()) / horizon, 0.0, 1.0));
        const std::string overlay =
            std::string{tr(lang, Text::SimulatedDay)} + " " +
            std::to_string(std::min(frame.state.now.day() + 1, frame.horizon.day())) + " / " +
            std::to_string(frame.horizon.day());
        ImGui::ProgressBar(fraction, ImVec2(-1, 0), overlay.c_str());
        ImGui::Text(label_value_format(lang), tr(lang, Text::Seed),
                    std::to_string(frame.seed).c_str());
        std::snprintf(line, sizeof line, label_value_format(lang), tr(lang, Text::Events),
                      format_count(lang, static_cast<std::int64_t>(frame.state.events)).c_str());
        same_line_if_room(ImGui::CalcTextSize(line).x, ImGui::GetFontSize() * 1.5f);
        ImGui::TextUnformatted(line);
    }
    if (frame.status == LiveStatus::Failed) {
        ImGui::PushStyleColor(ImGuiCol_Text, look.colour);
        ImGui::TextWrapped("%s", frame.error.c_str());
        ImGui::PopStyleColor();
    }
    if (frame.status != LiveStatus::Idle) {
        ImGui::Spacing();
        // Final totals once the run is done; the counters so far before (waits and per-run
        // figures are filled when the run ends).
        ImGui::TextUnformatted(tr(lang, frame.results ? Text::Totals : Text::LiveTotals));
        if (frame.results)
            draw_totals(frame.results->totals, lang, true);
        else
            draw_totals(live_totals(frame, *snapshot.series), lang, false);
    }
    ImGui::End();
}

} // namespace riposte::gui
