#pragma once
// Internal to sim/output: the verdict of a run, what is off and its binding cause, read from
// the run's own accounting. Used by the terminal summaries (from Results) and by the HTML
// report (from the result files), so both say the same sentence.
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"
#include "riposte/text/strings.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace riposte::output_detail {

/// The accounting the verdict reads: of one replication, or the mean over several.
struct RunFacts {
    double wanting = 0, unmet = 0;
    double unmet_travel = 0; ///< unmet people who cannot travel or have no centre within reach
    double doses_delivered = 0, doses_used = 0, doses_wasted = 0;
    double stock_left = 0; ///< doses in the centres' stock at the end
    double slots_opened = 0, slots_booked = 0;
    double short_role_shifts = 0;         ///< role-shifts short of staff
    double short_staff_hours = 0;         ///< person-hours missing on those role-shifts
    double worst_p90_min = 0;             ///< highest daily p90 wait of any centre
    std::string worst_centre, worst_date; ///< where and when
    double worst_centre_short_hours = 0;  ///< person-hours missing at that centre
    double worst_centre_utilisation = 0;  ///< its busy / staffed hours that day (0..1)
};

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

/// The facts of one replication.
RunFacts run_facts(const Scenario& s, const Results& r);
/// The mean of the facts of several replications (the worst day is the worst of them all).
RunFacts mean_facts(const std::vector<RunFacts>& facts);

/// One sentence per thing that is off, naming its binding cause; empty when nothing is off.
std::vector<std::string> verdict_sentences(Language lang, const RunFacts& f,
                                           const VerdictThresholds& t);

/// The terminal block: "VERDICT" and its sentences, or the line saying nothing is off.
std::string verdict_block(Language lang, const RunFacts& f, const VerdictThresholds& t);

} // namespace riposte::output_detail
