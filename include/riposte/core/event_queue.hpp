#pragma once
// The event calendar: a 4-ary min-heap ordered by (time, priority, insertion sequence).
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

class EventQueue {
  public:
    /// Lower priority values run first among events at the same time. 0 <= priority < 65536.
    void push(SimTime time, int priority, std::uint16_t handler, std::uint16_t kind,
              std::uint32_t target, std::uint64_t data);
    [[nodiscard]] const Event& top() const { return heap_[pad]; }
    Event pop();
    [[nodiscard]] bool empty() const { return heap_.size() == pad; }
    [[nodiscard]] std::size_t size() const { return heap_.size() - pad; }
    void clear() { heap_.resize(pad); }
    void reserve(std::size_t n) { heap_.reserve(n + pad); }
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

  private:
    void sift_up(const Event& e);
    // The root is heap_[pad] in a 64-byte aligned buffer: the four children of a node (4 × 32
    // bytes) then fill exactly two cache lines instead of straddling three.
    static constexpr std::size_t pad = 3;
    std::vector<Event, AlignedAllocator<Event, 64>> heap_ =
        std::vector<Event, AlignedAllocator<Event, 64>>(pad);
    std::uint64_t seq_ = 0;
};

} // namespace riposte
