#pragma once
// What the map shows for one view (plain C++, no SFML, no ImGui), shared by the SFML map
// (map_view: cells, discs, roads, markers) and the ImGui overlay (labels, counts, hover).
//
// Level of detail, decided by the zoom only (stable while panning):
//   - communes are binned in a grid of the plane whose cell is a power of two kilometres,
//     between 10 and 20 pixels on screen; a cell holding two communes or more is drawn as one
//     square coloured by the population-weighted metric (no disc soup); a commune alone in its
//     cell is drawn as its disc; roads join communes drawn as discs;
//   - the centres of a commune make one marker with their count; markers are binned the same
//     way in cells of 28 to 56 pixels, and a cell holding several communes' markers becomes one
//     cluster marker with the total count (a click zooms into it);
//   - commune names are placed greedily in screen space, most populous first (a commune with
//     centres counts more), each beside its disc or cell where it overlaps no other label, no
//     marker and no inset's title; an overseas commune's name stays inside its inset's frame;
//     a name that fits nowhere is not drawn.
//   - each inset's title sits at its frame's top left corner (its bottom left one when a
//     marker is there), placed before the names, when the frame is wide enough for it and a
//     corner is free.
// The scene covers the view plus an eighth of a screen around it, in tiles of the plane: it is
// recomputed only when the zoom, the tiles in view, the metric or the font change, and panning
// inside the tiles only moves it (labels do not drift).
#include "map_geometry.hpp"
#include "map_metric.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace riposte::gui {

struct SceneCell {
    MapPoint lo, hi; ///< on the plane
    Rgba colour{};
    std::int64_t population = 0;
    int communes = 0;
    int top = -1;     ///< its most populous commune
    double value = 0; ///< population-weighted metric (NaN: none)
};

struct SceneDisc {
    int commune = 0;
    float radius_px = 0;
    Rgba colour{};
};

struct SceneMarker {
    MapPoint at;              ///< on the plane: the commune it stands on
    int first = 0, count = 0; ///< its centres: MapScene::marker_centres[first, first + count)
    int communes = 1;         ///< communes gathered (1: the centres of one commune)
    int commune = -1;         ///< the commune it stands on
    Rgba colour{};
    float half_px = 6;          ///< half its side, pixels
    std::array<char, 8> text{}; ///< the centre count, empty for a single centre
};

/// A placed name: its text's top-left corner is to_screen(anchor) + (dx, dy).
struct SceneLabel {
    int commune = 0;
    MapPoint anchor;
    float dx = 0, dy = 0, w = 0, h = 0;
};

/// Where an inset's title is drawn: to_screen(inset.lo) + (dx, dy), inside the frame at one of
/// its corners clear of the markers, caption_dx from the side and caption_dy from the top or
/// the bottom, or else just below or above the frame.
inline constexpr float caption_dx = 4, caption_dy = 2;
/// The smaller font size (a share of the font's) a title falls back to when it fits nowhere
/// at the full size.
inline constexpr float caption_small = 0.8f;

/// An inset's title placed: the inset's index, its text's top-left corner from the frame's
/// top-left (dy < 0 above the frame, dy > the frame's height below it), in one line or two
/// (split_inset_title), at `scale` times the font size.
struct SceneCaption {
    int inset = 0;
    float dx = caption_dx;
    float dy = caption_dy;
    int lines = 1;
    float scale = 1;
};

/// A title on two lines: cut at the hyphen or space nearest its middle (a hyphen stays at the
/// end of the first line, a space goes); {title, ""} when it has neither.
std::pair<std::string, std::string> split_inset_title(const std::string& title);

struct MapScene {
    std::uint64_t version = 0; ///< changes at each rebuild
    double scale = 0;          ///< camera scale it was built for
    double cell_km = 0, marker_cell_km = 0;
    MapPoint lo, hi;              ///< the plane region it covers
    std::vector<SceneCell> cells; ///< aggregated cells, by cell key
    std::vector<std::uint64_t> cell_keys;
    std::vector<SceneDisc> discs;
    std::vector<std::array<int, 2>> roads; ///< commune pairs
    std::vector<SceneMarker> markers;
    std::vector<int> marker_centres;
    std::vector<int> centre_marker; ///< per plan centre: its marker, -1 outside the region
    std::vector<SceneLabel> labels;
    std::vector<SceneCaption> captions; ///< the insets' titles drawn (in or by their frame)

    /// Screen position of the marker showing the plan's centre `centre` (its own, its
    /// commune's or its cluster's); {NaN, NaN} when outside the scene.
    [[nodiscard]] MapPoint centre_marker_screen(int centre, const MapCamera& cam) const;
    /// The marker under `pixel` (within its square and 3 pixels), -1 if none.
    [[nodiscard]] int marker_at(MapPoint pixel, const MapCamera& cam) const;
    /// The aggregated cell holding the plane point `p`, -1 if none.
    [[nodiscard]] int cell_at(MapPoint p) const;
    /// The key of the cell holding `p` at this scene's cell size.
    [[nodiscard]] std::uint64_t cell_key(MapPoint p) const;
};

/// Measures label texts (the overlay passes ImGui's): width in pixels of a commune's name.
struct LabelMetrics {
    float font_size = 13;  ///< line height, pixels
    float digit_width = 7; ///< width of one digit, pixels
    std::function<float(const std::string&)> width;
    /// Width in pixels of each inset's title, in MapGeometry::insets' order (empty: no titles).
    std::vector<float> inset_title_widths;
    /// The wider line of each title cut in two by split_inset_title (0 or missing: no cut).
    std::vector<float> inset_title_split_widths;
};

/// Keeps the last scene and rebuilds it only when what it depends on changes.
class MapSceneCache {
  public:
    /// Returns true when the scene was rebuilt. `metric` may be null (no metric), `labels`
    /// null (no names placed).
    bool update(const std::shared_ptr<const MapGeometry>& geometry, const Scenario& scenario,
                const MapCamera& camera, const std::shared_ptr<const MetricValues>& metric,
                const LabelMetrics* labels);
    [[nodiscard]] const MapScene& scene() const { return scene_; }
    /// Rebuilds counted since the start (tests, benchmark).
    [[nodiscard]] std::uint64_t rebuilds() const { return scene_.version; }
    /// Longest rebuild so far, milliseconds (benchmark).
    [[nodiscard]] double longest_rebuild_ms() const { return longest_ms_; }

  private:
    struct Key {
        const MapGeometry* geometry = nullptr;
        double scale = 0;
        long long tx0 = 0, ty0 = 0, tx1 = -1, ty1 = -1;
        const MetricValues* metric = nullptr;
        float font = 0;
        std::vector<float> inset_titles, inset_split_titles;
        bool operator==(const Key&) const = default;
    } key_;
    std::shared_ptr<const MapGeometry> geometry_; ///< keeps the keyed pointers alive
    std::shared_ptr<const MetricValues> metric_;
    MapScene scene_;
    double longest_ms_ = 0;
    bool build(const MapGeometry& g, const Scenario& scenario, const MapCamera& camera,
               const Key& key, double tile, const LabelMetrics* labels);
    // reused between rebuilds (no allocation while the view is still)
    std::vector<std::pair<std::uint64_t, int>> items_;
    std::vector<char> is_disc_;
    std::vector<float> name_width_; ///< per commune, -1 until measured
    float name_width_font_ = 0;
    struct Candidate {
        double priority;
        int commune;
        float r;
    };
    std::vector<Candidate> candidates_;
    std::vector<std::array<float, 4>> boxes_;
};

} // namespace riposte::gui
