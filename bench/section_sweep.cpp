// Section "sweep": the Metz sweep (scenarios/metz-et-environs/sweep.toml: 3 variants × N
// replications) run by the riposte binary as a user runs it: on 1 and 2 threads, and under
// `mpirun -n 1` and `mpirun -n 2` (one thread per rank). Throughput is tasks (variant ×
// replication) per second of wall time, loading included. Target (issue 12): mpirun -n 2
// gives at least 1.8 × the throughput of -n 1 on this 2-core machine. The files written by
// every run must be byte-identical.
#include "bench.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/sweep.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include <unistd.h>

namespace riposte::bench {

namespace {

namespace fs = std::filesystem;

constexpr double mpi_target_speedup = 1.8;

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool in_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::string dirs(path);
    std::size_t pos = 0;
    while (pos <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', pos), dirs.size());
        const fs::path candidate = fs::path(dirs.substr(pos, end - pos)) / program;
        if (::access(candidate.c_str(), X_OK) == 0) return true;
        pos = end + 1;
    }
    return false;
}

} // namespace

Section run_sweep_section(const Options& opt) {
    Section s;
    s.name = "sweep";
    const int reps = opt.sweep_replications;
    s.title = "Sweep: Metz, 3 variants × " + std::to_string(reps) +
              " replications (riposte sweep: threads and MPI ranks)";
    const fs::path root = opt.scenario_dir.empty()
                              ? default_world_file().parent_path().parent_path()
                              : fs::path(opt.scenario_dir);
    const fs::path sweep = root / "metz-et-environs" / "sweep.toml";
    if (!fs::exists(sweep)) {
        s.skip("no " + sweep.string());
        return s;
    }
    const std::string cli = RIPOSTE_BENCH_CLI;
    std::error_code ec;
    const fs::path tmp =
        fs::temp_directory_path(ec) / ("riposte-bench-sweep-" + std::to_string(::getpid()));
    fs::create_directories(tmp, ec);
    const double tasks = 3.0 * reps;
    s.add("tasks", "tasks (variants × replications)", tasks, fmt_int(tasks));

    std::string reference;
    bool identical = true;
    const auto run = [&](const std::string& key, const std::string& label,
                         std::vector<std::string> prefix, int threads) -> double {
        const fs::path out = tmp / key;
        std::vector<std::string> argv = std::move(prefix);
        for (const std::string& a :
             {cli, std::string("sweep"), sweep.string(), std::string("-n"), std::to_string(reps),
              std::string("-j"), std::to_string(threads), std::string("--out"), out.string(),
              std::string("--no-checkpoint"), std::string("--quiet")})
            argv.push_back(a);
        const double t0 = now_seconds();
        const ChildOutput child = run_child(argv);
        const double wall = now_seconds() - t0;
        if (child.exit_code != 0) {
            s.fail(label + " failed (exit " + std::to_string(child.exit_code) + ")" +
                   (child.error.empty() ? "" : ": " + child.error));
            return 0;
        }
        const std::string csv = read_all(out / "sweep.csv");
        if (reference.empty())
            reference = csv;
        else if (csv != reference)
            identical = false;
        s.add(key + "_s", label + " wall time", wall, fmt_seconds(wall));
        s.add(key + "_tasks_per_s", label + " throughput", tasks / wall,
              fmt_fixed(tasks / wall, 2) + " tasks/s");
        return tasks / wall;
    };

    const double t1 = run("threads1", "1 thread", {}, 1);
    const double t2 = run("threads2", "2 threads", {}, 2);
    if (t1 > 0 && t2 > 0) {
        s.add("threads_speedup", "2 threads / 1 thread", t2 / t1, fmt_fixed(t2 / t1, 2) + "×");
        // the control: threads share nothing but the task list, so when they do not scale
        // either, the machine did not have two free cores during the section
        if (t2 / t1 < 1.7)
            s.notes.push_back("2 threads gave only " + fmt_fixed(t2 / t1, 2) +
                              "× one thread: another process was using a core, so the MPI "
                              "speed-up below is not representative; rerun on a quiet machine");
    }

    if (!mpi_built()) {
        s.notes.push_back("MPI part skipped: this build has no MPI component (RIPOSTE_MPI)");
    } else if (!in_path("mpirun")) {
        s.notes.push_back("MPI part skipped: mpirun is not installed");
    } else {
        std::vector<std::string> mpirun{"mpirun"};
        if (::geteuid() == 0) mpirun.push_back("--allow-run-as-root");
        auto n1 = mpirun;
        n1.insert(n1.end(), {"-n", "1"});
        auto n2 = mpirun;
        n2.insert(n2.end(), {"-n", "2"});
        const double m1 = run("mpi1", "mpirun -n 1", n1, 1);
        const double m2 = run("mpi2", "mpirun -n 2", n2, 1);
        if (m1 > 0 && m2 > 0)
            s.add_target("mpi_speedup", "mpirun -n 2 / -n 1 throughput", m2 / m1,
                         fmt_fixed(m2 / m1, 2) + "×", "≥ 1.8×", m2 / m1 >= mpi_target_speedup);
    }
    s.add_text("identical", "sweep.csv of every run", identical ? "byte-identical" : "DIFFERS");
    if (!identical) s.fail("the runs wrote different sweep.csv files");
    fs::remove_all(tmp, ec);
    return s;
}

} // namespace riposte::bench
