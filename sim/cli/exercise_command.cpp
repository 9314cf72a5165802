// riposte exercise replay: re-runs a live session from its journal and writes its outputs.
#include "cli_common.hpp"
#include "commands.hpp"

#include "riposte/change_toml.hpp"
#include "riposte/counterfactual.hpp"
#include "riposte/exercise_loader.hpp"
#include "riposte/output.hpp"
#include "riposte/retex.hpp"
#include "riposte/runner.hpp"
#include "riposte/session.hpp"
#include "riposte/text/diagnostic_texts.hpp"

#include <cstring>

namespace riposte::cli {

namespace fs = std::filesystem;

namespace {

int replay(const std::vector<std::string>& args) {
    std::string error;
    const auto parsed = parse_args(args,
                                   {{"--exercise", true},
                                    {"--until", true},
                                    {"--out", true},
                                    {"--force", false},
                                    {"--lang", true},
                                    {"--quiet", false}},
                                   error);
    if (!parsed) return usage_error(error, "exercise");
    if (parsed->help) return print_help("exercise");
    const auto& pos = parsed->positional;
    if (pos.size() != 3) return usage_error(text::cli.usage_replay_args, {}, "exercise");
    int lang_exit = exit_code::ok;
    const auto language = lang_option(*parsed, "exercise", lang_exit);
    if (!language) return lang_exit;
    const text::DiagnosticTexts& dt = text::diag;
    const auto say_in = [&](const text::Text& pattern, std::initializer_list<SayArg> a) {
        return say(pattern, a).in(*language);
    };
    const bool quiet = parsed->has("--quiet");
    std::optional<SimTime> until;
    if (const auto u = parsed->value("--until")) {
        const TimeText t = parse_day_time(*u);
        if (!t.value) return usage_error(text::cli.usage_until, {*u, t.error}, "exercise");
        until = t.value;
    }
    int exit = exit_code::ok;
    const auto scenario = load(ScenarioFiles{pos[0], pos[1]}, true, *language);
    if (!scenario) return exit_code::usage;
    const fs::path journal_file = pos[2];
    const JournalReadResult jr = read_journal(journal_file);
    for (const Diagnostic& d : jr.diagnostics.items())
        print_err(format_diagnostic(d, *language) + "\n");
    if (!jr.journal) {
        print_err(say_in(dt.replay_cannot, {journal_file.string()}) + "\n");
        return exit_code::usage;
    }
    const Journal& journal = *jr.journal;

    // the exercise: given, or the one the journal names (relative to the journal)
    SessionInputs in;
    in.scenario = std::make_shared<const Scenario>(*scenario);
    in.seed = journal.header.seed;
    in.replication = journal.header.replication;
    in.world_file = pos[0];
    in.plan_file = pos[1];
    std::optional<std::string> exercise_path = parsed->value("--exercise");
    if (!exercise_path && !journal.header.exercise.empty())
        exercise_path = (journal_file.parent_path() / journal.header.exercise).string();
    if (exercise_path) {
        ExerciseLoadResult ex = load_exercise(*exercise_path, *scenario);
        for (const Diagnostic& d : ex.diagnostics.items())
            print_err(format_diagnostic(d, *language) + "\n");
        if (!ex.exercise) return exit_code::usage;
        in.exercise = std::make_shared<const Exercise>(std::move(*ex.exercise));
        in.exercise_file = *exercise_path;
    }
    // the inputs must be those of the session: a difference is a named divergence
    if (auto bad = check_journal_inputs(journal.header, in, journal_file)) {
        print_err(journal_file.string() + ":1:1" +
                  say_in(dt.replay_inputs, {dt.error.in(*language), *bad}) + "\n");
        return exit_code::run_error;
    }
    Simulation sim(in.scenario, [&] {
        RunOptions o;
        o.seed = in.seed;
        o.replication = in.replication;
        o.exercise = in.exercise;
        return o;
    }());
    if (auto d = replay_entries(sim, journal.entries, until.value_or(SimTime::max()))) {
        print_err(journal_file.string() + ":" + std::to_string(d->line) + ":1" +
                  say_in(dt.replay_divergence,
                         {dt.error.in(*language), std::to_string(d->entry), d->what}) +
                  "\n");
        return exit_code::run_error;
    }
    const Results results = sim.run();
    ReplicationSet set;
    set.requested = 1;
    set.add(*scenario, results);
    const std::vector<KpiSummary> kpis = summarise(*scenario, set);
    if (!quiet) print_out(format_summary(*scenario, results, *language));
    const auto out = parsed->value("--out");
    if (!out) return exit_code::ok;
    auto folder = prepare_results_folder(*out, parsed->has("--force"), exit);
    if (!folder) return exit;
    ReplicationFiles files(*scenario, folder->staging());
    WriteReport written;
    if (!files.ok() || !files.add(results))
        written.error = files.error();
    else
        written = files.finish(set, kpis);
    if (!written.ok()) {
        print_err(say_in(dt.riposte_error, {written.error}) + "\n");
        return exit_code::run_error;
    }
    if (!commit_results_folder(*folder)) return exit_code::run_error;
    if (!quiet)
        print_out(
            "\n" +
            say_in(
                dt.replay_done,
                {text::format_count(*language, static_cast<std::int64_t>(journal.entries.size())),
                 text::format_count(*language, static_cast<std::int64_t>(written.files.size())),
                 *out}) +
            "\n");
    return exit_code::ok;
}

/// riposte exercise report JOURNAL: the RETEX, the inputs found through the journal's header.
int report(const std::vector<std::string>& args) {
    std::string error;
    const auto parsed =
        parse_args(args, {{"--out", true}, {"--lang", true}, {"--quiet", false}}, error);
    if (!parsed) return usage_error(error, "exercise");
    if (parsed->help) return print_help("exercise");
    const auto& pos = parsed->positional;
    if (pos.size() != 1) return usage_error(text::cli.usage_exercise_report_args, {}, "exercise");
    const std::string lang = parsed->value("--lang").value_or("fr");
    if (lang != "fr" && lang != "en") return usage_error(text::cli.usage_lang, {lang}, "exercise");
    const Language language = *parse_language(lang);
    const fs::path journal_file = pos[0];
    const JournalReadResult jr = read_journal(journal_file);
    for (const Diagnostic& d : jr.diagnostics.items())
        print_err(format_diagnostic(d, language) + "\n");
    if (!jr.journal) {
        print_err(text::fill(language, text::cli.retex_cannot_read, {journal_file.string()}));
        return exit_code::usage;
    }
    const Journal& journal = *jr.journal;
    const fs::path base = journal_file.parent_path();
    auto input = [&](const std::string& p) { return p.empty() ? fs::path{} : base / p; };
    if (journal.header.world.empty() || journal.header.plan.empty()) {
        print_err(text::fill(language, text::cli.retex_no_inputs,
                             {journal_file.string(), text::diag.error.in(language)}));
        return exit_code::usage;
    }
    const auto scenario = load(
        ScenarioFiles{input(journal.header.world), input(journal.header.plan)}, true, language);
    if (!scenario) return exit_code::usage;
    SessionInputs in;
    in.scenario = std::make_shared<const Scenario>(*scenario);
    in.seed = journal.header.seed;
    in.replication = journal.header.replication;
    in.world_file = input(journal.header.world);
    in.plan_file = input(journal.header.plan);
    if (!journal.header.exercise.empty()) {
        in.exercise_file = input(journal.header.exercise);
        ExerciseLoadResult ex = load_exercise(in.exercise_file, *scenario);
        for (const Diagnostic& d : ex.diagnostics.items())
            print_err(format_diagnostic(d, language) + "\n");
        if (!ex.exercise) return exit_code::usage;
        in.exercise = std::make_shared<const Exercise>(std::move(*ex.exercise));
    }
    if (auto bad = check_journal_inputs(journal.header, in, journal_file)) {
        print_err(
            journal_file.string() + ":1:1" +
            say(text::diag.replay_inputs, {text::diag.error.in(language), *bad}).in(language) +
            "\n");
        return exit_code::run_error;
    }
    RunOptions o;
    o.seed = in.seed;
    o.replication = in.replication;
    o.exercise = in.exercise;
    Simulation sim(in.scenario, o);
    if (auto d = replay_entries(sim, journal.entries)) {
        print_err(journal_file.string() + ":" + std::to_string(d->line) + ":1" +
                  say(text::diag.replay_divergence,
                      {text::diag.error.in(language), std::to_string(d->entry), d->what})
                      .in(language) +
                  "\n");
        return exit_code::run_error;
    }
    const Results results = sim.run();
    const std::vector<Counterfactual> counterfactuals =
        decision_counterfactuals(in.scenario, o, journal.entries, lang);
    RetexInputs ri;
    ri.counterfactuals = &counterfactuals;
    ri.scenario = in.scenario.get();
    ri.exercise = in.exercise.get();
    ri.journal = &journal;
    ri.results = &results;
    ri.lang = lang;
    std::string name = journal_file.filename().string();
    for (const char* ext : {".journal.toml", ".toml"})
        if (name.size() > std::strlen(ext) && name.ends_with(ext)) {
            name.resize(name.size() - std::strlen(ext));
            break;
        }
    const fs::path out = parsed->value("--out").value_or((base / (name + "-retex.html")).string());
    const WriteStatus st = write_file_atomic(out, retex_html(ri));
    if (!st.ok()) {
        print_err(text::fill(language, text::cli.retex_cannot_write, {out.string(), st.error}));
        return exit_code::run_error;
    }
    if (!parsed->has("--quiet"))
        print_out(text::fill(language, text::cli.retex_written, {out.string()}));
    return exit_code::ok;
}

} // namespace

int exercise_command(std::vector<std::string> args) {
    lang_after_command(args);
    if (args.empty() || args.front() == "-h" || args.front() == "--help")
        return args.empty() ? usage_error(text::cli.usage_exercise_sub, {}, "exercise")
                            : print_help("exercise");
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args.front() == "replay") return replay(rest);
    if (args.front() == "report") return report(rest);
    return usage_error(text::cli.usage_exercise_unknown_sub, {args.front()}, "exercise");
}

} // namespace riposte::cli
