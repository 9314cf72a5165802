#include "riposte/epidemic.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace riposte;

TEST_CASE("SEIR: an epidemic with R0 > 1 rises then falls, R0 < 1 dies out") {
    SeirParameters p;
    p.population = 100000;
    p.initial_infectious = 20;
    p.r0 = 2.0;
    const auto inc = seir_incidence_per_100k(p, 300);
    REQUIRE(inc.size() == 300);
    const auto peak = std::max_element(inc.begin(), inc.end());
    CHECK(peak != inc.begin());
    CHECK(peak != inc.end() - 1);
    for (double v : inc) CHECK(v >= 0);
    // final size of an SEIR epidemic solves z = 1 - exp(-R0 z): 0.797 for R0 = 2
    const double attack = std::accumulate(inc.begin(), inc.end(), 0.0) / 1e5;
    CHECK(attack == doctest::Approx(0.797).epsilon(0.01));
    p.r0 = 0.8;
    const auto low = seir_incidence_per_100k(p, 1000);
    CHECK(low.back() < 0.2 * *std::max_element(low.begin(), low.end()));
    // subcritical: 20 seeded cases cause 20 × R0 / (1 - R0) = 80 more in the long run
    const double total = std::accumulate(low.begin(), low.end(), 0.0) / 1e5 * p.population;
    CHECK(total == doctest::Approx(80.0).epsilon(0.01));
}
