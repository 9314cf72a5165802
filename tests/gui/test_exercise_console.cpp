// An exercise session in the dashboard, in real windows (Xvfb in CI): the facilitator console
// and the players' screen (a second SFML window with its own ImGui context) over the default
// scenario and scenarios/centre-herault/exercise.toml. An inject is fired from the console, a
// decision is taken through the players' form (the code its "Décider" button runs), the journal
// has both, the main courante shows them, the players never see a controller note nor an
// upcoming inject; `riposte exercise replay` accepts the journal the dashboard wrote.
#include "../cli_process.hpp"
#include "app.hpp"
#include "decision_form.hpp"

#include "riposte/exercise_loader.hpp"
#include "riposte/journal.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <unistd.h>

using namespace riposte;
using namespace riposte::gui;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool frames_until(App& app, const std::function<bool(const LiveFrame&)>& ok, double seconds = 60) {
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
        if (!app.frame()) return false;
        if (ok(*app.last_snapshot().frame)) return true;
    }
    return false;
}

const SessionReply* reply(const App& app, std::uint64_t request) {
    return find_reply(*app.last_snapshot().frame, request);
}

/// Clicks the form's "Décider" button in the players' window as window events through the
/// project's SFML → ImGui glue, and returns the request the form sent (0: the click was never
/// seen). A click is tried again when it was not seen within a few frames: another test's
/// window opening on the same X display can take the focus, and a window that loses the focus
/// forgets the mouse button held down.
std::uint64_t click_decide(App& app, PlayersWindow& players, DecisionForm& form) {
    const std::uint64_t before = form.sent;
    for (int attempt = 0; attempt < 5 && form.sent == before; ++attempt) {
        for (int i = 0; i < 3; ++i)
            if (!app.frame()) return 0; // the form is drawn with its fields
        if (form.submit_at[0] <= 0) continue;
        const int x = static_cast<int>(form.submit_at[0]), y = static_cast<int>(form.submit_at[1]);
        sf::Event move{};
        move.type = sf::Event::MouseMoved;
        move.mouseMove = {x, y};
        players.inject_event(move);
        if (!app.frame()) return 0; // ImGui sees the pointer over the button
        sf::Event press{};
        press.type = sf::Event::MouseButtonPressed;
        press.mouseButton = {sf::Mouse::Left, x, y};
        players.inject_event(press);
        sf::Event release = press;
        release.type = sf::Event::MouseButtonReleased;
        players.inject_event(release);
        for (int i = 0; i < 4 && form.sent == before; ++i)
            if (!app.frame()) return 0;
    }
    return form.sent == before ? 0 : form.sent;
}

/// Saves what a window shows (for docs/img and the artefacts folder).
void save_window(sf::RenderWindow& window, const fs::path& file) {
    sf::Texture t;
    if (!t.create(window.getSize().x, window.getSize().y)) return;
    t.update(window);
    (void)t.copyToImage().saveToFile(file.string());
}

} // namespace

TEST_CASE("exercise console: fire an inject, decide from the players' form, journal and main "
          "courante") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                    "needs an X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
    const fs::path dir =
        fs::temp_directory_path() / ("riposte-console-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path exercise_file =
        fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault" / "exercise.toml";
    const ExerciseLoadResult ex = load_exercise(exercise_file);
    REQUIRE(ex.exercise);

    GuiOptions options;
    options.width = 1600;
    options.height = 1000;
    options.exercise = exercise_file;
    options.journal = dir / "seance.journal.toml";
    App app(options);
    REQUIRE_FALSE(app.open().has_value());
    REQUIRE(frames_until(app, [](const LiveFrame& f) {
        return f.status == LiveStatus::Paused && f.session != nullptr;
    }));
    REQUIRE(app.players() != nullptr); // the players' window is open beside the console
    const auto& session = *app.last_snapshot().frame->session;
    CHECK(session.journal == options.journal);
    CHECK(session.pause_at_injects);
    REQUIRE(session.upcoming.size() == ex.exercise->injects.size());

    // the players see no message yet: upcoming injects are never shown to them
    CHECK(app.players()->ui().shown.empty());

    // the console: run to the next inject (it pauses there), then fire the press call now
    app.command(JumpTo{session.upcoming.front().at});
    REQUIRE(frames_until(app, [](const LiveFrame& f) {
        return f.status == LiveStatus::Paused && f.state.now >= SimTime{} + hours(24 + 7);
    }));
    const std::uint64_t fire = app.ui().next_request++;
    app.command(InjectAction{InjectAction::Kind::FireNow, fire, "press", {}, {}, "animateur"});
    REQUIRE(frames_until(app, [&](const LiveFrame&) { return reply(app, fire) != nullptr; }));
    CHECK(reply(app, fire)->journaled);

    // the players' form: 60 doses from Gignac to Lodève, "décidé par" the SSE referent
    PlayersWindow& players = *app.players();
    const Scenario& sc = *app.last_snapshot().loaded->scenario;
    DecisionForm& form = players.ui().decision;
    form.kind = DecisionForm::Reallocate;
    form.centre = sc.plan.find_centre("Gignac").value();
    form.centre_to = sc.plan.find_centre("Lodève").value();
    form.doses = 60;
    const std::string author = "référent SSE";
    std::copy(author.begin(), author.end(), form.author.begin());
    // a click on "Décider", as window events through the project's SFML → ImGui glue
    const std::uint64_t decided = click_decide(app, players, form);
    REQUIRE_MESSAGE(decided != 0, "the click on the form's button was not seen");
    Commands commands;
    REQUIRE(frames_until(app, [&](const LiveFrame&) { return reply(app, decided) != nullptr; }));
    CHECK(reply(app, decided)->journaled);
    CHECK_FALSE(reply(app, decided)->refusal);

    // the move-staff form, clicked the same way: "3 infirmiers de Clermont-l'Hérault à
    // Gignac" at J1 07:00, before Clermont-l'Hérault opens (08:30): nobody is on site to move,
    // so the engine refuses, and the form says why
    form.kind = DecisionForm::MoveStaff;
    form.centre = sc.plan.find_centre("Clermont-l'Hérault").value();
    form.centre_to = sc.plan.find_centre("Gignac").value();
    form.profession = sc.world.find_profession("infirmier").value();
    form.people = 3;
    const std::uint64_t moved = click_decide(app, players, form);
    REQUIRE_MESSAGE(moved != 0, "the click on the move-staff form was not seen");
    REQUIRE(frames_until(app, [&](const LiveFrame&) { return reply(app, moved) != nullptr; }));
    REQUIRE(reply(app, moved)->refusal);
    CHECK(describe_refusal(*reply(app, moved)->refusal, "fr").find("infirmier") !=
          std::string::npos);
    CHECK(reply(app, moved)->journaled); // journaled as refused
    form.kind = DecisionForm::Reallocate;
    form.centre = sc.plan.find_centre("Gignac").value();
    form.centre_to = sc.plan.find_centre("Lodève").value();

    // a decision the engine refuses: the form gets the reason in French; it is journaled as
    // refused (never applied), and the players' messages leave it out
    form.doses = 10'000'000;
    commands.queue.clear();
    REQUIRE(submit_decision(form, sc, Lang::Fr, app.ui().next_request, commands));
    for (Command& c : commands.queue) app.command(std::move(c));
    const std::uint64_t refused = form.sent;
    REQUIRE(frames_until(app, [&](const LiveFrame&) { return reply(app, refused) != nullptr; }));
    REQUIRE(reply(app, refused)->refusal);
    CHECK_FALSE(describe_refusal(*reply(app, refused)->refusal, "fr").empty());
    CHECK(reply(app, refused)->journaled);
    for (int i = 0; i < 5; ++i) REQUIRE(app.frame());

    // the journal file has the fired inject and the decision with its author
    const std::string journal = read_file(options.journal);
    CHECK(journal.find("inject_id = \"press\"") != std::string::npos);
    CHECK(journal.find("kind = \"reallocate_doses\"") != std::string::npos);
    CHECK(journal.find("author = \"référent SSE\"") != std::string::npos);
    CHECK(journal.find("doses = 10000000") != std::string::npos);
    CHECK(journal.find("refused = true") != std::string::npos);
    CHECK(journal.find("kind = \"move_staff\"") != std::string::npos);

    // the main courante (the facilitator's) shows them, stamped with the simulated time
    const auto& course = app.last_snapshot().frame->session->course;
    bool has_press = false, has_decision = false, has_refusal = false;
    for (const CourseLine& l : course) {
        has_press |= l.entry.inject_id == "press" && l.entry.source == EntrySource::ScriptedFired;
        has_decision |= l.journaled && l.entry.author == author && l.entry.change &&
                        std::holds_alternative<ReallocateDoses>(*l.entry.change);
        has_refusal |= l.journaled && l.entry.refused && l.entry.change &&
                       std::holds_alternative<ReallocateDoses>(*l.entry.change);
    }
    CHECK(has_press);
    CHECK(has_decision);
    CHECK(has_refusal);

    // the players' screen: the press message and the decision, never a controller note, never
    // an upcoming inject's text, never a refused attempt
    const auto& shown = players.ui().shown;
    bool players_press = false;
    for (const std::string& line : shown) {
        players_press |= line.find("Midi Libre") != std::string::npos;
        for (const ScriptedInject& in : ex.exercise->injects) {
            if (!in.notes.empty()) CHECK_MESSAGE(line.find(in.notes) == std::string::npos, line);
            if (in.id == "fridge" || in.id == "it-outage")
                CHECK_MESSAGE(line.find(in.text) == std::string::npos, line);
        }
        CHECK(line.find("10000000") == std::string::npos);
    }
    CHECK(players_press);
    CHECK(shown.size() >= 2);

    // pictures for the docs (and the test's artefacts)
    const fs::path artefacts = RIPOSTE_GUI_ARTIFACTS;
    fs::create_directories(artefacts);
    REQUIRE(app.frame(false)); // both back buffers hold the frame: read before display
    save_window(*app.window(), artefacts / "exercise_console.png");
    save_window(*app.players()->window(), artefacts / "exercise_players.png");
    // the main courante, filled while the session ran: no text cut off (its columns fit what
    // came into them after they first showed empty)
    const LayoutAudit audit = app.audit_last_frame();
    int course_texts = 0;
    for (const auto& [panel, n] : audit.texts_per_panel)
        if (panel == "course") course_texts = n;
    CHECK(course_texts >= 10);
    for (const LayoutProblem& p : audit.problems) {
        const std::string what = "cut or overlapping in the main courante: " + p.text;
        CHECK_MESSAGE(p.panel != "course", what);
    }
    app.close();

    // riposte exercise replay follows the journal the dashboard wrote
    const std::string cmd =
        std::string{RIPOSTE_CLI} + " exercise replay \"" +
        (fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault" / "world.toml").string() + "\" \"" +
        (fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault" / "plan.toml").string() + "\" \"" +
        options.journal.string() + "\" --quiet";
    CHECK(std::system(cmd.c_str()) == 0);

    // reopened on its journal, the dashboard resumes the session where it stopped
    const std::size_t entries = read_journal(options.journal).journal->entries.size();
    GuiOptions again = options;
    again.players_window = false;
    App resumed(again);
    REQUIRE_FALSE(resumed.open().has_value());
    REQUIRE(frames_until(resumed, [&](const LiveFrame& f) {
        return f.status == LiveStatus::Paused && f.session && f.session->course.size() == entries;
    }));
    CHECK(resumed.last_snapshot().frame->state.now == SimTime{} + hours(24 + 7));
    CHECK(resumed.journal() == options.journal);
    resumed.close();
    fs::remove_all(dir);
}

TEST_CASE("exercise console: the dashboard killed (SIGKILL) at random moments resumes to the "
          "uninterrupted session's journal, byte for byte") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                    "needs an X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
    riposte::test::TempDir dir;
    const fs::path exercise_file =
        fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault" / "exercise.toml";
    // the session plays to its end on its own (no pause at the injects), then the dashboard
    // saves a picture and exits
    auto args = [&](const fs::path& journal) {
        return std::vector<std::string>{"--exercise",
                                        exercise_file.string(),
                                        "--journal",
                                        journal.string(),
                                        "--run",
                                        "--no-pause-at-injects",
                                        "--no-players",
                                        "--size",
                                        "640x480",
                                        "--frames",
                                        "1",
                                        "--screenshot",
                                        (dir.path() / "end.png").string()};
    };
    const fs::path ref = dir.path() / "ref.journal.toml";
    const auto started = Clock::now();
    const auto whole = riposte::test::CliProcess(RIPOSTE_GUI, args(ref), dir.path())
                           .finish_within(std::chrono::seconds(180));
    REQUIRE_MESSAGE(whole.exit_code == 0, whole.err);
    // the kills fall anywhere in a session as long as this one; the fastest session seen so
    // far is the measure (a first start can be slow when other tests load the machine)
    auto lasted =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    const std::string expected = read_file(ref);
    const JournalReadResult ref_j = read_journal(ref);
    REQUIRE(ref_j.journal);
    CHECK(ref_j.journal->entries.size() >= 4); // the scripted injects, fired and journaled

    std::mt19937 rng(20261130);
    int killed = 0;
    for (int k = 0; k < 8; ++k) {
        const fs::path journal = dir.path() / ("kill" + std::to_string(k) + ".journal.toml");
        const auto t0 = Clock::now();
        riposte::test::CliProcess first(RIPOSTE_GUI, args(journal), dir.path());
        const auto wait = std::chrono::milliseconds(
            std::uniform_int_distribution<long>(lasted / 5, lasted * 19 / 20)(rng));
        if (first.finish_within(wait).timed_out)
            ++killed; // SIGKILL
        else          // it ran to its end sooner: a shorter session to aim the next kills at
            lasted = std::min<long>(
                lasted,
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count());
        // killed before the journal's header was complete: nothing was journaled, start again
        std::error_code ec;
        if (fs::exists(journal, ec) && !read_journal(journal).journal) fs::remove(journal);
        // reopened on the same journal, the session resumes and plays on to its end
        const auto second = riposte::test::CliProcess(RIPOSTE_GUI, args(journal), dir.path())
                                .finish_within(std::chrono::seconds(180));
        REQUIRE_MESSAGE(second.exit_code == 0, "kill point " << k << ": " << second.err);
        CHECK_MESSAGE(read_file(journal) == expected, "kill point " << k);
    }
    MESSAGE(killed << " of 8 dashboards killed mid-session (a session lasts " << lasted << " ms)");
    CHECK(killed >= 3);
}

TEST_CASE("exercise console: the shipped winter exercise runs to its end from the dashboard") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                    "needs an X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
    riposte::test::TempDir dir;
    const fs::path exercise_file =
        fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault" / "exercise-hiver.toml";
    const ExerciseLoadResult ex = load_exercise(exercise_file);
    REQUIRE(ex.exercise);
    const fs::path journal = dir.path() / "hiver.journal.toml";
    const auto run = riposte::test::CliProcess(
                         RIPOSTE_GUI,
                         {"--exercise", exercise_file.string(), "--journal", journal.string(),
                          "--run", "--no-pause-at-injects", "--no-players", "--size", "640x480",
                          "--frames", "1", "--screenshot", (dir.path() / "end.png").string()},
                         dir.path())
                         .finish_within(std::chrono::seconds(240));
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const JournalReadResult j = read_journal(journal);
    REQUIRE(j.journal);
    // every scripted inject fired, journaled, and applied by the engine (none refused)
    for (const ScriptedInject& in : ex.exercise->injects) {
        bool fired = false;
        for (const JournalEntry& e : j.journal->entries)
            if (e.source == EntrySource::ScriptedFired && e.inject_id == in.id) {
                fired = true;
                CHECK_MESSAGE(!e.refused, in.id << ": " << e.refusal);
            }
        CHECK_MESSAGE(fired, in.id);
    }
    CHECK(fs::file_size(dir.path() / "end.png") > 1000);
}
