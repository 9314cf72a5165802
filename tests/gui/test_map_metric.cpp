// Communes coloured by a metric: the values behind the colours, headless.
#include "map_metric.hpp"

#include "riposte/scenario_loader.hpp"
#include "riposte/simulation.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace riposte;
using namespace riposte::gui;

TEST_CASE("map metric: travel minutes are 0 where a vaccination centre is open, more elsewhere") {
    LoadResult r = load_scenario(default_world_file(), default_plan_file());
    REQUIRE(r.scenario);
    const Scenario& sc = *r.scenario;
    CommuneMetrics metrics;
    const MetricValues m = metrics.compute(sc, MapMetric::TravelMinutes, 1, -1, nullptr);
    REQUIRE(m.available);
    REQUIRE(m.value.size() == sc.world.territory.communes.size());
    int with_centre = 0, farther = 0;
    for (const Centre& c : sc.plan.centres)
        if (c.vaccinates() && c.open_on(1, sc.world.start_weekday)) {
            CHECK(m.value[static_cast<std::size_t>(c.commune)] == 0.0);
            ++with_centre;
        }
    for (double v : m.value) farther += std::isfinite(v) && v > 0;
    CHECK(with_centre > 0);
    CHECK(farther > 0);
    // the colour ramp: the far end is darker than the near end
    const Rgba near = commune_metric_colour(m, m.lo), far = commune_metric_colour(m, m.hi);
    CHECK(near[0] + near[1] + near[2] > far[0] + far[1] + far[2]);
    // nothing for None; coverage needs a finished run
    CHECK_FALSE(metrics.compute(sc, MapMetric::None, 1, -1, nullptr).available);
    CHECK_FALSE(metrics.compute(sc, MapMetric::Coverage, 1, -1, nullptr).available);
}

TEST_CASE("map metric: coverage and unmet demand per commune from a finished run") {
    LoadResult r = load_scenario(default_world_file(), default_plan_file());
    REQUIRE(r.scenario);
    const Scenario& sc = *r.scenario;
    const Results res = run_replication(sc, {});
    CommuneMetrics metrics;
    const MetricValues cov = metrics.compute(sc, MapMetric::Coverage, 0, -1, &res);
    const MetricValues unmet = metrics.compute(sc, MapMetric::Unmet, 0, 0, &res);
    REQUIRE(cov.available);
    REQUIRE(unmet.available);
    CHECK(cov.higher_is_better);
    CHECK_FALSE(unmet.higher_is_better);
    double covered = 0;
    for (double v : cov.value) {
        if (!std::isfinite(v)) continue;
        CHECK(v >= 0);
        CHECK(v <= 100);
        covered += v;
    }
    CHECK(covered > 0);
    // a commune's coverage of everyone is its first doses over its population
    const CommuneGroupRow* any = nullptr;
    for (const CommuneGroupRow& row : res.communes)
        if (row.population > 0) any = &row;
    REQUIRE(any != nullptr);
    std::int64_t first = 0, pop = 0;
    for (const CommuneGroupRow& row : res.communes)
        if (row.commune == any->commune) {
            first += row.first_dose;
            pop += row.population;
        }
    CHECK(cov.value[static_cast<std::size_t>(any->commune)] ==
          doctest::Approx(100.0 * static_cast<double>(first) / static_cast<double>(pop)));
}
