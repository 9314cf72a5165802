// Part shifts (issue 12 §3): a professional whose weekly hours left are fewer than a shift's
// length covers part of it, and another covers the rest, as COVID centres ran on vacations of
// 2 to 4 hours. Before, the roster placed people in whole shifts only, so two médecins giving
// 4 h a week each could not staff one 8 h interview shift between them.
#include "fixtures.hpp"
#include "riposte/roster.hpp"
#include "riposte/simulation.hpp"

#include <algorithm>

#include <doctest/doctest.h>

using namespace riposte;

namespace {

/// The small world's centre, open on Mondays only for one week, 09:00-17:00, with médecins:
/// one giving 40 h (the supervision) and `part_timers` giving `part_hours` each.
Scenario medecins(int part_timers, double part_hours) {
    Scenario sc = test::small_scenario();
    sc.world.days = 7;
    sc.world.deliveries = {{0, 0, 1800, CentreId{-1}, ""}};
    std::erase_if(sc.world.pool,
                  [](const PoolEntry& e) { return e.profession == ProfessionId{0}; });
    sc.world.pool.push_back(test::pool_entry(0, 0, 1, 40));
    if (part_timers > 0) sc.world.pool.push_back(test::pool_entry(0, 0, part_timers, part_hours));
    Centre& c = sc.plan.centres[0];
    c.weekdays = 1; // Monday
    for (Shift& s : c.shifts) s.weekdays = 1;
    return sc;
}

std::vector<std::vector<double>> travel_of(const Scenario& sc) {
    return std::vector<std::vector<double>>(sc.plan.centres.size(), std::vector<double>(2, 10.0));
}

struct Span {
    PersonId person;
    SimTime start, end;
    bool part;
};

/// Who holds the medical interview (role 1) on day 0, by time.
std::vector<Span> interview(const Roster& r) {
    std::vector<Span> out;
    for (const RosterShift& s : r.shifts)
        if (s.day == 0)
            for (const Assignment& a : s.people)
                if (a.role == RoleId{1}) out.push_back({a.person, s.start, s.end, s.part});
    std::sort(out.begin(), out.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    return out;
}

} // namespace

TEST_CASE("roster: two médecins giving 4 h each staff an 8 h interview shift in two parts") {
    const Scenario sc = medecins(2, 4);
    const Roster r = build_roster(sc, travel_of(sc));
    for (const ShortfallRow& s : r.shortfalls)
        CHECK_MESSAGE(s.role != 1, "interview short on day " << s.day);
    const auto spans = interview(r);
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].part);
    CHECK(spans[1].part);
    CHECK(spans[0].person != spans[1].person);
    CHECK(spans[0].start == hours(9));
    CHECK(spans[0].end == hours(13));
    CHECK(spans[1].start == hours(13));
    CHECK(spans[1].end == hours(17));
    // the ledger counts the real span: 4 h each, within their 4 h
    for (const Span& s : spans) {
        CHECK(r.hours.committed(s.person, 0) == doctest::Approx(4.0));
        CHECK(r.people[s.person].weekly_hours == doctest::Approx(4.0));
    }
    // the parts share the shift's médecin on site, so the plan's structural rule holds
    for (const RosterShift& s : r.shifts) CHECK(s.has_medecin);
    CHECK(r.hours_by_profession[0] == doctest::Approx(8.0 + 8.0)); // supervision + interview
}

TEST_CASE("roster: parts are at least min_part_hours and leave no shorter remainder") {
    // 5 h a week each for an 8 h shift: 5 + 3 would do, and so would 4 + 4; a first part of
    // 6 h (leaving 2) is beyond their hours. The first takes the longest part that leaves at
    // least min_part_hours: 5 h, then 3 h.
    const Scenario sc = medecins(2, 5);
    const Roster r = build_roster(sc, travel_of(sc));
    const auto spans = interview(r);
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].end - spans[0].start == hours(5));
    CHECK(spans[1].end - spans[1].start == hours(3));
    CHECK(spans[0].end == spans[1].start);
    // a médecin with 1.5 h cannot take a part at all: shorter than min_part_hours
    const Scenario tiny = medecins(8, 1.5);
    const Roster rt = build_roster(tiny, travel_of(tiny));
    CHECK(interview(rt).empty());
}

TEST_CASE("roster: a shift the parts cannot cover whole stays short, and takes nobody's hours") {
    const Scenario sc = medecins(1, 4); // 4 h for 8 h
    const Roster r = build_roster(sc, travel_of(sc));
    CHECK(interview(r).empty());
    int short_interview = 0;
    for (const ShortfallRow& s : r.shortfalls) short_interview += s.role == 1 && s.day == 0;
    CHECK(short_interview == 1);
    for (const PersonId i : r.people.ids())
        if (r.people[i].weekly_hours == 4.0) CHECK(r.hours.committed(i, 0) == 0.0);
}

TEST_CASE("roster: a whole-shift person is still preferred, and nobody works two places at once") {
    // with a second 40 h médecin the interview is one whole shift, as before parts existed
    Scenario sc = medecins(2, 4);
    sc.world.pool.push_back(test::pool_entry(0, 0, 1, 40));
    const Roster r = build_roster(sc, travel_of(sc));
    const auto spans = interview(r);
    REQUIRE(spans.size() == 1);
    CHECK_FALSE(spans[0].part);
    CHECK(spans[0].end - spans[0].start == hours(8));
}

TEST_CASE("roster: people working under supervision are not given parts") {
    // injection by students only (supervised), each giving 4 h: the 8 h shift stays short
    Scenario sc = medecins(0, 0);
    std::erase_if(sc.world.pool,
                  [](const PoolEntry& e) { return e.profession == ProfessionId{1}; });
    sc.world.pool.push_back(test::pool_entry(0, 0, 1, 40)); // the interview, whole
    for (PoolEntry& e : sc.world.pool)
        if (e.profession == ProfessionId{2}) e.weekly_hours = 4;
    const Roster r = build_roster(sc, travel_of(sc));
    int short_injection = 0;
    for (const ShortfallRow& s : r.shortfalls) short_injection += s.role == 2;
    CHECK(short_injection == 1);
    for (const RosterShift& s : r.shifts) CHECK_FALSE(s.part);
}

TEST_CASE("simulation: the interview held in two parts serves patients all day") {
    // A real run of the two-part roster: the interview station is staffed 8 h on Monday and
    // patients pass it in the afternoon too (with nobody, the vaccination flow would stop).
    const Scenario parts = medecins(2, 4);
    Scenario whole = medecins(0, 0);
    whole.world.pool.push_back(test::pool_entry(0, 0, 1, 40));
    RunOptions o;
    o.replication = 0;
    const Results a = Simulation(parts, o).run();
    const Results b = Simulation(whole, o).run();
    double staffed_a = 0, staffed_b = 0;
    for (const auto& row : a.role_days)
        if (row.day == 0 && row.role == 1) staffed_a += row.staffed_hours;
    for (const auto& row : b.role_days)
        if (row.day == 0 && row.role == 1) staffed_b += row.staffed_hours;
    CHECK(staffed_a == doctest::Approx(8.0));
    CHECK(staffed_b == doctest::Approx(8.0));
    std::int64_t doses_a = 0, doses_b = 0;
    for (const auto& row : a.centre_days)
        if (row.day == 0) doses_a += row.vaccinations;
    for (const auto& row : b.centre_days)
        if (row.day == 0) doses_b += row.vaccinations;
    CHECK(doses_a > 0);
    // the same people come and the same service draws are made: the interview's two
    // médecins in turn give as many doses as one médecin all day, give or take the hand-over
    CHECK(doses_a >= doses_b - 2);
    CHECK(doses_a <= doses_b + 2);
}

TEST_CASE("simulation: an absent part's station is taken by the supervising médecin until the "
          "part ends") {
    // The interview in two parts (09-13, 13-17) and a supervising médecin all day; absences at
    // 30 %. On a day one part's médecin is absent and the supervisor came, the supervisor holds
    // the interview for that part, as he would for an absent whole-shift colleague: the station
    // is staffed 8 h (before: 4 h, and the vaccination flow stopped for half the day).
    Scenario sc = medecins(2, 4);
    sc.world.absenteeism.baseline = 0.3;
    int cases = 0;
    for (int rep = 0; rep < 40 && cases < 3; ++rep) {
        RunOptions o;
        o.replication = rep;
        const Results res = Simulation(sc, o).run();
        double supervision = 0, interview_people = 0, interview_station = 0;
        for (const auto& row : res.role_days)
            if (row.day == 0 && row.role == 4)
                supervision += row.staffed_hours;
            else if (row.day == 0 && row.role == 1)
                interview_people += row.staffed_hours;
        for (const auto& row : res.station_days)
            if (row.day == 0 && row.station == 1) interview_station += row.staffed_hours;
        if (supervision < 8.0 - 1e-9 || interview_people > 4.0 + 1e-9 || interview_people < 1e-9)
            continue; // not the case: supervisor absent, or both parts came, or neither
        ++cases;
        CHECK_MESSAGE(interview_station == doctest::Approx(8.0),
                      "replication " << rep << ": interview staffed " << interview_station
                                     << " h with one part absent and the supervisor on site");
    }
    CHECK(cases > 0);
}

TEST_CASE("pool: a line repeating another's profession, commune and label gets its own keys") {
    // Two pool lines alike (same profession, commune, no label) used to give their people the
    // same random keys, so the same absence draws every day: their absences were one event.
    Scenario sc = medecins(2, 4);
    const auto before = expand_pool(sc.world);
    sc.world.pool.push_back(test::pool_entry(0, 0, 2, 4)); // the same again
    const auto people = expand_pool(sc.world);
    REQUIRE(people.size() == before.size() + 2);
    std::vector<std::uint64_t> keys;
    for (const RosterPerson& p : people) keys.push_back(p.key);
    std::sort(keys.begin(), keys.end());
    CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
    // the first line of each kind keeps its keys (the shipped scenarios' draws do not move)
    for (const PersonId i : before.ids()) CHECK(people[i].key == before[i].key);
}
