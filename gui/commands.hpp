#pragma once
// What panels ask for. Panels never act: they push commands, which the App applies after the
// frame is drawn (and, for the engine, forwards to the worker thread).
#include <cstdint>
#include <variant>
#include <vector>

namespace riposte::gui {

struct StartRun {
    std::uint64_t seed = 1;
};
struct CancelRun {};
struct ResetMapView {};

using Command = std::variant<StartRun, CancelRun, ResetMapView>;

struct Commands {
    std::vector<Command> queue;
    void push(Command c) { queue.push_back(c); }
};

} // namespace riposte::gui
