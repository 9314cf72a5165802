#include "riposte/core/event_queue.hpp"
#include "riposte/core/simulator.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <tuple>
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

TEST_CASE("event queue pops in (time, priority, sequence) order, negative and extreme times "
          "included") {
    // The heap compares (time, order) as one 128-bit key; check it against a plain sort of the
    // same events, with times of both signs, ties, and the largest and smallest times.
    EventQueue q;
    std::vector<Event> pushed;
    std::uint64_t x = 987654321;
    auto next = [&] {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return x >> 33;
    };
    auto push = [&](SimTime t, int prio) {
        const auto id = static_cast<std::uint32_t>(pushed.size());
        Event e;
        e.time = t;
        e.order = (static_cast<std::uint64_t>(prio) << 48) | id;
        e.target = id;
        pushed.push_back(e);
        q.push(t, prio, 0, 0, id, 0);
    };
    push(SimTime::max(), 0);
    push(SimTime{std::numeric_limits<std::int64_t>::min()}, 65535);
    push(SimTime{-1}, 3);
    push(SimTime{0}, 3);
    for (int i = 0; i < 3000; ++i)
        push(SimTime{static_cast<std::int64_t>(next() % 200) - 100}, static_cast<int>(next() % 4));
    std::vector<Event> sorted = pushed;
    std::sort(sorted.begin(), sorted.end(), event_before);
    std::vector<std::uint32_t> want, got;
    for (const Event& e : sorted) want.push_back(e.target);
    while (!q.empty()) got.push_back(q.pop().target);
    CHECK(got == want);
    CHECK(got.front() == 1); // the smallest time, whatever its priority
    CHECK(got.back() == 0);  // SimTime::max()
    q.push(seconds(4), 0, 0, 0, 7, 0);
    q.push(seconds(2), 0, 0, 0, 8, 0);
    CHECK(q.size() == 2);
    CHECK(q.top().target == 8);
    q.clear();
    CHECK(q.empty());
    CHECK(q.size() == 0);
    q.push(seconds(9), 0, 0, 0, 9, 0);
    CHECK(q.pop().target == 9);
    CHECK(q.empty());
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

TEST_CASE("events pushed later at reserved sequence numbers run where they would have run") {
    // Two queues get the same events: one has them all pushed at once; the other reserves the
    // stream's sequence numbers at that moment and pushes each of its events only when the one
    // before it has been popped (the model's lazy arrivals). Both pop the same order.
    struct Ev {
        std::int64_t t;
        int prio;
        std::uint32_t id;
    };
    const std::vector<Ev> before = {{5, 50, 1}, {8, 50, 2}, {8, 20, 3}};
    const std::vector<Ev> stream = {{8, 50, 10}, {8, 50, 11}, {9, 50, 12}, {30, 50, 13}};
    const std::vector<Ev> after = {{8, 50, 20}, {9, 50, 21}, {9, 10, 22}, {31, 50, 23}};
    EventQueue all, lazy;
    for (const Ev& e : before) {
        all.push(seconds(e.t), e.prio, 0, 0, e.id, 0);
        lazy.push(seconds(e.t), e.prio, 0, 0, e.id, 0);
    }
    for (const Ev& e : stream) all.push(seconds(e.t), e.prio, 0, 0, e.id, 0);
    const std::uint64_t first = lazy.reserve_sequence(stream.size());
    CHECK(lazy.pushed() == all.pushed());
    lazy.push_reserved(seconds(stream[0].t), stream[0].prio, first, 0, 1, stream[0].id, 0);
    for (const Ev& e : after) {
        all.push(seconds(e.t), e.prio, 0, 0, e.id, 0);
        lazy.push(seconds(e.t), e.prio, 0, 0, e.id, 0);
    }
    std::vector<std::uint32_t> a, b;
    while (!all.empty()) a.push_back(all.pop().target);
    std::size_t next = 1;
    while (!lazy.empty()) {
        const Event e = lazy.pop();
        b.push_back(e.target);
        if (e.kind == 1 && next < stream.size()) {
            lazy.push_reserved(seconds(stream[next].t), stream[next].prio, first + next, 0, 1,
                               stream[next].id, 0);
            ++next;
        }
    }
    CHECK(a == b);
    CHECK(a == std::vector<std::uint32_t>{1, 3, 2, 10, 11, 20, 22, 12, 21, 13, 23});
}

namespace {
// Runs a random model twice: once with three fixed-delay streams through EventLanes, once with
// every event put in the calendar at once. Each event's handler draws what it schedules from a
// generator that both runs share in event order, so any difference in order shows up at once.
struct LaneModel : EventHandler {
    Simulator sim;
    std::uint16_t id = 0;
    bool lanes = false;
    std::array<EventLane, 3> lane;
    std::uint64_t x = 42;
    std::vector<std::tuple<std::int64_t, std::uint16_t, std::uint32_t, std::uint64_t>> seen;
    std::size_t most_in_calendar = 0;
    std::uint64_t draw(std::uint64_t n) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return (x >> 33) % n;
    }
    void handle(const Event& e) override {
        std::uint64_t data = e.data;
        if (e.kind == 1 && (data & EventLane::lane_bit) != 0) {
            lane[e.target].ran(sim, 25, id, 1, e.target);
            data &= ~EventLane::lane_bit;
        }
        seen.emplace_back(sim.now().seconds(), e.kind, e.target, data);
        most_in_calendar = std::max(most_in_calendar, sim.pending());
        if (seen.size() > 20000) return;
        for (std::uint64_t i = draw(3); i > 0; --i) {
            // a stream's event: a fixed delay (in order), now and then a shorter one (out of
            // order: it goes to the calendar directly) or none (the same instant)
            const auto t = static_cast<std::uint32_t>(draw(3));
            const std::uint64_t r = draw(10);
            const SimTime delay = seconds(r == 0 ? 0 : r == 1 ? 7 : 60);
            const std::uint64_t d = draw(1000);
            if (lanes)
                lane[t].schedule(sim, sim.now() + delay, 25, id, 1, t, d);
            else
                sim.schedule(sim.now() + delay, id, 1, t, d, 25);
        }
        // other events, some at the same instants and priorities as the streams'
        for (std::uint64_t i = draw(3); i > 0; --i)
            sim.schedule(sim.now() + seconds(static_cast<std::int64_t>(draw(61))), id, 0,
                         static_cast<std::uint32_t>(draw(3)), draw(1000),
                         static_cast<int>(20 + draw(10)));
    }
};
} // namespace

TEST_CASE("events of a lane run exactly where they would have run from the calendar") {
    std::vector<std::unique_ptr<LaneModel>> runs;
    for (const bool lanes : {false, true}) {
        auto m = std::make_unique<LaneModel>();
        m->lanes = lanes;
        m->id = m->sim.add_handler(m.get());
        for (std::uint32_t i = 0; i < 5; ++i) m->sim.schedule(seconds(i), m->id, 0, i, 0, 25);
        m->sim.run();
        runs.push_back(std::move(m));
    }
    const LaneModel& plain = *runs[0];
    const LaneModel& laned = *runs[1];
    CHECK(plain.seen.size() > 20000);
    CHECK(laned.seen == plain.seen);
    CHECK(laned.sim.events_processed() == plain.sim.events_processed());
    CHECK(laned.sim.now() == plain.sim.now());
    // the lanes held their events out of the calendar
    CHECK(laned.most_in_calendar < plain.most_in_calendar);
    for (const EventLane& l : laned.lane) CHECK(l.size() == 0);
}

namespace {
// A reference queue: every event kept in one sorted vector (slow, plainly right).
struct ReferenceQueue {
    std::vector<Event> events;
    void push(const Event& e) {
        events.insert(std::upper_bound(events.begin(), events.end(), e, event_before), e);
    }
    Event pop() {
        const Event e = events.front();
        events.erase(events.begin());
        return e;
    }
};

bool same_event(const Event& a, const Event& b) {
    return a.time == b.time && a.order == b.order && a.handler == b.handler && a.kind == b.kind &&
           a.target == b.target && a.data == b.data;
}
} // namespace

TEST_CASE("event queue as a calendar by the second pops exactly as one heap") {
    // A queue that turns into a calendar past 64 events, against a sorted reference, under a
    // random mix of what the model does: events at the current second, a few seconds or minutes
    // ahead (the buckets), past the wheel (the far heap, then nearer as time goes on), earlier
    // than the last event popped, at reserved sequence numbers, and the queue running dry.
    for (const std::size_t above : {std::size_t{64}, std::size_t{1}}) {
        EventQueue q(above);
        ReferenceQueue ref;
        std::uint64_t x = 2024 + above;
        auto next = [&] {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            return x >> 33;
        };
        const auto wheel = static_cast<std::int64_t>(EventQueue::wheel_seconds);
        std::int64_t now = 0;
        std::uint64_t seq = 0;
        std::vector<std::uint64_t> reserved;
        bool was_calendar = false;
        int pops = 0;
        auto push = [&] {
            std::int64_t t = now;
            switch (next() % 10) {
            case 0:
                break; // this second
            case 1:
                t += static_cast<std::int64_t>(next() % 5);
                break;
            case 2:
                t += wheel - 2 + static_cast<std::int64_t>(next() % 4);
                break; // the edge
            case 3:
                t += wheel + static_cast<std::int64_t>(next() % (3 * wheel));
                break; // far
            case 4:
                t -= static_cast<std::int64_t>(next() % 100);
                break; // earlier
            default:
                t += static_cast<std::int64_t>(next() % 1200);
                break; // minutes ahead
            }
            const auto prio = static_cast<int>(next() % 3);
            Event e;
            e.time = SimTime{t};
            e.handler = static_cast<std::uint16_t>(next() % 7);
            e.kind = static_cast<std::uint16_t>(next() % 5);
            e.target = static_cast<std::uint32_t>(next());
            e.data = next() << 20;
            if (!reserved.empty() && next() % 4 == 0) {
                const std::uint64_t s = reserved.back();
                reserved.pop_back();
                e.order = (static_cast<std::uint64_t>(prio) << 48) | s;
                q.push_reserved(e.time, prio, s, e.handler, e.kind, e.target, e.data);
            } else {
                if (next() % 8 == 0) {
                    const std::uint64_t first = q.reserve_sequence(3);
                    CHECK(first == seq);
                    for (std::uint64_t i = 0; i < 3; ++i) reserved.push_back(seq + i);
                    seq += 3;
                }
                e.order = (static_cast<std::uint64_t>(prio) << 48) | seq++;
                q.push(e.time, prio, e.handler, e.kind, e.target, e.data);
            }
            ref.push(e);
        };
        for (int round = 0; round < 40; ++round) {
            // the queue grows, then runs dry (every fourth round) or shrinks
            const auto n = static_cast<int>(next() % 400);
            for (int i = 0; i < n; ++i) push();
            const std::size_t keep = round % 4 == 3 ? 0 : ref.events.size() / 3;
            while (ref.events.size() > keep) {
                REQUIRE(q.size() == ref.events.size());
                REQUIRE_FALSE(q.empty());
                CHECK(same_event(q.top(), ref.events.front()));
                const Event got = q.pop();
                const Event want = ref.pop();
                REQUIRE(same_event(got, want));
                now = std::max(now, got.time.seconds());
                ++pops;
                was_calendar = was_calendar || q.is_calendar();
                if (next() % 3 == 0) push(); // a handler schedules
            }
            CHECK(q.empty() == ref.events.empty());
        }
        CHECK(pops > 4000);
        CHECK(was_calendar);
        // times of both signs and the extremes, the queue a calendar already
        q.push(SimTime::max(), 0, 0, 0, 1, 0);
        q.push(SimTime{std::numeric_limits<std::int64_t>::min()}, 9, 0, 0, 2, 0);
        q.push(SimTime{-5}, 0, 0, 0, 3, 0);
        q.push(SimTime{now + 1}, 0, 0, 0, 4, 0);
        std::vector<std::uint32_t> order;
        while (q.size() > 0) order.push_back(q.pop().target);
        while (!ref.events.empty()) ref.pop();
        CHECK(order == std::vector<std::uint32_t>{2, 3, 4, 1});
        q.clear();
        CHECK(q.empty());
        CHECK_FALSE(q.is_calendar());
        q.push(seconds(3), 0, 0, 0, 5, 0);
        CHECK(q.pop().target == 5);
    }
}

TEST_CASE("peek_ahead gives events that run later and changes no order") {
    // Two queues fed the same events, one peeked between pops: they pop the same; every event
    // peeked runs after the last one popped, and does run later.
    EventQueue peeked(16), plain(16);
    CHECK(peeked.peek_ahead() == nullptr); // one heap: nothing to walk
    std::uint64_t x = 77;
    auto next = [&] {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return x >> 33;
    };
    std::uint32_t id = 0;
    std::int64_t now = 0;
    auto push = [&] {
        const SimTime t{now + static_cast<std::int64_t>(next() % 40)};
        const auto prio = static_cast<int>(next() % 3);
        peeked.push(t, prio, 0, 0, id, 0);
        plain.push(t, prio, 0, 0, id, 0);
        ++id;
    };
    for (int i = 0; i < 200; ++i) push();
    std::vector<bool> waiting_for(1 << 16, false); // peeked, not popped yet
    int peeks = 0, pops = 0;
    SimTime last;
    while (!plain.empty()) { // pushes stop after 20,000 pops: the queues then run dry
        for (auto k = next() % 3; k > 0; --k)
            if (const Event* a = peeked.peek_ahead(); a != nullptr) {
                CHECK(a->time > last);
                waiting_for[a->target] = true;
                ++peeks;
            }
        const Event got = peeked.pop();
        const Event want = plain.pop();
        REQUIRE(same_event(got, want));
        last = got.time;
        now = got.time.seconds();
        waiting_for[got.target] = false;
        ++pops;
        for (int k = 0; k < 2; ++k)
            if (pops < 20000 && next() % 2 == 0) push();
    }
    CHECK(peeked.is_calendar());
    CHECK(peeks > 1000);
    CHECK(std::none_of(waiting_for.begin(), waiting_for.end(), [](bool w) { return w; }));
}

TEST_CASE("the default event queue stays one heap on a small model") {
    EventQueue q;
    for (int i = 0; i < 100; ++i) q.push(seconds(i % 7), 0, 0, 0, 0, 0);
    CHECK_FALSE(q.is_calendar());
    for (std::size_t i = 0; i < 2 * EventQueue::default_calendar_above; ++i)
        q.push(seconds(10), 0, 0, 0, 0, 0);
    CHECK(q.is_calendar());
}
