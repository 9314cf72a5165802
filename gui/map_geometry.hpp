#pragma once
// The map's plain geometry (no SFML, no ImGui): communes projected to a flat plane, their disc
// radii, the camera that maps that plane to window pixels, and hit testing. Shared by the
// SFML map drawing (map_view) and the ImGui overlay (labels, tooltips).
#include "riposte/scenario.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace riposte::gui {

/// A point on the map plane: kilometres east (x) and south (y) of the territory's centre.
struct MapPoint {
    double x = 0, y = 0;
};

struct MapGeometry {
    std::vector<MapPoint> commune_pos;
    std::vector<double> commune_radius;               ///< km; area proportional to the population
    std::vector<std::vector<int>> centres_in_commune; ///< plan centre indices, per commune
    std::vector<int> by_population; ///< commune indices, most populous first (labels)
    MapPoint min{0, 0}, max{0, 0};  ///< bounding box of the discs
    [[nodiscard]] bool empty() const { return commune_pos.empty(); }
};

/// Equirectangular projection around the territory's mean latitude (fine at CPTS scale).
/// Radii: r = k·sqrt(population), k chosen so the discs cover about a sixth of the bounding
/// box, clamped so small communes stay visible and large ones do not swallow the map.
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

/// Disc radius in pixels: the geometric one, never under `min_pixels` so every commune shows.
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
inline constexpr double centre_marker_half_px = 6.0;
inline constexpr double centre_marker_gap_px = 15.0; ///< between markers of one commune

/// Where the k-th centre of a commune is drawn, in pixels relative to the commune's centre.
MapPoint centre_marker_offset(std::size_t k, std::size_t count_in_commune);
/// Screen position of the marker of the plan's centre `centre` (its commune's disc, offset
/// among the commune's centres as the map draws them).
MapPoint centre_marker_screen(const MapGeometry& g, const MapCamera& cam, const Scenario& s,
                              int centre);

} // namespace riposte::gui
