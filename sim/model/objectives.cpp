// Objectives read against the run: a KPI by its column name, the centres a check reads.
#include "riposte/objectives.hpp"

#include <algorithm>

namespace riposte {

std::optional<double> centre_day_kpi(const CentreDayRow& r, std::string_view kpi) {
    auto d = [](auto v) { return std::optional<double>{static_cast<double>(v)}; };
    if (kpi == "arrivals") return d(r.arrivals);
    if (kpi == "served") return d(r.served);
    if (kpi == "no_shows") return d(r.no_shows);
    if (kpi == "turned_away") return d(r.turned_away);
    if (kpi == "walk_ins") return d(r.walk_ins);
    if (kpi == "vaccinations") return d(r.vaccinations);
    if (kpi == "tests") return d(r.tests);
    if (kpi == "wait_mean_min") return d(r.wait_mean_min);
    if (kpi == "wait_p50_min") return d(r.wait_p50_min);
    if (kpi == "wait_p90_min") return d(r.wait_p90_min);
    if (kpi == "wait_p95_min") return d(r.wait_p95_min);
    if (kpi == "wait_max_min") return d(r.wait_max_min);
    if (kpi == "time_in_centre_mean_min") return d(r.time_in_centre_mean_min);
    if (kpi == "max_waiting") return d(r.max_waiting);
    if (kpi == "overtime_hours") return d(r.overtime_hours);
    if (kpi == "doses_used") return d(r.doses_used);
    if (kpi == "vials_opened") return d(r.vials_opened);
    if (kpi == "doses_wasted") return d(r.doses_wasted);
    if (kpi == "stock_end") return d(r.stock_end);
    if (kpi == "slots_opened") return d(r.slots_opened);
    if (kpi == "slots_booked") return d(r.slots_booked);
    return std::nullopt;
}

std::vector<int> objective_centres(const ObjectiveCheck& check, const Scenario& scenario) {
    std::vector<int> out;
    const auto& centres = scenario.plan.centres;
    for (std::size_t c = 0; c < centres.size(); ++c) {
        bool take = true;
        if (check.centre.by == CentreRef::By::Name) take = centres[c].name == check.centre.value;
        if (check.centre.by == CentreRef::By::Kind) {
            const CentreKind k = centres[c].kind;
            const std::string& v = check.centre.value;
            take = (v == "vaccination" && k == CentreKind::Vaccination) ||
                   (v == "testing" && k == CentreKind::Testing) ||
                   (v == "both" && k == CentreKind::Both);
        }
        if (take) out.push_back(static_cast<int>(c));
    }
    return out;
}

bool objective_value_met(const ObjectiveCheck& check, double value) {
    return check.below ? value <= check.threshold : value >= check.threshold;
}

std::vector<ObjectiveVerdict>
evaluate_objectives(const Exercise& exercise, const Scenario& scenario, const Results& results) {
    std::vector<ObjectiveVerdict> out;
    for (const Objective& o : exercise.objectives) {
        ObjectiveVerdict v;
        v.objective = &o;
        for (const ObjectiveCheck& c : o.checks) {
            const std::vector<int> centres = objective_centres(c, scenario);
            for (const CentreDayRow& row : results.centre_days) {
                if (row.day < c.from_day || row.day > c.to_day) continue;
                if (std::find(centres.begin(), centres.end(), row.centre) == centres.end())
                    continue;
                const auto value = centre_day_kpi(row, c.kpi);
                if (!value) continue;
                ++v.judged;
                if (!objective_value_met(c, *value))
                    v.misses.push_back({row.centre, row.day, c.kpi, *value, c.threshold, c.below});
            }
        }
        std::stable_sort(v.misses.begin(), v.misses.end(),
                         [](const ObjectiveMiss& a, const ObjectiveMiss& b) {
                             return a.day != b.day ? a.day < b.day : a.centre < b.centre;
                         });
        v.met = v.misses.empty();
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace riposte
