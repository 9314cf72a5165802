// Booking: the day's requests in a reproducible random order, slots within the horizon, both
// injections together, walk-in-only visits.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

void Simulation::Impl::process_bookings(int d) {
    auto& list = requests_[static_cast<std::size_t>(d)];
    // who books first today is random but reproducible: order by a per-(person, day) key
    const std::uint64_t day_salt =
        mix64(opt_.seed ^ (static_cast<std::uint64_t>(opt_.replication) << 32) ^
              static_cast<std::uint64_t>(d) * 0x9e3779b97f4a7c15ULL);
    std::vector<std::pair<std::uint64_t, std::int32_t>> order;
    order.reserve(list.size());
    for (std::int32_t p : list) order.emplace_back(mix64(person_key(p) ^ day_salt), p);
    std::sort(order.begin(), order.end());
    list.clear();
    list.shrink_to_fit();
    for (const auto& [key, p] : order) {
        DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
        if (dp.doses > 0 || dp.state == Booked) continue;
        // Free slots only go down during today's bookings: once someone of a commune and
        // group found nothing, everyone after them from there would find nothing either.
        const std::size_t k = cg(dp.commune, dp.group);
        const bool hopeless = cg_failed_day_[k] == d;
        if (hopeless || !try_book(p, d)) {
            cg_failed_day_[k] = d;
            // no appointment: off to the nearest walk-in-only centre, if one is within reach
            if (any_walk_in_only_ && plan_walk_in(p, d, 1, true)) continue;
            if (any_walk_ins_ && dp.state != Listed) {
                dp.state = Listed;
                walkin_list_[static_cast<std::size_t>(dp.commune)].push_back(p);
            }
            rebook_later(p, d);
        }
    }
}

void Simulation::Impl::cancel_second_dose(DemandPerson& dp) {
    if (dp.dose2_centre == none) return;
    CentreRt& rt = centres_[static_cast<std::size_t>(dp.dose2_centre)];
    --rt.booked[static_cast<std::size_t>(dp.dose2_day)];
    rt.first_free = std::min(rt.first_free, static_cast<int>(dp.dose2_day));
    dp.dose2_centre = none;
    dp.dose2_day = -1;
}

void Simulation::Impl::rebook_later(std::int32_t p, int d) {
    const int next = d + std::max(1, w_.behaviour.retry_days);
    DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
    if (dp.state == Booked) dp.state = Waiting;
    if (next < w_.days) requests_[static_cast<std::size_t>(next)].push_back(p);
}

bool Simulation::Impl::find_slot(int c, int from, int to, int& day) const {
    const CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    for (int e = std::max({0, from, rt.first_free}); e <= std::min(to, w_.days - 1); ++e)
        if (rt.booked[static_cast<std::size_t>(e)] < rt.opened[static_cast<std::size_t>(e)]) {
            day = e;
            return true;
        }
    return false;
}

bool Simulation::Impl::try_book(std::int32_t p, int d) {
    DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
    const auto& grp = w_.groups[static_cast<std::size_t>(dp.group)];
    const int horizon = horizon_changes_.empty() ? plan_.booking.horizon_days : booking_horizon(d);
    for (const auto& [c, minutes] : vacc_choices_[static_cast<std::size_t>(dp.commune)]) {
        int e = 0;
        int from = d; // same-day booking: requests are handled at midnight
        while (find_slot(c, from, d + horizon, e)) {
            // book both injections together (as French booking platforms did): the second
            // must fit within a week after the interval, unless it falls past the horizon
            if (grp.doses >= 2) {
                const int e2_from = e + grp.interval_days;
                if (e2_from < w_.days) {
                    int e2 = 0;
                    if (!find_slot(c, e2_from, e2_from + 7, e2)) {
                        from = e + 1;
                        continue;
                    }
                    book(c, e, p, 1);
                    book(c, e2, p, 2);
                    dp.dose2_centre = c;
                    dp.dose2_day = static_cast<std::int16_t>(e2);
                    dp.state = Booked;
                    return true;
                }
            }
            book(c, e, p, 1);
            dp.state = Booked;
            return true;
        }
    }
    return false;
}

bool Simulation::Impl::plan_walk_in(std::int32_t p, int from_day, std::int8_t dose,
                                    bool draw_delay) {
    DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
    int day = from_day;
    if (draw_delay) {
        Rng r = rng_for(person_key(p) ^ mix64((static_cast<std::uint64_t>(from_day) << 8) |
                                              static_cast<std::uint64_t>(dose)),
                        Purpose::WalkIn);
        day += static_cast<int>(std::max(0.0, w_.behaviour.walk_in_delay.sample(r)) / 86400.0);
    }
    const auto& choices = walkin_choices_[static_cast<std::size_t>(dp.commune)];
    if (choices.empty()) return false;
    for (int e = std::max(0, day); e < w_.days; ++e)
        for (const auto& [c, minutes] : choices)
            if (plan_.centres[static_cast<std::size_t>(c)].open_on(e, w_.start_weekday)) {
                walk_visits_[static_cast<std::size_t>(c)][static_cast<std::size_t>(e)].push_back(
                    {p, dose});
                dp.state = Booked;
                return true;
            }
    return false;
}

double Simulation::Impl::walk_in_time_of_day(const Centre& def, Rng& r) const {
    // an hour by the centre's profile (flat if none) over the opening hours, then a uniform
    // instant within the open part of that hour
    const bool flat = std::all_of(def.hourly_profile.begin(), def.hourly_profile.end(),
                                  [](double x) { return x <= 0; });
    std::array<double, 24> weight{};
    double total = 0;
    const auto opens = static_cast<double>(def.opens.seconds());
    const auto closes = static_cast<double>(def.closes.seconds());
    for (std::size_t h = 0; h < 24; ++h) {
        const double lo = std::max(opens, 3600.0 * static_cast<double>(h));
        const double hi = std::min(closes, 3600.0 * static_cast<double>(h + 1));
        if (hi <= lo) continue;
        weight[h] = (flat ? 1.0 : def.hourly_profile[h]) * (hi - lo) / 3600.0;
        total += weight[h];
    }
    if (total <= 0) return opens;
    double u = r.uniform01() * total;
    for (std::size_t h = 0; h < 24; ++h) {
        if (weight[h] <= 0) continue;
        if (u < weight[h] || h == 23) {
            const double lo = std::max(opens, 3600.0 * static_cast<double>(h));
            const double hi = std::min(closes, 3600.0 * static_cast<double>(h + 1));
            return std::min(hi - 1.0, lo + r.uniform01() * (hi - lo));
        }
        u -= weight[h];
    }
    return opens;
}

void Simulation::Impl::book(int c, int day, std::int32_t p, std::int8_t dose) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    const auto du = static_cast<std::size_t>(day);
    const std::int64_t k = rt.booked[du]++;
    while (rt.first_free < w_.days && rt.booked[static_cast<std::size_t>(rt.first_free)] >=
                                          rt.opened[static_cast<std::size_t>(rt.first_free)])
        ++rt.first_free;
    const auto pos =
        static_cast<std::int32_t>((k * rt.stride) % std::max<std::int64_t>(1, rt.n_positions));
    rt.bookings[du].push_back({p, pos, dose});
}

} // namespace riposte
