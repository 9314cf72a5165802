#pragma once
// Shared by the scenario loader and the national commune table (sim/model/national_table).
// A small RFC 4180 CSV reader that keeps the line and column of every cell, so that a bad cell
// is reported as file:line:column. Lines starting with '#' are comments; blank lines are
// skipped; a UTF-8 byte order mark is ignored; "quoted, cells" may hold commas and "" quotes.
#include "riposte/diagnostics.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace riposte::loader {

struct CsvCell {
    std::string text;
    int line = 0;
    int column = 0;
};

struct CsvRow {
    int line = 0;
    std::vector<CsvCell> cells;
};

struct CsvTable {
    std::string file;
    std::vector<CsvCell> header;
    std::vector<CsvRow> rows;
    /// Lines dropped for a syntax error (reported): a reader that resolves names against the
    /// table knows that a name may be missing because of them.
    std::size_t bad_rows = 0;
};

/// Past this many syntax errors in one file (a binary file has one per line), parsing stops
/// with a last message saying so.
inline constexpr std::size_t max_csv_syntax_errors = 20;
/// Cells read from one file at most (the national table has about 320,000): bounds the memory
/// a file of commas could take.
inline constexpr std::size_t max_csv_cells = 4'000'000;

/// Parses CSV text. Syntax problems (unterminated quote, text after a closing quote, a cell
/// that is not UTF-8 text or holds a NUL byte) are reported into `diags` at the cell; the line
/// is dropped and parsing goes on with the next line. `max_rows` guards against
/// absurdly large files: past it, an error is reported and reading stops.
CsvTable parse_csv(std::string_view text, const std::string& file, Diagnostics& diags,
                   std::size_t max_rows);

/// Column lookup by header name, with checks for required columns and typos in names.
class CsvColumns {
  public:
    /// `required` and `optional` are the column names the reader understands. A missing required
    /// column is reported at the header line. A header cell close to a known name that is
    /// missing is reported as a likely typo. Other extra columns are ignored (a national table
    /// has more columns than a territory needs).
    CsvColumns(const CsvTable& t, std::span<const std::string_view> required,
               std::span<const std::string_view> optional, Diagnostics& diags);
    /// Index of a column, or -1 when absent.
    [[nodiscard]] int index(std::string_view name) const;
    [[nodiscard]] bool ok() const { return ok_; }

  private:
    std::vector<std::pair<std::string, int>> map_;
    bool ok_ = true;
};

/// Checks that a row has at least `needed` cells (the highest column index used + 1) and at
/// most `header` cells; reports "expected N cells, found M" at the row otherwise.
bool check_row_width(const CsvTable& t, const CsvRow& row, std::size_t needed, Diagnostics& diags);

SourceLoc cell_loc(const CsvTable& t, const CsvCell& c);

/// Strict number parsing of a whole cell (no trailing text). Surrounding spaces are allowed.
std::optional<double> parse_double(std::string_view s);
std::optional<std::int64_t> parse_int(std::string_view s);

} // namespace riposte::loader
