#pragma once
// The event calendar: a 4-ary min-heap ordered by (time, priority, insertion sequence).
// Events are small values (32 bytes); what they mean is up to the handler they name.
#include "riposte/core/sim_time.hpp"

#include <cstdint>
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

class EventQueue {
  public:
    /// Lower priority values run first among events at the same time. 0 <= priority < 65536.
    void push(SimTime time, int priority, std::uint16_t handler, std::uint16_t kind,
              std::uint32_t target, std::uint64_t data);
    [[nodiscard]] const Event& top() const { return heap_.front(); }
    Event pop();
    [[nodiscard]] bool empty() const { return heap_.empty(); }
    [[nodiscard]] std::size_t size() const { return heap_.size(); }
    void clear() { heap_.clear(); }
    void reserve(std::size_t n) { heap_.reserve(n); }
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
    std::vector<Event> heap_;
    std::uint64_t seq_ = 0;
};

} // namespace riposte
