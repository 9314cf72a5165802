// Booking: the day's requests in a reproducible random order, slots within the horizon, both
// injections together, walk-in-only visits.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

// Who books first today is random but reproducible: requests are taken in the order of a
// per-(person, day) key. Sorting every request of the day by that key made booking most of the
// run time on large territories, so the day is worked out in three passes that give the same
// outcome as taking everyone in key order:
//  1. Free slots only go down during the day's bookings, and everyone of one (commune, group)
//     asks the same centres for the same slots: a (commune, group) that can book nothing at
//     the start of the day books nothing all day. Its people fail without a key, unless their
//     failure has an order-dependent effect (a walk-in visit planned, a place on the walk-in
//     list); those are kept with their key for pass 3.
//  2. The others contend, one heap per (commune, group), merged by key: people are taken in
//     key order until their (commune, group) fails; everyone after them there fails too.
//  3. The failures with an order-dependent effect are taken in key order. Their effects (walk-in
//     visits, the walk-in list) never touch the slots, so running them after the bookings gives
//     what running them in between did. A rebooking's order does not matter: the day it is
//     taken up, the key orders it again.
void Simulation::Impl::begin_bookings(int d) {
    BookingDay& b = booking_;
    b = BookingDay{};
    b.day = d;
    b.phase = BookingDay::SortOut;
    b.list = std::move(requests_[static_cast<std::size_t>(d)]);
    requests_[static_cast<std::size_t>(d)] = {};
    b.day_salt = mix64(opt_.seed ^ (static_cast<std::uint64_t>(opt_.replication) << 32) ^
                       static_cast<std::uint64_t>(d) * 0x9e3779b97f4a7c15ULL);
    b.next = d + std::max(1, w_.behaviour.retry_days);
    b.bucket_of.resize(b.list.size()); // written in pass 1, slice by slice
    if (cg_probe_day_.size() != cg_failed_day_.size()) {
        cg_probe_day_.assign(cg_failed_day_.size(), -1);
        cg_bucket_.assign(cg_failed_day_.size(), -1);
    }
}

void Simulation::Impl::booking_failure(std::int32_t p, std::optional<std::uint64_t> key) {
    // rebooked at once when its order does not matter, else kept for pass 3
    BookingDay& b = booking_;
    const DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
    const bool order_matters =
        (any_walk_ins_ && dp.state != Listed) ||
        (any_walk_in_only_ && !walkin_choices_[static_cast<std::size_t>(dp.commune)].empty());
    if (order_matters) {
        b.ordered_failures.push_back({key ? *key : mix64(person_key(p) ^ b.day_salt), p});
    } else if (b.next < w_.days) {
        requests_[static_cast<std::size_t>(b.next)].push_back(p);
    }
}

bool Simulation::Impl::continue_bookings() {
    BookingDay& b = booking_;
    const int d = b.day;
    if (b.phase == BookingDay::SortOut) {
        // pass 1: sort out the (commune, group)s that can book nothing today
        for (; b.at < b.list.size(); ++b.at) {
            if (slice_spent()) return false;
            const std::int32_t p = b.list[b.at];
            const DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
            b.bucket_of[b.at] = -1;
            if (dp.doses > 0 || dp.state == Booked) continue;
            const std::size_t k = cg(dp.commune, dp.group);
            if (cg_probe_day_[k] != d) {
                cg_probe_day_[k] = d;
                if (can_book(dp.commune, dp.group, d)) {
                    cg_bucket_[k] = static_cast<std::int32_t>(b.touched.size());
                    b.touched.push_back(static_cast<std::int32_t>(k));
                    b.bucket_size.push_back(0);
                } else {
                    cg_bucket_[k] = -1;
                    cg_failed_day_[k] = d;
                }
            }
            if (cg_bucket_[k] < 0) {
                booking_failure(p, std::nullopt);
            } else {
                ++b.bucket_size[static_cast<std::size_t>(cg_bucket_[k])];
                b.bucket_of[b.at] = cg_bucket_[k];
            }
        }
        // one min-heap of keys per contending (commune, group), laid out bucket after bucket
        const std::size_t n = b.touched.size();
        b.begin.assign(n + 1, 0);
        b.end.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            b.begin[i + 1] = b.begin[i] + static_cast<std::size_t>(b.bucket_size[i]);
            b.end[i] = b.begin[i];
        }
        b.keyed.resize(b.begin[n]);
        b.at = 0;
        b.phase = BookingDay::Scatter;
    }
    if (b.phase == BookingDay::Scatter) {
        for (; b.at < b.list.size(); ++b.at) {
            const std::int32_t bucket = b.bucket_of[b.at];
            if (bucket < 0) continue;
            if (slice_spent()) return false;
            const std::int32_t p = b.list[b.at];
            const auto k = static_cast<std::size_t>(b.touched[static_cast<std::size_t>(bucket)]);
            // person_key(p), with the (commune, group) already at hand
            const std::uint64_t pk =
                mix64(person_key_base_[k] + static_cast<std::uint64_t>(p - person_first_[k]));
            b.keyed[b.end[static_cast<std::size_t>(bucket)]++] = {mix64(pk ^ b.day_salt), p};
        }
        b.list.clear();
        b.list.shrink_to_fit();
        b.bucket_of.clear();
        b.bucket_of.shrink_to_fit();
        b.heads.reserve(b.touched.size());
        b.at = 0;
        b.phase = BookingDay::Heaps;
    }
    if (b.phase == BookingDay::Heaps) {
        for (; b.at < b.touched.size(); ++b.at) {
            if (slice_spent(b.end[b.at] - b.begin[b.at])) return false;
            std::make_heap(b.keyed.begin() + static_cast<std::ptrdiff_t>(b.begin[b.at]),
                           b.keyed.begin() + static_cast<std::ptrdiff_t>(b.end[b.at]),
                           std::greater<>{});
            booking_push_head(b.at);
        }
        b.phase = BookingDay::Merge;
    }
    if (b.phase == BookingDay::Merge) {
        // pass 2: the contenders merged by key, until their (commune, group) fails
        while (!b.heads.empty()) {
            if (slice_spent()) return false;
            std::pop_heap(b.heads.begin(), b.heads.end(), std::greater<>{});
            const BookingDay::Head h = b.heads.back();
            b.heads.pop_back();
            const std::int32_t p = h.item.p;
            const DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
            if (dp.doses > 0 || dp.state == Booked) { // an earlier copy of this request booked
                booking_push_head(h.bucket);
                continue;
            }
            if (try_book(p, d)) {
                booking_push_head(h.bucket);
                continue;
            }
            // nothing left for this (commune, group) today: everyone after them fails as well
            cg_failed_day_[static_cast<std::size_t>(b.touched[h.bucket])] = d;
            booking_failure(p, std::uint64_t{h.item.key});
            const std::size_t from = b.begin[h.bucket], to = b.end[h.bucket];
            slice_spent(to - from);
            if (!any_walk_ins_ && !any_walk_in_only_) {
                // nothing depends on their order: straight back to the retry day. None of them
                // is booked: a copy of one request has the same key, so it would have come next.
                if (b.next < w_.days)
                    for (std::size_t i = from; i < to; ++i)
                        requests_[static_cast<std::size_t>(b.next)].push_back(b.keyed[i].p);
                continue;
            }
            for (std::size_t i = from; i < to; ++i) {
                const DemandPerson& other = persons_[static_cast<std::size_t>(b.keyed[i].p)];
                if (other.doses > 0 || other.state == Booked) continue;
                booking_failure(b.keyed[i].p, std::uint64_t{b.keyed[i].key});
            }
        }
        for (std::int32_t k : b.touched) cg_bucket_[static_cast<std::size_t>(k)] = -1;
        b.keyed.clear();
        b.keyed.shrink_to_fit();
        std::sort(b.ordered_failures.begin(), b.ordered_failures.end());
        b.at = 0;
        b.phase = BookingDay::Ordered;
    }
    if (b.phase == BookingDay::Ordered) {
        // pass 3: the failures whose effects depend on their order, in key order
        for (; b.at < b.ordered_failures.size(); ++b.at) {
            if (slice_spent()) return false;
            const BookingDay::Keyed& f = b.ordered_failures[b.at];
            DemandPerson& dp = persons_[static_cast<std::size_t>(f.p)];
            if (dp.doses > 0 || dp.state == Booked) continue; // an earlier copy went to walk in
            // no appointment: off to the nearest walk-in-only centre, if one is within reach
            if (any_walk_in_only_ && plan_walk_in(f.p, d, 1, true)) continue;
            if (any_walk_ins_ && dp.state != Listed) {
                dp.state = Listed;
                walkin_list_[static_cast<std::size_t>(dp.commune)].push_back(f.p);
            }
            rebook_later(f.p, d);
        }
    }
    booking_ = BookingDay{};
    return true;
}

void Simulation::Impl::booking_push_head(std::size_t bucket) {
    BookingDay& b = booking_;
    if (b.end[bucket] == b.begin[bucket]) return;
    std::pop_heap(b.keyed.begin() + static_cast<std::ptrdiff_t>(b.begin[bucket]),
                  b.keyed.begin() + static_cast<std::ptrdiff_t>(b.end[bucket]), std::greater<>{});
    b.heads.push_back({b.keyed[--b.end[bucket]], static_cast<std::uint32_t>(bucket)});
    std::push_heap(b.heads.begin(), b.heads.end(), std::greater<>{});
}

void Simulation::Impl::cancel_second_dose(DemandPerson& dp) {
    if (dp.dose2_centre == none) return;
    centres_[static_cast<std::size_t>(dp.dose2_centre)].slots.cancel(dp.dose2_day);
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
    const int e = centres_[static_cast<std::size_t>(c)].slots.first_free(from, to);
    if (e < 0) return false;
    day = e;
    return true;
}

bool Simulation::Impl::find_booking(int commune, int group, int d, Booking& b) const {
    const auto& grp = w_.groups[static_cast<std::size_t>(group)];
    const int horizon = horizon_changes_.empty() ? plan_.booking.horizon_days : booking_horizon(d);
    for (const auto& [c, minutes] : vacc_choices_[static_cast<std::size_t>(commune)]) {
        int e = 0;
        int from = d; // same-day booking: requests are handled at midnight
        while (find_slot(c, from, d + horizon, e)) {
            // book both injections together (as French booking platforms did): the second
            // must fit within a week after the interval, unless it falls past the horizon
            b = {c, e, -1};
            if (grp.doses >= 2) {
                const int e2_from = e + grp.interval_days;
                if (e2_from < w_.days) {
                    int e2 = 0;
                    if (!find_slot(c, e2_from, e2_from + 7, e2)) {
                        from = e + 1;
                        continue;
                    }
                    b.day2 = e2;
                }
            }
            return true;
        }
    }
    return false;
}

bool Simulation::Impl::can_book(int commune, int group, int d) const {
    Booking b;
    return find_booking(commune, group, d, b);
}

bool Simulation::Impl::try_book(std::int32_t p, int d) {
    DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
    Booking b;
    if (!find_booking(dp.commune, dp.group, d, b)) return false;
    book(b.centre, b.day, p, 1);
    if (b.day2 >= 0) {
        book(b.centre, b.day2, p, 2);
        dp.dose2_centre = static_cast<std::int16_t>(b.centre);
        dp.dose2_day = static_cast<std::int16_t>(b.day2);
    }
    dp.state = Booked;
    return true;
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

double Simulation::Impl::walk_in_time_of_day(const Centre& def, CentreCalendar::Hours hours,
                                             Rng& r) const {
    // an hour by the centre's profile (flat if none) over the opening hours, then a uniform
    // instant within the open part of that hour
    const bool flat = std::all_of(def.hourly_profile.begin(), def.hourly_profile.end(),
                                  [](double x) { return x <= 0; });
    std::array<double, 24> weight{};
    double total = 0;
    const auto opens = static_cast<double>(hours.opens.seconds());
    const auto closes = static_cast<double>(hours.closes.seconds());
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
    const std::int64_t k = rt.slots.book(day);
    const auto pos =
        static_cast<std::int32_t>((k * rt.stride) % std::max<std::int64_t>(1, rt.n_positions));
    rt.bookings[static_cast<std::size_t>(day)].push_back({p, pos, dose});
}

} // namespace riposte
