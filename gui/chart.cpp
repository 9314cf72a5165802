#include "chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>

namespace riposte::gui {
namespace {

ImU32 to_imgui(ChartColour c) {
    return IM_COL32(c.r, c.g, c.b, c.a);
}

/// Number for a tick or the read-out: decimals as asked, the language's decimal mark,
/// thousands grouped.
std::string number(const ChartSpec& spec, double v, int decimals) {
    return format_decimal(spec.lang, v, decimals);
}

/// Decimals needed to tell ticks `step` apart.
int tick_decimals(double step, int at_least) {
    int d = 0;
    while (d < 6 && std::fabs(step * std::pow(10.0, d) - std::round(step * std::pow(10.0, d))) >
                        1e-6 * std::pow(10.0, d))
        ++d;
    return std::max(d, at_least);
}

void dashed_hline(ImDrawList* dl, float x0, float x1, float y, ImU32 colour, float thickness) {
    constexpr float dash = 7.0f, gap = 4.0f;
    for (float x = x0; x < x1; x += dash + gap)
        dl->AddLine({x, y}, {std::min(x + dash, x1), y}, colour, thickness);
}

/// `text` as it is when it fits in `room` pixels, else its longest prefix (whole UTF-8
/// characters) followed by "…" that fits.
std::string fit_with_ellipsis(const std::string& text, float room) {
    if (ImGui::CalcTextSize(text.c_str()).x <= room) return text;
    const std::string dots = "\u2026";
    std::size_t end = text.size();
    while (end > 0) {
        // back over one whole UTF-8 character
        do {
            --end;
        } while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
        std::string cut = text.substr(0, end);
        while (!cut.empty() && cut.back() == ' ') cut.pop_back();
        cut += dots;
        if (ImGui::CalcTextSize(cut.c_str()).x <= room) return cut;
    }
    return dots;
}
} // namespace

ChartColour series_colour(std::size_t i) {
    // Okabe–Ito-like hues, brightened for a dark background, then a few more.
    static constexpr std::array<ChartColour, 10> palette{{
        {86, 180, 233, 255},  // sky blue
        {230, 159, 0, 255},   // orange
        {0, 200, 140, 255},   // bluish green
        {240, 228, 66, 255},  // yellow
        {204, 121, 167, 255}, // reddish purple
        {213, 94, 0, 255},    // vermilion
        {120, 140, 255, 255}, // blue
        {180, 220, 120, 255}, // light green
        {255, 170, 200, 255}, // pink
        {200, 200, 200, 255}, // grey
    }};
    return palette[i % palette.size()];
}

std::vector<double> nice_ticks(double lo, double hi, int max_ticks) {
    std::vector<double> ticks;
    if (!std::isfinite(lo) || !std::isfinite(hi) || max_ticks < 2) return ticks;
    if (hi < lo) std::swap(lo, hi);
    if (hi - lo <= 0) {
        ticks.push_back(lo);
        return ticks;
    }
    // The smallest 1/2/5 × 10^k step that puts at most max_ticks ticks inside [lo, hi].
    const double raw = (hi - lo) / static_cast<double>(max_ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10;
    for (double m : {1.0, 2.0, 5.0, 10.0, 20.0}) {
        const double candidate = m * magnitude;
        const double count =
            std::floor(hi / candidate + 1e-9) - std::ceil(lo / candidate - 1e-9) + 1;
        if (count <= max_ticks) {
            step = candidate;
            break;
        }
    }
    const double first = std::ceil(lo / step - 1e-9) * step;
    for (double t = first; t <= hi + step * 1e-9; t += step) {
        ticks.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
        if (ticks.size() > 1000) break; // never, with the step chosen above
    }
    return ticks;
}

ChartRange chart_range(const ChartSpec& spec, const std::vector<ChartSeries>& series,
                       const std::vector<ChartThreshold>& thresholds) {
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0;
    double y0 = x0, y1 = -x0;
    for (const ChartSeries& s : series) {
        for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
            if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
            x0 = std::min(x0, s.x[i]);
            x1 = std::max(x1, s.x[i]);
            y0 = std::min(y0, s.y[i]);
            y1 = std::max(y1, s.y[i]);
        }
    }
    for (const ChartThreshold& t : thresholds) {
        if (!std::isfinite(t.y)) continue;
        y0 = std::min(y0, t.y);
        y1 = std::max(y1, t.y);
    }
    ChartRange r;
    if (spec.kind == ChartKind::Bars) {
        const double n = static_cast<double>(std::max<std::size_t>(1, spec.categories.size()));
        r.x0 = -0.5;
        r.x1 = n - 0.5;
    } else if (x0 <= x1) {
        r.x0 = x0;
        r.x1 = x1 > x0 ? x1 : x0 + 1;
    }
    if (y0 > y1) y0 = y1 = 0;
    if (spec.y_from_zero) {
        y0 = std::min(y0, 0.0);
        y1 = std::max(y1, 0.0);
    }
    if (y1 - y0 < spec.y_min_span) y1 = y0 + spec.y_min_span;
    // pad to whole ticks
    const std::vector<double> ticks = nice_ticks(y0, y1, 5);
    if (ticks.size() >= 2) {
        const double step = ticks[1] - ticks[0];
        r.y0 = std::floor(y0 / step + 1e-9) * step;
        r.y1 = std::ceil(y1 / step - 1e-9) * step;
    } else {
        r.y0 = y0;
        r.y1 = y1;
    }
    if (r.y1 <= r.y0) r.y1 = r.y0 + 1;
    return r;
}

int nearest_index(const ChartSeries& s, double x) {
    const std::size_t n = std::min(s.x.size(), s.y.size());
    if (n == 0) return -1;
    const auto it = std::lower_bound(s.x.begin(), s.x.begin() + static_cast<std::ptrdiff_t>(n), x);
    std::size_t i = static_cast<std::size_t>(it - s.x.begin());
    if (i == n) return static_cast<int>(n - 1);
    if (i > 0 && x - s.x[i - 1] < s.x[i] - x) --i;
    return static_cast<int>(i);
}

void draw_chart(const ChartSpec& spec, const std::vector<ChartSeries>& series,
                const std::vector<ChartThreshold>& thresholds) {
    ImGui::PushID(spec.id);
    const float font = ImGui::GetFontSize();
    const float width = std::max(ImGui::GetContentRegionAvail().x, font * 12);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dim_colour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 grid_colour = IM_COL32(255, 255, 255, 28);
    const ImU32 axis_colour = IM_COL32(255, 255, 255, 110);

    bool has_data = false;
    for (const ChartSeries& s : series) has_data = has_data || !s.y.empty();

    // Legend: coloured squares and labels, wrapped to the width (laid out first: its height
    // comes off the plot's).
    struct LegendItem {
        ImVec2 pos;
        std::string label;
        ChartColour colour;
        float wrap = 0; ///< a label wider than the chart wraps at this width (0: one line)
    };
    std::vector<LegendItem> legend;
    const float swatch = font * 0.7f, item_gap = font * 1.0f;
    const float label_room = std::max(width - swatch - font * 0.3f, font * 2);
    float lx = 0, ly = 0, row_h = font * 1.2f;
    for (const ChartSeries& s : series) {
        const ImVec2 text = ImGui::CalcTextSize(s.label.c_str());
        const bool wraps = text.x > label_room;
        const float item_w = swatch + font * 0.3f + (wraps ? label_room : text.x);
        if (lx > 0 && lx + item_w > width) {
            lx = 0;
            ly += row_h;
            row_h = font * 1.2f;
        }
        if (wraps)
            row_h =
                std::max(row_h, ImGui::CalcTextSize(s.label.c_str(), nullptr, false, label_room).y +
                                    font * 0.2f);
        legend.push_back({{lx, ly}, s.label, s.colour, wraps ? label_room : 0.0f});
        lx += item_w + item_gap;
    }
    float legend_h = legend.empty() ? 0.0f : ly + row_h + font * 0.1f;
    // A short chart (a large font, a small window, many series) keeps its plot: the legend
    // goes into the rows left, in columns, each label shortened with "…" to its column (the
    // hover read-out names every series in full); with no room even for that, it is dropped.
    {
        const float axes_h = (spec.y_label.empty() ? font * 0.4f : font * 1.3f) + font * 1.3f +
                             (spec.x_label.empty() ? 0.0f : font * 1.2f);
        if (spec.height - legend_h - axes_h < font * 3) {
            const float line_h = font * 1.2f;
            const int rows = static_cast<int>(
                std::floor((spec.height - axes_h - font * 3 - font * 0.1f) / line_h));
            const int n = static_cast<int>(legend.size());
            const int cols = rows >= 1 ? (n + rows - 1) / rows : 0;
            const float col_w = cols > 0 ? width / static_cast<float>(cols) : 0.0f;
            const float room = col_w - swatch - font * 0.3f - font * 0.5f;
            if (rows < 1 || room < font * 2) {
                legend.clear();
                legend_h = 0;
            } else {
                const int used_rows = (n + cols - 1) / cols;
                for (int i = 0; i < n; ++i) {
                    LegendItem& item = legend[static_cast<std::size_t>(i)];
                    item.pos = {col_w * static_cast<float>(i % cols),
                                line_h * static_cast<float>(i / cols)};
                    item.wrap = 0;
                    item.label = fit_with_ellipsis(item.label, room);
                }
                legend_h = line_h * static_cast<float>(used_rows) + font * 0.1f;
            }
        }
    }

    const ChartRange range = chart_range(spec, series, thresholds);
    const std::vector<double> yticks = nice_ticks(range.y0, range.y1, 5);
    const int y_dec = yticks.size() >= 2 ? tick_decimals(yticks[1] - yticks[0], spec.y_decimals)
                                         : spec.y_decimals;
    float ylabel_w = 0;
    for (double t : yticks)
        ylabel_w = std::max(ylabel_w, ImGui::CalcTextSize(number(spec, t, y_dec).c_str()).x);

    // the y axis' title above the plot, wrapped to the chart's width (never cut at its edge)
    const float y_label_h =
        spec.y_label.empty() ? 0.0f
                             : ImGui::CalcTextSize(spec.y_label.c_str(), nullptr, false, width).y;
    const float top = origin.y + (spec.y_label.empty() ? font * 0.4f : y_label_h + font * 0.3f);
    const float left = origin.x + ylabel_w + font * 0.6f;
    const float right = origin.x + width - font * 0.8f;
    const float x_axis_h = font * 1.3f + (spec.x_label.empty() ? 0.0f : font * 1.2f);
    const float bottom = origin.y + spec.height - legend_h - x_axis_h;
    ImGui::InvisibleButton("plot", ImVec2(width, spec.height));
    const bool hovered = ImGui::IsItemHovered();
    if (bottom - top < font * 2 || right - left < font * 4) {
        ImGui::PopID();
        return;
    }

    if (!spec.y_label.empty())
        dl->AddText(nullptr, 0.0f, {origin.x, origin.y}, dim_colour, spec.y_label.c_str(), nullptr,
                    width);
    dl->AddRectFilled({left, top}, {right, bottom}, IM_COL32(0, 0, 0, 70));

    auto px = [&](double x) {
        return left + static_cast<float>((x - range.x0) / (range.x1 - range.x0)) * (right - left);
    };
    auto py = [&](double y) {
        return bottom - static_cast<float>((y - range.y0) / (range.y1 - range.y0)) * (bottom - top);
    };

    // y grid and ticks (none before any data: the placeholder says why the plot is empty)
    for (double t : has_data ? yticks : std::vector<double>{}) {
        const float y = py(t);
        if (y < top - 0.5f || y > bottom + 0.5f) continue;
        dl->AddLine({left, y}, {right, y}, grid_colour);
        const std::string label = number(spec, t, y_dec);
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        dl->AddText({left - font * 0.3f - size.x, y - size.y * 0.5f}, dim_colour, label.c_str());
    }
    // x ticks
    if (spec.kind == ChartKind::Bars) {
        const std::size_t n = spec.categories.size();
        float last_end = -1e9f;
        for (std::size_t i = 0; i < n; ++i) {
            const float x = px(static_cast<double>(i));
            const ImVec2 size = ImGui::CalcTextSize(spec.categories[i].c_str());
            if (x - size.x * 0.5f < last_end + font * 0.3f) continue; // would overlap
            dl->AddText({x - size.x * 0.5f, bottom + font * 0.15f}, dim_colour,
                        spec.categories[i].c_str());
            last_end = x + size.x * 0.5f;
        }
    } else if (has_data) {
        const int max_x = std::max(2, static_cast<int>((right - left) / (font * 3.5f)));
        const std::vector<double> xticks = nice_ticks(range.x0, range.x1, max_x);
        const int x_dec = xticks.size() >= 2 ? tick_decimals(xticks[1] - xticks[0], spec.x_decimals)
                                             : spec.x_decimals;
        for (double t : xticks) {
            const float x = px(t);
            dl->AddLine({x, top}, {x, bottom}, grid_colour);
            const std::string label = number(spec, t, x_dec);
            const ImVec2 size = ImGui::CalcTextSize(label.c_str());
            dl->AddText(
                {std::clamp(x - size.x * 0.5f, left, right - size.x), bottom + font * 0.15f},
                dim_colour, label.c_str());
        }
    }
    if (!spec.x_label.empty()) {
        const ImVec2 size = ImGui::CalcTextSize(spec.x_label.c_str());
        dl->AddText({(left + right - size.x) * 0.5f, bottom + font * 1.3f}, dim_colour,
                    spec.x_label.c_str());
    }
    dl->AddLine({left, bottom}, {right, bottom}, axis_colour);
    dl->AddLine({left, top}, {left, bottom}, axis_colour);

    // series
    dl->PushClipRect({left, top}, {right + 1, bottom + 1}, true);
    if (spec.kind == ChartKind::Bars) {
        const float group_w = (right - left) /
                              static_cast<float>(std::max<std::size_t>(1, spec.categories.size())) *
                              0.8f;
        const float bar_w =
            spec.bars_fill_category
                ? group_w
                : group_w / static_cast<float>(std::max<std::size_t>(1, series.size()));
        for (std::size_t si = 0; si < series.size(); ++si) {
            const ChartSeries& s = series[si];
            const float slot = spec.bars_fill_category ? 0.0f : static_cast<float>(si);
            for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
                const float x = px(s.x[i]) - group_w * 0.5f + bar_w * slot;
                dl->AddRectFilled({x + 1, py(std::max(s.y[i], range.y0))},
                                  {x + bar_w - 1, py(std::max(0.0, range.y0))}, to_imgui(s.colour));
            }
        }
    } else {
        std::vector<ImVec2> points;
        for (const ChartSeries& s : series) {
            points.clear();
            for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
                if (std::isfinite(s.x[i]) && std::isfinite(s.y[i]))
                    points.push_back({px(s.x[i]), py(s.y[i])});
            if (points.size() == 1)
                dl->AddCircleFilled(points[0], 3.0f, to_imgui(s.colour));
            else if (points.size() > 1)
                dl->AddPolyline(points.data(), static_cast<int>(points.size()), to_imgui(s.colour),
                                ImDrawFlags_None, 2.0f);
        }
    }
    // Before any data, the placeholder: inside the plot area, wrapped to its width, centred,
    // clear of the axes and ticks. Its box is known first so that target labels avoid it.
    const bool placeholder = !has_data && !spec.empty_text.empty();
    const float pad = font * 0.3f;
    const float wrap = std::max(right - left - 2 * pad, font * 2);
    ImVec2 ph_min{0, 0}, ph_max{0, 0};
    if (placeholder) {
        const ImVec2 size = ImGui::CalcTextSize(spec.empty_text.c_str(), nullptr, false, wrap);
        ph_min = {std::max(left + pad, (left + right - size.x) * 0.5f),
                  std::max(top + pad, (top + bottom - size.y) * 0.5f)};
        ph_max = {ph_min.x + size.x, ph_min.y + size.y};
    }
    for (const ChartThreshold& t : thresholds) {
        const float y = py(t.y);
        dashed_hline(dl, left, right, y, to_imgui(t.colour), 2.0f);
        if (t.label.empty()) continue;
        // the label above its line, or below it when the line is near the plot's top; always
        // inside the plot rectangle (the plot clips: a label past its edge would be cut)
        const ImVec2 size = ImGui::CalcTextSize(t.label.c_str());
        const float tx = std::max(left + font * 0.2f, right - size.x - font * 0.2f);
        const auto inside = [&](float ty) {
            return std::clamp(ty, top + 1, std::max(top + 1, bottom - size.y - 1));
        };
        const auto clear = [&](float ty) {
            return !placeholder || tx >= ph_max.x || tx + size.x <= ph_min.x || ty >= ph_max.y ||
                   ty + size.y <= ph_min.y;
        };
        float ty = y - size.y - 1;
        if (ty < top + 1) ty = y + 2;
        ty = inside(ty);
        // over the placeholder: the other side of the line, else the plot's top or bottom
        // edge, else no label (the line stays; the placeholder says why it is empty)
        if (!clear(ty)) {
            const float other = inside(ty < y ? y + 2 : y - size.y - 1);
            if (clear(other))
                ty = other;
            else if (clear(inside(top + 1)))
                ty = inside(top + 1);
            else if (clear(inside(bottom - size.y - 1)))
                ty = inside(bottom - size.y - 1);
            else
                continue;
        }
        dl->AddText({tx, ty}, to_imgui(t.colour), t.label.c_str());
    }
    dl->PopClipRect();

    if (placeholder)
        dl->AddText(nullptr, 0.0f, ph_min, dim_colour, spec.empty_text.c_str(), nullptr, wrap);

    // legend
    const float legend_top = bottom + x_axis_h;
    for (const LegendItem& item : legend) {
        const ImVec2 p{origin.x + item.pos.x, legend_top + item.pos.y};
        const float sy = p.y + (font - swatch) * 0.5f;
        dl->AddRectFilled({p.x, sy}, {p.x + swatch, sy + swatch}, to_imgui(item.colour));
        dl->AddText(nullptr, 0.0f, {p.x + swatch + font * 0.3f, p.y}, text_colour,
                    item.label.c_str(), nullptr, item.wrap);
    }

    // hover read-out: a cursor line at the nearest x, every series' value there
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered && has_data && mouse.x >= left && mouse.x <= right && mouse.y >= top &&
        mouse.y <= bottom) {
        const double mx = range.x0 + (mouse.x - left) / (right - left) * (range.x1 - range.x0);
        double at = mx;
        if (spec.kind == ChartKind::Bars) {
            at = std::round(mx);
        } else {
            double best = std::numeric_limits<double>::infinity();
            for (const ChartSeries& s : series) {
                const int i = nearest_index(s, mx);
                if (i >= 0 && std::fabs(s.x[static_cast<std::size_t>(i)] - mx) < best) {
                    best = std::fabs(s.x[static_cast<std::size_t>(i)] - mx);
                    at = s.x[static_cast<std::size_t>(i)];
                }
            }
        }
        dl->AddLine({px(at), top}, {px(at), bottom}, IM_COL32(255, 255, 255, 120));
        ImGui::BeginTooltip();
        std::string heading;
        if (spec.kind == ChartKind::Bars) {
            const auto c = static_cast<std::size_t>(std::max(0.0, at));
            heading = c < spec.categories.size() ? spec.categories[c] : std::string{};
        } else {
            heading = spec.x_format ? spec.x_format(spec.lang, at)
                                    : spec.x_label + " " + number(spec, at, spec.x_decimals);
        }
        ImGui::TextUnformatted(heading.c_str());
        for (const ChartSeries& s : series) {
            const int i = nearest_index(s, at);
            if (i < 0 || std::fabs(s.x[static_cast<std::size_t>(i)] - at) > 1e-9) continue;
            ImGui::ColorButton(
                s.label.c_str(),
                ImVec4(s.colour.r / 255.0f, s.colour.g / 255.0f, s.colour.b / 255.0f, 1.0f),
                ImGuiColorEditFlags_NoTooltip, ImVec2(font * 0.7f, font * 0.7f));
            ImGui::SameLine();
            ImGui::Text("%s: %s", s.label.c_str(),
                        number(spec, s.y[static_cast<std::size_t>(i)], spec.y_decimals).c_str());
        }
        for (const ChartThreshold& t : thresholds)
            ImGui::TextDisabled("%s: %s", t.label.c_str(),
                                number(spec, t.y, spec.y_decimals).c_str());
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

} // namespace riposte::gui
