#pragma once
// "Did you mean …?" hints for the front ends (command and option typos).
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace riposte {

/// "; did you mean 'x'?" when a candidate is close enough to `word` to be a plausible typo
/// (edit distance with transpositions, case-insensitive), else "".
std::string suggest(std::string_view word, std::span<const std::string> candidates);
/// The candidate close enough to `word` to be a plausible typo, if any (for hints worded in
/// the reader's language).
std::optional<std::string> closest_candidate(std::string_view word,
                                             std::span<const std::string> candidates);

} // namespace riposte
