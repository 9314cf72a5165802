#pragma once
// Random streams. Every draw in a model comes from a stream keyed by (entity, purpose), seeded
// from (master seed, replication, entity, purpose) through the SplitMix64 mixer, so changing one
// entity never shifts another entity's draws (common random numbers across plan variants).
// Generator: xoshiro256** (Blackman & Vigna, 2018), written here.
#include <cstdint>
#include <string_view>

namespace riposte {

/// SplitMix64 finaliser (Steele, Lea & Flood 2014): a bijective 64-bit mixer.
constexpr std::uint64_t mix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// Stable 64-bit key of a name (FNV-1a then mixed): entity keys come from names, not indices,
/// so that adding a centre to a plan leaves the other centres' streams unchanged.
constexpr std::uint64_t name_key(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return mix64(h);
}

/// Purposes of random draws. Append only: the value takes part in stream seeding.
enum class Purpose : std::uint32_t {
    Service = 1,
    Arrival = 2,
    NoShow = 3,
    Punctuality = 4,
    Booking = 5,
    Absence = 6,
    TestDemand = 7,
    WalkIn = 8,
    LabDelay = 9,
    Generic = 10,
    Roster = 11,
};

class Rng {
  public:
    Rng() : Rng(0, 0, 0, 0) {}
    Rng(std::uint64_t master_seed, std::uint64_t replication, std::uint64_t entity,
        Purpose purpose);
    Rng(std::uint64_t master_seed, std::uint64_t replication, std::uint64_t entity,
        std::uint32_t purpose);

    /// The part of the seeding that a run's streams share (master seed and replication): a
    /// model that seeds many streams computes it once and passes it to Rng(RunKey, ...), which
    /// gives exactly the stream Rng(master_seed, replication, entity, purpose) gives.
    struct RunKey {
        std::uint64_t h = 0;
    };
    static constexpr RunKey run_key(std::uint64_t master_seed, std::uint64_t replication) {
        return {mix64(mix64(master_seed) ^ mix64(replication + 0x632be59bd9b4e019ULL))};
    }
    Rng(RunKey run, std::uint64_t entity, Purpose purpose) {
        seed_from(run, entity, static_cast<std::uint32_t>(purpose));
    }

    std::uint64_t next_u64() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    /// Uniform in [0, 1) with 53 random bits.
    double uniform01() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
    /// Uniform in (0, 1]: safe for log().
    double uniform01_open0() { return 1.0 - uniform01(); }
    /// Uniform integer in [0, n), n > 0 (Lemire's nearly divisionless method, exact).
    std::uint64_t below(std::uint64_t n);
    bool bernoulli(double p) { return uniform01() < p; }

  private:
    void seed_from(RunKey run, std::uint64_t entity, std::uint32_t purpose) {
        // Documented mixer: fold the four key parts through SplitMix64 one after the other
        // (the first two in run_key()), then expand the result into the 256-bit state with four
        // more SplitMix64 steps.
        std::uint64_t h = mix64(run.h ^ entity);
        h = mix64(h ^ (static_cast<std::uint64_t>(purpose) * 0xd1b54a32d192ed03ULL));
        for (auto& s : s_) {
            h += 0x9e3779b97f4a7c15ULL;
            s = mix64(h);
        }
        if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1; // all-zero state is forbidden
    }
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) {
        return (x << k) | (x >> (64 - k));
    }
    std::uint64_t s_[4];
};

} // namespace riposte
