#include "riposte/runner.hpp"

#include "riposte/core/stats.hpp"
#include "riposte/live_run.hpp"
#include "riposte/simulation.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace riposte {

ReplicationSet run_replications(const Scenario& scenario, const ReplicationOptions& options) {
    const int n = std::max(0, options.replications);
    const int threads = std::clamp(options.threads, 1, std::max(1, n));
    std::vector<std::optional<Results>> slots(static_cast<std::size_t>(n));
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::mutex progress_mutex;
    auto cancelled = [&] { return options.cancel && options.cancel->load(); };

    auto worker = [&] {
        for (;;) {
            if (cancelled()) return;
            const int rep = next.fetch_add(1);
            if (rep >= n) return;
            RunOptions ro;
            ro.seed = options.seed;
            ro.replication = rep;
            ro.exercise = options.exercise;
            Simulation sim(scenario, ro);
            // small batches of events, so that a cancel request is honoured within milliseconds;
            // an incomplete replication is dropped
            if (!run_until_done(sim, cancelled)) return;
            slots[static_cast<std::size_t>(rep)] = sim.results();
            const int k = done.fetch_add(1) + 1;
            if (options.progress) {
                std::lock_guard<std::mutex> lock(progress_mutex);
                options.progress(k, n);
            }
        }
    };
    if (threads == 1) {
        worker();
    } else {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
        for (auto& t : pool) t.join();
    }
    ReplicationSet set;
    set.requested = n;
    for (auto& s : slots)
        if (s) set.runs.push_back(std::move(*s));
    set.partial = static_cast<int>(set.runs.size()) < n;
    return set;
}

std::vector<KpiValue> main_kpis(const Scenario& sc, const Results& r) {
    const Totals& t = r.totals;
    std::vector<KpiValue> k;
    auto add = [&](std::string name, double v, bool higher) {
        k.push_back({std::move(name), v, higher});
    };
    const double wanting = static_cast<double>(std::max<std::int64_t>(1, t.wanting));
    add("vaccinations", static_cast<double>(t.vaccinations), true);
    add("first_doses", static_cast<double>(t.first_doses), true);
    add("complete_schedules", static_cast<double>(t.complete), true);
    add("coverage_first_dose_pct", 100.0 * static_cast<double>(t.first_doses) / wanting, true);
    add("unmet_demand", static_cast<double>(t.unmet), false);
    add("tests", static_cast<double>(t.tests), true);
    add("unmet_tests", static_cast<double>(t.unmet_tests), false);
    add("wait_mean_min", t.wait_mean_min, false);
    add("wait_p90_min", t.wait_p90_min, false);
    add("wait_p95_min", t.wait_p95_min, false);
    add("wait_max_min", t.wait_max_min, false);
    add("no_shows", static_cast<double>(t.no_shows), false);
    add("turned_away", static_cast<double>(t.turned_away), false);
    add("doses_used", static_cast<double>(t.doses_used), true);
    add("doses_wasted", static_cast<double>(t.doses_wasted), false);
    const double opened = static_cast<double>(t.doses_used + t.doses_wasted);
    add("doses_wasted_pct", opened > 0 ? 100.0 * static_cast<double>(t.doses_wasted) / opened : 0.0,
        false);
    add("staff_hours", t.staff_hours, false);
    add("overtime_hours", t.overtime_hours, false);
    add("cost_eur", t.cost_eur, false);
    add("understaffed_role_shifts", static_cast<double>(t.shortfall_role_shifts), false);
    // per centre: people served and their p90 wait over the run (worst day)
    std::vector<std::int64_t> served(sc.plan.centres.size(), 0);
    std::vector<double> worst_p90(sc.plan.centres.size(), 0.0);
    for (const auto& row : r.centre_days) {
        served[static_cast<std::size_t>(row.centre)] += row.served;
        worst_p90[static_cast<std::size_t>(row.centre)] =
            std::max(worst_p90[static_cast<std::size_t>(row.centre)], row.wait_p90_min);
    }
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c) {
        const std::string& n = sc.plan.centres[c].name;
        add("served[" + n + "]", static_cast<double>(served[c]), true);
        add("worst_day_wait_p90_min[" + n + "]", worst_p90[c], false);
    }
    return k;
}

std::vector<KpiSummary> summarise(const Scenario& sc, const ReplicationSet& set) {
    std::vector<KpiSummary> out;
    for (std::size_t i = 0; i < set.runs.size(); ++i) {
        const auto kpis = main_kpis(sc, set.runs[i]);
        if (i == 0)
            for (const auto& k : kpis) out.push_back({k.name, k.higher_is_better, {}, 0, 0});
        for (std::size_t j = 0; j < kpis.size() && j < out.size(); ++j)
            out[j].values.push_back(kpis[j].value);
    }
    for (auto& s : out) {
        RunningStats st;
        for (double v : s.values) st.add(v);
        s.mean = st.mean();
        s.ci95 = st.ci95_halfwidth();
    }
    return out;
}

std::vector<PairedDifference> paired_differences(const std::vector<KpiSummary>& a,
                                                 const std::vector<KpiSummary>& b) {
    std::map<std::string, const KpiSummary*> by_name;
    for (const auto& s : b) by_name[s.name] = &s;
    std::vector<PairedDifference> out;
    for (const auto& sa : a) {
        auto it = by_name.find(sa.name);
        if (it == by_name.end()) continue;
        const KpiSummary& sb = *it->second;
        const std::size_t n = std::min(sa.values.size(), sb.values.size());
        RunningStats d;
        for (std::size_t i = 0; i < n; ++i) d.add(sb.values[i] - sa.values[i]);
        PairedDifference p;
        p.name = sa.name;
        p.higher_is_better = sa.higher_is_better;
        p.mean_a = sa.mean;
        p.mean_b = sb.mean;
        p.diff = d.mean();
        p.ci95 = d.ci95_halfwidth();
        p.significant =
            n >= 2 && std::abs(p.diff) > p.ci95 && p.ci95 >= 0 && !(p.ci95 == 0 && p.diff == 0);
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace riposte
