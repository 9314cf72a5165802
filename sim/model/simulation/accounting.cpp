// Accounting: queueing figures per station and the totals of the run.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

void Simulation::Impl::note_start(StationRt& s, SimTime waited) {
    ++s.acc.day.started;
    if (waited > SimTime{0}) ++s.acc.day.waited;
    s.acc.wait_s.push_back(wait_seconds(waited));
}

void Simulation::Impl::note_occupancy(StationRt& s) {
    const SimTime now = sim_.now();
    s.acc.day.place_hours += static_cast<double>(s.places_used()) *
                             static_cast<double>((now - s.acc.occ_since).seconds()) / 3600.0;
    s.acc.occ_since = now;
}

void Simulation::Impl::close_station_day(StationRt& s, int d, double open_hours) {
    StationAcc& a = s.acc;
    if (s.is_area()) note_occupancy(s);
    StationDayRow& row = a.day;
    row.centre = s.centre().value();
    row.day = d;
    row.station = s.local().value();
    row.open_hours = open_hours;
    if (row.arrivals > 0 || row.started > 0 || row.staffed_hours > 0 || row.place_hours > 0) {
        if (!a.wait_s.empty()) {
            double sum = 0;
            for (const std::uint32_t x : a.wait_s) sum += minutes_of_seconds(x);
            row.wait_mean_min = sum / static_cast<double>(a.wait_s.size());
            sort_seconds(a.wait_s);
            row.wait_p90_min = percentile_sorted_seconds_min(a.wait_s, 90);
        }
        res_.station_days.push_back(row);
        if (d >= w_.warmup_days) {
            a.arrivals += row.arrivals;
            a.started += row.started;
            a.waited += row.waited;
            a.busy_s += row.busy_hours * 3600.0;
            a.busy_all_s += (row.busy_hours + row.busy_overtime_hours) * 3600.0;
            a.staffed_s += row.staffed_hours * 3600.0;
            a.place_s += row.place_hours * 3600.0;
            a.open_s += open_hours * 3600.0;
            if (a.hist.empty()) a.hist.assign(StationAcc::bins, 0);
            for (const std::uint32_t w : a.wait_s) {
                const double x = minutes_of_seconds(w);
                a.wait_sum_min += x;
                a.wait_max_min = std::max(a.wait_max_min, x);
                const auto b = std::min(StationAcc::bins - 1,
                                        static_cast<std::size_t>(x / StationAcc::bin_min));
                ++a.hist[b];
            }
        }
    }
    a.day = StationDayRow{};
    a.wait_s.clear();
}

void Simulation::Impl::station_run_rows() {
    for (const StationRt& s : stations_) {
        const StationAcc& a = s.acc;
        StationRunRow row;
        row.centre = s.centre().value();
        row.station = s.local().value();
        row.arrivals = a.arrivals;
        row.started = a.started;
        row.waited = a.waited;
        const double n = static_cast<double>(a.started);
        row.p_wait = n > 0 ? static_cast<double>(a.waited) / n : 0.0;
        row.wait_mean_min = n > 0 ? a.wait_sum_min / n : 0.0;
        if (a.started > 0) { // p90 by linear interpolation inside the quarter-minute bin
            const double target = 0.9 * n;
            double cum = 0;
            for (std::size_t b = 0; b < a.hist.size(); ++b) {
                const auto h = static_cast<double>(a.hist[b]);
                if (cum + h >= target && h > 0) {
                    const double lo = static_cast<double>(b) * StationAcc::bin_min;
                    row.wait_p90_min = b + 1 == a.hist.size()
                                           ? a.wait_max_min
                                           : lo + StationAcc::bin_min * (target - cum) / h;
                    break;
                }
                cum += h;
            }
        }
        if (s.is_area()) {
            row.mean_occupancy = a.open_s > 0 ? a.place_s / a.open_s : 0.0;
            row.utilisation = s.def().capacity > 0
                                  ? row.mean_occupancy / static_cast<double>(s.def().capacity)
                                  : 0.0;
        } else {
            row.utilisation = a.staffed_s > 0 ? a.busy_s / a.staffed_s : 0.0;
            row.mean_busy = a.open_s > 0 ? a.busy_all_s / a.open_s : 0.0;
        }
        res_.stations.push_back(row);
    }
}

void Simulation::Impl::finalise() {
    if (finalised_) return;
    finalised_ = true;
    res_.events = sim_.events_processed();
    station_run_rows();
    Totals& t = res_.totals;
    // communes
    const std::size_t ng = w_.groups.size();
    std::vector<int> vacc_sources;
    for (const auto& c : plan_.centres)
        if (c.vaccinates()) vacc_sources.push_back(c.commune);
    const std::vector<double> nearest_centre = graph_->nearest_of(vacc_sources);
    for (std::size_t m = 0; m < w_.territory.communes.size(); ++m) {
        const double nearest = std::isfinite(nearest_centre[m]) ? nearest_centre[m] : -1.0;
        for (std::size_t g = 0; g < ng; ++g) {
            const std::size_t k = m * ng + g;
            CommuneGroupRow row;
            row.commune = static_cast<int>(m);
            row.group = static_cast<int>(g);
            row.population = cg_population_[k];
            row.wanting = cg_wanting_[k];
            row.first_dose = cg_first_[k];
            row.complete = cg_complete_[k];
            row.unmet = cg_wanting_[k] - cg_first_[k];
            row.cannot_travel = cg_cannot_[k];
            row.home_first_dose = cg_home_first_[k];
            row.travel_minutes = nearest;
            res_.communes.push_back(row);
            t.wanting += row.wanting;
            t.unmet += row.unmet;
            t.unmet_cannot_travel += row.cannot_travel - row.home_first_dose;
        }
    }
    // professions
    std::vector<int> in_pool(w_.professions.size(), 0), used(w_.professions.size(), 0);
    for (std::size_t i = 0; i < roster_.people.size(); ++i) {
        ++in_pool[roster_.people[PersonId{i}].profession.index()];
        if (person_used_[i]) ++used[roster_.people[PersonId{i}].profession.index()];
    }
    for (std::size_t p = 0; p < w_.professions.size(); ++p) {
        ProfessionRow row;
        row.profession = static_cast<int>(p);
        row.people_in_pool = in_pool[p];
        row.people_used = used[p];
        row.rostered_hours = roster_.hours_by_profession[p];
        row.worked_hours = prof_worked_h_[ProfessionId{p}];
        row.overtime_hours = prof_overtime_h_[ProfessionId{p}];
        row.absent_hours = prof_absent_h_[ProfessionId{p}];
        row.commute_hours = prof_commute_h_[ProfessionId{p}];
        row.replacement_hours = prof_replacement_h_[ProfessionId{p}];
        row.cost_eur = row.worked_hours * w_.hourly_cost_eur;
        res_.professions.push_back(row);
        t.staff_hours += row.worked_hours;
        t.overtime_hours += row.overtime_hours;
        t.cost_eur += row.cost_eur;
    }
    for (const auto& r : res_.centre_days) {
        t.no_shows += r.no_shows;
        t.turned_away += r.turned_away;
        t.doses_used += r.doses_used;
        t.doses_wasted += r.doses_wasted;
        t.vials_opened += r.vials_opened;
    }
    for (const auto& r : res_.mobile_days) {
        t.doses_used += r.doses_used;
        t.doses_wasted += r.doses_wasted;
        t.vials_opened += r.vials_opened;
    }
    // open vials at the very end are not wasted yet; they are stock
    sort_seconds(all_waits_s_);
    if (!all_waits_s_.empty()) {
        // the whole run's figures are read in single precision (as they were when the run kept
        // its waits as floats: a national run waits for tens of millions of people)
        const auto minutes = [](std::uint32_t s) {
            return static_cast<double>(static_cast<float>(minutes_of_seconds(s)));
        };
        double sum = 0;
        for (const std::uint32_t s : all_waits_s_) sum += minutes(s);
        t.wait_mean_min = sum / static_cast<double>(all_waits_s_.size());
        const auto at_rank = [&](double p) {
            return minutes(all_waits_s_[nearest_rank(all_waits_s_.size(), p) - 1]);
        };
        t.wait_p90_min = at_rank(90);
        t.wait_p95_min = at_rank(95);
        t.wait_max_min = minutes(all_waits_s_.back());
    }
    t.shortfall_role_shifts = static_cast<std::int64_t>(res_.shortfalls.size());
    t.unmet_tests = unmet_tests_;
    std::int64_t wanting_all = 0;
    for (auto x : group_wanting_) wanting_all += x;
    // first day the whole target population reached 80% complete schedules
    for (int d = 0; d < w_.days && wanting_all > 0; ++d) {
        std::int64_t complete = 0;
        for (std::size_t g = 0; g < ng; ++g)
            complete += res_.coverage[static_cast<std::size_t>(d) * ng + g].complete;
        if (static_cast<double>(complete) >= 0.8 * static_cast<double>(wanting_all)) {
            t.day_coverage_target_reached = d;
            break;
        }
    }
    if (!res_.shortfalls.empty()) {
        LogEntry e = log_entry(LogKind::Shortfall, LogEvent::ShortfallSummary);
        e.count = static_cast<std::int64_t>(res_.shortfalls.size());
        log(std::move(e));
    }
}

} // namespace riposte
