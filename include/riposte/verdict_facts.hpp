#pragma once
// What the verdict of a run reads (what is off and its binding cause): a few numbers of one
// replication, kept as replications stream so that the summary of N replications needs none
// of their tables.
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"

#include <string>
#include <vector>

namespace riposte {

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
    /// That day at that centre: the busiest role (highest busy / staffed hours) that had fewer
    /// people present than rostered, i.e. absences not replaced; empty when none.
    std::string worst_absent_role;
    double worst_absent_present = 0, worst_absent_required = 0; ///< role_day present / required
    /// That day at that centre: the longest queue (people waiting) and when ("HH:MM"); -1 when
    /// the run has no queue samples.
    double worst_queue_max = -1;
    std::string worst_queue_time;
};

/// The facts of one replication.
RunFacts run_facts(const Scenario& s, const Results& r);
/// The mean of the facts of several replications (the worst day is the worst of them all).
RunFacts mean_facts(const std::vector<RunFacts>& facts);

} // namespace riposte
