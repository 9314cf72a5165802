#pragma once
// Reading an exercise's objectives against the run (the players' screen shows the KPIs the
// objectives name; the RETEX says which objectives were met).
#include "riposte/exercise.hpp"
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riposte {

/// The value of an objective's KPI (a centre_day.csv column, objective_kpi_names()) in a row;
/// nullopt for a name that is not one.
std::optional<double> centre_day_kpi(const CentreDayRow& row, std::string_view kpi);

/// The plan's centres an objective check reads (By::Name: that centre; By::Kind: the centres of
/// that kind; any other selector: every centre). Unknown names give none.
std::vector<int> objective_centres(const ObjectiveCheck& check, const Scenario& scenario);

/// True when `value` meets the check's threshold (below: value ≤ threshold; above: ≥).
bool objective_value_met(const ObjectiveCheck& check, double value);

/// Where a check did not hold: a centre on a day.
struct ObjectiveMiss {
    int centre = 0, day = 0;
    std::string kpi;
    double value = 0, threshold = 0;
    bool below = true;
};

/// An objective judged on a run's day rows: met when every check holds on every day it covers
/// (days past the run's end are not judged).
struct ObjectiveVerdict {
    const Objective* objective = nullptr;
    bool met = true;
    int judged = 0;                    ///< centre-days looked at
    std::vector<ObjectiveMiss> misses; ///< in day then centre order
};

std::vector<ObjectiveVerdict> evaluate_objectives(const Exercise& exercise,
                                                  const Scenario& scenario, const Results& results);

} // namespace riposte
