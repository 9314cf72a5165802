// The staffing hours ledger (issue 8 §1): one source of truth for "within reach: weekly hours
// left", filled by the roster build and used by the decisions that add hours (add_line,
// call_reserve, change_hours); a move between centres adds none.
#include "fixtures.hpp"
#include "riposte/model/hours_ledger.hpp"
#include "riposte/output.hpp"
#include "riposte/roster.hpp"
#include "riposte/simulation.hpp"
#include <map>
#include <memory>

#include <doctest/doctest.h>

using namespace riposte;

namespace {

SimTime at(int day, int hour, int minute = 0) {
    return days(day) + hours(hour) + minutes(minute);
}

} // namespace

TEST_CASE("hours ledger: commitments, hours left per calendar week, taking back") {
    // a run starting on a Wednesday: days 0-4 are week 0, days 5-11 (Monday to Sunday) week 1
    HoursLedger l({24.0, 10.0}, 2);
    CHECK(l.people() == 2);
    CHECK(l.week_of(0) == 0);
    CHECK(l.week_of(4) == 0);
    CHECK(l.week_of(5) == 1);
    CHECK(l.week_of(11) == 1);
    CHECK(l.week_of(12) == 2);
    CHECK(l.left(PersonId{0}, 1) == 24.0);
    CHECK(l.can_take(PersonId{0}, at(5, 9), at(5, 17)));
    l.commit(PersonId{0}, at(5, 9), at(5, 17));
    l.commit(PersonId{0}, at(6, 9), at(6, 17));
    CHECK(l.committed(PersonId{0}, 1) == 16.0);
    CHECK(l.left(PersonId{0}, 1) == 8.0);
    CHECK(l.committed(PersonId{0}, 0) == 0.0);
    CHECK(l.committed(PersonId{1}, 1) == 0.0);
    // the same hours on another day of the week fit, one more hour does not
    CHECK(l.can_take(PersonId{0}, at(8, 9), at(8, 17)));
    CHECK_FALSE(l.can_take(PersonId{0}, at(8, 9), at(8, 18)));
    CHECK_FALSE(l.has_hours(PersonId{0}, at(8, 8), at(8, 17)));
    // the next calendar week starts afresh
    CHECK(l.can_take(PersonId{0}, at(12, 9), at(12, 18)));
    // overlaps are refused, touching spans are not
    CHECK_FALSE(l.free(PersonId{0}, at(5, 16), at(5, 18)));
    CHECK_FALSE(l.free(PersonId{0}, at(5, 8), at(5, 10)));
    CHECK_FALSE(l.free(PersonId{0}, at(5, 10), at(5, 11)));
    CHECK_FALSE(l.free(PersonId{0}, at(4, 20), at(6, 1)));
    CHECK(l.free(PersonId{0}, at(5, 17), at(5, 20)));
    CHECK(l.free(PersonId{0}, at(5, 6), at(5, 9)));
    CHECK(l.free(PersonId{1}, at(5, 9), at(5, 17)));
    // a night span counts in the week of the day it begins
    l.commit(PersonId{1}, at(4, 20), at(5, 4));
    CHECK(l.committed(PersonId{1}, 0) == 8.0);
    CHECK(l.committed(PersonId{1}, 1) == 0.0);
    CHECK_FALSE(l.free(PersonId{1}, at(5, 3), at(5, 5)));
    CHECK(l.free(PersonId{1}, at(5, 4), at(5, 5)));
    // taking back restores the ledger exactly (whole seconds)
    l.commit(PersonId{0}, at(8, 9, 7), at(8, 12, 41));
    CHECK(l.release(PersonId{0}, at(8, 9, 7), at(8, 12, 41)));
    CHECK(l.committed(PersonId{0}, 1) == 16.0);
    CHECK(l.free(PersonId{0}, at(8, 9), at(8, 17)));
    CHECK_FALSE(l.release(PersonId{0}, at(8, 9, 7), at(8, 12, 41))); // nothing left to take back
    CHECK_FALSE(l.release(PersonId{0}, at(5, 9), at(5, 16)));        // not those times
    CHECK(l.release(PersonId{0}, at(5, 9), at(5, 17)));
    CHECK(l.committed(PersonId{0}, 1) == 8.0);
    CHECK(l.left(PersonId{0}, 1) == 16.0);
}

TEST_CASE("hours ledger: commit_all leaves it exactly as the same commits one by one") {
    // random spans for 5 people over 3 weeks, many beginning at the same second (their order
    // then is the commits'), some of them committed before (commit_all adds to them)
    std::uint64_t x = 12345;
    auto next = [&x](std::uint64_t n) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return (x >> 33) % n;
    };
    for (int round = 0; round < 50; ++round) {
        HoursLedger one(std::vector<double>(5, 40.0), round % 7);
        HoursLedger all(std::vector<double>(5, 40.0), round % 7);
        std::vector<HoursLedger::Commitment> list;
        const std::size_t n = 1 + next(60);
        for (std::size_t k = 0; k < n; ++k) {
            const PersonId who{static_cast<int>(next(5))};
            // begins on a coarse grid (ties), lengths varied (so equal begins differ by end)
            const SimTime b = days(static_cast<int>(next(21))) + hours(static_cast<int>(next(3)));
            const SimTime e = b + minutes(static_cast<int>(1 + next(600)));
            if (k < n / 4) { // before: in both
                one.commit(who, b, e);
                all.commit(who, b, e);
                continue;
            }
            one.commit(who, b, e);
            list.push_back({who, b, e});
        }
        all.commit_all(list);
        CHECK(all == one);
    }
    // and the comparison sees a difference
    HoursLedger a(std::vector<double>(2, 40.0), 0), b(std::vector<double>(2, 40.0), 0);
    a.commit(PersonId{0}, at(1, 9), at(1, 12));
    a.commit(PersonId{0}, at(1, 9), at(1, 10));
    b.commit_all({{PersonId{0}, at(1, 9), at(1, 10)}, {PersonId{0}, at(1, 9), at(1, 12)}});
    CHECK_FALSE(a == b); // the same spans, another order among equal begins
}

TEST_CASE("hours ledger: the roster leaves it with what it rostered") {
    const Scenario sc = test::small_scenario();
    std::vector<std::vector<double>> travel(sc.plan.centres.size(), std::vector<double>(2, 10.0));
    travel[0][0] = 0;
    const Roster roster = build_roster(sc, travel);
    REQUIRE(roster.hours.people() == roster.people.size());
    std::vector<double> week_h(roster.people.size() * 2, 0.0);
    for (const RosterShift& s : roster.shifts)
        for (const Assignment& a : s.people)
            week_h[a.person.index() * 2 + static_cast<std::size_t>(s.day / 7)] +=
                (s.end - s.start).hours();
    int someone = 0;
    for (const PersonId i : roster.people.ids())
        for (int wk = 0; wk < 2; ++wk) {
            const double h = week_h[i.index() * 2 + static_cast<std::size_t>(wk)];
            CHECK(roster.hours.committed(i, wk) == doctest::Approx(h));
            CHECK(h <= roster.people[i].weekly_hours + 1e-9);
            someone += h > 0;
        }
    CHECK(someone > 0);
}

TEST_CASE("the roster staffs nobody on a shift that ends before it starts (a plan editor draft)") {
    // The plan editor validates drafts as they are typed: a shift whose end is set before its
    // start reached the roster, and committing a negative span broke the ledger's invariant.
    Scenario sc = test::small_scenario();
    REQUIRE(!sc.plan.centres.empty());
    REQUIRE(!sc.plan.centres[0].shifts.empty());
    Shift& shift = sc.plan.centres[0].shifts[0];
    shift.end = shift.start - minutes(30);
    std::vector<std::vector<double>> travel(sc.plan.centres.size(), std::vector<double>(2, 10.0));
    const Roster roster = build_roster(sc, travel);
    int reversed = 0;
    for (const RosterShift& s : roster.shifts)
        if (s.centre == CentreId{0} && s.shift == 0) {
            ++reversed;
            CHECK(s.people.empty());
        }
    CHECK(reversed > 0);
}

TEST_CASE("the roster never puts a person on two shifts at once, across a week's turn too") {
    // A continuous centre's night shift crosses midnight: Sunday night runs into Monday, the
    // next calendar week. The roster's own week-by-week bookkeeping must still see it.
    Scenario sc = test::small_scenario();
    sc.world.pool.clear();
    sc.world.pool.push_back(test::pool_entry(3, 0, 1, 168)); // one receptionist, any hours
    Centre& c = sc.plan.centres[0];
    c.continuous = true;
    c.opens = hours(0);
    c.closes = hours(24);
    Shift night = c.shifts[0], early = c.shifts[0];
    night.staff = {1, 0, 0, 0, 0, 0};
    early.staff = {1, 0, 0, 0, 0, 0};
    night.start = hours(20);
    night.end = hours(32); // 20:00 to 08:00 the next day, as the loader stores it
    early.start = hours(6);
    early.end = hours(14);
    c.shifts = {night, early};
    std::vector<std::vector<double>> travel(sc.plan.centres.size(), std::vector<double>(2, 10.0));
    const Roster roster = build_roster(sc, travel);
    std::map<int, std::vector<std::pair<std::int64_t, std::int64_t>>> spans;
    int sunday_nights = 0;
    for (const RosterShift& s : roster.shifts)
        for (const Assignment& a : s.people) {
            spans[a.person.value()].emplace_back((days(s.day) + s.start).seconds(),
                                                 (days(s.day) + s.end).seconds());
            sunday_nights += (s.day % 7 == 6 && s.start == hours(20));
        }
    REQUIRE(sunday_nights > 0); // the case is exercised
    for (auto& entry : spans) {
        // named copies: clang 14 cannot capture structured bindings in doctest's lambdas
        const int person = entry.first;
        auto& list = entry.second;
        std::sort(list.begin(), list.end());
        for (std::size_t k = 1; k < list.size(); ++k)
            CHECK_MESSAGE(list[k].first >= list[k - 1].second,
                          "person " << person << " works two shifts at once at "
                                    << list[k].first / 3600 << " h");
    }
}

namespace {

/// The small world with one nurse (infirmier), starting on `start_weekday`, `n_days` long.
Scenario one_nurse(int start_weekday, int n_days, double nurse_hours) {
    Scenario sc = test::small_scenario();
    sc.world.start_weekday = start_weekday;
    sc.world.days = n_days;
    for (PoolEntry& e : sc.world.pool)
        if (e.profession == ProfessionId{1}) {
            e.count = 1;
            e.weekly_hours = nurse_hours;
        }
    return sc;
}

} // namespace

TEST_CASE("add_line counts a person's hours by calendar week, like the roster, when the run "
          "starts mid-week") {
    // The run starts on a Wednesday, the centre's shift is on Mondays and Tuesdays only, and
    // its one nurse works 24 h a week: the roster gives her Monday and Tuesday of calendar week
    // 1 (days 5 and 6, 16 h). A line on Thursday (day 8, 8 h) fits the week; a second one on
    // Friday does not. add_line counted weeks from the run's first day (days 7-13), where she
    // had no hours yet, and took both: 28 h in her week of 24.
    Scenario sc = one_nurse(2, 12, 24);
    sc.world.start_date = "2021-04-07";
    sc.plan.centres[0].shifts[0].weekdays = 0b0000011; // Monday, Tuesday
    const Roster roster = [&] {
        std::vector<std::vector<double>> travel(1, std::vector<double>(2, 10.0));
        travel[0][0] = 0;
        return build_roster(sc, travel);
    }();
    int nurse = -1;
    for (const PersonId i : roster.people.ids())
        if (roster.people[i].profession == ProfessionId{1}) nurse = i.value();
    REQUIRE(nurse >= 0);
    REQUIRE(roster.hours.committed(PersonId{nurse}, 1) == 16.0);

    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(7, 8));
    const ChangeOutcome thursday = sim.apply(AddLine{CentreRef::named("Alpha centre"), "injection",
                                                     1, at(8, 9), at(8, 17), false, "infirmier"},
                                             change_identity("thursday"));
    REQUIRE_MESSAGE(thursday.applied(), describe_refusal(*thursday.refusal, "en"));
    CHECK(thursday.people == 1);
    const ChangeOutcome friday = sim.apply(AddLine{CentreRef::named("Alpha centre"), "injection", 1,
                                                   at(9, 9), at(9, 13), false, "infirmier"},
                                           change_identity("friday"));
    REQUIRE_FALSE(friday.applied());
    CHECK(friday.refusal->reason == RefusalReason::NoneWithinReach);
    CHECK(friday.refusal->number == 0);
    // the next calendar week (day 12 is a Monday) has her hours again: past the run here
}

TEST_CASE("add_line at several centres takes one person once, refused, it adds nobody") {
    // two centres in Alpha and one reserve nurse on call: a line at every centre needs two
    Scenario sc = test::small_scenario();
    sc.plan.centres.push_back(test::vaccination_centre("Alpha bis"));
    sc.world.deliveries.push_back({0, 0, 1800, CentreId::none(), ""}); // day 0, vaccine 0
    PoolEntry reserve = test::pool_entry(1, 0, 1, 30);
    reserve.on_call = true;
    reserve.call_in_delay = hours(1);
    reserve.label = "réserve";
    sc.world.pool.push_back(reserve);
    const AddLine both{CentreRef::all(), "injection", 1, SimTime{}, at(2, 17), true, "infirmier"};
    const Results base = run_replication(sc, RunOptions{7, 0, minutes(15)});

    Simulation one(sc, RunOptions{7, 0, minutes(15)});
    one.advance_to(at(2, 9));
    const ChangeOutcome refused = one.apply(both, change_identity("both"));
    REQUIRE_FALSE(refused.applied());
    CHECK(refused.refusal->reason == RefusalReason::NoneWithinReach);
    CHECK(refused.refusal->number == 0); // the one reserve goes to the first centre
    CHECK(refused.people == 0);
    CHECK(centre_day_csv(sc, one.run()) == centre_day_csv(sc, base));

    // two reserves: one at each centre
    sc.world.pool.back().count = 2;
    Simulation two(sc, RunOptions{7, 0, minutes(15)});
    two.advance_to(at(2, 9));
    const LiveState before = two.live_state();
    const ChangeOutcome applied = two.apply(both, change_identity("both"));
    REQUIRE_MESSAGE(applied.applied(), describe_refusal(*applied.refusal, "en"));
    CHECK(applied.people == 2);
    two.advance_to(at(2, 10, 30));
    const LiveState after = two.live_state();
    for (std::size_t c = 0; c < 2; ++c)
        CHECK(after.centres[c].staff_by_role[RoleId{2}] ==
              before.centres[c].staff_by_role[RoleId{2}] + 1);
}

TEST_CASE("a move between centres adds no hours: the person's week is counted once") {
    // One nurse (24 h a week) works Monday 09:00-17:00 at Alpha, and is moved at 10:00 to the
    // centre in Beta. Her week then holds 8 h: two 8-hour lines later in the week fit, a third
    // hour does not. The ledger counted the rest of her Monday twice (the Alpha shift and the
    // moved part at Beta), and refused the second line.
    Scenario sc = one_nurse(0, 7, 24);
    sc.plan.centres[0].shifts[0].weekdays = 0b0000001; // Monday
    Centre beta = test::vaccination_centre("Beta centre");
    beta.commune = 1;
    beta.shifts[0].weekdays = 0b0000001;
    sc.plan.centres.push_back(beta);
    sc.world.deliveries.push_back({0, 0, 1800, CentreId::none(), ""}); // day 0, vaccine 0

    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(0, 10));
    const ChangeOutcome moved =
        sim.apply(MoveStaff{CentreRef::named("Alpha centre"), CentreRef::named("Beta centre"),
                            "infirmier", 1, std::nullopt},
                  change_identity("move"));
    REQUIRE_MESSAGE(moved.applied(), describe_refusal(*moved.refusal, "en"));
    CHECK(moved.people == 1);
    const auto line = [&](int day, int from_h, int to_h, const char* id) {
        return sim.apply(AddLine{CentreRef::named("Alpha centre"), "injection", 1, at(day, from_h),
                                 at(day, to_h), false, "infirmier"},
                         change_identity(id));
    };
    const ChangeOutcome wednesday = line(2, 9, 17, "wednesday");
    REQUIRE_MESSAGE(wednesday.applied(), describe_refusal(*wednesday.refusal, "en"));
    const ChangeOutcome thursday = line(3, 9, 17, "thursday");
    REQUIRE_MESSAGE(thursday.applied(), describe_refusal(*thursday.refusal, "en"));
    const ChangeOutcome friday = line(4, 9, 10, "friday");
    REQUIRE_FALSE(friday.applied());
    CHECK(friday.refusal->reason == RefusalReason::NoneWithinReach);
}

TEST_CASE("add_line then change_hours share the ledger: hours a line took are not given twice") {
    // One nurse, 20 h a week, rostered Monday and Tuesday 09:00-17:00 (16 h). Closing at 18:00
    // on Tuesday asks her for one more hour: 17 h, it fits. After a 4-hour line on Wednesday
    // (20 h) it does not, and nobody else may watch the observation area alone: refused.
    Scenario sc = one_nurse(0, 7, 20);
    sc.plan.centres[0].shifts[0].weekdays = 0b0000011; // Monday, Tuesday
    const ChangeHours later{CentreRef::named("Alpha centre"), 1, 1, hours(9), hours(18)};

    Simulation plain(sc, RunOptions{7, 0, minutes(15)});
    plain.advance_to(at(0, 10));
    const ChangeOutcome ok = plain.apply(later, change_identity("later"));
    REQUIRE_MESSAGE(ok.applied(), describe_refusal(*ok.refusal, "en"));

    Simulation busy(sc, RunOptions{7, 0, minutes(15)});
    busy.advance_to(at(0, 10));
    const ChangeOutcome line = busy.apply(AddLine{CentreRef::named("Alpha centre"), "injection", 1,
                                                  at(2, 9), at(2, 13), false, "infirmier"},
                                          change_identity("line"));
    REQUIRE_MESSAGE(line.applied(), describe_refusal(*line.refusal, "en"));
    const ChangeOutcome refused = busy.apply(later, change_identity("later"));
    REQUIRE_FALSE(refused.applied());
    CHECK(refused.refusal->reason == RefusalReason::StaffHoursShort);
    // closing at 16:00 on Tuesday instead needs nobody's extra hours, and gives her an hour
    // back (19 h): a one-hour line on Thursday fits, a second one does not
    const ChangeOutcome earlier =
        busy.apply(ChangeHours{CentreRef::named("Alpha centre"), 1, 1, hours(9), hours(16)},
                   change_identity("earlier"));
    REQUIRE_MESSAGE(earlier.applied(), describe_refusal(*earlier.refusal, "en"));
    const auto thursday = [&](int from_h, const char* id) {
        return busy.apply(AddLine{CentreRef::named("Alpha centre"), "injection", 1, at(3, from_h),
                                  at(3, from_h + 1), false, "infirmier"},
                          change_identity(id));
    };
    const ChangeOutcome one = thursday(9, "one");
    REQUIRE_MESSAGE(one.applied(), describe_refusal(*one.refusal, "en"));
    CHECK_FALSE(thursday(11, "two").applied());
}

TEST_CASE("a later closing never gives the extra hours to someone ill then") {
    // One nurse, rostered Monday and Tuesday 09:00-17:00, falls ill on Monday for three days.
    // Closing at 18:00 on Tuesday needs a nurse for the extra hour: she is ill and nobody else
    // may do it, so the decision is refused (it was applied, with the hour given to her, and
    // nobody worked it).
    Scenario sc = one_nurse(0, 7, 40);
    sc.plan.centres[0].shifts[0].weekdays = 0b0000011; // Monday, Tuesday
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(0, 10));
    const ChangeOutcome ill = sim.apply(
        StaffIll{CentreRef::named("Alpha centre"), "infirmier", 1, 3}, change_identity("ill"));
    REQUIRE_MESSAGE(ill.applied(), describe_refusal(*ill.refusal, "en"));
    const ChangeOutcome later =
        sim.apply(ChangeHours{CentreRef::named("Alpha centre"), 1, 1, hours(9), hours(18)},
                  change_identity("later"));
    REQUIRE_FALSE(later.applied());
    CHECK(later.refusal->reason == RefusalReason::StaffHoursShort);
    // well again by Thursday: a later closing then finds her (the shift works Thursday too)
    sc.plan.centres[0].shifts[0].weekdays = 0b0001011; // Monday, Tuesday, Thursday
    Simulation again(sc, RunOptions{7, 0, minutes(15)});
    again.advance_to(at(0, 10));
    REQUIRE(again
                .apply(StaffIll{CentreRef::named("Alpha centre"), "infirmier", 1, 3},
                       change_identity("ill"))
                .applied());
    const ChangeOutcome thursday =
        again.apply(ChangeHours{CentreRef::named("Alpha centre"), 3, 3, hours(9), hours(18)},
                    change_identity("later"));
    CHECK_MESSAGE(thursday.applied(),
                  (thursday.refusal ? describe_refusal(*thursday.refusal, "en") : ""));
}

TEST_CASE("a later closing never gives the extra hours to someone moved away from the centre") {
    // One nurse (40 h a week) works Monday 09:00-17:00 at Alpha and is moved at 10:00 to the
    // centre in Beta for the rest of her shift. Alpha closing at 18:00 tonight needs a nurse
    // for the extra hour: she is at Beta, and nobody else may do it, so the decision is refused
    // (she stayed listed on her Alpha shift, and the ledger, which counts her Monday once, had
    // her free after 17:00: the extension was hers).
    Scenario sc = one_nurse(0, 7, 40);
    sc.plan.centres[0].shifts[0].weekdays = 0b0000001; // Monday
    Centre beta = test::vaccination_centre("Beta centre");
    beta.commune = 1;
    beta.shifts[0].weekdays = 0b0000001;
    sc.plan.centres.push_back(beta);
    sc.world.deliveries.push_back({0, 0, 1800, CentreId::none(), ""}); // day 0, vaccine 0
    const ChangeHours later{CentreRef::named("Alpha centre"), 0, 0, hours(9), hours(18)};

    // without the move, the same change gives her the hour
    Simulation stay(sc, RunOptions{7, 0, minutes(15)});
    stay.advance_to(at(0, 10));
    const ChangeOutcome kept = stay.apply(later, change_identity("later"));
    REQUIRE_MESSAGE(kept.applied(), describe_refusal(*kept.refusal, "en"));
    CHECK(kept.people >= 1); // every person of the closing shift, she among them

    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(0, 10));
    const ChangeOutcome moved =
        sim.apply(MoveStaff{CentreRef::named("Alpha centre"), CentreRef::named("Beta centre"),
                            "infirmier", 1, std::nullopt},
                  change_identity("move"));
    REQUIRE_MESSAGE(moved.applied(), describe_refusal(*moved.refusal, "en"));
    REQUIRE(moved.people == 1);
    const ChangeOutcome refused = sim.apply(later, change_identity("later"));
    REQUIRE_FALSE(refused.applied());
    CHECK(refused.refusal->reason == RefusalReason::StaffHoursShort);

    // a second nurse, free on Monday, takes the hour instead
    Scenario two = sc;
    PoolEntry spare = test::pool_entry(1, 0, 1, 40);
    spare.weekdays = 0b0000001;
    two.world.pool.push_back(spare);
    Simulation other(two, RunOptions{7, 0, minutes(15)});
    other.advance_to(at(0, 10));
    REQUIRE(other
                .apply(MoveStaff{CentreRef::named("Alpha centre"), CentreRef::named("Beta centre"),
                                 "infirmier", 1, std::nullopt},
                       change_identity("move"))
                .applied());
    const ChangeOutcome taken = other.apply(later, change_identity("later"));
    CHECK_MESSAGE(taken.applied(), (taken.refusal ? describe_refusal(*taken.refusal, "en") : ""));
}

TEST_CASE("a person moved away is off her old shift: a line, an absence or a later move there "
          "never counts her") {
    // One nurse works Monday 09:00-17:00 at Alpha and is moved at 10:00 to the centre in Beta
    // for the rest of her shift. From then on she is on Beta's line, not on Alpha's shift:
    // - a line at Alpha today cannot have her (she is at Beta, and her day is committed);
    // - nurses falling ill at Alpha: there is none left there (she was listed on her Alpha
    //   shift still, and fell ill "at Alpha" while working at Beta);
    // - a move from Alpha at 14:00 finds nobody to move (it counted her, and was accepted);
    // - nurses falling ill at Beta: she is the one.
    Scenario sc = one_nurse(0, 7, 40);
    sc.plan.centres[0].shifts[0].weekdays = 0b0000001; // Monday
    Centre beta = test::vaccination_centre("Beta centre");
    beta.commune = 1;
    beta.shifts[0].weekdays = 0b0000001;
    sc.plan.centres.push_back(beta);
    sc.world.deliveries.push_back({0, 0, 1800, CentreId::none(), ""}); // day 0, vaccine 0

    const auto moved_sim = [&] {
        auto sim = std::make_unique<Simulation>(sc, RunOptions{7, 0, minutes(15)});
        sim->advance_to(at(0, 10));
        const ChangeOutcome moved =
            sim->apply(MoveStaff{CentreRef::named("Alpha centre"), CentreRef::named("Beta centre"),
                                 "infirmier", 1, std::nullopt},
                       change_identity("move"));
        REQUIRE_MESSAGE(moved.applied(), describe_refusal(*moved.refusal, "en"));
        REQUIRE(moved.people == 1);
        return sim;
    };
    // without the move, each of these finds her at Alpha
    {
        Simulation stay(sc, RunOptions{7, 0, minutes(15)});
        stay.advance_to(at(0, 10));
        Simulation stay2(stay);
        CHECK(stay.apply(StaffIll{CentreRef::named("Alpha centre"), "infirmier", 1, 3},
                         change_identity("ill"))
                  .people == 1);
        CHECK(stay2
                  .apply(MoveStaff{CentreRef::named("Alpha centre"),
                                   CentreRef::named("Beta centre"), "infirmier", 1, at(0, 14)},
                         change_identity("later"))
                  .applied());
    }
    {
        auto sim = moved_sim();
        const ChangeOutcome line = sim->apply(AddLine{CentreRef::named("Alpha centre"), "injection",
                                                      1, at(0, 10), at(0, 17), false, "infirmier"},
                                              change_identity("line"));
        REQUIRE_FALSE(line.applied());
        CHECK(line.refusal->reason == RefusalReason::NoneWithinReach);
    }
    {
        auto sim = moved_sim();
        const ChangeOutcome ill = sim->apply(
            StaffIll{CentreRef::named("Alpha centre"), "infirmier", 1, 3}, change_identity("ill"));
        CHECK_FALSE(ill.applied());
        CHECK(ill.people == 0);
        // at Beta she is: after the drive, her line there has her
        sim->advance_to(at(0, 12));
        const ChangeOutcome there = sim->apply(
            StaffIll{CentreRef::named("Beta centre"), "infirmier", 1, 3}, change_identity("ill2"));
        CHECK(there.applied());
        CHECK(there.people == 1);
    }
    {
        auto sim = moved_sim();
        const ChangeOutcome later =
            sim->apply(MoveStaff{CentreRef::named("Alpha centre"), CentreRef::named("Beta centre"),
                                 "infirmier", 1, at(0, 14)},
                       change_identity("later"));
        REQUIRE_FALSE(later.applied());
        CHECK(later.refusal->reason == RefusalReason::NoneWithinReach);
    }
}
