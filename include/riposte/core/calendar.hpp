#pragma once
// Civil dates of the simulated calendar (proleptic Gregorian, std::chrono).
#include <optional>
#include <string>
#include <string_view>

namespace riposte {

/// "YYYY-MM-DD" of `start` (ISO date) plus `day` days; nullopt when `start` is not a valid date.
std::optional<std::string> iso_date_plus(std::string_view start, int day);

/// 0 = Monday ... 6 = Sunday; nullopt when `iso` is not a valid "YYYY-MM-DD" date.
std::optional<int> weekday_of_iso(std::string_view iso);

} // namespace riposte
