// Common random numbers: a change to one centre leaves every other centre's outputs identical
// (SPEC §3). Every draw is keyed by a stable identity (entity, purpose), never by the order in
// which the run happened to allocate things.
#include "fixtures.hpp"
#include "riposte/output.hpp"
#include "riposte/simulation.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace riposte;
using namespace riposte::test;

namespace {

/// Lines of a CSV table whose first cell is `centre` (the tables start with the centre name).
std::string rows_of(const std::string& csv, const std::string& centre) {
    std::istringstream in(csv);
    std::string line, out;
    while (std::getline(in, line))
        if (line.rfind(centre + ",", 0) == 0) out += line + "\n";
    return out;
}

/// Four communes, each with one centre (vaccination in Alpha and Beta, testing with PCR and
/// antigen in Gamma and Delta) staffed by its own professionals, who do not commute to another
/// commune; people travel 5 min at most, so nobody books or tests in another commune either.
/// Baseline absenteeism draws are on.
Scenario two_commune_scenario() {
    Scenario sc = small_scenario();
    World& w = sc.world;
    w.days = 14;
    w.territory.communes.push_back({"00003", "Gamma", 100000, 43.8, 3.6});
    w.territory.communes.push_back({"00004", "Delta", 100000, 43.9, 3.7});
    w.territory.edges.push_back({1, 2, 50.0, 60.0});
    w.territory.edges.push_back({2, 3, 50.0, 60.0});
    w.behaviour.max_travel_minutes = 5;
    w.absenteeism.baseline = 0.05;
    w.pool = {};
    for (int commune : {0, 1, 2, 3})
        for (int prof : {0, 1, 3}) w.pool.push_back(pool_entry(prof, commune, 30, 60, 5));
    w.epidemic.incidence_per_100k.assign(14, 400.0);
    w.epidemic.tests_per_case = 1.0;
    w.epidemic.pcr_share = 0.5;
    w.initial_test_kits = 1'000'000;
    w.deliveries.clear();
    for (int d = 0; d < 14; d += 7) w.deliveries.push_back({d, 0, 3600, CentreId{-1}, ""});
    sc.plan.centres.clear();
    for (int commune : {0, 1}) {
        Centre v = vaccination_centre(commune == 0 ? "Vacc A" : "Vacc B");
        v.commune = commune;
        v.walk_ins_per_hour = 4;
        sc.plan.centres.push_back(v);
        Centre t;
        t.name = commune == 0 ? "Test A" : "Test B";
        t.kind = CentreKind::Testing;
        t.commune = commune + 2;
        t.opens = hours(8);
        t.closes = hours(18);
        t.test_type = TestType::Both;
        t.pcr_result_delay = dist("lognormal(24, 8) h");
        t.stations = {{"swab", StationKind::Servers, Flow::Testing, RoleId{5}, dist("exp(4)"), 0,
                       false, true},
                      {"result wait", StationKind::Area, Flow::Testing, RoleId{-1}, dist("15"), 50,
                       false, false}};
        Shift s;
        s.start = hours(8);
        s.end = hours(18);
        s.staff = {0, 0, 0, 0, 0, 3};
        t.shifts = {s};
        sc.plan.centres.push_back(t);
    }
    return sc;
}

void check_other_centres_identical(const Scenario& base, const Scenario& changed,
                                   const std::vector<std::string>& others) {
    const Results a = run_replication(base, {});
    const Results b = run_replication(changed, {});
    for (const std::string& c : others) {
        INFO("centre " << c);
        const std::string day_a = rows_of(centre_day_csv(base, a), c);
        REQUIRE(!day_a.empty());
        CHECK(day_a == rows_of(centre_day_csv(changed, b), c));
        CHECK(rows_of(role_day_csv(base, a), c) == rows_of(role_day_csv(changed, b), c));
        CHECK(rows_of(queue_csv(base, a), c) == rows_of(queue_csv(changed, b), c));
        CHECK(rows_of(testing_day_csv(base, a), c) == rows_of(testing_day_csv(changed, b), c));
    }
}

} // namespace

TEST_CASE("more swab staff at one testing centre leave the other centres' outputs identical") {
    // Defect: PCR lab delays were drawn from a stream keyed by a recycled run-wide patient
    // index, so adding swab staff at A moved B's mean result delay (23.72 h to 23.89 h).
    const Scenario base = two_commune_scenario();
    Scenario changed = base;
    changed.plan.centres[1].shifts[0].staff[RoleId{5}] = 5; // Test A: 3 -> 5 swab nurses
    check_other_centres_identical(base, changed, {"Test B", "Vacc A", "Vacc B"});
}

TEST_CASE("a change at one vaccination centre leaves the other centres' outputs identical") {
    const Scenario base = two_commune_scenario();
    Scenario changed = base;
    changed.plan.centres[0].stations[2].service = dist("2 + exp(1)"); // Vacc A injects faster
    changed.plan.centres[0].shifts[0].staff[RoleId{2}] = 3;           // with one more nurse
    check_other_centres_identical(base, changed, {"Vacc B", "Test A", "Test B"});
}

TEST_CASE("when people may book at either centre, rebooking moves them but totals hold") {
    // With a 45 min travel limit, people of either commune may book at either vaccination
    // centre: fewer slots at A send some of A's people to B. That is a legitimate change of
    // B's outputs; what must hold is the accounting: everyone vaccinated is counted once.
    Scenario base = two_commune_scenario();
    base.world.behaviour.max_travel_minutes = 45;
    Scenario changed = base;
    changed.plan.centres[0].closes = hours(13); // Vacc A opens half the day
    changed.plan.centres[0].shifts[0].end = hours(13);
    for (const Scenario* sc : {&base, &changed}) {
        const Results r = run_replication(*sc, {});
        std::int64_t vacc = 0, first = 0, wanting = 0, unmet = 0;
        for (const auto& row : r.centre_days) vacc += row.vaccinations;
        for (const auto& row : r.communes) {
            first += row.first_dose;
            wanting += row.wanting;
            unmet += row.unmet;
        }
        CHECK(vacc == r.totals.vaccinations);
        CHECK(first == r.totals.first_doses);
        CHECK(wanting - first == unmet);
    }
}
