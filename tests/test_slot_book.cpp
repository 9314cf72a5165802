// The appointment book of a centre (SlotBook): first free day queries against a day-by-day
// scan, booking ordinals, cancellations and slots closed below the bookings.
#include "riposte/core/rng.hpp"
#include "riposte/model/slot_book.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace riposte;

namespace {

/// The day-by-day scan the book replaces.
int scan_first_free(const std::vector<int>& opened, const std::vector<int>& booked, int from,
                    int to) {
    for (int e = std::max(0, from); e <= std::min(to, static_cast<int>(opened.size()) - 1); ++e)
        if (booked[static_cast<std::size_t>(e)] < opened[static_cast<std::size_t>(e)]) return e;
    return -1;
}

} // namespace

TEST_CASE("slot book: the first free day, within reach, across 64-day words") {
    SlotBook b(200);
    CHECK(b.first_free(0, 199) == -1); // nothing opened
    b.set_opened(70, 1);
    b.set_opened(130, 2);
    CHECK(b.first_free(0, 199) == 70);
    CHECK(b.first_free(0, 69) == -1);  // beyond reach
    CHECK(b.first_free(70, 70) == 70); // a one-day window
    CHECK(b.first_free(71, 199) == 130);
    CHECK(b.first_free(-5, 1000) == 70); // clamped to the book
    CHECK(b.first_free(150, 140) == -1); // empty window
    CHECK(b.book(70) == 0);              // ordinals from 0
    CHECK(b.first_free(0, 199) == 130);
    CHECK(b.book(130) == 0);
    CHECK(b.book(130) == 1);
    CHECK(b.first_free(0, 199) == -1);
    b.cancel(130); // a cancelled second dose frees its slot again
    CHECK(b.booked(130) == 1);
    CHECK(b.first_free(0, 199) == 130);
    b.set_opened(130, 1); // a centre shut: no new booking, the booked ones stay
    CHECK(b.first_free(0, 199) == -1);
    CHECK(b.booked(130) == 1);
    CHECK(b.total_opened() == 2);
}

TEST_CASE("slot book: overbooking a full day keeps it full; ordinals keep counting") {
    SlotBook b(10);
    b.set_opened(3, 1);
    CHECK(b.book(3) == 0);
    CHECK(b.book(3) == 1); // the caller may book past the slots (both injections on one day)
    CHECK_FALSE(b.has_free(3));
    b.cancel(3);
    CHECK_FALSE(b.has_free(3)); // 1 booked of 1
    b.cancel(3);
    CHECK(b.has_free(3));
}

TEST_CASE("slot book: random books, cancels and reopenings answer as a day-by-day scan") {
    for (int days : {1, 63, 64, 65, 130, 400}) {
        SlotBook b(days);
        std::vector<int> opened(static_cast<std::size_t>(days), 0), booked(opened);
        Rng r(7, static_cast<std::uint64_t>(days), 1, Purpose::Booking);
        for (int step = 0; step < 20000; ++step) {
            const int d = static_cast<int>(r.uniform01() * days);
            const auto du = static_cast<std::size_t>(d);
            const double u = r.uniform01();
            if (u < 0.3) {
                const int n = static_cast<int>(r.uniform01() * 4);
                b.set_opened(d, n);
                opened[du] = n;
            } else if (u < 0.7) {
                CHECK(b.book(d) == booked[du]);
                ++booked[du];
            } else if (booked[du] > 0) {
                b.cancel(d);
                --booked[du];
            }
            const int from = static_cast<int>(r.uniform01() * (days + 10)) - 5;
            const int to = from + static_cast<int>(r.uniform01() * 80);
            REQUIRE(b.first_free(from, to) == scan_first_free(opened, booked, from, to));
            REQUIRE(b.has_free(d) == (booked[du] < opened[du]));
        }
    }
}
