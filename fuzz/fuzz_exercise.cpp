// libFuzzer target for the exercise and journal readers (docs/exercise.md). The first byte of
// the input picks the mode, the rest is the document:
//   0  an exercise file (load_exercise_text), then checked against the tiny test scenario
//   1  a journal (read_journal_text); a journal that reads is written again with the writer's
//      functions and must read back with as many entries and no error
//   2  one change (parse_change_toml); a change that reads must read back equal from
//      change_to_toml's text
// Nothing may crash, leak, hang or hit undefined behaviour (ASan and UBSan), and the round
// trips of modes 1 and 2 must hold (a failure traps).
#include "riposte/change_toml.hpp"
#include "riposte/exercise_loader.hpp"
#include "riposte/journal.hpp"
#include "riposte/scenario_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace {

const std::filesystem::path tiny{RIPOSTE_FUZZ_SCENARIO_DIR};

std::size_t consume(const riposte::Diagnostics& d) {
    std::size_t n = 0;
    for (const auto& item : d.items()) n += riposte::format_diagnostic(item).size();
    return n;
}

const riposte::Scenario* tiny_scenario() {
    static const std::optional<riposte::Scenario> s =
        riposte::load_scenario(tiny / "world.toml", tiny / "plan.toml").scenario;
    return s ? &*s : nullptr;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    volatile std::size_t sink = 0;
    switch (data[0] % 3) {
    case 0: {
        const auto r = riposte::load_exercise_text(text, "exercise.toml");
        sink = consume(r.diagnostics);
        if (r.exercise && tiny_scenario())
            sink = consume(riposte::check_exercise(r, *tiny_scenario()));
        break;
    }
    case 1: {
        const auto r = riposte::read_journal_text(text, "journal.toml");
        sink = consume(r.diagnostics);
        if (r.journal) {
            std::string again = riposte::journal_header_to_toml(r.journal->header);
            for (const auto& e : r.journal->entries) again += riposte::journal_entry_to_toml(e);
            const auto back = riposte::read_journal_text(again, "again.toml");
            if (!back.journal || back.diagnostics.has_errors() ||
                back.journal->entries.size() != r.journal->entries.size())
                __builtin_trap();
        }
        break;
    }
    default: {
        const auto r = riposte::parse_change_toml(text, "change.toml");
        sink = consume(r.diagnostics);
        if (r.change) {
            const auto back = riposte::parse_change_toml(riposte::change_to_toml(*r.change), "c");
            if (!back.change || !(*back.change == *r.change)) __builtin_trap();
        }
        break;
    }
    }
    (void)sink;
    return 0;
}
