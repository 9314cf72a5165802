#pragma once
// A vaccination centre's appointment book: slots opened and booked per day, and the days that
// still have a free slot as a bit set, so that "the first day >= d with a free slot, up to
// day e" is answered a 64-day word at a time instead of day by day. Pure bookkeeping: small
// change methods, no clock and no random draws, so that the model, the interventions and the
// tests drive the same class.
#include "riposte/core/invariant.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace riposte {

// The first 64 days' bits and the number of days are kept in the object itself, side by side:
// the booking asks every centre within reach of a commune, and on a national day each ask is a
// cache miss on the centre; a campaign of up to 64 days then costs that one miss, no other.
class alignas(16) SlotBook {
  public:
    SlotBook() = default;
    explicit SlotBook(int days) { reset(days); }

    /// `days` days, no slot opened, none booked.
    void reset(int days);
    [[nodiscard]] int days() const { return days_; }

    /// Slots opened on `day` (may be set below the booked count: the day is then full).
    void set_opened(int day, int n);
    [[nodiscard]] int opened(int day) const { return opened_[static_cast<std::size_t>(day)]; }
    [[nodiscard]] int booked(int day) const { return booked_[static_cast<std::size_t>(day)]; }
    [[nodiscard]] bool has_free(int day) const {
        return (word(static_cast<std::size_t>(day) >> 6) >> (static_cast<unsigned>(day) & 63U)) &
               1U;
    }
    /// Slots opened over every day.
    [[nodiscard]] std::int64_t total_opened() const;

    /// Takes one slot on `day` (free or not: the caller decides; overbooking a full day is
    /// allowed). Returns the booking's ordinal within the day, from 0.
    int book(int day) {
        RIPOSTE_INVARIANT(day >= 0 && day < days());
        const int k = booked_[static_cast<std::size_t>(day)]++;
        refresh(day);
        return k;
    }
    /// Gives one booked slot of `day` back.
    void cancel(int day);

    /// The first day in [from, to] (clamped to the book) with a free slot; -1 if none.
    /// (Inline, as book() and refresh(): the booking asks this for every person it books.)
    [[nodiscard]] int first_free(int from, int to) const {
        from = std::max(0, from);
        to = std::min(to, days() - 1);
        if (from > to) return -1;
        auto w = static_cast<std::size_t>(from) >> 6;
        const auto last = static_cast<std::size_t>(to) >> 6;
        std::uint64_t bits = word(w) & (~std::uint64_t{0} << (static_cast<unsigned>(from) & 63U));
        for (;;) {
            if (bits != 0) {
                const int day =
                    static_cast<int>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
                return day <= to ? day : -1;
            }
            if (w == last) return -1;
            bits = word(++w);
        }
    }

  private:
    void refresh(int day) {
        const auto du = static_cast<std::size_t>(day);
        const std::uint64_t bit = std::uint64_t{1} << (du & 63U);
        std::uint64_t& w = (du >> 6) == 0 ? free0_ : free_more_[(du >> 6) - 1];
        if (booked_[du] < opened_[du])
            w |= bit;
        else
            w &= ~bit;
    }
    [[nodiscard]] std::uint64_t word(std::size_t w) const {
        return w == 0 ? free0_ : free_more_[w - 1];
    }
    int days_ = 0;
    std::uint64_t free0_ = 0;              // bit d: booked < opened on day d (days 0-63)
    std::vector<std::uint64_t> free_more_; // the same for days 64 on, 64 a word
    std::vector<int> opened_, booked_;
};

/// Booking order between waiting queues. Interleaving queues as if each of their people had
/// drawn a uniform key, and taking people in key order, needs only each queue's smallest key:
/// given the last key taken, `after`, the smallest of a queue's `n` remaining keys is
/// after + (1 - after) (1 - u^(1/n)) for u uniform on (0, 1). So a queue's head gets its key
/// when it comes forward, and how many of each queue come before any point of the day has the
/// same law as with a key per person (each queue is taken first come, first served).
[[nodiscard]] inline double next_order_key(double after, std::size_t n, double u) {
    return after + (1.0 - after) * -std::expm1(std::log(u) / static_cast<double>(n));
}

} // namespace riposte
