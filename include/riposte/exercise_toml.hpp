#pragma once
// An exercise written as exercise.toml (docs/exercise.md), for the exercise editor: the writer
// side of load_exercise. Every field the reader reads is written back, so that loading what
// was written gives the same exercise (a round trip, tested on every shipped exercise and
// stress case). Times of scripted injects are absolute ("J3 14:00"); a trigger's are durations
// from when it fires (`for = "4h"`), as the reader wants them.
#include "riposte/exercise.hpp"
#include "riposte/output.hpp"

#include <filesystem>
#include <string>

namespace riposte {

/// A duration as the `for` key reads it: "4h", "1d12h", "2h30min", "90s" (more than 0).
std::string format_duration(SimTime d);

/// The `when` value of a trigger: { queue_above = 40, for_minutes = 30, centre = "*" }, ...
std::string condition_to_toml(const Condition& c);

/// A trigger's change: as change_to_toml, with `until` written as `for` (the offset from the
/// firing) and AddLine's `from` left out (the line starts when it fires).
std::string trigger_change_to_toml(const Change& change);

/// The whole file: [exercise], then the [[inject]] blocks in time order, the [[trigger]]
/// blocks and the [[objective]] blocks (with `observe` and their [[objective.check]]).
std::string exercise_to_toml(const Exercise& exercise);

/// Writes exercise_to_toml(exercise) to `file` atomically (a crash leaves the old file or the
/// new one, never a mix).
WriteStatus save_exercise(const std::filesystem::path& file, const Exercise& exercise);

} // namespace riposte
