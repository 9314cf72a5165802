#pragma once
// Small statistics helpers used by models, runners and tests.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace riposte {

/// Running mean and variance (Welford).
class RunningStats {
  public:
    void add(double x) {
        ++n_;
        const double d = x - mean_;
        mean_ += d / static_cast<double>(n_);
        m2_ += d * (x - mean_);
        if (n_ == 1 || x < min_) min_ = x;
        if (n_ == 1 || x > max_) max_ = x;
    }
    [[nodiscard]] std::int64_t count() const { return n_; }
    [[nodiscard]] double mean() const { return mean_; }
    [[nodiscard]] double variance() const {
        return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : 0.0;
    }
    [[nodiscard]] double stddev() const { return std::sqrt(variance()); }
    [[nodiscard]] double min() const { return min_; }
    [[nodiscard]] double max() const { return max_; }
    /// Half-width of the 95% confidence interval of the mean (Student t).
    [[nodiscard]] double ci95_halfwidth() const;

  private:
    std::int64_t n_ = 0;
    double mean_ = 0, m2_ = 0, min_ = 0, max_ = 0;
};

/// Two-sided 97.5% quantile of Student's t with `dof` degrees of freedom.
double student_t975(std::int64_t dof);

/// Time-weighted average of a piecewise-constant level (queue length, occupancy).
class TimeAverage {
  public:
    void set(double t, double level) {
        area_ += level_ * (t - last_t_);
        last_t_ = t;
        level_ = level;
    }
    void reset_at(double t) {
        area_ = 0;
        start_t_ = last_t_ = t;
    }
    [[nodiscard]] double average(double t) const {
        const double span = t - start_t_;
        return span > 0 ? (area_ + level_ * (t - last_t_)) / span : 0.0;
    }
    [[nodiscard]] double level() const { return level_; }

  private:
    double area_ = 0, level_ = 0, last_t_ = 0, start_t_ = 0;
};

/// Percentile (nearest-rank on a sorted copy); p in [0, 100]. Empty input gives 0.
double percentile(std::vector<double> values, double p);
double percentile_sorted(const std::vector<double>& sorted, double p);

/// Nearest rank (1-based) of the p-th percentile among n sorted values: the smallest value with
/// at least p% of the data at or below it, as percentile_sorted reads it. n > 0.
std::size_t nearest_rank(std::size_t n, double p);

/// Sorts whole seconds ascending, with the same result as std::sort, fast on a day's or a whole
/// run's waits: the zeros (most waits at a centre with idle staff) are set apart, the rest is
/// sorted by digits of 11 bits (least significant first), a digit every value shares skipped.
void sort_seconds(std::vector<std::uint32_t>& v);

/// Minutes of `s` seconds, as SimTime::minutes() gives them.
constexpr double minutes_of_seconds(std::uint32_t s) {
    return static_cast<double>(s) / 60.0;
}

/// The nearest-rank percentile (p in [0, 100]) of whole seconds sorted ascending, in minutes.
/// Empty input gives 0.
double percentile_sorted_seconds_min(const std::vector<std::uint32_t>& sorted, double p);

} // namespace riposte
