#include "riposte/core/stats.hpp"

#include <algorithm>
#include <cmath>

namespace riposte {

double student_t975(std::int64_t dof) {
    // Two-sided 95% critical values of Student's t (standard tables), then the
    // Cornish-Fisher expansion for large dof, which is accurate to < 1e-4 there.
    static constexpr double table[] = {0,     12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365,
                                       2.306, 2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                                       2.120, 2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069,
                                       2.064, 2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
    if (dof <= 0) return 0.0;
    if (dof <= 30) return table[dof];
    const double z = 1.959963985;
    const double n = static_cast<double>(dof);
    const double z3 = z * z * z, z5 = z3 * z * z;
    return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n);
}

double RunningStats::ci95_halfwidth() const {
    if (n_ < 2) return 0.0;
    return student_t975(n_ - 1) * stddev() / std::sqrt(static_cast<double>(n_));
}

double percentile_sorted(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0.0;
    // Nearest-rank: the smallest value with at least p% of the data at or below it.
    const double n = static_cast<double>(sorted.size());
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * n));
    if (rank < 1) rank = 1;
    if (rank > sorted.size()) rank = sorted.size();
    return sorted[rank - 1];
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return percentile_sorted(values, p);
}

} // namespace riposte
