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
    seed_from(run_key(master_seed, replication), entity, purpose);
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
