// Testing demand and walk-ins: arrival processes with an exact clock.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

void Simulation::Impl::schedule_next_test_arrival(CentreId c, double from_s) {
    // Non-homogeneous Poisson process with an hourly piecewise-constant rate: integrate the
    // rate from the exact time `from_s` until a unit-exponential amount is used up.
    CentreRt& rt = centres_[c];
    double need = -std::log(rt.arrival_rng.uniform01_open0());
    const auto day = static_cast<int>(std::floor(from_s / 86400.0));
    const SimTime d0 = day_start(day);
    double t = from_s - static_cast<double>(d0.seconds());
    const SimTime closes = rt.calendar.on(day).closes;
    const double close = static_cast<double>(closes.seconds());
    while (t < close && t < 86400.0) {
        const auto hh = static_cast<std::size_t>(t / 3600.0);
        double rate = rt.test_rate[hh] / 3600.0; // per second
        if (rt.surge_until > d0 + SimTime{static_cast<std::int64_t>(t)}) rate *= rt.surge_factor;
        const double hour_end = std::min(close, static_cast<double>(hh + 1) * 3600.0);
        if (rate > 0 && need <= rate * (hour_end - t)) {
            t += need / rate;
            rt.test_clock_s = static_cast<double>(d0.seconds()) + t;
            const SimTime at = d0 + SimTime{static_cast<std::int64_t>(std::ceil(t))};
            if (at >= d0 + closes) return;
            sim_.schedule(at, h_, TestArrival, static_cast<std::uint32_t>(c.value()), 0,
                          prio_arrival);
            return;
        }
        need -= rate * (hour_end - t);
        t = hour_end;
    }
}

void Simulation::Impl::on_test_arrival(CentreId c) {
    CentreRt& rt = centres_[c];
    const Centre& def = centre_def(c);
    const std::int32_t p = new_patient();
    Patient& pt = pat(p);
    pt.centre = c;
    PatientType type = def.test_type == TestType::Antigen ? PatientType::Antigen : PatientType::Pcr;
    if (def.test_type == TestType::Both)
        type = rt.test_mix_rng.bernoulli(w_.epidemic.pcr_share) ? PatientType::Pcr
                                                                : PatientType::Antigen;
    pt.type = type;
    // a test patient is the n-th arrival of the day at this centre
    pt.key =
        mix64(rt.lab_key + (static_cast<std::uint64_t>(sim_.now().day()) << 32) + rt.tests_today++);
    schedule_next_test_arrival(c, rt.test_clock_s);
    on_arrival(p);
}

void Simulation::Impl::schedule_next_walk_in(CentreId c, SimTime closes_at) {
    CentreRt& rt = centres_[c];
    const Centre& def = centre_def(c);
    double rate = def.walk_ins_per_hour;
    if (rt.surge_until > SimTime{static_cast<std::int64_t>(rt.walkin_clock_s)})
        rate = rate * rt.surge_factor + rt.surge_walk_ins; // a surge (an intervention)
    rt.walkin_chain_day = -1;
    if (!(rate > 0)) return;
    rt.walkin_clock_s += -std::log(rt.walkin_rng.uniform01_open0()) * 3600.0 / rate;
    const SimTime at{static_cast<std::int64_t>(std::ceil(rt.walkin_clock_s))};
    if (at < closes_at) {
        sim_.schedule(at, h_, WalkInArrival, static_cast<std::uint32_t>(c.value()), 0,
                      prio_arrival);
        rt.walkin_chain_day = at.day();
    }
}

void Simulation::Impl::on_walk_in(CentreId c) {
    CentreRt& rt = centres_[c];
    const Centre& def = centre_def(c);
    const int today = sim_.now().day();
    schedule_next_walk_in(c, day_start(today) + rt.calendar.on(today).closes);
    // who walks in: someone of the centre's commune still waiting for a slot
    auto& list = demand_.walk_in_list(def.commune);
    while (!list.empty()) {
        const std::int32_t person = list.back();
        list.pop_back();
        DemandPerson& dp = demand_.person(person);
        if (dp.doses > 0 || dp.state != Listed) continue;
        dp.state = Booked;
        const std::int32_t p = new_patient();
        Patient& pt = pat(p);
        pt.person = person;
        pt.centre = c;
        pt.type = PatientType::Vaccination;
        pt.dose = 1;
        pt.walk_in = true;
        ++rt.acc.row.walk_ins;
        on_arrival(p);
        return;
    }
    if (rt.surge_until > sim_.now()) { // a surge brings people who held no booking
        const std::int32_t person = surge_walker(def.commune, sim_.now().day(), rt.surge_group);
        if (person == none) return;
        demand_.person(person).state = Booked;
        const std::int32_t p = new_patient();
        Patient& pt = pat(p);
        pt.person = person;
        pt.centre = c;
        pt.type = PatientType::Vaccination;
        pt.dose = 1;
        pt.walk_in = true;
        ++rt.acc.row.walk_ins;
        on_arrival(p);
    }
}

} // namespace riposte
