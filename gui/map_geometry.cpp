#include "map_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace riposte::gui {
namespace {

constexpr double km_per_degree_lat = 110.574;
constexpr double km_per_degree_lon_at_equator = 111.320;

} // namespace

MapGeometry build_map_geometry(const Scenario& scenario) {
    MapGeometry g;
    const auto& communes = scenario.world.territory.communes;
    const std::size_t n = communes.size();
    g.centres_in_commune.resize(n);
    for (std::size_t c = 0; c < scenario.plan.centres.size(); ++c) {
        const int commune = scenario.plan.centres[c].commune;
        if (commune >= 0 && static_cast<std::size_t>(commune) < n)
            g.centres_in_commune[static_cast<std::size_t>(commune)].push_back(static_cast<int>(c));
    }
    if (n == 0) return g;

    double lat_sum = 0, lon_sum = 0;
    for (const auto& c : communes) {
        lat_sum += c.lat;
        lon_sum += c.lon;
    }
    const double lat0 = lat_sum / static_cast<double>(n);
    const double lon0 = lon_sum / static_cast<double>(n);
    const double kx = km_per_degree_lon_at_equator * std::cos(lat0 * std::numbers::pi / 180.0);

    g.commune_pos.reserve(n);
    MapPoint lo{1e300, 1e300}, hi{-1e300, -1e300};
    double population = 0;
    for (const auto& c : communes) {
        const MapPoint p{(c.lon - lon0) * kx, -(c.lat - lat0) * km_per_degree_lat};
        g.commune_pos.push_back(p);
        lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
        hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
        population += static_cast<double>(std::max<std::int64_t>(c.population, 0));
    }

    // A territory of one commune (or all at one point) still gets a sensible extent.
    const double extent = std::max({hi.x - lo.x, hi.y - lo.y, 2.0});
    const double area = std::max(hi.x - lo.x, extent * 0.25) * std::max(hi.y - lo.y, extent * 0.25);
    const double k = population > 0 ? std::sqrt(area / 6.0 / (std::numbers::pi * population)) : 0;
    const double r_min = extent * 0.004, r_max = extent * 0.08;

    g.commune_radius.reserve(n);
    g.min = {1e300, 1e300};
    g.max = {-1e300, -1e300};
    for (std::size_t i = 0; i < n; ++i) {
        const double pop = static_cast<double>(std::max<std::int64_t>(communes[i].population, 0));
        const double r = std::clamp(k * std::sqrt(pop), r_min, r_max);
        g.commune_radius.push_back(r);
        const MapPoint p = g.commune_pos[i];
        g.min = {std::min(g.min.x, p.x - r), std::min(g.min.y, p.y - r)};
        g.max = {std::max(g.max.x, p.x + r), std::max(g.max.y, p.y + r)};
    }
    g.by_population.resize(n);
    for (std::size_t i = 0; i < n; ++i) g.by_population[i] = static_cast<int>(i);
    std::stable_sort(g.by_population.begin(), g.by_population.end(), [&](int a, int b) {
        return communes[static_cast<std::size_t>(a)].population >
               communes[static_cast<std::size_t>(b)].population;
    });
    return g;
}

MapPoint MapCamera::to_screen(MapPoint p) const {
    return {(p.x - centre.x) * scale + width / 2, (p.y - centre.y) * scale + height / 2};
}

MapPoint MapCamera::to_map(MapPoint pixel) const {
    return {(pixel.x - width / 2) / scale + centre.x, (pixel.y - height / 2) / scale + centre.y};
}

double MapCamera::fit(const MapGeometry& geometry, ScreenInsets insets) {
    if (geometry.empty()) {
        centre = {0, 0};
        scale = 1;
        return scale;
    }
    // Keep at least a third of the viewport for the map, whatever the insets.
    const double avail_w = std::max(width - insets.left - insets.right, width / 3);
    const double avail_h = std::max(height - insets.top - insets.bottom, height / 3);
    const double left = std::min(insets.left, width - avail_w);
    const double top = std::min(insets.top, height - avail_h);
    const double w = std::max(geometry.max.x - geometry.min.x, 1e-6);
    const double h = std::max(geometry.max.y - geometry.min.y, 1e-6);
    scale = std::min(avail_w / w, avail_h / h);
    // The geometry's middle goes to the middle of the free area.
    const MapPoint mid{(geometry.min.x + geometry.max.x) / 2,
                       (geometry.min.y + geometry.max.y) / 2};
    const MapPoint free_mid{left + avail_w / 2, top + avail_h / 2};
    centre = {mid.x - (free_mid.x - width / 2) / scale, mid.y - (free_mid.y - height / 2) / scale};
    return scale;
}

void MapCamera::pan_pixels(double dx, double dy) {
    centre.x -= dx / scale;
    centre.y -= dy / scale;
}

void MapCamera::zoom_at(MapPoint pixel, double factor, double min_scale, double max_scale) {
    if (!(factor > 0) || !std::isfinite(factor)) return;
    const MapPoint anchor = to_map(pixel);
    scale = std::clamp(scale * factor, min_scale, max_scale);
    // Move the centre so `anchor` is back under `pixel`.
    centre.x = anchor.x - (pixel.x - width / 2) / scale;
    centre.y = anchor.y - (pixel.y - height / 2) / scale;
}

void MapCamera::resize(double new_width, double new_height) {
    width = std::max(new_width, 1.0);
    height = std::max(new_height, 1.0);
}

double commune_radius_pixels(const MapGeometry& g, const MapCamera& cam, int commune,
                             double min_pixels) {
    return std::max(g.commune_radius[static_cast<std::size_t>(commune)] * cam.scale, min_pixels);
}

int find_commune_at(const MapGeometry& g, const MapCamera& cam, MapPoint pixel,
                    double min_radius_pixels, double slack) {
    int best = -1;
    double best_d2 = 0;
    for (std::size_t i = 0; i < g.commune_pos.size(); ++i) {
        const MapPoint s = cam.to_screen(g.commune_pos[i]);
        const double dx = s.x - pixel.x, dy = s.y - pixel.y;
        const double d2 = dx * dx + dy * dy;
        const double r =
            commune_radius_pixels(g, cam, static_cast<int>(i), min_radius_pixels) + slack;
        if (d2 <= r * r && (best < 0 || d2 < best_d2)) {
            best = static_cast<int>(i);
            best_d2 = d2;
        }
    }
    return best;
}

Rgba centre_colour(CentreKind kind) {
    switch (kind) {
    case CentreKind::Vaccination:
        return map_colours::vaccination;
    case CentreKind::Testing:
        return map_colours::testing;
    case CentreKind::Both:
        return map_colours::both;
    }
    return map_colours::both;
}

MapPoint centre_marker_offset(std::size_t k, std::size_t count_in_commune) {
    const double first = -0.5 * static_cast<double>(count_in_commune - 1) * centre_marker_gap_px;
    return {first + static_cast<double>(k) * centre_marker_gap_px, 0};
}

MapPoint centre_marker_screen(const MapGeometry& g, const MapCamera& cam, const Scenario& s,
                              int centre) {
    const Centre& def = s.plan.centres[static_cast<std::size_t>(centre)];
    const auto commune = static_cast<std::size_t>(def.commune);
    const auto& here = g.centres_in_commune[commune];
    std::size_t k = 0;
    while (k < here.size() && here[k] != centre) ++k;
    const MapPoint p = cam.to_screen(g.commune_pos[commune]);
    const MapPoint off = centre_marker_offset(k, here.size());
    return {p.x + off.x, p.y + off.y};
}

} // namespace riposte::gui
