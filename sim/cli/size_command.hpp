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
