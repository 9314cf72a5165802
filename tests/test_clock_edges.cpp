// The day's edges: a centre that closes at 24:00, a closing shift with people still inside
// when the centre opens again (issue "numbers a reviewer can trust", defects 1 and 2).
#include "fixtures.hpp"
#include "riposte/simulation.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace riposte;
using namespace riposte::test;

namespace {

/// A testing centre in Alpha (100,000 people) with one swab station staffed by `swabbers`
/// nurses on one shift; `tests_per_day` Poisson arrivals spread evenly over the opening hours.
Scenario testing_scenario(SimTime opens, SimTime closes, int swabbers, double tests_per_day,
                          const char* swab_time, int days = 3) {
    Scenario sc;
    sc.world = small_world(100000, 0);
    sc.world.days = days;
    sc.world.pool = {pool_entry(1, 0, 40, 168)};
    sc.world.epidemic.incidence_per_100k.assign(static_cast<std::size_t>(days), tests_per_day);
    sc.world.epidemic.tests_per_case = 1.0;
    sc.world.initial_test_kits = 1'000'000;
    Centre c;
    c.name = "Test site";
    c.kind = CentreKind::Testing;
    c.commune = 0;
    c.opens = opens;
    c.closes = closes;
    c.test_type = TestType::Antigen;
    c.stations = {
        {"swab", StationKind::Servers, Flow::Testing, RoleId{5}, dist(swab_time), 0, false, true}};
    Shift s;
    s.start = opens;
    s.end = closes;
    s.staff = {0, 0, 0, 0, 0, swabbers};
    c.shifts = {s};
    sc.plan.centres = {c};
    sc.plan.name = "edges";
    return sc;
}

} // namespace

TEST_CASE("a centre open 00:00-24:00 serves every day, not only the first") {
    // Defect: the day-d close event fired at 00:00 of day d+1 after that day's opening, so
    // day 1 served 4 people and turned away about 1,060, day 2 served none.
    const Scenario sc = testing_scenario(hours(0), hours(24), 4, 1000, "exp(4)");
    const Results r = run_replication(sc, {});
    REQUIRE(r.centre_days.size() == 3);
    for (const auto& row : r.centre_days) {
        INFO("day " << row.day << ": " << row.served << " served, " << row.turned_away
                    << " turned away");
        CHECK(row.turned_away == 0);
        // Poisson(1000) arrivals: 4 standard deviations either side
        CHECK(std::abs(static_cast<double>(row.arrivals) - 1000.0) < 4 * std::sqrt(1000.0));
        CHECK(row.served >= row.arrivals - 20); // a few may still be inside at midnight
    }
}

TEST_CASE("the closing shift goes home at the latest when the centre opens again") {
    // Open 08:00-23:00, one swabber at 4 min a swab (15 an hour) for 40 an hour: hundreds are
    // still inside at closing. Defect: the closing shift stayed all the next day (24 h of
    // overtime a day, two servers the next day).
    const Scenario sc = testing_scenario(hours(8), hours(23), 1, 600, "4");
    const Results r = run_replication(sc, {});
    REQUIRE(r.professions.size() > 1);
    const double overtime = r.professions[1].overtime_hours;
    INFO("overtime " << overtime << " h over 3 days");
    // At most 23:00 -> 08:00 (9 h) after each of the three closings, plus the patient in hand.
    CHECK(overtime > 0);
    CHECK(overtime <= 3 * (9.0 + 4.0 / 60) + 1e-9);
    // The queue left at 08:00 is served by the opening shift and its wait keeps counting:
    // the longest wait of day 1 exceeds the 9 closed hours.
    REQUIRE(r.centre_days.size() == 3);
    CHECK(r.centre_days[1].wait_max_min > 9 * 60);
    // One server throughout: 15 swabs an hour at most, every hour the centre is staffed.
    for (const auto& row : r.centre_days) CHECK(row.served <= 15 * 24);
}

TEST_CASE("testing arrivals keep their exact clock: the long-run rate is lambda") {
    // Defect: each Poisson gap was rounded up to the next whole second and the next gap started
    // from the rounded time, so 110/h ran at 3600/(3600/110 + 0.5) = 108.3/h.
    const int days = 200;
    const Scenario sc = testing_scenario(hours(0), hours(20), 30, 2200, "1", days);
    const Results r = run_replication(sc, {});
    std::int64_t arrivals = 0;
    for (const auto& row : r.centre_days) arrivals += row.arrivals;
    const double expected = 110.0 * 20 * days; // Poisson: variance = mean
    INFO(arrivals << " arrivals, " << expected << " expected");
    CHECK(std::abs(static_cast<double>(arrivals) - expected) <= 4 * std::sqrt(expected));
}

TEST_CASE("walk-ins keep their exact clock: the long-run rate is walk_ins_per_hour") {
    // A vaccination centre with no dose: every booking fails, everyone is listed for walk-ins,
    // and every walk-in is turned away and listed again, so each walk-in event is counted.
    Scenario sc = small_scenario();
    const int days = 200;
    sc.world.days = days;
    sc.world.deliveries.clear();
    sc.world.behaviour.booking_delay = dist("0");
    sc.plan.centres[0].walk_ins_per_hour = 60;
    const Results r = run_replication(sc, {});
    std::int64_t walk_ins = 0;
    for (const auto& row : r.centre_days) walk_ins += row.walk_ins;
    const double expected = 60.0 * 8 * days; // 09:00-17:00
    INFO(walk_ins << " walk-ins, " << expected << " expected");
    CHECK(std::abs(static_cast<double>(walk_ins) - expected) <= 4 * std::sqrt(expected));
}

TEST_CASE("utilisation is busy / (present x scheduled hours), overtime has its own columns") {
    // Defect: the closing shift's overtime was added to staffed hours, so utilisation mixed
    // shift time and overtime while the docs say "people present × hours on shift".
    const Scenario sc = testing_scenario(hours(8), hours(23), 1, 600, "4");
    const Results r = run_replication(sc, {});
    REQUIRE(!r.role_days.empty());
    double overtime = 0, busy_overtime = 0;
    for (const auto& row : r.role_days) {
        INFO("day " << row.day);
        CHECK(row.staffed_hours == doctest::Approx(row.present * 15.0));
        // one swabber busy the whole shift: 15 busy hours, utilisation 1
        CHECK(row.busy_hours <= row.staffed_hours + 1e-9);
        CHECK(row.busy_hours == doctest::Approx(15.0).epsilon(0.01));
        overtime += row.overtime_hours;
        busy_overtime += row.busy_overtime_hours;
    }
    // overtime is booked on the day it ends, serving time on the day each service ends: the
    // totals compare, not the days
    CHECK(busy_overtime > 0);
    CHECK(busy_overtime <= overtime + 1e-9);
    CHECK(overtime == doctest::Approx(r.professions[1].overtime_hours));
}
