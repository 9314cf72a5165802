#pragma once
// One replication of a scenario. Deterministic for (scenario, seed, replication).
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"

#include <cstdint>
#include <memory>

namespace riposte {

/// Receives notable events as they happen (the CLI, the GUI and tests consume it).
class Observer {
  public:
    virtual ~Observer() = default;
    virtual void on_log(const LogEntry& /*entry*/) {}
    virtual void on_day_end(int /*day*/) {}
};

/// One station of a centre, now.
struct StationLive {
    int station = 0;         ///< index within the centre's stations
    int queued = 0;          ///< people waiting for this station
    int servers_present = 0; ///< servers: people on shift here (areas: watchers)
    int servers_busy = 0;    ///< servers: people serving now
    int places_used = 0;     ///< areas: places taken
    bool stopped = false;    ///< nobody to serve or watch: the station does not work
};

/// One centre, now.
struct CentreLive {
    int centre = 0;
    bool doors_open = false;
    int waiting = 0;   ///< people queued at any station
    int in_centre = 0; ///< everyone inside
    std::vector<StationLive> stations;
    std::vector<int> staff_by_role; ///< people on site now, indexed by role
    std::int64_t stock = 0;         ///< doses in stock, opened vial excluded
    int open_vial_doses = 0;        ///< doses left in the opened vial
    CentreDayRow today;             ///< today's counters so far (waits are filled at day end)
};

/// One mobile team, now.
struct TeamLive {
    int team = 0;
    std::int64_t stock = 0;
    int communes_done = 0; ///< position along its round
};

/// A small value copied out of a running replication: what a dashboard or a trigger reads.
struct LiveState {
    SimTime now;
    std::uint64_t events = 0;
    std::vector<CentreLive> centres;
    std::vector<TeamLive> teams;
    Totals totals; ///< so far (waits and per-run figures are filled when the run ends)
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
};

/// A replication that can be advanced step by step (the GUI drives it from a worker thread).
class Simulation {
  public:
    Simulation(const Scenario& scenario, RunOptions options, Observer* observer = nullptr);
    ~Simulation();
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

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
    /// Runs to the end and returns the results.
    Results run();
    /// Results so far (finalised when the run is complete).
    [[nodiscard]] Results results() const;

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

/// Convenience: one complete replication.
Results run_replication(const Scenario& scenario, const RunOptions& options,
                        Observer* observer = nullptr);

} // namespace riposte
