// The chart module's arithmetic (ticks, ranges, nearest point) and the live series it draws
// from, headless.
#include "chart.hpp"
#include "live_series.hpp"

#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

using namespace riposte;
using namespace riposte::gui;

TEST_CASE("chart: nice ticks are 1/2/5 steps that cover the range") {
    CHECK(nice_ticks(0, 10, 6) == std::vector<double>{0, 2, 4, 6, 8, 10});
    CHECK(nice_ticks(0, 100, 5) == std::vector<double>{0, 50, 100});
    const auto t = nice_ticks(0.3, 97.2, 5);
    REQUIRE(t.size() >= 2);
    CHECK(t.front() >= 0.3);
    CHECK(t.back() <= 97.2);
    const double step = t[1] - t[0];
    CHECK((step == doctest::Approx(20) || step == doctest::Approx(50) ||
           step == doctest::Approx(10)));
    CHECK(t.size() <= 6);
    CHECK(nice_ticks(5, 5, 5) == std::vector<double>{5});
    CHECK(nice_ticks(0, 1, 1).empty());
    const auto small = nice_ticks(0, 0.07, 4);
    REQUIRE(small.size() >= 2);
    CHECK(small[1] - small[0] == doctest::Approx(0.02));
}

TEST_CASE("chart: the range includes zero, the thresholds, and ends on whole ticks") {
    ChartSpec spec;
    std::vector<ChartSeries> s{{"a", {1, 2, 3}, {12, 47, 33}, series_colour(0)}};
    ChartRange r = chart_range(spec, s, {});
    CHECK(r.x0 == 1);
    CHECK(r.x1 == 3);
    CHECK(r.y0 == 0);
    CHECK(r.y1 == doctest::Approx(50));
    r = chart_range(spec, s, {{"target", 90, {}}});
    CHECK(r.y1 >= 90);
    spec.kind = ChartKind::Bars;
    spec.categories = {"x", "y", "z"};
    r = chart_range(spec, s, {});
    CHECK(r.x0 == -0.5);
    CHECK(r.x1 == 2.5);
    // nothing to draw: a sane default range
    r = chart_range(ChartSpec{}, {}, {});
    CHECK(r.y1 > r.y0);
    CHECK(r.x1 > r.x0);
}

TEST_CASE("chart: the hover read-out picks the nearest point by x") {
    const ChartSeries s{"a", {0, 1, 2, 5}, {10, 11, 12, 15}, {}};
    CHECK(nearest_index(s, -3) == 0);
    CHECK(nearest_index(s, 1.4) == 1);
    CHECK(nearest_index(s, 1.6) == 2);
    CHECK(nearest_index(s, 3.4) == 2);
    CHECK(nearest_index(s, 3.6) == 3);
    CHECK(nearest_index(s, 99) == 3);
    CHECK(nearest_index(ChartSeries{}, 1) == -1);
}

TEST_CASE("live series: rows become per-centre, per-group and per-role lines") {
    LoadResult r = load_scenario(default_world_file(), default_plan_file());
    REQUIRE(r.scenario);
    const Scenario& sc = *r.scenario;
    Simulation sim(sc, {});
    sim.advance_to(days(3));
    SeriesCursor cursor;
    const SeriesDelta first = sim.series_since(cursor);
    LiveSeries s;
    s.reset(&sc);
    s.add(sc, first);
    REQUIRE(s.centres.size() == sc.plan.centres.size());
    std::size_t day_rows = 0;
    for (const auto& c : s.centres) day_rows += c.day.size();
    CHECK(day_rows == first.centre_days.size());
    CHECK(s.day_rows.size() == first.centre_days.size());
    std::size_t samples = 0;
    for (const auto& q : s.queue) samples += q.t.size();
    CHECK(samples == first.queue.size());
    // utilisation is a percentage of staffed hours, per role with staff
    bool some_role = false;
    for (const auto& role : s.roles)
        for (double u : role.utilisation_pct) {
            some_role = true;
            CHECK(u >= 0);
            CHECK(u <= 100.0 + 1e-9);
        }
    CHECK(some_role);
    // the next rows append, without repeating a day
    sim.advance_to(days(5));
    s.add(sc, sim.series_since(cursor));
    for (const auto& role : s.roles)
        for (std::size_t i = 1; i < role.day.size(); ++i) CHECK(role.day[i] > role.day[i - 1]);
    std::size_t all_rows = 0;
    for (const auto& c : s.centres) all_rows += c.day.size();
    CHECK(all_rows == sim.results().centre_days.size());
    s.reset(&sc);
    CHECK(s.day_rows.empty());
}
