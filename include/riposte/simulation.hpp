#pragma once
// One replication of a scenario. Deterministic for (scenario, seed, replication).
#include "riposte/exercise.hpp"
#include "riposte/intervention.hpp"
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace riposte {

/// Who asked for a change.
enum class ChangeSource : std::uint8_t {
    Api,        ///< a caller of Simulation::apply (a decision, an ad-hoc inject, a replay)
    Scripted,   ///< a scripted inject of the exercise
    Trigger,    ///< a conditional inject of the exercise
    Escalation, ///< an escalation rule of the plan
};

/// A change the engine applied or refused, with its stamp.
struct AppliedChange {
    ChangeSource source = ChangeSource::Api;
    std::string inject_id; ///< Scripted / Trigger: the inject's id
    CentreId centre;       ///< Trigger: the centre where it fired (none() otherwise)
    Change change;
    ChangeOutcome outcome;
};

/// A scripted inject not fired yet.
struct UpcomingInject {
    std::size_t index = 0; ///< in Exercise::injects
    std::string id;
    SimTime at;
    Change change;
};

/// Receives notable events as they happen (the CLI, the GUI and tests consume it).
class Observer {
  public:
    virtual ~Observer() = default;
    virtual void on_log(const LogEntry& /*entry*/) {}
    virtual void on_day_end(int /*day*/) {}
    /// A change was applied or refused (a scripted inject or trigger fired, or apply()).
    virtual void on_change(const AppliedChange& /*change*/) {}
};

/// One station of a centre, now.
struct StationLive {
    StationId station{0};    ///< within the centre's stations
    int queued = 0;          ///< people waiting for this station
    int servers_present = 0; ///< servers: people on shift here (areas: watchers)
    int servers_busy = 0;    ///< servers: people serving now
    int places_used = 0;     ///< areas: places taken
    bool stopped = false;    ///< nobody to serve or watch: the station does not work
};

/// One centre, now.
struct CentreLive {
    CentreId centre{0};
    bool doors_open = false;
    int waiting = 0;   ///< people queued at any station
    int in_centre = 0; ///< everyone inside
    std::vector<StationLive> stations;
    IdVector<RoleId, int> staff_by_role; ///< people on site now
    std::int64_t stock = 0;              ///< doses in stock, opened vial excluded
    int open_vial_doses = 0;             ///< doses left in the opened vial
    CentreDayRow today;                  ///< today's counters so far (waits are filled at day end)
};

/// One mobile team, now.
struct TeamLive {
    int team = 0;
    std::int64_t stock = 0;
    int communes_done = 0; ///< position along its round
    bool out = false;      ///< on its round now (false: at its base)
    int commune = 0;       ///< where it is: the commune of its visit under way, else its base
    int vial_left = 0;     ///< doses left in its opened vial (0 when none is open)
};

/// A small value copied out of a running replication: what a dashboard or a trigger reads.
struct LiveState {
    SimTime now;
    std::uint64_t events = 0;
    std::vector<CentreLive> centres;
    std::vector<TeamLive> teams;
    int changes_applied = 0; ///< interventions applied so far
    Totals totals;           ///< so far (waits and per-run figures are filled when the run ends)
    std::int64_t test_kits = 0;
};

/// Where a reader of the growing series stopped (Simulation::series_since).
struct SeriesCursor {
    std::size_t queue = 0, centre_days = 0, coverage = 0, station_days = 0, log = 0;
};

/// Rows added since a cursor: read each frame without copying the whole Results.
struct SeriesDelta {
    std::vector<QueueSample> queue;
    std::vector<CentreDayRow> centre_days;
    std::vector<CoverageRow> coverage;
    std::vector<StationDayRow> station_days;
    std::vector<LogEntry> log;
};

struct RunOptions {
    std::uint64_t seed = 1;
    int replication = 0;
    SimTime queue_sample_interval = minutes(15);
    /// A chronogramme run inside the replication (scripted injects, triggers); may be null.
    std::shared_ptr<const Exercise> exercise;
};

/// A replication that can be advanced step by step (the GUI drives it from a worker thread).
class Simulation {
  public:
    /// Borrows `scenario`: the caller keeps it alive as long as the Simulation (and its forks).
    Simulation(const Scenario& scenario, RunOptions options, Observer* observer = nullptr);
    /// Shares ownership of an immutable scenario.
    Simulation(std::shared_ptr<const Scenario> scenario, RunOptions options,
               Observer* observer = nullptr);
    ~Simulation();
    /// A copy is a fork for what-if branches: the same state and random streams, continuing
    /// independently; it shares the immutable scenario and reports to no observer.
    Simulation(const Simulation& other);
    Simulation& operator=(const Simulation& other);
    Simulation(Simulation&&) noexcept;
    Simulation& operator=(Simulation&&) noexcept;
    void set_observer(Observer* observer);

    /// Advances to `t` (simulated); returns false once the scenario's horizon is passed.
    bool advance_to(SimTime t);
    /// Runs one event; returns false once the horizon is passed (the run is then complete).
    bool step();
    /// Runs events until `n` have been processed in all (or the horizon); false once done.
    bool run_to_event(std::uint64_t n);
    /// Time of the next event (SimTime::max() when none is left before the horizon).
    [[nodiscard]] SimTime next_event_time() const;
    [[nodiscard]] std::uint64_t events_processed() const;
    /// The state now, copied out (small: per centre, station and team).
    [[nodiscard]] LiveState live_state() const;
    /// The rows added to the series since `cursor`, which moves to the end.
    [[nodiscard]] SeriesDelta series_since(SeriesCursor& cursor) const;
    [[nodiscard]] SimTime now() const;
    [[nodiscard]] SimTime horizon() const;
    /// Applies a change now, between two events, and stamps it. `identity` keys every random
    /// draw the change causes (use change_identity() of a stable name: an inject id, a journal
    /// entry). A change that cannot apply is refused as a value, with the reason.
    ChangeOutcome apply(const Change& change, std::uint64_t identity);
    /// The stamp the next apply() would get now (a journal writes it before applying).
    [[nodiscard]] ChangeStamp next_stamp() const;
    /// Schedules an exercise's scripted injects and evaluates its triggers inside the run, so
    /// that a replay recreates them. Call before the first event.
    void set_exercise(std::shared_ptr<const Exercise> exercise);
    /// The facilitator's hands on the chronogramme: skip a scripted inject, move it, or change
    /// what it does before it fires. False when no such inject is still to come.
    bool skip_inject(std::string_view id);
    bool delay_inject(std::string_view id, SimTime at);
    bool edit_inject(std::string_view id, const Change& change);
    [[nodiscard]] std::vector<UpcomingInject> upcoming_injects() const;
    /// Every change applied or refused so far, in order.
    [[nodiscard]] const std::vector<AppliedChange>& changes() const;
    /// Runs to the end and returns the results.
    Results run();
    /// Results so far (finalised when the run is complete).
    [[nodiscard]] Results results() const;

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

/// A stable identity for a change's random draws, from a name (an inject id, "journal:12").
std::uint64_t change_identity(std::string_view name);

/// Convenience: one complete replication.
Results run_replication(const Scenario& scenario, const RunOptions& options,
                        Observer* observer = nullptr);

} // namespace riposte
