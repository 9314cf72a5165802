#include "commands.hpp"

#include "args.hpp"
#include "cli_common.hpp"
#include "help.hpp"

#include "riposte/exercise_loader.hpp"
#include "riposte/output.hpp"
#include "riposte/runner.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/simulation.hpp"
#include "riposte/sweep.hpp"
#include "riposte/text/cli_texts.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <system_error>

namespace riposte::cli {

namespace fs = std::filesystem;

int usage_error(std::string_view message, std::string_view command) {
    const Language lang = usage_language();
    std::string text = std::string(text::cli.usage_prefix.in(lang));
    text += message;
    text += '\n';
    text += command.empty() ? std::string(text::cli.usage_hint.in(lang))
                            : text::fill(lang, text::cli.usage_hint_command, {command});
    // under mpirun every rank reads the same command line: rank 0 alone says what is wrong
    if (launcher_rank() == 0) print_err(text);
    return exit_code::usage;
}

void print_error(std::string_view detail) {
    std::string text(text::cli.usage_prefix.in(usage_language()));
    text += detail;
    text += '\n';
    print_err(text);
}

int usage_error(const text::Text& message, std::initializer_list<std::string_view> args,
                std::string_view command) {
    return usage_error(text::fill(usage_language(), message, args), command);
}

std::string file_slug(std::string_view name) {
    // Two-byte UTF-8 letters of French (and a few neighbours) and their ASCII forms.
    static constexpr std::pair<std::string_view, std::string_view> folds[] = {
        {"à", "a"},  {"â", "a"},  {"ä", "a"}, {"á", "a"},  {"ç", "c"}, {"é", "e"}, {"è", "e"},
        {"ê", "e"},  {"ë", "e"},  {"î", "i"}, {"ï", "i"},  {"í", "i"}, {"ô", "o"}, {"ö", "o"},
        {"ó", "o"},  {"ù", "u"},  {"û", "u"}, {"ü", "u"},  {"ú", "u"}, {"ÿ", "y"}, {"ñ", "n"},
        {"œ", "oe"}, {"æ", "ae"}, {"À", "a"}, {"Â", "a"},  {"Ä", "a"}, {"Ç", "c"}, {"É", "e"},
        {"È", "e"},  {"Ê", "e"},  {"Ë", "e"}, {"Î", "i"},  {"Ï", "i"}, {"Ô", "o"}, {"Ö", "o"},
        {"Ù", "u"},  {"Û", "u"},  {"Ü", "u"}, {"Œ", "oe"}, {"Æ", "ae"}};
    std::string out;
    const auto dash = [&] {
        if (!out.empty() && out.back() != '-') out += '-';
    };
    std::size_t i = 0;
    while (i < name.size()) {
        const char c = name[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
            out += c;
            ++i;
            continue;
        }
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
            ++i;
            continue;
        }
        bool folded = false;
        for (const auto& [from, to] : folds) {
            if (name.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                folded = true;
                break;
            }
        }
        if (folded) continue;
        dash();
        ++i;
        while (i < name.size() && (static_cast<unsigned char>(name[i]) & 0xc0u) == 0x80u) ++i;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? std::string("plan") : out;
}

int run_command(const std::vector<std::string>& args) {
    std::string error;
    const auto parsed = parse_args(args,
                                   {{"--seed", true},
                                    {"--replication", true},
                                    {"--replications", true},
                                    {"--threads", true},
                                    {"--out", true},
                                    {"--no-files", false},
                                    {"--force", false},
                                    {"--csv", true},
                                    {"--quiet", false},
                                    {"--report", false},
                                    {"--lang", true},
                                    {"--exercise", true}},
                                   error);
    if (!parsed) return usage_error(error, "run");
    if (parsed->help) return print_help("run");

    int exit = exit_code::ok;
    const auto opts = simulation_options(*parsed, "run", 1, 1, exit);
    if (!opts) return exit;
    const auto replication =
        number_option(*parsed, "--replication", 0,
                      static_cast<std::uint64_t>(std::numeric_limits<int>::max()), 0, "run", exit);
    if (!replication) return exit;
    if (parsed->has("--replication") && opts->replications > 1) {
        return usage_error(text::cli.usage_replication_or_replications, {}, "run");
    }
    const bool quiet = parsed->has("--quiet");
    const bool no_files = parsed->has("--no-files");
    const bool report = parsed->has("--report");
    const auto out_option = parsed->value("--out");
    if (no_files && out_option)
        return usage_error(text::cli.usage_contradict, {"--out", "--no-files"}, "run");
    if (no_files && report) {
        return usage_error(text::cli.usage_report_no_files, {}, "run");
    }
    if (out_option && out_option->empty())
        return usage_error(text::cli.usage_needs_directory, {"--out"}, "run");
    const auto csv_format = parsed->value("--csv");
    if (csv_format && *csv_format != "excel" && *csv_format != "standard")
        return usage_error(text::cli.usage_csv, {}, "run");
    if (csv_format && no_files)
        return usage_error(text::cli.usage_contradict, {"--csv", "--no-files"}, "run");

    const auto files = scenario_files(parsed->positional, "run", exit);
    if (!files) return exit;
    const auto scenario = load(*files, false, opts->lang);
    if (!scenario) return exit_code::usage;
    const auto exercise = exercise_option(*parsed, *scenario, exit, opts->lang);
    if (!exercise) return exit;
    const fs::path dir = out_option ? fs::path(*out_option)
                                    : fs::path("riposte-out") / file_slug(scenario->world.name) /
                                          file_slug(scenario->plan.name);
    // refuse a folder of someone else's files before simulating anything
    std::optional<ResultsFolder> folder;
    if (!no_files) {
        folder = prepare_results_folder(dir, parsed->has("--force"), exit);
        if (!folder) return exit;
    }

    const Language lang = opts->lang;
    const text::CliTexts& t = text::cli;
    // The replications' rows go to the files as each replication finishes; only the records
    // and KPI values the summaries need stay in memory.
    std::unique_ptr<ReplicationFiles> writer;
    if (!no_files) {
        writer = std::make_unique<ReplicationFiles>(
            *scenario, folder->staging(),
            csv_format == std::optional<std::string>("excel") ? CsvStyle::Excel
                                                              : CsvStyle::Standard);
        if (!writer->ok()) {
            print_error(text::fill(lang, t.previous_kept, {writer->error()}));
            return exit_code::run_error;
        }
    }
    const ReplicationConsumer consume = [&writer](const Results& r) {
        return !writer || writer->add(r);
    };

    InterruptGuard interrupt(lang);
    const bool show_progress = !quiet && stderr_is_terminal();
    const int n = static_cast<int>(opts->replications);
    ReplicationSet set;
    set.requested = n;
    std::optional<Results> single; // one replication: the full summary needs its tables
    try {
        if (n == 1) {
            // One replication: a day-by-day progress bar, and Ctrl-C stops between days.
            ProgressBar bar(show_progress, t.unit_days, lang);
            RunOptions options;
            options.seed = opts->seed;
            options.replication = static_cast<int>(*replication);
            options.exercise = *exercise;
            Simulation sim(*scenario, options);
            const int total = std::max(1, scenario->world.days);
            for (int d = 1;; ++d) {
                if (interrupt.interrupted()) break;
                const bool more = sim.advance_to(days(d));
                bar.update(std::min(d, total), total);
                if (!more) {
                    single = sim.results();
                    if (consume(*single)) set.add(*scenario, *single);
                    break;
                }
            }
            bar.clear();
        } else {
            ProgressBar bar(show_progress, t.unit_replications, lang);
            ReplicationOptions options;
            options.replications = n;
            options.threads = opts->threads;
            options.seed = opts->seed;
            options.cancel = interrupt.flag();
            options.progress = [&bar](int done, int total) { bar.update(done, total); };
            options.exercise = *exercise;
            set = stream_replications(*scenario, options, consume);
            bar.clear();
        }
    } catch (const std::exception& e) {
        print_err(text::fill(lang, t.run_failed, {e.what()}));
        return exit_code::run_error;
    } catch (...) {
        print_err("\n");
        print_error(t.run_failed_unknown.in(lang));
        return exit_code::run_error;
    }
    if (writer && !writer->ok()) {
        print_error(text::fill(lang, t.previous_kept, {writer->error()}));
        return exit_code::run_error;
    }
    set.partial = static_cast<int>(set.runs.size()) < n;
    if (set.runs.empty()) {
        print_err(t.interrupted_nothing.in(lang));
        return exit_code::run_error;
    }

    const std::vector<KpiSummary> kpis = summarise(*scenario, set);
    if (!quiet) {
        print_out(n == 1 ? format_summary(*scenario, *single, lang)
                         : format_replications_summary(*scenario, set, kpis, lang));
    }
    const auto partial_message = [&](const std::string& where) {
        print_err(text::fill(lang, t.interrupted_runs,
                             {std::to_string(set.runs.size()), std::to_string(n), where}));
    };
    if (no_files) {
        if (set.partial) {
            partial_message(std::string(t.interrupted_summary_only.in(lang)));
            return exit_code::run_error;
        }
        return exit_code::ok;
    }

    const WriteReport written = writer->finish(set, kpis);
    if (!written.ok()) {
        print_error(text::fill(lang, t.previous_kept, {written.error}));
        return exit_code::run_error;
    }
    if (!commit_results_folder(*folder)) return exit_code::run_error;
    if (!quiet) {
        print_out(text::fill(lang, t.results_written,
                             {std::to_string(written.files.size()), dir.string()}));
    }
    if (report) {
        const int status = write_report_for(dir, opts->lang, quiet);
        if (status != exit_code::ok) return status;
    }
    if (set.partial) {
        partial_message(text::fill(lang, t.interrupted_marked, {dir.string()}));
        return exit_code::run_error;
    }
    return exit_code::ok;
}

int check_command(const std::vector<std::string>& args) {
    std::string error;
    const auto parsed = parse_args(args, {{"--exercise", true}, {"--lang", true}}, error);
    if (!parsed) return usage_error(error, "check");
    if (parsed->help) return print_help("check");

    int exit = exit_code::ok;
    const auto lang_opt = lang_option(*parsed, "check", exit);
    if (!lang_opt) return exit;
    const Language lang = *lang_opt;
    const text::CliTexts& t = text::cli;
    // one regular file: a sweep file (its variants' worlds, plans and exercises are checked)
    if (parsed->positional.size() == 1 && !parsed->has("--exercise")) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(parsed->positional[0], ec))
            return check_sweep_file(parsed->positional[0], lang);
    }
    const auto files = scenario_files(parsed->positional, "check", exit);
    if (!files) return exit;
    const LoadResult loaded = load_scenario(files->world, files->plan);
    const Diagnostics& diagnostics = loaded.diagnostics;
    for (const Diagnostic& d : diagnostics.items()) print_err(format_diagnostic(d, lang) + "\n");
    // an exercise file is read even when the scenario has errors (its own errors are shown),
    // and its names are checked against the scenario when that loaded
    std::optional<ExerciseLoadResult> exercise;
    if (const auto file = parsed->value("--exercise")) {
        exercise = loaded.scenario ? load_exercise(*file, *loaded.scenario) : load_exercise(*file);
        for (const Diagnostic& d : exercise->diagnostics.items())
            print_err(format_diagnostic(d, lang) + "\n");
    }
    const auto errors = [lang](std::size_t n, std::string_view) {
        return lang == Language::French
                   ? std::to_string(n) + (n == 1 ? " erreur" : " erreurs") + " dans l'exercice\n"
                   : std::to_string(n) + (n == 1 ? " error" : " errors") + " in the exercise\n";
    };
    if (diagnostics.has_errors() || !loaded.scenario) {
        const std::size_t n = diagnostics.error_count();
        print_err(n > 0 ? text::fill(lang, t.errors_in_scenario, {std::to_string(n)}) + "\n"
                        : files->world.string() + ": error: the scenario could not be loaded\n");
        if (exercise && exercise->diagnostics.has_errors())
            print_err(errors(exercise->diagnostics.error_count(), "exercise"));
        return exit_code::usage;
    }
    if (exercise && exercise->diagnostics.has_errors()) {
        print_err(errors(exercise->diagnostics.error_count(), "exercise"));
        return exit_code::usage;
    }
    const auto& scenario = loaded.scenario;
    // the plan's stress cases are exercise files: checked against the scenario too
    for (const StressCase& sc : scenario->plan.stress) {
        int stress_exit = exit_code::ok;
        if (!exercise_for_stress(sc.file, *scenario, stress_exit, lang)) return stress_exit;
    }

    const World& w = scenario->world;
    const Plan& p = scenario->plan;
    std::int64_t people = 0;
    for (const PoolEntry& e : w.pool) people += e.count;
    std::int64_t population = 0;
    for (const Commune& c : w.territory.communes) population += c.population;
    int vaccination = 0, testing = 0;
    for (const Centre& c : p.centres) {
        vaccination += c.vaccinates() ? 1 : 0;
        testing += c.tests() ? 1 : 0;
    }
    const std::size_t warnings = diagnostics.items().size() - diagnostics.error_count();
    std::string line(t.check_ok.in(lang));
    if (warnings > 0)
        line += " (" +
                text::fill(lang, warnings == 1 ? t.check_warning : t.check_warnings,
                           {std::to_string(warnings)}) +
                ")";
    const auto count = [lang](std::int64_t n) { return text::format_count(lang, n); };
    const auto size = [lang](std::size_t n) {
        return text::format_count(lang, static_cast<std::int64_t>(n));
    };
    line += (lang == Language::French ? " : " : ": ") +
            text::fill(lang, t.check_line,
                       {size(w.territory.communes.size()), count(population),
                        size(w.territory.edges.size()), size(w.groups.size()), count(people),
                        size(p.centres.size()), count(vaccination), count(testing),
                        size(p.mobile_teams.size()), size(w.deliveries.size()),
                        count(std::max(w.days, 0)), w.start_date}) +
            "\n";
    print_out(line);
    if (exercise && exercise->exercise) {
        const Exercise& ex = *exercise->exercise;
        const std::size_t ex_warnings = exercise->diagnostics.items().size();
        const bool fr = lang == Language::French;
        const auto counted = [fr](std::size_t n, std::string_view one_fr, std::string_view many_fr,
                                  std::string_view one_en, std::string_view many_en) {
            return std::to_string(n) + ' ' +
                   std::string(fr ? (n == 1 ? one_fr : many_fr) : (n == 1 ? one_en : many_en));
        };
        std::string ex_line(t.check_ok.in(lang));
        if (ex_warnings > 0)
            ex_line += " (" +
                       text::fill(lang, ex_warnings == 1 ? t.check_warning : t.check_warnings,
                                  {std::to_string(ex_warnings)}) +
                       ")";
        ex_line +=
            std::string(fr ? " : exercice « " : ": exercise '") + ex.name + (fr ? " » : " : "': ") +
            counted(ex.injects.size(), "stimulus programmé", "stimuli programmés",
                    "scripted inject", "scripted injects") +
            ", " +
            counted(ex.triggers.size(), "déclencheur", "déclencheurs", "trigger", "triggers") +
            ", " +
            counted(ex.objectives.size(), "objectif", "objectifs", "objective", "objectives") +
            "\n";
        print_out(ex_line);
    }
    return exit_code::ok;
}

int help_command(const std::vector<std::string>& args) {
    std::string error;
    const auto parsed = parse_args(args, {{"--lang", true}}, error);
    if (!parsed) return usage_error(error, "help");
    int lang_exit = exit_code::ok;
    if (!lang_option(*parsed, "help", lang_exit)) return lang_exit;
    if (parsed->help) return print_help("help");
    if (parsed->positional.empty()) {
        print_out(main_help(usage_language()));
        return exit_code::ok;
    }
    if (parsed->positional.size() > 1) return usage_error(text::cli.usage_help_one, {}, "help");
    const auto text = command_help(parsed->positional[0], usage_language());
    if (!text) {
        static const std::vector<std::string> commands{"run",    "compare", "validate", "size",
                                                       "report", "check",   "exercise", "territory",
                                                       "sweep",  "merge",   "help"};
        return usage_error(text::cli.usage_unknown_command,
                           {parsed->positional[0], did_you_mean(parsed->positional[0], commands)},
                           "");
    }
    print_out(*text);
    return exit_code::ok;
}

} // namespace riposte::cli
