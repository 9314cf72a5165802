#pragma once
// Reading scenario files. The world and the plan are separate TOML files, so several plans run
// against one world. Every problem is collected as a Diagnostic (file:line:column) rather than
// stopping at the first. No toml++ type crosses this interface.
#include "riposte/diagnostics.hpp"
#include "riposte/scenario.hpp"

#include <filesystem>
#include <optional>
#include <string_view>

namespace riposte {

struct LoadResult {
    std::optional<Scenario> scenario; ///< set only when there is no error
    Diagnostics diagnostics;          ///< errors and warnings, in file order
};

/// Loads a world file and a plan file. CSV files named inside are resolved relative to the
/// file that names them.
LoadResult load_scenario(const std::filesystem::path& world_file,
                         const std::filesystem::path& plan_file);

/// Same, from text already in memory (tests, GUI editor). `*_name` is used in diagnostics and
/// `base_dir` resolves relative CSV paths.
LoadResult load_scenario_text(std::string_view world_toml, std::string world_name,
                              std::string_view plan_toml, std::string plan_name,
                              const std::filesystem::path& base_dir);

/// The bundled default scenario (installed next to the binary or in the source tree).
std::filesystem::path default_world_file();
std::filesystem::path default_plan_file();

} // namespace riposte
