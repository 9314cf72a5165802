// The run worker: one replication on a thread, published as immutable states.
#include "app.hpp"
#include "riposte/run_worker.hpp"

#include "riposte/scenario_loader.hpp"
#include "riposte/simulation.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace riposte;
using namespace riposte::gui;

namespace {

std::shared_ptr<const Scenario> default_scenario() {
    const auto loaded = load_for_gui(GuiOptions{});
    for (const Diagnostic& d : loaded->diagnostics) MESSAGE(format_diagnostic(d));
    REQUIRE_MESSAGE(loaded->scenario != nullptr, "the bundled default scenario must load");
    REQUIRE(loaded->map != nullptr);
    CHECK(loaded->map->commune_pos.size() == loaded->scenario->world.territory.communes.size());
    return loaded->scenario;
}

std::shared_ptr<const RunState> wait_until_settled(const RunWorker& worker) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
    while (worker.running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return worker.latest();
}

} // namespace

TEST_CASE("a fresh worker is idle and starts nothing without a scenario") {
    RunWorker worker;
    CHECK(worker.latest()->status == RunStatus::Idle);
    CHECK_FALSE(worker.running());
    CHECK_FALSE(worker.start(nullptr, 1));
    CHECK(worker.latest()->status == RunStatus::Idle);
}

TEST_CASE("the worker's replication equals run_replication() for the same seed") {
    const auto scenario = default_scenario();
    RunWorker worker;
    REQUIRE(worker.start(scenario, 7));
    CHECK_FALSE(worker.start(scenario, 8)); // one run at a time
    const auto state = wait_until_settled(worker);
    REQUIRE_MESSAGE(state->status == RunStatus::Done, state->error);
    REQUIRE(state->results != nullptr);
    CHECK(state->seed == 7);
    CHECK(state->day == state->days);
    CHECK(state->days == scenario->world.days);

    RunOptions options;
    options.seed = 7;
    const Results direct = run_replication(*scenario, options);
    const Results& stepped = *state->results;
    CHECK(stepped.events == direct.events);
    CHECK(stepped.totals.vaccinations == direct.totals.vaccinations);
    CHECK(stepped.totals.tests == direct.totals.tests);
    CHECK(stepped.totals.no_shows == direct.totals.no_shows);
    CHECK(stepped.totals.doses_wasted == direct.totals.doses_wasted);
    CHECK(stepped.totals.wait_p90_min == direct.totals.wait_p90_min);
    CHECK(stepped.centre_days.size() == direct.centre_days.size());

    // A second run can start once the first is over.
    REQUIRE(worker.start(scenario, 7));
    const auto again = wait_until_settled(worker);
    REQUIRE(again->status == RunStatus::Done);
    CHECK(again->results->events == direct.events);
}

TEST_CASE("a cancelled run settles (cancelled, or done if it was already over)") {
    const auto scenario = default_scenario();
    RunWorker worker;
    REQUIRE(worker.start(scenario, 3));
    worker.cancel();
    const auto state = wait_until_settled(worker);
    CHECK_FALSE(worker.running());
    CHECK((state->status == RunStatus::Cancelled || state->status == RunStatus::Done));
    if (state->status == RunStatus::Cancelled) CHECK(state->results == nullptr);
}

TEST_CASE("destroying a worker mid-run stops and joins it") {
    const auto scenario = default_scenario();
    const auto t0 = std::chrono::steady_clock::now();
    {
        RunWorker worker;
        REQUIRE(worker.start(scenario, 5));
    }
    // Reaching here at all means the thread was joined; it must not have run to the end
    // of a long scenario first (a day is cut short).
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::minutes(3));
}
