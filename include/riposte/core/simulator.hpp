#pragma once
// The single-threaded event loop. Models register handlers and schedule events; the loop pops
// them in (time, priority, sequence) order. The core never prints.
#include "riposte/core/event_queue.hpp"

#include <cstdint>
#include <vector>

namespace riposte {

class EventHandler {
  public:
    virtual ~EventHandler() = default;
    virtual void handle(const Event& e) = 0;
};

class Simulator {
  public:
    std::uint16_t add_handler(EventHandler* h);
    /// Points handler `id` at `h` (a copied simulator re-registers its copied handlers).
    void set_handler(std::uint16_t id, EventHandler* h) { handlers_[id] = h; }

    [[nodiscard]] SimTime now() const { return now_; }
    void schedule(SimTime at, std::uint16_t handler, std::uint16_t kind, std::uint32_t target = 0,
                  std::uint64_t data = 0, int priority = 100);
    void schedule_in(SimTime delay, std::uint16_t handler, std::uint16_t kind,
                     std::uint32_t target = 0, std::uint64_t data = 0, int priority = 100) {
        schedule(now_ + delay, handler, kind, target, data, priority);
    }

    /// Reserves `n` places in the same-time order (EventQueue::reserve_sequence); returns the
    /// first. schedule_reserved() then puts an event at one of them, later.
    std::uint64_t reserve_sequence(std::uint64_t n) { return queue_.reserve_sequence(n); }
    void schedule_reserved(SimTime at, std::uint64_t sequence, std::uint16_t handler,
                           std::uint16_t kind, std::uint32_t target = 0, std::uint64_t data = 0,
                           int priority = 100);

    /// Runs every event with time <= until; the clock then stands at `until` (or at the last
    /// event if the calendar ran dry earlier and `until` is SimTime::max()).
    void run_until(SimTime until);
    /// Runs one event; returns false if the calendar is empty.
    bool step();
    void run() { run_until(SimTime::max()); }

    [[nodiscard]] std::uint64_t events_processed() const { return processed_; }
    [[nodiscard]] std::size_t pending() const { return queue_.size(); }
    [[nodiscard]] SimTime next_time() const {
        return queue_.empty() ? SimTime::max() : queue_.top().time;
    }
    void reserve(std::size_t n) { queue_.reserve(n); }
    /// The event that runs next (nullptr if none): a handler may prefetch what it will touch.
    [[nodiscard]] const Event* next_event() const {
        return queue_.empty() ? nullptr : &queue_.top();
    }

  private:
    EventQueue queue_;
    std::vector<EventHandler*> handlers_;
    SimTime now_;
    std::uint64_t processed_ = 0;
};

} // namespace riposte
