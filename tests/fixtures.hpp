#pragma once
// Small scenarios built in C++ for the engine tests (no files involved).
#include "riposte/scenario.hpp"

namespace riposte::test {

inline Distribution dist(const char* text) {
    return *parse_distribution(text, 60.0).value;
}

/// One line of a pool: `count` people of `profession` living in `commune`.
inline PoolEntry pool_entry(int profession, int commune, int count, double weekly_hours,
                            double max_commute_minutes = 30) {
    PoolEntry e;
    e.profession = ProfessionId{profession};
    e.home_commune = commune;
    e.count = count;
    e.weekly_hours = weekly_hours;
    e.max_commute_minutes = max_commute_minutes;
    return e;
}

/// Two communes 10 min apart, one group, a small pool, one vaccine, no centres yet.
inline World small_world(std::int64_t pop_a = 10000, std::int64_t pop_b = 5000) {
    World w;
    w.file = "fixture-world";
    w.name = "fixture";
    w.start_date = "2021-04-05"; // a Monday
    w.start_weekday = 0;
    w.days = 14;
    w.territory.communes = {{"00001", "Alpha", pop_a, 43.6, 3.4},
                            {"00002", "Beta", pop_b, 43.7, 3.5}};
    w.territory.edges = {{0, 1, 8.0, 10.0}};
    w.groups = {{"all", 1.0, 0.5, 0, 1, 21, 0.0}};
    w.behaviour.booking_delay = dist("uniform(0, 5) d");
    w.behaviour.no_show = 0.0;
    w.behaviour.punctuality = dist("normal(0, 3)");
    w.behaviour.max_travel_minutes = 45;
    w.behaviour.retry_days = 1;
    w.professions = {"medecin", "infirmier", "etudiant_sante", "administratif"};
    w.roles = {"reception",         "medical_interview", "injection",
               "observation_watch", "supervision",       "swab"};
    w.scope.allowed = {
        {{ProfessionId{3}, false}, {ProfessionId{2}, false}}, // reception: administratif, étudiant
        {{ProfessionId{0}, false}},                           // medical interview: médecin
        {{ProfessionId{1}, false},
         {ProfessionId{2}, true},
         {ProfessionId{0}, false}}, // injection: infirmier, étudiant (supervised), médecin
        {{ProfessionId{1}, false}, {ProfessionId{2}, true}}, // observation watch
        {{ProfessionId{0}, false}},                          // supervision: médecin
        {{ProfessionId{1}, false}, {ProfessionId{2}, true}}, // swab
    };
    auto pool = [&](int prof, int commune, int count, double hours) {
        PoolEntry e;
        e.profession = ProfessionId{prof};
        e.home_commune = commune;
        e.count = count;
        e.weekly_hours = hours;
        e.max_commute_minutes = 30;
        w.pool.push_back(e);
    };
    pool(0, 0, 6, 40);
    pool(1, 0, 10, 40);
    pool(2, 1, 6, 40);
    pool(3, 0, 6, 40);
    w.vaccines = {{"comirnaty", 6, hours(6)}};
    w.absenteeism.baseline = 0.0;
    w.epidemic.hourly_profile.fill(1.0);
    return w;
}

/// A vaccination centre in Alpha: reception → interview → injection → observation (15 min).
inline Centre vaccination_centre(const char* name = "Alpha centre", int injection_staff = 2) {
    Centre c;
    c.name = name;
    c.kind = CentreKind::Vaccination;
    c.commune = 0;
    c.opens = hours(9);
    c.closes = hours(17);
    c.slot_length = minutes(5);
    c.doses_per_slot = 2;
    c.stations = {
        {"reception", StationKind::Servers, Flow::Both, RoleId{0}, dist("1 + exp(0.5)"), 0, false,
         false},
        {"interview", StationKind::Servers, Flow::Vaccination, RoleId{1}, dist("2 + exp(1)"), 0,
         false, false},
        {"injection", StationKind::Servers, Flow::Vaccination, RoleId{2}, dist("3 + exp(1)"), 0,
         true, false},
        {"observation", StationKind::Area, Flow::Vaccination, RoleId{3}, dist("15"), 30, false,
         false},
    };
    Shift s;
    s.start = hours(9);
    s.end = hours(17);
    s.staff = {1, 1, injection_staff, 1, 1, 0};
    c.shifts = {s};
    return c;
}

inline Scenario small_scenario() {
    Scenario sc;
    sc.world = small_world();
    sc.plan.file = "fixture-plan";
    sc.plan.name = "fixture plan";
    sc.plan.centres = {vaccination_centre()};
    for (int d = 0; d < 14; d += 7) sc.world.deliveries.push_back({d, 0, 1800, CentreId{-1}, ""});
    return sc;
}

} // namespace riposte::test
