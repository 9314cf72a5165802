#include "riposte/territory.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <cmath>
#include <limits>

namespace riposte {

namespace {

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

Graph make_graph(const Territory& t) {
    Graph g(t.communes.size());
    for (const auto& e : t.edges)
        boost::add_edge(static_cast<std::size_t>(e.a), static_cast<std::size_t>(e.b), e.minutes, g);
    return g;
}

std::vector<double> dijkstra(const Graph& g, int source) {
    std::vector<double> dist(boost::num_vertices(g), std::numeric_limits<double>::infinity());
    boost::dijkstra_shortest_paths(
        g, static_cast<std::size_t>(source),
        boost::distance_map(
            boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, g)))
            .distance_inf(std::numeric_limits<double>::infinity()));
    return dist;
}

} // namespace

std::vector<double> travel_minutes_from(const Territory& territory, int source) {
    return dijkstra(make_graph(territory), source);
}

std::vector<std::vector<double>> travel_minutes_from(const Territory& territory,
                                                     const std::vector<int>& sources) {
    const Graph g = make_graph(territory);
    std::vector<std::vector<double>> out;
    out.reserve(sources.size());
    for (int s : sources) out.push_back(dijkstra(g, s));
    return out;
}

int connected_parts(const Territory& territory) {
    if (territory.communes.empty()) return 0;
    const Graph g = make_graph(territory);
    std::vector<int> comp(boost::num_vertices(g));
    return static_cast<int>(boost::connected_components(g, comp.data()));
}

double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double r = 6371.0088;
    constexpr double rad = 3.14159265358979323846 / 180.0;
    const double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    const double a =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * r * std::asin(std::min(1.0, std::sqrt(a)));
}

} // namespace riposte
