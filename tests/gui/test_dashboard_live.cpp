// The dashboard end to end in a real window (Xvfb in CI): the default scenario is loaded, the
// live run is played, paused, stepped, jumped forward and back, restarted; the window keeps
// drawing throughout. Commands go in as the run panel's buttons send them.
#include "app.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <functional>

using namespace riposte;
using namespace riposte::gui;
using Clock = std::chrono::steady_clock;

namespace {

struct Driver {
    App& app;
    double longest_frame = 0; ///< seconds

    /// Draws frames until `ok` holds for the latest snapshot (or a generous deadline).
    bool frames_until(const std::function<bool(const LiveFrame&)>& ok, double seconds = 60) {
        const auto end = Clock::now() + std::chrono::duration<double>(seconds);
        while (Clock::now() < end) {
            const auto t0 = Clock::now();
            if (!app.frame()) return false;
            longest_frame =
                std::max(longest_frame, std::chrono::duration<double>(Clock::now() - t0).count());
            if (ok(*app.last_snapshot().frame)) return true;
        }
        return false;
    }
    const LiveFrame& frame() const { return *app.last_snapshot().frame; }
};

} // namespace

TEST_CASE("dashboard: a real window plays, pauses, steps and rewinds the default scenario") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                    "needs an X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
    GuiOptions options;
    options.width = 1280;
    options.height = 800;
    App app(options);
    REQUIRE_FALSE(app.open().has_value());
    Driver d{app};

    // Loaded and paused at the start.
    REQUIRE(d.frames_until([](const LiveFrame& f) { return f.status == LiveStatus::Paused; }));
    CHECK(d.frame().state.events == 0);
    CHECK(d.frame().state.now == SimTime{});

    // One event, then one hour.
    app.command(StepEvent{});
    REQUIRE(d.frames_until([](const LiveFrame& f) { return f.state.events == 1; }));
    const SimTime after_event = d.frame().state.now;
    app.command(StepBy{hours(1)});
    REQUIRE(d.frames_until([&](const LiveFrame& f) {
        return f.status == LiveStatus::Paused && f.state.now == after_event + hours(1);
    }));

    // Play at a day per second, then pause: the clock moved, and stays put once paused.
    app.command(SetSpeed{86400});
    app.command(PlayRun{});
    REQUIRE(d.frames_until([&](const LiveFrame& f) {
        return f.status == LiveStatus::Playing && f.state.now > after_event + hours(4);
    }));
    app.command(PauseRun{});
    REQUIRE(d.frames_until([](const LiveFrame& f) { return f.status == LiveStatus::Paused; }));
    const std::uint64_t paused_at = d.frame().state.events;
    for (int i = 0; i < 10; ++i) REQUIRE(app.frame());
    CHECK(d.frame().state.events == paused_at);

    // Jump forward to day 4: the live state and the chart series moved.
    app.command(JumpTo{days(3)});
    REQUIRE(d.frames_until([](const LiveFrame& f) {
        return f.status == LiveStatus::Paused && f.state.now == days(3);
    }));
    CHECK(d.frame().state.events > paused_at);
    CHECK(d.frame().state.totals.vaccinations > 0);
    REQUIRE_FALSE(app.series().centres.empty());
    CHECK(app.series().centres[0].day.size() == 3); // days 1, 2, 3 are over
    CHECK_FALSE(app.series().queue[0].t.empty());

    // Jump back to day 2: a rewind; the charts start again from the rebuilt run.
    app.command(JumpTo{days(1)});
    REQUIRE(d.frames_until([](const LiveFrame& f) {
        return f.status == LiveStatus::Paused && f.state.now == days(1) && f.generation >= 2;
    }));
    CHECK(app.series().centres[0].day.size() == 1);

    // Restart with another seed.
    app.command(RestartRun{7});
    REQUIRE(d.frames_until([](const LiveFrame& f) { return f.seed == 7; }));
    CHECK(d.frame().state.events == 0);

    // Play to the end as fast as possible: the final results arrive, the window kept drawing.
    app.command(SetSpeed{0});
    app.command(PlayRun{});
    REQUIRE(d.frames_until([](const LiveFrame& f) { return f.status == LiveStatus::Done; }, 120));
    REQUIRE(d.frame().results != nullptr);
    std::size_t centre0_days = 0; // days centre 0 was open
    for (const CentreDayRow& r : d.frame().results->centre_days) centre0_days += r.centre == 0;
    CHECK(centre0_days > 3);
    CHECK(app.series().centres[0].day.size() == centre0_days);
    MESSAGE("longest frame while driving the run: " << d.longest_frame * 1000 << " ms");
    // The window never waits for the engine: a frame is drawn from published values only, so
    // no frame lasts anything like a run (the bound leaves room for a loaded machine).
    CHECK(d.longest_frame < 0.5);
    app.close();
}
