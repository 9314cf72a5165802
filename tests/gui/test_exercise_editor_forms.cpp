// The exercise editor's undo/redo over its document, the conditional injects' place on the
// timeline, and an edit made as a person makes it: a click on a conditional inject's marker in
// the timeline's lane, its threshold typed in the condition's form, applied, undone and redone
// with Ctrl+Z / Ctrl+Y, saved with the button (scripted SFML input through the project's own
// glue); `riposte check` accepts the saved file.
#include "../cli_process.hpp"
#include "app.hpp"
#include "exercise_editor.hpp"

#include "riposte/exercise_loader.hpp"
#include "riposte/exercise_toml.hpp"
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <functional>

using namespace riposte;
using namespace riposte::gui;
namespace fs = std::filesystem;

namespace {

const fs::path herault_dir = fs::path{RIPOSTE_SCENARIO_DIR} / "centre-herault";

const Scenario& herault() {
    static const Scenario sc = [] {
        LoadResult r = load_scenario(default_world_file(), default_plan_file());
        REQUIRE(r.scenario);
        return std::move(*r.scenario);
    }();
    return sc;
}

template <std::size_t N> void put(std::array<char, N>& buf, const std::string& s) {
    REQUIRE(s.size() < N);
    std::memcpy(buf.data(), s.data(), s.size());
    buf[s.size()] = '\0';
}

std::string doc(const ExerciseEditor& ed) {
    return exercise_to_toml(ed.exercise);
}

} // namespace

TEST_CASE("exercise editor: undo and redo walk back and forth over every kind of edit") {
    riposte::test::TempDir dir;
    const fs::path file = dir.path() / "hiver.toml";
    fs::copy_file(herault_dir / "exercise-hiver.toml", file);
    ExerciseEditor ed;
    editor_open(ed, file);
    REQUIRE(ed.problem.empty());
    CHECK(ed.undo.empty());
    CHECK_FALSE(editor_undo(ed));
    std::vector<std::string> states{doc(ed)};

    editor_add(ed, ExerciseEditor::Block::Inject, days(2) + hours(10)); // 1: a new inject
    states.push_back(doc(ed));
    editor_select(ed, ExerciseEditor::Block::Trigger, 0); // 2: a trigger's threshold
    put(ed.when, "{ queue_above = 55, for_minutes = 30, centre = \"*\" }");
    REQUIRE_MESSAGE(editor_apply(ed, &herault()), ed.problem);
    CHECK(ed.exercise.triggers[0].when.threshold == 55);
    states.push_back(doc(ed));
    put(ed.when, "{ queue_above = \"beaucoup\" }"); // refused: no undo step
    CHECK_FALSE(editor_apply(ed, &herault()));
    CHECK(ed.undo.size() == 2);
    editor_select(ed, ExerciseEditor::Block::Objective, 0); // 3: an objective removed
    editor_remove(ed);
    states.push_back(doc(ed));
    put(ed.name, "Hiver (révisé)"); // 4: the name
    editor_set_meta(ed);
    editor_set_meta(ed); // unchanged: no step
    states.push_back(doc(ed));
    fs::path fridge;
    for (const fs::path& p : ed.library)
        if (p.filename() == "fridge-failure.toml") fridge = p;
    REQUIRE(editor_add_from_library(ed, fridge)); // 5: from the library
    states.push_back(doc(ed));
    REQUIRE(ed.undo.size() == 5);

    for (std::size_t k = states.size() - 1; k > 0; --k) {
        REQUIRE(editor_undo(ed));
        CHECK(doc(ed) == states[k - 1]);
    }
    CHECK_FALSE(editor_undo(ed));
    CHECK(std::string(ed.name.data()) == ed.exercise.name); // the fields follow
    for (std::size_t k = 1; k < states.size(); ++k) {
        REQUIRE(editor_redo(ed));
        CHECK(doc(ed) == states[k]);
    }
    CHECK_FALSE(editor_redo(ed));
    CHECK(std::string(ed.name.data()) == "Hiver (révisé)");

    // a new edit after an undo drops what could be redone
    REQUIRE(editor_undo(ed));
    editor_add(ed, ExerciseEditor::Block::Trigger, {});
    CHECK(ed.redo.empty());
    // bounded: the oldest steps go
    for (int k = 0; k < 250; ++k) editor_add(ed, ExerciseEditor::Block::Objective, {});
    CHECK(ed.undo.size() == ExerciseEditor::undo_limit);

    // what was undone to is what is saved, and riposte check accepts it
    while (editor_undo(ed)) {
    }
    REQUIRE_MESSAGE(editor_save(ed, &herault()), ed.problem);
    const auto check = riposte::test::run_cli(
        {"check", herault_dir.string(), "--exercise", file.string()}, dir.path());
    CHECK_MESSAGE(check.exit_code == 0, check.err);
}

TEST_CASE("exercise editor: a conditional inject's window on the timeline") {
    const Scenario& sc = herault();
    TriggeredInject t;
    t.when.kind = Condition::Kind::At;
    t.when.at = days(3) + hours(14);
    TriggerWindow w = trigger_window(t, &sc, sc.world.days);
    CHECK(w.earliest == days(3) + hours(14));
    // a queue read at Gignac: Gignac's first opening (day 0 is a Monday) plus the 30 minutes
    t.when.kind = Condition::Kind::QueueAbove;
    t.when.for_time = minutes(30);
    t.when.centre = CentreRef::named("Gignac");
    const Centre& gignac = sc.plan.centres[sc.plan.find_centre("Gignac").index()];
    int first = 0;
    while (!gignac.open_on(first, sc.world.start_weekday)) ++first;
    w = trigger_window(t, &sc, sc.world.days);
    CHECK(w.earliest == days(first) + gignac.opens + minutes(30));
    CHECK(w.end == days(sc.world.days));
    // a stock read anywhere: the first opening of any centre
    t.when.kind = Condition::Kind::StockBelowDays;
    t.when.centre = CentreRef::all();
    SimTime earliest = SimTime::max();
    for (const Centre& c : sc.plan.centres)
        for (int d = 0; d < sc.world.days; ++d)
            if (c.open_on(d, sc.world.start_weekday)) {
                earliest = std::min(earliest, days(d) + (c.continuous ? SimTime{} : c.opens));
                break;
            }
    CHECK(trigger_window(t, &sc, sc.world.days).earliest == earliest);
}

namespace {

using Clock = std::chrono::steady_clock;

bool frames_until(App& app, const std::function<bool()>& ok, double seconds = 30) {
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
        if (!app.frame()) return false;
        if (ok()) return true;
    }
    return false;
}

void click(App& app, float fx, float fy) {
    const int x = static_cast<int>(fx), y = static_cast<int>(fy);
    sf::Event move{};
    move.type = sf::Event::MouseMoved;
    move.mouseMove = {x, y};
    app.inject_event(move);
    REQUIRE(app.frame());
    sf::Event press{};
    press.type = sf::Event::MouseButtonPressed;
    press.mouseButton = {sf::Mouse::Left, x, y};
    app.inject_event(press);
    sf::Event release = press;
    release.type = sf::Event::MouseButtonReleased;
    app.inject_event(release);
    for (int i = 0; i < 3; ++i) REQUIRE(app.frame());
}

void key(App& app, sf::Keyboard::Key code, bool control) {
    sf::Event e{};
    e.type = sf::Event::KeyPressed;
    if (control) {
        e.key.code = sf::Keyboard::LControl;
        app.inject_event(e);
    }
    e.key.code = code;
    e.key.control = control;
    app.inject_event(e);
    REQUIRE(app.frame());
    e.type = sf::Event::KeyReleased;
    app.inject_event(e);
    if (control) {
        e.key.code = sf::Keyboard::LControl;
        app.inject_event(e);
    }
    for (int i = 0; i < 2; ++i) REQUIRE(app.frame());
}

void type(App& app, const std::string& text) {
    for (char c : text) {
        sf::Event e{};
        e.type = sf::Event::TextEntered;
        e.text.unicode = static_cast<sf::Uint32>(c);
        app.inject_event(e);
        REQUIRE(app.frame());
    }
}

/// Tries an input again when its effect is not seen: another test's window opening on the same
/// X display can take the focus, and a window that loses the focus forgets the button held
/// down or the field being edited.
bool until(App& app, const std::function<void()>& input, const std::function<bool()>& done) {
    for (int attempt = 0; attempt < 5; ++attempt) {
        input();
        for (int i = 0; i < 3 && !done(); ++i) REQUIRE(app.frame());
        if (done()) return true;
    }
    return false;
}

std::array<float, 4> rect(const ExerciseEditor& ed, const std::string& name) {
    for (const auto& w : ed.widget_at)
        if (w.first == name) return w.second;
    FAIL("no widget " << name);
    return {};
}

} // namespace

TEST_CASE("exercise editor window: a conditional inject edited on the timeline, undone, redone "
          "and saved through scripted input") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                    "needs an X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
    riposte::test::TempDir dir;
    const fs::path file = dir.path() / "hiver.toml";
    fs::copy_file(herault_dir / "exercise-hiver.toml", file);
    GuiOptions options;
    options.width = 1600;
    options.height = 1000;
    options.edit_exercise = file;
    App app(options);
    REQUIRE_FALSE(app.open().has_value());
    // only the editor over the map (a layout remembered from another session may have shown
    // other windows over it)
    UiState& ui = app.ui();
    ui.show_scenario = ui.show_run = ui.show_charts = ui.show_legend = false;
    ui.show_centre = ui.show_compare = ui.show_validation = ui.show_editor = false;
    ui.show_load_problems = false;
    ExerciseEditor& ed = app.editor();
    REQUIRE(frames_until(app, [&] { return ed.open && !ed.trigger_at.empty(); }));
    REQUIRE(ed.exercise.triggers.size() >= 2);
    const double threshold = ed.exercise.triggers[0].when.threshold;
    CHECK(threshold == 40);
    // the lane draws conditional injects apart from the scripted ones: below their markers
    for (const auto& m : ed.marker_at) CHECK(ed.trigger_at[0][1] > m[1]);

    // a click on the first conditional inject's diamond selects it
    REQUIRE(until(
        app, [&] { click(app, ed.trigger_at[0][0], ed.trigger_at[0][1]); },
        [&] { return ed.selected == ExerciseEditor::Block::Trigger && ed.index == 0; }));
    // its threshold typed in the condition's form, then applied
    REQUIRE(until(
        app,
        [&] {
            const auto field = rect(ed, "threshold");
            click(app, field[0] + field[2] / 2, field[1] + field[3] / 2);
            key(app, sf::Keyboard::A, true); // select all
            type(app, "55");
            const auto apply = rect(ed, "apply");
            click(app, apply[0] + apply[2] / 2, apply[1] + apply[3] / 2);
        },
        [&] { return ed.exercise.triggers[0].when.threshold == 55; }));
    CHECK(ed.problem.empty());
    CHECK(ed.dirty);

    // Ctrl+Z undoes it, Ctrl+Y brings it back
    REQUIRE(until(
        app, [&] { key(app, sf::Keyboard::Z, true); },
        [&] { return ed.exercise.triggers[0].when.threshold == threshold; }));
    REQUIRE(until(
        app, [&] { key(app, sf::Keyboard::Y, true); },
        [&] { return ed.exercise.triggers[0].when.threshold == 55; }));

    // saved with the button: riposte check accepts the file, which reads back with it
    REQUIRE(until(
        app,
        [&] {
            const auto save = rect(ed, "save");
            click(app, save[0] + save[2] / 2, save[1] + save[3] / 2);
        },
        [&] { return !ed.dirty; }));
    CHECK_MESSAGE(ed.problem.empty(), ed.problem);
    const auto check = riposte::test::run_cli(
        {"check", herault_dir.string(), "--exercise", file.string()}, dir.path());
    CHECK_MESSAGE(check.exit_code == 0, check.err);
    const ExerciseLoadResult back = load_exercise(file);
    REQUIRE(back.exercise);
    CHECK(back.exercise->triggers[0].when.threshold == 55);
    app.close();
}
