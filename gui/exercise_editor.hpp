#pragma once
// The exercise editor (issue 10 §1): the chronogramme of an exercise.toml edited in the GUI.
// Scripted injects on a timeline, conditional injects (triggers), the texts for the players
// and the notes for the animators, the objectives with the observations the evaluators look
// for. A facilitator may start from the shipped stress library. Saving writes exercise.toml
// atomically, and only a file that `riposte check` accepts (it is read back and checked against
// the scenario first).
//
// Plain C++ over the public API (no ImGui, no SFML): the panel (panel_exercise_editor.cpp)
// draws it, and the tests drive the very functions its buttons call.
#include "i18n.hpp"
#include "snapshot.hpp"

#include "riposte/exercise.hpp"
#include "riposte/scenario.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace riposte::gui {

struct ExerciseEditor {
    std::filesystem::path file; ///< where "Enregistrer" writes
    Exercise exercise;
    bool open = false;   ///< the editor window is shown
    bool dirty = false;  ///< changed since the last save or load
    std::string problem; ///< why the last action was refused (diagnostics, one per line)
    std::string status;  ///< what the last action did ("enregistré : ...")

    enum class Block { None, Inject, Trigger, Objective };
    Block selected = Block::None;
    int index = -1; ///< the selected block in its list

    // the selected block's fields, as the form shows them
    std::array<char, 128> id{};
    std::array<char, 32> at{};        ///< inject: "J3 14:00"
    std::array<char, 256> when{};     ///< trigger: { queue_above = 40, for_minutes = 30 }
    std::array<char, 2048> change{};  ///< the change as TOML (kind = ..., its fields)
    std::array<char, 2048> text{};    ///< for the players (an objective: its text)
    std::array<char, 2048> notes{};   ///< for the animators
    std::array<char, 4096> observe{}; ///< objective: one observation per line
    std::array<char, 2048> checks{};  ///< objective: its [[objective.check]] blocks
    bool once = true;                 ///< trigger

    std::array<char, 256> name{};
    std::array<char, 2048> synopsis{};
    std::array<char, 512> path{};

    std::vector<std::filesystem::path> library; ///< the stress library's files
    int library_pick = 0;

    /// Where the timeline drew each scripted inject's marker (window pixels), for the tests.
    std::vector<std::array<float, 2>> marker_at;
    /// Where the conditional injects' lane drew each trigger's marker (its earliest firing).
    std::vector<std::array<float, 2>> trigger_at;
    /// Where a few widgets of the form were drawn (x, y, w, h in window pixels), by name:
    /// "threshold", "apply", "save" (the scripted-input tests click there).
    std::vector<std::pair<std::string, std::array<float, 4>>> widget_at;

    bool advanced = false; ///< the change is shown as TOML text instead of its form

    /// Undo/redo (Ctrl+Z / Ctrl+Y): snapshots of the document before each edit, bounded.
    struct State {
        Exercise exercise;
        Block selected = Block::None;
        int index = -1;
    };
    std::vector<State> undo, redo;
    static constexpr std::size_t undo_limit = 200;
};

/// The window in which a trigger can fire: from its earliest possible moment (its date for
/// `at`; the first opening of a centre it is read at, plus how long the queue must last, for a
/// queue; the first opening for a stock) to the end of the run. Without a scenario: from J0.
struct TriggerWindow {
    SimTime earliest, end;
};
TriggerWindow trigger_window(const TriggeredInject& trigger, const Scenario* scenario, int n_days);

/// Records the current document on the undo stack (before an edit) and clears the redo stack.
/// The editing functions below call it themselves.
void editor_checkpoint(ExerciseEditor& ed);
/// Undo / redo the last edit (false when there is none). The form shows the restored block.
bool editor_undo(ExerciseEditor& ed);
bool editor_redo(ExerciseEditor& ed);

/// Takes the name and synopsis fields into the exercise (one undoable edit when they changed).
void editor_set_meta(ExerciseEditor& ed);

/// The shipped stress library (scenarios/stress/*.toml), sorted by name.
std::vector<std::filesystem::path> stress_library();

/// Opens `file` in the editor: read when it exists (with its diagnostics in `problem` when it
/// does not read), else a new exercise named after the file. The first scripted inject, if any,
/// is selected.
void editor_open(ExerciseEditor& ed, const std::filesystem::path& file);

/// Adds a library file's injects, triggers and objectives to the exercise (ids already used
/// get a suffix, "-2", "-3"...). False with `problem` when the file does not read.
bool editor_add_from_library(ExerciseEditor& ed, const std::filesystem::path& file);

/// Selects a block and fills the form's fields from it.
void editor_select(ExerciseEditor& ed, ExerciseEditor::Block block, int index);

/// Applies the form's fields to the selected block, read back as the file reader reads them
/// (so that each mistake is reported with its line and how to fix it). `scenario` (may be
/// null) also checks the names. False with `problem` when it does not read: nothing changes.
bool editor_apply(ExerciseEditor& ed, const Scenario* scenario, Lang lang = Lang::Fr);

/// Adds a block (selected, with example values) / removes the selected one.
void editor_add(ExerciseEditor& ed, ExerciseEditor::Block block, SimTime at);
void editor_remove(ExerciseEditor& ed);

/// Writes the exercise to `ed.file` atomically, after reading the text back and checking it
/// against `scenario` (may be null): only a file `riposte check` accepts is written. False
/// with `problem` otherwise (the file is untouched).
bool editor_save(ExerciseEditor& ed, const Scenario* scenario, Lang lang = Lang::Fr);

/// The editor's window (ImGui; panel_exercise_editor.cpp).
void draw_exercise_editor(const Snapshot& snapshot, ExerciseEditor& ed, Lang lang);

} // namespace riposte::gui
