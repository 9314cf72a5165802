// The run's own accounting adds up: every dose drawn from a vial is a vaccination or waste.
#include "fixtures.hpp"
#include "riposte/simulation.hpp"

#include <doctest/doctest.h>

using namespace riposte;
using namespace riposte::test;

TEST_CASE("people injected but sent home from an unwatched observation area count as vaccinated") {
    // nobody watches the observation area in the afternoon: the people injected then queue for
    // it until closing time and are sent home; they had their dose all the same
    Scenario sc = small_scenario();
    Centre& c = sc.plan.centres.front();
    Shift morning = c.shifts.front(), afternoon = c.shifts.front();
    morning.end = hours(13);
    afternoon.start = hours(13);
    afternoon.staff[RoleId{3}] = 0; // observation_watch
    c.shifts = {morning, afternoon};
    const Results r = run_replication(sc, RunOptions{3, 0, minutes(15)});
    std::int64_t sent_home = 0;
    for (const auto& e : r.log)
        if (e.event == LogEvent::SentHomeAtClosing) ++sent_home;
    REQUIRE(sent_home > 0); // the case this test is about happens
    std::int64_t used = 0, vaccinated = 0;
    for (const auto& row : r.centre_days) {
        used += row.doses_used;
        vaccinated += row.vaccinations;
    }
    CHECK(r.totals.doses_used == used);
    CHECK(used == vaccinated);
    CHECK(r.totals.vaccinations == vaccinated);
}
