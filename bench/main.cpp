// riposte_bench: events per second of the engine, one replication of the shipped scenarios
// (time and peak memory), compared with SimPy. Prints a table; --json FILE writes the figures.
// Exit status: 0 done (targets met or not, see the summary; --strict makes a missed target 1),
// 1 a section failed, 2 bad usage.
#include "bench.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <iostream>
#include <string_view>

namespace {

using riposte::bench::Options;
using riposte::bench::Section;
using riposte::bench::Status;

constexpr std::string_view section_names[] = {"mmc",          "default", "metz",   "national",
                                              "replications", "stream",  "live",   "sweep",
                                              "scaling",      "compare", "frames", "size"};

void usage(std::ostream& out) {
    out << "usage: riposte_bench [--only SECTION[,SECTION...]] [--json FILE] [options]\n"
           "\n"
           "sections (all by default, in this order):\n"
           "  mmc           engine events/s on an M/M/6 queue (run_mmc), and the same model in\n"
           "                SimPy 3 for comparison\n"
           "  default       one replication of the bundled default scenario\n"
           "  metz          one replication of scenarios/metz-et-environs\n"
           "  national      one replication of scenarios/france (skipped if absent)\n"
           "  replications  replications per second with 1 and 2 threads (run_replications)\n"
           "  stream        10,000 replications of the default scenario written to disk as\n"
           "                riposte run writes them: peak memory (several minutes, ~3 GB of\n"
           "                temporary disk)\n"
           "  live          the live model: a 28-day journal of 50 changes replayed, a rewind\n"
           "                on Metz, resuming a killed exercise session (Centre-Hérault, Metz),\n"
           "                the counterfactuals of a 50-change session, live_state() on the\n"
           "                national scenario (skipped if absent), pause and stop latency\n"
           "                of the live run playing Metz and France\n"
           "  sweep         riposte sweep of Metz (3 variants × N replications) on 1 and 2\n"
           "                threads and under mpirun -n 1 and -n 2: tasks/s and the speedup\n"
           "  scaling       one replication each of Centre-Hérault, Metz, Nord and\n"
           "                Hauts-de-France (generated with riposte territory) and France:\n"
           "                events/s, peak memory, longest single event, with the M/M/6\n"
           "                engine as yardstick and the time of one random read in 1 GB\n"
           "                and in 16 MB as the memory's (France takes minutes)\n"
           "  compare       2 Centre-Herault plans x 20 replications compared by riposte compare\n"
           "                and by the dashboard (riposte-gui --compare; needs an X display)\n"
           "  frames        the dashboard's frame times on Metz and France, fitted and zoomed,\n"
           "                the run playing (riposte-gui --frame-stats; needs an X display)\n"
           "  size          riposte size on the understaffed Centre-Hérault plan against an\n"
           "                exhaustive search over 729 plans (a few minutes)\n"
           "\n"
           "options:\n"
           "  --only LIST             run only these sections (comma-separated, repeatable)\n"
           "  --skip LIST             run all sections but these (national takes minutes)\n"
           "  --json FILE             also write the figures as JSON (atomically)\n"
           "  --customers N           M/M/6 customers measured (default 1000000)\n"
           "  --warmup N              M/M/6 warm-up customers, discarded (default 10000)\n"
           "  --runs N                M/M/6 runs; the best is reported (default 3)\n"
           "  --seed N                M/M/6 seed (default 2024)\n"
           "  --no-simpy              skip the SimPy comparison\n"
           "  --simpy-customers N     SimPy customers measured (default 1000000)\n"
           "  --python PATH           Python interpreter with simpy (default: $RIPOSTE_PYTHON,\n"
           "                          python3, /usr/bin/python3: the first that imports simpy)\n"
           "  --simpy-script FILE     the SimPy model (default: bench/simpy_mmc.py)\n"
           "  --scenario-dir DIR      folder holding metz-et-environs/ and france/\n"
           "                          (default: the folder of the default scenario)\n"
           "  --replications N        replications per thread count (default 20)\n"
           "  --replications-scenario NAME  default (the default), metz or national\n"
           "  --stream-replications N replications written in section stream (default 10000)\n"
           "  --stream-threads N      threads in section stream (default 2)\n"
           "  --sweep-replications N  replications per variant in section sweep (default 16)\n"
           "  --scaling-dir DIR       where section scaling generates Nord and Hauts-de-France\n"
           "                          (default: $TMPDIR/riposte-bench-scaling; kept for reuse)\n"
           "  --scaling-no-france     section scaling without scenarios/france\n"
           "  --size-threads N        threads in section size (default 2)\n"
           "  --strict                exit 1 when a target is not met\n"
           "  -h, --help              this help\n"
           "\n"
           "Build in Release (scripts/bench.sh does) and run nothing else meanwhile.\n";
}

bool parse_count(const char* text, std::uint64_t& out, std::uint64_t min) {
    const char* end = text + std::strlen(text);
    std::uint64_t v = 0;
    const auto r = std::from_chars(text, end, v);
    if (r.ec != std::errc{} || r.ptr != end || v < min) return false;
    out = v;
    return true;
}

bool known_section(std::string_view s) {
    return std::find(std::begin(section_names), std::end(section_names), s) !=
           std::end(section_names);
}

} // namespace

int main(int argc, char** argv) {
    Options opt;
    std::string child, child_scaling;
    bool strict = false;
    std::vector<std::string> only, skip;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        const auto value = [&](const char* what) -> const char* {
            if (i + 1 >= argc) {
                std::cerr << "riposte_bench: error: " << a << " needs " << what << "\n";
                std::exit(2);
            }
            return argv[++i];
        };
        const auto count = [&](std::uint64_t& out, std::uint64_t min) {
            const char* v = value("a number");
            if (!parse_count(v, out, min)) {
                std::cerr << "riposte_bench: error: " << a << " " << v
                          << ": expected a whole number >= " << min << "\n";
                std::exit(2);
            }
        };
        if (a == "-h" || a == "--help") {
            usage(std::cout);
            return 0;
        } else if (a == "--only" || a == "--skip") {
            std::string_view list = value("a section list");
            while (!list.empty()) {
                const std::size_t comma = list.find(',');
                const std::string_view name = list.substr(0, comma);
                if (!known_section(name)) {
                    std::cerr << "riposte_bench: error: unknown section '" << name
                              << "'; choose among mmc, default, metz, national, replications, "
                                 "stream, live, size\n";
                    return 2;
                }
                (a == "--only" ? only : skip).emplace_back(name);
                list =
                    comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
            }
        } else if (a == "--json") {
            opt.json_file = value("a file name");
        } else if (a == "--customers") {
            count(opt.mmc_customers, 20);
        } else if (a == "--warmup") {
            count(opt.mmc_warmup, 0);
        } else if (a == "--runs") {
            std::uint64_t n = 0;
            count(n, 1);
            opt.mmc_runs = static_cast<int>(std::min<std::uint64_t>(n, 100));
        } else if (a == "--seed") {
            count(opt.seed, 0);
        } else if (a == "--no-simpy") {
            opt.simpy = false;
        } else if (a == "--simpy-customers") {
            count(opt.simpy_customers, 20);
        } else if (a == "--python") {
            opt.python = value("an interpreter path");
        } else if (a == "--simpy-script") {
            opt.simpy_script = value("a file name");
        } else if (a == "--scenario-dir") {
            opt.scenario_dir = value("a folder");
        } else if (a == "--replications") {
            std::uint64_t n = 0;
            count(n, 1);
            opt.replications = static_cast<int>(std::min<std::uint64_t>(n, 100000));
        } else if (a == "--replications-scenario") {
            opt.replications_scenario = value("default, metz or national");
            if (opt.replications_scenario != "default" && opt.replications_scenario != "metz" &&
                opt.replications_scenario != "national") {
                std::cerr << "riposte_bench: error: --replications-scenario expects default, "
                             "metz or national\n";
                return 2;
            }
        } else if (a == "--stream-replications") {
            std::uint64_t n = 0;
            count(n, 1);
            opt.stream_replications = static_cast<int>(std::min<std::uint64_t>(n, 100000));
        } else if (a == "--stream-threads") {
            std::uint64_t n = 0;
            count(n, 1);
            opt.stream_threads = static_cast<int>(std::min<std::uint64_t>(n, 256));
        } else if (a == "--sweep-replications") {
            std::uint64_t n = 0;
            count(n, 1);
            opt.sweep_replications = static_cast<int>(std::min<std::uint64_t>(n, 10000));
        } else if (a == "--scaling-dir") {
            opt.scaling_dir = value("a folder");
        } else if (a == "--scaling-no-france") {
            opt.scaling_france = false;
        } else if (a == "--child-scaling") {
            child_scaling = value("a scenario folder");
        } else if (a == "--size-threads") {
            std::uint64_t n = 0;
            count(n, 1);
            opt.size_threads = static_cast<int>(std::min<std::uint64_t>(n, 256));
        } else if (a == "--strict") {
            strict = true;
        } else if (a == "--child") {
            child = value("a scenario name");
        } else {
            std::cerr << "riposte_bench: error: unknown argument '" << a << "'\n";
            usage(std::cerr);
            return 2;
        }
    }

    if (!child_scaling.empty()) return riposte::bench::scaling_child_main(child_scaling);
    if (child == "stream") return riposte::bench::stream_child_main(opt);
    if (!child.empty()) {
        if (child != "default" && child != "metz" && child != "national") {
            std::cerr << "riposte_bench: error: --child expects default, metz or national\n";
            return 2;
        }
        return riposte::bench::child_main(opt, child);
    }

    const riposte::bench::MachineInfo machine = riposte::bench::machine_info();
    riposte::bench::print_header(machine, opt);
    const auto selected = [&](std::string_view name) {
        return (only.empty() || std::find(only.begin(), only.end(), name) != only.end()) &&
               std::find(skip.begin(), skip.end(), name) == skip.end();
    };

    std::vector<Section> sections;
    for (std::string_view name : section_names) {
        if (!selected(name)) continue;
        Section s;
        if (name == "mmc")
            s = riposte::bench::run_mmc_section(opt);
        else if (name == "replications")
            s = riposte::bench::run_replications_section(opt);
        else if (name == "stream")
            s = riposte::bench::run_stream_section(opt);
        else if (name == "live")
            s = riposte::bench::run_live_section(opt);
        else if (name == "sweep")
            s = riposte::bench::run_sweep_section(opt);
        else if (name == "scaling")
            s = riposte::bench::run_scaling_section(opt);
        else if (name == "compare")
            s = riposte::bench::run_compare_section(opt);
        else if (name == "frames")
            s = riposte::bench::run_frames_section(opt);
        else if (name == "size")
            s = riposte::bench::run_size_section(opt);
        else
            s = riposte::bench::run_scenario_section(opt, std::string(name));
        riposte::bench::print_section(s);
        sections.push_back(std::move(s));
    }
    riposte::bench::print_summary(sections);

    int status = 0;
    for (const Section& s : sections) {
        if (s.status == Status::Failed) status = 1;
        for (const auto& f : s.figures)
            if (strict && f.met && !*f.met) status = std::max(status, 1);
    }
    if (!opt.json_file.empty()) {
        std::string error;
        if (!riposte::bench::write_json(opt.json_file, machine, opt, sections, error)) {
            std::cerr << "riposte_bench: error: " << error << "\n";
            return 1;
        }
        std::cout << "\nwrote " << opt.json_file << "\n";
    }
    return status;
}
