#include "riposte/territory.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <cmath>
#include <functional>
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

struct SearchDone {};

/// Stops the search once the next vertex to settle is beyond the cutoff.
class CutoffVisitor : public boost::default_dijkstra_visitor {
  public:
    CutoffVisitor(const std::vector<double>* dist, double cutoff) : dist_(dist), cutoff_(cutoff) {}
    template <class Vertex, class G> void examine_vertex(Vertex u, const G&) {
        if ((*dist_)[u] > cutoff_) throw SearchDone{};
    }

  private:
    const std::vector<double>* dist_;
    double cutoff_;
};

} // namespace

struct TravelGraph::Impl {
    Graph g;
    std::vector<double> search(const std::size_t* first, const std::size_t* last,
                               double cutoff) const {
        const std::size_t n = boost::num_vertices(g);
        constexpr double inf = std::numeric_limits<double>::infinity();
        std::vector<double> dist(n, inf);
        std::vector<std::size_t> pred(n);
        auto index = boost::get(boost::vertex_index, g);
        try {
            boost::dijkstra_shortest_paths(
                g, first, last, boost::make_iterator_property_map(pred.begin(), index),
                boost::make_iterator_property_map(dist.begin(), index),
                boost::get(boost::edge_weight, g), index, std::less<double>(), std::plus<double>(),
                inf, 0.0, CutoffVisitor(&dist, cutoff));
        } catch (const SearchDone&) {
            // vertices not settled yet may hold tentative distances: keep only the settled
            for (double& d : dist)
                if (d > cutoff) d = inf;
        }
        return dist;
    }
};

TravelGraph::TravelGraph(const Territory& territory) : impl_(std::make_unique<Impl>()) {
    impl_->g = make_graph(territory);
}
TravelGraph::~TravelGraph() = default;
TravelGraph::TravelGraph(TravelGraph&&) noexcept = default;
TravelGraph& TravelGraph::operator=(TravelGraph&&) noexcept = default;

std::vector<double> TravelGraph::minutes_from(int source, double cutoff) const {
    const auto s = static_cast<std::size_t>(source);
    return impl_->search(&s, &s + 1, cutoff);
}

TravelRow::TravelRow(const std::vector<double>& dense) {
    std::size_t n = 0;
    for (double d : dense)
        if (std::isfinite(d)) ++n;
    communes_.reserve(n);
    minutes_.reserve(n);
    for (std::size_t m = 0; m < dense.size(); ++m)
        if (std::isfinite(dense[m])) {
            communes_.push_back(static_cast<std::int32_t>(m));
            minutes_.push_back(dense[m]);
        }
}

TravelRow TravelGraph::reach_from(int source, double cutoff) const {
    return TravelRow(minutes_from(source, cutoff));
}

std::vector<double> TravelGraph::nearest_of(const std::vector<int>& sources) const {
    std::vector<std::size_t> s(sources.begin(), sources.end());
    if (s.empty())
        return std::vector<double>(boost::num_vertices(impl_->g),
                                   std::numeric_limits<double>::infinity());
    return impl_->search(s.data(), s.data() + s.size(), std::numeric_limits<double>::infinity());
}

std::vector<double> travel_minutes_from(const Territory& territory, int source) {
    return TravelGraph(territory).minutes_from(source);
}

std::vector<std::vector<double>>
travel_minutes_from(const Territory& territory, const std::vector<int>& sources, double cutoff) {
    const TravelGraph g(territory);
    std::vector<std::vector<double>> out;
    out.reserve(sources.size());
    for (int s : sources) out.push_back(g.minutes_from(s, cutoff));
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
