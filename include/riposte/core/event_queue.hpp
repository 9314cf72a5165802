#pragma once
// The event calendar, ordered by (time, priority, insertion sequence): a 4-ary min-heap, and past
// a few thousand events a calendar by the second in front of it (EventQueue).
// Events are small values (32 bytes); what they mean is up to the handler they name.
#include "riposte/core/sim_time.hpp"

#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

namespace riposte {

struct Event {
    SimTime time;
    std::uint64_t order = 0;   ///< (priority << 48) | insertion sequence: the tie-breaker
    std::uint16_t handler = 0; ///< index of the handler registered with the Simulator
    std::uint16_t kind = 0;    ///< handler-defined event kind
    std::uint32_t target = 0;  ///< handler-defined entity index
    std::uint64_t data = 0;    ///< handler-defined payload

    [[nodiscard]] int priority() const { return static_cast<int>(order >> 48); }
    [[nodiscard]] std::uint64_t sequence() const { return order & ((1ULL << 48) - 1); }
};

inline bool event_before(const Event& a, const Event& b) {
    return a.time < b.time || (a.time == b.time && a.order < b.order);
}

/// Allocates on `A`-byte boundaries (the event heap's cache-line layout).
template <class T, std::size_t A> struct AlignedAllocator {
    using value_type = T;
    template <class U> struct rebind { using other = AlignedAllocator<U, A>; };
    AlignedAllocator() = default;
    template <class U> explicit AlignedAllocator(const AlignedAllocator<U, A>& /*o*/) noexcept {}
    T* allocate(std::size_t n) {
        return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{A}));
    }
    void deallocate(T* p, std::size_t /*n*/) noexcept {
        ::operator delete (p, std::align_val_t{A});
    }
    friend bool operator==(const AlignedAllocator& /*a*/, const AlignedAllocator& /*b*/) {
        return true;
    }
    friend bool operator!=(const AlignedAllocator& /*a*/, const AlignedAllocator& /*b*/) {
        return false;
    }
};

namespace detail {
/// A 4-ary min-heap of events ordered by event_before.
class EventHeap {
  public:
    [[nodiscard]] const Event& top() const { return heap_[pad]; }
    void push(const Event& e) {
        // inline: a small model's push is this loop, its fields kept in registers
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
    /// The same, the fields written into the heap's entry one by one (no Event copied from the
    /// stack: see EventQueue::to_wheel).
    void push(SimTime time, std::uint64_t order, std::uint16_t handler, std::uint16_t kind,
              std::uint32_t target, std::uint64_t data);
    Event pop();
    [[nodiscard]] bool empty() const { return heap_.size() == pad; }
    [[nodiscard]] std::size_t size() const { return heap_.size() - pad; }
    void clear() { heap_.resize(pad); }
    void reserve(std::size_t n) { heap_.reserve(n + pad); }

  private:
    // The root is heap_[pad] in a 64-byte aligned buffer: the four children of a node (4 × 32
    // bytes) then fill exactly two cache lines instead of straddling three.
    static constexpr std::size_t pad = 3;
    std::vector<Event, AlignedAllocator<Event, 64>> heap_ =
        std::vector<Event, AlignedAllocator<Event, 64>>(pad);
};
} // namespace detail

/// The event calendar. While it holds few events it is one 4-ary heap. Past `calendar_above`
/// events it becomes a calendar by the second: a small heap of the events due at the current
/// second (or earlier), one bucket per second for the next `wheel_seconds` (events appended,
/// unsorted, taken into the small heap when their second comes) and a heap of the events
/// farther ahead. Either way pop() returns the smallest (time, order): every event of a bucket is
/// later than every event of the small heap, so the order is exactly the one heap's.
class EventQueue {
  public:
    /// Events in the queue above which it becomes a calendar by the second (the national run's
    /// tens of thousands of service ends); a small territory stays on one heap.
    static constexpr std::size_t default_calendar_above = std::size_t{1} << 12;
    /// Seconds ahead held in buckets (18.2 hours: a night and its morning); farther events wait
    /// in a heap.
    static constexpr std::size_t wheel_seconds = std::size_t{1} << 16;

    EventQueue() = default;
    /// `calendar_above`: see default_calendar_above (the tests set it low).
    explicit EventQueue(std::size_t calendar_above) : calendar_above_(calendar_above) {}

    /// Lower priority values run first among events at the same time. 0 <= priority < 65536.
    void push(SimTime time, int priority, std::uint16_t handler, std::uint16_t kind,
              std::uint32_t target, std::uint64_t data);
    [[nodiscard]] const Event& top() const { return near_.top(); }
    Event pop() {
        if (!calendar_) return near_.pop(); // one heap: a small model
        return pop_calendar();
    }
    [[nodiscard]] bool empty() const { return near_.empty(); }
    [[nodiscard]] std::size_t size() const { return near_.size() + in_wheel_ + far_.size(); }
    void clear();
    void reserve(std::size_t n) { near_.reserve(n); }
    [[nodiscard]] std::uint64_t pushed() const { return seq_; }
    /// Reserves `n` insertion sequence numbers and returns the first. Events pushed later with
    /// push_reserved() and one of them run exactly where they would have run had they been
    /// pushed now: a stream of events can stay out of the heap until its previous one runs.
    std::uint64_t reserve_sequence(std::uint64_t n) {
        const std::uint64_t first = seq_;
        seq_ += n;
        return first;
    }
    void push_reserved(SimTime time, int priority, std::uint64_t sequence, std::uint16_t handler,
                       std::uint16_t kind, std::uint32_t target, std::uint64_t data);
    /// An event of the next second that holds events after the current one, for prefetch hints
    /// only: each call gives the next of that second's events, nullptr once they are walked
    /// through (or while the queue is one heap). They run later, not necessarily next.
    [[nodiscard]] const Event* peek_ahead() {
        if (ahead_ == none) return nullptr;
        const Event* e = &nodes_[ahead_];
        ahead_ = next_[ahead_];
        return e;
    }
    /// Whether the queue works as a calendar by the second (for the tests).
    [[nodiscard]] bool is_calendar() const { return calendar_; }

  private:
    static constexpr std::int64_t heap_only = INT64_MAX;
    static constexpr std::uint32_t none = UINT32_MAX;
    struct Bucket {
        std::uint32_t head = none, tail = none;
    };
    void insert(SimTime time, std::uint64_t order, std::uint16_t handler, std::uint16_t kind,
                std::uint32_t target, std::uint64_t data);
    // The event's fields are written into the bucket's node one by one: copying an Event just
    // built on the stack (16-byte loads of 8-byte stores) cannot be forwarded from the store
    // buffer and waits behind the handler's pending stores to records out of the caches.
    void to_wheel(SimTime time, std::uint64_t order, std::uint16_t handler, std::uint16_t kind,
                  std::uint32_t target, std::uint64_t data);
    Event pop_calendar();
    void become_calendar();
    void advance();
    [[nodiscard]] std::int64_t next_bucket_time() const;

    // Invariant: `near_` holds every event at or before now_, the buckets the events in
    // (now_, now_ + wheel_seconds) by time modulo wheel_seconds, `far_` the others (pushed at
    // now_ + wheel_seconds or later; now_ moving on may bring them nearer). near_ is empty only
    // when the whole queue is. now_ == heap_only: everything is in near_.
    detail::EventHeap near_, far_;
    std::int64_t now_ = heap_only;
    bool calendar_ = false; // now_ != heap_only, read in one instruction
    std::size_t calendar_above_ = default_calendar_above;
    std::vector<Bucket> buckets_;        // wheel_seconds
    std::vector<std::uint64_t> bits_;    // a bit per non-empty bucket
    std::vector<std::uint64_t> summary_; // a bit per non-zero word of bits_
    std::vector<Event> nodes_;           // the buckets' events
    std::vector<std::uint32_t> next_;    // the next node in a bucket, or in the free list
    std::uint32_t free_ = none;          // the first free node
    std::uint32_t ahead_ = none;         // peek_ahead(): a node of the next non-empty bucket
    std::size_t in_wheel_ = 0;
    std::uint64_t seq_ = 0;
};

} // namespace riposte
