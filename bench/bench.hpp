#pragma once
// riposte_bench: shared types of the benchmark sections, the report and the child processes.
// The benchmark measures; it is not a test (SPEC.md §7: speed is never a timed unit test).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace riposte::bench {

/// One measured figure: a JSON key, a label and a formatted value for the table, and an
/// optional target with whether it is met.
struct Figure {
    std::string key;
    std::string label;
    std::variant<double, std::string> value;
    std::string shown;  ///< the value as printed in the table (with its unit)
    std::string target; ///< e.g. "≥ 10 M/s"; empty when the figure has no target
    std::optional<bool> met;
};

enum class Status { Ok, Skipped, Failed };

struct Section {
    std::string name;  ///< selector and JSON key: mmc, default, metz, national, replications
    std::string title; ///< heading of the table
    Status status = Status::Ok;
    std::vector<std::string> notes;
    std::vector<Figure> figures;

    void add(std::string key, std::string label, double value, std::string shown);
    void add_text(std::string key, std::string label, std::string value);
    /// Adds a figure with a target; `met` decides the verdict printed next to it.
    void add_target(std::string key, std::string label, double value, std::string shown,
                    std::string target, bool met);
    void skip(std::string why) {
        status = Status::Skipped;
        notes.push_back(std::move(why));
    }
    void fail(std::string why) {
        status = Status::Failed;
        notes.push_back(std::move(why));
    }
};

struct Options {
    std::string json_file;
    std::uint64_t mmc_customers = 1'000'000;
    std::uint64_t mmc_warmup = 10'000;
    int mmc_runs = 3;
    std::uint64_t seed = 2024;
    bool simpy = true;
    std::uint64_t simpy_customers = 1'000'000;
    std::string python; ///< interpreter; empty: probe RIPOSTE_PYTHON, python3, /usr/bin/python3
    std::string simpy_script; ///< empty: bench/simpy_mmc.py next to the sources or the binary
    std::string scenario_dir; ///< empty: the folder holding the default scenario
    int replications = 20;    ///< replications per thread count in section "replications"
    std::string replications_scenario = "default"; ///< default, metz or national
    int stream_replications = 10000; ///< replications written to disk in section "stream"
    int stream_threads = 2;          ///< threads of section "stream"
    int sweep_replications = 16;     ///< replications per variant in section "sweep"
    std::string scaling_dir;         ///< section "scaling": where generated territories go
    bool scaling_france = true;      ///< section "scaling": include scenarios/france
    int size_threads = 2;            ///< threads of section "size"
};

/// Machine and build facts printed above the table and stored in the JSON.
struct MachineInfo {
    std::string cpu_model;
    unsigned logical_cpus = 0;
    std::string date; ///< local time, ISO 8601
    std::string build_type;
    std::string compiler;
    bool assertions = false;  ///< NDEBUG not defined: figures are not representative
    std::string load_average; ///< /proc/loadavg at start (1, 5, 15 min): is the machine quiet?
};
MachineInfo machine_info();

// ---- sections (each returns its table; none throws) ----------------------------------------
Section run_mmc_section(const Options& opt);
Section run_scenario_section(const Options& opt, const std::string& name);
Section run_replications_section(const Options& opt);
Section run_stream_section(const Options& opt);
Section run_live_section(const Options& opt);
Section run_sweep_section(const Options& opt);
Section run_scaling_section(const Options& opt);
/// Entry point of `riposte_bench --child-scaling DIR`: one replication of DIR's world.toml and
/// plan.toml, stepped one event at a time; prints its figures as key<TAB>value lines.
int scaling_child_main(const std::string& dir);
Section run_compare_section(const Options& opt);
Section run_frames_section(const Options& opt);
Section run_size_section(const Options& opt);

/// Entry point of `riposte_bench --child NAME`: loads and runs one scenario in this fresh
/// process and prints "key<TAB>value" lines on stdout. Returns the exit status.
int child_main(const Options& opt, const std::string& name);
/// Entry point of `riposte_bench --child stream`: writes opt.stream_replications replications
/// of the default scenario to a temporary results folder and prints its figures.
int stream_child_main(const Options& opt);

// ---- report ---------------------------------------------------------------------------------
void print_header(const MachineInfo& m, const Options& opt);
void print_section(const Section& s);
void print_summary(const std::vector<Section>& sections);
/// Writes the JSON report atomically (temp file in the same folder, then rename).
bool write_json(const std::string& file, const MachineInfo& m, const Options& opt,
                const std::vector<Section>& sections, std::string& error);

// ---- processes and measurement helpers -------------------------------------------------------
struct ChildOutput {
    int exit_code = -1; ///< -1: could not start; 128+n: killed by signal n
    std::string out;    ///< everything the child wrote on stdout
    std::string error;  ///< why it could not start
};
/// Runs argv[0] (looked up in PATH when it has no '/') with stdout captured. stderr is passed
/// through, or discarded when `quiet_stderr`.
ChildOutput run_child(const std::vector<std::string>& argv, bool quiet_stderr = false);
/// Parses the "key<TAB>value" lines printed by a child.
std::map<std::string, std::string> parse_key_values(const std::string& text);
/// Reads a number field of a flat JSON object (what simpy_mmc.py prints); nullopt if absent.
std::optional<double> json_number(const std::string& json, const std::string& key);
std::optional<std::string> json_string(const std::string& json, const std::string& key);

/// Peak resident set of this process (getrusage RUSAGE_SELF, ru_maxrss), in MB (10^6 bytes).
double peak_rss_mb();
/// Current resident set (VmRSS in /proc/self/status), in MB (10^6 bytes); 0 when unavailable.
double current_rss_mb();
/// Peak resident set of this address space only (VmHWM in /proc/self/status), in MB. Unlike
/// ru_maxrss it does not inherit the high-water mark of the process image replaced by exec.
double address_space_peak_rss_mb();
/// Absolute path of this executable (/proc/self/exe).
std::string self_exe();
double now_seconds(); ///< std::chrono::steady_clock, in seconds

// ---- formatting -------------------------------------------------------------------------------
std::string fmt_fixed(double v, int decimals);
std::string fmt_int(double v);  ///< 1,234,567
std::string fmt_rate(double v); ///< 12.3 M/s, 456 k/s
std::string fmt_seconds(double s);

} // namespace riposte::bench
