#pragma once
// Interventions as TOML text (docs/exercise.md): the one shape an exercise file's [[inject]]
// and a journal's [[entry]] share. `kind = "staff_ill"` names the change; its fields follow as
// keys. These writers need no TOML library; the scenario layer reads the same keys back
// (exercise_loader.hpp).
#include "riposte/intervention.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace riposte {

/// "J3 14:00" (day index 3, day 0 being the first day of the run), "J3 14:00:05" when the
/// seconds are not 0.
std::string format_day_time(SimTime t);

/// A day-time or duration read from text (a form field, a file): the value, or an error with
/// the 0-based byte offset where it goes wrong.
struct TimeText {
    std::optional<SimTime> value;
    std::string error;
    std::size_t offset = 0;
};
/// "J3 14:00" (also "J+3 14:00", "j3 14h00", "J3 14:00:05", "J3" for 00:00).
TimeText parse_day_time(std::string_view text);
/// "2h30", "45min", "3d" or "3j", "1d12h", "90s": a duration > 0.
TimeText parse_duration(std::string_view text);
/// A time of day "HH:MM" from 00:00 to 24:00 (change_hours' opens and closes).
TimeText parse_clock_time(std::string_view text);

/// A TOML basic string in double quotes. Control characters are escaped and bytes that are
/// not valid UTF-8 are replaced by U+FFFD, so that the result is always valid TOML.
std::string toml_quote(std::string_view text);

/// The value of a `centre` key: "Gignac", "*", { largest = true }, { nearest_to = "34114" },
/// { kind = "vaccination" }, { concerned = true } (a centre named "*" is { name = "*" }).
std::string centre_ref_to_toml(const CentreRef& ref);

/// `kind = "..."` then one `key = value` line per field, each ending in a newline. Times are
/// absolute ("J3 14:00"); an `until` at SimTime::max() (the end of the run) is left out.
std::string change_to_toml(const Change& change);

} // namespace riposte
