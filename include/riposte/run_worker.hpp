#pragma once
// Runs one replication on a worker thread (the GUI's live run; concurrency lives in sim/runner).
// The GUI thread never touches the engine: it starts a run with a copy of the scenario (shared,
// immutable) and reads the latest published RunState, an immutable value swapped in under a mutex.
// A failure inside the run is published as a state, never thrown across the thread.
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace riposte {

enum class RunStatus { Idle, Running, Done, Failed, Cancelled };

struct RunState {
    RunStatus status = RunStatus::Idle;
    std::uint64_t seed = 0;
    int day = 0;                            ///< simulated days completed
    int days = 0;                           ///< days in the scenario's horizon
    double wall_seconds = 0;                ///< real time since the run started
    std::shared_ptr<const Results> results; ///< set when Done
    std::string error;                      ///< set when Failed
};

class RunWorker {
  public:
    RunWorker();
    ~RunWorker(); ///< asks a running replication to stop and waits for it
    RunWorker(const RunWorker&) = delete;
    RunWorker& operator=(const RunWorker&) = delete;

    /// Starts a replication unless one is running (then returns false).
    bool start(std::shared_ptr<const Scenario> scenario, std::uint64_t seed);
    /// Asks the running replication to stop at the end of the current simulated day.
    void cancel();
    /// The latest published state (never null).
    [[nodiscard]] std::shared_ptr<const RunState> latest() const;
    [[nodiscard]] bool running() const;

  private:
    void publish(RunState state);
    void body(std::stop_token stop, std::shared_ptr<const Scenario> scenario, std::uint64_t seed);

    mutable std::mutex mutex_;
    std::shared_ptr<const RunState> latest_;
    std::jthread thread_; // last: joined first on destruction, while the rest is alive
};

} // namespace riposte
