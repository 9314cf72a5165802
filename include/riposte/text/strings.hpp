#pragma once
// The one string table: every text a person reads, from the CLI, the reports and the
// dashboard, in French (the default) and English. The table is split into sections, one header
// each, all in this folder:
//   report_texts.hpp   the HTML report (riposte report, --report)
//   summary_texts.hpp  the terminal summary of `riposte run`
//   cli_texts.hpp      what `run`, `validate`, `compare` and `check` print, and the verdicts
//   names_texts.hpp    professions, groups, roles, centre kinds and KPIs as words
//   gui_texts.hpp      the dashboard (riposte-gui)
//   generator_texts.hpp the comments, notes and diagnostics of the world generator
// A section is a struct whose members are all `Text` (French, English); all_texts() lists the
// entries of every section, so a test can check that French output holds no English entry.
// Placeholders {0}, {1}, ... are filled by fill(). No dependency beyond the standard library.
#include <bit>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riposte {

/// The language of a text a person reads: French by default.
enum class Language { French, English };

/// "fr" or "en" (case-insensitive); nullopt otherwise.
std::optional<Language> parse_language(std::string_view code);
/// "fr" or "en".
std::string_view language_code(Language language);

namespace text {

/// One entry of the table: the same text in French and in English (UTF-8).
struct Text {
    std::string_view fr, en;
    [[nodiscard]] constexpr std::string_view in(Language language) const {
        return language == Language::French ? fr : en;
    }
};

/// `pattern` with every {0}, {1}, ... replaced by the argument of that index.
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);
/// fill() on the text in `language`.
inline std::string fill(Language language, const Text& t,
                        std::initializer_list<std::string_view> args) {
    return fill(t.in(language), args);
}

/// Whole number grouped by thousands: "12 345" (French, no-break space U+00A0) or "12,345".
std::string format_count(Language language, std::int64_t value);
/// Number with `decimals` (0..9) digits after the decimal mark ("," in French, "." in English),
/// grouped like format_count(); never "-0". Non-finite values give "—".
std::string format_decimal(Language language, double value, int decimals);
/// "1 re" / "s": `one` when n is 1 (or 0 in French, which writes "0 jour"), else `many`.
std::string_view plural(Language language, std::int64_t n, std::string_view one,
                        std::string_view many);

/// The entries of a section (a struct made only of `Text` members), in declaration order.
template <class Section> std::vector<Text> entries_of(const Section& section) {
    static_assert(sizeof(Section) % sizeof(Text) == 0, "a section holds only Text members");
    constexpr std::size_t n = sizeof(Section) / sizeof(Text);
    struct Block {
        Text items[n];
    };
    static_assert(sizeof(Block) == sizeof(Section));
    const Block block = std::bit_cast<Block>(section);
    return {std::begin(block.items), std::end(block.items)};
}

/// Every entry of every section of the table.
std::vector<Text> all_texts();

} // namespace text
} // namespace riposte
