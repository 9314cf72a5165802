#pragma once
// The staffing search as the CLI prints it, shared by `riposte size` and
// `riposte territory --world --size` (a starter plan that passes, or what to recruit).
#include "riposte/scenario.hpp"
#include "riposte/sizing.hpp"
#include "riposte/text/strings.hpp"

#include <filesystem>

namespace riposte::cli {

struct SizeRequest {
    SizingOptions options;
    Language lang = Language::French;
    bool quiet = false;        ///< print nothing on standard output
    bool show_steps = true;    ///< each step kept on standard error
    std::filesystem::path out; ///< where the sized plan goes (empty: not written)
    /// --recruit K (off when max_recruits is 0): when no plan within the pool passes, what to
    /// recruit (size_with_recruits); with `out` set, the recruits (pool.csv format) go to
    /// `recruits_csv` and the world with them (its text and a [[pool]] naming the file) to
    /// `recruits_world`, next to the world.
    RecruitOptions recruit;
    std::filesystem::path recruits_csv, recruits_world;
};

struct SizeReport {
    SizingResult result;
    bool written = false;
    int exit = 0; ///< exit_code::ok when the plan found passes (and was written)
};

/// Runs the search, prints what changed and why, the confirming verdict and the limits, and
/// writes the plan found to `req.out` when it passes.
SizeReport size_and_report(const Scenario& scenario, const SizeRequest& req);

} // namespace riposte::cli
