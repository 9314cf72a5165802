#include "map_metric.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace riposte::gui {

MetricValues CommuneMetrics::compute(const Scenario& sc, MapMetric metric, int day, int group,
                                     const Results* results) {
    const std::size_t n = sc.world.territory.communes.size();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    MetricValues m;
    m.value.assign(n, nan);
    switch (metric) {
    case MapMetric::None:
        return m;
    case MapMetric::TravelMinutes: {
        if (graph_for_ != &sc || !graph_) {
            graph_.emplace(sc.world.territory);
            graph_for_ = &sc;
        }
        std::vector<int> sources;
        for (const Centre& c : sc.plan.centres)
            if (c.vaccinates() && c.open_on(day, sc.world.start_weekday))
                sources.push_back(c.commune);
        std::sort(sources.begin(), sources.end());
        sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
        if (!sources.empty()) {
            const std::vector<double> minutes = graph_->nearest_of(sources);
            for (std::size_t i = 0; i < n && i < minutes.size(); ++i)
                if (std::isfinite(minutes[i])) m.value[i] = minutes[i];
        }
        m.lo = 0;
        // the scale ends at the farthest a person accepts to travel (or the farthest commune)
        m.hi = std::max(1.0, sc.world.behaviour.max_travel_minutes);
        m.higher_is_better = false;
        m.available = true;
        return m;
    }
    case MapMetric::Coverage:
    case MapMetric::Unmet: {
        if (!results) return m;
        std::vector<double> num(n, 0.0), den(n, 0.0);
        for (const CommuneGroupRow& r : results->communes) {
            if (r.commune < 0 || static_cast<std::size_t>(r.commune) >= n) continue;
            if (group >= 0 && r.group != group) continue;
            const auto i = static_cast<std::size_t>(r.commune);
            if (metric == MapMetric::Coverage) {
                num[i] += static_cast<double>(r.first_dose);
                den[i] += static_cast<double>(r.population);
            } else {
                num[i] += static_cast<double>(r.unmet);
                den[i] += static_cast<double>(r.wanting);
            }
        }
        for (std::size_t i = 0; i < n; ++i)
            if (den[i] > 0) m.value[i] = 100.0 * num[i] / den[i];
        m.lo = 0;
        m.hi = 100;
        m.higher_is_better = metric == MapMetric::Coverage;
        m.available = true;
        return m;
    }
    }
    return m;
}

Rgba metric_colour(double t) {
    // light yellow → orange → red → dark red
    static constexpr std::array<Rgba, 5> stops{{{255, 245, 178, 255},
                                                {254, 204, 92, 255},
                                                {253, 141, 60, 255},
                                                {227, 26, 28, 255},
                                                {128, 0, 38, 255}}};
    if (!std::isfinite(t)) t = 0;
    t = std::clamp(t, 0.0, 1.0) * static_cast<double>(stops.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(t), stops.size() - 2);
    const double f = t - static_cast<double>(i);
    Rgba out{};
    for (std::size_t k = 0; k < 4; ++k)
        out[k] =
            static_cast<std::uint8_t>(std::lround(stops[i][k] * (1 - f) + stops[i + 1][k] * f));
    out[3] = 225;
    return out;
}

Rgba commune_metric_colour(const MetricValues& m, double value) {
    if (!std::isfinite(value)) return {110, 110, 120, 200};
    double t = (value - m.lo) / (m.hi - m.lo);
    if (m.higher_is_better) t = 1 - t; // the bad end is always the dark one
    return metric_colour(t);
}

} // namespace riposte::gui
