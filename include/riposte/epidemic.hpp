#pragma once
// A simple deterministic SEIR curve, for worlds that give epidemic parameters instead of a
// daily incidence table (SPEC §2, testing demand).
#include <vector>

namespace riposte {

struct SeirParameters {
    double population = 100000;
    double initial_infectious = 10;
    double r0 = 1.5;              ///< basic reproduction number
    double incubation_days = 5.0; ///< mean latent period (E → I)
    double infectious_days = 7.0; ///< mean infectious period (I → R)
    double immune_share = 0.0;    ///< share already immune at day 0
};

/// Daily incidence per 100,000 (new infectious cases each day) for `days` days, integrated
/// with a fixed 1/24-day Runge-Kutta 4 step.
std::vector<double> seir_incidence_per_100k(const SeirParameters& p, int days);

} // namespace riposte
