#include "toml_reader.hpp"

#include "core/text_parse.hpp"
#include "riposte/text/diagnostic_texts.hpp"

#include <algorithm>
#include <cmath>

namespace riposte::loader {

SourceLoc TomlFile::loc(const toml::source_position& p) const {
    const int line = static_cast<int>(p.line);
    return {name_, line > 0 ? line + line_offset_ : line, static_cast<int>(p.column)};
}

SourceLoc TomlFile::loc_in_string(const toml::node& n, std::size_t offset) const {
    SourceLoc l = loc(n);
    if (l.line <= 0 || l.column <= 0) return l;
    // Find the byte where the value starts on its line to learn the quote style and count
    // columns in code points from there. Escapes inside basic strings make this approximate.
    std::size_t pos = 0;
    for (int line = 1; line < l.line && pos < text_.size(); ++pos)
        if (text_[pos] == '\n') ++line;
    std::size_t line_end = text_.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = text_.size();
    const std::string_view line_text = text_.substr(pos, line_end - pos);
    std::size_t col = 1, byte = 0;
    while (byte < line_text.size() && static_cast<int>(col) < l.column) {
        ++byte;
        while (byte < line_text.size() &&
               (static_cast<unsigned char>(line_text[byte]) & 0xC0) == 0x80)
            ++byte;
        ++col;
    }
    const std::string_view rest = line_text.substr(byte);
    std::size_t quote = 1;
    if (rest.starts_with("\"\"\"") || rest.starts_with("'''")) {
        quote = 3;
        // A multi-line string starting with a newline: the content begins on the next line.
        if (rest.size() == 3) return l;
    }
    const std::string_view content = rest.substr(std::min(quote, rest.size()));
    l.column += static_cast<int>(quote) + utf8_columns(content, offset);
    return l;
}

std::filesystem::path TomlFile::resolve(std::string_view relative) const {
    std::filesystem::path p{std::string(relative)};
    if (p.is_absolute() || base_dir_.empty()) return p.lexically_normal();
    return (base_dir_ / p).lexically_normal();
}

Bilingual type_words(const toml::node& n) {
    const text::DiagnosticTexts& t = text::diag;
    switch (n.type()) {
    case toml::node_type::table:
        return say(t.type_table);
    case toml::node_type::array:
        return say(t.type_array);
    case toml::node_type::string:
        return say(t.type_string);
    case toml::node_type::integer:
        return say(t.type_integer);
    case toml::node_type::floating_point:
        return say(t.type_decimal);
    case toml::node_type::boolean:
        return say(t.type_boolean);
    case toml::node_type::date:
        return say(t.type_date);
    case toml::node_type::time:
        return say(t.type_time);
    case toml::node_type::date_time:
        return say(t.type_date_time);
    default:
        return say(t.type_nothing);
    }
}

std::string type_phrase(const toml::node& n) {
    return type_words(n).en;
}

namespace {

/// The values of {0}, {1}, ... when `text` is `pattern` with its placeholders filled (each
/// placeholder takes the shortest text that lets the next literal part match), else nullopt.
std::optional<std::vector<std::string>> match_pattern(std::string_view pattern,
                                                      std::string_view text) {
    std::vector<std::string> args;
    std::size_t p = 0, t = 0;
    int pending = -1; // the placeholder waiting for the next literal part
    while (p <= pattern.size()) {
        const std::size_t open = pattern.find('{', p);
        const std::size_t lit_end = open == std::string_view::npos ? pattern.size() : open;
        const std::string_view lit = pattern.substr(p, lit_end - p);
        if (pending < 0) {
            if (text.substr(t, lit.size()) != lit) return std::nullopt;
        } else {
            const std::size_t at =
                lit_end == pattern.size()
                    ? (text.size() >= lit.size() && text.substr(text.size() - lit.size()) == lit
                           ? text.size() - lit.size()
                           : std::string_view::npos)
                    : text.find(lit, t);
            if (at == std::string_view::npos || at < t ||
                (lit.empty() && lit_end != pattern.size()))
                return std::nullopt;
            const auto k = static_cast<std::size_t>(pending);
            if (args.size() <= k) args.resize(k + 1);
            args[k] = std::string(text.substr(t, at - t));
            t = at;
        }
        t += lit.size();
        if (open == std::string_view::npos) break;
        const std::size_t close = pattern.find('}', open);
        if (close == std::string_view::npos) return std::nullopt;
        pending = std::stoi(std::string(pattern.substr(open + 1, close - open - 1)));
        p = close + 1;
    }
    if (t != text.size()) return std::nullopt;
    return args;
}

/// `english` matched on one of `table`'s English patterns, said in both languages.
std::optional<Bilingual> match_table(std::span<const text::Text> table, std::string_view english) {
    for (const text::Text& t : table)
        if (const auto args = match_pattern(t.en, english)) {
            // fill the placeholders in both languages
            Bilingual filled{std::string(t.fr), std::string(t.en)};
            for (std::size_t k = args->size(); k-- > 0;) {
                const std::string key = "{" + std::to_string(k) + "}";
                for (std::string* s : {&filled.fr, &filled.en})
                    for (std::size_t pos = s->find(key); pos != std::string::npos;
                         pos = s->find(key, pos + (*args)[k].size()))
                        s->replace(pos, key.size(), (*args)[k]);
            }
            return filled;
        }
    return std::nullopt;
}

} // namespace

Bilingual quoted_words(std::span<const std::string> names, std::size_t max_items) {
    Bilingual out;
    const std::size_t n = std::min(names.size(), max_items);
    for (std::size_t k = 0; k < n; ++k) {
        if (k > 0)
            out += (k + 1 == n && n == names.size()) ? say(text::diag.or_word) : verbatim(", ");
        out += verbatim("'" + names[k] + "'");
    }
    if (n < names.size()) out += say(text::diag.in_all, {std::to_string(names.size())});
    return out;
}

Bilingual phrase(std::string_view english) {
    for (const text::Text& t : text::range_hints)
        if (t.en == english) return say(t);
    for (const text::Text& t : text::reader_phrases)
        if (t.en == english) return say(t);
    // a parser's detail: "<what is wrong>" or "<what is wrong>; <how to write it>"
    if (auto b = match_table(text::parse_details, english)) return *b;
    for (const text::Text& u : text::parse_usages) {
        if (english.size() <= u.en.size() || english.substr(english.size() - u.en.size()) != u.en)
            continue;
        if (auto b =
                match_table(text::parse_details, english.substr(0, english.size() - u.en.size())))
            return *b + say(u);
    }
    return verbatim(std::string(english));
}

std::optional<std::string> to_string(const TomlFile& f, const toml::node& n, const SayArg& what) {
    if (const auto* s = n.as_string()) return s->get();
    f.error(n, "value.type", say(text::diag.must_be_string, {what, type_words(n)}));
    return std::nullopt;
}

std::optional<std::int64_t> to_int(const TomlFile& f, const toml::node& n, const SayArg& what,
                                   std::int64_t lo, std::int64_t hi) {
    const text::DiagnosticTexts& t = text::diag;
    std::int64_t v = 0;
    if (const auto* i = n.as_integer()) {
        v = i->get();
    } else if (const auto* d = n.as_floating_point()) {
        f.error(n, "value.type", say(t.must_be_integer_decimal, {what, format_number(d->get())}));
        return std::nullopt;
    } else {
        Bilingual msg = say(t.must_be_integer, {what, type_words(n)});
        if (n.is_string()) msg += say(t.remove_quotes);
        f.error(n, "value.type", std::move(msg));
        return std::nullopt;
    }
    if (v < lo || v > hi) {
        f.error(n, "value.out_of_range",
                say(t.integer_out_of_range,
                    {what, std::to_string(v), std::to_string(lo), std::to_string(hi)}));
        return std::nullopt;
    }
    return v;
}

std::optional<double> to_number(const TomlFile& f, const toml::node& n, const SayArg& what,
                                const Range& r) {
    const text::DiagnosticTexts& t = text::diag;
    double v = 0;
    if (const auto* i = n.as_integer()) {
        v = static_cast<double>(i->get());
    } else if (const auto* d = n.as_floating_point()) {
        v = d->get();
    } else {
        Bilingual msg = say(t.must_be_number, {what, type_words(n)});
        if (n.is_string()) msg += say(t.remove_quotes);
        f.error(n, "value.type", std::move(msg));
        return std::nullopt;
    }
    if (!std::isfinite(v)) {
        f.error(n, "value.not_finite", say(t.must_be_finite, {what, format_number(v)}));
        return std::nullopt;
    }
    if (v < r.lo || v > r.hi) {
        f.error(n, "value.out_of_range",
                r.hint ? say(t.number_out_of_range_hint, {what, format_number(v), phrase(r.hint)})
                       : say(t.number_out_of_range,
                             {what, format_number(v), format_number(r.lo), format_number(r.hi)}));
        return std::nullopt;
    }
    return v;
}

std::optional<bool> to_bool(const TomlFile& f, const toml::node& n, const SayArg& what) {
    if (const auto* b = n.as_boolean()) return b->get();
    f.error(n, "value.type", say(text::diag.must_be_boolean, {what, type_words(n)}));
    return std::nullopt;
}

TableReader::TableReader(const TomlFile& f, const toml::table& t, std::string where)
    : f_(f), t_(t), where_(std::move(where)), where_words_(phrase(where_)) {}

SourceLoc TableReader::loc() const {
    SourceLoc l = f_.loc(t_);
    return l;
}

void TableReader::allow(std::string_view key) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
}

void TableReader::missing(std::string_view key, std::string_view example) {
    // A misspelt key ("weekly_hour") is reported once, as an unknown key with a suggestion.
    const std::string_view only[] = {key};
    for (auto&& [k, v] : t_)
        if (k.str() != key && closest_match(k.str(), std::span<const std::string_view>(only)))
            return;
    Bilingual msg = say(text::diag.missing_key, {key, where_words_});
    if (!example.empty()) msg += say(text::diag.add_example, {example});
    f_.error(loc(), "key.missing", std::move(msg));
}

const toml::node* TableReader::node(std::string_view key, bool required, std::string_view example) {
    allow(key);
    const toml::node* n = t_.get(key);
    if (!n && required) missing(key, example);
    return n;
}

namespace {
std::string quoted(std::string_view key) {
    return "'" + std::string(key) + "'";
}
} // namespace

std::optional<std::string> TableReader::string(std::string_view key, bool required,
                                               std::string_view example) {
    const toml::node* n = node(key, required, example);
    if (!n) return std::nullopt;
    return to_string(f_, *n, quoted(key));
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t lo,
                                                 std::int64_t hi, bool required,
                                                 std::string_view example) {
    const toml::node* n = node(key, required, example);
    if (!n) return std::nullopt;
    return to_int(f_, *n, quoted(key), lo, hi);
}

std::optional<double> TableReader::number(std::string_view key, const Range& r, bool required,
                                          std::string_view example) {
    const toml::node* n = node(key, required, example);
    if (!n) return std::nullopt;
    return to_number(f_, *n, quoted(key), r);
}

std::optional<bool> TableReader::boolean(std::string_view key, bool required) {
    const toml::node* n = node(key, required, std::string(key) + " = true");
    if (!n) return std::nullopt;
    return to_bool(f_, *n, quoted(key));
}

std::optional<int> TableReader::keyword(std::string_view key,
                                        std::span<const std::string_view> words, bool required) {
    std::string list;
    for (std::size_t k = 0; k < words.size(); ++k)
        list += (k ? (k + 1 == words.size() ? "\x01" : ", ") : "") +
                ("\"" + std::string(words[k]) + "\"");
    const toml::node* n =
        node(key, required,
             std::string(key) + " = \"" + std::string(words.empty() ? "" : words[0]) + "\"");
    if (!n) return std::nullopt;
    const auto s = to_string(f_, *n, quoted(key));
    if (!s) return std::nullopt;
    const std::string low = ascii_lower(*s);
    for (std::size_t k = 0; k < words.size(); ++k)
        if (words[k] == low) return static_cast<int>(k);
    // "\x01" stands for the last " or " of the list, in each language
    const auto with_or = [&](Language language) {
        std::string out;
        for (char c : list)
            out += c == '\x01' ? std::string(text::diag.or_word.in(language)) : std::string(1, c);
        return out;
    };
    const std::optional<std::string> near = closest_match(low, words);
    f_.error(f_.loc(*n), "value.unknown_word",
             say(text::diag.not_one_of,
                 {quoted(key), *s, Bilingual{with_or(Language::French), with_or(Language::English)},
                  near ? say(text::diag.did_you_mean, {*near}) : Bilingual{}}));
    return std::nullopt;
}

std::optional<WeekdayMask> TableReader::weekdays(std::string_view key, bool required) {
    const toml::node* n = node(key, required, std::string(key) + " = \"mon-fri\"");
    if (!n) return std::nullopt;
    const auto s = to_string(f_, *n, quoted(key));
    if (!s) return std::nullopt;
    const auto p = parse_weekdays(*s);
    if (!p.value) {
        f_.error(f_.loc_in_string(*n, p.offset), "value.bad_text",
                 say(text::diag.bad_value, {quoted(key), phrase(p.error)}));
        return std::nullopt;
    }
    return p.value;
}

std::optional<SimTime> TableReader::clock(std::string_view key, bool allow_24, bool required) {
    const toml::node* n = node(key, required, std::string(key) + " = \"08:30\"");
    if (!n) return std::nullopt;
    if (const auto* t = n->as_time()) {
        const toml::time tv = t->get();
        if (tv.second != 0 || tv.nanosecond != 0)
            f_.warning(*n, say(text::diag.seconds_ignored, {quoted(key)}));
        return hours(tv.hour) + minutes(tv.minute);
    }
    if (!n->is_string()) {
        f_.error(*n, "value.type", say(text::diag.must_be_clock, {quoted(key), type_words(*n)}));
        return std::nullopt;
    }
    const std::string s = n->as_string()->get();
    const auto p = parse_clock(s, allow_24);
    if (!p.value) {
        f_.error(f_.loc_in_string(*n, p.offset), "value.bad_text",
                 say(text::diag.bad_value, {quoted(key), phrase(p.error)}));
        return std::nullopt;
    }
    return p.value;
}

std::optional<Distribution> TableReader::distribution(std::string_view key, bool required,
                                                      std::string_view example) {
    const toml::node* n = node(key, required, example);
    if (!n) return std::nullopt;
    std::string text;
    if (const auto* s = n->as_string()) {
        text = s->get();
    } else if (n->is_integer() || n->is_floating_point()) {
        // A bare number is a fixed value in minutes.
        const auto v = to_number(f_, *n, quoted(key), Range{0, 1e9, "a duration >= 0"});
        if (!v) return std::nullopt;
        text = format_number(*v);
    } else {
        f_.error(*n, "value.type",
                 say(text::diag.must_be_distribution, {quoted(key), type_words(*n)}));
        return std::nullopt;
    }
    if (text.size() > 100000) {
        f_.error(*n, "value.too_long", say(text::diag.too_long, {quoted(key)}));
        return std::nullopt;
    }
    DistributionParse p = parse_distribution(text, 60.0);
    if (!p.value) {
        const std::size_t off = static_cast<std::size_t>(std::max(0, p.error_offset));
        f_.error(n->is_string() ? f_.loc_in_string(*n, off) : f_.loc(*n), "value.bad_distribution",
                 say(text::diag.bad_distribution, {quoted(key), phrase(p.error)}));
        return std::nullopt;
    }
    return p.value;
}

const toml::table* TableReader::subtable(std::string_view key, bool required) {
    const toml::node* n = node(key, required, "[" + std::string(key) + "]");
    if (!n) return nullptr;
    if (const auto* t = n->as_table()) return t;
    f_.error(*n, "value.type", say(text::diag.must_be_table, {quoted(key), key, type_words(*n)}));
    return nullptr;
}

std::vector<const toml::table*> TableReader::table_array(std::string_view key, bool required) {
    std::vector<const toml::table*> out;
    const toml::node* n = node(key, required, "[[" + std::string(key) + "]]");
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) {
        f_.error(*n, "value.type",
                 say(text::diag.must_be_table_list, {quoted(key), key, type_words(*n)}));
        return out;
    }
    for (const auto& item : *arr) {
        if (const auto* t = item.as_table())
            out.push_back(t);
        else
            f_.error(item, "value.type",
                     say(text::diag.item_must_be_table, {quoted(key), type_words(item)}));
    }
    return out;
}

void TableReader::finish(std::span<const std::string_view> other_file_keys,
                         std::string_view other_file) {
    for (auto&& [k, v] : t_) {
        const std::string_view name = k.str();
        if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
        SourceLoc where = f_.loc(k);
        if (where.line <= 0) where = f_.loc(v);
        if (std::find(other_file_keys.begin(), other_file_keys.end(), name) !=
            other_file_keys.end()) {
            f_.error(where, "key.wrong_file",
                     say(text::diag.wrong_file, {name, phrase(other_file)}));
            continue;
        }
        if (&t_ != f_.root() &&
            std::find(f_.top_keys().begin(), f_.top_keys().end(), name) != f_.top_keys().end()) {
            f_.error(where, "key.misplaced", say(text::diag.misplaced_key, {name, where_words_}));
            continue;
        }
        Bilingual msg = say(text::diag.unknown_key, {name, where_words_});
        if (const auto m = closest_match(name, std::span<const std::string>(known_)))
            msg += say(text::diag.did_you_mean, {*m});
        else
            msg += say(text::diag.known_keys, {quoted_words(known_, 24)});
        f_.error(where, "key.unknown", std::move(msg));
    }
}

} // namespace riposte::loader
