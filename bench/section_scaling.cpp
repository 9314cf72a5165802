// Section "scaling": how the model grows from one CPTS to the whole of France, in one table.
// Each territory runs one replication (seed 1) in a fresh child process
// (`riposte_bench --child-scaling DIR`), stepped one event at a time so that the longest
// single event is measured too (a pause of the live run waits for the event under way). The
// M/M/6 engine time is measured in the same run as the yardstick. Nord and Hauts-de-France are
// generated as a new user would, with `riposte territory ... --world`, unless already there.
#include "bench.hpp"
#include "riposte/core/huge_pages.hpp"
#include "riposte/model/mmc.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>

namespace riposte::bench {

namespace {

namespace fs = std::filesystem;

constexpr double nord_target_s = 1.2;
constexpr double france_target_s = 30.0;
constexpr double france_target_peak_mb = 1500.0;
constexpr double pause_target_s = 0.2;

struct Territory {
    std::string key, label;
    fs::path dir;
    std::vector<std::string> generate; ///< `riposte territory` arguments; empty: shipped
};

fs::path scenario_root(const Options& opt) {
    if (!opt.scenario_dir.empty()) return opt.scenario_dir;
    return default_world_file().parent_path().parent_path();
}

double number(const std::map<std::string, std::string>& kv, const std::string& key) {
    const auto it = kv.find(key);
    if (it == kv.end()) return NAN;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    return end == it->second.c_str() ? NAN : v;
}

std::string clock_of(double t_s) {
    const auto t = static_cast<long long>(t_s);
    char buf[48];
    std::snprintf(buf, sizeof buf, "day %lld %02lld:%02lld", t / 86400, t % 86400 / 3600,
                  t % 3600 / 60);
    return buf;
}

/// The host's memory, the second yardstick: the mean time of one read at a random place in an
/// array of `bytes` (on huge pages where the system gives them, as the model's large arrays), each
/// read's address given by the one before (a pointer chase over one random cycle of the array's
/// cache lines, Sattolo's shuffle), so that no two reads overlap. The M/M/6 yardstick lives in
/// the first-level cache and cannot see a host whose memory is slow or whose last-level cache is
/// shared with busy neighbours; France's time is mostly such reads.
double random_read_ns(std::size_t bytes, std::size_t reads) {
    constexpr std::size_t line = 64 / sizeof(std::uint64_t);
    const std::size_t lines = bytes / 64;
    auto* a = static_cast<std::uint64_t*>(huge_allocate(bytes));
    std::uint64_t x = 0x9E3779B97F4A7C15ULL; // xorshift64: any fixed cycle will do
    const auto next_random = [&x]() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    for (std::size_t i = 0; i < lines; ++i) a[i * line] = i;
    for (std::size_t i = lines - 1; i > 0; --i) // Sattolo: one cycle through every line
        std::swap(a[i * line], a[(next_random() % i) * line]);
    std::uint64_t at = 0;
    for (std::size_t i = 0; i < reads / 8; ++i) at = a[at * line]; // warm the page tables
    const double t0 = now_seconds();
    for (std::size_t i = 0; i < reads; ++i) at = a[at * line];
    const double t = now_seconds() - t0;
    huge_deallocate(a, bytes);
#if defined(__GNUC__)
    asm volatile("" : : "r"(at)); // the chase's end is used: it cannot be left out
#endif
    return t / static_cast<double>(reads) * 1e9;
}

} // namespace

int scaling_child_main(const std::string& dir) {
    LoadResult loaded = load_scenario(fs::path(dir) / "world.toml", fs::path(dir) / "plan.toml");
    if (!loaded.scenario) {
        for (const Diagnostic& d : loaded.diagnostics.items())
            std::cerr << format_diagnostic(d) << '\n';
        return 1;
    }
    const Scenario& sc = *loaded.scenario;
    std::int64_t population = 0;
    for (const Commune& c : sc.world.territory.communes) population += c.population;
    const double t0 = now_seconds();
    Simulation sim(sc, RunOptions{});
    const double setup_s = now_seconds() - t0;
    // The clock is read once every `steps_per_read` steps (a read costs about 40 ns here,
    // 2.9 s over France's 76 M events), and after every step that ends at midnight: a day's
    // end and start (the event and each of its slices, the longest steps) are timed one by
    // one. The longest stretch read bounds the longest single step from above, by at most the
    // other steps of its stretch (microseconds).
    constexpr int steps_per_read = 64;
    double longest = 0, longest_at = 0, last = now_seconds();
    for (bool more = true; more;) {
        int n = 0;
        do {
            more = sim.step();
            ++n;
        } while (more && n < steps_per_read && sim.now().second_of_day() != 0);
        const double t = now_seconds();
        // the last step (the horizon: the run's results, finalise()) is not a step of the run
        // and was never counted
        if (more && t - last > longest) {
            longest = t - last;
            longest_at = static_cast<double>(sim.now().seconds());
        }
        last = t;
    }
    const Results r = sim.results();
    const double run_s = now_seconds() - t0;
    std::cout << "run_s\t" << fmt_fixed(run_s, 6) << "\nsetup_s\t" << fmt_fixed(setup_s, 6)
              << "\nevents\t" << r.events << "\nlongest_event_s\t" << fmt_fixed(longest, 6)
              << "\nlongest_event_at_s\t" << fmt_fixed(longest_at, 0) << "\npopulation\t"
              << population << "\ncommunes\t" << sc.world.territory.communes.size() << "\ncentres\t"
              << sc.plan.centres.size() << "\ndays\t" << sc.world.days << "\nvaccinations\t"
              << r.totals.vaccinations << "\npeak_rss_mb\t" << fmt_fixed(peak_rss_mb(), 1)
              << "\npeak_hwm_mb\t" << fmt_fixed(address_space_peak_rss_mb(), 1) << "\n"
              << std::flush;
    return 0;
}

Section run_scaling_section(const Options& opt) {
    Section s;
    s.name = "scaling";
    s.title = "scaling: one replication from one CPTS to France (events/s, peak memory, "
              "longest event)";

    // the yardstick, in the same run
    std::cerr << "scaling: M/M/6 yardstick" << std::endl;
    const double t0 = now_seconds();
    const MmcResult mmc = run_mmc(50, 10, 6, 1'000'000, opt.seed, 10'000);
    const double mmc_s = now_seconds() - t0;
    const double mmc_rate = static_cast<double>(mmc.events) / mmc_s;
    s.add("mmc_events_per_s", "M/M/6 engine events/s (yardstick, 1 M customers)", mmc_rate,
          fmt_rate(mmc_rate));

    const fs::path root = scenario_root(opt);
    const fs::path gen = opt.scaling_dir.empty()
                             ? fs::temp_directory_path() / "riposte-bench-scaling"
                             : fs::path(opt.scaling_dir);
    std::vector<Territory> list = {
        {"centre_herault", "Centre-Hérault (default)", root / "centre-herault", {}},
        {"metz", "Metz et environs", root / "metz-et-environs", {}},
        {"nord", "Nord (59), generated", gen / "nord", {"--departement", "59"}},
        {"hauts_de_france",
         "Hauts-de-France (02,59,60,62,80), generated",
         gen / "hauts-de-france",
         {"--departement", "02,59,60,62,80", "--name", "Hauts-de-France"}},
        {"france", "France (scenarios/france)", root / "france", {}},
    };
    if (!opt.scaling_france) list.pop_back();

    std::string table = "territory | population | centres | events | run | events/s | vs M/M/6 "
                        "| peak RSS | longest event";
    s.notes.push_back(table);
    for (const Territory& t : list) {
        std::error_code ec;
        if (!t.generate.empty() && !fs::exists(t.dir / "world.toml", ec)) {
            std::vector<std::string> argv = {RIPOSTE_BENCH_CLI, "territory"};
            argv.insert(argv.end(), t.generate.begin(), t.generate.end());
            for (const char* a : {"--world", "--force", "--out"}) argv.emplace_back(a);
            argv.push_back(t.dir.string());
            std::cerr << "scaling: generating " << t.label << " in " << t.dir.string() << std::endl;
            const ChildOutput g = run_child(argv, true);
            if (g.exit_code != 0) {
                s.notes.push_back(t.label + ": generation failed (exit " +
                                  std::to_string(g.exit_code) + ")");
                s.status = Status::Failed;
                continue;
            }
        }
        if (!fs::exists(t.dir / "world.toml", ec)) {
            s.notes.push_back(t.label + ": not found, skipped");
            continue;
        }
        std::cerr << "scaling: " << t.label << ": one replication in a child process" << std::endl;
        const ChildOutput child = run_child({self_exe(), "--child-scaling", t.dir.string()});
        if (child.exit_code != 0) {
            s.notes.push_back(t.label + ": the child failed (exit " +
                              std::to_string(child.exit_code) + ")");
            s.status = Status::Failed;
            continue;
        }
        const auto kv = parse_key_values(child.out);
        const double run_s = number(kv, "run_s"), events = number(kv, "events");
        const double peak = number(kv, "peak_rss_mb"), longest = number(kv, "longest_event_s");
        const double rate = events / run_s;
        const std::string k = t.key + "_";
        s.add(k + "population", t.label + ": population", number(kv, "population"),
              fmt_int(number(kv, "population")));
        s.add(k + "events", t.label + ": events", events, fmt_int(events));
        if (t.key == "nord")
            s.add_target(k + "run_s", t.label + ": wall time (one core)", run_s, fmt_seconds(run_s),
                         "≤ 1.2 s", run_s <= nord_target_s);
        else if (t.key == "france")
            s.add_target(k + "run_s", t.label + ": wall time (one core)", run_s, fmt_seconds(run_s),
                         "< 30 s", run_s < france_target_s);
        else
            s.add(k + "run_s", t.label + ": wall time (one core)", run_s, fmt_seconds(run_s));
        s.add(k + "events_per_s", t.label + ": events/s", rate, fmt_rate(rate));
        if (t.key == "france")
            s.add_target(k + "peak_rss_mb", t.label + ": peak resident set", peak,
                         fmt_fixed(peak, 1) + " MB", "< 1500 MB", peak < france_target_peak_mb);
        else
            s.add(k + "peak_rss_mb", t.label + ": peak resident set", peak,
                  fmt_fixed(peak, 1) + " MB");
        const std::string at = clock_of(number(kv, "longest_event_at_s"));
        if (t.key == "france")
            s.add_target(k + "longest_event_s", t.label + ": longest single step (" + at + ")",
                         longest, fmt_fixed(longest * 1000, 1) + " ms", "≤ 200 ms",
                         longest <= pause_target_s);
        else
            s.add(k + "longest_event_s", t.label + ": longest single step (" + at + ")", longest,
                  fmt_fixed(longest * 1000, 1) + " ms");
        s.notes.push_back(t.label + " | " + fmt_int(number(kv, "population")) + " | " +
                          fmt_int(number(kv, "centres")) + " | " + fmt_int(events) + " | " +
                          fmt_seconds(run_s) + " | " + fmt_rate(rate) + " | " +
                          fmt_fixed(mmc_rate / rate, 1) + "× slower | " + fmt_fixed(peak, 0) +
                          " MB | " + fmt_fixed(longest * 1000, 1) + " ms at " + at);
    }
    // after the children: a child's peak resident set counts its parent's peak at the fork
    // (Linux keeps it through exec), and this one reads 1 GB
    std::cerr << "scaling: random reads (memory yardstick)" << std::endl;
    const double read_1g = random_read_ns(std::size_t{1} << 30, 4'000'000);
    const double read_16m = random_read_ns(std::size_t{16} << 20, 4'000'000);
    s.add("random_read_1g_ns",
          "one random read in 1 GB (memory yardstick; the M/M/6 one stays in cache)", read_1g,
          fmt_fixed(read_1g, 0) + " ns");
    s.add("random_read_16m_ns",
          "one random read in 16 MB (last-level cache size: served from there when the host is "
          "quiet)",
          read_16m, fmt_fixed(read_16m, 0) + " ns");

    s.notes.push_back("run: set-up and every event, stepped one at a time (Simulation::step, as "
                      "the live run does); seed 1, replication 0");
    return s;
}

} // namespace riposte::bench
