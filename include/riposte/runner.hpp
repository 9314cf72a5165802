#pragma once
// Replications on several threads. The replication, not the thread, owns its random streams
// (seed, replication index), so results are identical for any thread count; plans run with the
// same seeds see common random numbers. Concurrency lives here only.
#include "riposte/exercise.hpp"
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"

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

struct ReplicationSet {
    std::vector<Results> runs; ///< in replication order; only complete ones
    int requested = 0;
    bool partial = false; ///< stopped before all replications were done
};

ReplicationSet run_replications(const Scenario& scenario, const ReplicationOptions& options);

/// A key performance indicator of one replication (name in snake_case, unit in the name).
struct KpiValue {
    std::string name;
    double value = 0;
    bool higher_is_better = true;
};

/// The main KPIs of a replication, in a fixed order (global, then per centre).
std::vector<KpiValue> main_kpis(const Scenario& scenario, const Results& r);

struct KpiSummary {
    std::string name;
    bool higher_is_better = true;
    std::vector<double> values; ///< one per replication
    double mean = 0;
    double ci95 = 0; ///< half-width of the 95% confidence interval of the mean
};

/// Mean and 95% CI of every main KPI over the replications.
std::vector<KpiSummary> summarise(const Scenario& scenario, const ReplicationSet& set);

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
