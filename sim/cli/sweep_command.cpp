// riposte sweep SWEEP.toml: the variants of a sweep file × N replications with common random
// numbers, on threads, across MPI ranks (mpirun) or in shards (--shard i/n, then riposte merge);
// one table of KPI means and CIs per variant with the paired differences to the baseline.
#include "cli_common.hpp"
#include "commands.hpp"

#include "riposte/output.hpp"
#include "riposte/sweep.hpp"
#include "riposte/sweep_loader.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <system_error>
#include <thread>

namespace riposte::cli {

namespace fs = std::filesystem;

namespace {

/// Finalises MPI on every way out of the command.
struct MpiScope {
    ~MpiScope() { mpi_finish(); }
};

std::string short_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string shown_path(const fs::path& p, const fs::path& base) {
    if (p.empty()) return {};
    if (base.empty()) return p.generic_string();
    const fs::path rel = p.lexically_relative(base);
    return rel.empty() ? p.generic_string() : rel.generic_string();
}

SweepInfo info_of(const SweepSpec& spec, const PreparedSweep& prepared) {
    SweepInfo info;
    info.name = spec.name;
    info.digest = prepared.digest;
    info.replications = spec.replications;
    info.seed = spec.seed;
    info.baseline = spec.baseline;
    const fs::path base = spec.file.parent_path();
    for (std::size_t v = 0; v < spec.variants.size(); ++v) {
        const SweepVariantSpec& s = spec.variants[v];
        SweepVariantInfo x;
        x.label = s.label;
        x.world_file = shown_path(s.world, base);
        x.plan_file = shown_path(s.plan, base);
        x.exercise_file = shown_path(s.exercise, base);
        for (const auto& [role, f] : s.overrides.staff)
            x.staff += (x.staff.empty() ? "" : ";") + role + "=" + short_number(f);
        for (const auto& [group, u] : s.overrides.uptake)
            x.uptake += (x.uptake.empty() ? "" : ";") +
                        (group.empty() ? short_number(u) : group + "=" + short_number(u));
        if (s.overrides.absence) x.absence = short_number(*s.overrides.absence);
        for (const KpiValue& k : main_kpis(*prepared.variants[v].scenario, Results{}))
            x.kpis.emplace_back(k.name, k.higher_is_better);
        info.variants.push_back(std::move(x));
    }
    return info;
}

/// Writes `files` into the results folder `dir` (replaced as a whole, atomically).
int write_folder(const fs::path& dir, bool force,
                 const std::vector<std::pair<std::string, std::string>>& files) {
    int exit = exit_code::ok;
    auto folder = prepare_results_folder(dir, force, exit);
    if (!folder) return exit;
    for (const auto& [name, content] : files) {
        const WriteStatus status = write_file_atomic(folder->staging() / name, content);
        if (!status.ok()) {
            print_error(status.error);
            return exit_code::run_error;
        }
    }
    if (!commit_results_folder(*folder)) return exit_code::run_error;
    return exit_code::ok;
}

std::optional<std::pair<int, int>> parse_shard(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const auto i = parse_u64(text.substr(0, slash));
    const auto n = parse_u64(text.substr(slash + 1));
    if (!i || !n || *n < 1 || *n > 100000 || *i < 1 || *i > *n) return std::nullopt;
    return std::make_pair(static_cast<int>(*i), static_cast<int>(*n));
}

} // namespace

int sweep_command(const std::vector<std::string>& args) {
    std::string error;
    const auto parsed = parse_args(args,
                                   {{"--replications", true},
                                    {"--threads", true},
                                    {"--seed", true},
                                    {"--out", true},
                                    {"--force", false},
                                    {"--lang", true},
                                    {"--quiet", false},
                                    {"--shard", true},
                                    {"--checkpoint", true},
                                    {"--no-checkpoint", false},
                                    {"--stop-after", true}},
                                   error);
    if (!parsed) return usage_error(error, "sweep");
    if (parsed->help) return print_help("sweep");

    // Under mpirun every rank runs this command; only rank 0 prints and writes.
    if (under_mpi_launcher() && !mpi_built()) {
        return usage_error(text::cli.usage_sweep_no_mpi, {}, "sweep");
    }
    MpiScope mpi_scope;
    const MpiJob job = under_mpi_launcher() ? mpi_job() : MpiJob{};
    const bool root = job.rank == 0;
    const auto err = [&](std::string_view text) {
        if (root) print_err(text);
    };

    int exit = exit_code::ok;
    const auto lang_opt = lang_option(*parsed, "sweep", exit);
    if (!lang_opt) return exit;
    const Language lang = *lang_opt;
    const bool quiet = parsed->has("--quiet") || !root;
    const auto& pos = parsed->positional;
    if (pos.size() != 1)
        return root ? usage_error(text::cli.usage_sweep_args, {}, "sweep") : exit_code::usage;

    // Everything that can fail before the run, on every rank; under MPI the ranks then agree
    // to go on (a rank that stopped alone would leave the others waiting for it).
    SweepLoadResult loaded;
    PreparedSweep prepared;
    SweepInfo info;
    SweepOptions options;
    Checkpoint checkpoint;
    std::string checkpoint_error;
    std::optional<std::uint64_t> threads;
    std::optional<std::pair<int, int>> shard;
    int stop_after = -1;
    const auto out = parsed->value("--out");
    std::optional<fs::path> checkpoint_file;
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const int setup_exit = [&]() -> int {
        loaded = load_sweep(pos[0]);
        for (const Diagnostic& d : loaded.diagnostics.items())
            err(format_diagnostic(d, lang) + "\n");
        if (!loaded.sweep) {
            err(text::cli.sweep_files_errors.in(lang));
            return exit_code::usage;
        }
        if (parsed->has("--replications")) {
            const auto n =
                number_option(*parsed, "--replications", 1, max_replications, 1, "sweep", exit);
            if (!n) return exit;
            loaded.sweep->replications = static_cast<int>(*n);
        }
        if (parsed->has("--seed")) {
            const auto s = seed_option(*parsed, "sweep", exit);
            if (!s) return exit;
            loaded.sweep->seed = *s;
        }
        threads = number_option(*parsed, "--threads", 1, 256, job.active ? 1 : hw, "sweep", exit);
        if (!threads) return exit;
        if (const auto s = parsed->value("--shard")) {
            shard = parse_shard(*s);
            if (!shard) return usage_error(text::cli.usage_shard, {}, "sweep");
        }
        if (parsed->has("--stop-after")) {
            const auto k = number_option(*parsed, "--stop-after", 0, 100000000, 0, "sweep", exit);
            if (!k) return exit;
            stop_after = static_cast<int>(*k);
        }
        if (out && out->empty())
            return usage_error(text::cli.usage_needs_directory, {"--out"}, "sweep");
        if (shard && !out) return usage_error(text::cli.usage_shard_out, {}, "sweep");
        if (const auto c = parsed->value("--checkpoint")) {
            if (c->empty())
                return usage_error(text::cli.usage_needs_file, {"--checkpoint"}, "sweep");
            checkpoint_file = *c;
        } else if (out) {
            fs::path dir = *out;
            if (dir.filename().empty()) dir = dir.parent_path();
            checkpoint_file = dir.string() + ".checkpoint";
        }
        if (parsed->has("--no-checkpoint")) checkpoint_file.reset();

        prepared = prepare_sweep(*loaded.sweep);
        for (const Diagnostic& d : prepared.diagnostics.items())
            err(format_diagnostic(d, lang) + "\n");
        if (prepared.diagnostics.has_errors()) {
            err(text::cli.sweep_files_errors.in(lang));
            return exit_code::usage;
        }
        info = info_of(*loaded.sweep, prepared);
        if (shard) {
            info.shard_index = shard->first - 1;
            info.shard_count = shard->second;
        }

        options.replications = loaded.sweep->replications;
        options.seed = loaded.sweep->seed;
        options.threads = static_cast<int>(*threads);
        options.shard_index = info.shard_index;
        options.shard_count = info.shard_count;
        options.stop_after = stop_after;
        options.mpi = job.active;

        // the checkpoint (rank 0): tasks finished by an earlier, interrupted run of this sweep
        if (root && checkpoint_file) {
            const std::string e =
                checkpoint.open(*checkpoint_file, prepared.digest, options.finished);
            if (!e.empty()) {
                print_error(e);
                return exit_code::usage;
            }
            options.on_finished = [&](const TaskResult& t) {
                if (checkpoint.append(t)) return true;
                checkpoint_error = checkpoint.error();
                return false;
            };
        }
        return exit_code::ok;
    }();
    if (job.active && !mpi_all_agree(setup_exit == exit_code::ok)) {
        if (setup_exit == exit_code::ok)
            err(std::string(text::cli.usage_prefix.in(lang)) +
                std::string(text::cli.mpi_other_rank.in(lang)) + "\n");
        return setup_exit == exit_code::ok ? exit_code::usage : setup_exit;
    }
    if (setup_exit != exit_code::ok) return setup_exit;
    const SweepSpec& spec = *loaded.sweep;
    const std::size_t total_tasks = [&] {
        std::size_t n = 0;
        const std::size_t all =
            static_cast<std::size_t>(spec.replications) * prepared.variants.size();
        for (std::size_t i = 0; i < all; ++i)
            if (i % static_cast<std::size_t>(info.shard_count) ==
                static_cast<std::size_t>(info.shard_index))
                ++n;
        return n;
    }();
    if (root && !quiet && !options.finished.empty())
        print_err(text::fill(lang, text::cli.sweep_resumed,
                             {std::to_string(options.finished.size()), std::to_string(total_tasks),
                              checkpoint_file->string()}));

    InterruptGuard interrupt(lang);
    options.cancel = interrupt.flag();
    ProgressBar bar(!quiet && stderr_is_terminal(), text::cli.unit_tasks, lang);
    options.progress = [&](int done, int total) { bar.update(done, total); };
    SweepOutcome outcome;
    try {
        outcome = run_sweep(prepared.variants, options);
    } catch (const std::exception& e) {
        bar.clear();
        // every rank says why (under mpirun the job may be stopped before rank 0 reports)
        print_err(text::fill(lang, text::cli.run_failed, {e.what()}));
        return exit_code::run_error;
    }
    bar.clear();
    checkpoint.close();
    mpi_finish();
    if (!outcome.gathered) return exit_code::ok; // an MPI rank other than 0: rank 0 reports
    if (!checkpoint_error.empty()) {
        print_error(checkpoint_error);
        return exit_code::run_error;
    }
    const int done = static_cast<int>(outcome.tasks.size());
    if (!outcome.complete) {
        if (checkpoint_file)
            print_err(text::fill(
                lang, text::cli.sweep_stopped,
                {std::to_string(done), std::to_string(outcome.total), checkpoint_file->string()}));
        else
            print_err(text::fill(lang, text::cli.sweep_stopped_no_checkpoint,
                                 {std::to_string(done), std::to_string(outcome.total)}));
        return exit_code::run_error;
    }

    if (shard) {
        const int status =
            write_folder(*out, parsed->has("--force"),
                         {{"shard.txt", encode_sweep_info(info)},
                          {"tasks.txt", task_file_text(prepared.digest, outcome.tasks)}});
        if (status != exit_code::ok) return status;
        if (!quiet)
            print_out(text::fill(lang, text::cli.sweep_shard_written,
                                 {std::to_string(shard->first), std::to_string(shard->second),
                                  std::to_string(done), *out}));
    } else {
        if (!quiet) print_out(format_sweep(info, outcome.sets, lang));
        if (out) {
            const int status = write_folder(*out, parsed->has("--force"),
                                            {{"sweep.csv", sweep_csv(info, outcome.sets)},
                                             {"variants.csv", sweep_variants_csv(info)}});
            if (status != exit_code::ok) return status;
            if (!quiet) print_out(text::fill(lang, text::cli.sweep_written, {*out}));
        }
    }
    // the results are in place: the checkpoint has done its job
    if (checkpoint_file) {
        std::error_code ec;
        fs::remove(*checkpoint_file, ec);
    }
    return exit_code::ok;
}

int check_sweep_file(const std::string& file, Language lang) {
    SweepLoadResult loaded = load_sweep(file);
    for (const Diagnostic& d : loaded.diagnostics.items())
        print_err(format_diagnostic(d, lang) + "\n");
    if (!loaded.sweep) {
        print_err(text::fill(lang, text::cli.errors_in_sweep,
                             {std::to_string(loaded.diagnostics.error_count())}) +
                  "\n");
        return exit_code::usage;
    }
    const PreparedSweep prepared = prepare_sweep(*loaded.sweep);
    for (const Diagnostic& d : prepared.diagnostics.items())
        print_err(format_diagnostic(d, lang) + "\n");
    if (prepared.diagnostics.has_errors()) {
        print_err(text::fill(lang, text::cli.errors_in_sweep,
                             {std::to_string(prepared.diagnostics.error_count())}) +
                  "\n");
        return exit_code::usage;
    }
    print_out(text::fill(
        lang, text::cli.sweep_check_ok,
        {std::to_string(prepared.variants.size()), std::to_string(loaded.sweep->replications)}));
    return exit_code::ok;
}

int merge_command(const std::vector<std::string>& args) {
    std::string error;
    const auto parsed = parse_args(
        args, {{"--out", true}, {"--force", false}, {"--lang", true}, {"--quiet", false}}, error);
    if (!parsed) return usage_error(error, "merge");
    if (parsed->help) return print_help("merge");
    int exit = exit_code::ok;
    const auto lang_opt = lang_option(*parsed, "merge", exit);
    if (!lang_opt) return exit;
    const Language lang = *lang_opt;
    const bool quiet = parsed->has("--quiet");
    const auto out = parsed->value("--out");
    if (!out || out->empty()) return usage_error(text::cli.usage_merge_out, {}, "merge");
    if (parsed->positional.empty()) return usage_error(text::cli.usage_merge_args, {}, "merge");

    std::optional<SweepInfo> first;
    std::vector<TaskResult> tasks;
    std::map<int, std::string> seen; // shard index → folder
    for (const std::string& dir : parsed->positional) {
        const fs::path d = dir;
        std::string e;
        auto info = read_sweep_info(d / "shard.txt", e);
        if (!info) {
            print_error(
                text::fill(lang, text::cli.merge_not_shard, {(d / "shard.txt").string(), e, dir}));
            return exit_code::usage;
        }
        std::string digest;
        std::vector<TaskResult> mine = read_task_file(d / "tasks.txt", digest, e);
        if (!e.empty()) {
            print_error(e);
            return exit_code::usage;
        }
        if (digest != info->digest) {
            print_error(text::fill(lang, text::cli.merge_digest, {dir}));
            return exit_code::usage;
        }
        if (first && (info->digest != first->digest || info->shard_count != first->shard_count)) {
            print_error(text::fill(lang, text::cli.merge_other_sweep, {dir, seen.begin()->second}));
            return exit_code::usage;
        }
        if (const auto [it, fresh] = seen.emplace(info->shard_index, dir); !fresh) {
            print_error(text::fill(lang, text::cli.merge_same_shard,
                                   {dir, it->second, std::to_string(info->shard_index + 1)}));
            return exit_code::usage;
        }
        const std::size_t nv = info->variants.size();
        const auto n = static_cast<std::size_t>(info->shard_count);
        std::set<std::size_t> have;
        for (const TaskResult& t : mine) {
            const std::size_t i = task_index(t.variant, t.record.replication, static_cast<int>(nv));
            if (t.variant < 0 || static_cast<std::size_t>(t.variant) >= nv ||
                t.record.replication >= info->replications ||
                i % n != static_cast<std::size_t>(info->shard_index) || !have.insert(i).second) {
                print_error(
                    text::fill(lang, text::cli.merge_foreign_task, {(d / "tasks.txt").string()}));
                return exit_code::usage;
            }
        }
        tasks.insert(tasks.end(), mine.begin(), mine.end());
        if (!first) first = std::move(*info);
    }
    SweepInfo info = *first;
    if (static_cast<int>(seen.size()) != info.shard_count) {
        std::string missing;
        for (int i = 0; i < info.shard_count; ++i)
            if (seen.count(i) == 0)
                missing += (missing.empty() ? "" : ", ") + std::to_string(i + 1);
        print_error(
            text::fill(lang, text::cli.merge_missing, {missing, std::to_string(info.shard_count)}));
        return exit_code::usage;
    }
    const std::size_t expected = static_cast<std::size_t>(info.replications) * info.variants.size();
    if (tasks.size() != expected) {
        print_error(text::fill(lang, text::cli.merge_count,
                               {std::to_string(tasks.size()), std::to_string(expected)}));
        return exit_code::usage;
    }
    std::vector<std::vector<std::pair<std::string, bool>>> names;
    for (const SweepVariantInfo& v : info.variants) names.push_back(v.kpis);
    const std::vector<ReplicationSet> sets =
        sets_from_tasks(names, std::move(tasks), info.replications);
    info.shard_index = 0;
    info.shard_count = 1;
    if (!quiet) print_out(format_sweep(info, sets, lang));
    const int status = write_folder(
        *out, parsed->has("--force"),
        {{"sweep.csv", sweep_csv(info, sets)}, {"variants.csv", sweep_variants_csv(info)}});
    if (status != exit_code::ok) return status;
    if (!quiet) print_out(text::fill(lang, text::cli.sweep_written, {*out}));
    return exit_code::ok;
}

} // namespace riposte::cli
