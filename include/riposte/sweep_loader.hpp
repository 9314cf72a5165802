#pragma once
// Reading sweep files (docs/sweeps.md): a list ([[variant]]) and/or a grid ([grid]) of plan
// variants run against a world with common random numbers. Like the scenario loader, every
// problem is a Diagnostic with file:line:column; no toml++ type crosses this interface.
#include "riposte/diagnostics.hpp"
#include "riposte/sweep.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riposte {

/// One variant as the sweep file writes it (paths resolved against the sweep file's folder).
struct SweepVariantSpec {
    std::string label;
    std::filesystem::path world, plan, exercise; ///< exercise empty: none
    VariantOverrides overrides;
    SourceLoc where;                   ///< its [[variant]] table, or the [grid] table
    std::vector<SourceLoc> staff_loc;  ///< per overrides.staff entry: where the role is named
    std::vector<SourceLoc> uptake_loc; ///< per overrides.uptake entry
};

struct SweepSpec {
    std::filesystem::path file;
    std::string name;
    int replications = 10;
    std::uint64_t seed = 1;
    int baseline = 0; ///< index of the variant the others are compared with
    std::vector<SweepVariantSpec> variants;
};

struct SweepLoadResult {
    std::optional<SweepSpec> sweep; ///< set only when there is no error
    Diagnostics diagnostics;
};

/// Most variants a sweep may hold (a grid's product included).
inline constexpr int max_sweep_variants = 10000;

SweepLoadResult load_sweep(const std::filesystem::path& file);
/// Same, from text in memory: `name` in diagnostics, `base_dir` resolves the files it names.
SweepLoadResult load_sweep_text(std::string_view text, std::string name,
                                const std::filesystem::path& base_dir);

/// The variants ready to run: each world and plan loaded (once per pair of files), the
/// overrides applied, the exercise read and checked against the variant's scenario.
struct PreparedSweep {
    std::vector<SweepVariant> variants; ///< empty when there are errors
    /// SHA-256 over what decides the tasks' results (files' contents, overrides,
    /// replications, seed): a checkpoint or shard of another sweep is refused.
    std::string digest;
    Diagnostics diagnostics; ///< of the scenario and exercise files, and of the overrides
};
PreparedSweep prepare_sweep(const SweepSpec& spec);

} // namespace riposte
