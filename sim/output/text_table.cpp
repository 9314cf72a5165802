#include "output/text_table.hpp"

#include <algorithm>

namespace riposte::output_detail {

std::size_t display_width(std::string_view utf8) {
    std::size_t n = 0;
    for (char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xc0u) != 0x80u) ++n;
    }
    return n;
}

std::string TextTable::render(std::size_t indent, bool header) const {
    const std::size_t ncols = columns_.size();
    std::vector<std::size_t> width(ncols, 0);
    const auto cell = [&](const std::vector<std::string>& row, std::size_t c) -> std::string_view {
        return c < row.size() ? std::string_view(row[c]) : std::string_view{};
    };
    for (std::size_t c = 0; c < ncols; ++c) {
        if (header) width[c] = display_width(columns_[c].title);
        for (const auto& row : rows_) width[c] = std::max(width[c], display_width(cell(row, c)));
    }

    std::string out;
    const auto emit = [&](const auto& get) {
        std::string line(indent, ' ');
        for (std::size_t c = 0; c < ncols; ++c) {
            const std::string_view text = get(c);
            const std::size_t pad = width[c] - std::min(width[c], display_width(text));
            if (c > 0) line += "  ";
            if (columns_[c].align == Align::Right) line.append(pad, ' ');
            line += text;
            if (columns_[c].align == Align::Left) line.append(pad, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line;
        out += '\n';
    };
    if (header) emit([&](std::size_t c) { return std::string_view(columns_[c].title); });
    for (const auto& row : rows_) emit([&](std::size_t c) { return cell(row, c); });
    return out;
}

} // namespace riposte::output_detail
