// The string table's machinery: languages, placeholders, numbers for people, and the list of
// every entry (see include/riposte/text/strings.hpp).
#include "riposte/text/strings.hpp"

#include "riposte/text/cli_texts.hpp"
#include "riposte/text/diagnostic_texts.hpp"
#include "riposte/text/generator_texts.hpp"
#include "riposte/text/gui_texts.hpp"
#include "riposte/text/log_texts.hpp"
#include "riposte/text/names_texts.hpp"
#include "riposte/text/report_texts.hpp"
#include "riposte/text/sizing_texts.hpp"
#include "riposte/text/summary_texts.hpp"
#include "riposte/text/validation_texts.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <system_error>

namespace riposte {

std::optional<Language> parse_language(std::string_view code) {
    std::string lower;
    for (char c : code) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "fr") return Language::French;
    if (lower == "en") return Language::English;
    return std::nullopt;
}

std::string_view language_code(Language language) {
    return language == Language::French ? "fr" : "en";
}

namespace text {

namespace {

/// Inserts `sep` every three digits from the right of the digit string `digits`.
std::string group_digits(std::string_view digits, std::string_view sep) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return out;
}

std::string_view thousands_separator(Language language) {
    return language == Language::French ? std::string_view{"\xC2\xA0"} : std::string_view{","};
}

void append_names(std::vector<Text>& out, std::span<const NamedText> table) {
    for (const NamedText& n : table) out.push_back(n.text);
}

} // namespace

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size());
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i);
            if (close != std::string_view::npos && close > i + 1) {
                std::size_t k = 0;
                const auto res = std::from_chars(pattern.data() + i + 1, pattern.data() + close, k);
                if (res.ec == std::errc{} && res.ptr == pattern.data() + close && k < args.size()) {
                    out += *(args.begin() + k);
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

std::string format_count(Language language, std::int64_t value) {
    // Magnitude as unsigned so INT64_MIN does not overflow.
    const bool negative = value < 0;
    const std::uint64_t magnitude = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(value)
                                             : static_cast<std::uint64_t>(value);
    std::string s = group_digits(std::to_string(magnitude), thousands_separator(language));
    return negative ? "-" + s : s;
}

std::string format_decimal(Language language, double value, int decimals) {
    if (!std::isfinite(value)) return "—";
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    // std::to_chars: independent of the C locale.
    char buf[400];
    const auto res =
        std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::fixed, decimals);
    if (res.ec != std::errc{}) return "—";
    std::string_view digits{buf, static_cast<std::size_t>(res.ptr - buf)};
    const std::size_t dot = digits.find('.');
    std::string s = group_digits(digits.substr(0, dot), thousands_separator(language));
    if (dot != std::string_view::npos) {
        s += language == Language::French ? ',' : '.';
        s += digits.substr(dot + 1);
    }
    // No "-0,0": a value that rounds to zero is written without a sign.
    const bool all_zero = s.find_first_not_of("0,.\xC2\xA0") == std::string::npos;
    return (value < 0 && !all_zero) ? "-" + s : s;
}

std::string_view plural(Language language, std::int64_t n, std::string_view one,
                        std::string_view many) {
    const bool single = n == 1 || (language == Language::French && n == 0);
    return single ? one : many;
}

std::string name_in(std::span<const NamedText> table, std::string_view id, Language language) {
    for (const NamedText& n : table)
        if (n.id == id) return std::string(n.text.in(language));
    return std::string(id);
}

std::string kpi_label(Language language, std::string_view kpi) {
    std::string_view base = kpi, where;
    const std::size_t open = kpi.find('[');
    if (open != std::string_view::npos && kpi.back() == ']') {
        base = kpi.substr(0, open);
        where = kpi.substr(open + 1, kpi.size() - open - 2);
    }
    const NamedText* found = nullptr;
    for (const NamedText& n : kpi_names)
        if (n.id == base) found = &n;
    if (found == nullptr) return std::string(kpi);
    std::string label(found->text.in(language));
    if (where.empty()) return label;
    // the qualifier goes before the unit: "Attente p90, pire jour, Gignac (min)"
    const std::size_t unit = label.ends_with(')') ? label.rfind(" (") : std::string::npos;
    const std::string qualifier = ", " + std::string(where);
    if (unit == std::string::npos) return label + qualifier;
    return label.insert(unit, qualifier);
}

std::string phrase_text(Language language, std::string_view id,
                        const std::vector<std::string>& args, std::string_view fallback) {
    const NamedText* found = nullptr;
    for (const NamedText& n : validation_phrases)
        if (n.id == id) found = &n;
    if (found == nullptr) return std::string(fallback);
    std::vector<std::string> words;
    for (const std::string& a : args) {
        // identifiers of the scenario, as words
        if (a.starts_with("role:")) {
            words.push_back(name_in(role_names, std::string_view(a).substr(5), language));
            continue;
        }
        if (a.starts_with("group:")) { // a population group; "group:" alone is everyone
            const std::string_view g = std::string_view(a).substr(6);
            words.push_back(g.empty() ? phrase_text(language, "group.everyone", {}, "everyone")
                                      : name_in(group_names, g, language));
            continue;
        }
        if (a.starts_with("profession:")) {
            words.push_back(name_in(profession_names, std::string_view(a).substr(11), language));
            continue;
        }
        if (a.starts_with("text:")) { // verbatim, even when it looks like a number (INSEE)
            words.push_back(a.substr(5));
            continue;
        }
        if (a.starts_with("reason:")) {
            words.push_back(name_in(shortfall_reasons, std::string_view(a).substr(7), language));
            continue;
        }
        double v = 0;
        const auto res = std::from_chars(a.data(), a.data() + a.size(), v);
        if (language == Language::English || a.empty() || res.ec != std::errc{} ||
            res.ptr != a.data() + a.size()) {
            words.push_back(a);
            continue;
        }
        const std::size_t dot = a.find('.');
        const int decimals = dot == std::string::npos ? 0 : static_cast<int>(a.size() - dot - 1);
        words.push_back(format_decimal(language, v, decimals));
    }
    std::string out(found->text.in(language));
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string key = "{" + std::to_string(k) + "}";
        for (std::size_t pos = out.find(key); pos != std::string::npos;
             pos = out.find(key, pos + words[k].size()))
            out.replace(pos, key.size(), words[k]);
    }
    return out;
}

std::vector<Text> all_texts() {
    std::vector<Text> out;
    for (const std::vector<Text>& section :
         {entries_of(report), entries_of(summary), entries_of(cli), entries_of(causes),
          entries_of(diag), entries_of(log_texts), entries_of(sizing), entries_of(generator_texts)})
        out.insert(out.end(), section.begin(), section.end());
    out.insert(out.end(), std::begin(change_kind_words), std::end(change_kind_words));
    append_names(out, profession_names);
    append_names(out, role_names);
    append_names(out, group_names);
    append_names(out, centre_kind_names);
    append_names(out, kpi_names);
    append_names(out, rule_titles);
    append_names(out, validation_phrases);
    append_names(out, shortfall_reasons);
    out.insert(out.end(), std::begin(range_hints), std::end(range_hints));
    out.insert(out.end(), std::begin(reader_phrases), std::end(reader_phrases));
    out.insert(out.end(), std::begin(diag_csv_files), std::end(diag_csv_files));
    out.insert(out.end(), std::begin(parse_usages), std::end(parse_usages));
    out.insert(out.end(), std::begin(parse_details), std::end(parse_details));
    for (std::size_t i = 0; i < static_cast<std::size_t>(GuiText::Count); ++i)
        out.push_back(gui_text(static_cast<GuiText>(i)));
    return out;
}

} // namespace text
} // namespace riposte
