// riposte compare WORLD PLAN_A PLAN_B [PLAN_C ...]: every plan against the same world, with
// the same seeds (common random numbers); a side-by-side KPI table with the paired difference
// to the first plan.
#include "cli_common.hpp"
#include "commands.hpp"

#include "riposte/output.hpp"
#include "riposte/runner.hpp"

#include <algorithm>
#include <exception>
#include <set>
#include <system_error>

namespace riposte::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t default_compare_replications = 10;
constexpr std::size_t max_plans = 26;

/// Keeps only the replications whose index is in `keep` (after an interruption the plans may
/// have finished different replications; pairs must match replication by replication).
void keep_replications(ReplicationSet& set, const std::set<int>& keep) {
    std::vector<Results> runs;
    for (Results& r : set.runs)
        if (keep.count(r.replication) > 0) runs.push_back(std::move(r));
    set.runs = std::move(runs);
}

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
                                    {"--quiet", false}},
                                   error);
    if (!parsed) return usage_error(error, "compare");
    if (parsed->help) return print_help("compare");

    int exit = exit_code::ok;
    const auto opts = simulation_options(*parsed, "compare", 2, default_compare_replications, exit);
    if (!opts) return exit;
    const bool quiet = parsed->has("--quiet");
    const bool report = parsed->has("--report");
    const auto out = parsed->value("--out");
    if (out && out->empty()) return usage_error("--out needs a directory", "compare");
    if (report && !out) {
        return usage_error("--report writes report.html next to the comparison files: add "
                           "--out DIR",
                           "compare");
    }
    const auto& pos = parsed->positional;
    if (pos.size() < 3) {
        return usage_error("compare needs a world file and at least two plan files: "
                           "riposte compare WORLD PLAN_A PLAN_B [PLAN_C ...]",
                           "compare");
    }
    if (pos.size() - 1 > max_plans) {
        return usage_error("at most " + std::to_string(max_plans) + " plans can be compared",
                           "compare");
    }

    // Load every plan against the same world; report the problems of all files.
    std::vector<Scenario> scenarios;
    bool failed = false;
    for (std::size_t p = 1; p < pos.size(); ++p) {
        auto s = load(ScenarioFiles{pos[0], pos[p]}, true);
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

    const Language lang = opts->lang;
    InterruptGuard interrupt(lang);
    const int n = static_cast<int>(opts->replications);
    const int plans = static_cast<int>(scenarios.size());
    ProgressBar bar(!quiet && stderr_is_terminal(), text::cli.unit_replications, lang);
    std::vector<ReplicationSet> sets;
    try {
        for (int p = 0; p < plans; ++p) {
            if (interrupt.interrupted()) break;
            ReplicationOptions options;
            options.replications = n;
            options.threads = opts->threads;
            options.seed = opts->seed;
            options.cancel = interrupt.flag();
            options.progress = [&bar, p, n, plans](int done, int) {
                bar.update(p * n + done, plans * n);
            };
            sets.push_back(run_replications(scenarios[static_cast<std::size_t>(p)], options));
        }
    } catch (const std::exception& e) {
        bar.clear();
        print_err(text::fill(lang, text::cli.run_failed, {e.what()}));
        return exit_code::run_error;
    }
    bar.clear();
    // only the replications every plan finished are paired
    std::set<int> common;
    for (int r = 0; r < n; ++r) common.insert(r);
    for (int p = 0; p < plans; ++p) {
        std::set<int> done;
        if (static_cast<std::size_t>(p) < sets.size())
            for (const Results& r : sets[static_cast<std::size_t>(p)].runs)
                done.insert(r.replication);
        std::set<int> both;
        for (int r : common)
            if (done.count(r) > 0) both.insert(r);
        common = std::move(both);
    }
    if (common.empty()) {
        print_err(text::cli.compare_nothing.in(lang));
        return exit_code::run_error;
    }

    std::vector<ComparedPlan> compared;
    for (int p = 0; p < plans; ++p) {
        ReplicationSet& set = sets[static_cast<std::size_t>(p)];
        keep_replications(set, common);
        const Scenario& s = scenarios[static_cast<std::size_t>(p)];
        ComparedPlan cp;
        cp.label = std::string(1, static_cast<char>('A' + p));
        cp.name = s.plan.name;
        cp.file = pos[static_cast<std::size_t>(p) + 1];
        cp.replications = static_cast<int>(set.runs.size());
        cp.requested = n;
        cp.kpis = summarise(s, set);
        compared.push_back(std::move(cp));
    }
    const Comparison comparison =
        compare_plans(scenarios.front().world.name, pos[0], opts->seed, std::move(compared));
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
                print_err("riposte: error: " + status.error + "\n");
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
                             {std::to_string(common.size()), std::to_string(n)}));
        return exit_code::run_error;
    }
    return exit_code::ok;
}

} // namespace riposte::cli
