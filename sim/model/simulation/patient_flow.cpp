// Patient flow: arrivals, queues and services at each station, areas, departures.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

void Simulation::Impl::turn_away(std::int32_t p, bool counts_arrival) {
    Patient& pt = pat(p);
    CentreRt& rt = centres_[pt.centre];
    if (counts_arrival) ++rt.acc.row.arrivals;
    ++rt.acc.row.turned_away;
    if (pt.type == PatientType::Vaccination && pt.person != none && rt.walk_in_only) {
        // turned away at a walk-in-only centre: they go again another day
        DemandPerson& dp = demand_.person(pt.person);
        if (!plan_walk_in(pt.person, sim_.now().day() + 1, pt.dose, true)) dp.state = Waiting;
    } else if (pt.type == PatientType::Vaccination && pt.person != none) {
        DemandPerson& dp = demand_.person(pt.person);
        if (pt.dose == 1) {
            cancel_second_dose(dp);
            rebook_later(pt.person, sim_.now().day());
        }
    }
    free_patients_.push_back(p);
}

void Simulation::Impl::on_arrival(std::int32_t p) {
    Patient& pt = pat(p);
    CentreRt& rt = centres_[pt.centre];
    if (!rt.doors_open || rt.waiting >= rt.waiting_room) {
        turn_away(p, true);
        return;
    }
    ++rt.acc.row.arrivals;
    ++rt.in_centre;
    pt.arrival = sim_.now();
    pt.step = 0;
    go_to_step(p);
}

void Simulation::Impl::go_to_step(std::int32_t p) {
    Patient& pt = pat(p);
    const auto path = path_of(pt);
    if (static_cast<std::size_t>(pt.step) >= path.size()) {
        depart(p);
        return;
    }
    const StationNodeId st = path[static_cast<std::size_t>(pt.step)];
    StationRt& s = stations_[st];
    CentreRt& rt = centres_[pt.centre];
    if (!rt.doors_open && s.stopped()) {
        // after closing time nobody will staff this station again today: they leave now
        leave_early(p);
        return;
    }
    pt.enqueued = sim_.now();
    ++rt.waiting;
    rt.acc.row.max_waiting = std::max(rt.acc.row.max_waiting, rt.waiting);
    ++s.acc.day.arrivals;
    s.enqueue(p);
    if (s.is_area())
        try_fill_area(st);
    else
        try_start_servers(st);
}

void Simulation::Impl::try_start_servers(StationNodeId st) {
    StationRt& s = stations_[st];
    const int posts = s.posts();
    while (s.pool().has_idle() && !s.pool().queue_empty() &&
           (posts == 0 || s.pool().busy_count() < posts))
        start_service(s.pool().dequeue(), st);
}

void Simulation::Impl::start_service(std::int32_t p, StationNodeId st) {
    StationRt& s = stations_[st];
    Patient& pt = pat(p);
    CentreRt& rt = centres_[pt.centre];
    --rt.waiting;
    RIPOSTE_INVARIANT(rt.waiting >= 0);
    pt.waited += sim_.now() - pt.enqueued;
    // the product is taken when the service starts: no dose or no kit means no service
    if (s.gives_dose() && pt.type == PatientType::Vaccination && !pt.got_product) {
        if (!take_dose(pt.centre)) {
            --rt.in_centre;
            if (pt.walk_in && !rt.walk_in_only) {
                DemandPerson& dp = demand_.person(pt.person);
                dp.state = Listed;
                demand_.walk_in_list(dp.commune).push_back(pt.person);
            }
            turn_away(p, false);
            maybe_release_closing(pt.centre);
            return;
        }
        pt.got_product = true;
    }
    if (s.takes_sample() && pt.type != PatientType::Vaccination && !pt.got_product) {
        if (test_kits_ <= 0) {
            ++rt.acc.test.no_kit;
            --rt.in_centre;
            turn_away(p, false);
            maybe_release_closing(pt.centre);
            return;
        }
        --test_kits_;
        RIPOSTE_INVARIANT(test_kits_ >= 0);
        pt.got_product = true;
        pt.sampled = sim_.now();
    }
    note_start(s, sim_.now() - pt.enqueued);
    pt.server = s.pool().start(p, sim_.now());
    RIPOSTE_INVARIANT(s.pool().busy_count() <= s.pool().active_count() &&
                      (s.posts() == 0 || s.pool().busy_count() <= s.posts()));
    // an outage slows the station: the same draw, stretched
    const SimTime dur = s.service_time(round_seconds(s.def().service.sample(s.rng())), sim_.now());
    // the server rides in the event with the patient: its record is found from the station
    // alone (no wait for the patient's record), and can be fetched early (handle())
    sim_.schedule(sim_.now() + dur, h_, ServiceEnd, static_cast<std::uint32_t>(st.value()),
                  service_end_data(p, pt.server), prio_service_end);
}

void Simulation::Impl::on_service_end(StationNodeId st, std::int32_t p, std::int32_t slot) {
    StationRt& s = stations_[st];
    Patient& pt = pat(p);
    RIPOSTE_INVARIANT(pt.server == slot && pt.centre == s.centre());
    CentreRt& rt = centres_[s.centre()];
    auto& server = s.pool().server(slot);
    {
        // time serving past the scheduled end of the shift is overtime, not shift time
        const auto role = s.role().index();
        const SimTime from = std::max(server.busy_since, server.planned_end);
        const double busy_ot =
            sim_.now() > from ? static_cast<double>((sim_.now() - from).seconds()) : 0.0;
        const double busy_in_shift =
            static_cast<double>((sim_.now() - server.busy_since).seconds()) - busy_ot;
        rt.role_busy_s[role] += busy_in_shift;
        s.acc.day.busy_hours += busy_in_shift / 3600.0;
        s.acc.day.busy_overtime_hours += busy_ot / 3600.0;
        rt.role_busy_overtime_s[role] += busy_ot;
    }
    const bool leaving = server.leaving;
    const SimTime leave_at = server.leave_at;
    const std::int32_t person = server.person;
    if (!s.pool().finish(slot) && leaving && sim_.now() > leave_at) {
        // finished the patient in hand after the end of the shift: overtime
        const double ot = static_cast<double>((sim_.now() - leave_at).seconds());
        const auto prof = roster_.people[PersonId{person}].profession.index();
        prof_overtime_h_[ProfessionId{prof}] += ot / 3600.0;
        prof_worked_h_[ProfessionId{prof}] += ot / 3600.0;
        rt.acc.row.overtime_hours += ot / 3600.0;
        rt.role_overtime_s[s.role().index()] += ot;
    }
    pt.server = none;
    ++pt.step;
    try_start_servers(st);
    go_to_step(p);
}

void Simulation::Impl::try_fill_area(StationNodeId st) {
    StationRt& s = stations_[st];
    // a place is taken while one is free and someone watches (an area nobody watches is
    // stopped)
    while (s.place_ready()) {
        note_occupancy(s);
        const std::int32_t p = s.take_place();
        Patient& pt = pat(p);
        CentreRt& rt = centres_[pt.centre];
        --rt.waiting;
        RIPOSTE_INVARIANT(rt.waiting >= 0);
        pt.waited += sim_.now() - pt.enqueued;
        note_start(s, sim_.now() - pt.enqueued);
        RIPOSTE_INVARIANT(s.places_used() <= s.def().capacity);
        const SimTime dur = round_seconds(s.def().service.sample(s.rng()));
        area_ends_[static_cast<std::size_t>(st.value())].schedule(
            sim_, sim_.now() + dur, prio_area_end, h_, AreaEnd,
            static_cast<std::uint32_t>(st.value()), static_cast<std::uint64_t>(p));
    }
}

void Simulation::Impl::on_area_end(StationNodeId st, std::int32_t p) {
    StationRt& s = stations_[st];
    note_occupancy(s);
    s.free_place();
    RIPOSTE_INVARIANT(s.places_used() >= 0);
    ++pat(p).step;
    try_fill_area(st);
    go_to_step(p);
}

void Simulation::Impl::leave_early(std::int32_t p) {
    Patient& pt = pat(p);
    if (pt.got_product) {
        // already injected (or sampled): they leave with it, whatever station they still
        // queued for (an observation area nobody watches at closing time)
        pt.step = static_cast<std::int16_t>(path_of(pt).size());
        depart(p);
        return;
    }
    --centres_[pt.centre].in_centre;
    turn_away(p, false);
}

void Simulation::Impl::depart(std::int32_t p) {
    Patient& pt = pat(p);
    CentreRt& rt = centres_[pt.centre];
    --rt.in_centre;
    RIPOSTE_INVARIANT(rt.in_centre >= 0);
    // a served patient passed every station of the path once, in order
    RIPOSTE_INVARIANT(static_cast<std::size_t>(pt.step) == path_of(pt).size());
    ++rt.acc.row.served;
    const std::uint32_t wait_s = wait_seconds(pt.waited);
    rt.acc.wait_s.push_back(wait_s);
    all_waits_s_.push_back(wait_s);
    rt.acc.time_in_centre.add((sim_.now() - pt.arrival).minutes());
    if (pt.type == PatientType::Vaccination) {
        ++rt.acc.row.vaccinations;
        DemandPerson& dp = demand_.person(pt.person);
        const std::size_t k = cg(dp.commune, dp.group);
        const int needed = w_.groups[static_cast<std::size_t>(dp.group)].doses;
        ++dp.doses;
        dp.state = Waiting;
        if (dp.doses == 1) {
            ++cg_first_[k];
            ++group_first_[static_cast<std::size_t>(dp.group)];
            ++res_.totals.first_doses;
        }
        if (dp.doses == needed) {
            ++cg_complete_[k];
            ++group_complete_[static_cast<std::size_t>(dp.group)];
            ++res_.totals.complete;
        }
        if (dp.doses >= 2) {
            dp.dose2_centre = none;
            dp.dose2_day = -1;
        }
        // after a first dose without appointment, the next one is due after the interval
        if (rt.walk_in_only && dp.doses < needed)
            plan_walk_in(pt.person,
                         sim_.now().day() +
                             w_.groups[static_cast<std::size_t>(dp.group)].interval_days,
                         static_cast<std::int8_t>(dp.doses + 1), false);
        ++res_.totals.vaccinations;
    } else {
        ++rt.acc.row.tests;
        ++res_.totals.tests;
        if (pt.type == PatientType::Antigen) {
            ++rt.acc.test.antigen;
            rt.acc.result_delay_h.add((sim_.now() - pt.sampled).hours());
        } else {
            ++rt.acc.test.pcr;
            Rng r = rng_for(pt.key, Purpose::LabDelay);
            const Centre& def = centre_def(pt.centre);
            rt.acc.result_delay_h.add(def.pcr_result_delay.sample(r) / 3600.0);
        }
    }
    free_patients_.push_back(p);
    maybe_release_closing(pt.centre);
}

} // namespace riposte
