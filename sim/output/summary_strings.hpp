#pragma once
// Every piece of text a person reads in the terminal summary, in one place, so that a French
// table (the default language of the product) can be added next to the English one.
#include <string_view>

namespace riposte::output_detail {

struct SummaryStrings {
    // heading
    std::string_view plan = "plan";
    std::string_view seed = "seed";
    std::string_view replication = "replication";
    std::string_view days = "days";
    std::string_view to = "to";
    std::string_view events = "events";
    std::string_view none = "none";
    std::string_view missing = "-";

    // overall
    std::string_view overall = "OVERALL";
    std::string_view vaccinations = "Vaccinations";
    std::string_view first_doses = "First doses";
    std::string_view complete = "Complete schedules";
    std::string_view tests = "Tests";
    std::string_view wanting = "Wanting a vaccine";
    std::string_view unmet = "Unmet demand";
    std::string_view of_wanting = "of wanting";
    std::string_view cannot_travel = "cannot travel";
    std::string_view home_vaccinations = "Vaccinations at home";
    std::string_view by_mobile_teams = "by mobile teams";
    std::string_view unmet_tests = "Unmet test demand";
    std::string_view unmet_tests_note = "tests sought with no centre within reach";
    std::string_view no_shows = "No-shows";
    std::string_view turned_away = "Turned away";
    std::string_view doses_delivered = "Doses delivered";
    std::string_view doses_used = "Doses used";
    std::string_view doses_wasted = "Doses wasted";
    std::string_view of_doses_drawn = "of doses drawn from vials";
    std::string_view vials_opened = "Vials opened";
    std::string_view wait_minutes = "Wait (minutes)";
    std::string_view mean = "mean";
    std::string_view p90 = "p90";
    std::string_view p95 = "p95";
    std::string_view max = "max";
    std::string_view staff_hours = "Staff hours";
    std::string_view overtime_hours = "Overtime hours";
    std::string_view cost = "Cost estimate";
    std::string_view eur = "EUR";
    std::string_view target_reached = "80% of wanting fully vaccinated";
    std::string_view on_day = "day";
    std::string_view not_reached = "not reached";

    // centres
    std::string_view centres = "CENTRES";
    std::string_view no_centres = "(no centres in the plan)";
    std::string_view col_centre = "Centre";
    std::string_view col_arrivals = "Arrivals";
    std::string_view col_served = "Served";
    std::string_view col_no_shows = "No-shows";
    std::string_view col_turned_away = "Turned away";
    std::string_view col_overtime_h = "Overtime h";
    std::string_view col_doses_used = "Doses used";
    std::string_view col_wasted = "Wasted";
    std::string_view col_utilisation = "Util.";
    std::string_view centres_note = "Util. = busy / staffed hours over the run.";

    // waits by centre
    std::string_view waits = "WAITS BY CENTRE (minutes)";
    std::string_view col_mean = "Mean";
    std::string_view col_p90_worst = "p90 worst day";
    std::string_view col_p95_worst = "p95 worst day";
    std::string_view col_max = "Max";
    std::string_view col_time_in_centre = "Time in centre";
    std::string_view col_peak_queue = "Peak queue";
    std::string_view waits_note =
        "Time queued at all stations per person served; time in centre is entry to exit.";

    // utilisation by role
    std::string_view roles = "UTILISATION BY ROLE (busy / staffed hours over the run)";
    std::string_view col_role = "Role";
    std::string_view col_staffed_h = "Staffed h";
    std::string_view col_busy_h = "Busy h";
    std::string_view col_peak_required = "Peak required";
    std::string_view col_peak_present = "Peak present";

    // testing
    std::string_view testing = "TESTING";
    std::string_view col_demand = "Demand";
    std::string_view col_antigen = "Antigen";
    std::string_view col_pcr = "PCR";
    std::string_view col_no_kit = "No kit";
    std::string_view col_result_delay_h = "Result delay h";
    std::string_view col_kits_left = "Kits left";

    // mobile teams
    std::string_view mobile_teams = "MOBILE TEAMS";
    std::string_view col_team = "Team";
    std::string_view col_base = "Base";
    std::string_view col_days_out = "Days out";
    std::string_view col_first_doses = "First doses";
    std::string_view col_second_doses = "Second doses";
    std::string_view col_visits = "Communes visited";
    std::string_view col_drive_h = "Driving h";

    // coverage
    std::string_view coverage = "COVERAGE BY GROUP";
    std::string_view as_of = "as of";
    std::string_view no_coverage = "(no coverage recorded)";
    std::string_view col_group = "Group";
    std::string_view col_population = "Population";
    std::string_view col_target = "Target";
    std::string_view col_first_dose = "First dose";
    std::string_view col_complete = "Complete";
    std::string_view col_pct = "%";
    std::string_view col_pct_target = "% of target";
    std::string_view coverage_note = "% of the group's population; target = people who want it.";

    // professions
    std::string_view staff = "STAFF BY PROFESSION";
    std::string_view no_staff = "(no staff recorded)";
    std::string_view col_profession = "Profession";
    std::string_view col_pool = "Pool";
    std::string_view col_used = "Used";
    std::string_view col_rostered_h = "Rostered h";
    std::string_view col_worked_h = "Worked h";
    std::string_view col_absent_h = "Absent h";
    std::string_view col_commute_h = "Commute h";
    std::string_view col_cost = "Cost EUR";
    std::string_view total = "Total";
    std::string_view staff_note = "Worked hours are hours taken from routine care.";

    // shortfalls
    std::string_view shortfalls = "SHORTFALLS";
    std::string_view shortfalls_count = "role-shifts short of staff";
    std::string_view col_date = "Date";
    std::string_view col_shift = "Shift";
    std::string_view col_required = "Required";
    std::string_view col_rostered = "Rostered";
    std::string_view col_reason = "Reason";
    std::string_view and_more = "... and";
    std::string_view more_see_csv = "more (see shortfall.csv)";
};

inline constexpr SummaryStrings english_strings{};

} // namespace riposte::output_detail
