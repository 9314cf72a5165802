#include "riposte/core/distribution.hpp"

#include "riposte/core/invariant.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

namespace riposte {

namespace {

constexpr double two_pi = 6.283185307179586476925286766559;

double std_normal(Rng& rng) {
    // Box-Muller, one value per call (keeps a stream's draws independent of call history).
    const double u1 = rng.uniform01_open0();
    const double u2 = rng.uniform01();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(two_pi * u2);
}

double std_gamma(Rng& rng, double shape) {
    // Marsaglia & Tsang (2000), "A simple method for generating gamma variables".
    if (shape < 1.0) {
        const double u = rng.uniform01_open0();
        return std_gamma(rng, shape + 1.0) * std::pow(u, 1.0 / shape);
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x, v;
        do {
            x = std_normal(rng);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = rng.uniform01_open0();
        if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
        if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
    }
}

} // namespace

Distribution Distribution::fixed(double v) {
    Distribution d;
    d.kind_ = DistKind::Fixed;
    d.a_ = v;
    return d;
}
Distribution Distribution::uniform(double lo, double hi) {
    Distribution d;
    d.kind_ = DistKind::Uniform;
    d.a_ = lo;
    d.b_ = hi;
    return d;
}
Distribution Distribution::exponential(double mean) {
    Distribution d;
    d.kind_ = DistKind::Exponential;
    d.a_ = mean;
    return d;
}
Distribution Distribution::normal(double mean, double sd) {
    Distribution d;
    d.kind_ = DistKind::Normal;
    d.a_ = mean;
    d.b_ = sd;
    return d;
}
Distribution Distribution::lognormal(double mean, double sd) {
    Distribution d;
    d.kind_ = DistKind::LogNormal;
    // parameters of the underlying normal
    const double v = 1.0 + (sd * sd) / (mean * mean);
    d.b_ = std::sqrt(std::log(v));
    d.a_ = std::log(mean) - 0.5 * std::log(v);
    d.c_ = mean;
    return d;
}
Distribution Distribution::triangular(double lo, double mode, double hi) {
    Distribution d;
    d.kind_ = DistKind::Triangular;
    d.a_ = lo;
    d.b_ = mode;
    d.c_ = hi;
    return d;
}
Distribution Distribution::gamma(double shape, double scale) {
    Distribution d;
    d.kind_ = DistKind::Gamma;
    d.a_ = shape;
    d.b_ = scale;
    return d;
}
Distribution Distribution::erlang(int k, double mean) {
    return gamma(k, mean / k);
}
Distribution Distribution::empirical(std::vector<double> values) {
    Distribution d;
    d.kind_ = DistKind::Empirical;
    d.values_ = std::move(values);
    return d;
}
Distribution Distribution::discrete(std::vector<double> values, std::vector<double> weights) {
    Distribution d;
    d.kind_ = DistKind::Discrete;
    d.values_ = std::move(values);
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    double acc = 0;
    for (double w : weights) {
        acc += w / total;
        d.cumw_.push_back(acc);
    }
    if (!d.cumw_.empty()) d.cumw_.back() = 1.0;
    return d;
}

Distribution Distribution::shifted(double by) const {
    Distribution d = *this;
    d.shift_ += by;
    return d;
}
Distribution Distribution::scaled(double k) const {
    Distribution d = *this;
    d.scale_ *= k;
    return d;
}

WholeDays::WholeDays(const Distribution& law, int max_days) : law_(&law), max_days_(max_days) {
    const double a = law.a_, shift = law.shift_, scale = law.scale_;
    if (law.kind_ != DistKind::Exponential || !(a > 0) || !(scale > 0) || !std::isfinite(a) ||
        !std::isfinite(shift) || !std::isfinite(scale) || max_days < 1)
        return;
    // The sample is g(u) = ((-a ln u) + shift) * scale seconds, decreasing in u; it is j days
    // at u_j = exp(-(j * 86400 / scale - shift) / a). Rounding moves the computed sample by a
    // few units in the last place of its largest term (days up to max_days, the shift, the
    // exponential part), which in u is a relative error of about 1e-16 times those terms over
    // the mean: the guard is 10,000 times that.
    const double mean_days = a * scale / 86400.0;
    const double guard =
        1e-12 *
        (1.0 + (max_days + std::abs(shift) * scale / 86400.0 + 745.0 * mean_days) / mean_days);
    if (!(guard <= 1e-6)) return;
    lo_.resize(static_cast<std::size_t>(max_days));
    hi_.resize(static_cast<std::size_t>(max_days));
    for (int j = 1; j <= max_days; ++j) {
        const double u = std::exp(-(j * 86400.0 / scale - shift) / a);
        if (!std::isfinite(u)) return;
        lo_[static_cast<std::size_t>(j - 1)] = u * (1.0 - guard);
        hi_[static_cast<std::size_t>(j - 1)] = u * (1.0 + guard);
    }
    thresholds_ = true;
}

int WholeDays::of_seconds(double s) const {
    const int d = static_cast<int>(s / 86400.0);
    return d < max_days_ ? d : max_days_;
}

int WholeDays::exact(double u) const {
    RIPOSTE_INVARIANT(law_->kind_ == DistKind::Exponential);
    // sample_signed's exponential, then sample's clamp at 0: the same operations in the same
    // order (no contraction on the baseline x86-64 the project builds for)
    const double x = -law_->a_ * std::log(u);
    const double s = (x + law_->shift_) * law_->scale_;
    return of_seconds(s < 0 ? 0.0 : s);
}

int WholeDays::at_uniform(double u) const {
    if (!thresholds_) return exact(u);
    // u below boundary j's threshold (less the guard): at least j days. Thresholds decrease
    // with j, so the count stops at the first one u is not below.
    int j = 0;
    while (j < max_days_ && u < lo_[static_cast<std::size_t>(j)]) ++j;
    if (j < max_days_ && u <= hi_[static_cast<std::size_t>(j)]) return exact(u); // within a hair
    return j;
}

double Distribution::sample(Rng& rng) const {
    const double x = sample_signed(rng);
    return x < 0 ? 0.0 : x;
}

double Distribution::sample_signed(Rng& rng) const {
    double x = 0;
    switch (kind_) {
    case DistKind::Fixed:
        x = a_;
        break;
    case DistKind::Uniform:
        x = a_ + (b_ - a_) * rng.uniform01();
        break;
    case DistKind::Exponential:
        x = -a_ * std::log(rng.uniform01_open0());
        break;
    case DistKind::Normal:
        x = a_ + b_ * std_normal(rng);
        break;
    case DistKind::LogNormal:
        x = std::exp(a_ + b_ * std_normal(rng));
        break;
    case DistKind::Triangular: {
        const double u = rng.uniform01();
        const double f = (b_ - a_) / (c_ - a_);
        x = u < f ? a_ + std::sqrt(u * (c_ - a_) * (b_ - a_))
                  : c_ - std::sqrt((1 - u) * (c_ - a_) * (c_ - b_));
        break;
    }
    case DistKind::Gamma:
        x = b_ * std_gamma(rng, a_);
        break;
    case DistKind::Empirical:
        x = values_.empty() ? 0.0 : values_[rng.below(values_.size())];
        break;
    case DistKind::Discrete: {
        const double u = rng.uniform01();
        const auto it = std::upper_bound(cumw_.begin(), cumw_.end(), u);
        const auto i = static_cast<std::size_t>(std::min<std::ptrdiff_t>(
            it - cumw_.begin(), static_cast<std::ptrdiff_t>(values_.size()) - 1));
        x = values_.empty() ? 0.0 : values_[i];
        break;
    }
    }
    return (x + shift_) * scale_;
}

double Distribution::mean() const {
    double m = 0;
    switch (kind_) {
    case DistKind::Fixed:
        m = a_;
        break;
    case DistKind::Uniform:
        m = 0.5 * (a_ + b_);
        break;
    case DistKind::Exponential:
        m = a_;
        break;
    case DistKind::Normal:
        m = a_;
        break;
    case DistKind::LogNormal:
        m = c_;
        break;
    case DistKind::Triangular:
        m = (a_ + b_ + c_) / 3.0;
        break;
    case DistKind::Gamma:
        m = a_ * b_;
        break;
    case DistKind::Empirical:
        m = values_.empty() ? 0.0
                            : std::accumulate(values_.begin(), values_.end(), 0.0) /
                                  static_cast<double>(values_.size());
        break;
    case DistKind::Discrete: {
        double prev = 0;
        for (std::size_t i = 0; i < values_.size(); ++i) {
            m += values_[i] * (cumw_[i] - prev);
            prev = cumw_[i];
        }
        break;
    }
    }
    return (m + shift_) * scale_;
}

// ---------------------------------------------------------------------------------------------
// Parser
namespace {

class Parser {
  public:
    explicit Parser(std::string_view s) : s_(s) {}

    void skip_ws() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
    }
    bool eat(char c) {
        skip_ws();
        if (pos_ < s_.size() && s_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    bool at_end() {
        skip_ws();
        return pos_ >= s_.size();
    }
    bool peek_number() {
        skip_ws();
        if (pos_ >= s_.size()) return false;
        const char c = s_[pos_];
        return (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '+';
    }
    std::optional<double> number() {
        skip_ws();
        std::size_t p = pos_;
        if (p < s_.size() && s_[p] == '+') ++p;
        double v = 0;
        const auto* first = s_.data() + p;
        const auto* last = s_.data() + s_.size();
        auto [ptr, ec] = std::from_chars(first, last, v);
        if (ec != std::errc() || !std::isfinite(v)) return std::nullopt;
        pos_ = static_cast<std::size_t>(ptr - s_.data());
        return v;
    }
    std::string word() {
        skip_ws();
        const std::size_t start = pos_;
        while (pos_ < s_.size() && ((s_[pos_] >= 'a' && s_[pos_] <= 'z') ||
                                    (s_[pos_] >= 'A' && s_[pos_] <= 'Z') || s_[pos_] == '_'))
            ++pos_;
        std::string w(s_.substr(start, pos_ - start));
        for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return w;
    }
    [[nodiscard]] std::size_t pos() const { return pos_; }
    void set_pos(std::size_t p) { pos_ = p; }

  private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

DistributionParse fail(std::string msg, std::size_t at) {
    DistributionParse r;
    r.error = std::move(msg);
    r.error_offset = static_cast<int>(at);
    return r;
}

std::optional<double> unit_seconds(const std::string& u) {
    if (u == "s" || u == "sec") return 1.0;
    if (u == "min" || u == "m") return 60.0;
    if (u == "h") return 3600.0;
    if (u == "d" || u == "day" || u == "days") return 86400.0;
    return std::nullopt;
}

} // namespace

DistributionParse parse_distribution(std::string_view text, double default_unit_seconds) {
    Parser p(text);
    double shift = 0;
    const char* usage =
        "; write e.g. \"15\", \"exp(1.43)\", \"3 + exp(1.43)\", \"normal(20, 0.5)\", "
        "\"lognormal(24, 8) h\"";

    // A leading number is either the whole distribution ("15"), or a shift ("3 + exp(1)").
    std::optional<Distribution> d;
    if (p.at_end()) return fail(std::string("empty distribution") + usage, 0);
    if (p.peek_number()) {
        p.skip_ws();
        const std::size_t at = p.pos();
        auto v = p.number();
        if (!v) return fail(std::string("expected a number") + usage, at);
        if (p.eat('+')) {
            shift = *v;
        } else {
            d = Distribution::fixed(*v);
        }
    }
    if (!d) {
        p.skip_ws();
        const std::size_t name_at = p.pos();
        const std::string name = p.word();
        if (name.empty()) return fail(std::string("expected a distribution name") + usage, name_at);
        static constexpr std::string_view known[] = {
            "fixed",      "uniform", "exp",    "exponential", "normal",  "lognormal",
            "triangular", "gamma",   "erlang", "empirical",   "discrete"};
        if (std::find(std::begin(known), std::end(known), name) == std::end(known))
            return fail("unknown distribution '" + name +
                            "'; known: fixed, uniform, exp, normal, lognormal, triangular, gamma, "
                            "erlang, empirical, discrete",
                        name_at);
        if (!p.eat('(')) return fail("expected '(' after '" + name + "'", p.pos());
        std::vector<double> args, weights;
        bool weighted = false;
        if (!p.eat(')')) {
            for (;;) {
                p.skip_ws();
                const std::size_t at = p.pos();
                auto v = p.number();
                if (!v) return fail("expected a number in the arguments of '" + name + "'", at);
                args.push_back(*v);
                if (name == "discrete") {
                    if (!p.eat(':'))
                        return fail("discrete takes value:weight pairs, e.g. "
                                    "discrete(1:0.2, 2:0.8)",
                                    p.pos());
                    p.skip_ws();
                    const std::size_t wat = p.pos();
                    auto w = p.number();
                    if (!w || *w < 0) return fail("expected a weight >= 0 after ':'", wat);
                    weights.push_back(*w);
                    weighted = true;
                }
                if (p.eat(')')) break;
                if (!p.eat(',')) return fail("expected ',' or ')'", p.pos());
            }
        }
        (void)weighted;
        auto need = [&](std::size_t n, const char* what) -> std::optional<DistributionParse> {
            if (args.size() != n)
                return fail(name + " takes " + std::to_string(n) + " argument" +
                                (n > 1 ? "s" : "") + " (" + what + "), got " +
                                std::to_string(args.size()),
                            name_at);
            return std::nullopt;
        };
        auto bad = [&](const std::string& msg) { return fail(name + ": " + msg, name_at); };
        if (name == "fixed") {
            if (auto e = need(1, "value")) return *e;
            d = Distribution::fixed(args[0]);
        } else if (name == "uniform") {
            if (auto e = need(2, "min, max")) return *e;
            if (args[1] < args[0]) return bad("max must be >= min");
            d = Distribution::uniform(args[0], args[1]);
        } else if (name == "exp" || name == "exponential") {
            if (auto e = need(1, "mean")) return *e;
            if (args[0] <= 0) return bad("the mean must be > 0");
            d = Distribution::exponential(args[0]);
        } else if (name == "normal") {
            if (auto e = need(2, "mean, standard deviation")) return *e;
            if (args[1] < 0) return bad("the standard deviation must be >= 0");
            d = Distribution::normal(args[0], args[1]);
        } else if (name == "lognormal") {
            if (auto e = need(2, "mean, standard deviation")) return *e;
            if (args[0] <= 0 || args[1] < 0)
                return bad("needs mean > 0 and standard deviation >= 0");
            d = Distribution::lognormal(args[0], args[1]);
        } else if (name == "triangular") {
            if (auto e = need(3, "min, mode, max")) return *e;
            if (!(args[0] <= args[1] && args[1] <= args[2] && args[0] < args[2]))
                return bad("needs min <= mode <= max and min < max");
            d = Distribution::triangular(args[0], args[1], args[2]);
        } else if (name == "gamma") {
            if (auto e = need(2, "shape, scale")) return *e;
            if (args[0] <= 0 || args[1] <= 0) return bad("shape and scale must be > 0");
            d = Distribution::gamma(args[0], args[1]);
        } else if (name == "erlang") {
            if (auto e = need(2, "phases k, mean")) return *e;
            if (args[0] < 1 || args[0] != std::floor(args[0]) || args[0] > 1000 || args[1] <= 0)
                return bad("needs a whole number of phases 1..1000 and a mean > 0");
            d = Distribution::erlang(static_cast<int>(args[0]), args[1]);
        } else if (name == "empirical") {
            if (args.empty() || args.size() > 100000) return bad("needs 1 to 100000 values");
            d = Distribution::empirical(args);
        } else { // discrete
            if (args.empty() || args.size() > 100000)
                return bad("needs 1 to 100000 value:weight pairs");
            double total = 0;
            for (double w : weights) total += w;
            if (total <= 0) return bad("the weights must not all be 0");
            d = Distribution::discrete(args, weights);
        }
        if (shift != 0) d = d->shifted(shift);
    }
    double unit = default_unit_seconds;
    if (!p.at_end()) {
        p.skip_ws();
        const std::size_t at = p.pos();
        const std::string u = p.word();
        auto us = unit_seconds(u);
        if (!us || !p.at_end())
            return fail("unexpected text; a unit after the distribution may be s, min, h or d", at);
        unit = *us;
    }
    DistributionParse r;
    r.value = d->scaled(unit);
    r.value->set_text(std::string(text));
    return r;
}

} // namespace riposte
