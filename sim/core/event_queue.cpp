#include "riposte/core/event_queue.hpp"

#include "riposte/core/invariant.hpp"
#include <utility>

namespace riposte {

// 4-ary heap: shallower than a binary heap and its four children share a cache line or two.
void EventQueue::push(SimTime time, int priority, std::uint16_t handler, std::uint16_t kind,
                      std::uint32_t target, std::uint64_t data) {
    RIPOSTE_INVARIANT(priority >= 0 && priority < 65536);
    Event e;
    e.time = time;
    e.order = (static_cast<std::uint64_t>(priority) << 48) | (seq_++ & ((1ULL << 48) - 1));
    e.handler = handler;
    e.kind = kind;
    e.target = target;
    e.data = data;
    sift_up(e);
}

void EventQueue::push_reserved(SimTime time, int priority, std::uint64_t sequence,
                               std::uint16_t handler, std::uint16_t kind, std::uint32_t target,
                               std::uint64_t data) {
    RIPOSTE_INVARIANT(priority >= 0 && priority < 65536 && sequence < seq_);
    Event e;
    e.time = time;
    e.order = (static_cast<std::uint64_t>(priority) << 48) | (sequence & ((1ULL << 48) - 1));
    e.handler = handler;
    e.kind = kind;
    e.target = target;
    e.data = data;
    sift_up(e);
}

void EventQueue::sift_up(const Event& e) {
    heap_.push_back(e);
    Event* h = heap_.data() + pad;
    std::size_t i = heap_.size() - pad - 1;
    while (i > 0) {
        const std::size_t parent = (i - 1) / 4;
        if (!event_before(e, h[parent])) break;
        h[i] = h[parent];
        i = parent;
    }
    h[i] = e;
}

namespace {

// (time, order) as one unsigned 128-bit number with the same order as event_before: the time's
// sign bit flipped maps signed times onto unsigned ones in order. One comparison, no branch on
// the time first and the order second.
__extension__ typedef unsigned __int128 Key;
inline Key key_of(const Event& e) {
    const auto t = static_cast<std::uint64_t>(e.time.seconds()) ^ (1ULL << 63);
    return (static_cast<Key>(t) << 64) | e.order;
}

} // namespace

namespace {
// events in the heap above which pop() prefetches the next level and picks the smallest child
// without branches: 4,096 events of 32 bytes are 128 KB, past the L1 cache. Below it (Metz,
// M/M/6) both are pure instructions: 12 % of a Metz replication's for the prefetches
constexpr std::size_t prefetch_above = std::size_t{1} << 12;
} // namespace

Event EventQueue::pop() {
    RIPOSTE_INVARIANT(!empty());
    Event result = heap_[pad];
    Event last = heap_.back();
    heap_.pop_back();
    const std::size_t n = size();
    if (n == 0) return result;
    Event* h = heap_.data() + pad;
    std::size_t i = 0;
    if (n <= prefetch_above) {
        // a heap that fits the L1 cache: the plain sift-down takes the fewest instructions
        for (;;) {
            const std::size_t first = 4 * i + 1;
            if (first >= n) break;
            std::size_t best = first;
            const std::size_t end = first + 4 < n ? first + 4 : n;
            for (std::size_t c = first + 1; c < end; ++c)
                if (event_before(h[c], h[best])) best = c;
            if (!event_before(h[best], last)) break;
            h[i] = h[best];
            i = best;
        }
        h[i] = last;
        return result;
    }
    const Key last_key = key_of(last);
    for (;;) {
        const std::size_t first = 4 * i + 1;
        if (first >= n) break;
        // the next level (the children of these four children) is fetched while they are
        // compared: the misses of one level overlap instead of coming one after another
        for (std::size_t g = 4 * first + 1; g < 4 * first + 17 && g < n; g += 2)
            __builtin_prefetch(&h[g]);
        std::size_t best = first;
        Key best_key = key_of(h[first]);
        if (first + 4 <= n) {
            // a full node: the smallest of four children without a branch per child (which
            // child wins is random, a branch on it is mispredicted about half the time)
            for (std::size_t c = first + 1; c < first + 4; ++c) {
                const Key k = key_of(h[c]);
                const bool less = k < best_key;
                best = less ? c : best;
                best_key = less ? k : best_key;
            }
        } else {
            for (std::size_t c = first + 1; c < n; ++c) {
                const Key k = key_of(h[c]);
                if (k < best_key) {
                    best = c;
                    best_key = k;
                }
            }
        }
        if (!(best_key < last_key)) break;
        h[i] = h[best];
        i = best;
    }
    h[i] = last;
    return result;
}

} // namespace riposte
