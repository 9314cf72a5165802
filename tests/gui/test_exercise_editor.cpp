// The exercise editor's logic (gui/exercise_editor.hpp: the code its buttons run), headless:
// start from the stress library, edit a scripted inject, a trigger and an objective with its
// observations, refuse what does not read (with the reason, nothing changed), and save an
// exercise.toml that reads back and that riposte check accepts; a file that would not check is
// not written.
#include "../cli_process.hpp"
#include "exercise_editor.hpp"

#include "riposte/exercise_loader.hpp"
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <cstring>

using namespace riposte;
using namespace riposte::gui;
namespace fs = std::filesystem;

namespace {

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

} // namespace

TEST_CASE("exercise editor: from the stress library to a saved exercise.toml riposte accepts") {
    riposte::test::TempDir dir;
    const fs::path file = dir.path() / "mon-exercice.toml";
    ExerciseEditor ed;
    editor_open(ed, file);
    CHECK(ed.open);
    CHECK(ed.exercise.name == "mon-exercice");
    CHECK(ed.exercise.injects.empty());
    REQUIRE(ed.library.size() >= 5);

    // start from two library cases; the same one twice gets its ids suffixed
    fs::path fridge;
    for (const fs::path& p : ed.library)
        if (p.filename() == "fridge-failure.toml") fridge = p;
    REQUIRE_FALSE(fridge.empty());
    REQUIRE(editor_add_from_library(ed, fridge));
    REQUIRE(editor_add_from_library(ed, fridge));
    REQUIRE(ed.exercise.injects.size() == 2);
    CHECK(ed.exercise.injects[0].id == "fridge-failure");
    CHECK(ed.exercise.injects[1].id == "fridge-failure-2");
    CHECK(ed.exercise.triggers.size() == 2);
    CHECK(ed.exercise.objectives.size() == 2);
    CHECK(ed.dirty);

    // edit the second inject: another time, a named centre, texts for players and animators
    editor_select(ed, ExerciseEditor::Block::Inject, 1);
    CHECK(std::string(ed.id.data()) == "fridge-failure-2");
    put(ed.id, "frigo-lodeve");
    put(ed.at, "J1 07:30");
    put(ed.change, "kind = \"cold_chain_failure\"\ncentre = \"Lodève\"\n");
    put(ed.text, "Le réfrigérateur de Lodève est en panne.");
    put(ed.notes, "Attendu : réallocation de doses.");
    REQUIRE_MESSAGE(editor_apply(ed, &herault()), ed.problem);
    // kept in time order: it now comes first, and stays selected
    CHECK(ed.exercise.injects[0].id == "frigo-lodeve");
    CHECK(ed.index == 0);
    CHECK(ed.exercise.injects[0].at == days(1) + hours(7) + minutes(30));
    CHECK(ed.exercise.injects[0].notes == "Attendu : réallocation de doses.");

    // a centre the plan does not have: refused with the reason, nothing changes
    put(ed.change, "kind = \"cold_chain_failure\"\ncentre = \"Atlantis\"\n");
    CHECK_FALSE(editor_apply(ed, &herault()));
    CHECK(ed.problem.find("Atlantis") != std::string::npos);
    CHECK(ed.exercise.injects[0].change == Change{ColdChainFailure{CentreRef::named("Lodève")}});
    // a time that does not read: refused, where it goes wrong
    put(ed.change, "kind = \"cold_chain_failure\"\ncentre = \"Lodève\"\n");
    put(ed.at, "J1 25:00");
    CHECK_FALSE(editor_apply(ed, &herault()));
    CHECK_FALSE(ed.problem.empty());
    // an id already used by another block
    editor_select(ed, ExerciseEditor::Block::Inject, 0);
    put(ed.id, "fridge-failure");
    CHECK_FALSE(editor_apply(ed, &herault()));
    CHECK(ed.problem.find("déjà utilisé") != std::string::npos);
    CHECK_FALSE(editor_apply(ed, &herault(), Lang::En)); // the interface's language
    CHECK(ed.problem.find("already used") != std::string::npos);

    // a conditional inject: a line of reserve nurses when the queue holds
    editor_add(ed, ExerciseEditor::Block::Trigger, days(1) + hours(9));
    put(ed.when, "{ queue_above = 30, for_minutes = 20, centre = \"Gignac\" }");
    put(ed.change, "kind = \"add_line\"\nrole = \"injection\"\npeople = 2\nfor = \"4h\"\n"
                   "reserve = true\n");
    put(ed.text, "Renfort de la réserve à Gignac.");
    REQUIRE_MESSAGE(editor_apply(ed, &herault()), ed.problem);
    const TriggeredInject& tr = ed.exercise.triggers.back();
    CHECK(tr.when.threshold == 30);
    CHECK(std::get<AddLine>(tr.change).until == hours(4)); // an offset from the firing

    // an objective with the evaluators' observations, one per line
    editor_add(ed, ExerciseEditor::Block::Objective, {});
    put(ed.id, "communication");
    put(ed.text, "Informer les mairies");
    put(ed.observe, "Un message aux mairies est tracé\n\nUn porte-parole unique\n");
    put(ed.checks, "");
    REQUIRE_MESSAGE(editor_apply(ed, &herault()), ed.problem);
    const Objective& o = ed.exercise.objectives.back();
    CHECK(o.observations ==
          std::vector<std::string>{"Un message aux mairies est tracé", "Un porte-parole unique"});
    CHECK(o.checks.empty());

    // save: written atomically, reads back equal, riposte check accepts it
    put(ed.name, "Exercice d'essai");
    REQUIRE_MESSAGE(editor_save(ed, &herault()), ed.problem);
    CHECK_FALSE(ed.dirty);
    const ExerciseLoadResult back = load_exercise(file, herault());
    REQUIRE(back.exercise);
    CHECK(back.exercise->name == "Exercice d'essai");
    CHECK(back.exercise->injects.size() == ed.exercise.injects.size());
    CHECK(back.exercise->triggers.size() == ed.exercise.triggers.size());
    CHECK(back.exercise->objectives.back().observations == o.observations);
    const auto check = riposte::test::run_cli(
        {"check", (fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault").string(), "--exercise",
         file.string()},
        dir.path());
    CHECK_MESSAGE(check.exit_code == 0, check.err);

    // an exercise that would not check is not written: the file keeps what was saved
    const std::string saved = riposte::test::read_text(file);
    ed.exercise.injects[0].change = ColdChainFailure{CentreRef::named("Atlantis")};
    CHECK_FALSE(editor_save(ed, &herault()));
    CHECK(ed.problem.find("Atlantis") != std::string::npos);
    CHECK(riposte::test::read_text(file) == saved);

    // reopened, the editor shows what was saved
    ExerciseEditor again;
    editor_open(again, file);
    CHECK(again.problem.empty());
    CHECK(again.exercise.objectives.size() == 3);
    editor_select(again, ExerciseEditor::Block::Objective, 2);
    CHECK(std::string(again.observe.data()) ==
          "Un message aux mairies est tracé\nUn porte-parole unique\n");
}
