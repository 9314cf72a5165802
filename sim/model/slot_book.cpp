// The appointment book of a centre (see slot_book.hpp).
#include "riposte/model/slot_book.hpp"

#include "riposte/core/invariant.hpp"

#include <algorithm>
#include <numeric>

namespace riposte {

void SlotBook::reset(int days) {
    const auto n = static_cast<std::size_t>(std::max(0, days));
    days_ = static_cast<int>(n);
    opened_.assign(n, 0);
    booked_.assign(n, 0);
    free0_ = 0;
    free_more_.assign(n > 64 ? (n - 1) / 64 : 0, 0);
}

void SlotBook::set_opened(int day, int n) {
    RIPOSTE_INVARIANT(day >= 0 && day < days() && n >= 0);
    opened_[static_cast<std::size_t>(day)] = n;
    refresh(day);
}

std::int64_t SlotBook::total_opened() const {
    return std::accumulate(opened_.begin(), opened_.end(), std::int64_t{0});
}

void SlotBook::cancel(int day) {
    RIPOSTE_INVARIANT(day >= 0 && day < days() && booked_[static_cast<std::size_t>(day)] > 0);
    --booked_[static_cast<std::size_t>(day)];
    refresh(day);
}

} // namespace riposte
