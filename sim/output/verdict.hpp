#pragma once
// Internal to sim/output: the verdict of a run, what is off and its binding cause, read from
// the run's own accounting. Used by the terminal summaries (from Results) and by the HTML
// report (from the result files), so both say the same sentence.
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"
#include "riposte/text/strings.hpp"

#include "riposte/verdict_facts.hpp"
#include <cmath>

#include <string>
#include <vector>

namespace riposte::output_detail {

/// What counts as off: the plan's targets where it states them, else the defaults (unmet
/// demand above 10%, a day's p90 wait above 60 min, waste above 5%, a station stopped for want
/// of staff).
struct VerdictThresholds {
    double unmet_pct = 10;
    double unmet_people = NAN; ///< a plan's unmet-demand target (people); NaN: none
    double wait_p90_min = 60;
    double waste_pct = 5;
};

VerdictThresholds verdict_thresholds(const Plan& plan);

using riposte::mean_facts;
using riposte::run_facts;
using riposte::RunFacts;

/// What happened at the worst centre on the worst day, gathered row by row (from Results or
/// from the result files): the busiest role short of people present, and the queue's peak.
class WorstDayFacts {
  public:
    /// One role_day row of that centre and day.
    void role(const std::string& id, double staffed, double busy, int required, int present);
    /// One queue sample of that centre and day: people waiting, at `seconds` since day 0.
    void queue(double waiting, std::int64_t seconds);
    void into(RunFacts& f) const;

  private:
    std::string role_;
    double role_use_ = -1, present_ = 0, required_ = 0;
    double queue_max_ = -1;
    std::int64_t queue_at_ = 0;
};

/// One sentence per thing that is off, naming its binding cause; empty when nothing is off.
std::vector<std::string> verdict_sentences(Language lang, const RunFacts& f,
                                           const VerdictThresholds& t);

/// The terminal block: "VERDICT" and its sentences, or the line saying nothing is off.
std::string verdict_block(Language lang, const RunFacts& f, const VerdictThresholds& t);

} // namespace riposte::output_detail
