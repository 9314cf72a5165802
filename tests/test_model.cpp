// Engine tests on scenarios built in C++ (SPEC §2-3 semantics).
#include "fixtures.hpp"
#include "riposte/core/invariant.hpp"
#include "riposte/core/stats.hpp"
#include "riposte/model/server_pool.hpp"
#include "riposte/roster.hpp"
#include "riposte/simulation.hpp"
#include "riposte/territory.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>

using namespace riposte;
using namespace riposte::test;

namespace {
std::int64_t allocated_to(const Scenario& sc, int centre) {
    // depot deliveries shared by allocation share between centres of the same vaccine
    double total_share = 0;
    for (const auto& c : sc.plan.centres) total_share += c.allocation_share;
    std::int64_t sum = 0;
    for (const auto& d : sc.world.deliveries)
        if (d.day < sc.world.days)
            sum += d.centre == CentreId{centre} ? d.doses
                   : !d.centre.valid()
                       ? static_cast<std::int64_t>(std::ceil(
                             static_cast<double>(d.doses) *
                             sc.plan.centres[static_cast<std::size_t>(centre)].allocation_share /
                             total_share))
                       : 0;
    return sum;
}
} // namespace

TEST_CASE("a small vaccination campaign runs and its books balance") {
    const Scenario sc = small_scenario();
    const Results r = run_replication(sc, {});
    CHECK(r.totals.vaccinations > 0);
    CHECK(r.totals.first_doses == r.totals.vaccinations); // one-dose group
    CHECK(r.totals.doses_used == r.totals.vaccinations);
    std::int64_t served = 0, vacc = 0;
    for (const auto& row : r.centre_days) {
        served += row.served;
        vacc += row.vaccinations;
        CHECK(row.slots_booked <= row.slots_opened);
        CHECK(row.arrivals == row.served + row.turned_away);
    }
    CHECK(served == vacc);
    CHECK(r.totals.wanting == 7500);
    CHECK(r.totals.unmet == r.totals.wanting - r.totals.first_doses);
    CHECK(r.shortfalls.empty());
    // coverage rows are cumulative and never decrease
    for (std::size_t i = 1; i < r.coverage.size(); ++i)
        CHECK(r.coverage[i].first_dose >= r.coverage[i - 1].first_dose);
}

TEST_CASE("booked slots never exceed the doses allocated to the centre") {
    Scenario sc = small_scenario();
    sc.plan.centres.push_back(vaccination_centre("Second", 2));
    sc.plan.centres[1].commune = 1;
    sc.plan.centres[1].allocation_share = 0.5;
    sc.world.deliveries = {{0, 0, 600, CentreId{-1}, ""},
                           {5, 0, 300, CentreId{-1}, ""},
                           {9, 0, 120, CentreId{1}, "Second"}};
    const Results r = run_replication(sc, {});
    for (int c = 0; c < 2; ++c) {
        std::int64_t opened = 0, booked = 0, used = 0;
        for (const auto& row : r.centre_days)
            if (row.centre == c) {
                opened += row.slots_opened;
                booked += row.slots_booked;
                used += row.doses_used;
            }
        INFO("centre " << c << " opened " << opened << " allocated " << allocated_to(sc, c));
        CHECK(opened <= allocated_to(sc, c));
        CHECK(booked <= opened);
        CHECK(used <= allocated_to(sc, c));
        CHECK(opened > 0);
    }
}

TEST_CASE("same seed gives identical results, another seed different ones") {
    const Scenario sc = small_scenario();
    const Results a = run_replication(sc, {7, 0});
    const Results b = run_replication(sc, {7, 0});
    const Results c = run_replication(sc, {8, 0});
    const Results d = run_replication(sc, {7, 1});
    auto fingerprint = [](const Results& r) {
        std::vector<double> f;
        for (const auto& row : r.centre_days) {
            f.push_back(static_cast<double>(row.served));
            f.push_back(row.wait_mean_min);
            f.push_back(row.wait_max_min);
            f.push_back(row.time_in_centre_mean_min);
        }
        f.push_back(static_cast<double>(r.events));
        return f;
    };
    CHECK(fingerprint(a) == fingerprint(b));
    CHECK(fingerprint(a) != fingerprint(c));
    CHECK(fingerprint(a) != fingerprint(d));
}

TEST_CASE("no station is ever served by a profession outside its scope") {
    Scenario sc = small_scenario();
    sc.plan.centres[0].shifts[0].staff = {2, 2, 6, 2, 1, 0};
    const auto travel = travel_minutes_from(sc.world.territory, std::vector<int>{0});
    const Roster roster = build_roster(sc, travel);
    REQUIRE_FALSE(roster.shifts.empty());
    int checked = 0;
    for (const auto& rs : roster.shifts)
        for (const auto& a : rs.people) {
            const int prof = roster.people[a.person].profession.value();
            bool allowed = false, supervised = false;
            for (const auto& e : sc.world.scope.allowed[a.role])
                if (e.profession == ProfessionId{prof}) {
                    allowed = true;
                    supervised = e.supervised;
                }
            CHECK(allowed);
            if (supervised) CHECK(rs.has_medecin);
            ++checked;
        }
    CHECK(checked > 0);
    // only infirmiers and supervised étudiants may inject here: 10 + 6 in the pool, 6 wanted
    int injectors = 0;
    for (const auto& a : roster.shifts[0].people) injectors += a.role == RoleId{2};
    CHECK(injectors == 6);
}

TEST_CASE("a role no one qualified can fill is a reported shortfall and its station stops") {
    Scenario sc = small_scenario();
    // only administratifs left in the pool: nobody may interview or inject
    sc.world.pool.erase(sc.world.pool.begin(), sc.world.pool.begin() + 3);
    const Results r = run_replication(sc, {});
    REQUIRE_FALSE(r.shortfalls.empty());
    bool interview = false, supervision = false;
    for (const auto& s : r.shortfalls) {
        if (s.role == 1) {
            interview = true;
            CHECK(s.required == 1);
            CHECK(s.rostered == 0);
        }
        if (s.role == 4) supervision = true;
    }
    CHECK(interview);
    CHECK(supervision);
    CHECK(r.totals.vaccinations == 0);
}

TEST_CASE("staffing beyond the pool's weekly hours is a shortfall") {
    Scenario sc = small_scenario();
    // 10 infirmiers at 8 h/week cannot cover 2 injectors × 8 h × 7 days = 112 h a week
    sc.world.pool[1].weekly_hours = 8;
    sc.world.pool[2].count = 0;
    sc.world.scope.allowed[RoleId{2}] = {{ProfessionId{1}, false}}; // injection: infirmiers only
    const auto travel = travel_minutes_from(sc.world.territory, std::vector<int>{0});
    const Roster roster = build_roster(sc, travel);
    int short_injection = 0;
    for (const auto& s : roster.shortfalls)
        if (s.role == 2) ++short_injection;
    // 80 h a week of infirmiers = 10 shifts of 8 h out of the 14 wanted
    CHECK(short_injection > 0);
    for (const auto& s : roster.shortfalls) CHECK(s.rostered < s.required);
}

TEST_CASE("vial wastage: 8 patients from 6-dose vials open 2 vials and waste 4 doses") {
    Scenario sc = small_scenario();
    sc.world.territory.communes[0].population = 8;
    sc.world.territory.communes[1].population = 0;
    sc.world.groups[0].uptake = 1.0;
    sc.world.behaviour.booking_delay = dist("0");
    sc.world.days = 4;
    sc.world.deliveries = {{0, 0, 60, CentreId{-1}, ""}};
    const Results r = run_replication(sc, {});
    CHECK(r.totals.vaccinations == 8);
    CHECK(r.totals.vials_opened == 2);
    CHECK(r.totals.doses_wasted == 4);
    CHECK(r.totals.doses_used == 8);
}

TEST_CASE("observation area reproduces M/G/inf occupancy L = λ·d (λ=64/h, d=15 min)") {
    // VALIDATION.md row "M/G/∞ area": L = 16 chairs. A testing centre open 08:00-20:00 whose
    // only station is an unstaffed area with enough chairs; Poisson arrivals at 64/h.
    Scenario sc;
    sc.world = small_world(100000, 0);
    sc.world.days = 40;
    sc.world.epidemic.incidence_per_100k.assign(40, 768.0); // 768 tests a day over 12 h
    sc.world.epidemic.tests_per_case = 1.0;
    Centre c;
    c.name = "Test site";
    c.kind = CentreKind::Testing;
    c.commune = 0;
    c.opens = hours(8);
    c.closes = hours(20);
    c.test_type = TestType::Antigen;
    c.stations = {{"result wait", StationKind::Area, Flow::Testing, RoleId{-1}, dist("15"), 500,
                   false, false}};
    sc.plan.centres = {c};
    RunOptions opt;
    opt.queue_sample_interval = minutes(5);
    const Results r = run_replication(sc, opt);
    // one mean occupancy per day (days are independent), samples from 08:30 to 19:55
    std::map<int, RunningStats> per_day;
    for (const auto& q : r.queue) {
        const auto s = q.time.second_of_day();
        if (s >= 8 * 3600 + 1800 && s < 20 * 3600) per_day[q.time.day()].add(q.in_centre);
    }
    RunningStats days_mean;
    for (const auto& [d, st] : per_day) days_mean.add(st.mean());
    INFO("L = " << days_mean.mean() << " ± " << days_mean.ci95_halfwidth());
    REQUIRE(days_mean.count() == 40);
    CHECK(std::abs(days_mean.mean() - 16.0) <= days_mean.ci95_halfwidth());
    // Little: mean time in centre is the dwell
    for (const auto& row : r.centre_days)
        if (row.served > 0)
            CHECK(row.time_in_centre_mean_min == doctest::Approx(15.0).epsilon(0.01));
}

TEST_CASE("testing: kits run out and are reported, antigen results come with the dwell") {
    Scenario sc;
    sc.world = small_world(100000, 0);
    sc.world.days = 3;
    sc.world.epidemic.incidence_per_100k = {200, 200, 200};
    sc.world.epidemic.tests_per_case = 1.0;
    sc.world.initial_test_kits = 300;
    Centre c;
    c.name = "Test site";
    c.kind = CentreKind::Testing;
    c.commune = 0;
    c.opens = hours(8);
    c.closes = hours(18);
    c.test_type = TestType::Antigen;
    c.stations = {
        {"swab", StationKind::Servers, Flow::Testing, RoleId{5}, dist("4"), 0, false, true},
        {"result wait", StationKind::Area, Flow::Testing, RoleId{-1}, dist("20"), 100, false,
         false}};
    Shift s;
    s.start = hours(8);
    s.end = hours(18);
    s.staff = {0, 0, 0, 0, 0, 2};
    c.shifts = {s};
    sc.plan.centres = {c};
    const Results r = run_replication(sc, {});
    CHECK(r.totals.tests == 300);
    std::int64_t no_kit = 0;
    for (const auto& t : r.testing_days) {
        no_kit += t.no_kit;
        if (t.antigen > 0)
            CHECK(t.result_delay_mean_hours ==
                  doctest::Approx(24.0 / 60).epsilon(0.01)); // swab 4 + wait 20
    }
    CHECK(no_kit > 0);
}

TEST_CASE("staff finish the patient in hand: overtime is measured, never negative") {
    Scenario sc = small_scenario();
    // a slow injection line with one injector: the queue outlasts the closing time
    sc.plan.centres[0].stations[2].service = dist("12");
    sc.plan.centres[0].shifts[0].staff = {1, 1, 1, 1, 1, 0};
    const Results r = run_replication(sc, {});
    double ot = 0;
    for (const auto& row : r.centre_days) {
        CHECK(row.overtime_hours >= 0);
        ot += row.overtime_hours;
    }
    CHECK(ot > 0);
    CHECK(r.totals.overtime_hours == doctest::Approx(ot));
}

TEST_CASE("a mobile team vaccinates people who cannot travel, within its hours and doses") {
    Scenario sc = small_scenario();
    sc.world.groups[0].cannot_travel = 0.02; // 150 of the 7,500 who want it
    MobileTeam team;
    team.name = "EMV";
    team.base_commune = 0;
    team.start = hours(9);
    team.end = hours(17);
    team.staff = {0, 0, 1, 0, 0, 0}; // one injector
    team.role_needed = RoleId{2};
    team.visit = dist("20");
    team.minutes_between_homes = 10;
    team.allocation_share = 0.1;
    sc.plan.mobile_teams = {team};
    const Results without = run_replication(small_scenario(), {});
    const Results r = run_replication(sc, {});
    CHECK(r.totals.home_vaccinations > 0);
    std::int64_t home = 0;
    for (const auto& row : r.communes) {
        CHECK(row.home_first_dose <= row.cannot_travel);
        home += row.home_first_dose;
    }
    CHECK(home == r.totals.home_vaccinations); // one-dose group: every home visit is a first dose
    CHECK(r.totals.unmet_cannot_travel == 150 - home);
    // a day holds at most 8 h / (20 + 10 min) = 16 visits, minus driving
    for (const auto& d : r.mobile_days) {
        CHECK(d.first_doses + d.second_doses <= 16);
        CHECK(d.doses_used == d.first_doses + d.second_doses);
    }
    CHECK(without.totals.home_vaccinations == 0);
}

TEST_CASE("slots_booked counts the day's bookings, made that day included") {
    // Defect: slots_booked was recorded before the day's bookings, so day 0 showed 0 booked
    // slots while hundreds were vaccinated.
    Scenario sc = small_scenario();
    sc.world.behaviour.booking_delay = dist("0");
    const Results r = run_replication(sc, {});
    REQUIRE(!r.centre_days.empty());
    const auto& day0 = r.centre_days.front();
    REQUIRE(day0.day == 0);
    CHECK(day0.vaccinations > 0);
    for (const auto& row : r.centre_days) {
        CHECK(row.slots_booked <= row.slots_opened);
        // everyone vaccinated held a booked slot (no walk-ins here), less nobody
        CHECK(row.vaccinations <= row.slots_booked);
    }
}

TEST_CASE("people booked on the same slot arrive together at the slot's time") {
    // Defect: booked arrivals were spread evenly over the day whatever doses_per_slot said,
    // so a slot of three people looked like three separate arrivals and queues looked better
    // than reality. Three people per 5-minute slot, all punctual, a 1-minute reception desk:
    // in each slot the second waits 1 minute and the third 2, a mean of 1 minute.
    Scenario sc = small_scenario();
    sc.world.behaviour.booking_delay = dist("0");
    sc.world.behaviour.punctuality = dist("0");
    Centre& c = sc.plan.centres[0];
    c.doses_per_slot = 3;
    c.stations[0].service = dist("1");
    for (auto& d : sc.world.deliveries) d.doses = 10000;
    const Results r = run_replication(sc, {});
    REQUIRE(!r.station_days.empty());
    const auto& reception = r.station_days.front();
    REQUIRE(reception.station == 0);
    REQUIRE(reception.day == 0);
    CHECK(reception.started == 96 * 3); // 8 h of 5-minute slots, full
    CHECK(reception.wait_mean_min == doctest::Approx(1.0));
    CHECK(reception.waited == 96 * 2);
}

TEST_CASE("two stations of one role get the people the shift names for each") {
    // Before, people of a role shared by two stations were split round-robin whatever the
    // plan meant; now the shift names them per station (by_station).
    Scenario sc = small_scenario();
    Centre& c = sc.plan.centres[0];
    Station second = c.stations[2];
    second.name = "injection 2";
    second.gives_dose = false; // one dose per visit: the second line is a separate path step
    c.stations.insert(c.stations.begin() + 3, second);
    c.shifts[0].staff[RoleId{2}] = 3;
    c.shifts[0].station_staff = {-1, -1, 1, 2, -1}; // injection: 1, injection 2: 2
    const Results r = run_replication(sc, {});
    double staffed[2] = {0, 0};
    int days_seen = 0;
    for (const auto& row : r.station_days) {
        if (row.day != 0) continue;
        if (row.station == 2) staffed[0] = row.staffed_hours;
        if (row.station == 3) staffed[1] = row.staffed_hours;
        ++days_seen;
    }
    REQUIRE(days_seen > 0);
    CHECK(staffed[0] == doctest::Approx(8.0));
    CHECK(staffed[1] == doctest::Approx(16.0));
}

TEST_CASE("engine invariants are checked in this build, and a violation is caught") {
    // RIPOSTE_INVARIANT is not compiled out by NDEBUG: the test build checks every invariant
    // (no negative queue, stock never below zero, staff present <= staffed, every station
    // passed once), so every model test above ran with them on.
    CHECK(invariants_enabled());
    struct Violation {};
    const InvariantHandler previous =
        set_invariant_handler([](std::string_view, int, std::string_view) { throw Violation{}; });
    ServerPool pool;
    const std::int32_t s = pool.add_server(0, hours(8), 0);
    CHECK_THROWS_AS(pool.finish(s), Violation); // finishing a server that serves nobody
    set_invariant_handler(previous);
}

TEST_CASE("walk-in-only vaccination: no slots, people come by the hourly profile, all served") {
    // Vaccination sans rendez-vous: people who want a dose and hold no booking go to the
    // nearest walk-in-only centre on a day drawn from walk_in_delay, at an hour drawn from the
    // centre's profile; the doors close, not the queue.
    Scenario sc = small_scenario();
    sc.world = small_world(1000, 500); // 750 people want a dose
    sc.world.deliveries = {{0, 0, 6000, CentreId{-1}, ""}};
    sc.world.behaviour.walk_in_delay = dist("uniform(0, 2) d");
    Centre& c = sc.plan.centres[0];
    c.walk_in_only = true;
    c.hourly_profile.fill(0);
    c.hourly_profile[16] = 1; // everyone comes between 16:00 and 17:00
    c.waiting_room = 100000;
    RunOptions opt;
    opt.queue_sample_interval = minutes(30);
    const Results r = run_replication(sc, opt);
    std::int64_t arrivals = 0, served = 0;
    for (const auto& row : r.centre_days) {
        CHECK(row.slots_opened == 0);
        CHECK(row.turned_away == 0);
        CHECK(row.walk_ins == row.arrivals);
        arrivals += row.arrivals;
        served += row.served;
    }
    CHECK(r.totals.first_doses == r.totals.wanting); // everyone who wanted a dose got it
    CHECK(arrivals == r.totals.wanting);
    CHECK(served == arrivals); // people still queued at 17:00 were served after closing
    bool queue_after_closing = false;
    for (const auto& q : r.queue) {
        const auto s = q.time.second_of_day();
        if (s >= 9 * 3600 && s < 16 * 3600) CHECK(q.in_centre == 0); // nobody before 16:00
        if (s >= 17 * 3600 && q.in_centre > 0) queue_after_closing = true;
    }
    CHECK(queue_after_closing);
}
