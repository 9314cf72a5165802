#pragma once
// Simulated time: an integer count of seconds since the start of the scenario (day 0, 00:00).
#include <compare>
#include <cstdint>

namespace riposte {

class SimTime {
  public:
    constexpr SimTime() = default;
    constexpr explicit SimTime(std::int64_t seconds) : s_(seconds) {}
    [[nodiscard]] constexpr std::int64_t seconds() const { return s_; }
    [[nodiscard]] constexpr double minutes() const { return static_cast<double>(s_) / 60.0; }
    [[nodiscard]] constexpr double hours() const { return static_cast<double>(s_) / 3600.0; }
    /// Day index (0-based) this instant falls in.
    [[nodiscard]] constexpr int day() const { return static_cast<int>(s_ / 86400); }
    /// Seconds since midnight of day().
    [[nodiscard]] constexpr std::int64_t second_of_day() const { return s_ % 86400; }

    constexpr auto operator<=>(const SimTime&) const = default;
    constexpr SimTime& operator+=(SimTime o) {
        s_ += o.s_;
        return *this;
    }
    constexpr SimTime& operator-=(SimTime o) {
        s_ -= o.s_;
        return *this;
    }
    friend constexpr SimTime operator+(SimTime a, SimTime b) { return SimTime{a.s_ + b.s_}; }
    friend constexpr SimTime operator-(SimTime a, SimTime b) { return SimTime{a.s_ - b.s_}; }
    friend constexpr SimTime operator*(SimTime a, std::int64_t k) { return SimTime{a.s_ * k}; }

    static constexpr SimTime max() { return SimTime{INT64_MAX / 4}; }

  private:
    std::int64_t s_ = 0;
};

constexpr SimTime seconds(std::int64_t s) {
    return SimTime{s};
}
constexpr SimTime minutes(std::int64_t m) {
    return SimTime{m * 60};
}
constexpr SimTime hours(std::int64_t h) {
    return SimTime{h * 3600};
}
constexpr SimTime days(std::int64_t d) {
    return SimTime{d * 86400};
}
/// Rounds a duration in (fractional) seconds to the nearest whole second, never negative.
constexpr SimTime round_seconds(double s) {
    return SimTime{s <= 0.0 ? 0 : static_cast<std::int64_t>(s + 0.5)};
}

} // namespace riposte
