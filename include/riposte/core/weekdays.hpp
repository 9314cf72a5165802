#pragma once
// A set of weekdays, as scenario files write them ("mon-fri").
#include <cstdint>

namespace riposte {

/// Bit d (0 = Monday ... 6 = Sunday) set when the weekday is included.
using WeekdayMask = std::uint8_t;
constexpr WeekdayMask all_weekdays = 0x7f;

} // namespace riposte
