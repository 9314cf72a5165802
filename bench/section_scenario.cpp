// Sections "default", "metz", "national": one replication of a shipped scenario, each in a
// fresh child process of the benchmark (`riposte_bench --child NAME`, re-executed through
// /proc/self/exe) so that the peak resident set belongs to that scenario alone.
// Section "replications": run_replications on 1 and 2 threads (in this process).
#include "bench.hpp"
#include "riposte/runner.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/simulation.hpp"
#include "riposte/territory.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <set>

namespace riposte::bench {

namespace {

namespace fs = std::filesystem;

constexpr double metz_target_run_s = 2.0;
constexpr double metz_target_peak_mb = 500.0;

struct ScenarioFiles {
    std::string title;
    fs::path world, plan;
};

fs::path scenario_root(const Options& opt) {
    if (!opt.scenario_dir.empty()) return opt.scenario_dir;
    return default_world_file().parent_path().parent_path();
}

ScenarioFiles scenario_files(const Options& opt, const std::string& name) {
    if (name == "default")
        return {"default scenario: one replication", default_world_file(), default_plan_file()};
    const fs::path root = scenario_root(opt);
    const std::string folder = name == "metz" ? "metz-et-environs" : "france";
    const std::string title = name == "metz"
                                  ? "Metz Métropole two-dose campaign: one replication"
                                  : "national scenario (scenarios/france): one replication";
    return {title, root / folder / "world.toml", root / folder / "plan.toml"};
}

/// The path relative to the folder above the scenarios (the repository), for the table.
std::string display_path(const fs::path& p, const Options& opt) {
    const fs::path base = scenario_root(opt).parent_path();
    const fs::path rel = p.lexically_relative(base);
    return rel.empty() || *rel.begin() == ".." ? p.string() : rel.string();
}

void put(const char* key, double v) {
    std::cout << key << '\t' << fmt_fixed(v, 6) << '\n';
}
void put(const char* key, const std::string& v) {
    std::cout << key << '\t' << v << '\n';
}

double number(const std::map<std::string, std::string>& kv, const std::string& key) {
    const auto it = kv.find(key);
    if (it == kv.end()) return NAN;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    return end == it->second.c_str() ? NAN : v;
}

} // namespace

int child_main(const Options& opt, const std::string& name) {
    const double rss_start = current_rss_mb();
    const ScenarioFiles files = scenario_files(opt, name);

    double t = now_seconds();
    LoadResult loaded = load_scenario(files.world, files.plan);
    const double load_s = now_seconds() - t;
    if (!loaded.scenario) {
        for (const Diagnostic& d : loaded.diagnostics.items())
            std::cerr << format_diagnostic(d) << '\n';
        std::cerr << "riposte_bench: " << files.world.string() << " and " << files.plan.string()
                  << " do not load (" << loaded.diagnostics.error_count() << " error(s))\n";
        return 1;
    }
    const Scenario& sc = *loaded.scenario;
    const double rss_loaded = current_rss_mb();

    std::int64_t population = 0;
    for (const Commune& c : sc.world.territory.communes) population += c.population;
    std::int64_t pool_people = 0;
    for (const PoolEntry& p : sc.world.pool) pool_people += p.count;

    // Travel-time preparation as the model does it (sim/model/simulation.cpp): build the road
    // graph, then one shortest-path tree per centre commune, cut off beyond the farthest anyone
    // travels, and an uncut one per mobile team base.
    t = now_seconds();
    std::size_t searches = 0;
    {
        const TravelGraph graph(sc.world.territory);
        double cutoff = std::max(sc.world.behaviour.max_travel_minutes, sc.plan.max_travel_minutes);
        for (const PoolEntry& e : sc.world.pool) cutoff = std::max(cutoff, e.max_commute_minutes);
        std::vector<std::vector<double>> travel;
        for (const Centre& c : sc.plan.centres)
            travel.push_back(graph.minutes_from(c.commune, cutoff));
        for (const auto& team : sc.plan.mobile_teams)
            travel.push_back(graph.minutes_from(team.base_commune));
        searches = travel.size();
    }
    const double travel_s = now_seconds() - t;

    RunOptions ro;
    t = now_seconds();
    const Results r = run_replication(sc, ro);
    const double run_s = now_seconds() - t;

    put("load_s", load_s);
    put("travel_s", travel_s);
    put("travel_searches", static_cast<double>(searches));
    put("run_s", run_s);
    put("events", static_cast<double>(r.events));
    put("vaccinations", static_cast<double>(r.totals.vaccinations));
    put("first_doses", static_cast<double>(r.totals.first_doses));
    put("complete", static_cast<double>(r.totals.complete));
    put("tests", static_cast<double>(r.totals.tests));
    put("communes", static_cast<double>(sc.world.territory.communes.size()));
    put("edges", static_cast<double>(sc.world.territory.edges.size()));
    put("population", static_cast<double>(population));
    put("centres", static_cast<double>(sc.plan.centres.size()));
    put("pool_people", static_cast<double>(pool_people));
    put("days", static_cast<double>(sc.world.days));
    put("seed", static_cast<double>(ro.seed));
    put("rss_start_mb", rss_start);
    put("rss_loaded_mb", rss_loaded);
    put("peak_rss_mb", peak_rss_mb());
    put("peak_hwm_mb", address_space_peak_rss_mb());
    put("world", files.world.string());
    put("plan", files.plan.string());
    std::cout << std::flush;
    return 0;
}

Section run_scenario_section(const Options& opt, const std::string& name) {
    Section s;
    s.name = name;
    const ScenarioFiles files = scenario_files(opt, name);
    s.title = files.title;
    std::error_code ec;
    if (!fs::exists(files.world, ec) || !fs::exists(files.plan, ec)) {
        s.skip("not found: " + (fs::exists(files.world, ec) ? files.plan : files.world).string());
        return s;
    }

    std::vector<std::string> argv = {self_exe(), "--child", name};
    if (!opt.scenario_dir.empty()) {
        argv.emplace_back("--scenario-dir");
        argv.push_back(opt.scenario_dir);
    }
    std::cerr << name << ": one replication in a child process" << std::endl;
    const ChildOutput child = run_child(argv);
    if (child.exit_code != 0) {
        s.fail("the child process failed (exit " + std::to_string(child.exit_code) + ")" +
               (child.error.empty() ? "" : ": " + child.error) + "; its messages are above");
        return s;
    }
    const auto kv = parse_key_values(child.out);
    const double load_s = number(kv, "load_s"), run_s = number(kv, "run_s");
    const double travel_s = number(kv, "travel_s");
    const double events = number(kv, "events"), vacc = number(kv, "vaccinations");
    const double tests = number(kv, "tests"), peak = number(kv, "peak_rss_mb");

    s.notes.push_back("scenario: " + display_path(files.world, opt) + " + " +
                      files.plan.filename().string() + ", seed 1, replication 0");
    const double communes = number(kv, "communes"), population = number(kv, "population");
    s.add("communes", "communes", communes, fmt_int(communes));
    s.add("population", "population", population, fmt_int(population));
    s.add("centres", "centres in the plan", number(kv, "centres"), fmt_int(number(kv, "centres")));
    s.add("pool_people", "professionals in the pool", number(kv, "pool_people"),
          fmt_int(number(kv, "pool_people")));
    s.add("days", "simulated days", number(kv, "days"), fmt_int(number(kv, "days")));
    s.add("load_s", "load time (load_scenario)", load_s, fmt_seconds(load_s));
    const double searches = number(kv, "travel_searches");
    s.add("travel_s", "travel-time preparation", travel_s,
          fmt_seconds(travel_s) + " (" + fmt_int(searches) + " searches)");
    if (name == "metz") {
        s.add_target("run_s", "run_replication wall time", run_s, fmt_seconds(run_s), "< 2 s",
                     run_s < metz_target_run_s);
    } else {
        s.add("run_s", "run_replication wall time", run_s, fmt_seconds(run_s));
    }
    s.add("load_run_s", "load + run", load_s + run_s, fmt_seconds(load_s + run_s));
    s.add("events", "events (Results::events)", events, fmt_int(events));
    s.add("events_per_s", "events/s", events / run_s, fmt_rate(events / run_s));
    s.add("vaccinations", "vaccinations", vacc, fmt_int(vacc));
    s.add("first_doses", "  first doses", number(kv, "first_doses"),
          fmt_int(number(kv, "first_doses")));
    s.add("complete", "  complete schedules", number(kv, "complete"),
          fmt_int(number(kv, "complete")));
    s.add("tests", "tests", tests, fmt_int(tests));
    s.add("rss_start_mb", "resident set at child start", number(kv, "rss_start_mb"),
          fmt_fixed(number(kv, "rss_start_mb"), 1) + " MB");
    s.add("rss_loaded_mb", "resident set after loading", number(kv, "rss_loaded_mb"),
          fmt_fixed(number(kv, "rss_loaded_mb"), 1) + " MB");
    if (name == "metz") {
        s.add_target("peak_rss_mb", "peak resident set (ru_maxrss)", peak,
                     fmt_fixed(peak, 1) + " MB", "< 500 MB", peak < metz_target_peak_mb);
    } else {
        s.add("peak_rss_mb", "peak resident set (ru_maxrss)", peak, fmt_fixed(peak, 1) + " MB");
    }
    const double hwm = number(kv, "peak_hwm_mb");
    s.add("peak_hwm_mb", "  same, this image only (VmHWM)", hwm, fmt_fixed(hwm, 1) + " MB");
    return s;
}

Section run_replications_section(const Options& opt) {
    Section s;
    s.name = "replications";
    const std::string& which = opt.replications_scenario;
    s.title =
        "replications per second with 1 and 2 threads (run_replications, " + which + " scenario)";
    const ScenarioFiles files = scenario_files(opt, which);
    std::error_code ec;
    if (!fs::exists(files.world, ec) || !fs::exists(files.plan, ec)) {
        s.skip("not found: " + files.world.string());
        return s;
    }
    LoadResult loaded = load_scenario(files.world, files.plan);
    if (!loaded.scenario) {
        for (const Diagnostic& d : loaded.diagnostics.items())
            std::cerr << format_diagnostic(d) << '\n';
        s.fail(files.world.string() + " does not load");
        return s;
    }
    const int n = opt.replications;
    s.add("replications", "replications per measurement", n, fmt_int(n));
    std::vector<ReplicationSet> sets;
    double rate1 = 0;
    for (int threads : {1, 2}) {
        std::cerr << "replications: " << n << " of the " << which << " scenario on " << threads
                  << " thread(s)" << std::endl;
        ReplicationOptions ro;
        ro.replications = n;
        ro.threads = threads;
        ro.seed = 1;
        const double t0 = now_seconds();
        ReplicationSet set = run_replications(*loaded.scenario, ro);
        const double wall = now_seconds() - t0;
        const double rate = static_cast<double>(set.runs.size()) / wall;
        const std::string k = std::to_string(threads);
        s.add("wall_s_" + k + "_thread", "wall time, " + k + " thread(s)", wall, fmt_seconds(wall));
        s.add("replications_per_s_" + k + "_thread", "replications/s, " + k + " thread(s)", rate,
              fmt_fixed(rate, 2) + " /s");
        if (threads == 1)
            rate1 = rate;
        else
            s.add("speedup_2_threads", "speed-up with 2 threads", rate / rate1,
                  fmt_fixed(rate / rate1, 2) + "×");
        if (set.partial) s.notes.push_back(k + " thread(s): only part of the replications ran");
        sets.push_back(std::move(set));
    }
    bool same = sets[0].runs.size() == sets[1].runs.size();
    for (std::size_t i = 0; same && i < sets[0].runs.size(); ++i) {
        const ReplicationRecord& a = sets[0].runs[i];
        const ReplicationRecord& b = sets[1].runs[i];
        same = a.events == b.events && a.totals.vaccinations == b.totals.vaccinations &&
               a.totals.tests == b.totals.tests && a.totals.wait_mean_min == b.totals.wait_mean_min;
    }
    s.add_text("thread_invariant", "same results with 1 and 2 threads", same ? "yes" : "NO");
    if (!same) s.notes.push_back("results differ between 1 and 2 threads: a determinism bug");
    s.notes.push_back("this machine has " + std::to_string(machine_info().logical_cpus) +
                      " logical CPUs; the speed-up is bounded by them and by anything else "
                      "running");
    return s;
}

} // namespace riposte::bench
