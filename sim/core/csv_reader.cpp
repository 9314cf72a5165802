#include "csv_reader.hpp"

#include "text_parse.hpp"

#include "riposte/text/diagnostic_texts.hpp"

#include <charconv>
#include <cmath>

namespace riposte::loader {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// The problem with a cell's bytes, or nullptr: TOML refuses both, and so does riposte's CSV
/// (a NUL byte or a stray Latin-1 byte would reach messages and the HTML report).
const text::Text* bad_cell_text(const std::string& text, std::string& id) {
    if (text.find('\0') != std::string::npos) {
        id = "csv.nul_byte";
        return &text::diag.csv_nul_byte;
    }
    if (find_invalid_utf8(text)) {
        id = "csv.bad_utf8";
        return &text::diag.csv_bad_utf8;
    }
    return nullptr;
}

} // namespace

CsvTable parse_csv(std::string_view text, const std::string& file, Diagnostics& diags,
                   std::size_t max_rows) {
    CsvTable t;
    t.file = file;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

    std::size_t i = 0;
    int line = 1;
    std::size_t line_start = 0; // byte offset of the current line's first byte
    bool have_header = false;
    // Columns are counted from the last position asked on the same line, so that a very long
    // line costs linear time, not quadratic.
    std::size_t col_line = 0, col_pos = 0;
    int col_at = 1;
    auto column_at = [&](std::size_t pos) {
        if (col_line != line_start || pos < col_pos) {
            col_line = line_start;
            col_pos = line_start;
            col_at = 1;
        }
        col_at += utf8_columns(text.substr(col_pos), pos - col_pos);
        col_pos = pos;
        return col_at;
    };
    std::size_t cells = 0;

    while (i < text.size()) {
        // Each dropped line reported one syntax error.
        if (t.bad_rows >= max_csv_syntax_errors) {
            diags.error(
                {file, line, 1}, "csv.too_many_errors",
                say(text::diag.csv_too_many_errors, {std::to_string(max_csv_syntax_errors)}));
            return t;
        }
        // Skip blank lines and comments.
        if (text[i] == '\n' || text[i] == '\r') {
            if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++i;
            ++line;
            line_start = i;
            continue;
        }
        {
            // A line holding only spaces is blank; a line starting with '#' is a comment.
            std::size_t k = i;
            while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
            if (k == text.size() || text[k] == '\n' || text[k] == '\r' || text[i] == '#') {
                while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
                continue;
            }
        }
        CsvRow row;
        row.line = line;
        bool row_bad = false;
        for (;;) { // one cell per iteration
            if (++cells > max_csv_cells) {
                diags.error({file, line, column_at(i)}, "csv.too_many_cells",
                            say(text::diag.csv_too_many_cells, {std::to_string(max_csv_cells)}));
                ++t.bad_rows;
                return t;
            }
            CsvCell cell;
            cell.line = line;
            cell.column = column_at(i);
            if (i < text.size() && text[i] == '"') {
                const int open_line = line, open_col = cell.column;
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            cell.text += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n') {
                        ++line;
                        line_start = i + 1;
                    }
                    cell.text += c;
                    ++i;
                }
                if (!closed) {
                    diags.error({file, open_line, open_col}, "csv.syntax",
                                say(text::diag.csv_unterminated));
                    row_bad = true;
                    break;
                }
                // Only spaces may follow the closing quote.
                while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    diags.error({file, line, column_at(i)}, "csv.syntax",
                                say(text::diag.csv_after_quote));
                    row_bad = true;
                    while (i < text.size() && text[i] != '\n') ++i;
                    break;
                }
            } else {
                const std::size_t b = i;
                while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') ++i;
                const std::string_view raw = text.substr(b, i - b);
                // Column of the first non-space character.
                std::size_t lead = 0;
                while (lead < raw.size() && (raw[lead] == ' ' || raw[lead] == '\t')) ++lead;
                cell.column = column_at(b + lead);
                cell.text = std::string(trim(raw));
            }
            std::string id;
            if (const text::Text* problem = bad_cell_text(cell.text, id)) {
                diags.error({file, cell.line, cell.column}, id, say(*problem));
                row_bad = true;
                while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
                break;
            }
            row.cells.push_back(std::move(cell));
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            break;
        }
        if (row_bad) {
            ++t.bad_rows;
        } else {
            if (!have_header) {
                t.header = std::move(row.cells);
                have_header = true;
            } else {
                if (t.rows.size() >= max_rows) {
                    diags.error({file, row.line, 1}, "csv.too_many_rows",
                                say(text::diag.csv_too_many_rows, {std::to_string(max_rows)}));
                    return t;
                }
                t.rows.push_back(std::move(row));
            }
        }
        // Now at end of line (or file).
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') {
            ++i;
            ++line;
            line_start = i;
        }
    }
    return t;
}

CsvColumns::CsvColumns(const CsvTable& t, std::span<const std::string_view> required,
                       std::span<const std::string_view> optional, Diagnostics& diags) {
    for (std::size_t k = 0; k < t.header.size(); ++k) {
        const std::string name = ascii_lower(t.header[k].text);
        bool dup = false;
        for (const auto& [n, idx] : map_)
            if (n == name) dup = true;
        if (dup) {
            diags.error(cell_loc(t, t.header[k]), "csv.header",
                        say(text::diag.csv_column_twice, {t.header[k].text}));
            ok_ = false;
            continue;
        }
        map_.emplace_back(name, static_cast<int>(k));
    }
    std::vector<std::string_view> missing;
    for (auto r : required)
        if (index(r) < 0) missing.push_back(r);
    std::vector<std::string_view> missing_any = missing;
    for (auto o : optional)
        if (index(o) < 0) missing_any.push_back(o);
    std::vector<std::string_view> known(required.begin(), required.end());
    known.insert(known.end(), optional.begin(), optional.end());
    // Unknown header cells close to a missing known name: a typo.
    for (const auto& cell : t.header) {
        const std::string name = ascii_lower(cell.text);
        bool is_known = false;
        for (auto k : known)
            if (k == name) is_known = true;
        if (is_known) continue;
        if (auto m = closest_match(name, std::span<const std::string_view>(missing_any))) {
            diags.error(cell_loc(t, cell), "csv.header",
                        say(text::diag.csv_unknown_column, {cell.text}) +
                            say(text::diag.did_you_mean, {*m}));
            ok_ = false;
        }
    }
    if (!missing.empty()) {
        std::string list;
        for (auto m : missing) list += (list.empty() ? "" : ", ") + std::string(m);
        std::string expected;
        for (auto k : known) expected += (expected.empty() ? "" : ",") + std::string(k);
        const SourceLoc where =
            t.header.empty() ? SourceLoc{t.file, 1, 1} : cell_loc(t, t.header.front());
        diags.error(where, "csv.header",
                    say(t.header.empty()     ? text::diag.csv_empty
                        : missing.size() > 1 ? text::diag.csv_missing_columns
                                             : text::diag.csv_missing_column,
                        {list, expected}));
        ok_ = false;
    }
}

int CsvColumns::index(std::string_view name) const {
    for (const auto& [n, idx] : map_)
        if (n == name) return idx;
    return -1;
}

bool check_row_width(const CsvTable& t, const CsvRow& row, std::size_t needed, Diagnostics& diags) {
    const std::size_t n = row.cells.size();
    if (n < needed || n > t.header.size()) {
        const std::size_t expected = t.header.size();
        SourceLoc where{t.file, row.line, 1};
        if (n > expected) where = cell_loc(t, row.cells[expected]);
        diags.error(
            where, "csv.row_width",
            say(n > expected ? text::diag.csv_too_many_row_cells : text::diag.csv_too_few_row_cells,
                {std::to_string(expected), std::to_string(n)}));
        return false;
    }
    return true;
}

SourceLoc cell_loc(const CsvTable& t, const CsvCell& c) {
    return {t.file, c.line, c.column};
}

std::optional<double> parse_double(std::string_view s) {
    s = trim(s);
    if (s.empty()) return std::nullopt;
    if (s.front() == '+') s.remove_prefix(1);
    double v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<std::int64_t> parse_int(std::string_view s) {
    s = trim(s);
    if (s.empty()) return std::nullopt;
    if (s.front() == '+') s.remove_prefix(1);
    std::int64_t v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

} // namespace riposte::loader
