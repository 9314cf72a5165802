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
