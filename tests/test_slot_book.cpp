// The appointment book of a centre (SlotBook): first free day queries against a day-by-day
// scan, booking ordinals, cancellations and slots closed below the bookings.
#include "riposte/core/rng.hpp"
#include "riposte/model/slot_book.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
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

TEST_CASE("slot book: overbooking a full day keeps it full, ordinals keep counting") {
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

TEST_CASE("booking order: queue heads keyed by order statistics interleave as keys per person") {
    // Three queues of 5, 20 and 75 people; the first 30 of the day's order are counted per
    // queue, over 4,000 days. With a uniform key per person, the counts are multivariate
    // hypergeometric: mean m n_i / N, variance m (n_i/N) (1 - n_i/N) (N - m) / (N - 1). Giving
    // each queue turns in rotation instead would put about 10 of each queue first, and the first
    // queue's mean would be 5 instead of 1.5.
    const std::vector<std::size_t> sizes = {5, 20, 75};
    const std::size_t total = 100, m = 30, days = 4000;
    Rng rng(11, 0, 0, Purpose::Booking);
    std::vector<double> sum(sizes.size(), 0), sum2(sizes.size(), 0);
    for (std::size_t t = 0; t < days; ++t) {
        std::vector<std::size_t> left = sizes, taken(sizes.size(), 0);
        std::vector<double> key(sizes.size());
        for (std::size_t i = 0; i < sizes.size(); ++i)
            key[i] = next_order_key(0.0, left[i], rng.uniform01_open0());
        for (std::size_t k = 0; k < m; ++k) {
            std::size_t best = sizes.size();
            for (std::size_t i = 0; i < sizes.size(); ++i)
                if (left[i] > 0 && (best == sizes.size() || key[i] < key[best])) best = i;
            REQUIRE(best < sizes.size());
            ++taken[best];
            --left[best];
            if (left[best] > 0)
                key[best] = next_order_key(key[best], left[best], rng.uniform01_open0());
        }
        for (std::size_t i = 0; i < sizes.size(); ++i) {
            sum[i] += static_cast<double>(taken[i]);
            sum2[i] += static_cast<double>(taken[i] * taken[i]);
        }
    }
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const double p = static_cast<double>(sizes[i]) / static_cast<double>(total);
        const double mean = static_cast<double>(m) * p;
        const double var = static_cast<double>(m) * p * (1 - p) * static_cast<double>(total - m) /
                           static_cast<double>(total - 1);
        const double n = static_cast<double>(days);
        const double got_mean = sum[i] / n;
        const double got_var = sum2[i] / n - got_mean * got_mean;
        INFO("queue " << i << ": mean " << got_mean << " (law " << mean << "), variance " << got_var
                      << " (law " << var << ")");
        CHECK(std::abs(got_mean - mean) < 4.5 * std::sqrt(var / n)); // 4.5 standard errors
        CHECK(got_var > 0.85 * var); // the sample variance's relative sd is about sqrt(2/n)
        CHECK(got_var < 1.15 * var);
    }
}

TEST_CASE("booking order: a key drawn after another is above it and below 1") {
    double k = 0;
    Rng rng(3, 0, 0, Purpose::Booking);
    for (std::size_t n = 1'000'000; n > 0; n /= 3) {
        const double next = next_order_key(k, n, rng.uniform01_open0());
        CHECK(next >= k);
        CHECK(next < 1.0);
        k = next;
    }
}
