#pragma once
// A plain M/M/c queue on the engine (event calendar + ServerPool + random streams): the
// reference model of the validation tests and of the benchmark (VALIDATION.md, Erlang C).
#include <cstdint>
#include <vector>

namespace riposte {

struct MmcResult {
    std::uint64_t customers = 0;
    std::uint64_t events = 0;
    double mean_wait_min = 0;                ///< mean time queued before service
    double mean_in_system = 0;               ///< time-average number in the system (L)
    double mean_sojourn_min = 0;             ///< mean time in system (W)
    double arrival_rate_per_min = 0;         ///< observed λ
    std::vector<double> batch_mean_wait_min; ///< batch means (for confidence intervals)
};

/// Simulates `customers` arrivals (after `warmup` discarded ones) of an M/M/c queue.
MmcResult run_mmc(double lambda_per_hour, double mu_per_hour, int servers, std::uint64_t customers,
                  std::uint64_t seed, std::uint64_t warmup = 0, int batches = 20);

/// Erlang C: probability that an arrival waits, and the mean wait Wq in minutes.
double erlang_c_probability(double lambda_per_hour, double mu_per_hour, int servers);
double erlang_c_wait_minutes(double lambda_per_hour, double mu_per_hour, int servers);

/// Exact transient M/M/c from an empty start (VALIDATION.md "steady state needs continuous
/// operation"): Poisson arrivals for `open_hours`, then none; every arrival is served. Returns
/// the mean wait in queue per arrival in minutes, from the birth-death equations integrated
/// with RK4 (state space truncated where the probability mass is below 1e-12).
double mmc_transient_wait_minutes(double lambda_per_hour, double mu_per_hour, int servers,
                                  double open_hours);

} // namespace riposte
