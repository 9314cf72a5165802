// riposte compare WORLD PLAN_A PLAN_B [PLAN_C ...]: every plan against the same world, with
// the same seeds (common random numbers); a side-by-side KPI table with the paired difference
// to the first plan.
#include "cli_common.hpp"
#include "commands.hpp"

#include "riposte/live_run.hpp"
#include "riposte/output.hpp"
#include "riposte/runner.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <system_error>
#include <thread>

namespace riposte::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t default_compare_replications = 10;
constexpr std::size_t max_plans = 26;

} // namespace

int compare_command(const std::vector<std::string>& args) {
    std::string error;
    const auto parsed = parse_args(args,
                                   {{"--replications", true},
                                    {"--threads", true},
                                    {"--seed", true},
                                    {"--out", true},
                                    {"--force", false},
                                    {"--report", false},
                                    {"--lang", true},
                                    {"--quiet", false},
                                    {"--exercise", true}},
                                   error);
    if (!parsed) return usage_error(error, "compare");
    if (parsed->help) return print_help("compare");

    int exit = exit_code::ok;
    const auto opts = simulation_options(*parsed, "compare", 2, default_compare_replications, exit);
    if (!opts) return exit;
    const bool quiet = parsed->has("--quiet");
    const bool report = parsed->has("--report");
    const auto out = parsed->value("--out");
    if (out && out->empty())
        return usage_error(text::cli.usage_needs_directory, {"--out"}, "compare");
    if (report && !out) {
        return usage_error(text::cli.usage_compare_report, {}, "compare");
    }
    const auto& pos = parsed->positional;
    if (pos.size() < 3) {
        return usage_error(text::cli.usage_compare_args, {}, "compare");
    }
    if (pos.size() - 1 > max_plans) {
        return usage_error(text::cli.usage_compare_max, {std::to_string(max_plans)}, "compare");
    }

    // Load every plan against the same world; report the problems of all files.
    std::vector<Scenario> scenarios;
    bool failed = false;
    for (std::size_t p = 1; p < pos.size(); ++p) {
        auto s = load(ScenarioFiles{pos[0], pos[p]}, true, opts->lang);
        if (!s) {
            failed = true;
            continue;
        }
        scenarios.push_back(std::move(*s));
    }
    if (failed) {
        print_err(text::cli.compare_files_errors.in(opts->lang));
        return exit_code::usage;
    }
    // one chronogramme for every plan: its names are checked against each
    std::shared_ptr<const Exercise> exercise;
    for (const Scenario& s : scenarios) {
        const auto ex = exercise_option(*parsed, s, exit, opts->lang);
        if (!ex) return exit;
        exercise = *ex;
    }

    // Every plan × replication runs in the background batch-run object (the GUI's comparison
    // uses it too): replication r of every plan has the same seed (common random numbers).
    const Language lang = opts->lang;
    InterruptGuard interrupt(lang);
    const int n = static_cast<int>(opts->replications);
    const int plans = static_cast<int>(scenarios.size());
    ProgressBar bar(!quiet && stderr_is_terminal(), text::cli.unit_replications, lang);
    std::vector<BatchPlan> batch_plans;
    for (int p = 0; p < plans; ++p)
        batch_plans.push_back(
            {std::string(1, static_cast<char>('A' + p)),
             std::make_shared<const Scenario>(std::move(scenarios[static_cast<std::size_t>(p)])),
             exercise});
    BatchRun batch;
    if (!batch.start(batch_plans, n, opts->seed, opts->threads)) {
        print_error(text::cli.compare_not_started.in(lang));
        return exit_code::run_error;
    }
    while (batch.running()) {
        if (interrupt.interrupted()) batch.cancel();
        const auto progress = batch.latest();
        bar.update(progress->done, progress->total);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    bar.clear();
    const auto state = batch.latest();
    if (state->status == BatchStatus::Failed) {
        print_err(text::fill(lang, text::cli.run_failed, {state->error}));
        return exit_code::run_error;
    }
    // only the replications every plan finished are paired (BatchRun keeps just those)
    if (state->sets.empty() || state->sets.front().runs.empty()) {
        print_err(text::cli.compare_nothing.in(lang));
        return exit_code::run_error;
    }
    const std::size_t common = state->sets.front().runs.size();

    std::vector<BatchPlanName> names;
    for (int p = 0; p < plans; ++p) {
        const auto pu = static_cast<std::size_t>(p);
        names.push_back({batch_plans[pu].label, batch_plans[pu].scenario->plan.name, pos[pu + 1]});
    }
    const Comparison comparison =
        compare_batch(batch_plans.front().scenario->world.name, pos[0], opts->seed, n, names,
                      state->sets, state->summaries);
    if (!quiet) print_out(format_comparison(comparison, lang));

    if (out) {
        const fs::path dir = *out;
        int folder_exit = exit_code::ok;
        auto folder = prepare_results_folder(dir, parsed->has("--force"), folder_exit);
        if (!folder) return folder_exit;
        for (const auto& [name, content] :
             {std::pair<std::string, std::string>{"compare.csv", compare_csv(comparison)},
              std::pair<std::string, std::string>{"compare.json", compare_json(comparison)}}) {
            const WriteStatus status = write_file_atomic(folder->staging() / name, content);
            if (!status.ok()) {
                print_error(status.error);
                return exit_code::run_error;
            }
        }
        if (!commit_results_folder(*folder)) return exit_code::run_error;
        if (!quiet) print_out(text::fill(lang, text::cli.compare_written, {dir.string()}));
        if (report) {
            const int status = write_report_for(dir, opts->lang, quiet);
            if (status != exit_code::ok) return status;
        }
    }
    if (comparison.partial) {
        print_err(text::fill(lang, text::cli.compare_partial,
                             {std::to_string(common), std::to_string(n)}));
        return exit_code::run_error;
    }
    return exit_code::ok;
}

} // namespace riposte::cli
