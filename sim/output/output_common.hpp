#pragma once
// Internal to sim/output: name look-ups that never fail and aggregates shared by the JSON and
// text summaries. Results may come from anywhere (tests build them by hand), so an index out
// of range gives "#<index>" instead of undefined behaviour.
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"
#include "riposte/text/strings.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace riposte::output_detail {

std::string centre_name(const Scenario& s, int centre);
std::string role_name(const Scenario& s, int role);
std::string profession_name(const Scenario& s, int profession);
std::string group_name(const Scenario& s, int group);
std::string team_name(const Scenario& s, int team);
/// Roles, professions and groups as words a person reads ("sage-femme", "75 ans et plus"),
/// from the string table; an identifier the table does not know is kept as written.
std::string role_label(const Scenario& s, int role, Language language);
std::string profession_label(const Scenario& s, int profession, Language language);
std::string group_label(const Scenario& s, int group, Language language);
/// A centre's display_name, else its name (centres, then mobile teams, as centre_name()).
std::string centre_label(const Scenario& s, int centre);
/// Base commune of mobile team `team` (-1 when out of range).
int team_commune(const Scenario& s, int team);
/// Commune INSEE code and name ("" when out of range).
std::string commune_insee(const Scenario& s, int commune);
std::string commune_name(const Scenario& s, int commune);
/// Commune of centre `centre` of the plan (-1 when out of range).
int centre_commune(const Scenario& s, int centre);
std::string date_of(const Scenario& s, int day);

/// a / b, NaN when b is zero (formatted as an empty field / null / "-").
double ratio(double a, double b);

/// Everything per centre over the whole run.
struct CentreTotals {
    int centre = 0;
    int days = 0; ///< centre-day rows
    std::int64_t arrivals = 0, served = 0, no_shows = 0, turned_away = 0, walk_ins = 0;
    std::int64_t vaccinations = 0, tests = 0;
    double wait_mean_min = 0;      ///< weighted by people served each day
    double wait_p90_worst_min = 0; ///< worst daily p90
    double wait_p95_worst_min = 0; ///< worst daily p95
    double wait_max_min = 0;
    double time_in_centre_mean_min = 0;
    int max_waiting = 0;
    double overtime_hours = 0;
    std::int64_t doses_used = 0, vials_opened = 0, doses_wasted = 0, stock_end = 0;
    std::int64_t slots_opened = 0, slots_booked = 0;
    double staffed_hours = 0, busy_hours = 0;
    // testing
    std::int64_t test_demand = 0, antigen = 0, pcr = 0, no_kit = 0, kits_end = 0;
    double result_delay_mean_hours = 0; ///< weighted by samples (antigen + pcr)
    bool has_testing = false;
};

/// One entry per centre of the plan, in plan order.
std::vector<CentreTotals> centre_totals(const Scenario& s, const Results& r);

/// Staffed and busy hours of one role at one centre over the run.
struct RoleUse {
    int centre = 0, role = 0;
    double staffed_hours = 0, busy_hours = 0;
    int max_required = 0, max_present = 0;
};

/// Sorted by (centre, role); only pairs that appear in the results.
std::vector<RoleUse> role_use(const Results& r);

/// Everything per mobile team over the whole run.
struct TeamTotals {
    int team = 0;
    int days_out = 0; ///< days with staff present
    std::int64_t first_doses = 0, second_doses = 0;
    std::int64_t communes_visited = 0;
    double drive_minutes = 0;
    std::int64_t doses_used = 0, vials_opened = 0, doses_wasted = 0, stock_end = 0;
};

/// One entry per mobile team of the plan, in plan order.
std::vector<TeamTotals> team_totals(const Scenario& s, const Results& r);

/// The last coverage row of each group (highest day), in group order.
std::vector<CoverageRow> coverage_at_end(const Results& r);

/// Share of doses taken out of vials that were wasted: wasted / (used + wasted).
double waste_share(std::int64_t used, std::int64_t wasted);

} // namespace riposte::output_detail
