#pragma once
// The HTML report of a results directory (riposte report, and --report on run / compare /
// validate): one self-contained HTML file (no network, no script) whose charts are inline SVG
// drawn by riposte's own chart code, in French (default) or English. It reads only the files
// riposte writes (CSV tables, summary.json, compare.json, validation.json), so it also works
// on a directory written by an earlier run. See docs/report.md.
#include "riposte/text/strings.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace riposte {

/// What build_report() produced.
struct ReportResult {
    std::string html;               ///< the document (empty on error)
    std::string error;              ///< "path:line: error: message" when the input is unusable
    std::vector<std::string> notes; ///< files missing or skipped (the report is still made)
    [[nodiscard]] bool ok() const { return error.empty(); }
};

/// Reads the result files in `results_dir` and builds the report. A directory without any
/// riposte result (summary.json, compare.json or validation.json) is an error.
ReportResult build_report(const std::filesystem::path& results_dir, Language language);

// ---- reading riposte's own files (also used by the tests) ----

/// A CSV document: the header and the rows (RFC 4180: quoted fields, doubled quotes, line
/// breaks inside quotes).
struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    /// Index of column `name`, or -1.
    [[nodiscard]] int column(std::string_view name) const;
};

/// Parses `text`; on a malformed document returns nullopt and sets `error` to
/// "`name`:line: error: what is wrong" (a row with the wrong number of fields, an unclosed
/// quote).
std::optional<CsvTable> parse_csv(std::string_view text, std::string_view name, std::string& error);

struct JsonMember;

/// A parsed JSON value (numbers as double; object keys in document order).
struct JsonValue {
    enum class Type { Null, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<JsonValue> array;
    /// Members in document order. A vector of a type completed below: std::vector allows an
    /// incomplete element type (C++17), but std::pair<std::string, JsonValue> would have to be
    /// instantiated here while JsonValue is still incomplete, which clang rejects.
    std::vector<JsonMember> object;

    /// Member `key` of an object, or nullptr.
    [[nodiscard]] const JsonValue* find(std::string_view key) const;
    /// Helpers with a fallback when the member is missing or of another type.
    [[nodiscard]] std::string text(std::string_view key, std::string fallback = {}) const;
    [[nodiscard]] double num(std::string_view key, double fallback = 0) const;
    [[nodiscard]] bool flag(std::string_view key, bool fallback = false) const;
};

/// One member of a JSON object.
struct JsonMember {
    std::string key;
    JsonValue value;
};

/// Parses a JSON document; nullopt and `error` ("`name`:line: error: ...") when malformed.
std::optional<JsonValue> parse_json(std::string_view text, std::string_view name,
                                    std::string& error);

// ---- SVG charts (pure functions; the report's building blocks) ----

/// One series of a chart. Line charts use `x` and `y` (a NaN y breaks the line); bar charts
/// use `y` indexed by category. `error` (optional) holds ± half-widths drawn as whiskers.
struct ChartSeries {
    std::string name;
    std::string colour; ///< CSS colour, e.g. "#0072B2"
    std::vector<double> x, y, error;
    bool dashed = false;
    bool markers = false; ///< line charts: draw points only (e.g. targets)
};

/// A horizontal (value axis) reference line, e.g. a threshold.
struct ReferenceLine {
    double value = 0;
    std::string label;
    std::string colour = "#c62828";
};

/// A moment on the x axis (an inject, a decision): a thin vertical line with a short label on
/// top and the full text as its tooltip.
struct TimeMarker {
    double x = 0;
    std::string label;   ///< short, e.g. "3"
    std::string tooltip; ///< the full text
    std::string colour = "#555555";
};

struct LineChart {
    std::string title, x_label, y_label;
    std::vector<ChartSeries> series;
    std::vector<ReferenceLine> lines;
    /// Explicit x ticks (value, label); empty: automatic numeric ticks.
    std::vector<std::pair<double, std::string>> x_ticks;
    /// A highlighted x range (e.g. the worst day) and its label; ignored when from > to.
    double highlight_from = 1, highlight_to = 0;
    std::string highlight_label;
    std::vector<TimeMarker> markers; ///< drawn over the series
    bool y_from_zero = true;
    double y_max = 0;        ///< > 0: the value axis reaches at least this (shared scales)
    char decimal_mark = '.'; ///< ',' for French tick labels
    int width = 900, height = 320;
};

struct BarChart {
    std::string title, x_label, y_label; ///< y_label names the value axis
    std::vector<std::string> categories;
    std::vector<ChartSeries> series; ///< y[i] is the value of category i
    bool stacked = false;            ///< stack the series (else side by side)
    bool horizontal = false;         ///< categories down the left, values to the right
    /// Per-category colours for a single series (e.g. red beyond a threshold); empty: the
    /// series colour.
    std::vector<std::string> category_colours;
    /// Text drawn at the end of each category's bar or stack (e.g. "2.1%"); may be empty.
    std::vector<std::string> bar_labels;
    std::vector<ReferenceLine> lines;
    std::vector<std::size_t> highlight; ///< categories drawn on a highlighted band
    std::string highlight_label;
    /// Show one category label in `label_every` (vertical charts with many categories).
    int label_every = 1;
    char decimal_mark = '.'; ///< ',' for French tick labels
    int width = 900, height = 320;
};

/// An <svg> element (no XML namespace attribute: it is meant to be inlined in HTML) with a
/// title, axes with ticks and labels, a legend when there are several series, and the
/// reference lines labelled.
std::string svg_line_chart(const LineChart& chart);
std::string svg_bar_chart(const BarChart& chart);

/// "Nice" axis ticks covering [lo, hi]: about `target` values at steps of 1, 2 or 5 × 10^k.
std::vector<double> nice_ticks(double lo, double hi, int target = 5);

/// Text escaped for HTML / SVG (&, <, >, ", ').
std::string html_escape(std::string_view text);

} // namespace riposte
