// Section "mmc": raw engine speed on the M/M/6 reference model (VALIDATION.md "Erlang C"),
// riposte::run_mmc() against the same model written in SimPy 3 (bench/simpy_mmc.py).
#include "bench.hpp"
#include "riposte/core/stats.hpp"
#include "riposte/model/mmc.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#ifndef RIPOSTE_BENCH_SOURCE_DIR
#define RIPOSTE_BENCH_SOURCE_DIR "."
#endif

namespace riposte::bench {

namespace {

constexpr double lambda_per_hour = 50;
constexpr double mu_per_hour = 10;
constexpr int servers = 6;
constexpr int batches = 20;
constexpr double target_events_per_s = 10e6;

/// The first interpreter that can import simpy: --python, $RIPOSTE_PYTHON, python3 in PATH,
/// /usr/bin/python3 (Debian's python3-simpy3 lives there; a pyenv python3 may not see it).
std::string find_python(const Options& opt, std::vector<std::string>& tried) {
    std::vector<std::string> candidates;
    if (!opt.python.empty()) {
        candidates.push_back(opt.python);
    } else {
        if (const char* env = std::getenv("RIPOSTE_PYTHON"); env && *env)
            candidates.emplace_back(env);
        candidates.emplace_back("python3");
        candidates.emplace_back("/usr/bin/python3");
    }
    for (const std::string& py : candidates) {
        tried.push_back(py);
        const ChildOutput r = run_child({py, "-c", "import simpy"}, true);
        if (r.exit_code == 0) return py;
    }
    return {};
}

std::string find_script(const Options& opt) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!opt.simpy_script.empty()) return fs::exists(opt.simpy_script, ec) ? opt.simpy_script : "";
    const fs::path candidates[] = {fs::path(RIPOSTE_BENCH_SOURCE_DIR) / "simpy_mmc.py",
                                   fs::path(self_exe()).parent_path() / "simpy_mmc.py"};
    for (const fs::path& p : candidates)
        if (fs::exists(p, ec)) return p.string();
    return {};
}

std::string wait_text(double mean, double ci) {
    return fmt_fixed(mean, 3) + " ± " + fmt_fixed(ci, 3) + " min";
}

} // namespace

Section run_mmc_section(const Options& opt) {
    Section s;
    s.name = "mmc";
    s.title = "Engine events/s: M/M/6 queue, λ = 50/h, μ = 10/h (riposte::run_mmc vs SimPy 3)";

    // ---- riposte ----
    const std::uint64_t total = opt.mmc_customers + opt.mmc_warmup;
    std::vector<double> walls;
    MmcResult first;
    bool deterministic = true;
    std::cerr << "mmc: " << opt.mmc_runs << " runs of " << fmt_int(static_cast<double>(total))
              << " customers" << std::endl;
    for (int run = 0; run < opt.mmc_runs; ++run) {
        const double t0 = now_seconds();
        MmcResult r = run_mmc(lambda_per_hour, mu_per_hour, servers, opt.mmc_customers, opt.seed,
                              opt.mmc_warmup, batches);
        walls.push_back(now_seconds() - t0);
        if (run == 0) {
            first = std::move(r);
        } else if (r.events != first.events || r.mean_wait_min != first.mean_wait_min) {
            deterministic = false;
        }
    }
    const double best = *std::min_element(walls.begin(), walls.end());
    const double events = static_cast<double>(first.events);
    const double rate = events / best;

    RunningStats b;
    for (double m : first.batch_mean_wait_min) b.add(m);
    const double ci = b.ci95_halfwidth();
    const double erlang = erlang_c_wait_minutes(lambda_per_hour, mu_per_hour, servers);

    s.add("customers", "customers measured", static_cast<double>(opt.mmc_customers),
          fmt_int(static_cast<double>(opt.mmc_customers)));
    s.add("warmup_customers", "warm-up customers (discarded)", static_cast<double>(opt.mmc_warmup),
          fmt_int(static_cast<double>(opt.mmc_warmup)));
    s.add("events", "events (MmcResult::events)", events, fmt_int(events));
    s.add("events_per_customer", "events per customer", events / static_cast<double>(total),
          fmt_fixed(events / static_cast<double>(total), 3));
    std::string all;
    for (double w : walls) all += (all.empty() ? "" : ", ") + fmt_fixed(w, 3);
    s.add_text("wall_s_runs", "wall time of each run", all + " s");
    s.add("wall_s", "wall time (best of " + std::to_string(opt.mmc_runs) + ")", best,
          fmt_fixed(best, 3) + " s");
    s.add_target("events_per_s", "events/s (best run, one core)", rate, fmt_rate(rate), "≥ 10 M/s",
                 rate >= target_events_per_s);
    s.add("ns_per_event", "time per event", 1e9 / rate, fmt_fixed(1e9 / rate, 1) + " ns");
    s.add("mean_wait_min", "mean wait Wq, simulated (95% CI)", first.mean_wait_min,
          wait_text(first.mean_wait_min, ci));
    s.add("mean_wait_ci95_min", "  CI half-width (20 batch means)", ci, fmt_fixed(ci, 3) + " min");
    s.add_target("erlang_c_wait_min", "mean wait Wq, Erlang C", erlang,
                 fmt_fixed(erlang, 3) + " min", "≤ 2 CI off",
                 std::fabs(b.mean() - erlang) <= 2 * ci);
    s.add_text("deterministic", "identical results in every run", deterministic ? "yes" : "NO");
    if (!deterministic) s.notes.push_back("run_mmc gave different results for the same seed");

    // ---- SimPy ----
    if (!opt.simpy) {
        s.notes.push_back("SimPy comparison skipped (--no-simpy)");
        return s;
    }
    std::vector<std::string> tried;
    const std::string python = find_python(opt, tried);
    const std::string script = find_script(opt);
    if (python.empty() || script.empty()) {
        std::string why = "SimPy comparison skipped: ";
        if (python.empty()) {
            why += "no Python 3 interpreter with simpy (tried";
            for (const auto& t : tried) why += " " + t;
            why += "; install python3-simpy3 or pass --python)";
        } else {
            why += "bench/simpy_mmc.py not found (pass --simpy-script)";
        }
        s.notes.push_back(why);
        return s;
    }
    std::cerr << "mmc: SimPy, "
              << fmt_int(static_cast<double>(opt.simpy_customers + opt.mmc_warmup))
              << " customers (python: " << python << "), about 10 s per million" << std::endl;
    const ChildOutput py =
        run_child({python, script, "--customers", std::to_string(opt.simpy_customers), "--warmup",
                   std::to_string(opt.mmc_warmup), "--seed", std::to_string(opt.seed), "--batches",
                   std::to_string(batches)});
    const auto py_rate = json_number(py.out, "events_per_s");
    if (py.exit_code != 0 || !py_rate) {
        s.notes.push_back(
            "SimPy run failed (exit " + std::to_string(py.exit_code) + ")" +
            (py.error.empty() ? "" : ": " + py.error) +
            (json_string(py.out, "error") ? ": " + *json_string(py.out, "error") : ""));
        return s;
    }
    const double py_wall = json_number(py.out, "wall_s").value_or(NAN);
    const double py_events = json_number(py.out, "model_events").value_or(NAN);
    const double py_kernel_rate = json_number(py.out, "kernel_events_per_s").value_or(NAN);
    const double py_wait = json_number(py.out, "mean_wait_min").value_or(NAN);
    const double py_ci = json_number(py.out, "ci95_min").value_or(NAN);
    const std::string engine = json_string(py.out, "engine").value_or("SimPy") + ", Python " +
                               json_string(py.out, "python").value_or("?");
    s.add_text("simpy_engine", "SimPy engine", engine);
    s.add_text("simpy_python", "SimPy interpreter", python);
    s.add("simpy_customers", "SimPy customers measured", static_cast<double>(opt.simpy_customers),
          fmt_int(static_cast<double>(opt.simpy_customers)));
    s.add("simpy_events", "SimPy model events (2 per customer)", py_events, fmt_int(py_events));
    s.add("simpy_wall_s", "SimPy wall time", py_wall, fmt_fixed(py_wall, 2) + " s");
    s.add("simpy_events_per_s", "SimPy model events/s", *py_rate, fmt_rate(*py_rate));
    s.add("simpy_kernel_events_per_s", "SimPy kernel events/s (information)", py_kernel_rate,
          fmt_rate(py_kernel_rate));
    s.add("simpy_mean_wait_min", "SimPy mean wait Wq (95% CI)", py_wait, wait_text(py_wait, py_ci));
    s.add("speedup_vs_simpy", "riposte / SimPy (model events/s)", rate / *py_rate,
          fmt_fixed(rate / *py_rate, 1) + "×");
    if (opt.simpy_customers != opt.mmc_customers)
        s.notes.push_back("SimPy ran " + fmt_int(static_cast<double>(opt.simpy_customers)) +
                          " customers (riposte " + fmt_int(static_cast<double>(opt.mmc_customers)) +
                          "): rates are per event, so they still compare");
    s.notes.push_back("SimPy runs once (best-of-" + std::to_string(opt.mmc_runs) +
                      " applies to riposte only); SimPy keeps float time in minutes, riposte "
                      "whole seconds");
    return s;
}

} // namespace riposte::bench
