// riposte's own small SVG chart code: line charts and bar charts (grouped, stacked,
// horizontal) with axes, ticks, labels, a legend, reference lines and highlights. The output is
// an <svg> element to inline in HTML; numbers are formatted without the C locale so the same
// data always gives the same bytes.
#include "riposte/output.hpp"
#include "riposte/report.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace riposte {

namespace {

constexpr std::string_view palette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                        "#56B4E9", "#D55E00", "#7F7F7F", "#F0E442"};
constexpr double char_width = 6.6; ///< approximate width of a 12 px sans-serif character
constexpr double title_y = 22;
constexpr double legend_row = 18;

std::string colour_of(const ChartSeries& s, std::size_t i) {
    if (!s.colour.empty()) return s.colour;
    return std::string(palette[i % std::size(palette)]);
}

std::string px(double v) {
    return format_decimal(v, 1);
}

std::size_t text_width_chars(std::string_view utf8) {
    std::size_t n = 0;
    for (char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xc0u) != 0x80u) ++n;
    return n;
}

double text_px(std::string_view text) {
    return static_cast<double>(text_width_chars(text)) * char_width;
}

/// Tick label: decimals from the step, thin-space grouping of thousands.
std::string tick_label(double v, double step, char mark = '.') {
    int decimals = 0;
    if (step > 0 && step < 1)
        decimals = std::min(3, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
    std::string text = format_fixed(v, decimals);
    if (text.empty()) return text;
    const bool negative = text.front() == '-';
    const std::size_t dot = text.find('.');
    const std::size_t int_end = dot == std::string::npos ? text.size() : dot;
    const std::size_t int_begin = negative ? 1 : 0;
    if (int_end - int_begin > 4) {
        std::string grouped = text.substr(0, int_begin);
        for (std::size_t i = int_begin; i < int_end; ++i) {
            grouped += text[i];
            const std::size_t left = int_end - i - 1;
            if (left > 0 && left % 3 == 0) grouped += "\u2009";
        }
        text = grouped + text.substr(int_end);
    }
    if (mark != '.') std::replace(text.begin(), text.end(), '.', mark);
    return text;
}

double tick_step(const std::vector<double>& ticks) {
    return ticks.size() >= 2 ? ticks[1] - ticks[0] : 1.0;
}

struct Frame {
    double left = 0, top = 0, right = 0, bottom = 0; ///< plot area in pixels
    [[nodiscard]] double w() const { return right - left; }
    [[nodiscard]] double h() const { return bottom - top; }
};

struct LegendItem {
    std::string name, colour;
    bool dashed = false;
    bool marker = false;
    bool box = false; ///< a filled box (bars) rather than a line
};

/// Lays out the legend in rows from y = `y`; returns the rows' height.
double legend_height(const std::vector<LegendItem>& items, double width) {
    if (items.empty()) return 0;
    // the same layout as draw_legend()
    double x = 16;
    int rows = 1;
    for (const LegendItem& it : items) {
        const double w = 28 + text_px(it.name) + 16;
        if (x + w > width - 20 && x > 16) {
            ++rows;
            x = 16;
        }
        x += w;
    }
    return rows * legend_row + 4;
}

void draw_legend(std::string& out, const std::vector<LegendItem>& items, double width, double y0) {
    double x = 16;
    double y = y0;
    for (const LegendItem& it : items) {
        const double w = 28 + text_px(it.name) + 16;
        if (x + w > width - 20 && x > 16) {
            x = 16;
            y += legend_row;
        }
        const std::string c = html_escape(it.colour);
        if (it.box) {
            out += "<rect x=\"" + px(x) + "\" y=\"" + px(y - 9) +
                   "\" width=\"18\" height=\"10\" fill=\"" + c + "\"/>";
        } else if (it.marker) {
            out += "<circle cx=\"" + px(x + 9) + "\" cy=\"" + px(y - 4) + "\" r=\"4\" fill=\"" + c +
                   "\"/>";
        } else {
            out += "<line x1=\"" + px(x) + "\" y1=\"" + px(y - 4) + "\" x2=\"" + px(x + 18) +
                   "\" y2=\"" + px(y - 4) + "\" stroke=\"" + c + "\" stroke-width=\"2.5\"" +
                   (it.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>";
        }
        out += "<text x=\"" + px(x + 24) + "\" y=\"" + px(y) + "\" class=\"lg\">" +
               html_escape(it.name) + "</text>";
        x += w;
    }
}

std::string svg_open(int width, int height, std::string_view title) {
    return "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(width) + " " +
           std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
           std::to_string(height) + "\" role=\"img\" aria-label=\"" + html_escape(title) +
           "\"><title>" + html_escape(title) + "</title>" +
           "<style>text{font-family:sans-serif;font-size:12px;fill:#222}"
           ".tt{font-size:15px;font-weight:bold}.lg{font-size:12px}.ax{font-size:12px;fill:#444}"
           ".rl{font-size:11px;font-weight:bold}.bl{font-size:11px;fill:#333}</style>" +
           "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(width) + "\" height=\"" +
           std::to_string(height) + "\" fill=\"#ffffff\"/>" + "<text x=\"16\" y=\"" + px(title_y) +
           "\" class=\"tt\">" + html_escape(title) + "</text>";
}

/// Value axis range from data (and reference lines), including 0 when asked.
std::vector<double> value_ticks(double lo, double hi, bool from_zero, int target) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (from_zero) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
    }
    if (hi <= lo) hi = lo + 1;
    return nice_ticks(lo, hi, target);
}

void draw_y_label(std::string& out, const std::string& label, const Frame& f) {
    if (label.empty()) return;
    const double cy = (f.top + f.bottom) / 2;
    out += "<text class=\"ax\" transform=\"translate(14," + px(cy) +
           ") rotate(-90)\" text-anchor=\"middle\">" + html_escape(label) + "</text>";
}

void draw_x_label(std::string& out, const std::string& label, const Frame& f, double y) {
    if (label.empty()) return;
    out += "<text class=\"ax\" x=\"" + px((f.left + f.right) / 2) + "\" y=\"" + px(y) +
           "\" text-anchor=\"middle\">" + html_escape(label) + "</text>";
}

std::string reference_label_box(double x, double y, const ReferenceLine& line, bool anchor_end) {
    const double w = text_px(line.label) * 0.95 + 8;
    const double bx = anchor_end ? x - w : x;
    return "<rect x=\"" + px(bx) + "\" y=\"" + px(y - 12) + "\" width=\"" + px(w) +
           "\" height=\"15\" fill=\"#ffffff\" fill-opacity=\"0.85\"/><text class=\"rl\" x=\"" +
           px(bx + 4) + "\" y=\"" + px(y) + "\" fill=\"" + html_escape(line.colour) +
           "\" style=\"fill:" + html_escape(line.colour) + "\">" + html_escape(line.label) +
           "</text>";
}

} // namespace

std::vector<double> nice_ticks(double lo, double hi, int target) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) return {0, 1};
    if (hi < lo) std::swap(lo, hi);
    if (hi == lo) {
        lo -= 0.5;
        hi += 0.5;
    }
    target = std::max(2, target);
    const double raw = (hi - lo) / target;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = m * mag;
        if (raw <= step * (1 + 1e-9)) break;
    }
    const double start = std::floor(lo / step + 1e-9) * step;
    const double end = std::ceil(hi / step - 1e-9) * step;
    std::vector<double> ticks;
    for (int i = 0; i < 1000; ++i) {
        double v = start + i * step;
        if (std::abs(v) < step * 1e-9) v = 0;
        ticks.push_back(v);
        if (v >= end - step * 1e-9) break;
    }
    if (ticks.size() < 2) ticks.push_back(start + step);
    return ticks;
}

std::string svg_line_chart(const LineChart& c) {
    // legend
    std::vector<LegendItem> legend;
    for (std::size_t i = 0; i < c.series.size(); ++i)
        if (!c.series[i].name.empty())
            legend.push_back({c.series[i].name, colour_of(c.series[i], i), c.series[i].dashed,
                              c.series[i].markers, false});
    for (const ReferenceLine& l : c.lines)
        if (!l.label.empty()) legend.push_back({l.label, l.colour, true, false, false});
    const double lh = legend.size() > 1 ? legend_height(legend, c.width) : 0;

    // data ranges
    double xmin = std::numeric_limits<double>::infinity(), xmax = -xmin;
    double ymin = xmin, ymax = -xmin;
    for (const ChartSeries& s : c.series) {
        for (std::size_t i = 0; i < s.y.size(); ++i) {
            const double x = i < s.x.size() ? s.x[i] : static_cast<double>(i);
            const double y = s.y[i];
            if (!std::isfinite(y) || !std::isfinite(x)) continue;
            xmin = std::min(xmin, x);
            xmax = std::max(xmax, x);
            const double e = i < s.error.size() && std::isfinite(s.error[i]) ? s.error[i] : 0;
            ymin = std::min(ymin, y - e);
            ymax = std::max(ymax, y + e);
        }
    }
    for (const auto& [v, label] : c.x_ticks) {
        xmin = std::min(xmin, v);
        xmax = std::max(xmax, v);
    }
    for (const TimeMarker& m : c.markers) {
        if (!std::isfinite(m.x)) continue;
        xmin = std::min(xmin, m.x);
        xmax = std::max(xmax, m.x);
    }
    for (const ReferenceLine& l : c.lines) {
        ymin = std::min(ymin, l.value);
        ymax = std::max(ymax, l.value * 1.08);
    }
    if (!std::isfinite(xmin)) {
        xmin = 0;
        xmax = 1;
    }
    if (xmax <= xmin) xmax = xmin + 1;
    if (!std::isfinite(ymin)) {
        ymin = 0;
        ymax = 1;
    }
    ymax = std::max(ymax, c.y_max);
    const std::vector<double> yt = value_ticks(ymin, ymax, c.y_from_zero, 5);
    const double y_lo = yt.front(), y_hi = yt.back();
    double label_w = 0;
    for (double t : yt)
        label_w = std::max(label_w, text_px(tick_label(t, tick_step(yt), c.decimal_mark)));

    Frame f;
    f.left = std::max(56.0, label_w + 34);
    f.right = c.width - 24.0;
    f.top = title_y + 14 + lh + (legend.size() == 1 ? legend_row : 0);
    f.bottom = c.height - 46.0;
    const auto X = [&](double x) { return f.left + (x - xmin) / (xmax - xmin) * f.w(); };
    const auto Y = [&](double y) { return f.bottom - (y - y_lo) / (y_hi - y_lo) * f.h(); };

    std::string out = svg_open(c.width, c.height, c.title);
    if (!legend.empty()) draw_legend(out, legend, c.width, title_y + 22);

    // highlight band
    if (c.highlight_from <= c.highlight_to) {
        const double x0 = std::clamp(X(c.highlight_from), f.left, f.right);
        const double x1 = std::clamp(X(c.highlight_to), f.left, f.right);
        out += "<rect x=\"" + px(x0) + "\" y=\"" + px(f.top) + "\" width=\"" +
               px(std::max(2.0, x1 - x0)) + "\" height=\"" + px(f.h()) +
               "\" fill=\"#fdd9d7\" fill-opacity=\"0.8\"/>";
        if (!c.highlight_label.empty()) {
            const double tx = std::min(x0 + 4, f.right - text_px(c.highlight_label));
            out += "<text class=\"rl\" x=\"" + px(std::max(f.left + 2, tx)) + "\" y=\"" +
                   px(f.top + 13) + "\" style=\"fill:#9b1c1c\">" + html_escape(c.highlight_label) +
                   "</text>";
        }
    }
    // grid and y ticks
    for (double t : yt) {
        const double y = Y(t);
        out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(y) + "\" x2=\"" + px(f.right) +
               "\" y2=\"" + px(y) + "\" stroke=\"#e3e3e3\"/>";
        out += "<text class=\"ax\" x=\"" + px(f.left - 6) + "\" y=\"" + px(y + 4) +
               "\" text-anchor=\"end\">" +
               html_escape(tick_label(t, tick_step(yt), c.decimal_mark)) + "</text>";
    }
    // x ticks
    std::vector<std::pair<double, std::string>> xt = c.x_ticks;
    if (xt.empty()) {
        const std::vector<double> ticks = nice_ticks(xmin, xmax, 8);
        for (double t : ticks)
            if (t >= xmin - 1e-9 && t <= xmax + 1e-9)
                xt.emplace_back(t, tick_label(t, tick_step(ticks), c.decimal_mark));
    }
    for (const auto& [v, label] : xt) {
        const double x = X(v);
        out += "<line x1=\"" + px(x) + "\" y1=\"" + px(f.bottom) + "\" x2=\"" + px(x) + "\" y2=\"" +
               px(f.bottom + 5) + "\" stroke=\"#444\"/>";
        out += "<text class=\"ax\" x=\"" + px(x) + "\" y=\"" + px(f.bottom + 18) +
               "\" text-anchor=\"middle\">" + html_escape(label) + "</text>";
    }
    // axes
    out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(f.bottom) + "\" x2=\"" + px(f.right) +
           "\" y2=\"" + px(f.bottom) + "\" stroke=\"#444\"/>";
    out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(f.top) + "\" x2=\"" + px(f.left) +
           "\" y2=\"" + px(f.bottom) + "\" stroke=\"#444\"/>";
    draw_y_label(out, c.y_label, f);
    draw_x_label(out, c.x_label, f, c.height - 8.0);

    // series
    for (std::size_t si = 0; si < c.series.size(); ++si) {
        const ChartSeries& s = c.series[si];
        const std::string colour = html_escape(colour_of(s, si));
        if (s.markers) {
            for (std::size_t i = 0; i < s.y.size(); ++i) {
                const double x = i < s.x.size() ? s.x[i] : static_cast<double>(i);
                if (!std::isfinite(s.y[i])) continue;
                out += "<circle cx=\"" + px(X(x)) + "\" cy=\"" + px(Y(s.y[i])) +
                       "\" r=\"5\" fill=\"" + colour + "\" stroke=\"#ffffff\"/>";
            }
            continue;
        }
        std::string d;
        bool pen_down = false;
        std::size_t points = 0;
        for (std::size_t i = 0; i < s.y.size(); ++i) {
            const double x = i < s.x.size() ? s.x[i] : static_cast<double>(i);
            if (!std::isfinite(s.y[i]) || !std::isfinite(x)) {
                pen_down = false;
                continue;
            }
            d += pen_down ? "L" : "M";
            d += px(X(x)) + " " + px(Y(s.y[i]));
            pen_down = true;
            ++points;
        }
        if (points == 0) continue;
        out += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour +
               "\" stroke-width=\"2\" stroke-linejoin=\"round\"" +
               (s.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>";
        if (points == 1 || s.y.size() <= 40) {
            for (std::size_t i = 0; i < s.y.size(); ++i) {
                const double x = i < s.x.size() ? s.x[i] : static_cast<double>(i);
                if (!std::isfinite(s.y[i])) continue;
                out += "<circle cx=\"" + px(X(x)) + "\" cy=\"" + px(Y(s.y[i])) +
                       "\" r=\"2.5\" fill=\"" + colour + "\"/>";
            }
        }
    }
    // time markers (injects, decisions): a thin line, a label on top, the text as tooltip
    for (const TimeMarker& m : c.markers) {
        if (!std::isfinite(m.x)) continue;
        const double x = X(m.x);
        const std::string colour = html_escape(m.colour);
        out += "<g><title>" + html_escape(m.tooltip) + "</title><line x1=\"" + px(x) + "\" y1=\"" +
               px(f.top) + "\" x2=\"" + px(x) + "\" y2=\"" + px(f.bottom) + "\" stroke=\"" +
               colour + "\" stroke-width=\"1.2\" stroke-dasharray=\"3 3\"/>";
        if (!m.label.empty())
            out += "<text class=\"rl\" x=\"" + px(x + 2) + "\" y=\"" + px(f.top + 10) +
                   "\" style=\"fill:" + colour + "\">" + html_escape(m.label) + "</text>";
        out += "</g>";
    }
    // reference lines on top
    for (const ReferenceLine& l : c.lines) {
        const double y = Y(l.value);
        out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(y) + "\" x2=\"" + px(f.right) +
               "\" y2=\"" + px(y) + "\" stroke=\"" + html_escape(l.colour) +
               "\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>";
        if (!l.label.empty()) out += reference_label_box(f.right - 4, y - 4, l, true);
    }
    out += "</svg>";
    return out;
}

std::string svg_bar_chart(const BarChart& c) {
    const std::size_t n = c.categories.size();
    const std::size_t ns = std::max<std::size_t>(1, c.series.size());
    std::vector<LegendItem> legend;
    if (c.series.size() > 1)
        for (std::size_t i = 0; i < c.series.size(); ++i)
            legend.push_back({c.series[i].name, colour_of(c.series[i], i), false, false, true});
    for (const ReferenceLine& l : c.lines)
        if (!l.label.empty()) legend.push_back({l.label, l.colour, true, false, false});
    const double lh = legend_height(legend, c.width);

    // value range
    double vmin = 0, vmax = 0;
    for (std::size_t i = 0; i < n; ++i) {
        double pos = 0, neg = 0;
        for (const ChartSeries& s : c.series) {
            const double v = i < s.y.size() && std::isfinite(s.y[i]) ? s.y[i] : 0;
            const double e = i < s.error.size() && std::isfinite(s.error[i]) ? s.error[i] : 0;
            if (c.stacked) {
                (v >= 0 ? pos : neg) += v;
            } else {
                vmax = std::max(vmax, v + e);
                vmin = std::min(vmin, v - e);
            }
        }
        if (c.stacked) {
            vmax = std::max(vmax, pos);
            vmin = std::min(vmin, neg);
        }
    }
    for (const ReferenceLine& l : c.lines) {
        vmax = std::max(vmax, l.value);
        vmin = std::min(vmin, l.value);
    }
    bool has_labels = false;
    for (const std::string& l : c.bar_labels) has_labels = has_labels || !l.empty();
    const double headroom = has_labels ? 1.1 : 1.0;
    const std::vector<double> vt =
        value_ticks(vmin * (vmin < 0 ? headroom : 1.0), vmax * headroom, true, 5);
    const double v_lo = vt.front(), v_hi = vt.back();

    double cat_label_w = 0;
    for (const std::string& s : c.categories) cat_label_w = std::max(cat_label_w, text_px(s));

    int height = c.height;
    Frame f;
    const double top = title_y + 14 + lh + (legend.empty() ? 4 : 0);
    bool rotate = false;
    if (c.horizontal) {
        // the height follows the number of categories: bars keep a readable thickness
        const double band_px = c.stacked || ns == 1 ? 30.0 : 12.0 * static_cast<double>(ns) + 12;
        height =
            static_cast<int>(top + 52 + band_px * static_cast<double>(std::max<std::size_t>(n, 1)));
        f.left = std::min(300.0, cat_label_w + 16);
        f.right = c.width - (has_labels ? 70.0 : 24.0);
        f.top = top;
        f.bottom = height - 44.0;
    } else {
        double vlabel_w = 0;
        for (double t : vt)
            vlabel_w = std::max(vlabel_w, text_px(tick_label(t, tick_step(vt), c.decimal_mark)));
        f.left = std::max(56.0, vlabel_w + 34);
        f.right = c.width - 20.0;
        f.top = top + (has_labels ? 6 : 0);
        const double band = n > 0 ? (f.right - f.left) / static_cast<double>(n) : 1;
        const int every = std::max(1, c.label_every);
        rotate = cat_label_w > band * every - 6;
        const double bottom_space = rotate ? std::min(140.0, cat_label_w * 0.72 + 30) : 46.0;
        f.bottom = height - bottom_space;
    }
    std::string out = svg_open(c.width, height, c.title);
    if (!legend.empty()) draw_legend(out, legend, c.width, title_y + 22);

    const double band = n > 0 ? (c.horizontal ? f.h() : f.w()) / static_cast<double>(n) : 1;
    // value -> pixel along the value axis
    const auto V = [&](double v) {
        return c.horizontal ? f.left + (v - v_lo) / (v_hi - v_lo) * f.w()
                            : f.bottom - (v - v_lo) / (v_hi - v_lo) * f.h();
    };
    const auto band_start = [&](std::size_t i) {
        return (c.horizontal ? f.top : f.left) + band * static_cast<double>(i);
    };

    // highlighted categories
    for (std::size_t i : c.highlight) {
        if (i >= n) continue;
        const double b0 = band_start(i);
        if (c.horizontal) {
            out += "<rect x=\"" + px(0) + "\" y=\"" + px(b0) + "\" width=\"" + px(f.right) +
                   "\" height=\"" + px(band) + "\" fill=\"#fdd9d7\" fill-opacity=\"0.8\"/>";
        } else {
            out += "<rect x=\"" + px(b0) + "\" y=\"" + px(f.top) + "\" width=\"" + px(band) +
                   "\" height=\"" + px(f.h()) + "\" fill=\"#fdd9d7\" fill-opacity=\"0.8\"/>";
        }
    }
    if (!c.highlight.empty() && !c.highlight_label.empty() && c.highlight.front() < n) {
        const double b0 = band_start(c.highlight.front());
        if (c.horizontal) {
            out += "<text class=\"rl\" x=\"" + px(f.right - 4) + "\" y=\"" + px(b0 + 12) +
                   "\" text-anchor=\"end\" style=\"fill:#9b1c1c\">" +
                   html_escape(c.highlight_label) + "</text>";
        } else {
            const double tx = std::min(b0 + 2, f.right - text_px(c.highlight_label));
            out += "<text class=\"rl\" x=\"" + px(std::max(f.left + 2, tx)) + "\" y=\"" +
                   px(f.top + 12) + "\" style=\"fill:#9b1c1c\">" + html_escape(c.highlight_label) +
                   "</text>";
        }
    }
    // grid and value ticks
    for (double t : vt) {
        const double p = V(t);
        const std::string label = html_escape(tick_label(t, tick_step(vt), c.decimal_mark));
        if (c.horizontal) {
            out += "<line x1=\"" + px(p) + "\" y1=\"" + px(f.top) + "\" x2=\"" + px(p) +
                   "\" y2=\"" + px(f.bottom) + "\" stroke=\"#e3e3e3\"/>";
            out += "<text class=\"ax\" x=\"" + px(p) + "\" y=\"" + px(f.bottom + 16) +
                   "\" text-anchor=\"middle\">" + label + "</text>";
        } else {
            out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(p) + "\" x2=\"" + px(f.right) +
                   "\" y2=\"" + px(p) + "\" stroke=\"#e3e3e3\"/>";
            out += "<text class=\"ax\" x=\"" + px(f.left - 6) + "\" y=\"" + px(p + 4) +
                   "\" text-anchor=\"end\">" + label + "</text>";
        }
    }
    // bars
    const double inner = band * (c.horizontal ? 0.74 : 0.8);
    for (std::size_t i = 0; i < n; ++i) {
        const double b0 = band_start(i) + (band - inner) / 2;
        double pos = 0, neg = 0;
        double end_value = 0;
        for (std::size_t si = 0; si < c.series.size(); ++si) {
            const ChartSeries& s = c.series[si];
            const double v = i < s.y.size() && std::isfinite(s.y[i]) ? s.y[i] : 0;
            std::string colour = colour_of(s, si);
            if (c.series.size() == 1 && i < c.category_colours.size() &&
                !c.category_colours[i].empty())
                colour = c.category_colours[i];
            double from = 0, to = v;
            double w0 = b0, wsize = inner;
            if (c.stacked) {
                if (v >= 0) {
                    from = pos;
                    pos += v;
                    to = pos;
                } else {
                    from = neg;
                    neg += v;
                    to = neg;
                }
                end_value = pos > 0 ? pos : neg;
            } else {
                wsize = inner / static_cast<double>(ns);
                w0 = b0 + wsize * static_cast<double>(si);
                end_value = std::max(end_value, v);
            }
            const double p0 = V(from), p1 = V(to);
            const double lo = std::min(p0, p1), size = std::abs(p1 - p0);
            if (size > 0) {
                if (c.horizontal) {
                    out += "<rect x=\"" + px(lo) + "\" y=\"" + px(w0) + "\" width=\"" + px(size) +
                           "\" height=\"" + px(std::max(1.0, wsize - 1)) + "\" fill=\"" +
                           html_escape(colour) + "\"/>";
                } else {
                    out += "<rect x=\"" + px(w0) + "\" y=\"" + px(lo) + "\" width=\"" +
                           px(std::max(1.0, wsize - 1)) + "\" height=\"" + px(size) + "\" fill=\"" +
                           html_escape(colour) + "\"/>";
                }
            }
            // error whisker
            if (!c.stacked && i < s.error.size() && std::isfinite(s.error[i]) && s.error[i] > 0) {
                const double e0 = V(v - s.error[i]), e1 = V(v + s.error[i]);
                const double mid = w0 + wsize / 2;
                const double cap = std::min(6.0, wsize / 3);
                if (c.horizontal) {
                    out += "<path d=\"M" + px(e0) + " " + px(mid) + "H" + px(e1) + "M" + px(e0) +
                           " " + px(mid - cap) + "V" + px(mid + cap) + "M" + px(e1) + " " +
                           px(mid - cap) + "V" + px(mid + cap) +
                           "\" stroke=\"#222\" stroke-width=\"1.5\" fill=\"none\"/>";
                } else {
                    out += "<path d=\"M" + px(mid) + " " + px(e0) + "V" + px(e1) + "M" +
                           px(mid - cap) + " " + px(e0) + "H" + px(mid + cap) + "M" +
                           px(mid - cap) + " " + px(e1) + "H" + px(mid + cap) +
                           "\" stroke=\"#222\" stroke-width=\"1.5\" fill=\"none\"/>";
                }
            }
        }
        if (i < c.bar_labels.size() && !c.bar_labels[i].empty()) {
            const std::string label = html_escape(c.bar_labels[i]);
            if (c.horizontal) {
                const double p = V(std::max(0.0, end_value));
                out += "<text class=\"bl\" x=\"" + px(p + 4) + "\" y=\"" + px(b0 + inner / 2 + 4) +
                       "\">" + label + "</text>";
            } else {
                const double p = V(std::max(0.0, end_value));
                out += "<text class=\"bl\" x=\"" + px(b0 + inner / 2) + "\" y=\"" + px(p - 4) +
                       "\" text-anchor=\"middle\">" + label + "</text>";
            }
        }
    }
    // category labels
    const int every = std::max(1, c.label_every);
    for (std::size_t i = 0; i < n; ++i) {
        if (!c.horizontal && i % static_cast<std::size_t>(every) != 0) continue;
        const double mid = band_start(i) + band / 2;
        std::string text = c.categories[i];
        if (c.horizontal) {
            // keep the label inside the left margin: cut it with an ellipsis
            const auto room = static_cast<std::size_t>(std::max(4.0, (f.left - 12) / char_width));
            if (text_width_chars(text) > room) {
                std::size_t cut = 0, chars = 0;
                while (cut < text.size() && chars + 1 < room) {
                    ++cut;
                    while (cut < text.size() &&
                           (static_cast<unsigned char>(text[cut]) & 0xc0u) == 0x80u)
                        ++cut;
                    ++chars;
                }
                text = text.substr(0, cut) + "…";
            }
        }
        const std::string label = html_escape(text);
        if (c.horizontal) {
            out += "<text class=\"ax\" x=\"" + px(f.left - 6) + "\" y=\"" + px(mid + 4) +
                   "\" text-anchor=\"end\">" + label + "</text>";
        } else if (rotate) {
            out += "<text class=\"ax\" transform=\"translate(" + px(mid + 4) + "," +
                   px(f.bottom + 10) + ") rotate(-40)\" text-anchor=\"end\">" + label + "</text>";
        } else {
            out += "<text class=\"ax\" x=\"" + px(mid) + "\" y=\"" + px(f.bottom + 16) +
                   "\" text-anchor=\"middle\">" + label + "</text>";
        }
    }
    // axes (the zero line of the value axis, and the category axis)
    const double zero = V(std::clamp(0.0, v_lo, v_hi));
    if (c.horizontal) {
        out += "<line x1=\"" + px(zero) + "\" y1=\"" + px(f.top) + "\" x2=\"" + px(zero) +
               "\" y2=\"" + px(f.bottom) + "\" stroke=\"#444\"/>";
        out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(f.bottom) + "\" x2=\"" + px(f.right) +
               "\" y2=\"" + px(f.bottom) + "\" stroke=\"#444\"/>";
        draw_x_label(out, c.y_label, f, height - 10.0);
    } else {
        out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(zero) + "\" x2=\"" + px(f.right) +
               "\" y2=\"" + px(zero) + "\" stroke=\"#444\"/>";
        out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(f.top) + "\" x2=\"" + px(f.left) +
               "\" y2=\"" + px(f.bottom) + "\" stroke=\"#444\"/>";
        draw_y_label(out, c.y_label, f);
        if (!rotate) draw_x_label(out, c.x_label, f, height - 8.0);
    }
    // reference lines
    for (const ReferenceLine& l : c.lines) {
        const double p = V(l.value);
        if (c.horizontal) {
            out += "<line x1=\"" + px(p) + "\" y1=\"" + px(f.top) + "\" x2=\"" + px(p) +
                   "\" y2=\"" + px(f.bottom) + "\" stroke=\"" + html_escape(l.colour) +
                   "\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>";
        } else {
            out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(p) + "\" x2=\"" + px(f.right) +
                   "\" y2=\"" + px(p) + "\" stroke=\"" + html_escape(l.colour) +
                   "\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>";
            if (!l.label.empty()) out += reference_label_box(f.right - 4, p - 4, l, true);
        }
    }
    out += "</svg>";
    return out;
}

} // namespace riposte
