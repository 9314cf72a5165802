#pragma once
// How the plan shares vaccine deliveries and how many slots a centre can open: one rule used
// by the model and by validation, so the two never disagree.
#include "riposte/scenario.hpp"

#include <cstdint>
#include <vector>

namespace riposte {

struct Allocation {
    std::vector<std::vector<std::int64_t>> centre_doses; ///< [centre][day] doses arriving
    std::vector<std::vector<std::int64_t>> team_doses;   ///< [mobile team][day] doses arriving
    std::int64_t delivered = 0;                          ///< doses delivered within the run
};

/// Depot deliveries are shared by the centres and mobile teams using that vaccine, in
/// proportion to their allocation share, in whole vials (largest remainder, ties to the
/// earlier one); deliveries addressed to a centre go to it.
Allocation allocate_deliveries(const Scenario& scenario);

/// Bookable positions of one open day: opening hours / slot length × doses per slot, plus the
/// overbooking share.
std::int64_t slot_capacity_per_day(const Centre& centre, const BookingPolicy& booking);

/// Slots a centre opens each day (French rule): its daily capacity on open days, never more
/// than the doses allocated to it so far minus the slots already opened. `doses` holds the
/// doses arriving per day (Allocation::centre_doses of the centre).
std::vector<std::int64_t> slots_opened_per_day(const Centre& centre, const BookingPolicy& booking,
                                               const std::vector<std::int64_t>& doses,
                                               int start_weekday);
/// The same rule with each day's own capacity (`capacity[d]`: a centre whose hours change on
/// some days, see change_hours).
std::vector<std::int64_t> slots_opened_per_day(const Centre& centre,
                                               const std::vector<std::int64_t>& doses,
                                               int start_weekday,
                                               const std::vector<std::int64_t>& capacity);

} // namespace riposte
