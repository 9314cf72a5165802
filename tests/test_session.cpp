// Live sessions, the journal and exact replay (issue 8 §5): a session journals every live change
// before it applies; replaying the journal gives the same outputs; a session killed at any point
// resumes from its journal to the same end, without losing an applied decision.
#include "cli_process.hpp"
#include "riposte/output.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/session.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <random>

using namespace riposte;
using namespace riposte::test;

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
    // a refused decision is journaled too: the replay refuses it the same way
    const auto refused =
        s->decide(ReallocateDoses{CentreRef::named("Gignac"), CentreRef::named("Lodève"), 100000},
                  EntrySource::Decision, "référent SSE", "trop", &error);
    CHECK(refused.journaled);
    CHECK_FALSE(refused.outcome.applied());
    const Results live = s->finish(&error);
    const auto changes_live = s->sim().changes().size();
    CHECK(changes_live == 5); // 2 scripted + 3 decisions / ad-hoc

    const JournalReadResult jr = read_journal(journal);
    REQUIRE(jr.journal);
    CHECK(jr.diagnostics.items().empty());
    // decision, observation, delay, ad-hoc, refused decision, scripted fired ×2
    CHECK(jr.journal->entries.size() == 7);
    CHECK(jr.journal->header.seed == in.seed);
    CHECK(jr.journal->header.world_sha256 == sha256_file(in.world_file));

    Simulation replay(in.scenario, RunOptions{in.seed, in.replication});
    replay.set_exercise(in.exercise);
    const auto div = replay_entries(replay, jr.journal->entries);
    CHECK_MESSAGE(!div, (div ? div->what : std::string()));
    const Results again = replay.run();
    CHECK(outputs(*in.scenario, again) == outputs(*in.scenario, live));
    CHECK(replay.changes().size() == changes_live);

    // replay up to a time: the prefix only (a rewind)
    Simulation prefix(in.scenario, RunOptions{in.seed, in.replication});
    prefix.set_exercise(in.exercise);
    CHECK_FALSE(replay_entries(prefix, jr.journal->entries, at(1, 23)));
    prefix.advance_to(at(1, 23));
    // the three changes of day 1, none of the scripted injects (day 2 and later)
    CHECK(prefix.changes().size() == 3);
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
