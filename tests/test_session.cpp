// Live sessions, the journal and exact replay (issue 8 §5): a session journals every live change
// before it applies; replaying the journal gives the same outputs; a session killed at any point
// resumes from its journal to the same end, without losing an applied decision.
#include "cli_process.hpp"
#include "french_check.hpp"
#include "riposte/exercise_loader.hpp"
#include "riposte/output.hpp"
#include "riposte/runner.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/session.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <random>

using namespace riposte;
using namespace riposte::test;
using fs_path = std::filesystem::path;

namespace {

SimTime at(int day, int hour, int minute = 0) {
    return days(day) + hours(hour) + minutes(minute);
}

SessionInputs inputs(std::uint64_t seed = 3) {
    static const std::shared_ptr<const Scenario> sc = [] {
        const LoadResult r = load_scenario(default_world_file(), default_plan_file());
        REQUIRE(r.scenario);
        return std::make_shared<const Scenario>(*r.scenario);
    }();
    SessionInputs in;
    in.scenario = sc;
    auto ex = std::make_shared<Exercise>();
    ScriptedInject ill;
    ill.id = "ide-malades";
    ill.at = at(2, 9, 30);
    ill.change = StaffIll{CentreRef::named("Gignac"), "infirmier", 1, 2};
    ex->injects.push_back(ill);
    ScriptedInject late;
    late.id = "retard";
    late.at = at(5, 6);
    late.change = DeliveryLate{CentreRef::all(), 2, 0};
    ex->injects.push_back(late);
    in.exercise = ex;
    in.seed = seed;
    in.world_file = default_world_file();
    in.plan_file = default_plan_file();
    return in;
}

std::string outputs(const Scenario& sc, const Results& r) {
    return centre_day_csv(sc, r) + role_day_csv(sc, r) + events_csv(sc, r);
}

} // namespace

TEST_CASE("a live session's journal replays to byte-identical outputs") {
    TempDir dir;
    const auto journal = dir.path() / "session.journal.toml";
    const SessionInputs in = inputs();
    std::string error;
    auto s = LiveSession::start(in, journal, &error);
    REQUIRE_MESSAGE(s, error);
    REQUIRE(s->advance_to(at(1, 10)));
    CHECK(s->decide(AddLine{CentreRef::named("Lodève"), "injection", 1, at(1, 13), at(1, 17)},
                    EntrySource::Decision, "référent SSE", "renfort Lodève", &error)
              .journaled);
    CHECK(s->observe("évaluateur", "la cellule a anticipé le renfort", &error));
    REQUIRE(s->delay_inject("retard", at(6, 6), "animateur", &error));
    REQUIRE(s->step());
    CHECK(s->decide(ColdChainFailure{CentreRef::named("Gignac")}, EntrySource::AdHocInject,
                    "animateur", "panne frigo", &error)
              .journaled);
    // a refused decision is journaled too, marked refused with its reason, and never applied:
    // the replay passes over it
    const auto refused =
        s->decide(ReallocateDoses{CentreRef::named("Gignac"), CentreRef::named("Lodève"), 100000},
                  EntrySource::Decision, "référent SSE", "trop", &error);
    CHECK(refused.journaled);
    REQUIRE_FALSE(refused.outcome.applied());
    CHECK(refused.outcome.refusal->reason == RefusalReason::NotEnoughStock);
    const Results live = s->finish(&error);
    const auto changes_live = s->sim().changes().size();
    CHECK(changes_live == 4); // 2 scripted + 2 decisions / ad-hoc applied

    const JournalReadResult jr = read_journal(journal);
    REQUIRE(jr.journal);
    CHECK(jr.diagnostics.items().empty());
    // decision, observation, delay, ad-hoc, refused decision, scripted fired ×2
    CHECK(jr.journal->entries.size() == 7);
    CHECK(jr.journal->header.seed == in.seed);
    const auto refused_entries =
        std::count_if(jr.journal->entries.begin(), jr.journal->entries.end(),
                      [](const JournalEntry& e) { return e.refused; });
    CHECK(refused_entries == 1);
    for (const JournalEntry& e : jr.journal->entries)
        if (e.refused) {
            CHECK(e.author == "référent SSE");
            CHECK(e.refusal.find("doses en stock") != std::string::npos);
        }
    CHECK(jr.journal->header.world_sha256 == sha256_file(in.world_file));

    Simulation replay(in.scenario, RunOptions{in.seed, in.replication});
    replay.set_exercise(in.exercise);
    const auto div = replay_entries(replay, jr.journal->entries);
    CHECK_MESSAGE(!div, (div ? div->what.en : std::string()));
    const Results again = replay.run();
    CHECK(outputs(*in.scenario, again) == outputs(*in.scenario, live));
    CHECK(replay.changes().size() == changes_live);

    // replay up to a time: the prefix only (a rewind)
    Simulation prefix(in.scenario, RunOptions{in.seed, in.replication});
    prefix.set_exercise(in.exercise);
    CHECK_FALSE(replay_entries(prefix, jr.journal->entries, at(1, 23)));
    prefix.advance_to(at(1, 23));
    // the two changes of day 1 applied (the refused one is passed over), none of the scripted
    // injects (day 2 and later)
    CHECK(prefix.changes().size() == 2);
    for (const auto& c : prefix.changes()) CHECK(c.source == ChangeSource::Api);
}

TEST_CASE("a journal that no longer fits its inputs is a named divergence, not a silent one") {
    TempDir dir;
    const auto journal = dir.path() / "j.toml";
    const SessionInputs in = inputs();
    std::string error;
    {
        auto s = LiveSession::start(in, journal, &error);
        REQUIRE(s);
        s->advance_to(at(3, 11));
        REQUIRE(s->decide(Message{"appel"}, EntrySource::Decision, "référent SSE", "appel", &error)
                    .journaled);
    }
    const JournalReadResult jr = read_journal(journal);
    REQUIRE(jr.journal);
    // another seed: the resume is refused, naming the seed
    std::string why;
    CHECK_FALSE(LiveSession::resume(inputs(99), journal, &why));
    CHECK(why.find("seed") != std::string::npos);
    // an entry moved in time: the replay says which entry and line
    std::vector<JournalEntry> moved = jr.journal->entries;
    for (JournalEntry& e : moved)
        if (e.source == EntrySource::Decision) e.stamp.time = e.stamp.time + minutes(1);
    Simulation sim(in.scenario, RunOptions{in.seed, in.replication});
    sim.set_exercise(in.exercise);
    const auto div = replay_entries(sim, moved);
    REQUIRE(div);
    CHECK(div->line > 0);
    CHECK(div->entry >= 1);
}

TEST_CASE("a live session killed at 20 random points resumes to the uninterrupted outputs") {
    TempDir dir;
    // the uninterrupted session
    const auto ref_journal = dir.path() / "ref.journal.toml";
    const auto ref_out = dir.path() / "ref.txt";
    const Outcome ref =
        CliProcess(RIPOSTE_LIVE_DRIVER, {ref_journal.string(), ref_out.string()}, dir.path())
            .finish();
    REQUIRE_MESSAGE(ref.exit_code == 0, ref.err);
    const std::string expected = read_text(ref_out);
    REQUIRE(expected.size() > 1000);
    const JournalReadResult ref_j = read_journal(ref_journal);
    REQUIRE(ref_j.journal);
    std::size_t ref_decisions = 0;
    for (const auto& e : ref_j.journal->entries)
        if (e.source == EntrySource::Decision) ++ref_decisions;
    CHECK(ref_decisions == 12);

    std::mt19937 rng(20261129);
    int killed = 0;
    for (int k = 0; k < 20; ++k) {
        const auto journal = dir.path() / ("kill" + std::to_string(k) + ".journal.toml");
        const auto out = dir.path() / ("kill" + std::to_string(k) + ".txt");
        // 30 ms after each decision: the session lasts about half a second
        CliProcess p(RIPOSTE_LIVE_DRIVER, {journal.string(), out.string(), "30"}, dir.path());
        const auto wait =
            std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 450)(rng));
        const Outcome first = p.finish_within(wait);
        if (first.timed_out) ++killed;
        // resume (as many times as it takes: once)
        const Outcome second =
            CliProcess(RIPOSTE_LIVE_DRIVER, {journal.string(), out.string()}, dir.path()).finish();
        REQUIRE_MESSAGE(second.exit_code == 0, "kill point " << k << ": " << second.err);
        CHECK_MESSAGE(read_text(out) == expected, "kill point " << k);
        // no decision lost, none applied twice
        const JournalReadResult j = read_journal(journal);
        REQUIRE(j.journal);
        std::size_t decisions = 0;
        for (const auto& e : j.journal->entries)
            if (e.source == EntrySource::Decision) ++decisions;
        CHECK(decisions == ref_decisions);
    }
    MESSAGE(killed << " of 20 sessions killed mid-run");
    CHECK(killed >= 10);
}

TEST_CASE("riposte exercise replay writes the live session's outputs, byte for byte") {
    TempDir dir;
    const fs_path world = default_world_file(), plan = default_plan_file();
    const fs_path exercise_file =
        fs_path(RIPOSTE_SCENARIO_DIR) / "centre-herault" / "exercise.toml";
    ExerciseLoadResult ex = load_exercise(exercise_file);
    REQUIRE(ex.exercise);
    SessionInputs in = inputs(5);
    in.exercise = std::make_shared<const Exercise>(*ex.exercise);
    in.exercise_file = exercise_file;
    const auto journal = dir.path() / "seance.journal.toml";
    std::string error;
    auto s = LiveSession::start(in, journal, &error);
    REQUIRE_MESSAGE(s, error);
    s->advance_to(at(1, 9));
    REQUIRE(s->decide(AddLine{CentreRef::named("Gignac"), "injection", 1, at(1, 13), at(1, 17)},
                      EntrySource::Decision, "référent SSE", "renfort", &error)
                .journaled);
    s->advance_to(at(4, 15));
    REQUIRE(
        s->decide(ChangeBooking{6, 5}, EntrySource::Decision, "coordinatrice", "horizon", &error)
            .journaled);
    const Results live = s->finish(&error);
    ReplicationSet set;
    set.requested = 1;
    set.add(*in.scenario, live);
    const auto live_dir = dir.path() / "live";
    {
        ReplicationFiles files(*in.scenario, live_dir);
        REQUIRE(files.ok());
        REQUIRE(files.add(live));
        REQUIRE(files.finish(set, summarise(*in.scenario, set)).ok());
    }

    const auto out = dir.path() / "replayed";
    const Outcome r = run_cli({"exercise", "replay", world.string(), plan.string(),
                               journal.string(), "--out", out.string(), "--quiet"},
                              dir.path());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    int compared = 0;
    for (const auto& e : std::filesystem::directory_iterator(live_dir)) {
        const auto name = e.path().filename();
        CHECK_MESSAGE(read_text(out / name) == read_text(e.path()), name.string());
        ++compared;
    }
    CHECK(compared >= 10);
    const std::string events = read_text(out / "events.csv");
    CHECK(contains(events, "add_line"));

    // another seed in the header: the replay runs with it and cannot follow the journal; it
    // stops at the first entry that no longer fits, naming the journal's line
    std::string text = read_text(journal);
    const auto at_seed = text.find("seed = \"5\"");
    REQUIRE(at_seed != std::string::npos);
    text.replace(at_seed, 10, "seed = \"6\"");
    const auto other = dir.path() / "other.journal.toml";
    { std::ofstream(other, std::ios::binary) << text; }
    const Outcome bad =
        run_cli({"exercise", "replay", world.string(), plan.string(), other.string(), "--quiet"},
                dir.path());
    CHECK(bad.exit_code == 1);
    CHECK_MESSAGE(contains(bad.err, "other.journal.toml:"), bad.err);
    // in French by default, in English with --lang en, at the same place
    CHECK_MESSAGE(contains(bad.err, ": erreur : [journal.divergence] entrée "), bad.err);
    // the detail of the divergence too: no English word, no English piece of the table
    {
        const std::string detail = bad.err.substr(bad.err.find("[journal.divergence]"));
        INFO(detail);
        CHECK_FALSE(riposte::test::has_english_word(detail));
        riposte::test::check_no_english(bad.err, riposte::test::english_only_fragments(),
                                        "replay divergence");
    }
    const Outcome bad_en = run_cli({"exercise", "replay", world.string(), plan.string(),
                                    other.string(), "--quiet", "--lang", "en"},
                                   dir.path());
    CHECK(bad_en.exit_code == 1);
    CHECK_MESSAGE(contains(bad_en.err, ": error: [journal.divergence] entry "), bad_en.err);
    // another plan file: refused before anything runs, naming the file that differs
    const auto plan2 = dir.path() / "plan.toml";
    { std::ofstream(plan2, std::ios::binary) << read_text(plan) << "\n# changed\n"; }
    const Outcome other_plan =
        run_cli({"exercise", "replay", world.string(), plan2.string(), journal.string(), "--quiet"},
                dir.path());
    CHECK(other_plan.exit_code == 1);
    CHECK_MESSAGE(contains(other_plan.err, "le fichier du plan diffère de celui du journal"),
                  other_plan.err);
    CHECK_FALSE(riposte::test::has_english_word(
        other_plan.err.substr(other_plan.err.find("[journal.inputs]"))));
    riposte::test::check_no_english(other_plan.err, riposte::test::english_only_fragments(),
                                    "replay inputs");
    const Outcome other_plan_en = run_cli({"exercise", "replay", world.string(), plan2.string(),
                                           journal.string(), "--quiet", "--lang", "en"},
                                          dir.path());
    CHECK_MESSAGE(contains(other_plan_en.err, "the plan file differs"), other_plan_en.err);
}

TEST_CASE("riposte run --exercise runs a stress case, the injects are in events.csv") {
    TempDir dir;
    const fs_path stress = fs_path(RIPOSTE_SCENARIO_DIR) / "stress" / "fridge-failure.toml";
    const auto base =
        run_cli({"run", "--out", (dir.path() / "base").string(), "--quiet"}, dir.path());
    REQUIRE_MESSAGE(base.exit_code == 0, base.err);
    const auto r = run_cli({"run", "--exercise", stress.string(), "--out",
                            (dir.path() / "stress").string(), "--quiet"},
                           dir.path());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string events = read_text(dir.path() / "stress" / "events.csv");
    CHECK(contains(events, "cold_chain_failure"));
    CHECK_FALSE(contains(read_text(dir.path() / "base" / "events.csv"), "cold_chain_failure"));
    CHECK(read_text(dir.path() / "stress" / "centre_day.csv") !=
          read_text(dir.path() / "base" / "centre_day.csv"));
    // a bad exercise file: positioned error, exit 2, nothing run
    {
        std::ofstream(dir.path() / "bad.toml") << "[exercise]\nname = \"x\"\n[[inject]]\nid = "
                                                  "\"a\"\nat = \"J99x\"\nkind = \"message\"\n";
    }
    const auto bad = run_cli(
        {"run", "--exercise", (dir.path() / "bad.toml").string(), "--no-files"}, dir.path());
    CHECK(bad.exit_code == 2);
    CHECK(contains(bad.err, "bad.toml:5:"));
}
