#pragma once
// Travel times on the territory's road graph (shortest paths, Boost.Graph inside sim/model).
// Only what the model needs is computed: one shortest-path tree per source commune (the
// communes that hold centres or professionals' homes), never a full all-pairs matrix.
#include "riposte/scenario.hpp"

#include <vector>

namespace riposte {

/// Minutes from `source` to every commune (infinity when unreachable).
std::vector<double> travel_minutes_from(const Territory& territory, int source);

/// Shortest-path trees from several sources at once: result[i][c] = minutes sources[i] → c.
std::vector<std::vector<double>> travel_minutes_from(const Territory& territory,
                                                     const std::vector<int>& sources);

/// Number of connected components of the road graph (1 = everything reachable).
int connected_parts(const Territory& territory);

/// Great-circle distance in km (haversine, mean Earth radius 6371.0088 km).
double great_circle_km(double lat1, double lon1, double lat2, double lon2);

} // namespace riposte
