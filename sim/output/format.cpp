// Deterministic, locale-independent formatting helpers shared by the CSV, JSON and text writers.
#include "riposte/core/calendar.hpp"
#include "riposte/output.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

namespace riposte {


namespace {

/// Length of the valid UTF-8 sequence starting at s[i], or 0 when the bytes there are not one
/// (truncated, bad continuation, overlong, surrogate or beyond U+10FFFF).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (b0 < 0x80) return 1;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        len = 2;
        cp = b0 & 0x1fu;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        len = 3;
        cp = b0 & 0x0fu;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        len = 4;
        cp = b0 & 0x07u;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const unsigned char b = byte(i + k);
        if ((b & 0xc0u) != 0x80u) return 0;
        cp = (cp << 6) | (b & 0x3fu);
    }
    if (len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return 0;
    if (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) return 0;
    return len;
}

} // namespace

std::string json_string(std::string_view text) {
    static constexpr std::array<char, 16> hex{'0', '1', '2', '3', '4', '5', '6', '7',
                                              '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) {
            const std::size_t len = utf8_sequence_length(text, i);
            if (len == 0) {
                out += "\\ufffd";
                ++i;
            } else {
                out.append(text.substr(i, len));
                i += len;
            }
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0x0fu];
            } else {
                out += c;
            }
        }
        ++i;
    }
    out += '"';
    return out;
}


std::string iso_date(std::string_view start_date, int day) {
    return iso_date_plus(start_date, day).value_or("day " + std::to_string(day));
}

std::string clock_hhmm(std::int64_t second_of_day) {
    const bool negative = second_of_day < 0;
    const std::int64_t s = negative ? -second_of_day : second_of_day;
    const std::int64_t h = s / 3600;
    const std::int64_t m = (s % 3600) / 60;
    std::array<char, 32> buf{};
    const int n = std::snprintf(buf.data(), buf.size(), "%s%02lld:%02lld", negative ? "-" : "",
                                static_cast<long long>(h), static_cast<long long>(m));
    return n > 0 ? std::string(buf.data(), static_cast<std::size_t>(n)) : std::string{};
}

std::string_view log_kind_name(LogKind kind) {
    switch (kind) {
    case LogKind::Info:
        return "info";
    case LogKind::Warning:
        return "warning";
    case LogKind::Shortfall:
        return "shortfall";
    case LogKind::Stockout:
        return "stockout";
    case LogKind::Delivery:
        return "delivery";
    case LogKind::Inject:
        return "inject";
    case LogKind::Decision:
        return "decision";
    }
    return "unknown";
}

std::string format_decimal(double value, int max_decimals) {
    std::string text = format_fixed(value, max_decimals);
    if (text.find('.') == std::string::npos) return text;
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
    if (text == "-0") text = "0";
    return text;
}

} // namespace riposte
