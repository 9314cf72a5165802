// The centre panel, opened by a click on a centre of the map: its live state (doors, queue,
// stock and open vial), each station's queue and staff, the staff on site by role, today's
// shifts and today's counters so far.
#include "fit.hpp"
#include "panels.hpp"

#include "riposte/output.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace riposte::gui {
namespace {

std::string hhmm(SimTime t) {
    const std::int64_t s = t.seconds();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(s / 3600),
                  static_cast<int>(s / 60 % 60));
    return buf;
}

std::string label_value(Lang lang, Text label, const std::string& value) {
    char line[256];
    std::snprintf(line, sizeof line, label_value_format(lang), tr(lang, label), value.c_str());
    return line;
}

void value_row(Lang lang, Text label, const std::string& value) {
    wrapped(label_value(lang, label, value).c_str());
}

/// A role in words ("injection" → « vaccinateur »), as the string table and the world say.
std::string role_text(const Scenario& sc, int role, Lang lang) {
    if (role < 0 || static_cast<std::size_t>(role) >= sc.world.roles.size()) return "—";
    return role_words(sc, role, language_of(lang));
}

void draw_stations(const Scenario& sc, const Centre& def, const CentreLive& live, Lang lang) {
    // columns as wide as their content; sideways scrolling when they do not fit the panel
    const ImGuiTableFlags flags = fit_table_flags | ImGuiTableFlags_BordersInnerV;
    const int rows = static_cast<int>(live.stations.size());
    if (!ImGui::BeginTable("stations", 4, flags, ImVec2(0, fit_table_height(rows)))) return;
    ImGui::TableSetupColumn(tr(lang, Text::Station));
    ImGui::TableSetupColumn(tr(lang, Text::Role));
    ImGui::TableSetupColumn(tr(lang, Text::Queued));
    ImGui::TableSetupColumn(tr(lang, Text::ServersBusy));
    ImGui::TableHeadersRow();
    for (const StationLive& st : live.stations) {
        if (!st.station.valid() || st.station.index() >= def.stations.size()) continue;
        const Station& sd = def.stations[st.station.index()];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(sd.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(
            (sd.role.valid() ? role_text(sc, sd.role.value(), lang) : std::string("—")).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", st.queued);
        ImGui::TableNextColumn();
        std::string staff =
            sd.kind == StationKind::Area
                ? std::to_string(st.places_used) + " / " + std::to_string(sd.capacity) + " " +
                      tr(lang, Text::PlacesUsed)
                : std::to_string(st.servers_busy) + " / " + std::to_string(st.servers_present);
        if (st.stopped && live.doors_open) {
            ImGui::TextColored({1.0f, 0.42f, 0.38f, 1.0f}, "%s (%s)", staff.c_str(),
                               tr(lang, Text::Stopped));
        } else {
            ImGui::TextUnformatted(staff.c_str());
        }
    }
    ImGui::EndTable();
}

void draw_shifts_today(const Scenario& sc, const Centre& def, int day, Lang lang) {
    wrapped(tr(lang, Text::ShiftsToday));
    if (!def.open_on(day, sc.world.start_weekday)) {
        wrapped_disabled(tr(lang, Text::NotOpenToday));
        return;
    }
    const int weekday = (day + sc.world.start_weekday) % 7;
    for (const Shift& sh : def.shifts) {
        if (day < sh.first_day || day > sh.last_day || !((sh.weekdays >> weekday) & 1)) continue;
        std::string people;
        for (std::size_t r = 0; r < sh.staff.size() && r < sc.world.roles.size(); ++r) {
            if (sh.staff[RoleId{r}] <= 0) continue;
            if (!people.empty()) people += ", ";
            people += std::to_string(sh.staff[RoleId{r}]) + " " +
                      role_text(sc, static_cast<int>(r), lang);
        }
        ImGui::Bullet();
        wrapped((hhmm(sh.start) + "–" + hhmm(sh.end) + "  " + people).c_str());
    }
}

} // namespace

void draw_centre_panel(const Snapshot& snapshot, UiState& ui, Commands& /*commands*/) {
    const Lang lang = ui.lang;
    if (!snapshot.loaded->scenario) return;
    const Scenario& sc = *snapshot.loaded->scenario;
    if (ui.selected_centre < 0 ||
        static_cast<std::size_t>(ui.selected_centre) >= sc.plan.centres.size())
        return;
    const Centre& def = sc.plan.centres[static_cast<std::size_t>(ui.selected_centre)];
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = side_panel_width(ui, vp->Size.x);
    // Top right of the map area, above the charts: the map stays visible at its left.
    const float right =
        vp->WorkPos.x + vp->Size.x - (ui.show_run ? width + 2 * panel_margin : panel_margin);
    const float top = menu_bar_height(ui) + panel_margin;
    const float bottom = ui.show_charts ? vp->Size.y - charts_height(ui, vp->Size.y) - panel_margin
                                        : vp->Size.y - panel_margin;
    ImGui::SetNextWindowPos(ImVec2(right, top), ImGuiCond_FirstUseEver, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, std::max(bottom - top - panel_margin, 200.0f)),
                             ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(1.0f);
    // The centre's name is the first line, wrapped (a long name would be cut in the title bar);
    // a stable id so the window keeps its place.
    const std::string title = std::string{tr(lang, Text::PanelCentre)} + "###centre";
    if (!ImGui::Begin(title.c_str(), &ui.show_centre)) {
        ImGui::End();
        return;
    }
    wrapped(def.name.c_str());
    const LiveFrame& frame = *snapshot.frame;
    const CentreLive* live = nullptr;
    for (const CentreLive& c : frame.state.centres)
        if (c.centre == CentreId{ui.selected_centre}) live = &c;
    if (live == nullptr) {
        ImGui::TextDisabled("%s", tr(lang, Text::NoDataYet));
        ImGui::End();
        return;
    }
    if (live->doors_open)
        ImGui::TextColored({0.4f, 0.85f, 0.5f, 1.0f}, "%s", tr(lang, Text::DoorsOpen));
    else
        ImGui::TextColored({0.75f, 0.75f, 0.75f, 1.0f}, "%s", tr(lang, Text::DoorsClosed));
    value_row(lang, Text::WaitingNow, format_count(lang, live->waiting));
    const std::string inside =
        label_value(lang, Text::InCentre, format_count(lang, live->in_centre));
    same_line_if_room(ImGui::CalcTextSize(inside.c_str()).x, ImGui::GetFontSize() * 1.5f);
    wrapped(inside.c_str());
    if (def.vaccinates()) {
        value_row(lang, Text::StockDoses, format_count(lang, live->stock));
        value_row(lang, Text::OpenVial, format_count(lang, live->open_vial_doses));
    }
    ImGui::Separator();
    draw_stations(sc, def, *live, lang);

    ImGui::Spacing();
    wrapped(tr(lang, Text::StaffOnSite));
    bool any = false;
    for (std::size_t r = 0; r < live->staff_by_role.size() && r < sc.world.roles.size(); ++r) {
        if (live->staff_by_role[RoleId{r}] <= 0) continue;
        ImGui::Bullet();
        wrapped((role_text(sc, static_cast<int>(r), lang) + (lang == Lang::Fr ? " : " : ": ") +
                 std::to_string(live->staff_by_role[RoleId{r}]))
                    .c_str());
        any = true;
    }
    if (!any) ImGui::TextDisabled("—");

    ImGui::Spacing();
    draw_shifts_today(sc, def, frame.state.now.day(), lang);

    ImGui::Spacing();
    wrapped(tr(lang, Text::Today));
    const CentreDayRow& t = live->today;
    value_row(lang, Text::Arrivals, format_count(lang, t.arrivals));
    value_row(lang, Text::Served, format_count(lang, t.served));
    if (def.vaccinates()) value_row(lang, Text::Vaccinations, format_count(lang, t.vaccinations));
    if (def.tests()) value_row(lang, Text::Tests, format_count(lang, t.tests));
    value_row(lang, Text::NoShows, format_count(lang, t.no_shows));
    value_row(lang, Text::TurnedAway, format_count(lang, t.turned_away));
    if (def.vaccinates()) {
        value_row(lang, Text::DosesUsed, format_count(lang, t.doses_used));
        value_row(lang, Text::DosesWasted, format_count(lang, t.doses_wasted));
    }
    ImGui::End();
}

} // namespace riposte::gui
