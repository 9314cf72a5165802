// The shipped tabletop exercise (issue 10 §8): scenarios/centre-herault/exercise-hiver.toml, a
// winter epidemic during the vaccination campaign. `riposte check` accepts it; it has the
// stimuli the issue names (nurse absences, a late delivery, a fridge failure, a walk-in surge
// after a media announcement, a road cut) and objectives with the evaluators' observations;
// every scripted inject applies in the engine (none is refused: the names, roads and groups
// fit the territory); `riposte run --exercise` runs it headless; and a live session of it,
// with a refused and an accepted decision, gives a RETEX.
#include "cli_process.hpp"
#include "riposte/exercise_loader.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/session.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace riposte;
using namespace riposte::test;
namespace fs = std::filesystem;

namespace {

const fs::path herault = fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault";
const fs::path winter = herault / "exercise-hiver.toml";

} // namespace

TEST_CASE("shipped exercise: riposte check accepts the winter exercise, it has every stimulus") {
    TempDir dir;
    const Outcome check =
        run_cli({"check", herault.string(), "--exercise", winter.string()}, dir.path());
    CHECK_MESSAGE(check.exit_code == 0, check.err);
    CHECK_MESSAGE(check.err.empty(), check.err); // no warning either
    CHECK(contains(check.out, "Hiver sous tension"));

    const LoadResult s = load_scenario(herault / "world.toml", herault / "plan.toml");
    REQUIRE(s.scenario);
    const ExerciseLoadResult r = load_exercise(winter, *s.scenario);
    REQUIRE(r.exercise);
    CHECK(r.diagnostics.items().empty());
    const Exercise& ex = *r.exercise;
    CHECK_FALSE(ex.synopsis.empty());
    std::set<std::string> kinds;
    for (const ScriptedInject& in : ex.injects) {
        kinds.insert(change_kind_name(in.change));
        CAPTURE(in.id);
        CHECK_FALSE(in.text.empty());  // every stimulus has its message for the players
        CHECK_FALSE(in.notes.empty()); // and its notes for the animators
    }
    for (const char* k : {"absence_wave", "staff_ill", "delivery_late", "cold_chain_failure",
                          "demand_surge", "road_cut", "group_eligible", "message"})
        CHECK_MESSAGE(kinds.count(k) == 1, k);
    CHECK(ex.triggers.size() >= 2);
    // a week of simulated time, the stimuli in order from J0 to J6
    REQUIRE(ex.injects.size() >= 10);
    CHECK(ex.injects.front().at.day() == 0);
    CHECK(ex.injects.back().at.day() == 6);
    // objectives, each with what the evaluators look for
    REQUIRE(ex.objectives.size() >= 4);
    int judged_by_model = 0;
    for (const Objective& o : ex.objectives) {
        CAPTURE(o.id);
        CHECK(o.observations.size() >= 2);
        judged_by_model += o.checks.empty() ? 0 : 1;
    }
    CHECK(judged_by_model >= 3);
}

TEST_CASE("shipped exercise: every scripted inject applies, riposte run --exercise runs it") {
    const LoadResult s = load_scenario(herault / "world.toml", herault / "plan.toml");
    REQUIRE(s.scenario);
    const ExerciseLoadResult r = load_exercise(winter, *s.scenario);
    REQUIRE(r.exercise);
    auto scenario = std::make_shared<const Scenario>(*s.scenario);
    Simulation sim(scenario, RunOptions{1, 0});
    sim.set_exercise(std::make_shared<const Exercise>(*r.exercise));
    (void)sim.run();
    std::set<std::string> fired;
    for (const AppliedChange& a : sim.changes()) {
        if (a.source != ChangeSource::Scripted) continue;
        CAPTURE(a.inject_id);
        CHECK_MESSAGE(
            a.outcome.applied(),
            (a.outcome.refusal ? describe_refusal(*a.outcome.refusal, "en") : std::string{}));
        fired.insert(a.inject_id);
    }
    CHECK(fired.size() == r.exercise->injects.size());

    TempDir dir;
    const Outcome run = run_cli({"run", herault.string(), "--exercise", winter.string(), "--out",
                                 (dir.path() / "out").string(), "--quiet"},
                                dir.path());
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const std::string events = read_text(dir.path() / "out" / "events.csv");
    for (const char* k : {"absence_wave", "delivery_late", "cold_chain_failure", "demand_surge",
                          "road_cut", "group_eligible"})
        CHECK_MESSAGE(contains(events, k), k);
}

TEST_CASE("shipped exercise: a live session with a refused decision gives its RETEX") {
    TempDir dir;
    const LoadResult s = load_scenario(herault / "world.toml", herault / "plan.toml");
    REQUIRE(s.scenario);
    const ExerciseLoadResult r = load_exercise(winter, *s.scenario);
    REQUIRE(r.exercise);
    SessionInputs in;
    in.scenario = std::make_shared<const Scenario>(*s.scenario);
    in.exercise = std::make_shared<const Exercise>(*r.exercise);
    in.world_file = herault / "world.toml";
    in.plan_file = herault / "plan.toml";
    in.exercise_file = winter;
    in.seed = 5;
    const fs::path journal = dir.path() / "hiver.journal.toml";
    std::string error;
    auto session = LiveSession::start(in, journal, &error);
    REQUIRE_MESSAGE(session, error);
    // J1 10:00, after the absences: nurses moved to Gignac, and the reserve called there
    REQUIRE(session->advance_to(days(1) + hours(10), &error));
    const auto nurses = session->decide(MoveStaff{CentreRef::named("Clermont-l'Hérault"),
                                                  CentreRef::named("Gignac"), "infirmier", 3},
                                        EntrySource::Decision, "référent SSE",
                                        "3 infirmiers de Clermont-l'Hérault à Gignac", &error);
    CHECK(nurses.journaled);
    CHECK(nurses.outcome.applied());
    CHECK(session
              ->decide(AddLine{CentreRef::named("Gignac"),
                               "injection",
                               1,
                               days(1) + hours(13),
                               days(1) + hours(17),
                               true,
                               {}},
                       EntrySource::Decision, "coordinatrice", "réserve à Gignac l'après-midi",
                       &error)
              .journaled);
    REQUIRE(session->observe("évaluateur", "Renforts décidés avant midi, trajets vérifiés.",
                             "continuite", "P", &error));
    const SimTime j3 = days(3) + hours(9);
    REQUIRE(session->advance_to(j3, &error));
    // the fridge of Lodève failed at J3 07:15: doses moved there; far too many is refused
    const ReallocateDoses too_many{CentreRef::named("Gignac"), CentreRef::named("Lodève"),
                                   1'000'000};
    const ChangeOutcome refused = session->check(too_many);
    REQUIRE(refused.refusal);
    REQUIRE(session->record_refused(too_many, EntrySource::Decision, "référent SSE",
                                    "tout le stock de Gignac vers Lodève", *refused.refusal,
                                    &error));
    const auto moved =
        session->decide(ReallocateDoses{CentreRef::named("Gignac"), CentreRef::named("Lodève"), 60},
                        EntrySource::Decision, "référent SSE", "60 doses vers Lodève", &error);
    CHECK(moved.journaled);
    CHECK(moved.outcome.applied());
    REQUIRE(
        session->observe("évaluateur", "Réallocation décidée dans l'heure.", "doses", "S", &error));
    (void)session->finish(&error);
    session.reset();

    const fs::path retex = dir.path() / "retex.html";
    const Outcome rep =
        run_cli({"exercise", "report", journal.string(), "--out", retex.string()}, dir.path());
    REQUIRE_MESSAGE(rep.exit_code == 0, rep.err);
    const std::string html = read_text(retex);
    CHECK(contains(html, "Hiver sous tension"));
    CHECK(contains(html, "Décisions refusées"));
    CHECK(contains(html, "tout le stock de Gignac vers Lodève"));
    CHECK(contains(html, "doses en stock")); // the reason
    CHECK(contains(html, "À observer :"));
    CHECK(contains(html, "Un point de stock par centre")); // a line of the grid
    CHECK(contains(html, "jugé sur les observations"));    // an objective without a check
    CHECK(contains(html, "Réallocation décidée dans"));    // the observation
    CHECK(contains(html, "3 infirmiers de Clermont"));
    // kept for the docs (docs/img/exercise-retex.png is rendered from it)
    fs::create_directories(RIPOSTE_TEST_ARTIFACTS);
    fs::copy_file(retex, fs::path(RIPOSTE_TEST_ARTIFACTS) / "retex-hiver.html",
                  fs::copy_options::overwrite_existing);
    // the refused decision is never applied: the replay is exact
    const Outcome replay =
        run_cli({"exercise", "replay", in.world_file.string(), in.plan_file.string(),
                 journal.string(), "--out", (dir.path() / "replayed").string(), "--quiet"},
                dir.path());
    CHECK_MESSAGE(replay.exit_code == 0, replay.err);
}
