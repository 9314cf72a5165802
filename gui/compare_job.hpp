#pragma once
// The dashboard's comparison of plans: N replications of two or more plans for one world, run
// in the background with common random numbers through the live-run service's BatchRun (as
// `riposte compare` runs them), summarised by the same compare_batch(). Plain C++: no ImGui,
// no SFML. The GUI thread only reads published immutable views.
#include "riposte/diagnostics.hpp"
#include "riposte/live_run.hpp"
#include "riposte/output.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace riposte::gui {

struct CompareRequest {
    std::filesystem::path world;
    /// Two or more plan files; the first is the reference (plan A). Named in the comparison
    /// (compare.csv's plan_file) exactly as given here.
    std::vector<std::filesystem::path> plans;
    int replications = 20;
    std::uint64_t seed = 1;
    int threads = 0; ///< 0: every hardware thread (as the CLI's default)
};

enum class CompareStatus { Idle, Loading, Running, Done, Cancelled, Failed };

/// What the comparison view draws (immutable once published).
struct CompareView {
    CompareStatus status = CompareStatus::Idle;
    int done = 0, total = 0;             ///< replications finished / to run (every plan)
    std::string error;                   ///< Failed: why
    std::vector<Diagnostic> diagnostics; ///< problems of the plan files (errors fail the start)
    /// Done (or Cancelled with some replications common to every plan): the table.
    std::shared_ptr<const Comparison> comparison;
    /// Per plan (order of the request): its replications' KPI values, for the charts.
    std::vector<std::vector<KpiSummary>> summaries;
    double seconds = 0; ///< from start() to the table (Done), or so far
};

class CompareJob {
  public:
    CompareJob();
    ~CompareJob(); ///< cancels and joins
    CompareJob(const CompareJob&) = delete;
    CompareJob& operator=(const CompareJob&) = delete;

    /// Starts unless one is under way (then false). Fewer than two plans, or fewer than one
    /// replication, are refused too.
    bool start(CompareRequest request);
    void cancel();
    [[nodiscard]] std::shared_ptr<const CompareView> view() const;
    [[nodiscard]] bool busy() const;

  private:
    void publish(CompareView v);
    void work(CompareRequest request);

    mutable std::mutex mutex_;
    std::shared_ptr<const CompareView> latest_;
    std::atomic<bool> cancel_{false};
    std::thread thread_;
};

} // namespace riposte::gui
