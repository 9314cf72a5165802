#include "output/output_common.hpp"

#include "riposte/output.hpp"
#include "riposte/text/names_texts.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

namespace riposte::output_detail {

namespace {

std::string name_at(const std::vector<std::string>& names, int index) {
    if (index >= 0 && static_cast<std::size_t>(index) < names.size()) {
        return names[static_cast<std::size_t>(index)];
    }
    return "#" + std::to_string(index);
}

template <class T> const T* at(const std::vector<T>& v, int index) {
    if (index >= 0 && static_cast<std::size_t>(index) < v.size()) {
        return &v[static_cast<std::size_t>(index)];
    }
    return nullptr;
}

} // namespace

std::string centre_name(const Scenario& s, int centre) {
    return s.plan.unit_name(centre); // centres, then mobile teams (roster shortfalls)
}

std::string role_name(const Scenario& s, int role) {
    return name_at(s.world.roles.vector(), role);
}

std::string profession_name(const Scenario& s, int profession) {
    return name_at(s.world.professions.vector(), profession);
}

std::string group_name(const Scenario& s, int group) {
    const PopulationGroup* g = at(s.world.groups, group);
    return g ? g->name : "#" + std::to_string(group);
}

std::string role_label(const Scenario& s, int role, Language language) {
    const std::string* display = at(s.world.role_display_names, role);
    if (display && !display->empty()) return *display;
    return text::name_in(text::role_names, role_name(s, role), language);
}

std::string profession_label(const Scenario& s, int profession, Language language) {
    const std::string* display = at(s.world.profession_display_names, profession);
    if (display && !display->empty()) return *display;
    return text::name_in(text::profession_names, profession_name(s, profession), language);
}

std::string group_label(const Scenario& s, int group, Language language) {
    const PopulationGroup* g = at(s.world.groups, group);
    if (g && !g->display_name.empty()) return g->display_name;
    return text::name_in(text::group_names, group_name(s, group), language);
}

std::string centre_label(const Scenario& s, int centre) {
    const Centre* c = at(s.plan.centres, centre);
    if (c && !c->display_name.empty()) return c->display_name;
    return centre_name(s, centre);
}

std::string team_name(const Scenario& s, int team) {
    const MobileTeam* t = at(s.plan.mobile_teams, team);
    return t ? t->name : "#" + std::to_string(team);
}

int team_commune(const Scenario& s, int team) {
    const MobileTeam* t = at(s.plan.mobile_teams, team);
    return t ? t->base_commune : -1;
}

std::string commune_insee(const Scenario& s, int commune) {
    const Commune* c = at(s.world.territory.communes, commune);
    return c ? c->insee : std::string{};
}

std::string commune_name(const Scenario& s, int commune) {
    const Commune* c = at(s.world.territory.communes, commune);
    return c ? c->name : "#" + std::to_string(commune);
}

int centre_commune(const Scenario& s, int centre) {
    const Centre* c = at(s.plan.centres, centre);
    return c ? c->commune : -1;
}

std::string date_of(const Scenario& s, int day) {
    return iso_date(s.world.start_date, day);
}

double ratio(double a, double b) {
    return b == 0.0 ? std::numeric_limits<double>::quiet_NaN() : a / b;
}

double waste_share(std::int64_t used, std::int64_t wasted) {
    return ratio(static_cast<double>(wasted), static_cast<double>(used + wasted));
}

std::vector<CentreTotals> centre_totals(const Scenario& s, const Results& r) {
    const std::size_t n = s.plan.centres.size();
    std::vector<CentreTotals> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i].centre = static_cast<int>(i);
    std::vector<double> wait_weight(n, 0), time_weight(n, 0);
    std::vector<int> last_stock_day(n, std::numeric_limits<int>::min());

    for (const CentreDayRow& row : r.centre_days) {
        if (row.centre < 0 || static_cast<std::size_t>(row.centre) >= n) continue;
        const auto i = static_cast<std::size_t>(row.centre);
        CentreTotals& t = out[i];
        ++t.days;
        t.arrivals += row.arrivals;
        t.served += row.served;
        t.no_shows += row.no_shows;
        t.turned_away += row.turned_away;
        t.walk_ins += row.walk_ins;
        t.vaccinations += row.vaccinations;
        t.tests += row.tests;
        const auto served = static_cast<double>(row.served);
        t.wait_mean_min += row.wait_mean_min * served;
        t.time_in_centre_mean_min += row.time_in_centre_mean_min * served;
        wait_weight[i] += served;
        time_weight[i] += served;
        t.wait_p90_worst_min = std::max(t.wait_p90_worst_min, row.wait_p90_min);
        t.wait_p95_worst_min = std::max(t.wait_p95_worst_min, row.wait_p95_min);
        t.wait_max_min = std::max(t.wait_max_min, row.wait_max_min);
        t.max_waiting = std::max(t.max_waiting, row.max_waiting);
        t.overtime_hours += row.overtime_hours;
        t.doses_used += row.doses_used;
        t.vials_opened += row.vials_opened;
        t.doses_wasted += row.doses_wasted;
        t.slots_opened += row.slots_opened;
        t.slots_booked += row.slots_booked;
        if (row.day >= last_stock_day[i]) {
            last_stock_day[i] = row.day;
            t.stock_end = row.stock_end;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        out[i].wait_mean_min = wait_weight[i] > 0 ? out[i].wait_mean_min / wait_weight[i] : 0;
        out[i].time_in_centre_mean_min =
            time_weight[i] > 0 ? out[i].time_in_centre_mean_min / time_weight[i] : 0;
    }

    for (const RoleDayRow& row : r.role_days) {
        if (row.centre < 0 || static_cast<std::size_t>(row.centre) >= n) continue;
        CentreTotals& t = out[static_cast<std::size_t>(row.centre)];
        t.staffed_hours += row.staffed_hours;
        t.busy_hours += row.busy_hours;
    }

    std::vector<double> delay_weight(n, 0);
    std::vector<int> last_kit_day(n, std::numeric_limits<int>::min());
    for (const TestingDayRow& row : r.testing_days) {
        if (row.centre < 0 || static_cast<std::size_t>(row.centre) >= n) continue;
        const auto i = static_cast<std::size_t>(row.centre);
        CentreTotals& t = out[i];
        t.has_testing = true;
        t.test_demand += row.demand;
        t.antigen += row.antigen;
        t.pcr += row.pcr;
        t.no_kit += row.no_kit;
        const auto samples = static_cast<double>(row.antigen + row.pcr);
        t.result_delay_mean_hours += row.result_delay_mean_hours * samples;
        delay_weight[i] += samples;
        if (row.day >= last_kit_day[i]) {
            last_kit_day[i] = row.day;
            t.kits_end = row.kits_end;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        out[i].result_delay_mean_hours =
            delay_weight[i] > 0 ? out[i].result_delay_mean_hours / delay_weight[i] : 0;
    }
    return out;
}

std::vector<RoleUse> role_use(const Results& r) {
    std::map<std::pair<int, int>, RoleUse> by_key;
    for (const RoleDayRow& row : r.role_days) {
        RoleUse& u = by_key[{row.centre, row.role}];
        u.centre = row.centre;
        u.role = row.role;
        u.staffed_hours += row.staffed_hours;
        u.busy_hours += row.busy_hours;
        u.max_required = std::max(u.max_required, row.required);
        u.max_present = std::max(u.max_present, row.present);
    }
    std::vector<RoleUse> out;
    out.reserve(by_key.size());
    for (const auto& [key, use] : by_key) out.push_back(use);
    return out;
}

std::vector<TeamTotals> team_totals(const Scenario& s, const Results& r) {
    const std::size_t n = s.plan.mobile_teams.size();
    std::vector<TeamTotals> out(n);
    std::vector<int> last_day(n, std::numeric_limits<int>::min());
    for (std::size_t i = 0; i < n; ++i) out[i].team = static_cast<int>(i);
    for (const MobileDayRow& row : r.mobile_days) {
        if (row.team < 0 || static_cast<std::size_t>(row.team) >= n) continue;
        const auto i = static_cast<std::size_t>(row.team);
        TeamTotals& t = out[i];
        t.days_out += row.staff_present > 0 ? 1 : 0;
        t.first_doses += row.first_doses;
        t.second_doses += row.second_doses;
        t.communes_visited += row.communes_visited;
        t.drive_minutes += row.drive_minutes;
        t.doses_used += row.doses_used;
        t.vials_opened += row.vials_opened;
        t.doses_wasted += row.doses_wasted;
        if (row.day >= last_day[i]) {
            last_day[i] = row.day;
            t.stock_end = row.stock_end;
        }
    }
    return out;
}

std::vector<CoverageRow> coverage_at_end(const Results& r) {
    std::map<int, CoverageRow> last;
    for (const CoverageRow& row : r.coverage) {
        auto it = last.find(row.group);
        if (it == last.end()) {
            last.emplace(row.group, row);
        } else if (row.day >= it->second.day) {
            it->second = row;
        }
    }
    std::vector<CoverageRow> out;
    out.reserve(last.size());
    for (const auto& [group, row] : last) out.push_back(row);
    return out;
}

} // namespace riposte::output_detail

namespace riposte {

std::string role_words(const Scenario& scenario, int role, Language language) {
    return output_detail::role_label(scenario, role, language);
}

std::string profession_words(const Scenario& scenario, int profession, Language language) {
    return output_detail::profession_label(scenario, profession, language);
}

std::string group_words(const Scenario& scenario, int group, Language language) {
    return output_detail::group_label(scenario, group, language);
}

} // namespace riposte
