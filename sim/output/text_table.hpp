#pragma once
// Internal to sim/output: plain-text tables with aligned columns. Widths count UTF-8 code
// points, so accented French names line up in a terminal.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace riposte::output_detail {

enum class Align { Left, Right };

struct Column {
    std::string title;
    Align align = Align::Right;
};

class TextTable {
  public:
    explicit TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}
    /// Missing cells are blank; extra cells are ignored.
    void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    /// Header (when `header`), then the rows; each line starts with `indent` spaces and
    /// columns are separated by two spaces. Trailing blanks are trimmed.
    [[nodiscard]] std::string render(std::size_t indent, bool header = true) const;

  private:
    std::vector<Column> columns_;
    std::vector<std::vector<std::string>> rows_;
};

/// Number of code points in a UTF-8 string (continuation bytes are not counted).
std::size_t display_width(std::string_view utf8);

} // namespace riposte::output_detail
