#include "map_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace riposte::gui {
namespace {

constexpr double km_per_degree_lat = 110.574;
constexpr double km_per_degree_lon_at_equator = 111.320;

} // namespace

namespace {

/// The part a commune belongs to: its INSEE code's first three characters for an overseas
/// commune ("971".."978"), empty for the mainland (Corsica included).
std::string part_of(const Commune& c) {
    if (c.insee.size() >= 3 && c.insee[0] == '9' && c.insee[1] == '7') return c.insee.substr(0, 3);
    return {};
}

struct Projection {
    double lat0 = 0, lon0 = 0, kx = km_per_degree_lon_at_equator;
    [[nodiscard]] MapPoint operator()(const Commune& c) const {
        return {(c.lon - lon0) * kx, -(c.lat - lat0) * km_per_degree_lat};
    }
};

Projection projection_around(const std::vector<Commune>& communes, const std::vector<int>& which) {
    Projection p;
    if (which.empty()) return p;
    double lat = 0, lon = 0;
    for (int i : which) {
        lat += communes[static_cast<std::size_t>(i)].lat;
        lon += communes[static_cast<std::size_t>(i)].lon;
    }
    p.lat0 = lat / static_cast<double>(which.size());
    p.lon0 = lon / static_cast<double>(which.size());
    p.kx = km_per_degree_lon_at_equator * std::cos(p.lat0 * std::numbers::pi / 180.0);
    return p;
}

void build_grid(MapGeometry& g) {
    const std::size_t n = g.commune_pos.size();
    MapPoint lo{1e300, 1e300}, hi{-1e300, -1e300};
    for (const MapPoint& p : g.commune_pos) {
        lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
        hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
    }
    const double w = std::max(hi.x - lo.x, 1e-3), h = std::max(hi.y - lo.y, 1e-3);
    // About four communes per cell on average, at most 512 cells a side.
    double cell = std::sqrt(w * h * 4.0 / static_cast<double>(std::max<std::size_t>(n, 1)));
    cell = std::max({cell, w / 512, h / 512, 1e-3});
    g.grid_origin = lo;
    g.grid_cell = cell;
    g.grid_w = static_cast<int>(std::floor(w / cell)) + 1;
    g.grid_h = static_cast<int>(std::floor(h / cell)) + 1;
    const auto cells = static_cast<std::size_t>(g.grid_w) * static_cast<std::size_t>(g.grid_h);
    g.grid_start.assign(cells + 1, 0);
    std::vector<std::size_t> cell_of(n);
    for (std::size_t i = 0; i < n; ++i) {
        const MapPoint p = g.commune_pos[i];
        cell_of[i] = static_cast<std::size_t>(g.cell_y(p.y)) * static_cast<std::size_t>(g.grid_w) +
                     static_cast<std::size_t>(g.cell_x(p.x));
        ++g.grid_start[cell_of[i] + 1];
    }
    for (std::size_t c = 0; c < cells; ++c) g.grid_start[c + 1] += g.grid_start[c];
    g.grid_items.assign(n, 0);
    std::vector<int> fill(g.grid_start.begin(), g.grid_start.end() - 1);
    for (std::size_t i = 0; i < n; ++i)
        g.grid_items[static_cast<std::size_t>(fill[cell_of[i]]++)] = static_cast<int>(i);
}

} // namespace

int MapGeometry::cell_x(double x) const {
    const double c = std::floor((x - grid_origin.x) / grid_cell);
    return static_cast<int>(std::clamp(c, 0.0, static_cast<double>(grid_w - 1)));
}

int MapGeometry::cell_y(double y) const {
    const double c = std::floor((y - grid_origin.y) / grid_cell);
    return static_cast<int>(std::clamp(c, 0.0, static_cast<double>(grid_h - 1)));
}

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

    // The parts: the mainland is the most populous one; every other becomes an inset.
    std::vector<std::string> part_names;
    std::vector<std::vector<int>> part_members;
    std::vector<double> part_population;
    std::vector<int> part_of_commune(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string part = part_of(communes[i]);
        auto it = std::find(part_names.begin(), part_names.end(), part);
        if (it == part_names.end()) {
            part_names.push_back(part);
            part_members.emplace_back();
            part_population.push_back(0);
            it = part_names.end() - 1;
        }
        const auto k = static_cast<std::size_t>(it - part_names.begin());
        part_of_commune[i] = static_cast<int>(k);
        part_members[k].push_back(static_cast<int>(i));
        part_population[k] +=
            static_cast<double>(std::max<std::int64_t>(communes[i].population, 0));
    }
    const auto main_part = static_cast<std::size_t>(
        std::max_element(part_population.begin(), part_population.end()) - part_population.begin());

    g.commune_pos.assign(n, MapPoint{});
    g.commune_inset.assign(n, -1);
    g.population.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        g.population[i] = std::max<std::int64_t>(communes[i].population, 0);
    const Projection main_projection = projection_around(communes, part_members[main_part]);
    MapPoint lo{1e300, 1e300}, hi{-1e300, -1e300};
    for (int i : part_members[main_part]) {
        const MapPoint p = main_projection(communes[static_cast<std::size_t>(i)]);
        g.commune_pos[static_cast<std::size_t>(i)] = p;
        lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
        hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
    }
    if (lo.x > hi.x) lo = hi = {0, 0};
    g.main_min = lo;
    g.main_max = hi;

    // Insets, sorted by code, in two columns left of the mainland (one column for one or two).
    std::vector<std::size_t> inset_parts;
    for (std::size_t k = 0; k < part_names.size(); ++k)
        if (k != main_part) inset_parts.push_back(k);
    std::sort(inset_parts.begin(), inset_parts.end(),
              [&](std::size_t a, std::size_t b) { return part_names[a] < part_names[b]; });
    if (!inset_parts.empty()) {
        const double main_h = std::max({hi.y - lo.y, hi.x - lo.x, 20.0});
        const std::size_t columns = inset_parts.size() > 2 ? 2 : 1;
        const std::size_t rows = (inset_parts.size() + columns - 1) / columns;
        const double gap = main_h * 0.04;
        const double box =
            std::min((main_h - gap * static_cast<double>(rows - 1)) / static_cast<double>(rows),
                     main_h * 0.4);
        const double pad = box * 0.1;
        for (std::size_t r = 0; r < inset_parts.size(); ++r) {
            const std::size_t k = inset_parts[r];
            const std::size_t col = r % columns, row = r / columns;
            MapInset inset;
            inset.code = part_names[k];
            inset.communes = static_cast<int>(part_members[k].size());
            // the right column ends 2 gaps left of the mainland
            const auto from_right = static_cast<double>(columns - col);
            inset.lo = {lo.x - 2 * gap - from_right * box - (from_right - 1) * gap,
                        lo.y + static_cast<double>(row) * (box + gap)};
            inset.hi = {inset.lo.x + box, inset.lo.y + box};
            const Projection local = projection_around(communes, part_members[k]);
            MapPoint llo{1e300, 1e300}, lhi{-1e300, -1e300};
            for (int i : part_members[k]) {
                const MapPoint p = local(communes[static_cast<std::size_t>(i)]);
                llo = {std::min(llo.x, p.x), std::min(llo.y, p.y)};
                lhi = {std::max(lhi.x, p.x), std::max(lhi.y, p.y)};
            }
            // Its own scale: the territory fills the frame (a 30 km square at least).
            const double extent = std::max({lhi.x - llo.x, lhi.y - llo.y, 30.0});
            inset.scale = (box - 2 * pad) / extent;
            const MapPoint mid{(llo.x + lhi.x) / 2, (llo.y + lhi.y) / 2};
            const MapPoint frame_mid{(inset.lo.x + inset.hi.x) / 2, (inset.lo.y + inset.hi.y) / 2};
            const int index = static_cast<int>(g.insets.size());
            for (int i : part_members[k]) {
                const MapPoint p = local(communes[static_cast<std::size_t>(i)]);
                g.commune_pos[static_cast<std::size_t>(i)] = {
                    frame_mid.x + (p.x - mid.x) * inset.scale,
                    frame_mid.y + (p.y - mid.y) * inset.scale};
                g.commune_inset[static_cast<std::size_t>(i)] = index;
            }
            g.insets.push_back(std::move(inset));
        }
    }

    MapPoint all_lo = lo, all_hi = hi;
    for (const MapPoint& p : g.commune_pos) {
        all_lo = {std::min(all_lo.x, p.x), std::min(all_lo.y, p.y)};
        all_hi = {std::max(all_hi.x, p.x), std::max(all_hi.y, p.y)};
    }
    double population = 0;
    for (std::int64_t p : g.population) population += static_cast<double>(p);

    // A territory of one commune (or all at one point) still gets a sensible extent.
    const double extent = std::max({all_hi.x - all_lo.x, all_hi.y - all_lo.y, 2.0});
    const double area =
        std::max(all_hi.x - all_lo.x, extent * 0.25) * std::max(all_hi.y - all_lo.y, extent * 0.25);
    const double k = population > 0 ? std::sqrt(area / 6.0 / (std::numbers::pi * population)) : 0;
    // Bounds from the extent (a CPTS of fifty communes), and from the spacing of the communes
    // (France: 35,000 communes four kilometres apart would be a soup of discs).
    const double main_area = std::max(hi.x - lo.x, 1.0) * std::max(hi.y - lo.y, 1.0);
    g.spacing = std::sqrt(main_area / static_cast<double>(part_members[main_part].size()));
    const double r_min = std::min(extent * 0.004, 0.1 * g.spacing);
    const double r_max = std::min(extent * 0.08, 4 * g.spacing);

    g.commune_radius.reserve(n);
    g.min = {1e300, 1e300};
    g.max = {-1e300, -1e300};
    for (std::size_t i = 0; i < n; ++i) {
        const double r =
            std::clamp(k * std::sqrt(static_cast<double>(g.population[i])), r_min, r_max);
        g.commune_radius.push_back(r);
        g.max_radius = std::max(g.max_radius, r);
        const MapPoint p = g.commune_pos[i];
        g.min = {std::min(g.min.x, p.x - r), std::min(g.min.y, p.y - r)};
        g.max = {std::max(g.max.x, p.x + r), std::max(g.max.y, p.y + r)};
    }
    for (const MapInset& inset : g.insets) {
        g.min = {std::min(g.min.x, inset.lo.x), std::min(g.min.y, inset.lo.y)};
        g.max = {std::max(g.max.x, inset.hi.x), std::max(g.max.y, inset.hi.y)};
    }
    g.by_population.resize(n);
    for (std::size_t i = 0; i < n; ++i) g.by_population[i] = static_cast<int>(i);
    std::stable_sort(g.by_population.begin(), g.by_population.end(), [&](int a, int b) {
        return g.population[static_cast<std::size_t>(a)] >
               g.population[static_cast<std::size_t>(b)];
    });

    build_grid(g);
    // roads, both directions, in CSR form
    const auto& edges = scenario.world.territory.edges;
    const auto ni = static_cast<int>(n);
    g.road_start.assign(n + 1, 0);
    for (const RoadEdge& e : edges)
        if (e.a >= 0 && e.b >= 0 && e.a < ni && e.b < ni && e.a != e.b) {
            ++g.road_start[static_cast<std::size_t>(e.a) + 1];
            ++g.road_start[static_cast<std::size_t>(e.b) + 1];
        }
    for (std::size_t i = 0; i < n; ++i) g.road_start[i + 1] += g.road_start[i];
    g.road_to.assign(static_cast<std::size_t>(g.road_start[n]), 0);
    std::vector<int> fill(g.road_start.begin(), g.road_start.end() - 1);
    for (const RoadEdge& e : edges)
        if (e.a >= 0 && e.b >= 0 && e.a < ni && e.b < ni && e.a != e.b) {
            g.road_to[static_cast<std::size_t>(fill[static_cast<std::size_t>(e.a)]++)] = e.b;
            g.road_to[static_cast<std::size_t>(fill[static_cast<std::size_t>(e.b)]++)] = e.a;
        }
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
    return std::clamp(g.commune_radius[static_cast<std::size_t>(commune)] * cam.scale, min_pixels,
                      std::max(min_pixels, max_commune_radius_px));
}

int find_commune_at(const MapGeometry& g, const MapCamera& cam, MapPoint pixel,
                    double min_radius_pixels, double slack) {
    if (g.empty() || !(cam.scale > 0)) return -1;
    const double reach_px =
        std::max(std::min(g.max_radius * cam.scale, max_commune_radius_px), min_radius_pixels) +
        slack;
    const MapPoint at = cam.to_map(pixel);
    const double reach = reach_px / cam.scale;
    int best = -1;
    double best_d2 = 0;
    g.for_each_in({at.x - reach, at.y - reach}, {at.x + reach, at.y + reach}, [&](int i) {
        const MapPoint s = cam.to_screen(g.commune_pos[static_cast<std::size_t>(i)]);
        const double dx = s.x - pixel.x, dy = s.y - pixel.y;
        const double d2 = dx * dx + dy * dy;
        const double r = commune_radius_pixels(g, cam, i, min_radius_pixels) + slack;
        if (d2 <= r * r && (best < 0 || d2 < best_d2 || (d2 == best_d2 && i < best))) {
            best = i;
            best_d2 = d2;
        }
    });
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

} // namespace riposte::gui
