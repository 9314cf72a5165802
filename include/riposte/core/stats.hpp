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

/// Sorts ascending, with the same result as std::sort, faster when many values are exactly zero
/// (most waits at a centre with idle staff): the zeros are set apart first and only the rest is
/// sorted, the negatives (if any) then moved before the zeros. No NaN.
template <class T> void sort_many_zeros(std::vector<T>& v) {
    const auto zeros_end = std::partition(v.begin(), v.end(), [](T x) { return x == T{0}; });
    std::sort(zeros_end, v.end());
    const auto positives = std::lower_bound(zeros_end, v.end(), T{0});
    std::rotate(v.begin(), zeros_end, positives);
}

} // namespace riposte
