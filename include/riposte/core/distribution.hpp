#pragma once
// The project's own distributions (std::*_distribution differ between standard libraries).
// Text form, as written in scenario files (numbers in minutes unless a unit follows):
//   "15"  "fixed(15)"  "uniform(2, 6)"  "exp(1.43)" (mean)  "normal(20, 0.5)" (mean, sd)
//   "lognormal(24, 8)" (mean, sd of the variable itself)  "triangular(2, 3, 6)" (min, mode, max)
//   "gamma(2, 1.5)" (shape, scale)  "erlang(3, 6)" (k phases, mean)
//   "empirical(1, 2, 2, 5)" (equiprobable values)  "discrete(1:0.2, 2:0.5, 5:0.3)" (value:weight)
//   "3 + exp(1.43)" (shift + any of the above)
//   optional unit suffix: "s", "min", "h", "d"  e.g. "lognormal(24, 6) h"
// Samples are never negative: a negative draw is clamped to 0 (sample_signed() keeps the sign).
#include "riposte/core/rng.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riposte {

enum class DistKind {
    Fixed,
    Uniform,
    Exponential,
    Normal,
    LogNormal,
    Triangular,
    Gamma,
    Empirical,
    Discrete
};

class Distribution {
  public:
    Distribution() = default;
    static Distribution fixed(double v);
    static Distribution uniform(double lo, double hi);
    static Distribution exponential(double mean);
    static Distribution normal(double mean, double sd);
    static Distribution lognormal(double mean, double sd);
    static Distribution triangular(double lo, double mode, double hi);
    static Distribution gamma(double shape, double scale);
    static Distribution erlang(int k, double mean);
    static Distribution empirical(std::vector<double> values);
    static Distribution discrete(std::vector<double> values, std::vector<double> weights);

    /// Returns a copy with "shift + X".
    [[nodiscard]] Distribution shifted(double by) const;
    /// Returns a copy whose samples (and shift) are multiplied by k (unit conversion).
    [[nodiscard]] Distribution scaled(double k) const;

    [[nodiscard]] double sample(Rng& rng) const;
    /// Same draw without the clamp at 0, for signed quantities (arrival minus slot time).
    [[nodiscard]] double sample_signed(Rng& rng) const;
    [[nodiscard]] double mean() const;
    [[nodiscard]] DistKind kind() const { return kind_; }
    [[nodiscard]] const std::string& text() const { return text_; }
    void set_text(std::string t) { text_ = std::move(t); }

  private:
    friend class WholeDays;
    DistKind kind_ = DistKind::Fixed;
    double a_ = 0, b_ = 0, c_ = 0; // parameters, meaning per kind
    double shift_ = 0, scale_ = 1;
    std::vector<double> values_; // empirical / discrete values
    std::vector<double> cumw_;   // discrete cumulative weights (normalised)
    std::string text_;
};

/// Whole days of a law's samples: `min(int(law.sample(rng) / 86400), max_days)`, the same
/// numbers from the same draws (the booking delays counted by day at set-up: tens of millions
/// on France). For an exponential law the day boundaries are thresholds on the uniform draw,
/// computed once, and the logarithm is taken only for a draw within a hair of one (a relative
/// 1e-12 or more, far wider than the rounding of the sample); any other law samples as usual.
class WholeDays {
  public:
    /// `law` must outlive this object. max_days >= 0.
    WholeDays(const Distribution& law, int max_days);
    [[nodiscard]] int sample(Rng& rng) const {
        return thresholds_ ? at_uniform(rng.uniform01_open0()) : of_seconds(law_->sample(rng));
    }
    /// An exponential law's whole days for the uniform draw u in (0, 1] (as sample() draws
    /// it); the law must be exponential. For the tests.
    [[nodiscard]] int at_uniform(double u) const;
    /// Whether the thresholds are in use (an exponential law whose boundaries are well apart).
    [[nodiscard]] bool uses_thresholds() const { return thresholds_; }

  private:
    [[nodiscard]] int of_seconds(double s) const;
    [[nodiscard]] int exact(double u) const; // the law's own arithmetic from u
    const Distribution* law_;
    int max_days_;
    bool thresholds_ = false;
    std::vector<double> lo_, hi_; // [j - 1]: boundary j's threshold less, plus, the guard
};

struct DistributionParse {
    std::optional<Distribution> value;
    std::string error;    // set when !value
    int error_offset = 0; // 0-based offset into the text where the problem is
};

/// Parses the text form above. default_unit_seconds converts unit-less numbers (60 = minutes).
/// The result samples in seconds.
DistributionParse parse_distribution(std::string_view text, double default_unit_seconds = 60.0);

} // namespace riposte
