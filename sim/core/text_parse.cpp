#include "text_parse.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace riposte::loader {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

struct DayName {
    std::string_view name;
    int day;
};
constexpr std::array<DayName, 28> day_names{{
    {"mon", 0},      {"tue", 1},    {"wed", 2},      {"thu", 3},      {"fri", 4},
    {"sat", 5},      {"sun", 6},    {"monday", 0},   {"tuesday", 1},  {"wednesday", 2},
    {"thursday", 3}, {"friday", 4}, {"saturday", 5}, {"sunday", 6},   {"lun", 0},
    {"mar", 1},      {"mer", 2},    {"jeu", 3},      {"ven", 4},      {"sam", 5},
    {"dim", 6},      {"lundi", 0},  {"mardi", 1},    {"mercredi", 2}, {"jeudi", 3},
    {"vendredi", 4}, {"samedi", 5}, {"dimanche", 6},
}};

std::optional<int> day_index(std::string_view word) {
    const std::string w = ascii_lower(word);
    for (const auto& d : day_names)
        if (d.name == w) return d.day;
    return std::nullopt;
}

constexpr std::array<std::string_view, 7> short_days{"mon", "tue", "wed", "thu",
                                                     "fri", "sat", "sun"};

} // namespace

std::string ascii_lower(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = lower(c);
    return r;
}

TextParse<WeekdayMask> parse_weekdays(std::string_view text) {
    TextParse<WeekdayMask> r;
    const char* usage = "; write e.g. \"mon-fri\", \"mon,wed,sat\", \"sat-mon\" or \"all\"";
    std::size_t i = 0;
    auto skip = [&] {
        while (i < text.size() && is_space(text[i])) ++i;
    };
    auto word = [&]() -> std::string_view {
        const std::size_t b = i;
        while (i < text.size() &&
               ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z') ||
                static_cast<unsigned char>(text[i]) >= 0x80))
            ++i;
        return text.substr(b, i - b);
    };
    auto fail = [&](std::string msg, std::size_t at) {
        r.value.reset();
        r.error = std::move(msg) + usage;
        r.offset = at;
        return r;
    };
    {
        std::string_view t = text;
        while (!t.empty() && is_space(t.front())) t.remove_prefix(1);
        while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
        const std::string lw = ascii_lower(t);
        if (lw == "all" || lw == "daily") {
            r.value = all_weekdays;
            return r;
        }
        if (t.empty()) return fail("empty list of days", 0);
    }
    unsigned mask = 0;
    for (;;) {
        skip();
        const std::size_t first_at = i;
        const std::string_view first = word();
        if (first.empty()) return fail("expected a day name", first_at);
        const auto a = day_index(first);
        if (!a) return fail("unknown day '" + std::string(first) + "'", first_at);
        skip();
        int b = *a;
        if (i < text.size() && text[i] == '-') {
            ++i;
            skip();
            const std::size_t second_at = i;
            const std::string_view second = word();
            if (second.empty()) return fail("expected a day name after '-'", second_at);
            const auto bb = day_index(second);
            if (!bb) return fail("unknown day '" + std::string(second) + "'", second_at);
            b = *bb;
            skip();
        }
        for (int d = *a;; d = (d + 1) % 7) {
            mask |= 1u << d;
            if (d == b) break;
        }
        if (i == text.size()) break;
        if (text[i] != ',' && text[i] != ';') return fail("expected ',' between days", i);
        ++i;
    }
    r.value = static_cast<WeekdayMask>(mask);
    return r;
}

std::string weekdays_to_text(WeekdayMask mask) {
    if ((mask & all_weekdays) == all_weekdays) return "all";
    if ((mask & all_weekdays) == 0) return "none";
    // Runs of consecutive days (no wrap, kept simple for messages).
    std::string out;
    int d = 0;
    while (d < 7) {
        if (!((mask >> d) & 1)) {
            ++d;
            continue;
        }
        int e = d;
        while (e + 1 < 7 && ((mask >> (e + 1)) & 1)) ++e;
        if (!out.empty()) out += ',';
        out += short_days[static_cast<std::size_t>(d)];
        if (e > d) {
            out += e == d + 1 ? ',' : '-';
            out += short_days[static_cast<std::size_t>(e)];
        }
        d = e + 1;
    }
    return out;
}

TextParse<SimTime> parse_clock(std::string_view text, bool allow_24) {
    TextParse<SimTime> r;
    const std::string usage = allow_24 ? "; write a time of day as \"HH:MM\", e.g. \"08:30\" "
                                         "(\"24:00\" for midnight at the end of the day)"
                                       : "; write a time of day as \"HH:MM\", e.g. \"08:30\"";
    auto fail = [&](std::string msg, std::size_t at) {
        r.value.reset();
        r.error = std::move(msg) + usage;
        r.offset = at;
        return r;
    };
    std::size_t i = 0;
    while (i < text.size() && is_space(text[i])) ++i;
    auto digits = [&](std::size_t max) {
        int v = 0;
        std::size_t n = 0;
        while (i < text.size() && n < max && text[i] >= '0' && text[i] <= '9') {
            v = v * 10 + (text[i] - '0');
            ++i;
            ++n;
        }
        return std::pair<int, std::size_t>{v, n};
    };
    const std::size_t h_at = i;
    const auto [h, hn] = digits(2);
    if (hn == 0) return fail("expected hours", h_at);
    if (i >= text.size() || (text[i] != ':' && text[i] != 'h' && text[i] != 'H'))
        return fail("expected ':' after the hours", i);
    const bool h_sep = text[i] != ':';
    ++i;
    const std::size_t m_at = i;
    auto [m, mn] = digits(2);
    if (mn == 0 && h_sep)
        m = 0; // "8h"
    else if (mn != 2)
        return fail("expected two digits of minutes", m_at);
    while (i < text.size() && is_space(text[i])) ++i;
    if (i != text.size()) return fail("unexpected text after the time", i);
    if (m > 59) return fail("minutes must be 00 to 59", m_at);
    if (h > 24 || (h == 24 && (m != 0 || !allow_24)))
        return fail(allow_24 ? "the time must be between 00:00 and 24:00"
                             : "the time must be between 00:00 and 23:59",
                    h_at);
    r.value = hours(h) + minutes(m);
    return r;
}

TextParse<SimTime> parse_day_time(std::string_view text) {
    TextParse<SimTime> r;
    const std::string usage = "; write a day and a time as \"J3 14:00\" (day index from J0, the "
                              "first day of the run, then HH:MM)";
    auto fail = [&](std::string msg, std::size_t at) {
        r.value.reset();
        r.error = std::move(msg) + usage;
        r.offset = at;
        return r;
    };
    std::size_t i = 0;
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size()) return fail("empty time", i);
    const char j = lower(text[i]);
    if (j != 'j' && j != 'd') return fail("expected 'J' and a day index", i);
    ++i;
    if (i < text.size() && text[i] == '+') ++i;
    const std::size_t day_at = i;
    std::int64_t day = 0;
    std::size_t n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (n < 9) day = day * 10 + (text[i] - '0');
        ++i;
        ++n;
    }
    if (n == 0) return fail("expected the day index after 'J'", day_at);
    if (day > max_day_index)
        return fail("the day index must be at most " + std::to_string(max_day_index), day_at);
    std::size_t after_day = i;
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size()) {
        r.value = days(day);
        return r;
    }
    if (i == after_day) return fail("expected a space between the day and the time", i);
    // the clock, with optional seconds "HH:MM:SS"
    const std::string_view rest = text.substr(i);
    std::string_view clock = rest;
    std::int64_t secs = 0;
    const std::size_t first = rest.find(':');
    const std::size_t second = first == std::string_view::npos ? first : rest.find(':', first + 1);
    if (second != std::string_view::npos) {
        clock = rest.substr(0, second);
        std::string_view s = rest.substr(second + 1);
        while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
        if (s.size() != 2 || s[0] < '0' || s[0] > '5' || s[1] < '0' || s[1] > '9')
            return fail("expected two digits of seconds (00 to 59)", i + second + 1);
        secs = (s[0] - '0') * 10 + (s[1] - '0');
    }
    const auto c = parse_clock(clock, false);
    if (!c.value) {
        r.value.reset();
        r.error = c.error;
        r.offset = i + c.offset;
        return r;
    }
    r.value = days(day) + *c.value + seconds(secs);
    return r;
}

TextParse<SimTime> parse_duration(std::string_view text) {
    TextParse<SimTime> r;
    const std::string usage =
        "; write a duration as \"2h30\", \"45min\", \"3d\" (days) or a number of days";
    auto fail = [&](std::string msg, std::size_t at) {
        r.value.reset();
        r.error = std::move(msg) + usage;
        r.offset = at;
        return r;
    };
    std::size_t i = 0;
    std::int64_t total = 0;
    bool any = false;
    char last_unit = 0;
    while (true) {
        while (i < text.size() && is_space(text[i])) ++i;
        if (i >= text.size()) break;
        const std::size_t num_at = i;
        std::int64_t v = 0;
        std::size_t n = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (n < 9) v = v * 10 + (text[i] - '0');
            ++i;
            ++n;
        }
        if (n == 0) return fail("expected a number", num_at);
        if (n > 7) return fail("the number is too large", num_at);
        const std::size_t unit_at = i;
        std::string unit;
        while (i < text.size() &&
               ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z')))
            unit += lower(text[i++]);
        std::int64_t scale = 0;
        char u = 0;
        if (unit.empty()) {
            // "2h30": minutes after hours
            if (last_unit != 'h') return fail("expected a unit (d, h, min or s)", unit_at);
            scale = 60;
            u = 'm';
        } else if (unit == "d" || unit == "j" || unit == "day" || unit == "days" ||
                   unit == "jour" || unit == "jours") {
            scale = 86400;
            u = 'd';
        } else if (unit == "h") {
            scale = 3600;
            u = 'h';
        } else if (unit == "min" || unit == "m" || unit == "mn") {
            scale = 60;
            u = 'm';
        } else if (unit == "s") {
            scale = 1;
            u = 's';
        } else {
            return fail("unknown unit '" + unit + "'", unit_at);
        }
        const auto rank = [](char c) {
            return c == 'd' ? 0 : c == 'h' ? 1 : c == 'm' ? 2 : c == 's' ? 3 : -1;
        };
        if (last_unit != 0 && rank(u) <= rank(last_unit))
            return fail("units must go from days down to seconds, each once", unit_at);
        last_unit = u;
        total += v * scale;
        any = true;
        if (total > std::int64_t{max_day_index} * 86400)
            return fail("the duration is too long", num_at);
    }
    if (!any) return fail("empty duration", 0);
    if (total <= 0) return fail("the duration must be more than 0", 0);
    r.value = seconds(total);
    return r;
}

std::string clock_to_text(SimTime t) {
    const auto s = t.seconds();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(s / 3600),
                  static_cast<int>((s / 60) % 60));
    return buf;
}

TextParse<CivilDate> parse_iso_date(std::string_view text) {
    TextParse<CivilDate> r;
    const char* usage = "; write the date as \"YYYY-MM-DD\", e.g. \"2021-04-05\"";
    auto fail = [&](std::string msg, std::size_t at) {
        r.value.reset();
        r.error = std::move(msg) + usage;
        r.offset = at;
        return r;
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return fail("expected a date of the form YYYY-MM-DD", 0);
    auto num = [&](std::size_t at, std::size_t n) -> std::optional<int> {
        int v = 0;
        for (std::size_t k = at; k < at + n; ++k) {
            if (text[k] < '0' || text[k] > '9') return std::nullopt;
            v = v * 10 + (text[k] - '0');
        }
        return v;
    };
    const auto y = num(0, 4), mo = num(5, 2), d = num(8, 2);
    if (!y) return fail("the year must be 4 digits", 0);
    if (!mo) return fail("the month must be 2 digits", 5);
    if (!d) return fail("the day must be 2 digits", 8);
    if (*y < 1900 || *y > 2200) return fail("the year must be between 1900 and 2200", 0);
    if (*mo < 1 || *mo > 12) return fail("the month must be 01 to 12", 5);
    static constexpr int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    const int max_d = mdays[*mo - 1] + ((*mo == 2 && leap) ? 1 : 0);
    if (*d < 1 || *d > max_d)
        return fail("day " + std::to_string(*d) + " does not exist in that month", 8);
    r.value = CivilDate{*y, *mo, *d};
    return r;
}

std::int64_t days_from_civil(CivilDate date) {
    // Howard Hinnant's days_from_civil algorithm (public domain description of the calendar
    // arithmetic), written out here.
    std::int64_t y = date.year;
    const int m = date.month;
    const int d = date.day;
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int weekday_of(CivilDate d) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    const std::int64_t z = days_from_civil(d);
    return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    constexpr std::size_t cap = 64;
    if (a.size() > cap || b.size() > cap) return 1000;
    const std::size_t n = a.size(), m = b.size();
    // Three rows: i-2, i-1, i.
    std::vector<std::size_t> r0(m + 1), r1(m + 1), r2(m + 1);
    for (std::size_t j = 0; j <= m; ++j) r1[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        r2[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const bool same = lower(a[i - 1]) == lower(b[j - 1]);
            std::size_t v = std::min({r1[j] + 1, r2[j - 1] + 1, r1[j - 1] + (same ? 0u : 1u)});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]))
                v = std::min(v, r0[j - 2] + 1);
            r2[j] = v;
        }
        std::swap(r0, r1);
        std::swap(r1, r2);
    }
    return r1[m];
}

namespace {

template <class S>
std::optional<std::string> closest_impl(std::string_view word, std::span<const S> candidates) {
    if (word.empty()) return std::nullopt;
    // A typo budget that grows with the word: 1 edit for short words, up to a third of it.
    const std::size_t budget = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
    std::size_t best = budget + 1;
    std::optional<std::string> out;
    for (const auto& c : candidates) {
        const std::string_view cv(c);
        if (cv == word) continue;
        // A candidate that contains the word, or the reverse, is a good hint too
        // ("slot" for "slot_minutes").
        const bool contains = word.size() >= 4 && (cv.find(word) != std::string_view::npos ||
                                                   word.find(cv) != std::string_view::npos);
        const std::size_t len_diff =
            word.size() > cv.size() ? word.size() - cv.size() : cv.size() - word.size();
        if (len_diff > budget && !contains) continue; // cannot be within budget: skip the work
        std::size_t d = edit_distance(word, cv);
        if (d > budget && contains) d = budget;
        if (d < best) {
            best = d;
            out = std::string(cv);
        }
    }
    return out;
}

} // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates) {
    return closest_impl(word, candidates);
}
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates) {
    return closest_impl(word, candidates);
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
    const auto m = closest_match(word, candidates);
    return m ? "; did you mean '" + *m + "'?" : std::string();
}
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
    const auto m = closest_match(word, candidates);
    return m ? "; did you mean '" + *m + "'?" : std::string();
}

int utf8_columns(std::string_view text, std::size_t bytes) {
    bytes = std::min(bytes, text.size());
    int cols = 0;
    for (std::size_t k = 0; k < bytes; ++k)
        if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++cols;
    return cols;
}

namespace {

/// Decodes one well-formed UTF-8 sequence at `pos`; returns its length (0 when ill-formed).
std::size_t utf8_decode(std::string_view text, std::size_t pos, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1Fu;
        min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0Fu;
        min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07u;
        min = 0x10000;
    } else {
        return 0;
    }
    if (pos + len > text.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const unsigned char b = byte(pos + k);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

} // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    std::size_t pos = 0;
    char32_t cp = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t len = utf8_decode(text, pos, cp);
        if (len == 0) return pos;
        pos += len;
    }
    return std::nullopt;
}

std::optional<std::string> fold_accents(std::string_view text) {
    // Latin-1 letters U+00C0..U+00FF and the ligatures French uses, by their ASCII spelling.
    static constexpr std::string_view latin1[64] = {
        "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
        "D", "N", "O", "O", "O", "O", "O",  "",  "O", "U", "U", "U", "U", "Y", "",  "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "",  "y"};
    std::string out;
    std::size_t pos = 0;
    char32_t cp = 0;
    while (pos < text.size()) {
        const std::size_t len = utf8_decode(text, pos, cp);
        if (len == 0) return std::nullopt;
        pos += len;
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp >= 0xC0 && cp <= 0xFF && !latin1[cp - 0xC0].empty()) {
            out += latin1[cp - 0xC0];
        } else if (cp == 0x152) {
            out += "OE";
        } else if (cp == 0x153) {
            out += "oe";
        } else {
            return std::nullopt;
        }
    }
    return out;
}

std::string quoted_list(std::span<const std::string> names, std::size_t max_items) {
    std::string out;
    const std::size_t n = std::min(names.size(), max_items);
    for (std::size_t k = 0; k < n; ++k) {
        if (k > 0) out += (k + 1 == n && n == names.size()) ? " or " : ", ";
        out += "'" + names[k] + "'";
    }
    if (n < names.size()) out += ", ... (" + std::to_string(names.size()) + " in all)";
    return out;
}

std::string format_number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

} // namespace riposte::loader
