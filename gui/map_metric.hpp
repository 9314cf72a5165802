#pragma once
// Communes coloured by a metric (plain C++, no ImGui or SFML): the value of each commune and
// a colour ramp. Travel times come from the engine's road graph (public TravelGraph API);
// coverage and unmet demand come from the run's per-commune rows, known when the run is over.
#include "map_geometry.hpp"

#include "riposte/results.hpp"
#include "riposte/scenario.hpp"
#include "riposte/territory.hpp"

#include <memory>
#include <optional>
#include <vector>

namespace riposte::gui {

enum class MapMetric {
    None,          ///< one colour for every commune
    TravelMinutes, ///< minutes to the nearest vaccination centre open that day
    Coverage,      ///< first-dose coverage of a group (or everyone), % of its population
    Unmet,         ///< people wanting a vaccine without a first dose, % of those wanting it
};

/// The value per commune (NaN: no value, e.g. no centre within reach) and the scale's ends.
struct MetricValues {
    std::vector<double> value;
    double lo = 0, hi = 1;
    bool higher_is_better = false;
    bool available = false; ///< false: the metric is not known yet (run not over)
};

/// Computes metric values, keeping the road graph between calls (built on first need).
class CommuneMetrics {
  public:
    /// `day`: the simulated day (which centres are open); `group`: -1 for everyone;
    /// `results`: the finished run's results (null while it runs).
    MetricValues compute(const Scenario& scenario, MapMetric metric, int day, int group,
                         const Results* results);

  private:
    const Scenario* graph_for_ = nullptr;
    std::optional<TravelGraph> graph_;
};

/// A sequential colour ramp, 0 → 1 (light yellow → dark red); `good_low` keeps it, otherwise
/// it is reversed so that the bad end is always the dark red.
Rgba metric_colour(double t);
/// The colour of a commune's value on the metric's scale; a neutral grey for NaN.
Rgba commune_metric_colour(const MetricValues& m, double value);

} // namespace riposte::gui
