#pragma once
// A small chart module on Dear ImGui's draw lists (Debian's ImGui ships no plotting library):
// line and bar charts with axes, "nice" ticks, a legend, a hover read-out and threshold lines.
// Every live chart of the dashboard goes through draw_chart().
//
// The arithmetic (ticks, ranges, nearest point) is plain C++ and tested headless; only
// draw_chart() touches ImGui.
#include "i18n.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace riposte::gui {

/// RGBA, 8 bits per channel (the layout of ImU32 built with IM_COL32 is left to chart.cpp).
struct ChartColour {
    std::uint8_t r = 255, g = 255, b = 255, a = 255;
};

/// A distinct colour for series `i` (a fixed palette, readable on the dark theme).
ChartColour series_colour(std::size_t i);

struct ChartSeries {
    std::string label;
    std::vector<double> x, y; ///< same length; x increasing
    ChartColour colour;
};

/// A horizontal line at `y` (a target, a limit), dashed, labelled at its right end.
struct ChartThreshold {
    std::string label;
    double y = 0;
    ChartColour colour{255, 90, 80, 255};
};

enum class ChartKind {
    Lines, ///< one polyline per series
    Bars,  ///< grouped bars: x values are category positions 0, 1, 2, …
};

struct ChartSpec {
    const char* id = "chart"; ///< ImGui id (unique within the window)
    Lang lang = Lang::Fr;     ///< decimal mark and grouping of the numbers
    ChartKind kind = ChartKind::Lines;
    float height = 180.0f; ///< pixels, axes and legend included
    std::string x_label, y_label;
    /// Bars: one name per category (x = index). Lines: unused.
    std::vector<std::string> categories;
    int x_decimals = 0, y_decimals = 0; ///< for tick labels and the read-out
    bool y_from_zero = true;            ///< the y range includes 0
    double y_min_span = 1.0;            ///< the y range is at least this tall
    /// Formats an x value for the read-out (e.g. "day 3, 14:00"); null: the number.
    std::string (*x_format)(Lang lang, double x) = nullptr;
    std::string empty_text; ///< shown when there is nothing to draw yet
    /// Bars: each series fills whole categories (a series per category, e.g. one colour per
    /// plan) instead of sharing each category's width with the other series.
    bool bars_fill_category = false;
};

/// Tick positions covering [lo, hi] with 1/2/5 × 10^k steps, at most about `max_ticks`.
std::vector<double> nice_ticks(double lo, double hi, int max_ticks);

/// The y range drawn for these series and thresholds (padded to whole ticks).
struct ChartRange {
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
};
ChartRange chart_range(const ChartSpec& spec, const std::vector<ChartSeries>& series,
                       const std::vector<ChartThreshold>& thresholds);

/// Index of the point of `s` nearest to `x` (by x), or -1 when it has none.
int nearest_index(const ChartSeries& s, double x);

/// Draws the chart at the cursor, full width of the content region. Hovering shows a cursor
/// line and every series' value at the nearest x.
void draw_chart(const ChartSpec& spec, const std::vector<ChartSeries>& series,
                const std::vector<ChartThreshold>& thresholds = {});

} // namespace riposte::gui
