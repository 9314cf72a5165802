#pragma once
// Travel times on the territory's road graph (shortest paths, Boost.Graph inside sim/model).
// Only what the model needs is computed: one shortest-path tree per source commune (the
// communes that hold centres or professionals' homes), never a full all-pairs matrix.
#include "riposte/scenario.hpp"

#include <limits>
#include <memory>
#include <vector>

namespace riposte {

constexpr double unlimited_minutes = std::numeric_limits<double>::infinity();

/// The road graph, built once, answering shortest-path questions.
class TravelGraph {
  public:
    explicit TravelGraph(const Territory& territory);
    ~TravelGraph();
    TravelGraph(TravelGraph&&) noexcept;
    TravelGraph& operator=(TravelGraph&&) noexcept;

    /// Minutes from `source` to every commune; communes farther than `cutoff` (and unreachable
    /// ones) are infinity. A finite cutoff stops the search early (large territories).
    [[nodiscard]] std::vector<double> minutes_from(int source,
                                                   double cutoff = unlimited_minutes) const;
    /// Minutes from each commune to the nearest of `sources` (one multi-source search).
    [[nodiscard]] std::vector<double> nearest_of(const std::vector<int>& sources) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Minutes from `source` to every commune (infinity when unreachable).
std::vector<double> travel_minutes_from(const Territory& territory, int source);

/// Shortest-path trees from several sources at once: result[i][c] = minutes sources[i] → c.
std::vector<std::vector<double>> travel_minutes_from(const Territory& territory,
                                                     const std::vector<int>& sources,
                                                     double cutoff = unlimited_minutes);

/// Number of connected components of the road graph (1 = everything reachable).
int connected_parts(const Territory& territory);

/// Great-circle distance in km (haversine, mean Earth radius 6371.0088 km).
double great_circle_km(double lat1, double lon1, double lat2, double lon2);

} // namespace riposte
