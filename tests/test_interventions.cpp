// Interventions (issue 8 §3): each kind has its effect where it should, and nowhere else (the
// other centres' rows stay identical, at least until the change can reach them through
// rebooking), on the shipped Centre-Hérault scenario.
#include "cli_process.hpp"
#include "fixtures.hpp"
#include "riposte/output.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/simulation.hpp"

#include <doctest/doctest.h>
#include <type_traits>

#include <climits>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace riposte;

// The centres an intervention touched, and the centre where a trigger fired, are CentreIds:
// not comparable with a bare integer or a station, nor assignable from one.
static_assert(std::is_same_v<decltype(ChangeOutcome::centres), std::vector<CentreId>>);
static_assert(std::is_same_v<decltype(AppliedChange::centre), CentreId>);
static_assert(!std::is_assignable_v<CentreId&, int>);
static_assert(!std::is_assignable_v<CentreId&, StationId>);

namespace {

const Scenario& herault() {
    static const Scenario sc = [] {
        const LoadResult r = load_scenario(default_world_file(), default_plan_file());
        REQUIRE(r.scenario);
        return *r.scenario;
    }();
    return sc;
}

int centre_index(const Scenario& sc, const std::string& name) {
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        if (sc.plan.centres[c].name == name) return static_cast<int>(c);
    FAIL("no centre " << name);
    return -1;
}

SimTime at(int day, int hour, int minute = 0) {
    return days(day) + hours(hour) + minutes(minute);
}

/// Runs the scenario, applying `change` at `when` (before the first event at or after it).
struct Run {
    Results res;
    ChangeOutcome outcome;
};
Run run_with(const Scenario& sc, SimTime when, const Change& change, std::uint64_t seed = 7) {
    Simulation sim(sc, RunOptions{seed, 0, minutes(15)});
    sim.advance_to(when);
    Run r;
    r.outcome = sim.apply(change, change_identity("test-change"));
    r.res = sim.run();
    return r;
}
Results baseline(std::uint64_t seed = 7) {
    return run_replication(herault(), RunOptions{seed, 0, minutes(15)});
}

std::string row_text(const CentreDayRow& r) {
    std::ostringstream o;
    o << r.arrivals << ' ' << r.served << ' ' << r.no_shows << ' ' << r.turned_away << ' '
      << r.walk_ins << ' ' << r.vaccinations << ' ' << r.tests << ' ' << r.wait_mean_min << ' '
      << r.wait_p90_min << ' ' << r.wait_max_min << ' ' << r.max_waiting << ' ' << r.doses_used
      << ' ' << r.doses_wasted << ' ' << r.stock_end << ' ' << r.slots_opened << ' '
      << r.slots_booked;
    return o.str();
}

/// First day centre c's row differs between two runs (INT_MAX: never).
int first_diff_day(const Results& a, const Results& b, int c) {
    std::map<int, std::string> ra, rb;
    for (const auto& r : a.centre_days)
        if (r.centre == c) ra[r.day] = row_text(r);
    for (const auto& r : b.centre_days)
        if (r.centre == c) rb[r.day] = row_text(r);
    for (int d = 0; d < 400; ++d) {
        const auto ia = ra.find(d), ib = rb.find(d);
        const std::string sa = ia == ra.end() ? "" : ia->second;
        const std::string sb = ib == rb.end() ? "" : ib->second;
        if (sa != sb) return d;
    }
    return INT_MAX;
}

const CentreDayRow& row(const Results& r, int c, int d) {
    for (const auto& x : r.centre_days)
        if (x.centre == c && x.day == d) return x;
    FAIL("no row for centre " << c << " day " << d);
    static CentreDayRow none;
    return none;
}

} // namespace

TEST_CASE("a change is stamped with the time, the event ordinal and its order") {
    const Scenario& sc = herault();
    Simulation sim(sc, {});
    sim.advance_to(at(2, 10));
    const ChangeOutcome a = sim.apply(Message{"le préfet appelle"}, change_identity("m1"));
    const ChangeOutcome b = sim.apply(Message{"deuxième message"}, change_identity("m2"));
    CHECK(a.applied());
    CHECK(a.stamp.time == sim.now());
    CHECK(a.stamp.ordinal == sim.events_processed());
    CHECK(a.stamp.order == 0);
    CHECK(b.stamp.ordinal == a.stamp.ordinal);
    CHECK(b.stamp.order == 1);
    REQUIRE(sim.step());
    const ChangeOutcome c = sim.apply(Message{"après un événement"}, change_identity("m3"));
    CHECK(c.stamp.ordinal == a.stamp.ordinal + 1);
    CHECK(c.stamp.order == 0);
    CHECK(sim.changes().size() == 3);
    CHECK(sim.live_state().changes_applied == 3);
}

TEST_CASE("an impossible change is refused with its reason and changes nothing") {
    const Scenario& sc = herault();
    const Results base = baseline();
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(3, 9));
    const ChangeOutcome unknown =
        sim.apply(ColdChainFailure{CentreRef::named("Montpellier")}, change_identity("x"));
    REQUIRE_FALSE(unknown.applied());
    CHECK(unknown.refusal->reason == RefusalReason::UnknownCentre);
    CHECK(describe_refusal(*unknown.refusal) == "centre inconnu : « Montpellier »");
    const ChangeOutcome past =
        sim.apply(CentreClosed{CentreRef::named("Gignac"), at(2, 12)}, change_identity("y"));
    REQUIRE_FALSE(past.applied());
    CHECK(past.refusal->reason == RefusalReason::InThePast);
    const ChangeOutcome prof =
        sim.apply(StaffIll{CentreRef::named("Gignac"), "plombier", 1, 2}, change_identity("z"));
    REQUIRE_FALSE(prof.applied());
    CHECK(prof.refusal->reason == RefusalReason::UnknownProfession);
    const ChangeOutcome stock =
        sim.apply(ReallocateDoses{CentreRef::named("Gignac"), CentreRef::named("Lodève"), 1000000},
                  change_identity("w"));
    REQUIRE_FALSE(stock.applied());
    CHECK(stock.refusal->reason == RefusalReason::NotEnoughStock);
    const Results after = sim.run();
    CHECK(centre_day_csv(sc, after) == centre_day_csv(sc, base));
    // the refusals are in the log, as decisions / injects refused
    int refused = 0;
    for (const auto& e : after.log)
        if (e.event == LogEvent::Intervention && e.refusal_reason >= 0) ++refused;
    CHECK(refused == 4);
}

TEST_CASE("premises lost: the centre closes for three days, then opens again") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const int lodeve = centre_index(sc, "Lodève");
    const Results base = baseline();
    const Run r = run_with(sc, at(3, 0), CentreClosed{CentreRef::named("Gignac"), at(6, 0)});
    REQUIRE(r.outcome.applied());
    CHECK(r.outcome.centres == std::vector<CentreId>{CentreId{gignac}});
    for (int d : {3, 4, 5}) // Thursday, Friday (Saturday: closed anyway)
        if (sc.plan.centres[static_cast<std::size_t>(gignac)].open_on(d, sc.world.start_weekday))
            CHECK(row(r.res, gignac, d).vaccinations == 0);
    CHECK(row(r.res, gignac, 3).turned_away > row(base, gignac, 3).turned_away);
    CHECK(row(r.res, gignac, 7).vaccinations > 0); // Monday: open again
    // nothing changes anywhere before the closure, and Lodève's day of the closure is its own
    CHECK(first_diff_day(base, r.res, gignac) == 3);
    CHECK(first_diff_day(base, r.res, lodeve) >= 4);
}

TEST_CASE("a closure decision and a reopening: the doors follow the decisions") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(1, 11));
    REQUIRE(sim.live_state().centres[static_cast<std::size_t>(gignac)].doors_open);
    const ChangeOutcome shut = sim.apply(SetCentreOpen{CentreRef::named("Gignac"), false, at(2, 0)},
                                         change_identity("shut"));
    REQUIRE(shut.applied());
    const LiveState closed = sim.live_state();
    CHECK_FALSE(closed.centres[static_cast<std::size_t>(gignac)].doors_open);
    CHECK(closed.centres[static_cast<std::size_t>(gignac)].waiting == 0);
    sim.advance_to(at(1, 13));
    CHECK_FALSE(sim.live_state().centres[static_cast<std::size_t>(gignac)].doors_open);
    const ChangeOutcome reopen =
        sim.apply(SetCentreOpen{CentreRef::named("Gignac"), true, {}}, change_identity("reopen"));
    REQUIRE(reopen.applied());
    CHECK(sim.live_state().centres[static_cast<std::size_t>(gignac)].doors_open);
    // reopening an open centre is refused
    const ChangeOutcome again =
        sim.apply(SetCentreOpen{CentreRef::named("Gignac"), true, {}}, change_identity("again"));
    REQUIRE_FALSE(again.applied());
    CHECK(again.refusal->reason == RefusalReason::NotApplicable);
}

TEST_CASE("an IT outage slows a station: waits rise there and nowhere else") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const Results base = baseline();
    const Run r = run_with(sc, at(2, 8),
                           StationSlowed{CentreRef::named("Gignac"), "reception", 3.0, at(3, 0)});
    REQUIRE(r.outcome.applied());
    CHECK(row(r.res, gignac, 2).wait_mean_min > row(base, gignac, 2).wait_mean_min + 1.0);
    CHECK(first_diff_day(base, r.res, gignac) == 2);
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        if (static_cast<int>(c) != gignac)
            CHECK(first_diff_day(base, r.res, static_cast<int>(c)) >= 2 + 3); // retry_days
    // an unknown station is refused
    Simulation sim(sc, {});
    sim.advance_to(at(2, 8));
    const ChangeOutcome bad =
        sim.apply(StationSlowed{CentreRef::named("Gignac"), "radiologie", 2.0, at(3, 0)},
                  change_identity("s"));
    REQUIRE_FALSE(bad.applied());
    CHECK(bad.refusal->reason == RefusalReason::UnknownStation);
}

TEST_CASE("nurses fall ill at Gignac: fewer staff there, Lodève's arrivals identical") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const int lodeve = centre_index(sc, "Lodève");
    const Results base = baseline();
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(2, 10));
    const int before =
        sim.live_state().centres[static_cast<std::size_t>(gignac)].staff_by_role[RoleId{2}];
    const ChangeOutcome o =
        sim.apply(StaffIll{CentreRef::named("Gignac"), "infirmier", 2, 3}, change_identity("ill"));
    REQUIRE(o.applied());
    CHECK(o.people == 2);
    const int after =
        sim.live_state().centres[static_cast<std::size_t>(gignac)].staff_by_role[RoleId{2}];
    CHECK(after < before);
    const Results res = sim.run();
    CHECK(row(res, gignac, 2).wait_mean_min > row(base, gignac, 2).wait_mean_min);
    // the nurses' absences are accounted as absent hours, on later days too
    double absent_base = 0, absent = 0;
    for (const auto& p : base.professions)
        if (sc.world.professions[ProfessionId{p.profession}] == "infirmier")
            absent_base = p.absent_hours;
    for (const auto& p : res.professions)
        if (sc.world.professions[ProfessionId{p.profession}] == "infirmier")
            absent = p.absent_hours;
    CHECK(absent > absent_base);
    // Lodève: the same arrivals each day until rebookings from Gignac could reach it
    int same_arrivals_until = INT_MAX;
    for (const auto& rb : base.centre_days)
        if (rb.centre == lodeve && row(res, lodeve, rb.day).arrivals != rb.arrivals)
            same_arrivals_until = std::min(same_arrivals_until, rb.day);
    CHECK(same_arrivals_until >= 2 + 3);
    CHECK(first_diff_day(base, res, lodeve) >= 3);
}

TEST_CASE("an absence wave of nurses: the same people fall ill whatever the plan, others stay") {
    const Scenario& sc = herault();
    const Results base = baseline();
    const Run r = run_with(sc, at(5, 0), AbsenceWave{"infirmier", 0.2, 10});
    REQUIRE(r.outcome.applied());
    CHECK(r.outcome.people > 0);
    auto absent_of = [&](const Results& res, const std::string& prof) {
        for (const auto& p : res.professions)
            if (sc.world.professions[ProfessionId{p.profession}] == prof) return p.absent_hours;
        return 0.0;
    };
    CHECK(absent_of(r.res, "infirmier") > absent_of(base, "infirmier"));
    CHECK(absent_of(r.res, "medecin") == absent_of(base, "medecin"));
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        CHECK(first_diff_day(base, r.res, static_cast<int>(c)) >= 5);
    // keyed by the change's identity: the same wave again falls on the same people
    const Run again = run_with(sc, at(5, 0), AbsenceWave{"infirmier", 0.2, 10});
    CHECK(again.outcome.people == r.outcome.people);
    CHECK(centre_day_csv(sc, again.res) == centre_day_csv(sc, r.res));
}

TEST_CASE("a late delivery: the doses come later, only at the centres concerned") {
    const Scenario& sc = herault();
    const int lodeve = centre_index(sc, "Lodève");
    const Results base = baseline();
    const Run r = run_with(sc, at(1, 12), DeliveryLate{CentreRef::named("Lodève"), 3, 0.25});
    REQUIRE(r.outcome.applied());
    CHECK(r.outcome.doses > 0);
    CHECK(r.res.totals.doses_delivered < base.totals.doses_delivered);
    CHECK(r.res.totals.doses_delivered ==
          base.totals.doses_delivered -
              static_cast<std::int64_t>(std::floor(static_cast<double>(r.outcome.doses) * 0.25)));
    const int d = first_diff_day(base, r.res, lodeve);
    CHECK(d >= 2);
    CHECK(d < INT_MAX);
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        if (static_cast<int>(c) != lodeve)
            CHECK(first_diff_day(base, r.res, static_cast<int>(c)) >= d);
}

TEST_CASE("a fridge failure destroys the centre's stock, counted as waste") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const Results base = baseline();
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(2, 12));
    const LiveState before = sim.live_state();
    const auto& g = before.centres[static_cast<std::size_t>(gignac)];
    const std::int64_t held = g.stock + g.open_vial_doses;
    REQUIRE(held > 0);
    const ChangeOutcome o =
        sim.apply(ColdChainFailure{CentreRef::named("Gignac")}, change_identity("fridge"));
    REQUIRE(o.applied());
    CHECK(o.doses == held);
    const LiveState after = sim.live_state();
    CHECK(after.centres[static_cast<std::size_t>(gignac)].stock == 0);
    CHECK(after.centres[static_cast<std::size_t>(gignac)].open_vial_doses == 0);
    const Results res = sim.run();
    CHECK(row(res, gignac, 2).doses_wasted >= held);
    CHECK(row(res, gignac, 2).stock_end < row(base, gignac, 2).stock_end);
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        if (static_cast<int>(c) != gignac)
            CHECK(first_diff_day(base, res, static_cast<int>(c)) >= 2 + 1);
}

TEST_CASE("a demand surge at the testing centre brings more tests there only") {
    const Scenario& sc = herault();
    const int lab = centre_index(sc, "Dépistage Saint-André-de-Sangonis");
    const Results base = baseline();
    const Run r =
        run_with(sc, at(8, 0), DemandSurge{CentreRef{CentreRef::By::Kind, "testing"}, 2.0, 2});
    REQUIRE(r.outcome.applied());
    CHECK(r.outcome.centres == std::vector<CentreId>{CentreId{lab}});
    const auto tests_on = [&](const Results& res, int d) { return row(res, lab, d).arrivals; };
    CHECK(tests_on(r.res, 8) > tests_on(base, 8) * 3 / 2);
    CHECK(tests_on(r.res, 11) > 0);
    CHECK(first_diff_day(base, r.res, lab) == 8);
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        if (static_cast<int>(c) != lab)
            CHECK(first_diff_day(base, r.res, static_cast<int>(c)) == INT_MAX);
}

TEST_CASE("walk-ins after a media announcement come to a centre that takes bookings only") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const Results base = baseline();
    const Run r = run_with(sc, at(9, 8), DemandSurge{CentreRef::named("Gignac"), 1.0, 2, 6.0});
    REQUIRE(r.outcome.applied());
    CHECK(row(base, gignac, 9).walk_ins == 0);
    CHECK(row(r.res, gignac, 9).walk_ins > 0);
    CHECK(row(r.res, gignac, 10).walk_ins > 0);
}

TEST_CASE("add a line: people of the pool come at the time said, or the reason why not") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const Results base = baseline();
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(0, 8));
    const ChangeOutcome o =
        sim.apply(AddLine{CentreRef::named("Gignac"), "injection", 1, at(0, 13), at(0, 17)},
                  change_identity("line"));
    REQUIRE_MESSAGE(o.applied(), describe_refusal(*o.refusal, "en"));
    CHECK(o.people == 1);
    sim.advance_to(at(0, 14));
    const LiveState ls = sim.live_state();
    const Results res = sim.run();
    // one more person for injection on day 0
    int req_base = 0, req = 0;
    for (const auto& rr : base.role_days)
        if (rr.centre == gignac && rr.day == 0 && rr.role == 2) req_base = rr.present;
    for (const auto& rr : res.role_days)
        if (rr.centre == gignac && rr.day == 0 && rr.role == 2) req = rr.present;
    CHECK(req == req_base + 1);
    CHECK(ls.centres[static_cast<std::size_t>(gignac)].staff_by_role[RoleId{2}] >= 1);
    CHECK(row(res, gignac, 0).wait_mean_min <= row(base, gignac, 0).wait_mean_min);
    CHECK(first_diff_day(base, res, gignac) == 0);
    // the pool gives 8 hours a week each: late in the week a 7-hour line finds nobody
    Simulation late(sc, RunOptions{7, 0, minutes(15)});
    late.advance_to(at(3, 8));
    const ChangeOutcome tired =
        late.apply(AddLine{CentreRef::named("Gignac"), "injection", 1, at(3, 10), at(3, 17)},
                   change_identity("tired"));
    REQUIRE_FALSE(tired.applied());
    CHECK(tired.refusal->reason == RefusalReason::NoneWithinReach);

    // more people than the pool can send in time: refused, saying how many could come
    Simulation sim2(sc, RunOptions{7, 0, minutes(15)});
    sim2.advance_to(at(0, 8));
    const ChangeOutcome many =
        sim2.apply(AddLine{CentreRef::named("Gignac"), "injection", 500, at(0, 13), at(0, 17)},
                   change_identity("many"));
    REQUIRE_FALSE(many.applied());
    CHECK(many.refusal->reason == RefusalReason::NoneWithinReach);
    CHECK(many.refusal->number >= 1);
    CHECK(many.refusal->number < 500);
    CHECK(describe_refusal(*many.refusal).find("injection") != std::string::npos);
    // a line must last at least half an hour once they are there
    const ChangeOutcome medecins = sim2.apply(
        AddLine{CentreRef::named("Gignac"), "medical_interview", 1, at(0, 8), at(0, 8, 20)},
        change_identity("short"));
    REQUIRE_FALSE(medecins.applied());
}

TEST_CASE("reserves on call come after their call-in delay") {
    Scenario sc = herault();
    // two reserve nurses living in Gignac, on call with a one-hour call-in delay
    PoolEntry reserve = sc.world.pool.front();
    reserve.profession = sc.world.find_profession("infirmier");
    reserve.home_commune = sc.world.find_commune("34114");
    reserve.count = 2;
    reserve.weekly_hours = 20;
    reserve.on_call = true;
    reserve.call_in_delay = hours(1);
    reserve.label = "réserve";
    sc.world.pool.push_back(reserve);
    const Results base = run_replication(sc, RunOptions{7, 0, minutes(15)});
    const Results plain = baseline();
    // never rostered: a pool with reserves gives the same run
    CHECK(centre_day_csv(sc, base) == centre_day_csv(herault(), plain));

    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(4, 9));
    // scheduled from 09:30: a reserve cannot be there (call-in 1 h)
    const ChangeOutcome soon = sim.apply(
        AddLine{CentreRef::named("Gignac"), "injection", 1, at(4, 9, 30), at(4, 17), true},
        change_identity("soon"));
    REQUIRE_FALSE(soon.applied());
    CHECK(soon.refusal->reason == RefusalReason::NoneWithinReach);
    CHECK(soon.refusal->number == 0);
    // as soon as possible: they come after the delay
    const ChangeOutcome asap =
        sim.apply(AddLine{CentreRef::named("Gignac"), "injection", 2, SimTime{}, at(4, 17), true},
                  change_identity("asap"));
    REQUIRE(asap.applied());
    const int gignac = centre_index(sc, "Gignac");
    const int on_site =
        sim.live_state().centres[static_cast<std::size_t>(gignac)].staff_by_role[RoleId{2}];
    sim.advance_to(at(4, 9, 59));
    CHECK(sim.live_state().centres[static_cast<std::size_t>(gignac)].staff_by_role[RoleId{2}] ==
          on_site);
    sim.advance_to(at(4, 10, 30));
    CHECK(sim.live_state().centres[static_cast<std::size_t>(gignac)].staff_by_role[RoleId{2}] >=
          on_site + 2);
}

TEST_CASE("reallocating doses moves stock between two centres, now") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const int lodeve = centre_index(sc, "Lodève");
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(2, 7));
    const LiveState a = sim.live_state();
    const std::int64_t move = a.centres[static_cast<std::size_t>(gignac)].stock / 2;
    REQUIRE(move > 0);
    const ChangeOutcome o =
        sim.apply(ReallocateDoses{CentreRef::named("Gignac"), CentreRef::named("Lodève"), move},
                  change_identity("realloc"));
    REQUIRE(o.applied());
    const LiveState b = sim.live_state();
    CHECK(b.centres[static_cast<std::size_t>(gignac)].stock ==
          a.centres[static_cast<std::size_t>(gignac)].stock - move);
    CHECK(b.centres[static_cast<std::size_t>(lodeve)].stock ==
          a.centres[static_cast<std::size_t>(lodeve)].stock + move);
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        if (static_cast<int>(c) != gignac && static_cast<int>(c) != lodeve)
            CHECK(b.centres[c].stock == a.centres[c].stock);
}

TEST_CASE("a shorter booking horizon from a day changes bookings from that day only") {
    const Scenario& sc = herault();
    const Results base = baseline();
    ChangeBooking cb;
    cb.from_day = 6;
    cb.horizon_days = 2;
    const Run r = run_with(sc, at(4, 12), cb);
    REQUIRE(r.outcome.applied());
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        CHECK(first_diff_day(base, r.res, static_cast<int>(c)) >= 6);
    CHECK(centre_day_csv(sc, r.res) != centre_day_csv(sc, base));
}

TEST_CASE("a scripted inject fires at its time, skipped or delayed ones follow the facilitator") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    auto ex = std::make_shared<Exercise>();
    ScriptedInject fridge;
    fridge.id = "frigo";
    fridge.at = at(2, 12);
    fridge.change = ColdChainFailure{CentreRef::named("Gignac")};
    fridge.text = "Le réfrigérateur de Gignac est en panne.";
    ex->injects.push_back(fridge);
    ScriptedInject call;
    call.id = "appel";
    call.at = at(3, 9);
    call.change = Message{"L'ARS demande un point de situation."};
    ex->injects.push_back(call);

    // applied by hand at the same time gives the same run as the scripted inject
    Simulation by_hand(sc, RunOptions{7, 0, minutes(15)});
    by_hand.advance_to(at(2, 12));
    REQUIRE(by_hand.apply(fridge.change, change_identity("inject:frigo")).applied());
    const Results hand = by_hand.run();
    Simulation scripted(sc, RunOptions{7, 0, minutes(15)});
    scripted.set_exercise(ex);
    CHECK(scripted.upcoming_injects().size() == 2);
    const Results script = scripted.run();
    CHECK(centre_day_csv(sc, script) == centre_day_csv(sc, hand));
    REQUIRE(scripted.changes().size() == 2);
    CHECK(scripted.changes()[0].source == ChangeSource::Scripted);
    CHECK(scripted.changes()[0].inject_id == "frigo");
    CHECK(scripted.changes()[0].outcome.stamp.time == at(2, 12));

    Simulation skipped(sc, RunOptions{7, 0, minutes(15)});
    skipped.set_exercise(ex);
    skipped.advance_to(at(1, 0));
    CHECK(skipped.skip_inject("frigo"));
    CHECK_FALSE(skipped.skip_inject("frigo"));
    CHECK(centre_day_csv(sc, skipped.run()) == centre_day_csv(sc, baseline()));

    Simulation delayed(sc, RunOptions{7, 0, minutes(15)});
    delayed.set_exercise(ex);
    delayed.advance_to(at(1, 0));
    CHECK(delayed.delay_inject("frigo", at(4, 12)));
    const Results late = delayed.run();
    REQUIRE(delayed.changes().size() == 2);
    CHECK(delayed.changes()[0].inject_id == "appel");
    CHECK(delayed.changes()[1].inject_id == "frigo");
    CHECK(delayed.changes()[1].outcome.stamp.time == at(4, 12));
    CHECK(row(late, gignac, 2).doses_wasted == row(baseline(), gignac, 2).doses_wasted);
    CHECK(row(late, gignac, 4).doses_wasted > row(baseline(), gignac, 4).doses_wasted);
}

TEST_CASE("a trigger fires when a queue stays above its threshold, at the centre concerned") {
    const Scenario& sc = herault();
    auto ex = std::make_shared<Exercise>();
    TriggeredInject t;
    t.id = "file";
    t.when.kind = Condition::Kind::QueueAbove;
    t.when.threshold = 5;
    t.when.for_time = minutes(30);
    t.when.centre = CentreRef::all();
    t.change = Message{"file d'attente"};
    t.once = false;
    ex->triggers.push_back(t);
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.set_exercise(ex);
    const Results res = sim.run();
    REQUIRE_FALSE(sim.changes().empty());
    for (const AppliedChange& c : sim.changes()) {
        CHECK(c.source == ChangeSource::Trigger);
        REQUIRE(c.centre.valid());
        // the queue there was above 5 at the samples of the last half hour
        int above = 0;
        for (const auto& q : res.queue)
            if (q.centre == c.centre.value() && q.time <= c.outcome.stamp.time &&
                q.time >= c.outcome.stamp.time - minutes(30))
                above += q.waiting > 5 ? 1 : 0;
        CHECK(above >= 3);
    }
    // at most once per day per centre
    std::set<std::pair<int, int>> seen;
    for (const AppliedChange& c : sim.changes())
        CHECK(seen.insert({c.centre.value(), c.outcome.stamp.time.day()}).second);
}

TEST_CASE("forks apply changes independently: a what-if branch leaves the trunk alone") {
    const Scenario& sc = herault();
    Simulation trunk(sc, RunOptions{7, 0, minutes(15)});
    trunk.advance_to(at(2, 12));
    Simulation branch = trunk;
    REQUIRE(branch.apply(ColdChainFailure{CentreRef::all()}, change_identity("whatif")).applied());
    const Results t = trunk.run();
    const Results b = branch.run();
    CHECK(centre_day_csv(sc, t) == centre_day_csv(sc, baseline()));
    CHECK(centre_day_csv(sc, b) != centre_day_csv(sc, t));
    CHECK(trunk.changes().empty());
}

TEST_CASE(
    "reserves are read from the pool file: on_call and call_in_minutes, or a positioned error") {
    namespace fs = std::filesystem;
    const fs::path scenarios = RIPOSTE_SCENARIO_DIR;
    const fs::path src = scenarios / "centre-herault";
    const riposte::test::TempDir scratch; // removed at the end, this process's own
    const fs::path root = scratch.path();
    const fs::path dir = root / "centre-herault";
    fs::remove_all(root);
    fs::create_directories(root / "data" / "territories");
    fs::copy(src, dir, fs::copy_options::recursive);
    fs::copy(scenarios / "common", root / "common", fs::copy_options::recursive);
    fs::copy(scenarios / "data" / "territories" / "centre-herault",
             root / "data" / "territories" / "centre-herault", fs::copy_options::recursive);
    auto rewrite_pool = [&](const std::string& extra_row) {
        std::ifstream in(src / "pool.csv");
        std::string text, line;
        while (std::getline(in, line)) {
            if (line.rfind("profession,", 0) == 0) line += ",on_call,call_in_minutes";
            text += line + "\n";
        }
        text += extra_row + "\n";
        std::ofstream(dir / "pool.csv", std::ios::trunc) << text;
    };
    rewrite_pool("infirmier,34114,3,10,mon-sun,30,réserve sanitaire,true,45");
    const LoadResult ok = load_scenario(dir / "world.toml", dir / "plan.toml");
    if (!ok.scenario)
        for (const auto& d : ok.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(ok.scenario);
    const PoolEntry& last = ok.scenario->world.pool.back();
    CHECK(last.on_call);
    CHECK(last.call_in_delay == minutes(45));
    CHECK(last.count == 3);
    CHECK_FALSE(ok.scenario->world.pool.front().on_call);

    rewrite_pool("infirmier,34114,3,10,mon-sun,30,réserve sanitaire,peut-être,45");
    const LoadResult bad = load_scenario(dir / "world.toml", dir / "plan.toml");
    REQUIRE_FALSE(bad.scenario);
    bool named = false;
    for (const auto& d : bad.diagnostics.items())
        if (d.where.file.find("pool.csv") != std::string::npos && d.where.line > 0 &&
            d.where.column > 0 && d.message.find("on_call") != std::string::npos)
            named = true;
    CHECK(named);
    fs::remove_all(root);
}

namespace {

/// The understaffed Centre-Hérault plan (long queues at Clermont) with `extra` appended.
LoadResult understaffed_with(const std::string& extra, const std::string& file_name) {
    namespace fs = std::filesystem;
    const fs::path src = fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault";
    std::ifstream in(src / "plan-understaffed.toml", std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const riposte::test::TempDir scratch;
    const fs::path dir = scratch.path();
    fs::create_directories(dir);
    const fs::path plan = dir / file_name;
    std::ofstream(plan, std::ios::binary) << text << "\n" << extra;
    LoadResult r = load_scenario(src / "world.toml", plan);
    fs::remove(plan);
    return r;
}

} // namespace

TEST_CASE("an escalation rule of the plan opens a reserve line where the queue stays long") {
    const LoadResult with = understaffed_with(R"(
[[escalation]]
name = "file longue"
when = { queue_above = 15, for_minutes = 30 }
then = [ { add_line = { role = "injection", people = 1, for = "3h" } },
         { call_reserve = { profession = "infirmier", people = 1, for = "3h" } } ]
once_per_day = true
)",
                                              "plan-escalation.toml");
    if (!with.scenario)
        for (const auto& d : with.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(with.scenario);
    REQUIRE(with.scenario->plan.escalations.size() == 1);
    const Escalation& e = with.scenario->plan.escalations.front();
    CHECK(e.id == "escalation:file longue");
    REQUIRE(e.then.size() == 2);
    CHECK(std::get<AddLine>(e.then[1]).reserve);
    CHECK(std::get<AddLine>(e.then[1]).role == "injection"); // an infirmier injects
    CHECK(std::get<AddLine>(e.then[0]).centre.by == CentreRef::By::Concerned);

    const LoadResult without = understaffed_with("", "plan-plain.toml");
    REQUIRE(without.scenario);
    Simulation a(*without.scenario, RunOptions{7, 0, minutes(15)});
    Simulation b(*with.scenario, RunOptions{7, 0, minutes(15)});
    const Results ra = a.run();
    const Results rb = b.run();
    CHECK(a.changes().empty());
    REQUIRE_FALSE(b.changes().empty());
    int lines = 0;
    std::set<std::pair<int, int>> fired; // (centre, day) of the first decision of each firing
    for (const AppliedChange& c : b.changes()) {
        CHECK(c.source == ChangeSource::Escalation);
        CHECK(c.inject_id == "escalation:file longue");
        REQUIRE(c.centre.valid());
        if (std::holds_alternative<AddLine>(c.change) && !std::get<AddLine>(c.change).reserve) {
            CHECK(
                fired.insert({c.centre.value(), c.outcome.stamp.time.day()}).second); // once a day
            if (c.outcome.applied()) ++lines;
            // the line is at the centre concerned, for 3 hours from the firing
            CHECK(c.outcome.centres == std::vector<CentreId>{c.centre});
            CHECK(std::get<AddLine>(c.change).until == c.outcome.stamp.time + hours(3));
        }
    }
    // the pool gives 8 hours a week each: some rules find people, others are refused
    CHECK(lines > 0);
    // more staff hours than without the rule, and nothing changes before its first firing
    double staffed_a = 0, staffed_b = 0;
    for (const auto& r : ra.role_days) staffed_a += r.staffed_hours;
    for (const auto& r : rb.role_days) staffed_b += r.staffed_hours;
    CHECK(staffed_b > staffed_a);
    const int first = b.changes().front().outcome.stamp.time.day();
    for (std::size_t c = 0; c < without.scenario->plan.centres.size(); ++c)
        CHECK(first_diff_day(ra, rb, static_cast<int>(c)) >= first);
}

TEST_CASE("a bad escalation rule is a positioned error") {
    const LoadResult r = understaffed_with(R"(
[[escalation]]
when = { queue_above = 15, for_minutes = 30 }
then = [ { add_lines = { role = "injection" } } ]
)",
                                           "plan-bad-escalation.toml");
    REQUIRE_FALSE(r.scenario);
    bool positioned = false;
    for (const auto& d : r.diagnostics.items())
        if (d.where.file.find("plan-bad-escalation.toml") != std::string::npos &&
            d.where.line > 200 && d.message.find("add_lines") != std::string::npos)
            positioned = true;
    if (!positioned)
        for (const auto& d : r.diagnostics.items()) MESSAGE(format_diagnostic(d));
    CHECK(positioned);
}

TEST_CASE("moving nurses from Gignac to Lodève: they leave now and arrive after the drive") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const int lodeve = centre_index(sc, "Lodève");
    const int infirmier = sc.world.find_profession("infirmier").value();
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(2, 9, 30));
    auto on_site = [&](int c) {
        const LiveState ls = sim.live_state();
        int n = 0;
        for (int v : ls.centres[static_cast<std::size_t>(c)].staff_by_role) n += v;
        return n;
    };
    const int g0 = on_site(gignac), l0 = on_site(lodeve);
    const ChangeOutcome o =
        sim.apply(MoveStaff{CentreRef::named("Gignac"), CentreRef::named("Lodève"), "infirmier", 1},
                  change_identity("move"));
    REQUIRE_MESSAGE(o.applied(), describe_refusal(*o.refusal, "en"));
    CHECK(o.people == 1);
    CHECK(on_site(gignac) == g0 - 1);
    CHECK(on_site(lodeve) == l0); // still driving
    sim.advance_to(at(2, 11));    // Gignac to Lodève is well under 90 minutes by road
    CHECK(on_site(lodeve) == l0 + 1);
    // nobody of a profession absent from Gignac: refused, saying so
    const ChangeOutcome none = sim.apply(
        MoveStaff{CentreRef::named("Gignac"), CentreRef::named("Lodève"), "sage_femme", 2},
        change_identity("none"));
    if (!none.applied()) CHECK(none.refusal->reason == RefusalReason::NoneWithinReach);
    const ChangeOutcome same =
        sim.apply(MoveStaff{CentreRef::named("Gignac"), CentreRef::named("Gignac"), "infirmier", 1},
                  change_identity("same"));
    CHECK_FALSE(same.applied());
    (void)infirmier;
}

TEST_CASE("a move of nurses decided at 09:30 for 14:00 happens at 14:00, and nowhere else") {
    // "3 nurses from Gignac to Lodève from 14:00": checked against the roster when decided,
    // the people leave at 14:00; until then, and at every other centre, the run is the run
    // without the decision (a fork of it, same random numbers)
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const int lodeve = centre_index(sc, "Lodève");
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(2, 9, 30));
    Simulation control(sim);
    MoveStaff move{CentreRef::named("Gignac"), CentreRef::named("Lodève"), "infirmier", 1,
                   at(2, 14)};
    const ChangeOutcome o = sim.apply(move, change_identity("move 14:00"));
    REQUIRE_MESSAGE(o.applied(), describe_refusal(*o.refusal, "en"));
    CHECK(o.people == 1);
    auto staff = [](const Simulation& s) {
        std::vector<int> n;
        for (const auto& c : s.live_state().centres) {
            int k = 0;
            for (int v : c.staff_by_role) k += v;
            n.push_back(k);
        }
        return n;
    };
    sim.advance_to(at(2, 13, 59));
    control.advance_to(at(2, 13, 59));
    CHECK(staff(sim) == staff(control)); // nobody has left yet
    sim.advance_to(at(2, 14, 1));
    control.advance_to(at(2, 14, 1));
    auto s = staff(sim), c = staff(control);
    CHECK(s[static_cast<std::size_t>(gignac)] == c[static_cast<std::size_t>(gignac)] - 1);
    CHECK(s[static_cast<std::size_t>(lodeve)] == c[static_cast<std::size_t>(lodeve)]); // driving
    sim.advance_to(at(2, 15, 30));
    control.advance_to(at(2, 15, 30));
    s = staff(sim);
    c = staff(control);
    CHECK(s[static_cast<std::size_t>(lodeve)] == c[static_cast<std::size_t>(lodeve)] + 1);
    for (std::size_t k = 0; k < s.size(); ++k)
        if (static_cast<int>(k) != gignac && static_cast<int>(k) != lodeve) CHECK(s[k] == c[k]);
    // the move is in the log when it happens, in French words
    const Results r = sim.run();
    int moved = 0;
    for (const LogEntry& e : r.log)
        if (e.event == LogEvent::StaffMovedBetween) {
            ++moved;
            CHECK(e.time == at(2, 14));
            CHECK(log_text(sc, e, Language::French) ==
                  "déplacement décidé plus tôt : 1 × infirmier de Gignac vers Lodève");
        }
    CHECK(moved == 1);
    // refused when decided: past the end of the run, or nobody of the profession on a shift
    // at Gignac then (03:00, before any shift)
    Simulation late(sc, RunOptions{7, 0, minutes(15)});
    late.advance_to(at(2, 9, 30));
    move.leave_at = days(400);
    CHECK(late.apply(move, change_identity("late")).refusal->reason == RefusalReason::PastHorizon);
    move.leave_at = at(3, 3);
    CHECK(late.apply(move, change_identity("night")).refusal->reason ==
          RefusalReason::NoneWithinReach);
}

TEST_CASE("a group made eligible early books from then on, the others' bookings stay the same") {
    const Scenario& sc = herault();
    const Results base = baseline();
    // "18-64" becomes eligible on day 21 in the world; an inject opens it on day 5
    const Run r = run_with(sc, at(5, 12), GroupEligible{"18-64"});
    REQUIRE_MESSAGE(r.outcome.applied(), describe_refusal(*r.outcome.refusal, "en"));
    CHECK(r.outcome.people > 0);
    auto first_doses_by = [&](const Results& res, const std::string& group, int day) {
        for (const auto& row : res.coverage)
            if (row.day == day &&
                sc.world.groups[static_cast<std::size_t>(row.group)].name == group)
                return row.first_dose;
        return std::int64_t{-1};
    };
    // slots are booked about two weeks ahead: the group's first doses come later, but they
    // come (without the inject, nobody of the group has a dose by the end of the run)
    CHECK(first_doses_by(base, "18-64", 27) == 0);
    CHECK(first_doses_by(r.res, "18-64", 27) > 0);
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        CHECK(first_diff_day(base, r.res, static_cast<int>(c)) >= 6);
    // already eligible: refused
    const Run again = run_with(sc, at(5, 12), GroupEligible{"75+"});
    CHECK_FALSE(again.outcome.applied());
    const Run unknown = run_with(sc, at(5, 12), GroupEligible{"lycéens"});
    CHECK_FALSE(unknown.outcome.applied());
}

TEST_CASE("a road cut: bookings made meanwhile go around it, earlier days are untouched") {
    const Scenario& sc = herault();
    const Results base = baseline();
    // every road into Gignac cut for a week from day 5: its own commune still books there,
    // the others look elsewhere
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(5, 6));
    int cut = 0;
    for (const RoadEdge& e : sc.world.territory.edges) {
        const std::string& a = sc.world.territory.communes[static_cast<std::size_t>(e.a)].insee;
        const std::string& b = sc.world.territory.communes[static_cast<std::size_t>(e.b)].insee;
        if (a != "34114" && b != "34114") continue;
        const ChangeOutcome o = sim.apply(RoadCut{a, b, at(12, 0)}, change_identity("cut" + a + b));
        REQUIRE_MESSAGE(o.applied(), describe_refusal(*o.refusal, "en"));
        ++cut;
    }
    REQUIRE(cut >= 3);
    const Results res = sim.run();
    const int gignac = centre_index(sc, "Gignac");
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        CHECK(first_diff_day(base, res, static_cast<int>(c)) >= 5);
    // the slots are all booked either way (supply binds): who books where changes
    (void)gignac;
    CHECK(centre_day_csv(sc, res) != centre_day_csv(sc, base));
    CHECK(commune_group_csv(sc, res) != commune_group_csv(sc, base));
    // no road between two communes far apart; unknown communes
    Simulation other(sc, {});
    other.advance_to(at(1, 0));
    const ChangeOutcome far =
        other.apply(RoadCut{"34114", "34142", at(3, 0)}, change_identity("far"));
    CHECK_FALSE(far.applied());
    const ChangeOutcome unknown =
        other.apply(RoadCut{"99999", "34142", at(3, 0)}, change_identity("unknown"));
    CHECK_FALSE(unknown.applied());
}

TEST_CASE("longer slots at one centre from a day: fewer slots there from that day only") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const Results base = baseline();
    ChangeBooking cb;
    cb.from_day = 8;
    cb.slot_minutes = 8; // Gignac: 4-minute slots in the plan, 120 a day over 8 hours
    cb.centre = CentreRef::named("Gignac");
    const Run r = run_with(sc, at(6, 12), cb);
    REQUIRE_MESSAGE(r.outcome.applied(), describe_refusal(*r.outcome.refusal, "en"));
    CHECK(r.outcome.centres == std::vector<CentreId>{CentreId{gignac}});
    int above_60_base = 0;
    for (const auto& row : base.centre_days)
        if (row.centre == gignac && row.day >= 8 && row.slots_opened > 60) ++above_60_base;
    REQUIRE(above_60_base > 0); // the change has something to change
    for (const auto& row : r.res.centre_days)
        if (row.centre == gignac && row.day >= 8) {
            CHECK(row.slots_opened <= std::max<std::int64_t>(60, row.slots_booked));
        }
    CHECK(first_diff_day(base, r.res, gignac) >= 6);
    // nothing to change: refused
    ChangeBooking empty;
    empty.from_day = 8;
    const Run none = run_with(sc, at(6, 12), empty);
    CHECK_FALSE(none.outcome.applied());
}

namespace {

/// Centre-Hérault over one week with a mobile team based at Gignac (one injector, Mon-Fri),
/// going round the communes nearest its base first.
Scenario herault_with_team() {
    Scenario sc = herault();
    sc.world.days = 7;
    MobileTeam team;
    team.name = "EMV Gignac";
    team.base_commune = sc.world.find_commune("34114");
    team.weekdays = 0x1f; // Monday to Friday (day 0 is a Monday)
    team.start = hours(9);
    team.end = hours(17);
    team.staff.assign(sc.world.roles.size(), 0);
    for (std::size_t r = 0; r < sc.world.roles.size(); ++r)
        if (sc.world.roles[RoleId{r}] == "injection") {
            team.staff[RoleId{r}] = 1;
            team.role_needed = RoleId{r};
        }
    team.visit = test::dist("20");
    team.minutes_between_homes = 10;
    team.allocation_share = 0.05;
    sc.plan.mobile_teams = {team};
    return sc;
}

std::int64_t home_first_doses(const Results& r, int commune) {
    std::int64_t n = 0;
    for (const auto& row : r.communes)
        if (row.commune == commune) n += row.home_first_dose;
    return n;
}

} // namespace

TEST_CASE("a mobile team sent to listed communes on a day visits them, the centres are untouched") {
    const Scenario sc = herault_with_team();
    REQUIRE(sc.world.find_commune("34142") >= 0);
    const int lodeve = sc.world.find_commune("34142"); // Lodève, far from the team's base
    const RunOptions opt{7, 0, minutes(15)};
    const Results base = run_replication(sc, opt);
    REQUIRE(base.totals.home_vaccinations > 0);   // the team works in the base run
    REQUIRE(home_first_doses(base, lodeve) == 0); // and never reaches Lodève in a week
    Simulation sim(sc, opt);
    sim.advance_to(at(1, 12));
    const ChangeOutcome o =
        sim.apply(SendMobileTeam{"EMV Gignac", 2, {"34142"}}, change_identity("send"));
    REQUIRE_MESSAGE(o.applied(), describe_refusal(*o.refusal, "en"));
    // the live state says where the team is: out at Lodève during day 2's round, back at its
    // base in the evening
    sim.advance_to(at(2, 10, 30));
    LiveState live = sim.live_state();
    REQUIRE(live.teams.size() == 1);
    CHECK(live.teams[0].out);
    CHECK(live.teams[0].commune == lodeve);
    sim.advance_to(at(2, 20));
    live = sim.live_state();
    CHECK_FALSE(live.teams[0].out);
    CHECK(live.teams[0].commune == sc.plan.mobile_teams[0].base_commune);
    CHECK(live.teams[0].vial_left == 0);
    const Results res = sim.run();
    CHECK(home_first_doses(res, lodeve) > 0);
    // day 2's round went to Lodève: a longer drive that day, the days before identical
    const auto day_row = [](const Results& r, int d) {
        for (const auto& row : r.mobile_days)
            if (row.day == d) return row;
        FAIL("no mobile row for day " << d);
        return MobileDayRow{};
    };
    CHECK(day_row(res, 2).drive_minutes > day_row(base, 2).drive_minutes);
    CHECK(day_row(res, 0).first_doses == day_row(base, 0).first_doses);
    CHECK(day_row(res, 1).drive_minutes == day_row(base, 1).drive_minutes);
    // people who cannot travel do not book centres: every centre's rows are identical
    CHECK(centre_day_csv(sc, res) == centre_day_csv(sc, base));
}

TEST_CASE("sending a mobile team today turns the round under way, impossible sends are refused") {
    const Scenario sc = herault_with_team();
    const int lodeve = sc.world.find_commune("34142");
    const RunOptions opt{7, 0, minutes(15)};
    // under way: at 11:00 on day 1 the rest of the round goes to Lodève
    Simulation sim(sc, opt);
    sim.advance_to(at(1, 11));
    const ChangeOutcome now =
        sim.apply(SendMobileTeam{"EMV Gignac", 1, {"Lodève"}}, change_identity("now"));
    REQUIRE_MESSAGE(now.applied(), describe_refusal(*now.refusal, "en"));
    CHECK(home_first_doses(sim.run(), lodeve) > 0);

    Simulation other(sc, opt);
    other.advance_to(at(1, 18)); // the round of day 1 is over
    const auto refused = [&](const SendMobileTeam& s, RefusalReason why) {
        const ChangeOutcome r = other.apply(s, change_identity("no"));
        REQUIRE_FALSE(r.applied());
        CHECK(r.refusal->reason == why);
        return describe_refusal(*r.refusal, "en");
    };
    CHECK(refused({"EMV Gignac", 1, {"34142"}}, RefusalReason::NotApplicable) ==
          "not applicable: the round of mobile team EMV Gignac is over for today");
    CHECK(refused({"EMV Gignac", 5, {"34142"}}, RefusalReason::NotApplicable) ==
          "not applicable: mobile team EMV Gignac does not go out on day 6"); // a Saturday
    CHECK(refused({"EMV Sud", 2, {"34142"}}, RefusalReason::UnknownTeam) ==
          "unknown mobile team: 'EMV Sud'");
    CHECK(refused({"EMV Gignac", 0, {"34142"}}, RefusalReason::InThePast) ==
          "that time has already passed");
    CHECK(refused({"EMV Gignac", 2, {"Nowhere"}}, RefusalReason::BadValue) ==
          "bad value: unknown commune 'Nowhere'");
    CHECK(refused({"EMV Gignac", 9, {"34142"}}, RefusalReason::PastHorizon) ==
          "past the end of the run");
    // in French, the whole sentence is French: the subject holds the team's name, not prose
    const ChangeOutcome over =
        other.apply(SendMobileTeam{"EMV Gignac", 1, {"34142"}}, change_identity("no"));
    REQUIRE_FALSE(over.applied());
    CHECK(describe_refusal(*over.refusal, "fr") ==
          "sans objet : la tournée de l'équipe mobile « EMV Gignac » est terminée pour "
          "aujourd'hui");
    CHECK(over.refusal->subject == "EMV Gignac");
}

TEST_CASE("a refusal's French text holds no English prose, whatever its detail") {
    // every detail, rendered in both languages: the French sentence is not the English one and
    // holds none of the English words that the engine used to put in the subject
    const char* english_words[] = {" the ", " is ",    " no ",      " does ",   " not ", " and ",
                                   " of ",  " works ", " unknown ", " go out ", " give "};
    for (int d = 0; d <= static_cast<int>(RefusalDetail::TodayOnlyLater); ++d) {
        for (const RefusalReason why : {RefusalReason::NotApplicable, RefusalReason::BadValue}) {
            const Refusal r{why, "Gignac", 3, static_cast<RefusalDetail>(d), "Lodève"};
            const std::string fr = " " + describe_refusal(r, "fr") + " ";
            const std::string en = describe_refusal(r, "en");
            CAPTURE(d);
            CAPTURE(fr);
            CHECK(fr != " " + en + " ");
            if (d == 0) continue; // a field name: the TOML key itself
            for (const char* w : english_words) CHECK(fr.find(w) == std::string::npos);
        }
    }
}

// ---------------------------------------------------------------- change_hours

namespace {

double staffed_hours(const Results& r, int c, int d) {
    double h = 0;
    for (const auto& row : r.role_days)
        if (row.centre == c && row.day == d) h += row.staffed_hours;
    return h;
}

/// Queue samples of centre c on day d at or after `from` (time of day).
int samples_after(const Results& r, int c, int d, SimTime from) {
    int n = 0;
    for (const auto& q : r.queue)
        if (q.centre == c && q.time.day() == d && SimTime{q.time.second_of_day()} >= from) ++n;
    return n;
}

} // namespace

TEST_CASE("later closing at Gignac on two days: more slots, staff and vaccinations on those days "
          "there, every other day and centre identical until the new slots can be booked") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const int lab = centre_index(sc, "Dépistage Saint-André-de-Sangonis");
    const Results base = baseline();
    // decided on day 3 at noon: Monday 7 and Tuesday 8 from 09:00 to 19:00 (plan: 09:00-17:00)
    const Run r =
        run_with(sc, at(3, 12), ChangeHours{CentreRef::named("Gignac"), 7, 8, hours(9), hours(19)});
    REQUIRE_MESSAGE(r.outcome.applied(), describe_refusal(*r.outcome.refusal, "en"));
    CHECK(r.outcome.centres == std::vector<CentreId>{CentreId{gignac}});
    for (int d : {7, 8}) {
        CAPTURE(d);
        // 10 hours instead of 8: a quarter more slots (the doses allow it) and more people
        CHECK(row(r.res, gignac, d).slots_opened > row(base, gignac, d).slots_opened);
        CHECK(row(r.res, gignac, d).vaccinations > row(base, gignac, d).vaccinations);
        // the afternoon shift stays two hours longer
        CHECK(staffed_hours(r.res, gignac, d) > staffed_hours(base, gignac, d) + 10.0);
        // the doors are open after 17:00: the queue is sampled then
        CHECK(samples_after(r.res, gignac, d, hours(18)) >
              samples_after(base, gignac, d, hours(18)));
    }
    // the other days of Gignac: the same hours and staff
    for (int d : {4, 9, 14})
        CHECK(staffed_hours(r.res, gignac, d) == doctest::Approx(staffed_hours(base, gignac, d)));
    // nothing moves before the first bookings made after the decision (day 4's)
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c) {
        CAPTURE(c);
        CHECK(first_diff_day(base, r.res, static_cast<int>(c)) >= 4);
    }
    // the testing centre, which no vaccination booking reaches, is identical throughout
    CHECK(first_diff_day(base, r.res, lab) == INT_MAX);
    // the hours rostered count the extension
    double rostered_base = 0, rostered = 0;
    for (const auto& p : base.professions) rostered_base += p.rostered_hours;
    for (const auto& p : r.res.professions) rostered += p.rostered_hours;
    CHECK(rostered > rostered_base);
}

TEST_CASE("shorter hours at Gignac on one day: staff leave at the new close, booked people are "
          "still seen within the new hours") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const Results base = baseline();
    // day 10 (a Thursday) from 09:00 to 13:00, decided on day 9 at 18:00 when it is booked
    const Run r = run_with(sc, at(9, 18),
                           ChangeHours{CentreRef::named("Gignac"), 10, 10, hours(9), hours(13)});
    REQUIRE_MESSAGE(r.outcome.applied(), describe_refusal(*r.outcome.refusal, "en"));
    REQUIRE(row(base, gignac, 10).slots_booked > 0);
    // the afternoon shift does not come; the bookings made stay and are served
    CHECK(staffed_hours(r.res, gignac, 10) < staffed_hours(base, gignac, 10) - 10.0);
    CHECK(row(r.res, gignac, 10).slots_booked == row(base, gignac, 10).slots_booked);
    CHECK(row(r.res, gignac, 10).served >=
          row(r.res, gignac, 10).arrivals - row(r.res, gignac, 10).turned_away);
    // days before the change are identical at every centre
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        CHECK(first_diff_day(base, r.res, static_cast<int>(c)) >= 10);
}

TEST_CASE("impossible hour changes are refused with their reason and change nothing") {
    const Scenario& sc = herault();
    const Results base = baseline();
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(3, 12));
    const auto refused = [&](const ChangeHours& x, RefusalReason why) {
        const ChangeOutcome o = sim.apply(x, change_identity("no"));
        REQUIRE_FALSE(o.applied());
        CHECK(o.refusal->reason == why);
        return describe_refusal(*o.refusal, "en");
    };
    const CentreRef gignac = CentreRef::named("Gignac");
    CHECK(refused({CentreRef::named("Nowhere"), 7, 7, hours(9), hours(19)},
                  RefusalReason::UnknownCentre) == "unknown centre: 'Nowhere'");
    // a day gone; today only closes later (doors, shifts and arrivals are set at its start)
    CHECK(refused({gignac, 2, 4, hours(9), hours(19)}, RefusalReason::InThePast) ==
          "that time has already passed");
    CHECK(refused({gignac, 3, 4, hours(9), hours(15)}, RefusalReason::NotApplicable) ==
          "not applicable: today's hours can only close later (same opening time)");
    CHECK(refused({gignac, 3, 3, hours(8), hours(19)}, RefusalReason::NotApplicable) ==
          "not applicable: today's hours can only close later (same opening time)");
    CHECK(refused({gignac, 27, 28, hours(9), hours(19)}, RefusalReason::PastHorizon) ==
          "past the end of the run");
    CHECK(refused({gignac, 7, 7, hours(19), hours(9)}, RefusalReason::BadValue) ==
          "bad value: opens / closes");
    CHECK(refused({gignac, 7, 7, hours(9), hours(25)}, RefusalReason::BadValue) ==
          "bad value: opens / closes");
    CHECK(refused({gignac, 8, 7, hours(9), hours(19)}, RefusalReason::BadValue) ==
          "bad value: to_day");
    // Lodève does not open on Wednesdays (day 9)
    CHECK(refused({CentreRef::named("Lodève"), 9, 9, hours(9), hours(19)},
                  RefusalReason::NotApplicable) ==
          "not applicable: the centre does not open on those days");
    // 07:00-24:00 all week: the rostered people have not the weekly hours for it
    const std::string why =
        refused({gignac, 7, 11, hours(7), hours(24)}, RefusalReason::StaffHoursShort);
    CHECK(why.find("the rostered professionals (") == 0);
    CHECK(why.find(" h") != std::string::npos);
    // nothing was applied
    CHECK(centre_day_csv(sc, sim.run()) == centre_day_csv(sc, base));
}

TEST_CASE("Gignac stays open until 19:00 tonight: the closing staff carry on, the doors close "
          "later, the other centres are untouched") {
    const Scenario& sc = herault();
    const int gignac = centre_index(sc, "Gignac");
    const Results base = baseline();
    const Run r =
        run_with(sc, at(3, 12), ChangeHours{CentreRef::named("Gignac"), 3, 3, hours(9), hours(19)});
    REQUIRE_MESSAGE(r.outcome.applied(), describe_refusal(*r.outcome.refusal, "en"));
    CHECK(staffed_hours(r.res, gignac, 3) > staffed_hours(base, gignac, 3) + 10.0);
    CHECK(samples_after(r.res, gignac, 3, hours(18)) > samples_after(base, gignac, 3, hours(18)));
    // today's bookings were made at its start: the same people come
    CHECK(row(r.res, gignac, 3).arrivals == row(base, gignac, 3).arrivals);
    // every other centre identical through tonight. Later they may differ: who is served
    // tonight instead of turned away at the old closing does not book again, so others come
    // forward in the booking queue of that commune and group (first come, first served; every
    // centre of Centre-Hérault shares reachable communes with Gignac)
    CHECK(row(r.res, gignac, 3).turned_away < row(base, gignac, 3).turned_away);
    CHECK(row(r.res, gignac, 3).served > row(base, gignac, 3).served);
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        if (static_cast<int>(c) != gignac)
            CHECK(first_diff_day(base, r.res, static_cast<int>(c)) > 3);
    CHECK(staffed_hours(r.res, gignac, 4) == doctest::Approx(staffed_hours(base, gignac, 4)));
    // once the doors are shut, tonight is past
    Simulation late(sc, RunOptions{7, 0, minutes(15)});
    late.advance_to(at(3, 17, 30));
    const ChangeOutcome o =
        late.apply(ChangeHours{CentreRef::named("Gignac"), 3, 3, hours(9), hours(19)},
                   change_identity("late"));
    REQUIRE_FALSE(o.applied());
    CHECK(o.refusal->reason == RefusalReason::InThePast);
}

TEST_CASE("an hours change is the same in a fork and in a replay: same stamp, same outputs") {
    const Scenario& sc = herault();
    const ChangeHours x{CentreRef::named("Lodève"), 7, 11, hours(8), hours(18)};
    const Run a = run_with(sc, at(2, 9), x);
    const Run b = run_with(sc, at(2, 9), x);
    REQUIRE_MESSAGE(a.outcome.applied(), describe_refusal(*a.outcome.refusal, "en"));
    CHECK(centre_day_csv(sc, a.res) == centre_day_csv(sc, b.res));
    // a fork taken before the change, then changed, ends like the straight run
    Simulation trunk(sc, RunOptions{7, 0, minutes(15)});
    trunk.advance_to(at(2, 9));
    Simulation fork = trunk;
    CHECK(fork.apply(x, change_identity("test-change")).applied());
    CHECK(centre_day_csv(sc, fork.run()) == centre_day_csv(sc, a.res));
    CHECK(centre_day_csv(sc, trunk.run()) == centre_day_csv(sc, baseline()));
}

// ---------------------------------------------------------------- demand surge for people

namespace {

const TestingDayRow& test_row(const Results& r, int c, int d) {
    for (const auto& x : r.testing_days)
        if (x.centre == c && x.day == d) return x;
    FAIL("no testing row for centre " << c << " day " << d);
    static TestingDayRow none;
    return none;
}

} // namespace

TEST_CASE("a demand surge in one commune: its people's tests × factor and their walk-ins at its "
          "centre, everyone else's demand unchanged") {
    const Scenario& sc = herault();
    const int lab = centre_index(sc, "Dépistage Saint-André-de-Sangonis");
    const int lodeve_centre = centre_index(sc, "Lodève");
    const int m = sc.world.find_commune("34142"); // Lodève
    REQUIRE(m >= 0);
    const Results base = baseline();
    // day 1 (a Tuesday) at 10:00, for 3 days: the days starting meanwhile are 2, 3 and 4
    DemandSurge x;
    x.commune = "Lodève";
    x.factor = 3;
    x.days = 3;
    const Run r = run_with(sc, at(1, 10), x);
    REQUIRE_MESSAGE(r.outcome.applied(), describe_refusal(*r.outcome.refusal, "en"));
    for (int d : {2, 3, 4}) {
        CAPTURE(d);
        // the tests Lodève's people ask for, twice more (the rows round the day's demand)
        const double want = sc.world.epidemic.incidence_per_100k[static_cast<std::size_t>(d)] /
                            1e5 * static_cast<double>(sc.world.territory.communes[m].population) *
                            sc.world.epidemic.tests_per_case;
        REQUIRE(want > 1);
        const double added =
            static_cast<double>(test_row(r.res, lab, d).demand - test_row(base, lab, d).demand);
        CHECK(std::abs(added - 2 * want) <= 1.0);
    }
    // before and after, the demand is the plan's
    CHECK(test_row(r.res, lab, 1).demand == test_row(base, lab, 1).demand);
    CHECK(test_row(r.res, lab, 7).demand == test_row(base, lab, 7).demand);
    // tests only: no vaccination centre sees a difference, on any day
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        if (static_cast<int>(c) != lab)
            CHECK(first_diff_day(base, r.res, static_cast<int>(c)) == INT_MAX);

    // with walk-ins: Lodève's people come to the Lodève centre without an appointment
    x.walk_ins_per_hour = 6;
    const Run w = run_with(sc, at(1, 10), x);
    REQUIRE_MESSAGE(w.outcome.applied(), describe_refusal(*w.outcome.refusal, "en"));
    CHECK(w.outcome.centres == std::vector<CentreId>{CentreId{lodeve_centre}});
    CHECK(row(w.res, lodeve_centre, 1).walk_ins > row(base, lodeve_centre, 1).walk_ins + 10);
    // the other vaccination centres: identical until those people's bookings would have come
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        if (static_cast<int>(c) != lab && static_cast<int>(c) != lodeve_centre)
            CHECK(first_diff_day(base, w.res, static_cast<int>(c)) >= 2);
}

TEST_CASE("a demand surge of one group: tests rise by the group's share only, unknown names are "
          "refused") {
    const Scenario& sc = herault();
    const int lab = centre_index(sc, "Dépistage Saint-André-de-Sangonis");
    const Results base = baseline();
    DemandSurge x;
    x.group = "75+"; // 11 % of each commune
    x.factor = 3;
    x.days = 2;
    const Run r = run_with(sc, at(1, 10), x);
    REQUIRE_MESSAGE(r.outcome.applied(), describe_refusal(*r.outcome.refusal, "en"));
    for (int d : {2, 3}) {
        CAPTURE(d);
        const auto b = static_cast<double>(test_row(base, lab, d).demand);
        const auto s = static_cast<double>(test_row(r.res, lab, d).demand);
        // × (1 + 2 × 0.11) over every commune that tests there (rounding: ±1)
        CHECK(std::abs(s - b * (1 + 2 * 0.11)) <= 1.0 + 0.01 * b);
    }
    CHECK(test_row(r.res, lab, 4).demand == test_row(base, lab, 4).demand);
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c)
        if (static_cast<int>(c) != lab)
            CHECK(first_diff_day(base, r.res, static_cast<int>(c)) == INT_MAX);

    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    sim.advance_to(at(1, 10));
    DemandSurge bad;
    bad.commune = "Nowhere";
    ChangeOutcome o = sim.apply(bad, change_identity("no"));
    REQUIRE_FALSE(o.applied());
    CHECK(describe_refusal(*o.refusal, "en") == "bad value: unknown commune 'Nowhere'");
    bad.commune.clear();
    bad.group = "90+";
    o = sim.apply(bad, change_identity("no"));
    REQUIRE_FALSE(o.applied());
    CHECK(describe_refusal(*o.refusal, "en") == "bad value: unknown group '90+'");
}

TEST_CASE("a station short of one person by an absence: the supervising médecin on site helps") {
    // Clermont-l'Hérault has two interviewing médecins and one supervising médecin per shift.
    // When one interviewer is absent, the supervisor (on site, no station of his own) takes the
    // empty interview desk: the interview never runs short while the supervisor is idle.
    Scenario sc = herault();
    sc.world.absenteeism.baseline = 0.25;
    const int clermont = centre_index(sc, "Clermont-l'Hérault");
    const RoleId interview = sc.world.find_role("medical_interview");
    const RoleId supervision = sc.world.supervision_role();
    REQUIRE(interview.valid());
    REQUIRE(supervision.valid());
    const auto& shifts = sc.plan.centres[static_cast<std::size_t>(clermont)].shifts;
    REQUIRE(shifts.front().staff[interview] == 2);
    REQUIRE(shifts.front().staff[supervision] == 1);
    Simulation sim(sc, RunOptions{7, 0, minutes(15)});
    int checked = 0, short_and_idle = 0, covered = 0;
    for (int d = 0; d < sc.world.days; ++d)
        for (int h : {10, 15}) {
            sim.advance_to(at(d, h));
            const auto live = sim.live_state();
            const auto& c = live.centres[static_cast<std::size_t>(clermont)];
            if (c.staff_by_role[interview] + c.staff_by_role[supervision] == 0) continue; // shut
            ++checked;
            if (c.staff_by_role[interview] < 2 && c.staff_by_role[supervision] > 0)
                ++short_and_idle;
            if (c.staff_by_role[interview] == 2 && c.staff_by_role[supervision] == 0) ++covered;
        }
    CHECK(checked >= 40);
    CHECK(short_and_idle == 0);
    CHECK(covered > 0);
}
