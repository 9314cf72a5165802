// Section "stream": many replications of the default scenario written to a results folder as
// `riposte run --replications N` writes them (stream_replications() handing each finished
// replication to ReplicationFiles, in a folder prepared and committed by ResultsFolder), in a
// fresh child process (`riposte_bench --child stream`) so that the peak resident set is the
// run's own. Memory must not grow with the replication count (issue 11): the child samples
// its resident set as the replications go by and reports the peak.
#include "bench.hpp"
#include "riposte/output.hpp"
#include "riposte/results_folder.hpp"
#include "riposte/runner.hpp"
#include "riposte/scenario_loader.hpp"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <system_error>

#include <unistd.h>

namespace riposte::bench {

namespace {

namespace fs = std::filesystem;

constexpr double stream_target_peak_mb = 200.0;
constexpr int stream_target_replications = 10000;

void put(const char* key, double v) {
    std::cout << key << '\t' << fmt_fixed(v, 6) << '\n';
}

double number(const std::map<std::string, std::string>& kv, const std::string& key) {
    const auto it = kv.find(key);
    if (it == kv.end()) return NAN;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    return end == it->second.c_str() ? NAN : v;
}

std::uintmax_t folder_bytes(const fs::path& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file(ec)) total += e.file_size(ec);
    return total;
}

} // namespace

int stream_child_main(const Options& opt) {
    const double rss_start = current_rss_mb();
    LoadResult loaded = load_scenario(default_world_file(), default_plan_file());
    if (!loaded.scenario) {
        for (const Diagnostic& d : loaded.diagnostics.items())
            std::cerr << format_diagnostic(d) << '\n';
        return 1;
    }
    const Scenario& sc = *loaded.scenario;
    const double rss_loaded = current_rss_mb();

    std::error_code ec;
    const fs::path out = fs::temp_directory_path(ec) /
                         ("riposte-bench-stream-" + std::to_string(::getpid())) / "results";
    std::vector<std::string> foreign;
    std::string error;
    auto folder = ResultsFolder::prepare(out, false, foreign, error);
    if (!folder) {
        std::cerr << "riposte_bench: " << error << '\n';
        return 1;
    }
    const int n = opt.stream_replications;
    // the resident set after 10%, 50% and 100% of the replications: flat when nothing grows
    double rss_10 = 0, rss_50 = 0, rss_100 = 0;
    int consumed = 0;
    const double t0 = now_seconds();
    ReplicationSet set;
    WriteReport written;
    {
        ReplicationFiles files(sc, folder->staging());
        if (!files.ok()) {
            std::cerr << "riposte_bench: " << files.error() << '\n';
            return 1;
        }
        ReplicationOptions ro;
        ro.replications = n;
        ro.threads = opt.stream_threads;
        ro.seed = 1;
        set = stream_replications(sc, ro, [&](const Results& r) {
            if (!files.add(r)) return false;
            ++consumed;
            if (consumed == std::max(1, n / 10)) rss_10 = current_rss_mb();
            if (consumed == std::max(1, n / 2)) rss_50 = current_rss_mb();
            if (consumed == n) rss_100 = current_rss_mb();
            return true;
        });
        if (!files.ok()) {
            std::cerr << "riposte_bench: " << files.error() << '\n';
            return 1;
        }
        written = files.finish(set, summarise(sc, set));
    }
    if (!written.ok()) {
        std::cerr << "riposte_bench: " << written.error << '\n';
        return 1;
    }
    const WriteStatus committed = folder->commit();
    const double wall = now_seconds() - t0;
    if (!committed.ok()) {
        std::cerr << "riposte_bench: " << committed.error << '\n';
        return 1;
    }
    const double bytes = static_cast<double>(folder_bytes(out));
    put("replications", static_cast<double>(set.runs.size()));
    put("threads", opt.stream_threads);
    put("wall_s", wall);
    put("most_held", set.most_held);
    put("bytes", bytes);
    put("rss_start_mb", rss_start);
    put("rss_loaded_mb", rss_loaded);
    put("rss_10_mb", rss_10);
    put("rss_50_mb", rss_50);
    put("rss_100_mb", rss_100);
    put("peak_rss_mb", peak_rss_mb());
    put("peak_hwm_mb", address_space_peak_rss_mb());
    std::cout << std::flush;
    fs::remove_all(out.parent_path(), ec);
    return 0;
}

Section run_stream_section(const Options& opt) {
    Section s;
    s.name = "stream";
    const int n = opt.stream_replications;
    s.title = fmt_int(n) +
              " replications of the default scenario written to disk as they "
              "finish (riposte run's path), " +
              std::to_string(opt.stream_threads) + " thread(s)";
    const std::vector<std::string> argv = {self_exe(),
                                           "--child",
                                           "stream",
                                           "--stream-replications",
                                           std::to_string(n),
                                           "--stream-threads",
                                           std::to_string(opt.stream_threads)};
    std::cerr << "stream: " << n << " replications written to a temporary folder, in a child "
              << "process (the default of 10,000 takes several minutes)" << std::endl;
    const ChildOutput child = run_child(argv);
    if (child.exit_code != 0) {
        s.fail("the child process failed (exit " + std::to_string(child.exit_code) + ")" +
               (child.error.empty() ? "" : ": " + child.error) + "; its messages are above");
        return s;
    }
    const auto kv = parse_key_values(child.out);
    const double done = number(kv, "replications"), wall = number(kv, "wall_s");
    const double peak = number(kv, "peak_rss_mb"), hwm = number(kv, "peak_hwm_mb");
    s.add("replications", "replications written", done, fmt_int(done));
    s.add("wall_s", "wall time (run, write, commit)", wall, fmt_seconds(wall));
    s.add("replications_per_s", "replications/s", done / wall, fmt_fixed(done / wall, 2) + " /s");
    const double gb = number(kv, "bytes") / 1e9;
    s.add("written_gb", "results folder size", gb, fmt_fixed(gb, 2) + " GB");
    s.add("most_held", "most replications held at once", number(kv, "most_held"),
          fmt_int(number(kv, "most_held")));
    for (const auto& [key, label] :
         {std::pair<const char*, const char*>{"rss_loaded_mb", "resident set after loading"},
          {"rss_10_mb", "resident set, 10% written"},
          {"rss_50_mb", "resident set, 50% written"},
          {"rss_100_mb", "resident set, 100% written"}}) {
        const double v = number(kv, key);
        s.add(key, label, v, fmt_fixed(v, 1) + " MB");
    }
    // the target is stated for 10,000 replications; a smaller count shows the trend only
    if (n >= stream_target_replications) {
        s.add_target("peak_rss_mb", "peak resident set (ru_maxrss)", peak,
                     fmt_fixed(peak, 1) + " MB", "< 200 MB", peak < stream_target_peak_mb);
    } else {
        s.add("peak_rss_mb", "peak resident set (ru_maxrss)", peak, fmt_fixed(peak, 1) + " MB");
        s.notes.push_back("the < 200 MB target is for 10,000 replications (--stream-replications "
                          "10000)");
    }
    s.add("peak_hwm_mb", "  same, this image only (VmHWM)", hwm, fmt_fixed(hwm, 1) + " MB");
    s.notes.push_back("the folder is written under the system temporary directory and removed; "
                      "it needs about 0.27 MB of disk per replication");
    return s;
}

} // namespace riposte::bench
