#pragma once
// A centre's opening hours day by day: the plan's hours, unless a decision (change_hours)
// changed them for some days. Pure bookkeeping, like SlotBook: no clock, no random draws.
// Holds nothing per day until a day is changed, so a run without changes pays nothing.
#include "riposte/core/sim_time.hpp"

#include <vector>

namespace riposte {

class CentreCalendar {
  public:
    struct Hours {
        SimTime opens, closes; ///< times of day
        bool operator==(const Hours&) const = default;
    };
    CentreCalendar() = default;
    CentreCalendar(SimTime opens, SimTime closes) : plan_{opens, closes} {}

    /// The hours of `day` (the plan's outside the run or where nothing changed them).
    [[nodiscard]] Hours on(int day) const {
        if (by_day_.empty() || day < 0 || static_cast<std::size_t>(day) >= by_day_.size())
            return plan_;
        return by_day_[static_cast<std::size_t>(day)];
    }
    [[nodiscard]] const Hours& plan() const { return plan_; }
    /// `day` of a run of `days` days opens and closes at these times.
    void set(int day, int days, Hours h) {
        if (day < 0 || day >= days) return;
        if (by_day_.empty()) by_day_.assign(static_cast<std::size_t>(days), plan_);
        by_day_[static_cast<std::size_t>(day)] = h;
    }
    /// True when some day's hours differ from the plan's.
    [[nodiscard]] bool changed() const { return !by_day_.empty(); }

  private:
    Hours plan_{hours(8), hours(18)};
    std::vector<Hours> by_day_;
};

} // namespace riposte
