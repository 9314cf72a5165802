#pragma once
// Reading one change (`kind = "..."` and its fields) from a TOML table: the shape an exercise's
// [[inject]] and [[trigger]] and a journal's [[entry]] share (docs/exercise.md). Also the
// day-time and duration values those files use. sim/scenario only.
#include "toml_reader.hpp"

#include "riposte/exercise_loader.hpp"
#include "riposte/intervention.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace riposte::loader {

struct ChangeContext {
    /// The block's own moment (an inject's `at`, a journal entry's `at`): `for` durations and a
    /// missing AddLine `from` count from it. None: they are errors.
    std::optional<SimTime> at;
    /// A trigger's change: times are offsets from the firing (only `for` durations), and the
    /// centre may be the one concerned (the default when `centre` is left out).
    bool trigger = false;
    /// A journal's record: any value the writer may have written is read back (a refused
    /// change may hold values out of range, or times before its entry's).
    bool lenient = false;
    /// Names to check against a scenario later (may be null).
    std::vector<ExerciseName>* names = nullptr;
    /// Messages call the table this (e.g. "[[inject]] 'fridge'").
    std::string_view where;
};

/// Reads `kind` and the kind's keys from `r` (the caller reads its own keys and calls
/// r.finish()). Returns nothing after reporting an error.
std::optional<Change> read_change(TableReader& r, const ChangeContext& ctx);

/// A day-time value "J3 14:00" (docs/exercise.md).
std::optional<SimTime> read_day_time(TableReader& r, std::string_view key, bool required,
                                     std::string_view example = "\"J3 14:00\"");
std::optional<SimTime> to_day_time(const TomlFile& f, const toml::node& n, std::string_view what);

/// A centre selector value (a name, "*", or { largest | nearest_to | kind | name | concerned }).
std::optional<CentreRef> to_centre_ref(const TomlFile& f, const toml::node& n,
                                       std::string_view what, bool allow_concerned,
                                       std::vector<ExerciseName>* names, bool lenient = false);

} // namespace riposte::loader
