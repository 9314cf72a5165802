#include "riposte/core/calendar.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace riposte {

namespace {

std::optional<std::chrono::sys_days> parse(std::string_view s) {
    namespace chr = std::chrono;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    auto part = [&](std::size_t pos, std::size_t len, auto& out) {
        const auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
        return r.ec == std::errc{} && r.ptr == s.data() + pos + len;
    };
    if (!part(0, 4, y) || !part(5, 2, m) || !part(8, 2, d)) return std::nullopt;
    const chr::year_month_day ymd{chr::year{y}, chr::month{m}, chr::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return chr::sys_days{ymd};
}

} // namespace

std::optional<std::string> iso_date_plus(std::string_view start, int day) {
    namespace chr = std::chrono;
    const auto base = parse(start);
    if (!base) return std::nullopt;
    const chr::year_month_day date{*base + chr::days{day}};
    char buf[32];
    const int n =
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return std::string(buf, static_cast<std::size_t>(n > 0 ? n : 0));
}

std::optional<int> weekday_of_iso(std::string_view iso) {
    const auto d = parse(iso);
    if (!d) return std::nullopt;
    return static_cast<int>(std::chrono::weekday{*d}.iso_encoding()) - 1;
}

} // namespace riposte
