#include "riposte/core/simulator.hpp"

#include "riposte/core/invariant.hpp"

namespace riposte {

std::uint16_t Simulator::add_handler(EventHandler* h) {
    RIPOSTE_INVARIANT(handlers_.size() < 65535);
    handlers_.push_back(h);
    return static_cast<std::uint16_t>(handlers_.size() - 1);
}

void Simulator::schedule(SimTime at, std::uint16_t handler, std::uint16_t kind,
                         std::uint32_t target, std::uint64_t data, int priority) {
    RIPOSTE_INVARIANT(at >= now_); // events cannot be scheduled in the past
    RIPOSTE_INVARIANT(handler < handlers_.size());
    queue_.push(at, priority, handler, kind, target, data);
}

void Simulator::schedule_reserved(SimTime at, std::uint64_t sequence, std::uint16_t handler,
                                  std::uint16_t kind, std::uint32_t target, std::uint64_t data,
                                  int priority) {
    RIPOSTE_INVARIANT(at >= now_);
    RIPOSTE_INVARIANT(handler < handlers_.size());
    queue_.push_reserved(at, priority, sequence, handler, kind, target, data);
}

bool Simulator::step() {
    if (queue_.empty()) return false;
    const Event e = queue_.pop();
    now_ = e.time;
    ++processed_;
    handlers_[e.handler]->handle(e);
    return true;
}

void Simulator::run_until(SimTime until) {
    while (!queue_.empty() && queue_.top().time <= until) {
        const Event e = queue_.pop();
        now_ = e.time;
        ++processed_;
        handlers_[e.handler]->handle(e);
    }
    if (until != SimTime::max() && now_ < until) now_ = until;
}

} // namespace riposte
