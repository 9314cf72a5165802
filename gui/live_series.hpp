#pragma once
// The live run's growing series, reshaped for the charts (plain C++, no ImGui): the GUI thread
// feeds it the rows each LiveRun::poll() hands over, and the chart panel draws from it.
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"
#include "riposte/simulation.hpp"

#include <vector>

namespace riposte::gui {

/// x values are in days since the start (fractional for queue samples).
struct LiveSeries {
    struct CentreDays {
        std::vector<double> day; ///< day index of each row (x)
        std::vector<double> vaccinations, tests, wait_p50, wait_p90, doses_used, doses_wasted,
            stock_end;
    };
    struct QueueLine {
        std::vector<double> t; ///< days
        std::vector<double> waiting;
    };
    struct GroupCoverage {
        std::vector<double> day;
        std::vector<double> first_pct, complete_pct; ///< of the group's population
        double wanting_pct = 0;                      ///< share wanting the vaccine (the ceiling)
    };
    struct RoleDays {
        std::vector<double> day;
        std::vector<double> utilisation_pct; ///< busy / staffed hours of the role's stations
    };

    std::vector<CentreDays> centres; ///< indexed by centre
    std::vector<QueueLine> queue;    ///< indexed by centre
    std::vector<GroupCoverage> groups;
    std::vector<RoleDays> roles;            ///< indexed by role
    std::vector<double> role_staffed_hours; ///< so far, by role (server stations)
    std::vector<CentreDayRow> day_rows;     ///< every centre-day row so far, as published
    std::vector<LogEntry> log;
    std::size_t rows = 0; ///< rows taken in so far (all kinds)

    /// Empties everything and sizes it for `scenario` (null: empty).
    void reset(const Scenario* scenario);
    /// Takes in the rows added since the last call.
    void add(const Scenario& scenario, const SeriesDelta& delta);

  private:
    // per day, per role: busy and staffed hours summed over centres
    std::vector<std::vector<double>> busy_, staffed_;
};

} // namespace riposte::gui
