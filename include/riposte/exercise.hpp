#pragma once
// An exercise (chronogramme, SPEC §2, EXERCISE.md): scripted injects at a time, conditional
// injects (triggers) that fire when a KPI crosses a threshold, and the exercise's objectives.
// Read from `exercise.toml` (scenario layer); scheduled and evaluated inside the engine, so a
// replay recreates them.
#include "riposte/intervention.hpp"

#include <string>
#include <vector>

namespace riposte {

/// A scripted inject of the chronogramme.
struct ScriptedInject {
    std::string id;    ///< stable identity (keys the inject's random draws)
    SimTime at;        ///< when it fires
    Change change;     ///< what it does (a Message when it only informs the players)
    std::string text;  ///< shown to the players when it fires
    std::string notes; ///< for the controllers only
    int line = 0;      ///< where it is written in its file (diagnostics)
};

/// A condition read from the running model.
struct Condition {
    enum class Kind : std::uint8_t {
        QueueAbove,     ///< people waiting at a centre above `threshold` for `for_time`
        StockBelowDays, ///< a centre's stock below `threshold` days of its use so far
        At,             ///< simulated time reaches `at` (a date in a plan's escalation)
        IncidenceAbove, ///< the day's incidence (per 100,000) above `threshold` (territory-wide)
    };
    Kind kind = Kind::QueueAbove;
    double threshold = 0;
    SimTime for_time; ///< how long it must hold (QueueAbove)
    SimTime at;       ///< At
    CentreRef centre; ///< where it is read (All: any centre)
};

/// A conditional inject: fires when its condition holds at a centre.
struct TriggeredInject {
    std::string id;
    Condition when;
    /// What it does. Its centre is CentreRef::By::Concerned (written `centre = { concerned =
    /// true }` or left out) for the centre where it fired. Its times are offsets from the
    /// moment it fires: `until` (and AddLine::from) count from then, and
    /// ChangeBooking::from_day (and ChangeHours::from_day, to_day) count days from the day it
    /// fires (0: that day).
    Change change;
    std::string text, notes;
    bool once = true; ///< fire once in the run (else at most once per day per centre)
    int line = 0;
};

/// A check of an objective: `kpi` of every centre named stays below (or above) `threshold`
/// on days `from_day`..`to_day`.
struct ObjectiveCheck {
    std::string kpi; ///< a centre-day column: wait_p90_min, turned_away, vaccinations, ...
    bool below = true;
    double threshold = 0;
    int from_day = 0, to_day = 1 << 20;
    CentreRef centre; ///< All: every centre
};

struct Objective {
    std::string id;
    std::string text;                   ///< the objective, as the players are told it
    std::vector<ObjectiveCheck> checks; ///< all must hold for the objective to be met
    /// What the evaluators look for in the room (`observe = [...]`): the evaluation grid's
    /// lines, each rated P/S/M/U in the observations
    std::vector<std::string> observations;
    int line = 0;
};

struct Exercise {
    std::string file; ///< path it was read from
    std::string name;
    std::string synopsis;                ///< the story, for the briefing (optional)
    std::vector<ScriptedInject> injects; ///< in time order
    std::vector<TriggeredInject> triggers;
    std::vector<Objective> objectives;
};

} // namespace riposte
