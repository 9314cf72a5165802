// The appointment book of a centre (see slot_book.hpp).
#include "riposte/model/slot_book.hpp"

#include "riposte/core/invariant.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

namespace riposte {

void SlotBook::reset(int days) {
    const auto n = static_cast<std::size_t>(std::max(0, days));
    opened_.assign(n, 0);
    booked_.assign(n, 0);
    free_.assign((n + 63) / 64, 0);
}

void SlotBook::refresh(int day) {
    const auto du = static_cast<std::size_t>(day);
    const std::uint64_t bit = std::uint64_t{1} << (du & 63U);
    if (booked_[du] < opened_[du])
        free_[du >> 6] |= bit;
    else
        free_[du >> 6] &= ~bit;
}

void SlotBook::set_opened(int day, int n) {
    RIPOSTE_INVARIANT(day >= 0 && day < days() && n >= 0);
    opened_[static_cast<std::size_t>(day)] = n;
    refresh(day);
}

std::int64_t SlotBook::total_opened() const {
    return std::accumulate(opened_.begin(), opened_.end(), std::int64_t{0});
}

int SlotBook::book(int day) {
    RIPOSTE_INVARIANT(day >= 0 && day < days());
    const int k = booked_[static_cast<std::size_t>(day)]++;
    refresh(day);
    return k;
}

void SlotBook::cancel(int day) {
    RIPOSTE_INVARIANT(day >= 0 && day < days() && booked_[static_cast<std::size_t>(day)] > 0);
    --booked_[static_cast<std::size_t>(day)];
    refresh(day);
}

int SlotBook::first_free(int from, int to) const {
    from = std::max(0, from);
    to = std::min(to, days() - 1);
    if (from > to) return -1;
    auto w = static_cast<std::size_t>(from) >> 6;
    const auto last = static_cast<std::size_t>(to) >> 6;
    std::uint64_t bits = free_[w] & (~std::uint64_t{0} << (static_cast<unsigned>(from) & 63U));
    for (;;) {
        if (bits != 0) {
            const int day =
                static_cast<int>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
            return day <= to ? day : -1;
        }
        if (w == last) return -1;
        bits = free_[++w];
    }
}

} // namespace riposte
