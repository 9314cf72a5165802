#pragma once
// Travel times on the territory's road graph (shortest paths, Boost.Graph inside sim/model).
// Only what the model needs is computed: one shortest-path tree per source commune (the
// communes that hold centres or professionals' homes), never a full all-pairs matrix.
#include "riposte/scenario.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace riposte {

constexpr double unlimited_minutes = std::numeric_limits<double>::infinity();

/// Minutes from one source commune to the communes it reaches, kept sparse: only the finite
/// entries of a search (a national territory has 35,000 communes, a 60-minute search reaches a
/// few hundred to a few thousand). Same values as the dense search, read the same way:
/// `row[commune]` is infinity for a commune beyond reach.
class TravelRow {
  public:
    TravelRow() = default;
    /// Keeps the finite entries of a dense row (index = commune), in commune order.
    explicit TravelRow(const std::vector<double>& dense);

    /// Minutes to `commune`; infinity when beyond reach (a binary search).
    [[nodiscard]] double operator[](std::size_t commune) const {
        const auto it = std::lower_bound(communes_.begin(), communes_.end(),
                                         static_cast<std::int32_t>(commune));
        if (it == communes_.end() || *it != static_cast<std::int32_t>(commune))
            return std::numeric_limits<double>::infinity();
        return minutes_[static_cast<std::size_t>(it - communes_.begin())];
    }
    /// The communes reached, ascending, and their minutes (same order).
    [[nodiscard]] const std::vector<std::int32_t>& communes() const { return communes_; }
    [[nodiscard]] const std::vector<double>& minutes() const { return minutes_; }
    [[nodiscard]] std::size_t reached() const { return communes_.size(); }

  private:
    std::vector<std::int32_t> communes_;
    std::vector<double> minutes_;
};

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
    /// The same search kept sparse: only the communes within `cutoff` (and reachable).
    [[nodiscard]] TravelRow reach_from(int source, double cutoff = unlimited_minutes) const;
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
