// Section "compare": comparing 2 shipped Centre-Hérault plans × 20 replications in the
// dashboard takes the same time as `riposte compare` (issue 9: ±10%). Both are real processes:
// the CLI (`riposte compare ... --out DIR --quiet`, wall time from start to exit) and the
// dashboard under the current X display (`riposte-gui DIR --compare A,B --compare-csv F
// --screenshot P`), which prints the time from the comparison's start (loading the plans
// included) to its finished table. Runs alternate, CLI then GUI, `rounds` times; medians.
#include "bench.hpp"
#include "riposte/scenario_loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <unistd.h>

namespace riposte::bench {

namespace {

namespace fs = std::filesystem;

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

Section run_compare_section(const Options& opt) {
    Section s;
    s.name = "compare";
    s.title = "Comparing plans: the dashboard against riposte compare (Centre-Hérault, 2 plans)";
#if defined(RIPOSTE_BENCH_CLI) && defined(RIPOSTE_BENCH_GUI)
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        s.skip("no X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
        return s;
    }
    const fs::path root = !opt.scenario_dir.empty()
                              ? fs::path(opt.scenario_dir)
                              : default_world_file().parent_path().parent_path();
    const fs::path dir = root / "centre-herault";
    const std::string a = (dir / "plan.toml").string(), b = (dir / "plan-extra-line.toml").string();
    const int reps = 20, rounds = 3;
    std::string tmp_pattern = (fs::temp_directory_path() / "riposte-bench-compare-XXXXXX").string();
    if (!::mkdtemp(tmp_pattern.data())) {
        s.fail("cannot create a temporary folder");
        return s;
    }
    const fs::path tmp = tmp_pattern;
    std::vector<double> cli, gui, gui_process;
    const std::regex done_re("comparison done in ([0-9.eE+-]+) s");
    for (int round = 0; round < rounds; ++round) {
        const fs::path out = tmp / ("cli-" + std::to_string(round));
        double t0 = now_seconds();
        const ChildOutput c =
            run_child({RIPOSTE_BENCH_CLI, "compare", (dir / "world.toml").string(), a, b,
                       "--replications", std::to_string(reps), "--out", out.string(), "--quiet"});
        const double cli_s = now_seconds() - t0;
        if (c.exit_code != 0) {
            s.fail("riposte compare failed (exit " + std::to_string(c.exit_code) + ") " + c.error);
            break;
        }
        cli.push_back(cli_s);
        const fs::path csv = tmp / ("gui-" + std::to_string(round) + ".csv");
        t0 = now_seconds();
        const ChildOutput g =
            run_child({RIPOSTE_BENCH_GUI, dir.string(), "--compare", a + "," + b, "--replications",
                       std::to_string(reps), "--compare-csv", csv.string(), "--screenshot",
                       (tmp / "gui.png").string(), "--frames", "1"},
                      true);
        const double gui_total = now_seconds() - t0;
        std::smatch m;
        if (g.exit_code != 0 || !std::regex_search(g.out, m, done_re)) {
            s.fail("riposte-gui --compare failed (exit " + std::to_string(g.exit_code) + ") " +
                   g.error);
            break;
        }
        gui.push_back(std::stod(m[1].str()));
        gui_process.push_back(gui_total);
        // the same numbers: the GUI's compare.csv equals the CLI's
        std::error_code ec;
        const auto size_a = fs::file_size(out / "compare.csv", ec);
        const auto size_b = fs::file_size(csv, ec);
        if (ec || size_a != size_b)
            s.notes.push_back("round " + std::to_string(round) +
                              ": the GUI's compare.csv differs in size");
    }
    std::error_code ec;
    fs::remove_all(tmp, ec);
    if (s.status == Status::Failed) return s;
    const double c_med = median(cli), g_med = median(gui), p_med = median(gui_process);
    s.add("cli_seconds", "riposte compare, 2 plans x 20 replications (median wall)", c_med,
          fmt_seconds(c_med));
    s.add("gui_process_seconds", "riposte-gui process, start to exit (window, load, screenshot)",
          p_med, fmt_seconds(p_med));
    const double ratio = c_med > 0 ? g_med / c_med : 0;
    s.add_target("gui_compare_seconds", "dashboard: comparison start to finished table (median)",
                 g_med, fmt_seconds(g_med) + " (" + fmt_fixed(ratio * 100, 0) + "% of the CLI)",
                 "within ±10% of the CLI", ratio >= 0.9 && ratio <= 1.1);
    s.notes.push_back(std::to_string(rounds) + " rounds, CLI and GUI alternating; threads: every "
                                               "hardware thread in both");
#else
    (void)opt;
    s.skip("built without riposte-gui");
#endif
    return s;
}

} // namespace riposte::bench
