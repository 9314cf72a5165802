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
    /// An event that runs later, walking the next second's (EventQueue::peek_ahead): a handler
    /// may prefetch far ahead what it will touch. Hints only.
    [[nodiscard]] const Event* peek_ahead() { return queue_.peek_ahead(); }

  private:
    EventQueue queue_;
    std::vector<EventHandler*> handlers_;
    SimTime now_;
    std::uint64_t processed_ = 0;
};

/// One stream of events of the same handler, kind, target and priority whose times do not
/// decrease in the order they are scheduled (a fixed delay: an observation area's dwell, an
/// opened vial's shelf life). Only the stream's next event is in the calendar; the others wait
/// here, each with the place in the same-time order it got when it was scheduled (a reserved
/// sequence number), so every event runs exactly when, and in the order, it would have run had
/// it been put in the calendar at once. The calendar stays small: its pops stay in the caches.
///
/// An event scheduled earlier than the stream's last goes to the calendar directly, outside the
/// stream. The handler tells the two apart by lane_bit in the data: when an event carrying it
/// runs, the handler calls ran() (first thing), and reads its data without the bit.
class EventLane {
  public:
    static constexpr std::uint64_t lane_bit = std::uint64_t{1} << 63;

    void schedule(Simulator& sim, SimTime at, int priority, std::uint16_t handler,
                  std::uint16_t kind, std::uint32_t target, std::uint64_t data) {
        if (size_ == 0) {
            // the calendar holds no event of the stream: this one goes there now
            const std::uint64_t seq = sim.reserve_sequence(1);
            push_back({at, seq, data});
            sim.schedule_reserved(at, seq, handler, kind, target, data | lane_bit, priority);
        } else if (at >= back().at) {
            push_back({at, sim.reserve_sequence(1), data});
        } else {
            sim.schedule(at, handler, kind, target, data, priority);
        }
    }
    /// The stream's event in the calendar ran: its next one goes there.
    void ran(Simulator& sim, int priority, std::uint16_t handler, std::uint16_t kind,
             std::uint32_t target) {
        pop_front();
        if (size_ == 0) return;
        const Item& n = front();
        sim.schedule_reserved(n.at, n.sequence, handler, kind, target, n.data | lane_bit, priority);
    }
    [[nodiscard]] std::size_t size() const { return size_; }

  private:
    struct Item {
        SimTime at;
        std::uint64_t sequence;
        std::uint64_t data;
    };
    // a ring of a power-of-two capacity
    [[nodiscard]] const Item& front() const { return items_[head_]; }
    [[nodiscard]] const Item& back() const { return items_[(head_ + size_ - 1) & mask()]; }
    [[nodiscard]] std::size_t mask() const { return items_.size() - 1; }
    void push_back(const Item& it) {
        if (size_ == items_.size()) grow();
        items_[(head_ + size_) & mask()] = it;
        ++size_;
    }
    void pop_front() {
        head_ = (head_ + 1) & mask();
        --size_;
    }
    void grow() {
        std::vector<Item> bigger(items_.empty() ? 8 : 2 * items_.size());
        for (std::size_t i = 0; i < size_; ++i) bigger[i] = items_[(head_ + i) & mask()];
        items_.swap(bigger);
        head_ = 0;
    }
    std::vector<Item> items_;
    std::size_t head_ = 0, size_ = 0;
};

} // namespace riposte
