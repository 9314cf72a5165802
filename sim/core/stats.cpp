#include "riposte/core/stats.hpp"

#include <algorithm>
#include <array>
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

std::size_t nearest_rank(std::size_t n, double p) {
    // Nearest-rank: the smallest value with at least p% of the data at or below it.
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(n)));
    return std::clamp<std::size_t>(rank, 1, n);
}

double percentile_sorted(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0.0;
    return sorted[nearest_rank(sorted.size(), p) - 1];
}

double percentile_sorted_seconds_min(const std::vector<std::uint32_t>& sorted, double p) {
    if (sorted.empty()) return 0.0;
    return minutes_of_seconds(sorted[nearest_rank(sorted.size(), p) - 1]);
}

void sort_seconds(std::vector<std::uint32_t>& v) {
    const auto rest = std::partition(v.begin(), v.end(), [](std::uint32_t x) { return x == 0; });
    const auto n = static_cast<std::size_t>(v.end() - rest);
    // a short day: the digits' counts would cost more than the comparisons
    if (n < 256) {
        std::sort(rest, v.end());
        return;
    }
    constexpr int bits = 11;
    constexpr std::uint32_t digits = 1U << bits, mask = digits - 1;
    constexpr int passes = 3; // 33 bits: every uint32
    std::vector<std::array<std::uint32_t, digits>> count(passes);
    for (auto it = rest; it != v.end(); ++it)
        for (int d = 0; d < passes; ++d)
            ++count[static_cast<std::size_t>(d)][(*it >> (d * bits)) & mask];
    std::vector<std::uint32_t> scratch(n);
    std::uint32_t* from = &*rest;
    std::uint32_t* to = scratch.data();
    for (int d = 0; d < passes; ++d) {
        auto& c = count[static_cast<std::size_t>(d)];
        const int shift = d * bits;
        if (c[(from[0] >> shift) & mask] == n) continue; // every value has this digit
        std::uint32_t at = 0;
        for (auto& x : c) {
            const std::uint32_t k = x;
            x = at;
            at += k;
        }
        for (std::size_t i = 0; i < n; ++i) to[c[(from[i] >> shift) & mask]++] = from[i];
        std::swap(from, to);
    }
    if (from != &*rest) std::copy(from, from + n, rest);
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return percentile_sorted(values, p);
}

} // namespace riposte
