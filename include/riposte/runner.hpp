#pragma once
// Replications on several threads. The replication, not the thread, owns its random streams
// (seed, replication index), so results are identical for any thread count; plans run with the
// same seeds see common random numbers. Concurrency lives here only.
#include "riposte/exercise.hpp"
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"
#include "riposte/verdict_facts.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace riposte {

struct ReplicationOptions {
    int replications = 1;
    int threads = 1;
    std::uint64_t seed = 1;
    /// Set to true (e.g. from a signal handler) to stop: finished replications are kept.
    std::atomic<bool>* cancel = nullptr;
    /// Called from worker threads (serialised) after each finished replication.
    std::function<void(int done, int total)> progress;
    /// A chronogramme run in every replication (scripted injects, triggers); may be null.
    std::shared_ptr<const Exercise> exercise;
};

/// A key performance indicator of one replication (name in snake_case, unit in the name).
struct KpiValue {
    std::string name;
    double value = 0;
    bool higher_is_better = true;
};

struct KpiSummary {
    std::string name;
    bool higher_is_better = true;
    std::vector<double> values; ///< one per replication
    double mean = 0;
    double ci95 = 0; ///< half-width of the 95% confidence interval of the mean
};

/// What is kept of one replication once its rows have gone to the consumer: its identity and
/// totals (a few hundred bytes), never its tables.
struct ReplicationRecord {
    std::uint64_t seed = 0;
    int replication = 0;
    std::uint64_t events = 0;
    Totals totals;
};

/// The replications of a run, reduced to what the summaries, the confidence intervals and the
/// paired comparisons need. Memory grows by one record and one value per KPI per replication.
struct ReplicationSet {
    std::vector<ReplicationRecord> runs; ///< in replication order; only complete ones
    /// The main KPIs (main_kpis()), `values` one per run in the order of `runs`; mean and ci95
    /// are filled by summarise().
    std::vector<KpiSummary> kpis;
    int requested = 0;
    bool partial = false; ///< stopped before all replications were done
    /// Most finished replications held at once, waiting for an earlier one to be consumed
    /// (bounded by the thread count + 1; see stream_replications()).
    int most_held = 0;

    /// Appends what is kept of `results` (replications must come in replication order).
    void add(const Scenario& scenario, const Results& results);
    /// What the verdict reads of each run, in the order of `runs`.
    std::vector<RunFacts> facts;
};

/// Receives each finished replication, in replication order, from one thread at a time.
/// Returns false to stop the run (e.g. a file could not be written): the replications not yet
/// consumed are dropped and the set is partial.
using ReplicationConsumer = std::function<bool(const Results&)>;

/// Runs the replications on `options.threads` threads and hands each finished one to
/// `consume` in replication order, then keeps only its record and KPI values. Replications
/// that finish early wait for the earlier ones, and a thread does not start a replication more
/// than threads + 1 ahead of the next one to consume, so at most threads + 1 finished
/// replications are held at once (plus the ones running): memory does not grow with the
/// replication count. On cancel, the replications finished so far are consumed in order (one
/// interrupted mid-way is dropped, so indices may have gaps). An exception thrown by a
/// replication or by `consume` stops the other threads and is rethrown here.
ReplicationSet stream_replications(const Scenario& scenario, const ReplicationOptions& options,
                                   const ReplicationConsumer& consume);

/// stream_replications() keeping only the records and KPI values (nothing is written).
ReplicationSet run_replications(const Scenario& scenario, const ReplicationOptions& options);

/// The main KPIs of a replication, in a fixed order (global, then per centre).
std::vector<KpiValue> main_kpis(const Scenario& scenario, const Results& r);

/// Mean and 95% CI of every main KPI over the replications (set.kpis with mean and ci95).
std::vector<KpiSummary> summarise(const Scenario& scenario, const ReplicationSet& set);

/// Keeps only the replications whose index `keep(index)` accepts, records and KPI values
/// alike (a comparison pairs the replications every plan finished).
void keep_replications(ReplicationSet& set, const std::function<bool(int replication)>& keep);

struct PairedDifference {
    std::string name;
    bool higher_is_better = true;
    double mean_a = 0, mean_b = 0;
    double diff = 0, ci95 = 0; ///< mean of (b - a) over paired replications and its CI
    bool significant = false;  ///< the CI excludes 0
};

/// Paired differences B − A replication by replication (common random numbers). KPIs are
/// matched by name; per-centre KPIs that exist in only one plan are left out.
std::vector<PairedDifference> paired_differences(const std::vector<KpiSummary>& a,
                                                 const std::vector<KpiSummary>& b);

} // namespace riposte
