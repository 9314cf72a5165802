#pragma once
// Reading exercise files (exercise.toml: the chronogramme, docs/exercise.md) and single
// changes written as TOML. Like the scenario loader, every problem is a Diagnostic with
// file:line:column; no toml++ type crosses this interface.
#include "riposte/diagnostics.hpp"
#include "riposte/exercise.hpp"
#include "riposte/scenario.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace riposte {

/// A name (or a day) an exercise file uses, with where it is written, so that it can be checked
/// against a scenario once one is loaded (check_exercise).
struct ExerciseName {
    enum class What : std::uint8_t {
        Centre,     ///< a centre's name
        Station,    ///< a station's name (`centre`: the centre named with it, empty: a selector)
        Profession, ///< a profession of the world's scope
        Role,       ///< a role of the world's scope
        Commune,    ///< a commune (nearest_to): INSEE code or name
        Team,       ///< a mobile team's name
        CentreKind, ///< a centre kind selector (matches no centre is a warning)
        Day,        ///< a day index (an inject after the run's end never fires)
        Group,      ///< a population group of the world
    };
    What what = What::Centre;
    std::string value;
    std::string centre;
    int day = 0;
    SourceLoc where;
};

struct ExerciseLoadResult {
    std::optional<Exercise> exercise; ///< set only when there is no error
    Diagnostics diagnostics;
    std::vector<ExerciseName> names; ///< what check_exercise checks against a scenario
};

/// Reads an exercise file. Checks everything that needs no world: times, factors, shares,
/// known kinds and KPIs, unique ids, unknown keys (with "did you mean").
ExerciseLoadResult load_exercise(const std::filesystem::path& file);
/// Same, from text in memory; `name` is used in diagnostics.
ExerciseLoadResult load_exercise_text(std::string_view text, std::string name);

/// Checks the names an exercise uses against a loaded scenario: centres, stations,
/// professions, roles, communes of nearest_to selectors, and days past the run's end (a
/// warning). Errors are positioned where the name is written.
Diagnostics check_exercise(const ExerciseLoadResult& loaded, const Scenario& scenario);

/// Loads and, when it read without error, checks against the scenario.
ExerciseLoadResult load_exercise(const std::filesystem::path& file, const Scenario& scenario);

/// The KPIs an objective may check: the columns of centre_day.csv (CentreDayRow).
std::span<const std::string_view> objective_kpi_names();

/// One change written as TOML (`kind = "..."` and its fields, as change_to_toml writes them).
/// `at` is the moment `for` durations and a missing AddLine `from` count from (none: they are
/// errors).
struct ChangeParse {
    std::optional<Change> change;
    Diagnostics diagnostics;
};
ChangeParse parse_change_toml(std::string_view text, std::string name,
                              std::optional<SimTime> at = std::nullopt);

} // namespace riposte
