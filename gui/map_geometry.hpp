#pragma once
// The map's plain geometry (no SFML, no ImGui): communes projected to a flat plane, their disc
// radii, the camera that maps that plane to window pixels, and hit testing. Shared by the
// SFML map drawing (map_view) and the ImGui overlay (labels, tooltips).
#include "riposte/scenario.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace riposte::gui {

/// A point on the map plane: kilometres east (x) and south (y) of the territory's centre.
struct MapPoint {
    double x = 0, y = 0;
};

/// An overseas territory drawn in a framed box beside the mainland, with its own projection
/// (its own centre and scale): a composite map, as printed maps of France show them.
struct MapInset {
    std::string code; ///< the INSEE code's first three characters ("971": Guadeloupe)
    MapPoint lo, hi;  ///< the frame on the map plane
    double scale = 1; ///< plane km per real km inside the frame
    int communes = 0; ///< how many communes it holds
};

struct MapGeometry {
    std::vector<MapPoint> commune_pos;
    std::vector<double> commune_radius;               ///< km; area proportional to the population
    std::vector<std::vector<int>> centres_in_commune; ///< plan centre indices, per commune
    std::vector<int> by_population;          ///< commune indices, most populous first (labels)
    std::vector<std::int64_t> population;    ///< per commune (never negative)
    std::vector<int> commune_inset;          ///< index in `insets`, -1 on the mainland
    std::vector<MapInset> insets;            ///< overseas frames (empty for a mainland territory)
    MapPoint min{0, 0}, max{0, 0};           ///< bounding box of the discs and the frames
    MapPoint main_min{0, 0}, main_max{0, 0}; ///< bounding box of the mainland's communes
    double max_radius = 0;                   ///< largest commune_radius
    double spacing = 1; ///< km between neighbouring communes, typically (mainland)

    /// A uniform grid over the plane, built once per world: the communes of each cell
    /// (culling, hit testing and aggregation look at the cells in view only).
    MapPoint grid_origin{0, 0};
    double grid_cell = 1; ///< km
    int grid_w = 0, grid_h = 0;
    std::vector<int> grid_start; ///< grid_w·grid_h + 1 offsets into grid_items
    std::vector<int> grid_items; ///< commune indices, cell by cell
    /// Roads per commune (both directions): neighbours of i are road_to[road_start[i] ..
    /// road_start[i+1]).
    std::vector<int> road_start, road_to;

    [[nodiscard]] bool empty() const { return commune_pos.empty(); }
    /// Calls f(commune) for every commune whose position lies in [lo, hi] (grid cells
    /// overlapping the rectangle, then an exact test).
    template <typename F> void for_each_in(MapPoint lo, MapPoint hi, F&& f) const {
        if (grid_w <= 0 || grid_h <= 0) return;
        const int x0 = cell_x(lo.x), x1 = cell_x(hi.x), y0 = cell_y(lo.y), y1 = cell_y(hi.y);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                const auto cell = static_cast<std::size_t>(y * grid_w + x);
                for (int k = grid_start[cell]; k < grid_start[cell + 1]; ++k) {
                    const int i = grid_items[static_cast<std::size_t>(k)];
                    const MapPoint p = commune_pos[static_cast<std::size_t>(i)];
                    if (p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y) f(i);
                }
            }
    }
    [[nodiscard]] int cell_x(double x) const;
    [[nodiscard]] int cell_y(double y) const;
};

/// Equirectangular projection around the territory's mean latitude (fine at CPTS scale).
/// Overseas communes (INSEE 97x) of a territory whose most populous part is elsewhere go to
/// insets: one framed box per 97x code, left of the mainland, two columns, each with its own
/// projection fitted to the frame. Radii: r = k·sqrt(population), k chosen so the discs cover
/// about a sixth of the bounding box, clamped so small communes stay visible and large ones do
/// not swallow the map.
MapGeometry build_map_geometry(const Scenario& scenario);

/// Pixels kept clear around the map when fitting it (panels, menu bar).
struct ScreenInsets {
    double left = 0, top = 0, right = 0, bottom = 0;
};

/// Maps the map plane to window pixels: pixel = (point - centre) · scale + viewport / 2.
struct MapCamera {
    MapPoint centre;
    double scale = 1;             ///< pixels per km
    double width = 1, height = 1; ///< viewport, pixels

    [[nodiscard]] MapPoint to_screen(MapPoint p) const;
    [[nodiscard]] MapPoint to_map(MapPoint pixel) const;
    /// Shows the whole geometry inside the viewport less `insets`; returns the scale chosen.
    double fit(const MapGeometry& geometry, ScreenInsets insets);
    /// Moves the map by a drag of (dx, dy) pixels.
    void pan_pixels(double dx, double dy);
    /// Zooms by `factor` (> 1: closer) keeping the point under `pixel` in place. The scale is
    /// clamped to [min_scale, max_scale].
    void zoom_at(MapPoint pixel, double factor, double min_scale, double max_scale);
    /// New viewport size; the map centre stays in the middle.
    void resize(double new_width, double new_height);
};

/// Disc radius in pixels: the geometric one, never under `min_pixels` so every commune shows,
/// never over max_commune_radius_px (a zoomed town is a marker, not a sheet over the map).
double commune_radius_pixels(const MapGeometry& g, const MapCamera& cam, int commune,
                             double min_pixels);

/// The commune whose disc (enlarged by `slack` pixels) contains `pixel`, the nearest centre
/// winning; -1 if none.
int find_commune_at(const MapGeometry& g, const MapCamera& cam, MapPoint pixel,
                    double min_radius_pixels, double slack);

/// Colours shared by the SFML map and the ImGui legend (RGBA).
using Rgba = std::array<std::uint8_t, 4>;
namespace map_colours {
inline constexpr Rgba background{24, 29, 38, 255};
inline constexpr Rgba road{92, 104, 122, 255};
inline constexpr Rgba commune{78, 148, 210, 200};
inline constexpr Rgba centre_outline{245, 245, 245, 255};
inline constexpr Rgba vaccination{72, 196, 120, 255};
inline constexpr Rgba testing{240, 160, 56, 255};
inline constexpr Rgba both{186, 118, 232, 255};
} // namespace map_colours

Rgba centre_colour(CentreKind kind);

/// Sizes in pixels, whatever the zoom.
inline constexpr double min_commune_radius_px = 2.5;
inline constexpr double max_commune_radius_px = 36.0;
inline constexpr double centre_marker_half_px = 6.0;
} // namespace riposte::gui
