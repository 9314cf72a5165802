#pragma once
// The staffing roster: who from the pool works which shift, in which role. Built before the
// run from the plan's staffing requirements, within each person's weekly hours, days, commute
// limit and scope of practice. Every requirement that cannot be filled is a ShortfallRow.
#include "riposte/model/hours_ledger.hpp"
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"
#include "riposte/territory.hpp"

#include <cstdint>
#include <vector>

namespace riposte {

struct RosterPerson {
    int pool_entry = 0;
    ProfessionId profession{0};
    int home = 0;
    double weekly_hours = 0;
    WeekdayMask weekdays = all_weekdays;
    double max_commute_minutes = 0;
    bool on_call = false;  ///< a reserve: never rostered, called in by a decision
    SimTime call_in_delay; ///< reserves: from the call to leaving home
    std::uint64_t key = 0; ///< stable random-stream key
};

struct Assignment {
    PersonId person{0};
    RoleId role{0};
};

struct RosterShift {
    /// A centre of the plan, or a mobile team numbered after the centres (see build_roster).
    CentreId centre{0};
    int shift = 0, day = 0;
    SimTime start, end; ///< seconds of day
    std::vector<Assignment> people;
    bool has_medecin = false; ///< a médecin is rostered (supervised roles allowed)
    /// A part of plan shift `shift` (a "vacation" of at least min_part_hours): the people
    /// listed work from start to end only, within the shift; another part or the shift's own
    /// people cover the rest. has_medecin is the shift's. See build_roster.
    bool part = false;
    /// A replacement from the pool (Plan::replacement) for an absent person of roster shift
    /// `replaces` (then shift = -1, like a line added by a decision); -1 otherwise.
    int replaces = -1;
};

/// The shortest part of a shift a person is rostered for when nobody can work the whole
/// shift in their weekly hours (COVID centres ran on vacations of 2 to 4 hours).
inline constexpr double min_part_hours = 2.0;
/// Parts of a shift begin and end on these steps from the shift's start.
inline constexpr std::int64_t part_step_seconds = 15 * 60;

struct Roster {
    IdVector<PersonId, RosterPerson> people;
    /// ordered by (day, centre, shift); a shift's parts (part = true) follow it
    std::vector<RosterShift> shifts;
    std::vector<ShortfallRow> shortfalls;
    std::vector<double> hours_by_profession; ///< rostered hours over the whole run
    /// Each person's shifts and hours per calendar week: the roster's, then those the
    /// decisions add during a run (see HoursLedger).
    HoursLedger hours;
};

/// Expands the pool into individuals (in pool order).
IdVector<PersonId, RosterPerson> expand_pool(const World& world);

/// Units staffed: the plan's centres (index c), then its mobile teams (index centres + t).
/// travel_from_centre[u][commune] = minutes from unit u's commune (see territory.hpp), one
/// row per unit, sparse (only the communes within reach).
Roster build_roster(const Scenario& scenario, const std::vector<TravelRow>& travel_from_centre);
/// The same from dense rows (index = commune, infinity beyond reach).
Roster build_roster(const Scenario& scenario,
                    const std::vector<std::vector<double>>& travel_from_centre);

} // namespace riposte
