#pragma once
// What panels ask for. Panels never act: they push commands, which the App applies after the
// frame is drawn (and, for the engine, forwards to the live-run service's worker thread).
#include "riposte/core/sim_time.hpp"

#include <cstdint>
#include <variant>
#include <vector>

namespace riposte::gui {

/// A fresh replication with this seed, paused at time 0.
struct RestartRun {
    std::uint64_t seed = 1;
};
struct PlayRun {};
struct PauseRun {};
struct StepEvent {};
/// Advance by this much simulated time, then pause.
struct StepBy {
    SimTime d;
};
/// Simulated seconds per wall second (0: as fast as possible).
struct SetSpeed {
    double sim_seconds_per_second = 0;
};
/// Go to this simulated time: forward runs there, backward rewinds (deterministic).
struct JumpTo {
    SimTime t;
};
struct ResetMapView {};

using Command =
    std::variant<RestartRun, PlayRun, PauseRun, StepEvent, StepBy, SetSpeed, JumpTo, ResetMapView>;

struct Commands {
    std::vector<Command> queue;
    void push(Command c) { queue.push_back(c); }
};

} // namespace riposte::gui
