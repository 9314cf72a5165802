// Setting up a replication: travel times, roster, centres and stations, supply and slots, demand.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

Simulation::Impl::Impl(std::shared_ptr<const Scenario> sc, RunOptions opt, Observer* obs)
    : owner_(std::move(sc)), sc_(*owner_), w_(sc_.world), plan_(sc_.plan), opt_(opt), obs_(obs),
      graph_(std::make_shared<const TravelGraph>(sc_.world.territory)) {
    h_ = sim_.add_handler(this);
    horizon_ = days(w_.days);
    res_.seed = opt.seed;
    res_.replication = opt.replication;
    const std::size_t nc = plan_.centres.size();
    {
        // a large territory (Nord, a region, France) no longer fits the caches: its records go
        // on huge pages (the prefetch hints are set from the same size, below)
        double people = 0;
        for (const auto& m : w_.territory.communes) people += static_cast<double>(m.population);
        if (people > 1e6) advise_heap_huge_pages(heap_grow_bytes);
    }

    full_graph_ = graph_;
    compute_travel();

    roster_ = build_roster(sc_, travel_); // centres, then mobile teams
    res_.shortfalls = roster_.shortfalls;
    presence_.resize(roster_.shifts.size());
    shifts_by_day_.resize(static_cast<std::size_t>(w_.days));
    for (std::size_t i = 0; i < roster_.shifts.size(); ++i)
        shifts_by_day_[static_cast<std::size_t>(roster_.shifts[i].day)].push_back(
            static_cast<int>(i));
    person_used_.assign(roster_.people.size(), 0);
    for (const auto& rs : roster_.shifts)
        for (const auto& a : rs.people) person_used_[a.person.index()] = 1;

    // centres and stations
    centres_.resize(nc);
    for (std::size_t c = 0; c < nc; ++c) {
        const Centre& def = plan_.centres[c];
        CentreRt& rt = centres_[CentreId{c}];
        const std::uint64_t ck = name_key("centre:" + def.name);
        rt.arrival_rng = rng_for(ck, Purpose::TestDemand);
        rt.walkin_rng = rng_for(ck, Purpose::WalkIn);
        rt.test_mix_rng = rng_for(ck, Purpose::Generic);
        rt.lab_key = name_key("lab:" + def.name);
        rt.calendar = CentreCalendar(def.opens, def.closes);
        rt.walk_in_only = def.walk_in_only;
        rt.waiting_room = def.waiting_room;
        rt.vaccine = def.vaccine;
        rt.role_staffed_s.assign(w_.roles.size(), 0);
        rt.role_busy_s.assign(w_.roles.size(), 0);
        rt.role_overtime_s.assign(w_.roles.size(), 0);
        rt.role_busy_overtime_s.assign(w_.roles.size(), 0);
        rt.role_required.assign(w_.roles.size(), 0);
        rt.role_present.assign(w_.roles.size(), 0);
        rt.role_on_site.assign(w_.roles.size(), 0);
        std::vector<Rng> service_rngs;
        for (const Station& s : def.stations)
            service_rngs.push_back(
                rng_for(name_key("station:" + def.name + "/" + s.name), Purpose::Service));
        stations_.add_centre(def, w_.roles.size(), std::move(service_rngs));
        rt.slots.reset(w_.days);
        rt.bookings.resize(static_cast<std::size_t>(w_.days));
        rt.alloc.assign(static_cast<std::size_t>(w_.days), 0);
        rt.acc.row.centre = static_cast<int>(c);
    }
    area_ends_.resize(stations_.size());

    const std::size_t np = w_.professions.size();
    prof_worked_h_.assign(np, 0);
    prof_overtime_h_.assign(np, 0);
    prof_absent_h_.assign(np, 0);
    prof_commute_h_.assign(np, 0);
    prof_replacement_h_.assign(np, 0);

    teams_.reset(plan_.mobile_teams.size(), w_.days);
    for (const TeamId t : teams_.ids()) {
        const MobileTeam& team = plan_.mobile_teams[t.index()];
        std::vector<int> round;
        if (!team.communes.empty()) {
            round = team.communes;
        } else { // every commune, nearest to the base first
            const auto& tt = travel_[nc + t.index()];
            round.assign(tt.communes().begin(), tt.communes().end());
            std::stable_sort(round.begin(), round.end(), [&](int a, int b) {
                return tt[static_cast<std::size_t>(a)] < tt[static_cast<std::size_t>(b)];
            });
        }
        std::vector<CommuneId> ids(round.begin(), round.end());
        teams_.set_round(t, std::move(ids));
    }
    setup_supply_and_slots();
    setup_demand();
    // past a million people the run no longer fits the caches (Nord, a region, France)
    prefetch_next_ = total_pop_ > 1e6;

    test_kits_ = w_.initial_test_kits;
    for (int d = 0; d < w_.days; ++d) {
        sim_.schedule(day_start(d), h_, DayStart, 0, static_cast<std::uint64_t>(d), prio_day_start);
        sim_.schedule(day_start(d + 1), h_, DayEnd, 0, static_cast<std::uint64_t>(d), prio_day_end);
    }
    if (opt_.queue_sample_interval > SimTime{0})
        sim_.schedule(SimTime{0}, h_, Sample, 0, 0, prio_sample);
    for (const PopulationGroup& g : w_.groups) eligible_day_.push_back(g.eligible_day);
    for (const Escalation& e : plan_.escalations)
        add_trigger(e.id, e.when, e.then, false, e.once_per_day, ChangeSource::Escalation);
    if (opt_.exercise) set_exercise(opt_.exercise);
}

void Simulation::Impl::setup_supply_and_slots() {
    const std::size_t nc = plan_.centres.size();
    const Allocation alloc = allocate_deliveries(sc_);
    res_.totals.doses_delivered += alloc.delivered;
    for (std::size_t c = 0; c < nc; ++c) centres_[CentreId{c}].alloc = alloc.centre_doses[c];
    for (const TeamId t : teams_.ids()) teams_.set_deliveries(t, alloc.team_doses[t.index()]);
    // Slots: throughput capacity of the day, never more than the doses allocated so far.
    for (std::size_t c = 0; c < nc; ++c) {
        const Centre& def = plan_.centres[c];
        CentreRt& rt = centres_[CentreId{c}];
        if (!def.vaccinates() || def.walk_in_only) continue;
        rt.n_positions = slot_capacity_per_day(def, plan_.booking);
        // stride coprime with n_positions, near the golden ratio, spreads bookings over the day
        if (rt.n_positions > 1) {
            std::int64_t s = std::max<std::int64_t>(
                1, static_cast<std::int64_t>(static_cast<double>(rt.n_positions) * 0.6180339887));
            while (std::gcd(s, rt.n_positions) != 1) ++s;
            rt.stride = s;
        }
        const std::vector<std::int64_t> opened =
            slots_opened_per_day(def, plan_.booking, rt.alloc, w_.start_weekday);
        for (std::size_t d = 0; d < opened.size() && d < static_cast<std::size_t>(w_.days); ++d)
            rt.slots.set_opened(static_cast<int>(d), static_cast<int>(opened[d]));
    }
}

void Simulation::Impl::setup_demand() {
    RIPOSTE_INVARIANT(plan_.centres.size() < 32768); // DemandPerson::dose2_centre
    const auto& communes = w_.territory.communes;
    const std::size_t ng = w_.groups.size();
    const std::size_t n = communes.size() * ng;
    cg_first_.assign(n, 0);
    cg_complete_.assign(n, 0);
    cg_wanting_.assign(n, 0);
    cg_cannot_.assign(n, 0);
    cg_population_.assign(n, 0);
    cg_home_first_.assign(n, 0);
    demand_.reset(communes.size(), ng, w_.days, w_.behaviour.retry_days);
    for (const auto& c : plan_.centres)
        any_walk_ins_ =
            any_walk_ins_ || (c.vaccinates() && !c.walk_in_only && c.walk_ins_per_hour > 0);
    cg_home_complete_.assign(n, 0);
    group_first_.assign(ng, 0);
    group_complete_.assign(ng, 0);
    group_wanting_.assign(ng, 0);
    group_population_.assign(ng, 0);

    walk_visits_.assign(plan_.centres.size(), {});
    for (std::size_t c = 0; c < plan_.centres.size(); ++c)
        if (plan_.centres[c].walk_in_only) {
            walk_visits_[c].resize(static_cast<std::size_t>(w_.days));
            any_walk_in_only_ = true;
        }
    compute_choices();

    std::size_t total = 0;
    for (std::size_t m = 0; m < communes.size(); ++m) {
        total_pop_ += static_cast<double>(communes[m].population);
        for (std::size_t g = 0; g < ng; ++g) {
            const auto& grp = w_.groups[g];
            const std::size_t k = m * ng + g;
            const auto pop = static_cast<std::int64_t>(
                std::llround(static_cast<double>(communes[m].population) * grp.share));
            const auto want =
                static_cast<std::int64_t>(std::llround(static_cast<double>(pop) * grp.uptake));
            const auto cannot = static_cast<std::int64_t>(
                std::llround(static_cast<double>(want) * grp.cannot_travel));
            cg_population_[k] = pop;
            cg_wanting_[k] = want;
            cg_cannot_[k] = cannot;
            group_population_[g] += pop;
            group_wanting_[g] += want;
            total += static_cast<std::size_t>(want - cannot);
        }
    }
    demand_.reserve(total);
    for (std::size_t m = 0; m < communes.size(); ++m)
        for (std::size_t g = 0; g < ng; ++g) {
            const std::size_t k = m * ng + g;
            const auto& grp = w_.groups[g];
            demand_.begin_pair(k, name_key("demand:" + communes[m].insee + "/" + grp.name));
            // people numbered in the order of their first request day
            const std::vector<std::int32_t> counts = delay_day_counts(k);
            for (std::size_t b = 0; b < counts.size(); ++b) {
                if (counts[b] == 0) continue;
                const std::int32_t first =
                    demand_.add_people(static_cast<int>(m), static_cast<int>(g), counts[b]);
                const int day = grp.eligible_day + static_cast<int>(b) - w_.days;
                // the first and last counts are delays clamped to +-days: never in the run
                if (day >= 0 && day < w_.days && b > 0 && b + 1 < counts.size())
                    demand_.request(day, {first, counts[b]});
            }
        }
}

std::vector<std::int32_t> Simulation::Impl::delay_day_counts(std::size_t k) const {
    // booking delays come from one stream per (commune, group)
    Rng rng = rng_for(demand_.key_base(k), Purpose::Booking);
    std::vector<std::int32_t> counts(2 * static_cast<std::size_t>(w_.days) + 1, 0);
    const std::int64_t travellers = cg_wanting_[k] - cg_cannot_[k];
    // delays are never negative (sample() clamps at 0): whole days in [0, days]
    if (!delay_days_) delay_days_.emplace(w_.behaviour.booking_delay, w_.days);
    for (std::int64_t i = 0; i < travellers; ++i)
        ++counts[static_cast<std::size_t>(delay_days_->sample(rng) + w_.days)];
    return counts;
}

void Simulation::Impl::compute_travel() {
    travel_.clear();
    // travel times: one shortest-path tree per centre commune (and mobile team base)
    std::vector<int> sources;
    for (const auto& c : plan_.centres) sources.push_back(c.commune);
    // Searches stop beyond the farthest anyone goes (people to a centre, staff to work); mobile
    // teams may drive anywhere.
    double cutoff = std::max(w_.behaviour.max_travel_minutes, plan_.max_travel_minutes);
    for (const auto& e : w_.pool) cutoff = std::max(cutoff, e.max_commute_minutes);
    travel_.reserve(sources.size() + plan_.mobile_teams.size());
    std::map<int, std::size_t> done; // several centres in one commune share one search
    for (int src : sources) {
        auto it = done.find(src);
        if (it != done.end()) {
            travel_.push_back(travel_[it->second]);
            continue;
        }
        done.emplace(src, travel_.size());
        travel_.push_back(graph_->reach_from(src, cutoff));
    }
    for (const auto& t : plan_.mobile_teams) {
        sources.push_back(t.base_commune);
        travel_.push_back(graph_->reach_from(t.base_commune));
    }
}

void Simulation::Impl::compute_choices() {
    const auto& communes = w_.territory.communes;
    // Centre choices per commune: vaccination and testing centres within the maximum travel
    // time, nearest first (ties: plan order).
    vacc_choices_.assign(communes.size(), {});
    walkin_choices_.assign(communes.size(), {});
    test_choices_.assign(communes.size(), {});
    for (std::size_t c = 0; c < plan_.centres.size(); ++c)
        for (std::size_t k = 0; k < travel_[c].reached(); ++k) {
            const auto m = static_cast<std::size_t>(travel_[c].communes()[k]);
            const double t = travel_[c].minutes()[k];
            if (!(t <= w_.behaviour.max_travel_minutes)) continue;
            if (plan_.centres[c].walk_in_only)
                walkin_choices_[m].emplace_back(static_cast<int>(c), static_cast<float>(t));
            else if (plan_.centres[c].vaccinates())
                vacc_choices_[m].emplace_back(static_cast<int>(c), static_cast<float>(t));
            if (plan_.centres[c].tests())
                test_choices_[m].emplace_back(static_cast<int>(c), static_cast<float>(t));
        }
    for (auto* v : {&vacc_choices_, &test_choices_, &walkin_choices_})
        for (auto& list : *v)
            std::stable_sort(list.begin(), list.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
}

} // namespace riposte
