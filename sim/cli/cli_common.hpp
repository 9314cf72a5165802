#pragma once
#include "riposte/results_folder.hpp"
// Pieces shared by the riposte commands: printing, scenario arguments, option values, the
// Ctrl-C guard and the replication progress bar. No computation here: the commands call the
// library (include/riposte/) and print.
#include "args.hpp"

#include "riposte/exercise.hpp"
#include "riposte/report.hpp"
#include "riposte/scenario.hpp"
#include "riposte/text/cli_texts.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riposte::cli {

void print_out(std::string_view text);
void print_err(std::string_view text);
/// Prints the help of `command` on standard output; returns exit_code::ok.
int print_help(std::string_view command);

/// The world and plan files a command works on.
struct ScenarioFiles {
    std::filesystem::path world, plan;
};

/// WORLD PLAN, a DIR with world.toml and plan.toml, or nothing (the bundled default). On a
/// problem prints it, sets `exit` and returns nullopt.
std::optional<ScenarioFiles> scenario_files(const std::vector<std::string>& positional,
                                            std::string_view command, int& exit);

/// Loads a scenario and prints every diagnostic on stderr; nullopt on any error (the caller
/// exits with exit_code::usage). With `quiet_summary` the "N errors" line is left out (the
/// caller prints its own).
std::optional<Scenario> load(const ScenarioFiles& files, bool quiet_summary = false,
                             Language lang = Language::French);

/// Whole-number option `name` in [min, max]; `fallback` when absent. On a bad value prints a
/// usage error, sets `exit` and returns nullopt.
std::optional<std::uint64_t> number_option(const ParsedArgs& args, std::string_view name,
                                           std::uint64_t min, std::uint64_t max,
                                           std::uint64_t fallback, std::string_view command,
                                           int& exit);

/// --seed (default 1).
std::optional<std::uint64_t> seed_option(const ParsedArgs& args, std::string_view command,
                                         int& exit);

/// --threads (default: the number of processors).
std::optional<int> threads_option(const ParsedArgs& args, std::string_view command, int& exit);

/// --lang fr|en (default fr): the language of what the command prints and of its report.
std::optional<Language> lang_option(const ParsedArgs& args, std::string_view command, int& exit);

/// Limits of --replications.
inline constexpr std::uint64_t max_replications = 100000;

/// The options every simulating command shares: --seed, --replications, --threads, --lang.
struct SimulationOptions {
    std::uint64_t seed = 1;
    std::uint64_t replications = 1;
    int threads = 1;
    Language lang = Language::French;
};

/// Reads them (--replications from `min_replications`, `default_replications` when absent).
/// On a bad value prints a usage error, sets `exit` and returns nullopt.
std::optional<SimulationOptions> simulation_options(const ParsedArgs& args,
                                                    std::string_view command,
                                                    std::uint64_t min_replications,
                                                    std::uint64_t default_replications, int& exit);

/// While alive, Ctrl-C (SIGINT) sets the flag instead of killing the process; a second
/// Ctrl-C kills it at once. Restores the previous handler when destroyed.
class InterruptGuard {
  public:
    explicit InterruptGuard(Language lang = Language::French);
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    [[nodiscard]] std::atomic<bool>* flag();
    [[nodiscard]] bool interrupted() const;
};

/// A progress bar on stderr: "[####......] 12/40 réplications  3,1/s  fin dans 0:09". Draws
/// only when `enabled` (stderr is a terminal and not --quiet). Calls must be serialised.
class ProgressBar {
  public:
    ProgressBar(bool enabled, const text::Text& unit, Language lang);
    void update(int done, int total);
    /// Erases the bar (call before printing anything else).
    void clear();

  private:
    bool enabled_;
    bool shown_ = false;
    std::string unit_;
    Language lang_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_{};
};

/// True when standard error is a terminal.
bool stderr_is_terminal();

/// Writes the HTML report of `dir` into `dir`/report.html; prints the outcome unless quiet.
/// Returns exit_code::ok, or run_error when the report could not be made or written.
int write_report_for(const std::filesystem::path& dir, Language lang, bool quiet);

/// Prepares to replace the results folder `dir` as a whole (see riposte/results_folder.hpp).
/// A folder holding files riposte did not write is refused without `force`: the files are
/// named on standard error and `exit` is exit_code::usage; other failures give run_error.
std::optional<ResultsFolder> prepare_results_folder(const std::filesystem::path& dir, bool force,
                                                    int& exit);
/// Commits `folder`; prints the error and returns false on failure.
bool commit_results_folder(ResultsFolder& folder);

/// --exercise FILE: reads the chronogramme and checks its names against the scenario, printing
/// its diagnostics. Null when the option is absent; nullopt (exit = usage) on errors.
std::optional<std::shared_ptr<const Exercise>> exercise_option(const ParsedArgs& args,
                                                               const Scenario& scenario, int& exit,
                                                               Language lang = Language::French);
/// Reads one exercise file the same way (a stress case); null (exit = usage) on errors.
std::shared_ptr<const Exercise> exercise_for_stress(const std::filesystem::path& file,
                                                    const Scenario& scenario, int& exit,
                                                    Language lang = Language::French);

} // namespace riposte::cli
