// The day cycle: deliveries, bookings and arrivals at the day's start, rows at its end, doors
// opening and closing, queue samples.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

void Simulation::Impl::on_day_start(int d) {
    const auto du = static_cast<std::size_t>(d);
    last_day_started_ = d;
    // what the heap grew by since the last day goes on huge pages too (a large territory)
    if (prefetch_next_) advise_heap_huge_pages(heap_grow_bytes);
    // supply
    for (std::size_t c = 0; c < centres_.size(); ++c) {
        CentreRt& rt = centres_[CentreId{c}];
        rt.acc = DayAcc{};
        rt.acc.row.centre = static_cast<int>(c);
        rt.acc.row.day = d;
        rt.acc.test.centre = static_cast<int>(c);
        rt.acc.test.day = d;
        rt.tests_today = 0;
        for (auto* v :
             {&rt.role_staffed_s, &rt.role_busy_s, &rt.role_overtime_s, &rt.role_busy_overtime_s})
            std::fill(v->begin(), v->end(), 0.0);
        std::fill(rt.role_required.begin(), rt.role_required.end(), 0);
        std::fill(rt.role_present.begin(), rt.role_present.end(), 0);
        if (rt.alloc[du] > 0) {
            rt.vials.receive(rt.alloc[du]);
            LogEntry e = log_entry(LogKind::Delivery, LogEvent::DosesDelivered);
            e.count = rt.alloc[du];
            e.centre = static_cast<std::int32_t>(c);
            log(std::move(e));
        }
        rt.acc.row.slots_opened = rt.slots.opened(d);
    }
    for (const TeamId t : teams_.ids())
        if (const std::int64_t doses = teams_.deliver(t, d); doses > 0) {
            LogEntry e = log_entry(LogKind::Delivery, LogEvent::TeamDosesDelivered);
            e.count = doses;
            e.team = t.value();
            log(std::move(e));
        }
    for (const auto& k : w_.test_kit_deliveries)
        if (k.day == d) {
            test_kits_ += k.kits;
            LogEntry e = log_entry(LogKind::Delivery, LogEvent::KitsDelivered);
            e.count = k.kits;
            log(std::move(e));
        }

    // bookings made today (from today onwards), then staff, doors and arrivals: on a large
    // territory this is seconds of work, done in slices when the run is stepped (a pause waits
    // for one slice, not for the whole day start); the slices do exactly what one go would
    begin_bookings(d);
    day_start_ = DayStartRun{};
    day_start_.day = d;
    day_start_.phase = DayStartRun::Bookings;
    continue_day_start();
}

bool Simulation::Impl::continue_day_start() {
    DayStartRun& run = day_start_;
    const int d = run.day;
    const auto du = static_cast<std::size_t>(d);
    if (run.phase == DayStartRun::Bookings) {
        if (!continue_bookings()) return false;
        run.phase = DayStartRun::Staff;
    }
    if (run.phase == DayStartRun::Staff) {
        staff_day_start(d);
        run.phase = DayStartRun::Centres;
        run.centre = 0;
    }
    if (run.phase == DayStartRun::Centres) {
        for (; run.centre < centres_.size(); ++run.centre) {
            if (slice_spent(1 + centres_[CentreId{run.centre}].bookings[du].size())) return false;
            centre_day_start(CentreId{run.centre}, d);
        }
        run.phase = DayStartRun::Testing;
    }
    testing_day_start(d);
    day_start_ = DayStartRun{};
    return true;
}

void Simulation::Impl::staff_day_start(int d) {
    const auto du = static_cast<std::size_t>(d);
    const SimTime t0 = day_start(d);
    for (int rs : shifts_by_day_[du]) {
        const RosterShift& s = roster_.shifts[static_cast<std::size_t>(rs)];
        sim_.schedule(t0 + s.start, h_, ShiftStart, static_cast<std::uint32_t>(rs), 0,
                      prio_shift_start);
        if (s.centre.index() >= centres_.size()) continue; // a mobile team
        sim_.schedule(t0 + s.end, h_, ShiftEnd, static_cast<std::uint32_t>(rs), 0,
                      at_day_edge(s.end, prio_shift_end, prio_shift_end_midnight));
        for (const auto& a : s.people) ++centres_[s.centre].role_required[a.role.index()];
    }
}

void Simulation::Impl::centre_day_start(CentreId ci, int d) {
    // doors, booked arrivals, walk-ins
    const auto du = static_cast<std::size_t>(d);
    const auto c = ci.index();
    const SimTime t0 = day_start(d);
    std::vector<CentreRt::PendingArrival> fresh; // in the order they were scheduled
    {
        const Centre& def = plan_.centres[c];
        CentreRt& rt = centres_[CentreId{c}];
        if (!def.open_on(d, w_.start_weekday)) return;
        const CentreCalendar::Hours hours = rt.calendar.on(d);
        sim_.schedule(t0 + hours.opens, h_, CentreOpen, static_cast<std::uint32_t>(c), 0,
                      prio_open);
        // a centre in continuous operation closes only before a day it is not open
        if (!def.continuous || !def.open_on(d + 1, w_.start_weekday) || d + 1 >= w_.days)
            sim_.schedule(t0 + hours.closes, h_, CentreClose, static_cast<std::uint32_t>(c),
                          rt.close_gen, at_day_edge(hours.closes, prio_close, prio_close_midnight));
        if (def.walk_in_only) {
            for (const WalkVisit& v : walk_visits_[c][du]) {
                Rng r = rng_for(person_key(v.person) ^ mix64((static_cast<std::uint64_t>(d) << 8) |
                                                             static_cast<std::uint64_t>(v.dose)),
                                Purpose::Arrival);
                const double at =
                    static_cast<double>(t0.seconds()) + walk_in_time_of_day(def, hours, r);
                ++rt.acc.row.walk_ins;
                fresh.push_back({SimTime{static_cast<std::int64_t>(std::floor(at))}, 0, v.person,
                                 v.dose, true});
            }
            schedule_arrivals(ci, fresh);
            walk_visits_[c][du].clear();
            walk_visits_[c][du].shrink_to_fit();
        } else if (def.vaccinates()) {
            // People booked on the same slot are asked to come at the slot's time: with
            // doses_per_slot = 3 (or overbooking) they arrive together, around it.
            const SimTime slot_length =
                d >= rt.slot_change_from ? rt.slot_length_now : def.slot_length;
            const std::int64_t slots =
                std::max<std::int64_t>(1, (hours.closes - hours.opens).seconds() /
                                              std::max<std::int64_t>(1, slot_length.seconds()));
            for (const BookingRec& b : rt.bookings[du]) {
                DemandPerson& dp = demand_.person(b.person);
                if (b.dose == 2 && (dp.doses != 1 || dp.dose2_day != d)) continue; // cancelled
                const std::uint64_t pk = person_key(b.person) ^ static_cast<std::uint64_t>(b.dose);
                Rng r = rng_for(pk, Purpose::NoShow);
                if (r.bernoulli(w_.behaviour.no_show)) {
                    ++rt.acc.row.no_shows;
                    if (b.dose == 1) cancel_second_dose(dp);
                    if (b.dose == 1) rebook_later(b.person, d);
                    continue;
                }
                Rng pr = rng_for(pk, Purpose::Punctuality);
                const std::int64_t slot =
                    rt.n_positions > 0 ? static_cast<std::int64_t>(b.pos) * slots / rt.n_positions
                                       : 0;
                const double slot_s = static_cast<double>(slot * slot_length.seconds());
                const double shift_s = (w_.behaviour.punctuality.sample_signed(pr));
                double at = static_cast<double>((t0 + hours.opens).seconds()) + slot_s + shift_s;
                at = std::max(at, static_cast<double>((t0 + hours.opens).seconds()));
                fresh.push_back({SimTime{static_cast<std::int64_t>(std::llround(at))}, 0, b.person,
                                 b.dose, false});
            }
            schedule_arrivals(ci, fresh);
            rt.bookings[du].clear();
            rt.bookings[du].shrink_to_fit();
            if (def.walk_ins_per_hour > 0 || rt.surge_until > t0) {
                rt.walkin_clock_s = static_cast<double>((t0 + hours.opens).seconds());
                schedule_next_walk_in(ci, t0 + hours.closes);
            }
        }
    }
}

void Simulation::Impl::testing_day_start(int d) {
    // testing demand: daily incidence × tests per case, from each commune to its nearest
    // testing centre open today, spread over the hours by the time-of-day profile
    const auto du = static_cast<std::size_t>(d);
    const SimTime t0 = day_start(d);
    const double inc =
        du < w_.epidemic.incidence_per_100k.size() ? w_.epidemic.incidence_per_100k[du] : 0.0;
    if (inc > 0 && w_.epidemic.tests_per_case > 0) {
        std::vector<double> centre_daily(centres_.size(), 0.0);
        double unmet = 0;
        for (std::size_t m = 0; m < w_.territory.communes.size(); ++m) {
            double want = inc / 1e5 * static_cast<double>(w_.territory.communes[m].population) *
                          w_.epidemic.tests_per_case;
            if (!people_surges_.empty()) want *= people_surge_factor(static_cast<int>(m), t0);
            bool found = false;
            for (const auto& [c, t] : test_choices_[m])
                if (plan_.centres[static_cast<std::size_t>(c)].open_on(d, w_.start_weekday)) {
                    centre_daily[static_cast<std::size_t>(c)] += want;
                    found = true;
                    break;
                }
            if (!found) unmet += want;
        }
        unmet_tests_ += static_cast<std::int64_t>(std::llround(unmet));
        for (std::size_t c = 0; c < centres_.size(); ++c) {
            CentreRt& rt = centres_[CentreId{c}];
            const CentreCalendar::Hours hours = rt.calendar.on(d);
            rt.test_rate.fill(0);
            if (centre_daily[c] <= 0) continue;
            // demand of the day is concentrated in opening hours, weighted by the profile
            double wsum = 0;
            const auto open_h = static_cast<int>(hours.opens.seconds() / 3600);
            const auto close_h = static_cast<int>((hours.closes.seconds() + 3599) / 3600);
            for (int hh = open_h; hh < std::min(24, close_h); ++hh)
                wsum += w_.epidemic.hourly_profile[static_cast<std::size_t>(hh)];
            if (wsum <= 0) continue;
            for (int hh = open_h; hh < std::min(24, close_h); ++hh)
                rt.test_rate[static_cast<std::size_t>(hh)] =
                    centre_daily[c] * w_.epidemic.hourly_profile[static_cast<std::size_t>(hh)] /
                    wsum;
            rt.acc.test.demand = static_cast<std::int64_t>(std::llround(centre_daily[c]));
            schedule_next_test_arrival(CentreId{c},
                                       static_cast<double>((t0 + hours.opens).seconds()));
        }
    }
}

std::int32_t Simulation::Impl::arriving_patient(CentreId c, const CentreRt::PendingArrival& a) {
    const std::int32_t p = new_patient();
    Patient& pt = pat(p);
    pt.person = a.person;
    pt.centre = c;
    pt.type = PatientType::Vaccination;
    pt.dose = a.dose;
    pt.walk_in = a.walk_in;
    return p;
}

void Simulation::Impl::schedule_arrivals(CentreId c, std::vector<CentreRt::PendingArrival>& fresh) {
    if (fresh.empty()) return;
    CentreRt& rt = centres_[c];
    const std::uint64_t first = sim_.reserve_sequence(fresh.size());
    for (std::size_t i = 0; i < fresh.size(); ++i) fresh[i].sequence = first + i;
    if (rt.next_arrival < rt.arrivals.size()) {
        // yesterday's stream has not run out (an arrival past midnight): schedule today's at
        // once, at the places they would have had
        for (const CentreRt::PendingArrival& a : fresh)
            sim_.schedule_reserved(a.at, a.sequence, h_, Arrival,
                                   static_cast<std::uint32_t>(arriving_patient(c, a)), 0,
                                   prio_arrival);
        fresh.clear();
        return;
    }
    rt.next_arrival = 0;
    // same time: in scheduling order, as the event heap would take them. The sequences follow
    // the order of `fresh`, so (time, sequence) orders as (time, index): one 64-bit key per
    // arrival (seconds after the day's earliest above, index below), sorted by a stable radix
    // sort on the seconds (a byte a pass, as many passes as the day's span needs), then the
    // records gathered in that order.
    const auto [lo, hi] =
        std::minmax_element(fresh.begin(), fresh.end(),
                            [](const CentreRt::PendingArrival& a,
                               const CentreRt::PendingArrival& b) { return a.at < b.at; });
    const std::int64_t first_at = lo->at.seconds();
    const std::int64_t span = hi->at.seconds() - first_at;
    if (fresh.size() <= 0xffffffffU && span <= 0xffffffffLL) {
        static thread_local std::vector<std::uint64_t> keys, spare;
        const std::size_t n = fresh.size();
        if (keys.size() < n) {
            keys.resize(n);
            spare.resize(n);
        }
        for (std::size_t i = 0; i < n; ++i)
            keys[i] = (static_cast<std::uint64_t>(fresh[i].at.seconds() - first_at) << 32) |
                      static_cast<std::uint64_t>(i);
        for (unsigned shift = 32; shift < 64 && (static_cast<std::uint64_t>(span) >> (shift - 32));
             shift += 8) {
            std::array<std::uint32_t, 257> start{};
            for (std::size_t i = 0; i < n; ++i) ++start[((keys[i] >> shift) & 0xffU) + 1];
            for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
            for (std::size_t i = 0; i < n; ++i)
                spare[start[(keys[i] >> shift) & 0xffU]++] = keys[i];
            keys.swap(spare);
        }
        rt.arrivals.clear();
        rt.arrivals.reserve(n);
        for (std::size_t j = 0; j < n; ++j) rt.arrivals.push_back(fresh[keys[j] & 0xffffffffU]);
        fresh.clear();
    } else {
        rt.arrivals.swap(fresh);
        fresh.clear();
        std::sort(rt.arrivals.begin(), rt.arrivals.end(),
                  [](const CentreRt::PendingArrival& a, const CentreRt::PendingArrival& b) {
                      return a.at != b.at ? a.at < b.at : a.sequence < b.sequence;
                  });
    }
    const CentreRt::PendingArrival& n = rt.arrivals.front();
    sim_.schedule_reserved(n.at, n.sequence, h_, BookedArrival,
                           static_cast<std::uint32_t>(c.value()), 0, prio_arrival);
}

void Simulation::Impl::on_booked_arrival(CentreId c) {
    CentreRt& rt = centres_[c];
    const std::int32_t p = arriving_patient(c, rt.arrivals[rt.next_arrival++]);
    if (rt.next_arrival < rt.arrivals.size()) {
        const CentreRt::PendingArrival& n = rt.arrivals[rt.next_arrival];
        sim_.schedule_reserved(n.at, n.sequence, h_, BookedArrival,
                               static_cast<std::uint32_t>(c.value()), 0, prio_arrival);
    } else {
        rt.arrivals.clear();
        rt.next_arrival = 0;
    }
    on_arrival(p);
}

void Simulation::Impl::on_day_end(int d) {
    for (const TeamId t : teams_.ids()) { // the teams' rows of the day, in order
        MobileDayRow row;
        if (teams_.take_row(t, row)) res_.mobile_days.push_back(row);
    }
    if (d == w_.days - 1) // the run ends: closing staff still inside are counted until now
        for (CentreRt& rt : centres_) release_closing_shifts(rt);
    for (std::size_t c = 0; c < centres_.size(); ++c) {
        CentreRt& rt = centres_[CentreId{c}];
        const Centre& def = plan_.centres[c];
        const bool open = def.open_on(d, w_.start_weekday);
        DayAcc& a = rt.acc;
        if (!open && a.row.arrivals == 0 && rt.alloc[static_cast<std::size_t>(d)] == 0) continue;
        sort_seconds(a.wait_s);
        if (!a.wait_s.empty()) {
            double sum = 0;
            for (const std::uint32_t x : a.wait_s) sum += minutes_of_seconds(x);
            a.row.wait_mean_min = sum / static_cast<double>(a.wait_s.size());
            a.row.wait_p50_min = percentile_sorted_seconds_min(a.wait_s, 50);
            a.row.wait_p90_min = percentile_sorted_seconds_min(a.wait_s, 90);
            a.row.wait_p95_min = percentile_sorted_seconds_min(a.wait_s, 95);
            a.row.wait_max_min = minutes_of_seconds(a.wait_s.back());
        }
        a.row.time_in_centre_mean_min = a.time_in_centre.mean();
        a.row.stock_end = rt.vials.total();
        if (open) {
            rt.used_past += a.row.doses_used;
            ++rt.days_past;
        }
        // the day's bookings are made at its start and cancellations touch later days only
        a.row.slots_booked = rt.slots.booked(d);
        res_.centre_days.push_back(a.row);
        for (std::size_t r = 0; r < w_.roles.size(); ++r) {
            if (rt.role_required[r] == 0 && rt.role_staffed_s[r] == 0 && rt.role_busy_s[r] == 0 &&
                rt.role_overtime_s[r] == 0)
                continue;
            RoleDayRow row;
            row.centre = static_cast<int>(c);
            row.day = d;
            row.role = static_cast<int>(r);
            row.staffed_hours = rt.role_staffed_s[r] / 3600.0;
            row.busy_hours = rt.role_busy_s[r] / 3600.0;
            row.overtime_hours = rt.role_overtime_s[r] / 3600.0;
            row.busy_overtime_hours = rt.role_busy_overtime_s[r] / 3600.0;
            row.required = rt.role_required[r];
            row.present = rt.role_present[r];
            res_.role_days.push_back(row);
        }
        if (def.tests() && open) {
            a.test.result_delay_mean_hours = a.result_delay_h.mean();
            a.test.kits_end = test_kits_;
            res_.testing_days.push_back(a.test);
        }
    }
    for (StationRt& s : stations_) {
        const Centre& def = centre_def(s.centre());
        const CentreCalendar::Hours hours = hours_on(s.centre(), d);
        const double open_h =
            def.open_on(d, w_.start_weekday) ? (hours.closes - hours.opens).hours() : 0.0;
        close_station_day(s, d, open_h);
    }
    for (std::size_t g = 0; g < w_.groups.size(); ++g) {
        CoverageRow row;
        row.day = d;
        row.group = static_cast<int>(g);
        row.first_dose = group_first_[g];
        row.complete = group_complete_[g];
        row.target = group_wanting_[g];
        row.population = group_population_[g];
        res_.coverage.push_back(row);
    }
    if (obs_) obs_->on_day_end(d);
}

void Simulation::Impl::on_centre_close(CentreId c) {
    CentreRt& rt = centres_[c];
    rt.doors_open = false;
    // People queued at a station nobody staffs any more will not be seen today: they are
    // sent home (and rebook) so that the staff still inside can finish and leave.
    for (const StationNodeId st : stations_.of(c)) {
        StationRt& s = stations_[st];
        if (!s.stopped()) continue;
        const std::vector<std::int32_t> sent = s.send_home();
        if (!sent.empty()) {
            LogEntry e = log_entry(LogKind::Warning, LogEvent::SentHomeAtClosing);
            e.count = static_cast<std::int64_t>(sent.size());
            e.centre = c.value();
            e.station = s.local().value();
            log(std::move(e));
        }
        for (std::int32_t p : sent) {
            --rt.waiting;
            RIPOSTE_INVARIANT(rt.waiting >= 0);
            leave_early(p);
        }
    }
    maybe_release_closing(c);
}

void Simulation::Impl::on_centre_open(CentreId c) {
    CentreRt& rt = centres_[c];
    // The closing staff of the last opening day go home at the latest when the centre opens
    // again; anyone still inside is served by the opening shift and their wait keeps counting.
    release_closing_shifts(rt);
    rt.doors_open = sim_.now() >= rt.closed_until; // premises lost: they stay shut
}

void Simulation::Impl::sample_queues() {
    const SimTime now = sim_.now();
    const int d = now.day();
    for (std::size_t c = 0; c < centres_.size(); ++c) {
        const CentreRt& rt = centres_[CentreId{c}];
        const Centre& def = plan_.centres[c];
        const CentreCalendar::Hours hours = rt.calendar.on(d);
        if (!(rt.in_centre > 0 ||
              (def.open_on(d, w_.start_weekday) && now.second_of_day() >= hours.opens.seconds() &&
               now.second_of_day() <= hours.closes.seconds())))
            continue;
        res_.queue.push_back({static_cast<int>(c), now, rt.waiting, rt.in_centre});
    }
    if (!triggers_.empty()) evaluate_triggers();
    const SimTime next = now + opt_.queue_sample_interval;
    if (next < horizon_) sim_.schedule(next, h_, Sample, 0, 0, prio_sample);
}

} // namespace riposte
