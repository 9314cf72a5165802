#include "riposte/core/distribution.hpp"
#include "riposte/core/rng.hpp"
#include "riposte/core/sim_time.hpp"
#include "riposte/core/stats.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <vector>

using namespace riposte;

namespace {
// Sample mean with its 95% CI half-width; the check is |mean - expected| <= 4 half-widths
// (about 1e-4 chance of a false failure at a fixed seed, which is then fixed forever).
RunningStats draw(const Distribution& d, int n, std::uint64_t entity = 1) {
    Rng rng(42, 0, entity, Purpose::Generic);
    RunningStats s;
    for (int i = 0; i < n; ++i) s.add(d.sample(rng));
    return s;
}
void check_mean(const Distribution& d, double expected, std::uint64_t entity = 1) {
    const RunningStats s = draw(d, 200000, entity);
    INFO("text=" << d.text() << " mean=" << s.mean() << " expected=" << expected);
    CHECK(std::abs(s.mean() - expected) <= 4 * s.ci95_halfwidth() + 1e-12);
}
Distribution parse(const char* text, double unit = 1.0) {
    auto r = parse_distribution(text, unit);
    INFO(text << ": " << r.error);
    REQUIRE(r.value);
    return *r.value;
}
} // namespace

TEST_CASE("streams: same key same draws, other key other draws") {
    Rng a(1, 0, 7, Purpose::Service), b(1, 0, 7, Purpose::Service);
    Rng c(1, 0, 8, Purpose::Service), d(1, 1, 7, Purpose::Service), e(2, 0, 7, Purpose::Service),
        f(1, 0, 7, Purpose::Arrival);
    const std::uint64_t x = a.next_u64();
    CHECK(x == b.next_u64());
    CHECK(x != c.next_u64());
    CHECK(x != d.next_u64());
    CHECK(x != e.next_u64());
    CHECK(x != f.next_u64());
    CHECK(name_key("centre:A") != name_key("centre:B"));
}

TEST_CASE("streams: a run key gives the stream of the full key, seeded by the documented mixer") {
    // the documented seeding, written out: SplitMix64 over (seed, replication, entity,
    // purpose), expanded into xoshiro256**'s state; its first output
    auto reference_first = [](std::uint64_t seed, std::uint64_t rep, std::uint64_t entity,
                              std::uint32_t purpose) {
        std::uint64_t h = mix64(seed);
        h = mix64(h ^ mix64(rep + 0x632be59bd9b4e019ULL));
        h = mix64(h ^ entity);
        h = mix64(h ^ (static_cast<std::uint64_t>(purpose) * 0xd1b54a32d192ed03ULL));
        std::uint64_t s1 = 0;
        for (int i = 0; i < 4; ++i) {
            h += 0x9e3779b97f4a7c15ULL;
            if (i == 1) s1 = mix64(h);
        }
        const std::uint64_t x = s1 * 5;
        return ((x << 7) | (x >> 57)) * 9;
    };
    for (const std::uint64_t seed : std::initializer_list<std::uint64_t>{0, 1, 20261130, ~0ULL})
        for (const std::uint64_t rep : std::initializer_list<std::uint64_t>{0, 1, 7})
            for (const std::uint64_t entity :
                 std::initializer_list<std::uint64_t>{0, 42, name_key("centre:A")})
                for (Purpose p : {Purpose::Service, Purpose::NoShow, Purpose::Punctuality}) {
                    Rng full(seed, rep, entity, p);
                    Rng keyed(Rng::run_key(seed, rep), entity, p);
                    const std::uint64_t x = full.next_u64();
                    CHECK(x == reference_first(seed, rep, entity, static_cast<std::uint32_t>(p)));
                    CHECK(x == keyed.next_u64());
                    for (int i = 0; i < 8; ++i) CHECK(full.next_u64() == keyed.next_u64());
                }
}

TEST_CASE("uniform integers are unbiased over a small range") {
    Rng r(3, 0, 1, Purpose::Generic);
    int counts[6] = {};
    const int n = 600000;
    for (int i = 0; i < n; ++i) ++counts[r.below(6)];
    for (int k = 0; k < 6; ++k) {
        // binomial sd = sqrt(n p (1-p)); 4.5 sd bounds
        const double sd = std::sqrt(n * (1.0 / 6) * (5.0 / 6));
        CHECK(std::abs(counts[k] - n / 6.0) < 4.5 * sd);
    }
}

TEST_CASE("distribution means match their parameters") {
    check_mean(parse("fixed(15)"), 15);
    check_mean(parse("uniform(2, 6)"), 4);
    check_mean(parse("exp(1.43)"), 1.43);
    check_mean(parse("3 + exp(1.43)"), 4.43);
    check_mean(parse("normal(20, 0.5)"), 20);
    check_mean(parse("lognormal(24, 8)"), 24);
    check_mean(parse("triangular(2, 3, 7)"), 4);
    check_mean(parse("gamma(2.5, 1.5)"), 3.75);
    check_mean(parse("gamma(0.5, 2)"), 1.0);
    check_mean(parse("erlang(3, 6)"), 6);
    check_mean(parse("empirical(1, 2, 2, 5)"), 2.5);
    check_mean(parse("discrete(1:0.2, 2:0.5, 5:0.3)"), 0.2 + 1.0 + 1.5);
}

TEST_CASE("lognormal and exponential spread are right too") {
    const RunningStats s = draw(parse("lognormal(24, 8)"), 200000, 5);
    CHECK(s.stddev() == doctest::Approx(8).epsilon(0.03));
    const RunningStats e = draw(parse("exp(2)"), 200000, 6);
    CHECK(e.stddev() == doctest::Approx(2).epsilon(0.02));
}

TEST_CASE("units convert to seconds") {
    CHECK(parse("15", 60).mean() == doctest::Approx(900));
    CHECK(parse("lognormal(24, 8) h", 60).mean() == doctest::Approx(24 * 3600));
    CHECK(parse("exp(3) d", 60).mean() == doctest::Approx(3 * 86400));
    CHECK(parse("30 s", 60).mean() == doctest::Approx(30));
}

TEST_CASE("distribution parse errors say where and why") {
    auto r = parse_distribution("normal(20)", 60);
    CHECK_FALSE(r.value);
    CHECK(r.error.find("takes 2 arguments") != std::string::npos);
    CHECK(r.error_offset == 0);
    r = parse_distribution("3 + expo(2)", 60);
    CHECK_FALSE(r.value);
    CHECK(r.error.find("unknown distribution 'expo'") != std::string::npos);
    CHECK(r.error_offset == 4);
    r = parse_distribution("exp(-1)", 60);
    CHECK_FALSE(r.value);
    r = parse_distribution("uniform(5, 1)", 60);
    CHECK_FALSE(r.value);
    r = parse_distribution("exp(2) weeks", 60);
    CHECK_FALSE(r.value);
    CHECK(r.error_offset == 7);
    r = parse_distribution("", 60);
    CHECK_FALSE(r.value);
}

TEST_CASE("samples are never negative") {
    Rng rng(1, 0, 1, Purpose::Generic);
    const Distribution d = parse("normal(0, 5)");
    for (int i = 0; i < 10000; ++i) CHECK(d.sample(rng) >= 0.0);
}

TEST_CASE("signed samples keep negative draws (early arrivals)") {
    Rng rng(1, 0, 2, Purpose::Generic);
    const Distribution d = parse("normal(-3, 5)");
    RunningStats s;
    for (int i = 0; i < 100000; ++i) s.add(d.sample_signed(rng));
    CHECK(s.min() < 0);
    CHECK(std::abs(s.mean() - (-3.0)) <= 4 * s.ci95_halfwidth());
}

TEST_CASE("sort_seconds sorts as std::sort does (zeros, repeats, short and long, every digit)") {
    Rng r(12, 0, 1, Purpose::Generic);
    for (int trial = 0; trial < 300; ++trial) {
        // around the length where it turns from std::sort to digits, and well past it
        const auto n = static_cast<std::size_t>(r.uniform01() * (trial % 3 == 0 ? 5000.0 : 600.0));
        // waits of a few minutes (one digit), of hours (two), and any uint32 (three)
        const double top = trial % 4 == 0 ? 2000.0 : trial % 4 == 1 ? 90000.0 : 4294967295.0;
        std::vector<std::uint32_t> v;
        for (std::size_t i = 0; i < n; ++i) {
            const double u = r.uniform01();
            // mostly zeros, repeats (a coarse grid) and any value
            v.push_back(u < 0.5   ? 0U
                        : u < 0.7 ? static_cast<std::uint32_t>(std::floor(u * 10.0)) * 60U
                                  : static_cast<std::uint32_t>(r.uniform01() * top));
        }
        if (trial == 7) v.assign(1000, 4294967295U); // one value everywhere: every digit skipped
        std::vector<std::uint32_t> expected = v;
        std::sort(expected.begin(), expected.end());
        sort_seconds(v);
        CHECK(v == expected);
    }
    std::vector<std::uint32_t> none;
    sort_seconds(none);
    CHECK(none.empty());
}

TEST_CASE("percentiles of sorted seconds read the rank percentile_sorted reads, in minutes") {
    const std::vector<std::uint32_t> s{0, 0, 30, 60, 90, 600, 601, 3600, 7200, 86400};
    std::vector<double> m;
    for (const std::uint32_t x : s) m.push_back(SimTime{x}.minutes());
    for (const double p : {0.0, 1.0, 10.0, 50.0, 89.9, 90.0, 95.0, 100.0})
        CHECK(percentile_sorted_seconds_min(s, p) == percentile_sorted(m, p));
    CHECK(percentile_sorted_seconds_min({}, 50) == 0.0);
}

TEST_CASE("whole days of a law's samples are the days of law.sample(), draw for draw") {
    // the reference: what set-up computed before WholeDays, sample by sample
    const auto reference = [](const Distribution& law, Rng& rng, int max_days) {
        const int d = static_cast<int>(law.sample(rng) / 86400.0);
        return std::min(d, max_days);
    };
    // exponential laws (thresholds) and others (sampled as usual), shifted and scaled
    const char* laws[] = {
        "exp(3) d", "exp(0.5) d",        "2 + exp(3) d",  "exp(30) min",     "exp(20) d",
        "exp(3) h", "0.25 + exp(1.5) d", "-1 + exp(2) d", "uniform(0, 9) d", "lognormal(3, 2) d"};
    for (const char* text : laws)
        for (const int max_days : {1, 7, 28, 90}) {
            const Distribution law = parse(text, 60.0);
            const WholeDays days(law, max_days);
            Rng a(7, 0, 3, Purpose::Booking), b(7, 0, 3, Purpose::Booking);
            int mismatches = 0;
            for (int i = 0; i < 100000; ++i)
                mismatches += days.sample(a) != reference(law, b, max_days);
            INFO(text << " max " << max_days);
            CHECK(mismatches == 0);
            CHECK(a.next_u64() == b.next_u64()); // the same draws taken
        }
    // the threshold path is the one taken for an exponential law, not for the others
    CHECK(WholeDays(parse("exp(3) d", 60.0), 28).uses_thresholds());
    CHECK_FALSE(WholeDays(parse("uniform(0, 9) d", 60.0), 28).uses_thresholds());
    CHECK_FALSE(WholeDays(parse("exp(0.001) s", 60.0), 28).uses_thresholds()); // too close
}

TEST_CASE("whole days: a draw at a day's boundary gets the law's own answer") {
    // u at and around each boundary u_j, to the last bit, for laws built as the parser builds
    // "shift + exp(mean) d": where the thresholds cannot tell, the logarithm decides
    struct Law {
        double mean, shift, scale;
    };
    for (const Law l : {Law{3, 0, 86400}, Law{2, 0.5, 86400}, Law{7, 0, 86400}, Law{90, 30, 1440},
                        Law{0.3, 0, 86400}}) {
        const Distribution law = Distribution::exponential(l.mean).shifted(l.shift).scaled(l.scale);
        const WholeDays days(law, 28);
        REQUIRE(days.uses_thresholds());
        // Distribution::sample's arithmetic for the draw u, then whole days
        const auto reference = [&](double u) {
            const double x = -l.mean * std::log(u);
            const double s = (x + l.shift) * l.scale;
            return std::min(static_cast<int>((s < 0 ? 0.0 : s) / 86400.0), 28);
        };
        int checked = 0, mismatches = 0;
        for (int j = 1; j <= 28; ++j) {
            const double uj = std::exp(-(j * 86400.0 / l.scale - l.shift) / l.mean);
            if (!(uj < 1.0) || !(uj > 0.0)) continue;
            double lo = uj, hi = uj;
            for (int k = 0; k < 3000; ++k) {
                for (const double u : {lo, hi}) {
                    ++checked;
                    mismatches += days.at_uniform(u) != reference(u);
                }
                lo = std::nextafter(lo, 0.0);
                hi = std::nextafter(hi, 2.0);
            }
            // and a wider span around it
            for (double f = 1e-12; f < 1e-3; f *= 3) {
                ++checked;
                mismatches += days.at_uniform(uj * (1 - f)) != reference(uj * (1 - f));
                mismatches += days.at_uniform(uj * (1 + f)) != reference(uj * (1 + f));
            }
        }
        INFO("mean " << l.mean << " shift " << l.shift << " scale " << l.scale);
        CHECK(checked > 1000);
        CHECK(mismatches == 0);
    }
}
