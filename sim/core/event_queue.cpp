#include "riposte/core/event_queue.hpp"

#include "riposte/core/invariant.hpp"
#include <utility>

namespace riposte {

namespace {

/// Sets an event's six fields one by one. A bucket's node and a heap slot are filled in place
/// with it rather than copied from an Event built on the stack: such a copy cannot be forwarded
/// from the store buffer and waits behind the handlers' earlier stores to records out of the
/// caches (docs/benchmark.md, France's seventh step).
inline void fill(Event& e, SimTime time, std::uint64_t order, std::uint16_t handler,
                 std::uint16_t kind, std::uint32_t target, std::uint64_t data) {
    e.time = time;
    e.order = order;
    e.handler = handler;
    e.kind = kind;
    e.target = target;
    e.data = data;
}

} // namespace

void EventQueue::push(SimTime time, int priority, std::uint16_t handler, std::uint16_t kind,
                      std::uint32_t target, std::uint64_t data) {
    RIPOSTE_INVARIANT(priority >= 0 && priority < 65536);
    const std::uint64_t order =
        (static_cast<std::uint64_t>(priority) << 48) | (seq_++ & ((1ULL << 48) - 1));
    if (!calendar_) { // one heap (a small model): the fewest instructions
        Event e;
        fill(e, time, order, handler, kind, target, data);
        // its size looked at every 1,024 events only (a few instructions less per event: the
        // M/M/6 yardstick); when the calendar begins changes no order
        if ((order & 1023) != 0) {
            near_.push(e);
            return;
        }
        near_.push(e);
        if (near_.size() > calendar_above_) become_calendar();
        return;
    }
    insert(time, order, handler, kind, target, data);
}

void EventQueue::push_reserved(SimTime time, int priority, std::uint64_t sequence,
                               std::uint16_t handler, std::uint16_t kind, std::uint32_t target,
                               std::uint64_t data) {
    RIPOSTE_INVARIANT(priority >= 0 && priority < 65536 && sequence < seq_);
    insert(time, (static_cast<std::uint64_t>(priority) << 48) | (sequence & ((1ULL << 48) - 1)),
           handler, kind, target, data);
}

__attribute__((noinline)) void EventQueue::insert(SimTime time, std::uint64_t order,
                                                  std::uint16_t handler, std::uint16_t kind,
                                                  std::uint32_t target, std::uint64_t data) {
    const std::int64_t t = time.seconds();
    if (t <= now_) {
        near_.push(time, order, handler, kind, target, data);
        if (now_ == heap_only && near_.size() > calendar_above_) become_calendar();
        return;
    }
    const bool was_empty = near_.empty();
    // t > now_: the difference as unsigned is exact (no signed overflow)
    if (static_cast<std::uint64_t>(t) - static_cast<std::uint64_t>(now_) < wheel_seconds) {
        to_wheel(time, order, handler, kind, target, data);
    } else {
        far_.push(time, order, handler, kind, target, data);
    }
    if (was_empty) advance(); // the queue was empty: its first event comes to near_
}

void EventQueue::to_wheel(SimTime time, std::uint64_t order, std::uint16_t handler,
                          std::uint16_t kind, std::uint32_t target, std::uint64_t data) {
    if (free_ == none) {
        free_ = static_cast<std::uint32_t>(nodes_.size());
        nodes_.emplace_back();
        next_.push_back(none);
    }
    const std::uint32_t n = free_;
    free_ = next_[n];
    Event& e = nodes_[n];
    fill(e, time, order, handler, kind, target, data);
    next_[n] = none;
    const auto b =
        static_cast<std::size_t>(static_cast<std::uint64_t>(time.seconds()) & (wheel_seconds - 1));
    Bucket& k = buckets_[b];
    if (k.tail == none) {
        k.head = n;
        bits_[b >> 6] |= std::uint64_t{1} << (b & 63);
        summary_[b >> 12] |= std::uint64_t{1} << ((b >> 6) & 63);
    } else {
        next_[k.tail] = n;
    }
    k.tail = n;
    ++in_wheel_;
}

void EventQueue::become_calendar() {
    buckets_.assign(wheel_seconds, Bucket{});
    bits_.assign(wheel_seconds / 64, 0);
    summary_.assign(wheel_seconds / 64 / 64, 0);
    std::vector<Event> all;
    all.reserve(near_.size());
    while (!near_.empty()) all.push_back(near_.pop());
    now_ = all.front().time.seconds(); // the smallest
    calendar_ = true;
    for (const Event& e : all) {
        const std::int64_t t = e.time.seconds();
        if (t <= now_)
            near_.push(e);
        else if (static_cast<std::uint64_t>(t) - static_cast<std::uint64_t>(now_) < wheel_seconds)
            to_wheel(e.time, e.order, e.handler, e.kind, e.target, e.data);
        else
            far_.push(e);
    }
}

std::int64_t EventQueue::next_bucket_time() const {
    // the first non-empty bucket after now_'s, in circular order: every bucket holds one second
    // of (now_, now_ + wheel_seconds), so the first one found is the earliest
    constexpr std::size_t words = wheel_seconds / 64;
    const auto start =
        static_cast<std::size_t>((static_cast<std::uint64_t>(now_) + 1) & (wheel_seconds - 1));
    std::size_t w = start >> 6;
    std::uint64_t bits = bits_[w] & (~std::uint64_t{0} << (start & 63));
    if (bits == 0) {
        // the next non-zero word: after w in w's summary word, then the following summary words
        // (wrapping), then w itself again (its bits before `start`)
        std::size_t s = w >> 6;
        std::uint64_t sum =
            (w & 63) == 63 ? 0 : summary_[s] & (~std::uint64_t{0} << ((w & 63) + 1));
        for (std::size_t i = 0; sum == 0 && i < summary_.size(); ++i) {
            s = (s + 1) % summary_.size();
            sum = summary_[s];
        }
        RIPOSTE_INVARIANT(sum != 0);
        w = (s << 6) + static_cast<std::size_t>(__builtin_ctzll(sum));
        bits = bits_[w];
        RIPOSTE_INVARIANT(w < words && bits != 0);
    }
    const std::size_t b = (w << 6) + static_cast<std::size_t>(__builtin_ctzll(bits));
    const std::size_t ahead = (b - start) & (wheel_seconds - 1); // seconds after now_ + 1
    return now_ + 1 + static_cast<std::int64_t>(ahead);
}

void EventQueue::advance() {
    // near_ is empty: now_ moves to the next second holding an event and its events come in
    RIPOSTE_INVARIANT(near_.empty());
    const std::int64_t tb = in_wheel_ > 0 ? next_bucket_time() : heap_only;
    const std::int64_t tf = far_.empty() ? heap_only : far_.top().time.seconds();
    if (tb == heap_only && tf == heap_only) return; // nothing left
    now_ = tb < tf ? tb : tf;
    if (tb == now_) {
        const auto b =
            static_cast<std::size_t>(static_cast<std::uint64_t>(now_) & (wheel_seconds - 1));
        Bucket& k = buckets_[b];
        for (std::uint32_t n = k.head; n != none;) {
            const std::uint32_t following = next_[n];
            if (following != none) __builtin_prefetch(&nodes_[following]);
            near_.push(nodes_[n]);
            next_[n] = free_;
            free_ = n;
            --in_wheel_;
            n = following;
        }
        k = Bucket{};
        bits_[b >> 6] &= ~(std::uint64_t{1} << (b & 63));
        if (bits_[b >> 6] == 0) summary_[b >> 12] &= ~(std::uint64_t{1} << ((b >> 6) & 63));
    }
    while (!far_.empty() && far_.top().time.seconds() == now_) near_.push(far_.pop());
    // peek_ahead() walks the next second's events from its first (nodes are freed only above,
    // when their second comes, and ahead_ is set again here then)
    ahead_ =
        in_wheel_ > 0
            ? buckets_[static_cast<std::size_t>(static_cast<std::uint64_t>(next_bucket_time()) &
                                                (wheel_seconds - 1))]
                  .head
            : none;
}

Event EventQueue::pop_calendar() {
    RIPOSTE_INVARIANT(!empty());
    Event result = near_.pop();
    if (near_.empty()) advance();
    return result;
}

void EventQueue::clear() {
    near_.clear();
    far_.clear();
    now_ = heap_only;
    calendar_ = false;
    buckets_.clear();
    bits_.clear();
    summary_.clear();
    nodes_.clear();
    next_.clear();
    free_ = none;
    ahead_ = none;
    in_wheel_ = 0;
}

namespace detail {

// 4-ary heap: shallower than a binary heap and its four children share a cache line or two.
void EventHeap::push(SimTime time, std::uint64_t order, std::uint16_t handler, std::uint16_t kind,
                     std::uint32_t target, std::uint64_t data) {
    heap_.emplace_back();
    Event* h = heap_.data() + pad;
    std::size_t i = heap_.size() - pad - 1;
    while (i > 0) {
        const std::size_t parent = (i - 1) / 4;
        const Event& p = h[parent];
        if (!(time < p.time || (time == p.time && order < p.order))) break;
        h[i] = p;
        i = parent;
    }
    Event& e = h[i];
    fill(e, time, order, handler, kind, target, data);
}

} // namespace detail

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

Event detail::EventHeap::pop() {
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
