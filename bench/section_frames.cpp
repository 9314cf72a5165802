// Section "frames": the dashboard's frame times (issue 9) with the simulation running at
// ×10,000, under the current X display (Xvfb with Mesa's software rendering in CI): Metz and
// France, the map fitted and zoomed on the middle of the mainland. Each case is a real
// `riposte-gui DIR --run --speed 10000 [--zoom F] --frame-stats N` process, which draws 30
// frames of warm-up, then measures N frames without the 60 fps cap (the work of a frame) and the
// longest time a frame waited on the engine (LiveRun::poll()), and the processor time the
// process used per measured frame (every thread: the load of the machine stretches the frame's
// wall time, much less its work).
#include "bench.hpp"
#include "riposte/scenario_loader.hpp"

#include <cstdlib>
#include <filesystem>
#include <regex>

namespace riposte::bench {

Section run_frames_section(const Options& opt) {
    Section s;
    s.name = "frames";
    s.title = "Dashboard frame times (1600x1000, simulation running at x10,000)";
#if defined(RIPOSTE_BENCH_GUI)
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        s.skip("no X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
        return s;
    }
    namespace fs = std::filesystem;
    const fs::path root = !opt.scenario_dir.empty()
                              ? fs::path(opt.scenario_dir)
                              : default_world_file().parent_path().parent_path();
    struct Case {
        const char* key;
        const char* label;
        const char* folder;
        int zoom;
        double target_ms;
    };
    const Case cases[] = {
        {"metz_fitted", "Metz, map fitted", "metz-et-environs", 1, 16},
        {"metz_zoomed", "Metz, zoomed x4", "metz-et-environs", 4, 16},
        {"france_fitted", "France, map fitted", "france", 1, 33},
        {"france_zoomed", "France, zoomed x8 on the middle of the mainland", "france", 8, 33},
    };
    const std::regex re("frame-stats frames ([0-9]+) median_ms ([0-9.eE+-]+) p90_ms "
                        "([0-9.eE+-]+) max_ms ([0-9.eE+-]+) engine_wait_max_ms ([0-9.eE+-]+) "
                        "scene_rebuilds ([0-9]+) scene_build_max_ms ([0-9.eE+-]+) run ([a-z]+)"
                        "(?: cpu_ms_per_frame ([0-9.eE+-]+))?");
    double worst_wait = 0;
    for (const Case& c : cases) {
        const fs::path dir = root / c.folder;
        if (!fs::exists(dir / "world.toml")) {
            s.notes.push_back(std::string(c.folder) + " absent: " + c.label + " skipped");
            continue;
        }
        const ChildOutput g =
            run_child({RIPOSTE_BENCH_GUI, dir.string(), "--run", "--speed", "10000", "--zoom",
                       std::to_string(c.zoom), "--frame-stats", "150", "--size", "1600x1000"},
                      true);
        std::smatch m;
        if (g.exit_code != 0 || !std::regex_search(g.out, m, re)) {
            s.fail(std::string("riposte-gui --frame-stats failed on ") + c.folder + " (exit " +
                   std::to_string(g.exit_code) + ") " + g.error);
            return s;
        }
        const double median = std::stod(m[2].str()), p90 = std::stod(m[3].str());
        worst_wait = std::max(worst_wait, std::stod(m[5].str()));
        s.add_target(std::string(c.key) + "_median_ms", std::string(c.label) + ": median frame",
                     median, fmt_fixed(median, 1) + " ms (p90 " + fmt_fixed(p90, 1) + " ms)",
                     "<= " + fmt_fixed(c.target_ms, 0) + " ms", median <= c.target_ms);
        if (m[9].matched) {
            const double cpu = std::stod(m[9].str());
            s.add(std::string(c.key) + "_cpu_ms",
                  std::string(c.label) + ": processor time per frame (all threads)", cpu,
                  fmt_fixed(cpu, 1) + " ms");
        }
        s.notes.push_back(std::string(c.label) + ": map scene built " + m[6].str() +
                          " time(s), longest " + fmt_fixed(std::stod(m[7].str()), 1) + " ms");
        if (m[8].str() != "running")
            s.notes.push_back(std::string(c.label) + ": the run was " + m[8].str() +
                              " at the end of the measure");
    }
    s.add_target("engine_wait_max_ms", "longest wait of a frame on the engine (poll)", worst_wait,
                 fmt_fixed(worst_wait, 3) + " ms", "<= 1 ms", worst_wait <= 1.0);
    s.notes.push_back("France's frames include the 12 s the worker takes to build the national "
                      "replication (the window keeps drawing meanwhile); the run's worker and the "
                      "plan's structural check run at nice 10, the frames first");
#else
    (void)opt;
    s.skip("built without riposte-gui");
#endif
    return s;
}

} // namespace riposte::bench
