// The benchmark's output: machine facts, one table per section, a summary of the targets, and
// the machine-readable JSON report.
#include "bench.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

#ifndef RIPOSTE_BENCH_BUILD_TYPE
#define RIPOSTE_BENCH_BUILD_TYPE "unknown"
#endif

namespace riposte::bench {

// ---- figures --------------------------------------------------------------------------------

void Section::add(std::string key, std::string label, double value, std::string shown) {
    figures.push_back({std::move(key), std::move(label), value, std::move(shown), {}, {}});
}

void Section::add_text(std::string key, std::string label, std::string value) {
    std::string shown = value;
    figures.push_back(
        {std::move(key), std::move(label), std::move(value), std::move(shown), {}, {}});
}

void Section::add_target(std::string key, std::string label, double value, std::string shown,
                         std::string target, bool met) {
    figures.push_back(
        {std::move(key), std::move(label), value, std::move(shown), std::move(target), met});
}

// ---- formatting -----------------------------------------------------------------------------

std::string fmt_fixed(double v, int decimals) {
    if (!std::isfinite(v)) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string fmt_int(double v) {
    if (!std::isfinite(v)) return "n/a";
    const long long n = std::llround(v);
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    const std::size_t lead = digits.size() % 3;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (i % 3) == lead % 3) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string fmt_rate(double v) {
    if (!std::isfinite(v)) return "n/a";
    if (v >= 1e6) return fmt_fixed(v / 1e6, 2) + " M/s";
    if (v >= 1e3) return fmt_fixed(v / 1e3, 1) + " k/s";
    return fmt_fixed(v, 1) + " /s";
}

std::string fmt_seconds(double s) {
    if (!std::isfinite(s)) return "n/a";
    if (s < 0.01) return fmt_fixed(s * 1e3, 2) + " ms";
    if (s < 1.0) return fmt_fixed(s * 1e3, 0) + " ms";
    return fmt_fixed(s, 2) + " s";
}

namespace {

/// Display width of UTF-8 text (one column per code point: enough for λ, μ, ≥, ±, é).
std::size_t width(const std::string& s) {
    std::size_t w = 0;
    for (const char ch : s)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++w;
    return w;
}

std::string pad(const std::string& s, std::size_t w) {
    const std::size_t sw = width(s);
    return sw >= w ? s : s + std::string(w - sw, ' ');
}

const char* status_name(Status s) {
    switch (s) {
    case Status::Ok:
        return "ok";
    case Status::Skipped:
        return "skipped";
    case Status::Failed:
        return "failed";
    }
    return "?";
}

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) == 0) {
            const std::size_t colon = line.find(':');
            if (colon != std::string::npos) {
                std::size_t b = colon + 1;
                while (b < line.size() && line[b] == ' ') ++b;
                return line.substr(b);
            }
        }
    }
    return "unknown";
}

std::string iso_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
    return buf;
}

// ---- JSON -----------------------------------------------------------------------------------

std::string json_quote(const std::string& s) {
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

std::string json_num(double v) {
    if (!std::isfinite(v)) return "null";
    if (v == std::floor(v) && std::fabs(v) < 9e15) return std::to_string(static_cast<long long>(v));
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

} // namespace

MachineInfo machine_info() {
    MachineInfo m;
    m.cpu_model = cpu_model();
    m.logical_cpus = std::thread::hardware_concurrency();
    m.date = iso_now();
    m.build_type = RIPOSTE_BENCH_BUILD_TYPE;
#if defined(__clang__)
    m.compiler = std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
    m.compiler = std::string("gcc ") + __VERSION__;
#else
    m.compiler = "unknown";
#endif
    std::ifstream load("/proc/loadavg");
    std::string one, five, fifteen;
    if (load >> one >> five >> fifteen) m.load_average = one + " " + five + " " + fifteen;
#ifdef NDEBUG
    m.assertions = false;
#else
    m.assertions = true;
#endif
    return m;
}

void print_header(const MachineInfo& m, const Options& /*opt*/) {
    std::cout << "riposte benchmark (single-threaded)\n"
              << "  machine  " << m.cpu_model << ", " << m.logical_cpus << " logical CPUs\n"
              << "  build    " << m.build_type << ", " << m.compiler
              << (m.assertions ? ", assertions ON" : "") << "\n"
              << "  date     " << m.date << "\n"
              << "  load     " << (m.load_average.empty() ? "unknown" : m.load_average)
              << " (1, 5, 15 min load average at start; above 0.5 the figures are noisy)\n";
    if (m.assertions || (m.build_type != "Release" && m.build_type != "RelWithDebInfo"))
        std::cout << "  WARNING  not a Release build: figures are not representative "
                     "(use scripts/bench.sh)\n";
    std::cout << std::flush;
}

void print_section(const Section& s) {
    constexpr std::size_t label_w = 38, value_w = 26, target_w = 12;
    std::cout << "\n[" << s.name << "] " << s.title;
    if (s.status != Status::Ok) std::cout << "  (" << status_name(s.status) << ")";
    std::cout << "\n";
    if (!s.figures.empty()) {
        std::cout << "  " << pad("figure", label_w) << "  " << pad("value", value_w) << "  "
                  << pad("target", target_w) << "  verdict\n"
                  << "  " << std::string(label_w, '-') << "  " << std::string(value_w, '-') << "  "
                  << std::string(target_w, '-') << "  -------\n";
        for (const Figure& f : s.figures) {
            std::cout << "  " << pad(f.label, label_w) << "  " << pad(f.shown, value_w) << "  "
                      << pad(f.target, target_w) << "  "
                      << (f.met ? (*f.met ? "met" : "NOT MET") : "") << "\n";
        }
    }
    for (const std::string& n : s.notes) std::cout << "  note: " << n << "\n";
    std::cout << std::flush;
}

void print_summary(const std::vector<Section>& sections) {
    int met = 0, missed = 0;
    std::cout << "\nsummary\n";
    for (const Section& s : sections) {
        for (const Figure& f : s.figures) {
            if (!f.met) continue;
            (*f.met ? met : missed) += 1;
            std::cout << "  " << (*f.met ? "met     " : "NOT MET ") << s.name << ": " << f.label
                      << " = " << f.shown << " (target " << f.target << ")\n";
        }
        if (s.status != Status::Ok)
            std::cout << "  " << pad(status_name(s.status), 8) << s.name << ": "
                      << (s.notes.empty() ? "" : s.notes.front()) << "\n";
    }
    std::cout << "  " << met << " target(s) met, " << missed << " not met\n" << std::flush;
}

bool write_json(const std::string& file, const MachineInfo& m, const Options& opt,
                const std::vector<Section>& sections, std::string& error) {
    std::ostringstream j;
    bool all_met = true;
    j << "{\n  \"schema\": \"riposte-bench/1\",\n  \"date\": " << json_quote(m.date) << ",\n"
      << "  \"machine\": {\"cpu_model\": " << json_quote(m.cpu_model)
      << ", \"logical_cpus\": " << m.logical_cpus
      << ", \"build_type\": " << json_quote(m.build_type)
      << ", \"compiler\": " << json_quote(m.compiler)
      << ", \"assertions\": " << (m.assertions ? "true" : "false")
      << ", \"load_average\": " << json_quote(m.load_average) << "},\n"
      << "  \"options\": {\"mmc_customers\": " << opt.mmc_customers
      << ", \"mmc_warmup\": " << opt.mmc_warmup << ", \"mmc_runs\": " << opt.mmc_runs
      << ", \"seed\": " << opt.seed << ", \"simpy\": " << (opt.simpy ? "true" : "false")
      << ", \"simpy_customers\": " << opt.simpy_customers
      << ", \"replications\": " << opt.replications
      << ", \"replications_scenario\": " << json_quote(opt.replications_scenario)
      << ", \"stream_replications\": " << opt.stream_replications
      << ", \"stream_threads\": " << opt.stream_threads << "},\n"
      << "  \"sections\": {";
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const Section& s = sections[i];
        j << (i ? "," : "") << "\n    " << json_quote(s.name) << ": {\n"
          << "      \"title\": " << json_quote(s.title) << ",\n"
          << "      \"status\": " << json_quote(status_name(s.status)) << ",\n"
          << "      \"notes\": [";
        for (std::size_t k = 0; k < s.notes.size(); ++k)
            j << (k ? ", " : "") << json_quote(s.notes[k]);
        j << "],\n      \"figures\": {";
        bool first = true;
        for (const Figure& f : s.figures) {
            j << (first ? "" : ",") << "\n        " << json_quote(f.key) << ": ";
            if (const double* d = std::get_if<double>(&f.value))
                j << json_num(*d);
            else
                j << json_quote(std::get<std::string>(f.value));
            first = false;
        }
        j << (first ? "" : "\n      ") << "},\n      \"targets\": {";
        first = true;
        for (const Figure& f : s.figures) {
            if (!f.met) continue;
            all_met = all_met && *f.met;
            j << (first ? "" : ",") << "\n        " << json_quote(f.key)
              << ": {\"target\": " << json_quote(f.target)
              << ", \"met\": " << (*f.met ? "true" : "false") << "}";
            first = false;
        }
        j << (first ? "" : "\n      ") << "}\n    }";
    }
    j << "\n  },\n  \"all_targets_met\": " << (all_met ? "true" : "false") << "\n}\n";

    namespace fs = std::filesystem;
    const fs::path target(file);
    fs::path tmp = target;
    tmp += ".tmp." + std::to_string(getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            error = "cannot write " + tmp.string();
            return false;
        }
        out << j.str();
        out.flush();
        if (!out) {
            error = "cannot write " + tmp.string();
            out.close();
            std::error_code ec;
            fs::remove(tmp, ec);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) {
        error = "cannot rename " + tmp.string() + " to " + target.string() + ": " + ec.message();
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

} // namespace riposte::bench
