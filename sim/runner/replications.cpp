#include "riposte/runner.hpp"

#include "riposte/core/stats.hpp"
#include "riposte/live_run.hpp"
#include "riposte/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

namespace riposte {

ReplicationSet stream_replications(const Scenario& scenario, const ReplicationOptions& options,
                                   const ReplicationConsumer& consume) {
    const int n = std::max(0, options.replications);
    const int threads = std::clamp(options.threads, 1, std::max(1, n));
    // A replication is started only when it is fewer than `window` ahead of the next one to
    // consume, so at most `window` finished replications wait in `held`.
    const int window = threads + 1;
    ReplicationSet set;
    set.requested = n;

    std::mutex mutex; // guards everything below but `set`, which only the consuming thread uses
    std::condition_variable turn;
    std::map<int, Results> held; // finished, waiting for an earlier replication
    int next_start = 0;
    int next_consume = 0;
    int done = 0;
    bool consuming = false; // a thread is handing replications to `consume`
    bool stop = false;      // `consume` refused one, or something threw
    std::exception_ptr failure;
    auto cancelled = [&] { return options.cancel && options.cancel->load(); };

    // Hands `results` (replication `rep`) over; the thread that finds the next replication to
    // consume consumes it and every following one already held, outside the lock.
    auto finished = [&](int rep, Results&& results) {
        std::unique_lock<std::mutex> lock(mutex);
        held.emplace(rep, std::move(results));
        set.most_held = std::max(set.most_held, static_cast<int>(held.size()));
        ++done;
        if (options.progress) options.progress(done, n);
        if (consuming) return;
        consuming = true;
        while (!stop && !held.empty() && held.begin()->first == next_consume) {
            const Results r = std::move(held.begin()->second);
            held.erase(held.begin());
            lock.unlock();
            bool ok = false;
            try {
                ok = consume(r);
                if (ok) set.add(scenario, r);
            } catch (...) {
                lock.lock();
                consuming = false;
                throw;
            }
            lock.lock();
            ++next_consume;
            if (!ok) stop = true;
            turn.notify_all();
        }
        consuming = false;
    };

    auto worker = [&] {
        try {
            for (;;) {
                int rep = 0;
                {
                    std::unique_lock<std::mutex> lock(mutex);
                    for (;;) {
                        if (stop || cancelled() || next_start >= n) return;
                        if (next_start < next_consume + window) break;
                        // a Ctrl-C cannot notify: look at the flag every few milliseconds
                        turn.wait_for(lock, std::chrono::milliseconds(20));
                    }
                    rep = next_start++;
                }
                RunOptions ro;
                ro.seed = options.seed;
                ro.replication = rep;
                ro.exercise = options.exercise;
                Simulation sim(scenario, ro);
                // small batches of events, so that a cancel request is honoured within
                // milliseconds; an incomplete replication is dropped
                const auto halted = [&] {
                    if (cancelled()) return true;
                    std::lock_guard<std::mutex> lock(mutex);
                    return stop;
                };
                if (!run_until_done(sim, halted)) return;
                finished(rep, sim.results());
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex);
            if (!failure) failure = std::current_exception();
            stop = true;
            turn.notify_all();
        }
    };
    if (threads == 1) {
        worker();
    } else {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
        for (auto& t : pool) t.join();
    }
    if (failure) std::rethrow_exception(failure);
    // after a cancel: the replications finished after an interrupted one, still in order
    for (auto& [rep, results] : held) {
        if (stop) break;
        if (consume(results))
            set.add(scenario, results);
        else
            stop = true;
    }
    held.clear();
    set.partial = static_cast<int>(set.runs.size()) < n;
    return set;
}

ReplicationSet run_replications(const Scenario& scenario, const ReplicationOptions& options) {
    return stream_replications(scenario, options, [](const Results&) { return true; });
}

void ReplicationSet::add(const Scenario& scenario, const Results& results) {
    ReplicationRecord record;
    record.seed = results.seed;
    record.replication = results.replication;
    record.events = results.events;
    record.totals = results.totals;
    runs.push_back(record);
    facts.push_back(run_facts(scenario, results));
    const auto values = main_kpis(scenario, results);
    if (runs.size() == 1)
        for (const auto& k : values) kpis.push_back({k.name, k.higher_is_better, {}, 0, 0});
    for (std::size_t j = 0; j < values.size() && j < kpis.size(); ++j)
        kpis[j].values.push_back(values[j].value);
}

void keep_replications(ReplicationSet& set, const std::function<bool(int)>& keep) {
    std::vector<ReplicationRecord> runs;
    std::vector<RunFacts> facts;
    std::vector<KpiSummary> kpis = set.kpis;
    for (auto& k : kpis) k.values.clear();
    for (std::size_t i = 0; i < set.runs.size(); ++i) {
        if (!keep(set.runs[i].replication)) continue;
        runs.push_back(set.runs[i]);
        if (i < set.facts.size()) facts.push_back(set.facts[i]);
        for (std::size_t j = 0; j < kpis.size(); ++j)
            if (i < set.kpis[j].values.size()) kpis[j].values.push_back(set.kpis[j].values[i]);
    }
    set.runs = std::move(runs);
    set.facts = std::move(facts);
    set.kpis = std::move(kpis);
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

std::vector<KpiSummary> summarise(const Scenario& /*scenario*/, const ReplicationSet& set) {
    std::vector<KpiSummary> out = set.kpis;
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
