#include "riposte/core/rng.hpp"

namespace riposte {

namespace {
__extension__ typedef unsigned __int128 u128;
}

Rng::Rng(std::uint64_t master_seed, std::uint64_t replication, std::uint64_t entity,
         Purpose purpose)
    : Rng(master_seed, replication, entity, static_cast<std::uint32_t>(purpose)) {}

Rng::Rng(std::uint64_t master_seed, std::uint64_t replication, std::uint64_t entity,
         std::uint32_t purpose) {
    // Documented mixer: fold the four key parts through SplitMix64 one after the other, then
    // expand the result into the 256-bit state with four more SplitMix64 steps.
    std::uint64_t h = mix64(master_seed);
    h = mix64(h ^ mix64(replication + 0x632be59bd9b4e019ULL));
    h = mix64(h ^ entity);
    h = mix64(h ^ (static_cast<std::uint64_t>(purpose) * 0xd1b54a32d192ed03ULL));
    for (auto& s : s_) {
        h += 0x9e3779b97f4a7c15ULL;
        s = mix64(h);
    }
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1; // all-zero state is forbidden
}

std::uint64_t Rng::below(std::uint64_t n) {
    // Lemire (2019), "Fast random integer generation in an interval".
    u128 m = static_cast<u128>(next_u64()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = static_cast<u128>(next_u64()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

} // namespace riposte
