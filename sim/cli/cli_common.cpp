#include "cli_common.hpp"

#include "commands.hpp"
#include "help.hpp"

#include "riposte/exercise_loader.hpp"
#include "riposte/output.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/sweep.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <limits>
#include <system_error>
#include <thread>

#include <unistd.h>

namespace riposte::cli {

namespace fs = std::filesystem;

void print_out(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void print_err(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stderr);
}

int print_help(std::string_view command) {
    const auto text = command_help(command, usage_language());
    if (text && launcher_rank() == 0) print_out(*text); // under mpirun: once, by rank 0
    return exit_code::ok;
}

bool stderr_is_terminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

std::optional<ScenarioFiles> scenario_files(const std::vector<std::string>& positional,
                                            std::string_view command, int& exit) {
    if (positional.empty()) return ScenarioFiles{default_world_file(), default_plan_file()};
    if (positional.size() == 2) return ScenarioFiles{positional[0], positional[1]};
    if (positional.size() == 1) {
        const fs::path dir = positional[0];
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            exit = usage_error(text::cli.usage_not_a_directory, {positional[0]}, command);
            return std::nullopt;
        }
        ScenarioFiles files{dir / "world.toml", dir / "plan.toml"};
        for (const fs::path& f : {files.world, files.plan}) {
            if (!fs::exists(f, ec)) {
                print_err(f.string() + ":1:1: error: [input.missing] file not found; a scenario " +
                          "directory must hold world.toml and plan.toml\n");
                exit = exit_code::usage;
                return std::nullopt;
            }
        }
        return files;
    }
    exit = usage_error(text::cli.usage_too_many, {}, command);
    return std::nullopt;
}

std::optional<Scenario> load(const ScenarioFiles& files, bool quiet_summary, Language lang) {
    LoadResult loaded = load_scenario(files.world, files.plan);
    const Diagnostics& diagnostics = loaded.diagnostics;
    // under mpirun every rank loads the same files: rank 0 alone prints what they hold
    const bool say = launcher_rank() == 0;
    for (const Diagnostic& d : diagnostics.items())
        if (say) print_err(format_diagnostic(d, lang) + "\n");
    if (diagnostics.has_errors() || !loaded.scenario) {
        if (!say) return std::nullopt;
        const std::size_t n = diagnostics.error_count();
        if (n == 0) {
            print_err(files.world.string() + ": error: the scenario could not be loaded\n");
        } else if (!quiet_summary) {
            print_err(text::fill(lang, text::cli.errors_in_scenario, {std::to_string(n)}) +
                      std::string(text::cli.nothing_run.in(lang)) + "\n");
        }
        return std::nullopt;
    }
    return std::move(loaded.scenario);
}

std::optional<std::uint64_t> number_option(const ParsedArgs& args, std::string_view name,
                                           std::uint64_t min, std::uint64_t max,
                                           std::uint64_t fallback, std::string_view command,
                                           int& exit) {
    const auto text = args.value(name);
    if (!text) return fallback;
    const auto v = parse_u64(*text);
    if (!v || *v < min || *v > max) {
        exit = usage_error(text::cli.usage_whole_number,
                           {name, std::to_string(min), std::to_string(max), *text}, command);
        return std::nullopt;
    }
    return *v;
}

std::optional<std::uint64_t> seed_option(const ParsedArgs& args, std::string_view command,
                                         int& exit) {
    return number_option(args, "--seed", 0, std::numeric_limits<std::uint64_t>::max(), 1, command,
                         exit);
}

std::optional<int> threads_option(const ParsedArgs& args, std::string_view command, int& exit) {
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const auto v = number_option(args, "--threads", 1, 256, hw, command, exit);
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
}

std::optional<Language> lang_option(const ParsedArgs& args, std::string_view command, int& exit) {
    const auto text = args.value("--lang");
    if (!text) return Language::French;
    const auto lang = parse_language(*text);
    if (!lang) {
        exit = usage_error(text::cli.usage_lang, {*text}, command);
        return std::nullopt;
    }
    return lang;
}

// ---- Ctrl-C ----

namespace {

std::atomic<bool> interrupt_flag{false};
// The message the handler writes, chosen before the handler is installed (a string literal of
// the table: nothing is allocated in the handler).
std::atomic<const char*> interrupt_message{nullptr};
std::atomic<std::size_t> interrupt_message_size{0};
struct sigaction previous_action {};

extern "C" void on_sigint(int /*signal*/) {
    interrupt_flag.store(true);
    // write(2) is async-signal-safe; nothing to do if it fails
    const ssize_t written =
        ::write(STDERR_FILENO, interrupt_message.load(), interrupt_message_size.load());
    (void)written;
}

static_assert(std::atomic<bool>::is_always_lock_free, "the Ctrl-C flag must be lock-free");

} // namespace

InterruptGuard::InterruptGuard(Language lang) {
    interrupt_flag.store(false);
    const std::string_view message = text::cli.interrupt_signal.in(lang);
    interrupt_message.store(message.data());
    interrupt_message_size.store(message.size());
    struct sigaction action {};
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    // A second Ctrl-C gets the default action: quit. (SA_RESETHAND is an unsigned constant.)
    action.sa_flags = static_cast<int>(SA_RESETHAND);
    ::sigaction(SIGINT, &action, &previous_action);
}

InterruptGuard::~InterruptGuard() {
    ::sigaction(SIGINT, &previous_action, nullptr);
}

std::atomic<bool>* InterruptGuard::flag() {
    return &interrupt_flag;
}

bool InterruptGuard::interrupted() const {
    return interrupt_flag.load();
}

// ---- progress ----

ProgressBar::ProgressBar(bool enabled, const text::Text& unit, Language lang)
    : enabled_(enabled), unit_(unit.in(lang)), lang_(lang),
      start_(std::chrono::steady_clock::now()) {}

void ProgressBar::update(int done, int total) {
    if (!enabled_ || total <= 0) return;
    const auto now = std::chrono::steady_clock::now();
    // at most ten redraws a second, but always the last one
    if (shown_ && done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    constexpr int width = 28;
    const int filled = std::clamp(done * width / total, 0, width);
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? done / elapsed : 0;
    std::string line = "\r[" + std::string(static_cast<std::size_t>(filled), '#') +
                       std::string(static_cast<std::size_t>(width - filled), '.') + "] " +
                       std::to_string(done) + "/" + std::to_string(total) + " " + unit_;
    char buf[64];
    line += "  " + text::format_decimal(lang_, rate, 1) + "/s";
    if (rate > 0 && done < total) {
        const auto eta = static_cast<long>((total - done) / rate + 0.5);
        std::snprintf(buf, sizeof buf, " %ld:%02ld", eta / 60, eta % 60);
        line += "  " + std::string(text::cli.eta.in(lang_)) + buf;
    }
    line += "   ";
    print_err(line);
    std::fflush(stderr);
    shown_ = true;
}

void ProgressBar::clear() {
    if (!shown_) return;
    print_err("\r" + std::string(78, ' ') + "\r");
    std::fflush(stderr);
    shown_ = false;
}

std::optional<ResultsFolder> prepare_results_folder(const fs::path& dir, bool force, int& exit) {
    std::vector<std::string> foreign;
    std::string error;
    auto folder = ResultsFolder::prepare(dir, force, foreign, error);
    if (folder) return folder;
    // the folder's own files: said by the command, in its language (the library's text is
    // English)
    fs::path named = dir;
    if (named.filename().empty()) named = named.parent_path();
    print_error(foreign.empty()
                    ? error
                    : text::fill(usage_language(), text::cli.foreign_files, {named.string()}));
    const std::size_t shown = std::min<std::size_t>(foreign.size(), 10);
    for (std::size_t i = 0; i < shown; ++i) print_err("  " + foreign[i] + "\n");
    if (foreign.size() > shown)
        print_err(text::fill(usage_language(), text::cli.and_more_files,
                             {std::to_string(foreign.size() - shown)}));
    exit = foreign.empty() ? exit_code::run_error : exit_code::usage;
    return std::nullopt;
}

bool commit_results_folder(ResultsFolder& folder) {
    const WriteStatus st = folder.commit();
    if (st.ok()) return true;
    print_error(text::fill(usage_language(), text::cli.previous_kept, {st.error}));
    return false;
}

int write_report_for(const fs::path& dir, Language lang, bool quiet) {
    const ReportResult report = build_report(dir, lang);
    if (!report.ok()) {
        print_error(text::fill(lang, text::cli.report_not_made, {report.error}));
        return exit_code::run_error;
    }
    const fs::path file = dir / "report.html";
    const WriteStatus status = write_file_atomic(file, report.html);
    if (!status.ok()) {
        print_error(status.error);
        return exit_code::run_error;
    }
    if (!quiet) print_out(text::fill(lang, text::cli.report_written, {file.string()}));
    return exit_code::ok;
}

std::optional<SimulationOptions> simulation_options(const ParsedArgs& args,
                                                    std::string_view command,
                                                    std::uint64_t min_replications,
                                                    std::uint64_t default_replications, int& exit) {
    SimulationOptions o;
    const auto seed = seed_option(args, command, exit);
    if (!seed) return std::nullopt;
    const auto replications = number_option(args, "--replications", min_replications,
                                            max_replications, default_replications, command, exit);
    if (!replications) return std::nullopt;
    const auto threads = threads_option(args, command, exit);
    if (!threads) return std::nullopt;
    const auto lang = lang_option(args, command, exit);
    if (!lang) return std::nullopt;
    o.seed = *seed;
    o.replications = *replications;
    o.threads = *threads;
    o.lang = *lang;
    return o;
}

std::shared_ptr<const Exercise> exercise_for_stress(const std::filesystem::path& file,
                                                    const Scenario& scenario, int& exit,
                                                    Language lang) {
    ExerciseLoadResult loaded = load_exercise(file, scenario);
    for (const Diagnostic& d : loaded.diagnostics.items())
        print_err(format_diagnostic(d, lang) + "\n");
    if (loaded.diagnostics.has_errors() || !loaded.exercise) {
        const std::size_t n = loaded.diagnostics.error_count();
        print_err(std::to_string(n) + (n == 1 ? " error" : " errors") + " in the exercise " +
                  file.string() + "\n");
        exit = exit_code::usage;
        return nullptr;
    }
    return std::make_shared<const Exercise>(std::move(*loaded.exercise));
}

std::optional<std::shared_ptr<const Exercise>>
exercise_option(const ParsedArgs& args, const Scenario& scenario, int& exit, Language lang) {
    const auto file = args.value("--exercise");
    if (!file) return std::shared_ptr<const Exercise>();
    auto ex = exercise_for_stress(*file, scenario, exit, lang);
    if (!ex) return std::nullopt;
    return ex;
}

} // namespace riposte::cli
