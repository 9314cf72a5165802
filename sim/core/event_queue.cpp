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
    std::size_t i = heap_.size();
    heap_.push_back(e);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 4;
        if (!event_before(e, heap_[parent])) break;
        heap_[i] = heap_[parent];
        i = parent;
    }
    heap_[i] = e;
}

Event EventQueue::pop() {
    RIPOSTE_INVARIANT(!heap_.empty());
    Event result = heap_.front();
    Event last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) return result;
    std::size_t i = 0;
    for (;;) {
        const std::size_t first = 4 * i + 1;
        if (first >= n) break;
        std::size_t best = first;
        const std::size_t end = first + 4 < n ? first + 4 : n;
        for (std::size_t c = first + 1; c < end; ++c)
            if (event_before(heap_[c], heap_[best])) best = c;
        if (!event_before(heap_[best], last)) break;
        heap_[i] = heap_[best];
        i = best;
    }
    heap_[i] = last;
    return result;
}

} // namespace riposte
