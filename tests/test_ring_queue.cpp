#include "riposte/core/ring_queue.hpp"
#include "riposte/core/rng.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <deque>

using namespace riposte;

namespace {

/// The same contents, in the same order, read from the front and by index.
bool same(const RingQueue<std::int32_t>& q, const std::deque<std::int32_t>& d) {
    if (q.size() != d.size() || q.empty() != d.empty()) return false;
    for (std::size_t i = 0; i < d.size(); ++i)
        if (q[i] != d[i]) return false;
    return d.empty() || q.front() == d.front();
}

} // namespace

TEST_CASE("a ring queue keeps arrival order through wrap-around and growth") {
    RingQueue<std::int32_t> q;
    CHECK(q.empty());
    CHECK(q.capacity() == 0);
    // fill past the first capacity (8), drain half, then refill: the data wraps round the end
    // of the array before the next growth, which must unwrap it in order
    std::deque<std::int32_t> d;
    for (std::int32_t i = 0; i < 6; ++i) {
        q.push_back(i);
        d.push_back(i);
    }
    for (int i = 0; i < 4; ++i) {
        CHECK(q.front() == d.front());
        q.pop_front();
        d.pop_front();
    }
    for (std::int32_t i = 6; i < 13; ++i) { // 2 + 7 = 9 > 8: grows while wrapped
        q.push_back(i);
        d.push_back(i);
        REQUIRE(same(q, d));
    }
    CHECK(q.capacity() == 16);
    q.clear();
    CHECK(q.empty());
    q.push_back(42);
    CHECK(q.front() == 42);
    CHECK(q.size() == 1);
}

TEST_CASE("a ring queue matches std::deque over random pushes and pops") {
    Rng r(7, 0, 1, Purpose::Service);
    RingQueue<std::int32_t> q;
    std::deque<std::int32_t> d;
    bool ok = true;
    std::size_t most = 0;
    for (std::int32_t i = 0; i < 200'000; ++i) {
        // phases that grow and shrink the queue, so it wraps at every capacity it reaches
        const bool growing = (i / 5000) % 2 == 0;
        const bool push = d.empty() || r.uniform01() < (growing ? 0.6 : 0.4);
        if (push) {
            q.push_back(i);
            d.push_back(i);
        } else {
            ok = ok && q.front() == d.front();
            q.pop_front();
            d.pop_front();
        }
        most = std::max(most, d.size());
        if (i % 997 == 0) ok = ok && same(q, d);
    }
    CHECK(ok);
    CHECK(same(q, d));
    CHECK(most > 100); // the queue did grow several times
    const RingQueue<std::int32_t> copy = q;
    CHECK(same(copy, d));
}
