#pragma once
// Small text forms used in scenario files, independent of TOML: weekday sets ("mon-fri"),
// clock times ("08:30"), ISO dates ("2021-04-05"), and the edit distance behind
// "did you mean ...?" hints.
#include "riposte/core/sim_time.hpp"
#include "riposte/core/weekdays.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace riposte::loader {

/// Result of parsing a small text form: the value, or an error with the 0-based byte offset
/// into the text where the problem is.
template <class T> struct TextParse {
    std::optional<T> value;
    std::string error;
    std::size_t offset = 0;
};

/// "mon-fri", "mon,wed,sat", "sat-mon" (ranges wrap over the week end), "all". Day names are
/// case-insensitive: English three-letter (mon) or full (monday), or French (lun, lundi).
/// Items are separated by ',' or ';'. Never returns an empty set.
TextParse<WeekdayMask> parse_weekdays(std::string_view text);

/// "mon-fri" style text for a mask (used in messages).
std::string weekdays_to_text(WeekdayMask mask);

/// "08:30", "8:30", "8h30", "08h" (French style). With allow_24, "24:00" is the end of the day.
/// Returns seconds since midnight.
TextParse<SimTime> parse_clock(std::string_view text, bool allow_24);

/// Largest day index a day-time ("J<day> HH:MM") may name.
inline constexpr int max_day_index = 100000;

/// A moment of the run: "J3 14:00" is day index 3 (day 0 is the first day of the run) at
/// 14:00. Also "J+3 14:00", "j3 14h00", "J3 14:00:05" (seconds) and "J3" (00:00); "D" may
/// replace "J". Returns seconds since day 0, 00:00.
TextParse<SimTime> parse_day_time(std::string_view text);

/// A duration > 0: "2h30", "2h", "45min", "90s", "3d" or "3j" (days), "1d12h", "1j 12h".
TextParse<SimTime> parse_duration(std::string_view text);

/// "08:30" for a second-of-day (minutes rounded down).
std::string clock_to_text(SimTime t);

struct CivilDate {
    int year = 0, month = 0, day = 0;
};
/// "YYYY-MM-DD" (years 1900..2200), checking the day exists in the month.
TextParse<CivilDate> parse_iso_date(std::string_view text);
/// Days since 1970-01-01 (proleptic Gregorian).
std::int64_t days_from_civil(CivilDate d);
/// 0 = Monday ... 6 = Sunday.
int weekday_of(CivilDate d);

/// Optimal string alignment distance (Levenshtein + adjacent transpositions), byte-wise,
/// case-insensitive for ASCII. Strings longer than 64 bytes get a large distance (no hint).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a plausible typo.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates);
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates);

/// " did you mean 'x'?" or "" (ready to append to a message).
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

/// Number of UTF-8 code points in the first `bytes` bytes of text (columns are counted in code
/// points, as toml++ does).
int utf8_columns(std::string_view text, std::size_t bytes);

/// Byte offset of the first byte that is not part of well-formed UTF-8 (overlong forms,
/// surrogates and code points past U+10FFFF are ill-formed), or nullopt when `text` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// The text with French accents removed ("durée" -> "duree", "cœur" -> "coeur"), or nullopt
/// when it holds a non-ASCII character with no such spelling. `text` must be valid UTF-8.
std::optional<std::string> fold_accents(std::string_view text);

/// ASCII lower-casing (scenario keywords are ASCII).
std::string ascii_lower(std::string_view s);

/// Joins names as "'a', 'b' or 'c'".
std::string quoted_list(std::span<const std::string> names, std::size_t max_items = 12);

/// Formats a double without trailing zeros ("0.5", "12", "1e+06").
std::string format_number(double v);

} // namespace riposte::loader
