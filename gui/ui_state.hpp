#pragma once
// Everything the interface remembers between frames (no function-local statics in panels).
#include "i18n.hpp"
#include "map_geometry.hpp"
#include "map_metric.hpp"

#include <cstdint>
#include <vector>

namespace riposte::gui {

struct UiState {
    Lang lang = Lang::Fr;
    bool large_font = false;
    // windows shown
    bool show_scenario = true;
    bool show_run = true;
    bool show_legend = true;
    bool show_charts = true;
    // run panel
    std::uint64_t seed = 1;
    float speed_log10 = 3.0f; ///< speed slider: log10 of simulated seconds per second (0..4)
    bool speed_max = true;    ///< as fast as possible (the slider is ignored)
    int jump_day = 0;         ///< "jump to day" field (0-based day index)
    // charts panel
    int chart_tab = 0;
    // scenario panel: commune table order (indices), rebuilt when the sort changes
    std::vector<int> commune_order;
    // map
    MapCamera camera;
    bool camera_fitted = false; ///< false: fit the map to the window on the next frame
    double fit_scale = 1;       ///< scale of the last fit (zoom limits are relative to it)
    int hovered_commune = -1;   ///< set by the map overlay each frame
    int selected_centre = -1;   ///< centre whose panel is open (-1: none)
    MapMetric map_metric = MapMetric::None; ///< what colours the communes
    int metric_group = -1;                  ///< coverage / unmet of this group (-1: all)
    bool show_centre = false;
};

/// Width of the side panels on first use, in pixels.
/// Never more than 30% of the window.
inline float side_panel_width(const UiState& ui, float window_width) {
    const float wanted = ui.large_font ? 560.0f : 400.0f;
    return wanted < window_width * 0.3f ? wanted : window_width * 0.3f;
}
/// Gap between panels and the window edges.
inline constexpr float panel_margin = 10.0f;
/// Room kept under the map for the legend window when fitting the map.
inline double legend_height_estimate(const UiState& ui) {
    return ui.large_font ? 300.0 : 190.0;
}
/// Height of the live charts window on first use, in pixels (at the bottom of the map area).
inline float charts_height(const UiState& /*ui*/, float window_height) {
    return window_height * 0.52f;
}
/// Height kept for the main menu bar.
inline float menu_bar_height(const UiState& ui) {
    return ui.large_font ? 40.0f : 26.0f;
}

} // namespace riposte::gui
