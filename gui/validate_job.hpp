#pragma once
// The validation panel's verdict: the structural rules of `validate` at once, then the plan's
// targets judged over N replications run in the background exactly as `riposte validate` runs
// them (stream_replications with a TargetValidator). Plain C++: no ImGui, no SFML.
#include "riposte/scenario.hpp"
#include "riposte/validation.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace riposte::gui {

enum class ValidateStatus { Idle, Running, Done, Cancelled, Failed };

struct ValidateView {
    ValidateStatus status = ValidateStatus::Idle;
    int done = 0, total = 0;
    std::string error;
    /// The verdict: structural rules only until the replications are done, then every rule.
    std::shared_ptr<const ValidationReport> report;
    const Scenario* scenario = nullptr; ///< the scenario the report is about (identity only)
};

class ValidateJob {
  public:
    ValidateJob();
    ~ValidateJob(); ///< cancels and joins
    ValidateJob(const ValidateJob&) = delete;
    ValidateJob& operator=(const ValidateJob&) = delete;

    /// The structural verdict of `scenario`, computed on the worker (no replication).
    void structure(std::shared_ptr<const Scenario> scenario);
    /// Structural rules and targets over `replications` (false when one is under way).
    bool start(std::shared_ptr<const Scenario> scenario, int replications, std::uint64_t seed,
               int threads);
    void cancel();
    [[nodiscard]] std::shared_ptr<const ValidateView> view() const;
    [[nodiscard]] bool busy() const { return view()->status == ValidateStatus::Running; }
    // Note: start() and structure() join the previous worker first; structure() cancels it.

  private:
    void publish(ValidateView v);

    mutable std::mutex mutex_;
    std::shared_ptr<const ValidateView> latest_;
    std::shared_ptr<const Scenario> scenario_; ///< kept alive while the job reads it
    std::atomic<bool> cancel_{false};
    std::thread thread_;
};

/// A place a failing rule names (a centre and a day) read from its phrase's values: -1 for
/// what it does not name. Dates are the world's ISO dates (date_of_day).
struct RulePlace {
    int centre = -1;
    int day = -1;
};
RulePlace rule_place(const Scenario& scenario, const Phrase& where);

} // namespace riposte::gui
