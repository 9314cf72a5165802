#include "riposte/run_worker.hpp"

#include "riposte/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <utility>

namespace riposte {

RunWorker::RunWorker() : latest_(std::make_shared<const RunState>()) {}

RunWorker::~RunWorker() {
    if (thread_.joinable()) {
        thread_.request_stop();
        thread_.join();
    }
}

bool RunWorker::start(std::shared_ptr<const Scenario> scenario, std::uint64_t seed) {
    if (!scenario || running()) return false;
    if (thread_.joinable()) thread_.join(); // the previous run has finished: reap it
    RunState starting;
    starting.status = RunStatus::Running;
    starting.seed = seed;
    starting.days = scenario->world.days;
    publish(std::move(starting));
    thread_ = std::jthread([this, scenario = std::move(scenario), seed](std::stop_token stop) {
        body(std::move(stop), scenario, seed);
    });
    return true;
}

void RunWorker::cancel() {
    if (thread_.joinable()) thread_.request_stop();
}

std::shared_ptr<const RunState> RunWorker::latest() const {
    std::lock_guard lock(mutex_);
    return latest_;
}

bool RunWorker::running() const {
    return latest()->status == RunStatus::Running;
}

void RunWorker::publish(RunState state) {
    auto next = std::make_shared<const RunState>(std::move(state));
    std::lock_guard lock(mutex_);
    latest_ = std::move(next);
}

void RunWorker::body(std::stop_token stop, std::shared_ptr<const Scenario> scenario,
                     std::uint64_t seed) {
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    RunState state;
    state.status = RunStatus::Running;
    state.seed = seed;
    state.days = scenario->world.days;
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - t0).count(); };

    try {
        RunOptions options;
        options.seed = seed;
        options.replication = 0;
        // Advanced one simulated day at a time so progress shows and a cancel (or closing the
        // window) is honoured quickly. Stepping does not change the results: the engine is
        // deterministic whatever the advance_to() steps (same as run_replication()).
        Simulation sim(*scenario, options);
        const SimTime horizon = sim.horizon();
        state.days = std::max(1, static_cast<int>((horizon.seconds() + 86399) / 86400));
        // Our own cursor (not sim.now(), which may stay at the last event): one day per step.
        // advance_to() answers false once the horizon is reached (results then final).
        SimTime cursor = days(sim.now().day());
        bool finished = false;
        while (!finished && cursor <= horizon && !stop.stop_requested()) {
            cursor += days(1);
            finished = !sim.advance_to(cursor);
            state.day = std::min(cursor.day(), state.days);
            state.wall_seconds = elapsed();
            publish(state);
        }
        if (!finished && stop.stop_requested()) {
            state.status = RunStatus::Cancelled;
            state.wall_seconds = elapsed();
            publish(std::move(state));
            return;
        }
        // finished: results() is final. Otherwise (never expected) run() completes the run.
        auto results = std::make_shared<const Results>(finished ? sim.results() : sim.run());
        state.status = RunStatus::Done;
        state.day = state.days;
        state.results = std::move(results);
    } catch (const std::exception& e) {
        state.status = RunStatus::Failed;
        state.error = e.what();
    } catch (...) {
        state.status = RunStatus::Failed;
        state.error = "unknown error";
    }
    state.wall_seconds = elapsed();
    publish(std::move(state));
}

} // namespace riposte
