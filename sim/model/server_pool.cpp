#include "riposte/model/server_pool.hpp"

#include "riposte/core/invariant.hpp"
#include <algorithm>

namespace riposte {

std::int32_t ServerPool::add_server(std::int32_t person, SimTime leave_at, std::int32_t tag) {
    std::int32_t i;
    if (!free_slots_.empty()) {
        i = free_slots_.back();
        free_slots_.pop_back();
    } else {
        i = static_cast<std::int32_t>(servers_.size());
        servers_.emplace_back();
    }
    Server& s = servers_[static_cast<std::size_t>(i)];
    s = Server{};
    s.person = person;
    s.leave_at = leave_at;
    s.planned_end = leave_at;
    s.tag = tag;
    s.active = true;
    idle_.push_back(i);
    ++active_;
    return i;
}

bool ServerPool::retire(std::int32_t i) {
    Server& s = servers_[static_cast<std::size_t>(i)];
    RIPOSTE_INVARIANT(s.active);
    if (s.patient != none) {
        s.leaving = true;
        return false;
    }
    idle_.erase(std::find(idle_.begin(), idle_.end(), i));
    s.active = false;
    free_slots_.push_back(i);
    --active_;
    return true;
}

std::int32_t ServerPool::start(std::int32_t patient, SimTime now) {
    RIPOSTE_INVARIANT(!idle_.empty());
    // FIFO over idle servers would need a deque; LIFO is equivalent for exchangeable servers
    // and keeps the order deterministic.
    const std::int32_t i = idle_.back();
    idle_.pop_back();
    Server& s = servers_[static_cast<std::size_t>(i)];
    s.patient = patient;
    s.busy_since = now;
    ++busy_;
    return i;
}

bool ServerPool::finish(std::int32_t i) {
    Server& s = servers_[static_cast<std::size_t>(i)];
    RIPOSTE_INVARIANT(s.patient != none);
    s.patient = none;
    --busy_;
    if (s.leaving) {
        s.active = false;
        free_slots_.push_back(i);
        --active_;
        return false;
    }
    idle_.push_back(i);
    return true;
}

} // namespace riposte
