#include "riposte/core/event_queue.hpp"
#include "riposte/core/simulator.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace riposte;

TEST_CASE("event queue pops by time, then priority, then insertion order") {
    EventQueue q;
    q.push(seconds(10), 5, 0, 0, 1, 0);
    q.push(seconds(5), 9, 0, 0, 2, 0);
    q.push(seconds(10), 1, 0, 0, 3, 0);
    q.push(seconds(10), 5, 0, 0, 4, 0);
    q.push(seconds(5), 9, 0, 0, 5, 0);
    std::vector<std::uint32_t> order;
    while (!q.empty()) order.push_back(q.pop().target);
    CHECK(order == std::vector<std::uint32_t>{2, 5, 3, 1, 4});
}

TEST_CASE("event queue stays ordered under many random pushes and pops") {
    EventQueue q;
    std::uint64_t x = 12345;
    auto next = [&] {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return x >> 33;
    };
    for (int i = 0; i < 5000; ++i)
        q.push(seconds(static_cast<std::int64_t>(next() % 1000)), static_cast<int>(next() % 3), 0,
               0, static_cast<std::uint32_t>(i), 0);
    Event prev = q.pop();
    int popped = 1;
    while (!q.empty()) {
        if (next() % 4 == 0)
            q.push(prev.time + seconds(1 + static_cast<std::int64_t>(next() % 50)), 1, 0, 0, 0, 0);
        const Event e = q.pop();
        CHECK_FALSE(event_before(e, prev));
        prev = e;
        ++popped;
    }
    CHECK(popped > 5000);
}

namespace {
struct Recorder : EventHandler {
    Simulator* sim = nullptr;
    std::uint16_t id = 0;
    std::vector<std::pair<std::int64_t, std::uint32_t>> seen;
    void handle(const Event& e) override {
        seen.emplace_back(sim->now().seconds(), e.target);
        if (e.kind == 1) sim->schedule_in(seconds(3), id, 0, e.target + 100);
    }
};
} // namespace

TEST_CASE("simulator advances the clock and runs events scheduled from handlers") {
    Simulator sim;
    Recorder r;
    r.sim = &sim;
    r.id = sim.add_handler(&r);
    sim.schedule(seconds(5), r.id, 1, 1);
    sim.schedule(seconds(2), r.id, 0, 2);
    sim.run_until(seconds(6));
    CHECK(sim.now() == seconds(6));
    REQUIRE(r.seen.size() == 2);
    sim.run();
    REQUIRE(r.seen.size() == 3);
    CHECK(r.seen[2] == std::pair<std::int64_t, std::uint32_t>{8, 101});
    CHECK(sim.events_processed() == 3);
    CHECK_FALSE(sim.step());
}
