// libFuzzer target for riposte's input readers. The first byte of the input picks the mode,
// the rest is the document:
//   0  a world file (TOML), loaded with the tiny test plan; its CSV tables resolve in
//      scenarios/tests/tiny
//   1  a plan file (TOML), loaded with the tiny test world
//   2  a CSV commune table (the national table reader, the same CSV reader as the loader)
//   3  a results CSV file (the report's reader)
//   4  a results JSON file (the report's reader)
// Diagnostics are formatted to exercise the message code; nothing may crash, leak, hang or hit
// undefined behaviour (the target is built with ASan and UBSan).
#include "riposte/national.hpp"
#include "riposte/report.hpp"
#include "riposte/scenario_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace {

const std::filesystem::path tiny{RIPOSTE_FUZZ_SCENARIO_DIR};

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t consume(const riposte::Diagnostics& d) {
    std::size_t n = 0;
    for (const auto& item : d.items()) n += riposte::format_diagnostic(item).size();
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string world = read(tiny / "world.toml");
    static const std::string plan = read(tiny / "plan.toml");
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    volatile std::size_t sink = 0;
    switch (data[0] % 5) {
    case 0: {
        const auto r = riposte::load_scenario_text(text, "world.toml", plan, "plan.toml", tiny);
        sink = consume(r.diagnostics);
        break;
    }
    case 1: {
        const auto r = riposte::load_scenario_text(world, "world.toml", text, "plan.toml", tiny);
        sink = consume(r.diagnostics);
        break;
    }
    case 2: {
        const auto r = riposte::parse_national_table(text, "communes.csv");
        sink = consume(r.diagnostics);
        break;
    }
    case 3: {
        std::string error;
        const auto t = riposte::parse_csv(text, "queue.csv", error);
        sink = t ? t->rows.size() : error.size();
        break;
    }
    default: {
        std::string error;
        const auto v = riposte::parse_json(text, "summary.json", error);
        sink = v ? v->object.size() : error.size();
        break;
    }
    }
    (void)sink;
    return 0;
}
