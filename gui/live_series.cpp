#include "live_series.hpp"

#include <algorithm>

namespace riposte::gui {

void LiveSeries::reset(const Scenario* scenario) {
    *this = LiveSeries{};
    if (!scenario) return;
    centres.resize(scenario->plan.centres.size());
    queue.resize(scenario->plan.centres.size());
    groups.resize(scenario->world.groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g)
        groups[g].wanting_pct = 100.0 * scenario->world.groups[g].uptake;
    roles.resize(scenario->world.roles.size());
    role_staffed_hours.assign(scenario->world.roles.size(), 0.0);
}

void LiveSeries::add(const Scenario& scenario, const SeriesDelta& delta) {
    if (centres.size() != scenario.plan.centres.size()) reset(&scenario);
    for (const CentreDayRow& r : delta.centre_days) {
        if (r.centre < 0 || static_cast<std::size_t>(r.centre) >= centres.size()) continue;
        CentreDays& c = centres[static_cast<std::size_t>(r.centre)];
        c.day.push_back(r.day);
        c.vaccinations.push_back(static_cast<double>(r.vaccinations));
        c.tests.push_back(static_cast<double>(r.tests));
        c.wait_p50.push_back(r.wait_p50_min);
        c.wait_p90.push_back(r.wait_p90_min);
        c.doses_used.push_back(static_cast<double>(r.doses_used));
        c.doses_wasted.push_back(static_cast<double>(r.doses_wasted));
        c.stock_end.push_back(static_cast<double>(r.stock_end));
    }
    for (const QueueSample& q : delta.queue) {
        if (q.centre < 0 || static_cast<std::size_t>(q.centre) >= queue.size()) continue;
        QueueLine& l = queue[static_cast<std::size_t>(q.centre)];
        l.t.push_back(static_cast<double>(q.time.seconds()) / 86400.0);
        l.waiting.push_back(q.waiting);
    }
    // Coverage rows come one per (day, group): cumulative counts.
    for (const CoverageRow& r : delta.coverage) {
        if (r.group < 0 || static_cast<std::size_t>(r.group) >= groups.size()) continue;
        GroupCoverage& g = groups[static_cast<std::size_t>(r.group)];
        const double pop = static_cast<double>(std::max<std::int64_t>(1, r.population));
        g.day.push_back(r.day);
        g.first_pct.push_back(100.0 * static_cast<double>(r.first_dose) / pop);
        g.complete_pct.push_back(100.0 * static_cast<double>(r.complete) / pop);
        if (r.population > 0) g.wanting_pct = 100.0 * static_cast<double>(r.target) / pop;
    }
    // Station days → hours per role and day (server stations: they carry staffed hours).
    int first_new_day = -1;
    for (const StationDayRow& r : delta.station_days) {
        if (r.centre < 0 || static_cast<std::size_t>(r.centre) >= scenario.plan.centres.size())
            continue;
        const Centre& c = scenario.plan.centres[static_cast<std::size_t>(r.centre)];
        if (r.station < 0 || static_cast<std::size_t>(r.station) >= c.stations.size()) continue;
        const Station& st = c.stations[static_cast<std::size_t>(r.station)];
        if (st.kind != StationKind::Servers || !st.role.valid() ||
            st.role.index() >= roles.size() || r.day < 0)
            continue;
        const auto day = static_cast<std::size_t>(r.day);
        if (busy_.size() <= day) {
            busy_.resize(day + 1, std::vector<double>(roles.size(), 0.0));
            staffed_.resize(day + 1, std::vector<double>(roles.size(), 0.0));
        }
        const auto role = st.role.index();
        busy_[day][role] += r.busy_hours;
        staffed_[day][role] += r.staffed_hours;
        role_staffed_hours[role] += r.staffed_hours;
        if (first_new_day < 0 || r.day < first_new_day) first_new_day = r.day;
    }
    if (first_new_day >= 0) {
        // rebuild the per-role lines from the first day touched
        for (std::size_t role = 0; role < roles.size(); ++role) {
            RoleDays& rd = roles[role];
            while (!rd.day.empty() && rd.day.back() >= first_new_day) {
                rd.day.pop_back();
                rd.utilisation_pct.pop_back();
            }
            for (std::size_t d = static_cast<std::size_t>(first_new_day); d < busy_.size(); ++d) {
                if (staffed_[d][role] <= 0) continue;
                rd.day.push_back(static_cast<double>(d));
                rd.utilisation_pct.push_back(100.0 * busy_[d][role] / staffed_[d][role]);
            }
        }
    }
    day_rows.insert(day_rows.end(), delta.centre_days.begin(), delta.centre_days.end());
    log.insert(log.end(), delta.log.begin(), delta.log.end());
    rows += delta.queue.size() + delta.centre_days.size() + delta.coverage.size() +
            delta.station_days.size() + delta.log.size();
}

} // namespace riposte::gui
