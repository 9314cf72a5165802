#pragma once
// The journal's block structure, without TOML (docs/exercise.md "The journal"): a header ending
// with the line "# end of header", then entry blocks each ending with the line
// "# end of entry N". A block is complete only once its end line, newline included, is on
// disk, so a crash mid-write leaves a torn tail that this scan finds. Shared by the writer
// (resume) and the reader in sim/scenario.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace riposte::journal_format {

inline constexpr std::string_view header_end_line = "# end of header";
inline constexpr std::string_view entry_end_prefix = "# end of entry ";

struct Block {
    std::size_t begin = 0, end = 0; ///< bytes [begin, end), end just after the end line
    int first_line = 1;             ///< 1-based line where the block begins
    int line = 1;                   ///< line of its first non-blank text (its [[entry]])
    std::uint64_t number = 0;       ///< N of its "# end of entry N" line
};

struct Scan {
    bool header_complete = false;
    std::size_t header_end = 0; ///< just after the header's end line
    std::vector<Block> entries; ///< complete entry blocks, in file order
    std::size_t tail = 0;       ///< just after the last complete block (or the header)
    bool torn = false;          ///< text other than blanks follows `tail`
    int tail_line = 0;          ///< line of the first such text
};

Scan scan(std::string_view text);

} // namespace riposte::journal_format
