#include "core/journal_format.hpp"

namespace riposte::journal_format {

namespace {

bool blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim_end(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

/// N of an entry's end line, 0 when `line` is not one.
std::uint64_t entry_end_number(std::string_view line) {
    if (!line.starts_with(entry_end_prefix)) return 0;
    const std::string_view digits = line.substr(entry_end_prefix.size());
    if (digits.empty() || digits.size() > 18) return 0;
    std::uint64_t n = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
}

} // namespace

Scan scan(std::string_view text) {
    Scan s;
    std::size_t pos = 0, block_begin = 0;
    int line = 1, block_first_line = 1, block_text_line = 0;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) break; // an unterminated last line ends nothing
        const std::string_view content = trim_end(text.substr(pos, nl - pos));
        const std::size_t next = nl + 1;
        if (block_text_line == 0) {
            for (const char c : content)
                if (!blank(c)) {
                    block_text_line = line;
                    break;
                }
        }
        if (!s.header_complete) {
            if (content == header_end_line) {
                s.header_complete = true;
                s.header_end = next;
                block_begin = next;
                block_first_line = line + 1;
                block_text_line = 0;
            }
        } else if (const std::uint64_t n = entry_end_number(content)) {
            Block b;
            b.begin = block_begin;
            b.end = next;
            b.first_line = block_first_line;
            b.line = block_text_line ? block_text_line : line;
            b.number = n;
            s.entries.push_back(b);
            block_begin = next;
            block_first_line = line + 1;
            block_text_line = 0;
        }
        pos = next;
        ++line;
    }
    s.tail = s.header_complete ? block_begin : 0;
    int l = s.header_complete ? block_first_line : 1;
    for (std::size_t i = s.tail; i < text.size(); ++i) {
        if (!blank(text[i])) {
            s.torn = true;
            s.tail_line = l;
            break;
        }
        if (text[i] == '\n') ++l;
    }
    return s;
}

} // namespace riposte::journal_format
