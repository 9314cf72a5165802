// riposte validate [WORLD PLAN | DIR]: the structural rules, and the plan's targets judged
// over replications; one verdict per rule. Exit 0 when every rule passes, 1 when one fails,
// 2 on bad input.
#include "cli_common.hpp"
#include "commands.hpp"

#include "riposte/output.hpp"
#include "riposte/runner.hpp"
#include "riposte/text/validation_texts.hpp"
#include "riposte/validation.hpp"

#include <algorithm>
#include <exception>
#include <memory>
#include <optional>
#include <system_error>

namespace riposte::cli {

namespace fs = std::filesystem;

namespace {
constexpr std::uint64_t default_validate_replications = 10;

/// The plan's targets judged under one stress case (an exercise of injects).
struct StressVerdict {
    std::string name;
    std::string file;
    ValidationReport report;
    [[nodiscard]] bool pass() const {
        for (const auto& r : report.rules)
            if (!r.structural && !r.pass) return false;
        return true;
    }
};

std::string json_text(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            out += ' ';
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string stress_text(const std::vector<StressVerdict>& cases, int replications, Language lang) {
    const bool fr = lang == Language::French;
    std::string out = fr ? "\nCas de stress (les cibles du plan sous chaque perturbation, " +
                               std::to_string(replications) + " réplications chacun) :\n"
                         : "\nStress cases (the plan's targets under each disruption, " +
                               std::to_string(replications) + " replications each):\n";
    const auto say = [lang](const Phrase& p, const std::string& fallback) {
        return p.id.empty() ? fallback : text::phrase_text(lang, p.id, p.args, fallback);
    };
    for (const StressVerdict& v : cases) {
        out += "  " + std::string(v.pass() ? (fr ? "OK   " : "PASS") : (fr ? "ÉCHEC" : "FAIL")) +
               "  " + v.name + "  (" + v.file + ")\n";
        for (const RuleVerdict& r : v.report.rules) {
            if (r.structural || r.pass) continue;
            out += "        " + r.id + ": " + say(r.measured_phrase, r.measured) +
                   (fr ? " (exigé : " : " (required: ") + say(r.threshold_phrase, r.threshold) +
                   ")";
            for (std::size_t i = 0; i < r.where.size() && i < 3; ++i)
                out +=
                    std::string(i == 0 ? (fr ? " ; à " : "; at ") : ", ") +
                    (i < r.where_phrases.size() ? say(r.where_phrases[i], r.where[i]) : r.where[i]);
            if (r.where_total > 3) out += ", …";
            out += "\n";
        }
    }
    return out;
}

/// validation JSON with a "stress" array added at its end.
std::string with_stress_json(std::string json, const std::vector<StressVerdict>& cases) {
    if (cases.empty()) return json;
    std::string arr = ",\n  \"stress\": [";
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const StressVerdict& v = cases[i];
        arr += std::string(i ? "," : "") + "\n    {\"name\": " + json_text(v.name) +
               ", \"file\": " + json_text(v.file) + ", \"pass\": " + (v.pass() ? "true" : "false") +
               ", \"failed\": [";
        bool first = true;
        for (const RuleVerdict& r : v.report.rules) {
            if (r.structural || r.pass) continue;
            arr += std::string(first ? "" : ", ") + "{\"id\": " + json_text(r.id) +
                   ", \"measured\": " + json_text(r.measured) + ", \"where\": [";
            for (std::size_t k = 0; k < r.where.size(); ++k)
                arr += std::string(k ? ", " : "") + json_text(r.where[k]);
            arr += "]}";
            first = false;
        }
        arr += "]}";
    }
    arr += "\n  ]\n";
    const auto end = json.rfind('}');
    if (end == std::string::npos) return json;
    std::size_t cut = end;
    while (cut > 0 && (json[cut - 1] == '\n' || json[cut - 1] == ' ')) --cut;
    return json.substr(0, cut) + arr + json.substr(end);
}
} // namespace

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
                                    {"--quiet", false},
                                    {"--stress", true}},
                                   error);
    if (!parsed) return usage_error(error, "validate");
    if (parsed->help) return print_help("validate");

    int exit = exit_code::ok;
    const auto opts =
        simulation_options(*parsed, "validate", 1, default_validate_replications, exit);
    if (!opts) return exit;
    const std::string format = parsed->value("--format").value_or("text");
    if (format != "text" && format != "json") {
        return usage_error(text::cli.usage_format, {format}, "validate");
    }
    const bool structural_only = parsed->has("--structural-only");
    if (structural_only && parsed->has("--replications")) {
        return usage_error(text::cli.usage_structural_replications, {}, "validate");
    }
    const bool quiet = parsed->has("--quiet");
    const bool report = parsed->has("--report");
    const auto out = parsed->value("--out");
    if (out && out->empty())
        return usage_error(text::cli.usage_needs_directory, {"--out"}, "validate");
    if (report && !out) {
        return usage_error(text::cli.usage_validate_report, {}, "validate");
    }

    const auto files = scenario_files(parsed->positional, "validate", exit);
    if (!files) return exit;
    const auto scenario = load(*files, false, opts->lang);
    if (!scenario) return exit_code::usage;

    // The results folder is prepared before the run: the replications' rows go to it as each
    // replication finishes, and only what the verdicts and summaries need stays in memory.
    std::optional<ResultsFolder> folder;
    if (out) {
        int folder_exit = exit_code::ok;
        folder = prepare_results_folder(*out, parsed->has("--force"), folder_exit);
        if (!folder) return folder_exit;
    }
    ValidationReport verdicts;
    ReplicationSet set;
    std::unique_ptr<ReplicationFiles> writer;
    if (structural_only || scenario->plan.targets.empty()) {
        verdicts = validate_structure(*scenario);
    } else {
        if (folder) {
            writer = std::make_unique<ReplicationFiles>(*scenario, folder->staging());
            if (!writer->ok()) {
                print_error(writer->error());
                return exit_code::run_error;
            }
        }
        TargetValidator validator(*scenario);
        InterruptGuard interrupt(opts->lang);
        ProgressBar bar(!quiet && stderr_is_terminal(), text::cli.unit_replications, opts->lang);
        ReplicationOptions options;
        options.replications = static_cast<int>(opts->replications);
        options.threads = opts->threads;
        options.seed = opts->seed;
        options.cancel = interrupt.flag();
        options.progress = [&bar](int done, int total) { bar.update(done, total); };
        try {
            set = stream_replications(*scenario, options, [&](const Results& r) {
                validator.add(r);
                return !writer || writer->add(r);
            });
        } catch (const std::exception& e) {
            bar.clear();
            print_err(text::fill(opts->lang, text::cli.run_failed, {e.what()}));
            return exit_code::run_error;
        }
        bar.clear();
        if (writer && !writer->ok()) {
            print_error(writer->error());
            return exit_code::run_error;
        }
        if (set.runs.empty()) {
            print_err(text::cli.interrupted_nothing.in(opts->lang));
            return exit_code::run_error;
        }
        verdicts = validator.report();
        verdicts.partial = set.partial;
        verdicts.replications = static_cast<int>(set.runs.size());
    }

    // stress cases: the plan's own, then --stress FILE[,FILE...]
    std::vector<StressCase> cases = scenario->plan.stress;
    if (const auto list = parsed->value("--stress")) {
        std::size_t from = 0;
        while (from <= list->size()) {
            const std::size_t comma = std::min(list->find(',', from), list->size());
            const std::string file = list->substr(from, comma - from);
            if (!file.empty()) cases.push_back({fs::path(file).stem().string(), file, {}});
            from = comma + 1;
        }
    }
    if (!cases.empty() && (structural_only || scenario->plan.targets.empty()) && !quiet)
        print_err(text::fill(
            opts->lang, text::cli.stress_note,
            {(structural_only ? text::cli.stress_none_structural : text::cli.stress_none_targets)
                 .in(opts->lang)}));
    std::vector<StressVerdict> stress;
    if (!structural_only && !scenario->plan.targets.empty() && !verdicts.partial) {
        for (const StressCase& sc : cases) {
            const auto exercise = exercise_for_stress(sc.file, *scenario, exit, opts->lang);
            if (!exercise) return exit;
            TargetValidator validator(*scenario);
            InterruptGuard interrupt(opts->lang);
            ReplicationOptions options;
            options.replications = static_cast<int>(opts->replications);
            options.threads = opts->threads;
            options.seed = opts->seed;
            options.cancel = interrupt.flag();
            options.exercise = exercise;
            ProgressBar bar(!quiet && stderr_is_terminal(), text::cli.unit_replications,
                            opts->lang);
            options.progress = [&bar](int done, int total) { bar.update(done, total); };
            const ReplicationSet s = stream_replications(*scenario, options, [&](const Results& r) {
                validator.add(r);
                return true;
            });
            bar.clear();
            if (s.partial) {
                print_err(text::fill(opts->lang, text::cli.stress_interrupted, {sc.name}));
                return exit_code::run_error;
            }
            stress.push_back({sc.name, sc.file.string(), validator.report()});
        }
    }
    const bool stress_pass =
        std::all_of(stress.begin(), stress.end(), [](const StressVerdict& v) { return v.pass(); });

    if (!quiet) {
        print_out(format == "json"
                      ? with_stress_json(validation_json(*scenario, verdicts, opts->seed), stress)
                      : format_validation(*scenario, verdicts, opts->seed, opts->lang) +
                            (stress.empty()
                                 ? std::string()
                                 : stress_text(stress, static_cast<int>(opts->replications),
                                               opts->lang)));
    }
    if (folder) {
        const fs::path dir = *out;
        if (writer) {
            const WriteReport written = writer->finish(set, summarise(*scenario, set));
            if (!written.ok()) {
                print_error(written.error);
                return exit_code::run_error;
            }
        }
        const WriteStatus status = write_file_atomic(
            folder->staging() / "validation.json",
            with_stress_json(validation_json(*scenario, verdicts, opts->seed), stress));
        if (!status.ok()) {
            print_error(status.error);
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
    return verdicts.all_pass() && stress_pass ? exit_code::ok : exit_code::plan_fails;
}

} // namespace riposte::cli
