#pragma once
// The staffing hours ledger: for each person of the roster, the times they are committed to work
// and their hours per calendar week. The one source of truth for "within reach: weekly hours
// left": the roster build fills it, and the decisions that put people on a shift (add_line,
// call_reserve, change_hours) ask it and commit to it; a move between centres leaves it as it is
// (the person's time was committed already, the drive is part of it). Pure bookkeeping, like
// SlotBook: no clock, no random draws.
//
// Weeks are calendar weeks (Monday to Sunday) of the run: day d is in week
// (d + start_weekday) / 7. A span counts in the week of the day it begins. Times are kept in
// whole seconds, so that taking a commitment back (a refused decision) restores the ledger
// exactly.
#include "riposte/core/ids.hpp"
#include "riposte/core/sim_time.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace riposte {

class HoursLedger {
  public:
    HoursLedger() = default;
    /// One person per entry of `weekly_hours` (their limit per week, in hours), in the order of
    /// Roster::people.
    HoursLedger(std::vector<double> weekly_hours, int start_weekday);

    [[nodiscard]] std::size_t people() const { return people_.size(); }
    /// The calendar week of run day `day`.
    [[nodiscard]] int week_of(int day) const { return (day + start_weekday_) / 7; }
    [[nodiscard]] double weekly_hours(PersonId person) const { return at(person).weekly_hours; }

    /// Hours committed in `week` (starting then).
    [[nodiscard]] double committed(PersonId person, int week) const;
    /// Hours left in `week`: the weekly hours less those committed (may be negative).
    [[nodiscard]] double left(PersonId person, int week) const {
        return weekly_hours(person) - committed(person, week);
    }
    /// No commitment of the person overlaps [begin, end).
    [[nodiscard]] bool free(PersonId person, SimTime begin, SimTime end) const;
    /// [begin, end) fits within the hours left in the week of `begin` (a hair of tolerance).
    [[nodiscard]] bool has_hours(PersonId person, SimTime begin, SimTime end) const;
    /// Free then, with the hours left for it.
    [[nodiscard]] bool can_take(PersonId person, SimTime begin, SimTime end) const {
        return has_hours(person, begin, end) && free(person, begin, end);
    }

    /// The person works [begin, end) (absolute times; end > begin).
    void commit(PersonId person, SimTime begin, SimTime end);
    struct Commitment {
        PersonId person{0};
        SimTime begin, end;
    };
    /// The same as commit() for each of `list` in turn, the ledger left exactly as those calls
    /// leave it, in one pass (the roster build's millions of spans: no vector grown span by
    /// span).
    void commit_all(const std::vector<Commitment>& list);
    /// Takes back a commitment made with exactly these times; false if there is none.
    bool release(PersonId person, SimTime begin, SimTime end);

    /// Same people, spans and hours (for the tests).
    friend bool operator==(const HoursLedger& a, const HoursLedger& b) = default;

  private:
    struct Span {
        SimTime begin, end;
        friend bool operator==(const Span& a, const Span& b) = default;
    };
    struct Person {
        double weekly_hours = 0;
        std::vector<Span> spans;                         // by begin
        SimTime longest;                                 // the longest span
        std::vector<std::pair<int, std::int64_t>> weeks; // (week, seconds), by week
        friend bool operator==(const Person& a, const Person& b) = default;
    };
    [[nodiscard]] const Person& at(PersonId person) const { return people_[person]; }
    /// `seconds` more in the person's `week` (its entry made when missing).
    static void add_week_seconds(Person& p, int week, std::int64_t seconds);
    IdVector<PersonId, Person> people_;
    int start_weekday_ = 0;
};

// Inline: the roster build asks these for every candidate of every shift.
inline double HoursLedger::committed(PersonId person, int week) const {
    const auto& weeks = at(person).weeks;
    // the weeks asked about are nearly always the last ones
    for (auto it = weeks.rbegin(); it != weeks.rend(); ++it) {
        if (it->first == week) return static_cast<double>(it->second) / 3600.0;
        if (it->first < week) break;
    }
    return 0.0;
}

inline bool HoursLedger::free(PersonId person, SimTime begin, SimTime end) const {
    const Person& p = at(person);
    // spans beginning before `end`, back to those that could still reach `begin`
    auto it = std::lower_bound(p.spans.begin(), p.spans.end(), end,
                               [](const Span& s, SimTime t) { return s.begin < t; });
    while (it != p.spans.begin()) {
        --it;
        if (it->begin + p.longest <= begin) break;
        if (it->end > begin) return false;
    }
    return true;
}

inline bool HoursLedger::has_hours(PersonId person, SimTime begin, SimTime end) const {
    return committed(person, week_of(begin.day())) + (end - begin).hours() <=
           weekly_hours(person) + 1e-9;
}

} // namespace riposte
