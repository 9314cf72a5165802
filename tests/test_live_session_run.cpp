// An exercise session driven through the live-run service (issue 10 §1): the scripted injects
// run inside the engine, decisions are checked then journaled before they apply, a rewind
// branches into a new journal naming its parent, and `riposte exercise replay` of the journal
// the service wrote gives the outputs the service's run gave, byte for byte.
#include "cli_process.hpp"
#include "riposte/counterfactual.hpp"
#include "riposte/exercise_loader.hpp"
#include "riposte/live_run.hpp"
#include "riposte/output.hpp"
#include "riposte/runner.hpp"
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <thread>

using namespace riposte;
using namespace riposte::test;
using Clock = std::chrono::steady_clock;
using fs_path = std::filesystem::path;

namespace {

SimTime at(int day, int hour, int minute = 0) {
    return days(day) + hours(hour) + minutes(minute);
}

SessionInputs herault_inputs(std::uint64_t seed) {
    static const std::shared_ptr<const Scenario> sc = [] {
        const LoadResult r = load_scenario(default_world_file(), default_plan_file());
        REQUIRE(r.scenario);
        return std::make_shared<const Scenario>(*r.scenario);
    }();
    const fs_path exercise_file =
        fs_path(RIPOSTE_SCENARIO_DIR) / "centre-herault" / "exercise.toml";
    ExerciseLoadResult ex = load_exercise(exercise_file, *sc);
    REQUIRE(ex.exercise);
    SessionInputs in;
    in.scenario = sc;
    in.exercise = std::make_shared<const Exercise>(*ex.exercise);
    in.exercise_file = exercise_file;
    in.world_file = default_world_file();
    in.plan_file = default_plan_file();
    in.seed = seed;
    return in;
}

std::shared_ptr<const LiveFrame> wait_for(const LiveRun& live,
                                          const std::function<bool(const LiveFrame&)>& ok) {
    const auto end = Clock::now() + std::chrono::seconds(120);
    for (;;) {
        auto f = live.latest();
        if (ok(*f) || Clock::now() > end) return f;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

const SessionReply* find_reply(const LiveFrame& f, std::uint64_t request) {
    if (!f.session) return nullptr;
    for (const SessionReply& r : f.session->replies)
        if (r.request == request) return &r;
    return nullptr;
}

SessionReply wait_reply(const LiveRun& live, std::uint64_t request) {
    auto f =
        wait_for(live, [&](const LiveFrame& fr) { return find_reply(fr, request) != nullptr; });
    const SessionReply* r = find_reply(*f, request);
    REQUIRE_MESSAGE(r, "no reply to request " << request);
    return *r;
}

void write_outputs(const Scenario& sc, const Results& results, const fs_path& dir) {
    ReplicationSet set;
    set.requested = 1;
    set.add(sc, results);
    ReplicationFiles files(sc, dir);
    REQUIRE(files.ok());
    REQUIRE(files.add(results));
    REQUIRE(files.finish(set, summarise(sc, set)).ok());
}

} // namespace

TEST_CASE("live session run: an exercise driven through the service replays byte for byte") {
    TempDir dir;
    const SessionInputs in = herault_inputs(7);
    const fs_path journal = dir.path() / "seance.journal.toml";
    LiveRun live;
    live.set_pause_at_injects(true);
    live.start_session(in, journal, false);
    auto f = wait_for(live, [](const LiveFrame& fr) {
        return fr.status == LiveStatus::Paused && fr.session != nullptr;
    });
    REQUIRE(f->session);
    CHECK(f->session->error.empty());
    CHECK(f->session->journal == journal);
    REQUIRE(f->session->upcoming.size() == in.exercise->injects.size());
    CHECK(f->session->upcoming.front().id == "nurses-ill");
    CHECK(f->session->pause_at_injects);

    // played as fast as possible, the run pauses at each inject (a trigger may come first)
    for (int k = 0; k < 10; ++k) {
        const std::uint64_t events = f->state.events;
        live.play();
        f = wait_for(live, [&](const LiveFrame& fr) {
            return fr.state.events > events && fr.status == LiveStatus::Paused;
        });
        REQUIRE(f->session);
        if (!f->session->course.empty() &&
            f->session->course.back().entry.inject_id == "nurses-ill")
            break;
    }
    live.set_pause_at_injects(false);
    CHECK(f->state.now == at(1, 7));
    REQUIRE(f->session);
    REQUIRE_FALSE(f->session->course.empty());
    CHECK(f->session->course.back().entry.source == EntrySource::ScriptedFired);
    CHECK(f->session->course.back().entry.inject_id == "nurses-ill");
    CHECK(contains(read_text(journal), "inject_id = \"nurses-ill\""));

    // a refused decision: the reason comes back; it is journaled as refused, with the reason,
    // and not applied (the byte-for-byte replay below would see it in events.csv otherwise)
    live.decide(1, AddLine{CentreRef::named("Atlantis"), "injection", 1, at(1, 9), at(1, 17)},
                EntrySource::Decision, "référent SSE", "renfort impossible");
    SessionReply r = wait_reply(live, 1);
    REQUIRE(r.refusal);
    CHECK(r.journaled);
    CHECK(r.refusal->reason == RefusalReason::UnknownCentre);
    CHECK(contains(read_text(journal), "refused = true\nrefusal = \"centre inconnu"));
    CHECK(contains(read_text(journal), "Atlantis"));
    f = wait_for(live, [](const LiveFrame& fr) {
        return fr.session && !fr.session->course.empty() && fr.session->course.back().entry.refused;
    });
    REQUIRE(f->session);
    CHECK(f->session->course.back().journaled);
    CHECK(f->session->course.back().entry.author == "référent SSE");

    // an accepted decision: journaled with its author, then applied
    live.decide(2, ReallocateDoses{CentreRef::named("Gignac"), CentreRef::named("Lodève"), 60},
                EntrySource::Decision, "référent SSE", "60 doses de Gignac vers Lodève");
    r = wait_reply(live, 2);
    if (r.refusal) MESSAGE(describe_refusal(*r.refusal, "en"));
    CHECK(r.journaled);
    CHECK_FALSE(r.refusal);
    CHECK(contains(read_text(journal), "author = \"référent SSE\""));
    // the facilitator skips the press call, moves the fridge failure, observes
    live.skip_inject(3, "press", "animateur");
    CHECK(wait_reply(live, 3).journaled);
    live.delay_inject(4, "fridge", at(3, 10), "animateur");
    CHECK(wait_reply(live, 4).journaled);
    live.observe(5, "évaluateur", "Décision rapide, bien tracée.", "waits", "S");
    CHECK(wait_reply(live, 5).journaled);
    CHECK(contains(read_text(journal), "objective = \"waits\"\nrating = \"S\"\n"));
    live.observe(51, "évaluateur", "cotation inconnue", "waits", "X"); // not on the HSEEP scale
    CHECK_FALSE(wait_reply(live, 51).journaled);
    f = wait_for(live, [](const LiveFrame& fr) {
        return fr.session && fr.session->upcoming.size() == 2; // it-outage, fridge
    });
    REQUIRE(f->session->upcoming.size() == 2);
    CHECK(f->session->upcoming[1].id == "fridge");
    CHECK(f->session->upcoming[1].at == at(3, 10));

    // fire the IT outage now rather than at J2 08:00
    live.fire_inject_now(6, "it-outage", "animateur");
    CHECK(wait_reply(live, 6).journaled);
    f = wait_for(
        live, [](const LiveFrame& fr) { return fr.session && fr.session->upcoming.size() == 1; });
    CHECK(f->session->course.back().entry.inject_id == "it-outage");
    CHECK(f->session->course.back().entry.source == EntrySource::ScriptedFired);
    CHECK(f->session->course.back().entry.stamp.time == at(1, 7));

    // run on to J2 12:00, decide there, then rewind to J1 12:00: a branch journal
    live.run_to(at(2, 12));
    f = wait_for(live, [](const LiveFrame& fr) {
        return fr.status == LiveStatus::Paused && fr.state.now == at(2, 12);
    });
    REQUIRE(f->state.now == at(2, 12));
    live.decide(7, ChangeBooking{3, 5}, EntrySource::Decision, "coordinatrice", "horizon 5 j");
    CHECK(wait_reply(live, 7).journaled);
    live.rewind_to(at(1, 12));
    f = wait_for(live, [&](const LiveFrame& fr) {
        return fr.status == LiveStatus::Paused && fr.state.now == at(1, 12) && fr.session &&
               fr.session->journal != journal;
    });
    REQUIRE(f->session);
    const fs_path branch = f->session->journal;
    CHECK(branch == dir.path() / "seance-branch-1.journal.toml");
    CHECK(f->session->parent == "seance.journal.toml");
    CHECK(f->session->parent_entry > 0);
    const JournalReadResult br = read_journal(branch);
    REQUIRE(br.journal);
    CHECK(br.journal->header.parent == "seance.journal.toml");
    CHECK(br.journal->header.parent_entry == br.journal->entries.size());
    CHECK(br.journal->entries.size() < read_journal(journal).journal->entries.size());
    // the decision taken at J2 12:00 is gone from the branch (and from its main courante)
    for (const CourseLine& l : f->session->course) CHECK(l.entry.author != "coordinatrice");
    for (const JournalEntry& e : br.journal->entries) CHECK(e.stamp.time <= at(1, 12));

    // on the branch: another decision, then to the end
    live.decide(8, AddLine{CentreRef::named("Gignac"), "reception", 1, at(1, 13), at(1, 18)},
                EntrySource::Decision, "coordinatrice", "renfort accueil");
    r = wait_reply(live, 8);
    CHECK((r.journaled || r.refusal.has_value()));
    live.play();
    f = wait_for(live, [](const LiveFrame& fr) { return fr.status == LiveStatus::Done; });
    REQUIRE(f->status == LiveStatus::Done);
    REQUIRE(f->results);
    write_outputs(*in.scenario, *f->results, dir.path() / "live");

    // riposte exercise replay on the branch journal: the same files, byte for byte
    const fs_path out = dir.path() / "replayed";
    const Outcome o = run_cli({"exercise", "replay", in.world_file.string(), in.plan_file.string(),
                               branch.string(), "--out", out.string(), "--quiet"},
                              dir.path());
    REQUIRE_MESSAGE(o.exit_code == 0, o.err);
    int compared = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path() / "live")) {
        CHECK_MESSAGE(read_text(out / e.path().filename()) == read_text(e.path()),
                      e.path().filename().string());
        ++compared;
    }
    CHECK(compared >= 10);

    // the RETEX of the branch, its inputs found through the journal's header
    const fs_path retex = dir.path() / "retex.html";
    const Outcome rep =
        run_cli({"exercise", "report", branch.string(), "--out", retex.string()}, dir.path());
    REQUIRE_MESSAGE(rep.exit_code == 0, rep.err);
    const std::string html = read_text(retex);
    CHECK(contains(html, "<html lang=\"fr\">"));
    CHECK(contains(html, "Chronologie (main courante)"));
    CHECK(contains(html, "référent SSE"));                    // the decision's author
    CHECK(contains(html, "Décision rapide, bien tracée."));   // the observation
    CHECK(contains(html, "<ul class=\"obs\"><li><b>S</b> ")); // under its objective
    CHECK(contains(html, "attente : p90 sous 45"));           // an objective
    CHECK((contains(html, ">atteint<") || contains(html, ">non atteint<")));
    CHECK(contains(html, "actions correctives"));
    CHECK(contains(html, "reallocate_doses")); // pre-filled from it
    CHECK(contains(html, "<svg"));
    CHECK(contains(html, "stroke-dasharray=\"3 3\"")); // the timeline's markers
    CHECK(contains(html, "Branche de seance.journal.toml"));
    CHECK(contains(html, "Contrefactuels : chaque décision retirée"));
    // the refused decision (kept by the branch: taken at J1 07:00) is listed with its reason
    CHECK(contains(html, "<h2 id=\"refusees\">Décisions refusées</h2>"));
    CHECK(contains(html, "renfort impossible"));
    CHECK(contains(html, "centre inconnu"));
    CHECK_FALSE(contains(html, "http://")); // self-contained
    CHECK_FALSE(contains(html, "https://"));
    // kept for the retex_screenshot test (headless Chromium) and the docs
    std::filesystem::create_directories(RIPOSTE_TEST_ARTIFACTS);
    std::filesystem::copy_file(retex, fs_path(RIPOSTE_TEST_ARTIFACTS) / "retex.html",
                               std::filesystem::copy_options::overwrite_existing);
    // in English, on request; a journal that does not exist is a usage error
    const Outcome en = run_cli({"exercise", "report", branch.string(), "--out",
                                (dir.path() / "retex-en.html").string(), "--lang", "en"},
                               dir.path());
    REQUIRE_MESSAGE(en.exit_code == 0, en.err);
    CHECK(contains(read_text(dir.path() / "retex-en.html"), "Corrective action plan"));
    CHECK(run_cli({"exercise", "report", (dir.path() / "none.journal.toml").string()}, dir.path())
              .exit_code == 2);
}

TEST_CASE("live session run: a session resumed from its journal continues where it stopped") {
    TempDir dir;
    const SessionInputs in = herault_inputs(11);
    const fs_path journal = dir.path() / "s.journal.toml";
    LiveState stopped;
    {
        LiveRun live;
        live.start_session(in, journal, false);
        live.run_to(at(1, 10));
        auto f = wait_for(live, [](const LiveFrame& fr) {
            return fr.status == LiveStatus::Paused && fr.state.now == at(1, 10);
        });
        live.decide(1, ReallocateDoses{CentreRef::named("Lodève"), CentreRef::named("Gignac"), 30},
                    EntrySource::Decision, "référent SSE", "");
        const SessionReply r1 = wait_reply(live, 1);
        if (r1.refusal) MESSAGE(describe_refusal(*r1.refusal, "en"));
        CHECK(r1.journaled);
        f = wait_for(live, [](const LiveFrame& fr) {
            return fr.session && !fr.session->course.empty() &&
                   fr.session->course.back().entry.author == "référent SSE";
        });
        stopped = f->state;
    }
    LiveRun again;
    again.start_session(in, journal, true);
    auto f = wait_for(again, [](const LiveFrame& fr) {
        return fr.status == LiveStatus::Paused && fr.session != nullptr;
    });
    REQUIRE(f->session);
    CHECK(f->session->error.empty());
    CHECK(f->state.now == stopped.now);
    CHECK(f->state.events == stopped.events);
    CHECK(f->session->course.size() == read_journal(journal).journal->entries.size());
    CHECK(f->session->course.back().entry.author == "référent SSE");

    // a second start on the same journal is refused: it would overwrite a session
    LiveRun third;
    third.start_session(in, journal, false);
    f = wait_for(third, [](const LiveFrame& fr) { return fr.status == LiveStatus::Failed; });
    CHECK(f->status == LiveStatus::Failed);
    REQUIRE(f->session);
    CHECK_FALSE(f->session->error.empty());
}

TEST_CASE("counterfactuals: each decision left out, the later entries applied at their times") {
    TempDir dir;
    const SessionInputs in = herault_inputs(3);
    std::string error;
    auto s = LiveSession::start(in, dir.path() / "cf.journal.toml", &error);
    REQUIRE_MESSAGE(s, error);
    s->advance_to(at(1, 8));
    const auto closed = s->decide(SetCentreOpen{CentreRef::named("Gignac"), false, at(4, 8)},
                                  EntrySource::Decision, "référent SSE", "fermeture", &error);
    REQUIRE(closed.journaled);
    REQUIRE(closed.outcome.applied());
    s->advance_to(at(2, 8));
    REQUIRE(s->decide(Message{"informer la mairie"}, EntrySource::Decision, "président", "", &error)
                .journaled);
    (void)s->finish(&error);
    const std::vector<JournalEntry> entries = s->journal_entries();

    RunOptions o;
    o.seed = in.seed;
    o.exercise = in.exercise;
    // replayed by time with every entry, the session ends as it did
    const TimeReplay all = replay_by_time(in.scenario, o, entries, 0);
    CHECK(all.refused.empty());
    const auto cfs = decision_counterfactuals(in.scenario, o, entries);
    REQUIRE(cfs.size() == 1); // the message changes nothing: no counterfactual
    const Counterfactual& c = cfs.front();
    CHECK(c.with.vaccinations == all.totals.vaccinations);
    // three days without Gignac cost vaccinations: without the closure there are more
    CHECK(c.without.vaccinations > c.with.vaccinations);
    for (const auto& [ordinal, why] : c.no_longer_apply) {
        CHECK(ordinal > c.entry);
        CHECK_FALSE(why.empty());
    }
}

TEST_CASE("live session run: move staff, road cut, group eligible and booking rules are checked "
          "first, refused with their reason, journaled with their author") {
    TempDir dir;
    const SessionInputs in = herault_inputs(13);
    const fs_path journal = dir.path() / "formes.journal.toml";
    LiveRun live;
    live.start_session(in, journal, false);
    live.run_to(at(1, 10));
    auto f = wait_for(live, [](const LiveFrame& fr) {
        return fr.status == LiveStatus::Paused && fr.state.now == at(1, 10);
    });
    REQUIRE(f->state.now == at(1, 10));

    // "3 infirmiers de Clermont-l'Hérault à Gignac": some are on site at 10:00, they move
    live.decide(1,
                MoveStaff{CentreRef::named("Clermont-l'Hérault"), CentreRef::named("Gignac"),
                          "infirmier", 3},
                EntrySource::Decision, "référent SSE", "3 infirmiers vers Gignac");
    SessionReply r = wait_reply(live, 1);
    if (r.refusal) MESSAGE(describe_refusal(*r.refusal, "en"));
    REQUIRE_FALSE(r.refusal);
    CHECK(r.journaled);
    CHECK(r.outcome.people >= 1);
    CHECK(r.outcome.people <= 3);
    // a profession nobody of Lodève has on site: refused, saying how many could come
    live.decide(2, MoveStaff{CentreRef::named("Lodève"), CentreRef::named("Gignac"), "medecin", 40},
                EntrySource::Decision, "référent SSE", "40 médecins de Lodève");
    r = wait_reply(live, 2);
    // the booking rules of one centre from tomorrow: slots of 15 minutes, 10 % overbooking
    ChangeBooking rules;
    rules.from_day = 2;
    rules.slot_minutes = 15;
    rules.overbooking = 0.1;
    rules.centre = CentreRef::named("Gignac");
    live.decide(3, rules, EntrySource::Decision, "coordinatrice", "créneaux de 15 min");
    const SessionReply booked = wait_reply(live, 3);
    if (booked.refusal) MESSAGE(describe_refusal(*booked.refusal, "en"));
    CHECK(booked.journaled);
    CHECK_FALSE(booked.refusal);
    // ad-hoc injects from the console: a road that does not exist, a real one, a group already
    // eligible, a group made eligible early
    live.decide(4, RoadCut{"Gignac", "Lodève", at(3, 8)}, EntrySource::AdHocInject, "animateur",
                "route coupée");
    const SessionReply no_road = wait_reply(live, 4);
    REQUIRE(no_road.refusal);
    CHECK(describe_refusal(*no_road.refusal, "fr").find("sans objet") == 0);
    live.decide(5, RoadCut{"Gignac", "Aniane", at(3, 8)}, EntrySource::AdHocInject, "animateur",
                "crue");
    const SessionReply cut = wait_reply(live, 5);
    CHECK_FALSE(cut.refusal);
    live.decide(6, GroupEligible{"75+"}, EntrySource::AdHocInject, "animateur", "75+");
    CHECK(wait_reply(live, 6).refusal.has_value()); // eligible from day 0 already
    live.decide(7, GroupEligible{"65-74"}, EntrySource::AdHocInject, "animateur", "65-74");
    const SessionReply early = wait_reply(live, 7);
    CHECK_FALSE(early.refusal);

    // every one is in the journal with its author; the refused ones say why
    const JournalReadResult jr = read_journal(journal);
    REQUIRE(jr.journal);
    int refused = 0, decided = 0;
    for (const JournalEntry& e : jr.journal->entries) {
        if (e.source != EntrySource::Decision && e.source != EntrySource::AdHocInject) continue;
        CHECK_FALSE(e.author.empty());
        if (e.refused) {
            ++refused;
            CHECK_FALSE(e.refusal.empty());
        } else {
            ++decided;
        }
    }
    CHECK(refused == (r.refusal ? 1 : 0) + 2);
    CHECK(decided == 7 - refused);

    // to the end, then the replay gives the same outputs: refusals never applied
    live.play();
    f = wait_for(live, [](const LiveFrame& fr) { return fr.status == LiveStatus::Done; });
    REQUIRE(f->results);
    write_outputs(*in.scenario, *f->results, dir.path() / "live");
    const fs_path out = dir.path() / "replayed";
    const Outcome o = run_cli({"exercise", "replay", in.world_file.string(), in.plan_file.string(),
                               journal.string(), "--out", out.string(), "--quiet"},
                              dir.path());
    REQUIRE_MESSAGE(o.exit_code == 0, o.err);
    for (const auto& e : std::filesystem::directory_iterator(dir.path() / "live"))
        CHECK_MESSAGE(read_text(out / e.path().filename()) == read_text(e.path()),
                      e.path().filename().string());
}

TEST_CASE("live session run: change hours is checked first, journaled with its author, and the "
          "replay gives the same outputs byte for byte") {
    TempDir dir;
    const SessionInputs in = herault_inputs(17);
    const fs_path journal = dir.path() / "horaires.journal.toml";
    LiveRun live;
    live.start_session(in, journal, false);
    live.run_to(at(2, 15));
    auto f = wait_for(live, [](const LiveFrame& fr) {
        return fr.status == LiveStatus::Paused && fr.state.now == at(2, 15);
    });
    REQUIRE(f->state.now == at(2, 15));
    // Gignac until 20:00 next Monday and Tuesday
    live.decide(1, ChangeHours{CentreRef::named("Gignac"), 7, 8, hours(9), hours(20)},
                EntrySource::Decision, "référent SSE", "Gignac jusqu'à 20 h lundi et mardi");
    const SessionReply ok = wait_reply(live, 1);
    if (ok.refusal) MESSAGE(describe_refusal(*ok.refusal, "en"));
    REQUIRE_FALSE(ok.refusal);
    CHECK(ok.journaled);
    // today has started: only a later closing; an earlier opening is refused, journaled as
    // refused
    live.decide(2, ChangeHours{CentreRef::named("Gignac"), 2, 2, hours(7), hours(20)},
                EntrySource::Decision, "référent SSE", "Gignac dès 7 h aujourd'hui");
    const SessionReply late = wait_reply(live, 2);
    REQUIRE(late.refusal);
    CHECK(late.refusal->reason == RefusalReason::NotApplicable);
    // Gignac until 19:00 tonight
    live.decide(3, ChangeHours{CentreRef::named("Gignac"), 2, 2, hours(9), hours(19)},
                EntrySource::Decision, "référent SSE", "Gignac jusqu'à 19 h ce soir");
    const SessionReply tonight = wait_reply(live, 3);
    if (tonight.refusal) MESSAGE(describe_refusal(*tonight.refusal, "en"));
    CHECK_FALSE(tonight.refusal);

    const JournalReadResult jr = read_journal(journal);
    REQUIRE(jr.journal);
    int hours_entries = 0;
    for (const JournalEntry& e : jr.journal->entries)
        if (e.change && std::holds_alternative<ChangeHours>(*e.change)) {
            ++hours_entries;
            CHECK(e.author == "référent SSE");
        }
    CHECK(hours_entries == 3);

    live.play();
    f = wait_for(live, [](const LiveFrame& fr) { return fr.status == LiveStatus::Done; });
    REQUIRE(f->results);
    write_outputs(*in.scenario, *f->results, dir.path() / "live");
    const fs_path out = dir.path() / "replayed";
    const Outcome o = run_cli({"exercise", "replay", in.world_file.string(), in.plan_file.string(),
                               journal.string(), "--out", out.string(), "--quiet"},
                              dir.path());
    REQUIRE_MESSAGE(o.exit_code == 0, o.err);
    for (const auto& e : std::filesystem::directory_iterator(dir.path() / "live"))
        CHECK_MESSAGE(read_text(out / e.path().filename()) == read_text(e.path()),
                      e.path().filename().string());
}
