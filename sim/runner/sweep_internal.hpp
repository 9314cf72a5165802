#pragma once
// Inside the sweep runner: the queue of a shard's tasks that threads (and, under MPI, the ranks
// through rank 0) take from, one task at a time.
#include "riposte/sweep.hpp"

#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace riposte {

/// Runs one task, asking `halted` between batches of events; `completed` is false when halted.
TaskResult run_task(const SweepVariant& variant, int replication, std::uint64_t seed,
                    const std::function<bool()>& halted, bool& completed, bool evidence);

/// The KPI names (and higher_is_better) main_kpis() gives for a scenario.
std::vector<std::pair<std::string, bool>> kpi_names_of(const Scenario& s);

namespace sweep_detail {

class TaskQueue {
  public:
    TaskQueue(const std::vector<SweepVariant>& variants, const SweepOptions& options);
    /// The next task index to run, or nothing (all handed out, stopped, cancelled).
    std::optional<std::size_t> take();
    /// Records a finished task (calls on_finished and progress).
    void finish(TaskResult&& r);
    void fail(std::exception_ptr e);
    [[nodiscard]] bool halted() const;
    [[nodiscard]] bool failed() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return static_cast<bool>(failure_);
    }
    /// Takes and runs tasks until none is left (one worker thread).
    void work();
    /// `threads` workers; returns when they are all done.
    void run_threads(int threads);
    /// The gathered outcome; rethrows a task's failure.
    SweepOutcome outcome();
    [[nodiscard]] const std::vector<SweepVariant>& variants() const { return variants_; }

  private:
    [[nodiscard]] bool cancelled() const;
    const std::vector<SweepVariant>& variants_;
    const SweepOptions& options_;
    mutable std::mutex mutex_;
    std::vector<std::size_t> pending_;
    std::size_t next_ = 0;
    std::vector<TaskResult> results_;
    int total_ = 0, done_ = 0, ran_ = 0;
    bool stop_ = false;
    std::exception_ptr failure_;
};

/// run_sweep() over the ranks of the MPI job (sweep_mpi.cpp).
SweepOutcome run_sweep_mpi(const std::vector<SweepVariant>& variants, const SweepOptions& options);

} // namespace sweep_detail
} // namespace riposte
