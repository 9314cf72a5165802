// riposte validate [WORLD PLAN | DIR]: the structural rules, and the plan's targets judged
// over replications; one verdict per rule. Exit 0 when every rule passes, 1 when one fails,
// 2 on bad input.
#include "cli_common.hpp"
#include "commands.hpp"

#include "riposte/output.hpp"
#include "riposte/runner.hpp"
#include "riposte/validation.hpp"

#include <exception>
#include <system_error>

namespace riposte::cli {

namespace fs = std::filesystem;

namespace {
constexpr std::uint64_t default_validate_replications = 10;
}

int validate_command(const std::vector<std::string>& args) {
    std::string error;
    const auto parsed = parse_args(args,
                                   {{"--replications", true},
                                    {"--threads", true},
                                    {"--seed", true},
                                    {"--format", true},
                                    {"--structural-only", false},
                                    {"--out", true},
                                    {"--force", false},
                                    {"--report", false},
                                    {"--lang", true},
                                    {"--quiet", false}},
                                   error);
    if (!parsed) return usage_error(error, "validate");
    if (parsed->help) return print_help("validate");

    int exit = exit_code::ok;
    const auto opts =
        simulation_options(*parsed, "validate", 1, default_validate_replications, exit);
    if (!opts) return exit;
    const std::string format = parsed->value("--format").value_or("text");
    if (format != "text" && format != "json") {
        return usage_error("--format expects text or json, got '" + format + "'", "validate");
    }
    const bool structural_only = parsed->has("--structural-only");
    if (structural_only && parsed->has("--replications")) {
        return usage_error("--structural-only runs no simulation: leave out --replications",
                           "validate");
    }
    const bool quiet = parsed->has("--quiet");
    const bool report = parsed->has("--report");
    const auto out = parsed->value("--out");
    if (out && out->empty()) return usage_error("--out needs a directory", "validate");
    if (report && !out) {
        return usage_error("--report writes report.html next to validation.json: add --out DIR",
                           "validate");
    }

    const auto files = scenario_files(parsed->positional, "validate", exit);
    if (!files) return exit;
    const auto scenario = load(*files, false, opts->lang);
    if (!scenario) return exit_code::usage;

    ValidationReport verdicts;
    ReplicationSet set;
    if (structural_only || scenario->plan.targets.empty()) {
        verdicts = validate_structure(*scenario);
    } else {
        InterruptGuard interrupt(opts->lang);
        ProgressBar bar(!quiet && stderr_is_terminal(), text::cli.unit_replications, opts->lang);
        ReplicationOptions options;
        options.replications = static_cast<int>(opts->replications);
        options.threads = opts->threads;
        options.seed = opts->seed;
        options.cancel = interrupt.flag();
        options.progress = [&bar](int done, int total) { bar.update(done, total); };
        try {
            set = run_replications(*scenario, options);
        } catch (const std::exception& e) {
            bar.clear();
            print_err(text::fill(opts->lang, text::cli.run_failed, {e.what()}));
            return exit_code::run_error;
        }
        bar.clear();
        if (set.runs.empty()) {
            print_err(text::cli.interrupted_nothing.in(opts->lang));
            return exit_code::run_error;
        }
        verdicts = validate(*scenario, set.runs);
        verdicts.partial = set.partial;
        verdicts.replications = static_cast<int>(set.runs.size());
    }

    if (!quiet) {
        print_out(format == "json"
                      ? validation_json(*scenario, verdicts, opts->seed)
                      : format_validation(*scenario, verdicts, opts->seed, opts->lang));
    }
    if (out) {
        const fs::path dir = *out;
        int folder_exit = exit_code::ok;
        auto folder = prepare_results_folder(dir, parsed->has("--force"), folder_exit);
        if (!folder) return folder_exit;
        if (!set.runs.empty()) {
            const WriteReport written = write_replication_results(
                *scenario, set, summarise(*scenario, set), folder->staging());
            if (!written.ok()) {
                print_err("riposte: error: " + written.error + "\n");
                return exit_code::run_error;
            }
        }
        const WriteStatus status =
            write_file_atomic(folder->staging() / "validation.json",
                              validation_json(*scenario, verdicts, opts->seed));
        if (!status.ok()) {
            print_err("riposte: error: " + status.error + "\n");
            return exit_code::run_error;
        }
        if (!commit_results_folder(*folder)) return exit_code::run_error;
        if (report) {
            // the report goes to stderr's side of things only when the verdicts are JSON on
            // stdout: keep standard output a valid JSON document
            const int st = write_report_for(dir, opts->lang, quiet || format == "json");
            if (st != exit_code::ok) return st;
        }
    }
    if (verdicts.partial) {
        print_err(
            text::fill(opts->lang, text::cli.validate_partial,
                       {std::to_string(set.runs.size()), std::to_string(opts->replications)}));
        return exit_code::plan_fails;
    }
    return verdicts.all_pass() ? exit_code::ok : exit_code::plan_fails;
}

} // namespace riposte::cli
