#pragma once
// Deterministic, locale-independent text forms of values (no I/O): the CSV and number forms
// that both the model's territory tables and the output writers use.
#include <cstdint>
#include <string>
#include <string_view>

namespace riposte {

/// A CSV field (RFC 4180): quoted when it contains a comma, quote, CR or LF; quotes doubled.
std::string csv_field(std::string_view text);
/// `value` with exactly `decimals` digits after the point ("-0.00" is written "0.00").
/// Non-finite values give an empty string.
std::string format_fixed(double value, int decimals);
/// Appends the code point `cp` (at most 0x10FFFF) to `out` in UTF-8 (JSON and TOML \u escapes).
void append_utf8(std::string& out, std::uint32_t cp);

} // namespace riposte
