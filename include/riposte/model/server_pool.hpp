#pragma once
// A station's FIFO queue and its pool of servers. Servers (people) may join and leave at any
// time; a leaving server finishes the patient in hand. Pure bookkeeping: the caller owns the
// clock, the random draws and the events, so the same class serves the model, the tests and
// the benchmark.
#include "riposte/core/ring_queue.hpp"
#include "riposte/core/sim_time.hpp"

#include <cstdint>
#include <vector>

namespace riposte {

class ServerPool {
  public:
    static constexpr std::int32_t none = -1;

    struct Server {
        std::int32_t person = none;  ///< roster person (or any caller tag)
        std::int32_t patient = none; ///< patient in hand, none when idle
        SimTime busy_since;
        SimTime leave_at = SimTime::max();    ///< when overtime starts counting for this server
        SimTime planned_end = SimTime::max(); ///< scheduled end of shift (never moved)
        bool leaving = false;                 ///< leaves when the patient in hand is done
        bool active = false;                  ///< slot in use
        std::int32_t tag = 0;                 ///< caller data (e.g. shift id)
    };

    /// Adds a server; returns its index (slots are reused).
    std::int32_t add_server(std::int32_t person, SimTime leave_at, std::int32_t tag);
    /// Marks a server as leaving: idle ones go at once (returns true), busy ones after the
    /// patient in hand (returns false).
    bool retire(std::int32_t server);

    [[nodiscard]] bool has_idle() const { return !idle_.empty(); }
    /// Takes an idle server for `patient` (caller checked has_idle()).
    std::int32_t start(std::int32_t patient, SimTime now);
    /// The server finished its patient. Returns true if it stays (now idle), false if it left.
    bool finish(std::int32_t server);

    void enqueue(std::int32_t patient) { queue_.push_back(patient); }
    [[nodiscard]] bool queue_empty() const { return queue_.empty(); }
    [[nodiscard]] std::size_t queue_length() const { return queue_.size(); }
    std::int32_t dequeue() {
        const std::int32_t p = queue_.front();
        queue_.pop_front();
        return p;
    }

    [[nodiscard]] Server& server(std::int32_t i) { return servers_[static_cast<std::size_t>(i)]; }
    [[nodiscard]] const Server& server(std::int32_t i) const {
        return servers_[static_cast<std::size_t>(i)];
    }
    [[nodiscard]] std::size_t slots() const { return servers_.size(); }
    [[nodiscard]] int active_count() const { return active_; }
    [[nodiscard]] int busy_count() const { return busy_; }

  private:
    // What a service start or end reads comes first (one cache line: the servers, the idle
    // ones, the counts), then the queue; the free slots last (read when staff come and go).
    std::vector<Server> servers_;
    std::vector<std::int32_t> idle_;
    int active_ = 0, busy_ = 0;
    RingQueue<std::int32_t> queue_;
    std::vector<std::int32_t> free_slots_;
};

} // namespace riposte
