#pragma once
// What panels ask for. Panels never act: they push commands, which the App applies after the
// frame is drawn (and, for the engine, forwards to the live-run service's worker thread).
#include "riposte/core/sim_time.hpp"
#include "riposte/intervention.hpp"
#include "riposte/journal.hpp"

#include <cstdint>
#include <string>
#include <utility>
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

// ---- exercise session (the facilitator console, the players' decision forms)
/// A decision (players) or an ad-hoc inject (facilitator): checked, journaled, applied.
/// `request` numbers it so that the form can show the reply (UiState::next_request).
struct Decide {
    std::uint64_t request = 0;
    Change change;
    EntrySource source = EntrySource::Decision;
    std::string author, text;
};
/// What the facilitator does with a scripted inject before it fires.
struct InjectAction {
    enum class Kind { FireNow, Skip, Delay, Edit };
    Kind kind = Kind::FireNow;
    std::uint64_t request = 0;
    std::string id;
    SimTime at;  ///< Delay: the new time
    Change edit; ///< Edit: what it does instead
    std::string author;
};
/// An evaluator's observation.
struct Observe {
    std::uint64_t request = 0;
    std::string author, text;
    std::string objective, rating; ///< the objective's id and the HSEEP rating (may be empty)
};
struct SetPauseAtInjects {
    bool on = false;
};

// ---- comparison of plans
/// N replications of each plan (the first is the reference) in the background, with common
/// random numbers, against the loaded world.
struct StartCompare {
    std::vector<std::string> plans;
    int replications = 20;
    std::uint64_t seed = 1;
};
struct CancelCompare {};

// ---- validation panel
/// The plan's targets judged over N replications in the background (as riposte validate).
struct StartValidate {
    int replications = 20;
};
struct CancelValidate {};
/// Go to a place a rule names: open the centre's panel (and centre the map on it), jump the live
/// run to the start of the day (-1: leave as is).
struct GoToPlace {
    int centre = -1;
    int day = -1;
};

// ---- plan editor
/// Writes the editor's draft to `file` as plan TOML (atomically; an existing file only when
/// `overwrite`, which the editor asks first).
struct SavePlan {
    std::string file;
    bool overwrite = false;
};
/// Opens this plan against the loaded world and restarts the live run on it.
struct OpenPlan {
    std::string file;
};
/// Opens a world and a plan (File menu); on failure the open scenario stays and the problems
/// show in the load-problems panel.
struct OpenScenario {
    std::string world, plan;
};
/// Writes the finished comparison as compare.csv (atomically) to `file`.
struct ExportCompare {
    std::string file;
};

using Command = std::variant<RestartRun, PlayRun, PauseRun, StepEvent, StepBy, SetSpeed, JumpTo,
                             ResetMapView, Decide, InjectAction, Observe, SetPauseAtInjects,
                             StartCompare, CancelCompare, ExportCompare, SavePlan, OpenPlan,
                             StartValidate, CancelValidate, GoToPlace, OpenScenario>;

struct Commands {
    std::vector<Command> queue;
    void push(Command c) { queue.push_back(std::move(c)); }
};

} // namespace riposte::gui
