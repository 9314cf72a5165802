#pragma once
// Command line of riposte-gui.
#include "i18n.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riposte::gui {

struct GuiOptions {
    std::filesystem::path world, plan; ///< both empty: the bundled default scenario
    Lang lang = Lang::Fr;
    bool large_font = false;
    std::optional<std::filesystem::path> screenshot; ///< save the window as PNG, then exit
    int frames = 10;                                 ///< frames drawn before the screenshot
    /// --layout-audit: with --screenshot, report the texts of the saved frame that are cut
    /// off, drawn over each other, or map labels under a panel (exit 1 when any).
    bool layout_audit = false;
    int charts_tab = -1;       ///< --charts-tab: 0 activity, 1 waits, 2 resources (-1: the first)
    bool run_at_start = false; ///< play the replication as fast as possible from the start
    std::optional<int> until_day; ///< run to this day (0-based), then pause
    int until_hour = 0;           ///< … at this hour of that day
    std::optional<double> speed;  ///< simulated seconds per second (0: as fast as possible)
    std::string centre;           ///< open this centre's panel at start (empty: none)
    std::string map_metric;       ///< "travel", "coverage", "unmet" (empty: none)
    std::uint64_t seed = 1;
    /// An exercise session: the chronogramme, and the journal written as it runs (an existing
    /// journal is resumed). With --exercise and no --journal, a new journal named after the
    /// exercise and the time is written in the working directory.
    std::filesystem::path exercise, journal;
    /// The exercise editor opened on this file (read when it exists, created on save).
    std::filesystem::path edit_exercise;
    bool players_window = true;   ///< the players' screen beside the console (--no-players)
    bool pause_at_injects = true; ///< pause at each inject (--no-pause-at-injects)
    /// --compare: plans compared at start against the world (the first is plan A), each run
    /// --replications times with common random numbers; --compare-csv: where the finished
    /// comparison's compare.csv is written.
    std::vector<std::filesystem::path> compare;
    int replications = 20;
    std::filesystem::path compare_csv;
    /// --panel: extra panels open at start ("compare", "editor").
    std::vector<std::string> panels;
    int validate_replications = 0; ///< --validate N: targets over N replications at start
    /// Remember the layout and the recent files in the per-user config folder (not for
    /// --screenshot pictures, which must not depend on earlier sessions).
    bool remember = false;
    /// --frame-stats N: measure N frames (after 30 of warm-up) without the 60 fps cap, print
    /// their times and the longest wait on the engine, and exit (the benchmark's figures).
    int frame_stats = 0;
    double zoom = 1; ///< --zoom F: zoom the fitted map by F at its centre
    unsigned width = 1280, height = 800;
    bool help = false;
};

struct ParsedOptions {
    GuiOptions options;
    std::string error; ///< usage error (empty: ok)
    [[nodiscard]] bool ok() const { return error.empty(); }
};

/// Parses the arguments after the program name.
ParsedOptions parse_options(const std::vector<std::string_view>& args);

/// The --help text.
std::string usage_text();

/// Exit codes (DESIGN.md): 0 ok, 1 run error, 2 bad input or usage.
enum class ExitCode : int { Ok = 0, RunError = 1, BadInput = 2 };

} // namespace riposte::gui
