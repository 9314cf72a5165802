#include "riposte/core/suggest.hpp"

#include "core/text_parse.hpp"

namespace riposte {

std::string suggest(std::string_view word, std::span<const std::string> candidates) {
    return loader::did_you_mean(word, candidates);
}

std::optional<std::string> closest_candidate(std::string_view word,
                                             std::span<const std::string> candidates) {
    return loader::closest_match(word, candidates);
}

} // namespace riposte
