// Mobile teams: a day's round of home visits, one visit per event.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

const std::vector<double>& Simulation::Impl::travel_from(int commune) {
    auto it = travel_cache_.find(commune);
    if (it == travel_cache_.end())
        it = travel_cache_.emplace(commune, graph_->minutes_from(commune)).first;
    return it->second;
}

void Simulation::Impl::on_team_day(int t, int rs_index) {
    const RosterShift& rs = roster_.shifts[static_cast<std::size_t>(rs_index)];
    const MobileTeam& team = plan_.mobile_teams[static_cast<std::size_t>(t)];
    TeamRt& rt = teams_[static_cast<std::size_t>(t)];
    const int d = rs.day;
    MobileDayRow row;
    row.team = t;
    row.day = d;
    bool medecin_present = false;
    const std::vector<char> present = who_turns_up(rs, medecin_present);
    const double len_h = (rs.end - rs.start).hours();
    bool can_go = !team.role_needed.valid();
    for (std::size_t i = 0; i < rs.people.size(); ++i) {
        if (!present[i]) continue;
        ++row.staff_present;
        const auto& a = rs.people[i];
        const RosterPerson& person = roster_.people[a.person];
        prof_worked_h_[person.profession.index()] += len_h;
        if (a.role == team.role_needed) can_go = true;
    }
    if (!can_go || row.staff_present == 0) {
        LogEntry e = log_entry(LogKind::Shortfall, LogEvent::TeamIdle);
        e.team = t;
        log(std::move(e));
        row.stock_end = rt.stock;
        rt.row = row;
        rt.row_pending = true;
        return;
    }
    // the round: one home visit per event (TeamStep), from the shift's start
    TeamRt::Round& r = rt.round_state;
    r = TeamRt::Round{};
    r.active = true;
    r.day = d;
    r.rng = rng_for(name_key("team:" + team.name) ^ mix64(static_cast<std::uint64_t>(d) + 7),
                    Purpose::Service);
    r.now = static_cast<double>(rs.start.seconds());
    r.end = static_cast<double>(rs.end.seconds());
    r.at = team.base_commune;
    rt.last_round_day = d;
    if (const auto it = rt.sent.find(d); it != rt.sent.end()) r.sent_to = it->second;
    rt.row = row;
    rt.row_pending = true;
    sim_.schedule(sim_.now(), h_, TeamStep, static_cast<std::uint32_t>(t), 0, prio_team);
}

bool Simulation::Impl::team_drive_to(int t, int m) {
    const MobileTeam& team = plan_.mobile_teams[static_cast<std::size_t>(t)];
    TeamRt& rt = teams_[static_cast<std::size_t>(t)];
    TeamRt::Round& r = rt.round_state;
    const double there = travel_from(r.at)[static_cast<std::size_t>(m)] * 60.0;
    const double back = travel_from(m)[static_cast<std::size_t>(team.base_commune)] * 60.0;
    if (!std::isfinite(there) || r.now + there + back > r.end) return false;
    r.now += there;
    rt.row.drive_minutes += there / 60.0;
    if (m != r.at) ++rt.row.communes_visited;
    r.at = m;
    return true;
}

// one home visit at commune m; false if time or doses run out
bool Simulation::Impl::team_visit(int t, int m) {
    const MobileTeam& team = plan_.mobile_teams[static_cast<std::size_t>(t)];
    TeamRt& rt = teams_[static_cast<std::size_t>(t)];
    TeamRt::Round& r = rt.round_state;
    const VaccineType& vac = w_.vaccines[static_cast<std::size_t>(team.vaccine)];
    const double back = travel_from(m)[static_cast<std::size_t>(team.base_commune)] * 60.0;
    const double dur = team.visit.sample(r.rng);
    if (r.now + dur + back > r.end) return false;
    if (r.vial_left == 0 || r.now >= r.vial_expires) {
        rt.row.doses_wasted += r.vial_left;
        r.vial_left = 0;
        if (rt.stock <= 0) return false;
        const std::int64_t in_vial = std::min<std::int64_t>(vac.doses_per_vial, rt.stock);
        rt.stock -= in_vial;
        RIPOSTE_INVARIANT(rt.stock >= 0);
        r.vial_left = static_cast<int>(in_vial);
        r.vial_expires = r.now + static_cast<double>(vac.shelf_life_after_opening.seconds());
        ++rt.row.vials_opened;
    }
    --r.vial_left;
    ++rt.row.doses_used;
    r.now += dur + team.minutes_between_homes * 60.0;
    return true;
}

void Simulation::Impl::on_team_step(int t) {
    TeamRt& rt = teams_[static_cast<std::size_t>(t)];
    TeamRt::Round& r = rt.round_state;
    if (!r.active) return;
    const int d = r.day;
    const auto next_step = [&] {
        const SimTime when = day_start(d) + SimTime{static_cast<std::int64_t>(std::ceil(r.now))};
        sim_.schedule(std::max(when, sim_.now()), h_, TeamStep, static_cast<std::uint32_t>(t), 0,
                      prio_team);
    };
    // second doses that are due come first
    if (!r.first_doses) {
        if (!rt.second_doses.empty() && rt.second_doses.front().day <= d) {
            const auto due = rt.second_doses.front();
            if (!team_drive_to(t, due.commune) || !team_visit(t, due.commune)) {
                end_team_round(t);
                return;
            }
            rt.second_doses.pop_front();
            const std::size_t k = cg(due.commune, due.group);
            ++cg_complete_[k];
            ++cg_home_complete_[k];
            ++group_complete_[static_cast<std::size_t>(due.group)];
            ++res_.totals.complete;
            ++res_.totals.vaccinations;
            ++res_.totals.home_vaccinations;
            ++rt.row.second_doses;
            next_step();
            return;
        }
        r.first_doses = true;
    }
    // then first doses, commune after commune along the round
    const std::size_t ng = w_.groups.size();
    // a team sent to listed communes visits them, else it goes on along its usual round
    const bool sent = !r.sent_to.empty();
    const std::vector<int>& round = sent ? r.sent_to : rt.round;
    std::size_t& next = sent ? r.sent_next : rt.next;
    while (r.tries < round.size()) {
        const int m = round[next % round.size()];
        for (; r.group < ng; ++r.group) {
            const std::size_t g = r.group;
            const std::size_t k = cg(m, static_cast<int>(g));
            const PopulationGroup& grp = w_.groups[g];
            if (eligible_day_[g] > d || cg_home_first_[k] >= cg_cannot_[k]) continue;
            if (!team_drive_to(t, m) || !team_visit(t, m)) {
                end_team_round(t);
                return;
            }
            ++cg_home_first_[k];
            ++cg_first_[k];
            ++group_first_[g];
            ++res_.totals.first_doses;
            ++res_.totals.vaccinations;
            ++res_.totals.home_vaccinations;
            ++rt.row.first_doses;
            if (grp.doses == 1) {
                ++cg_complete_[k];
                ++cg_home_complete_[k];
                ++group_complete_[g];
                ++res_.totals.complete;
            } else {
                rt.second_doses.push_back({d + grp.interval_days, m, static_cast<int>(g)});
            }
            next_step();
            return;
        }
        ++next; // commune done (or nobody left): on to the next one
        r.group = 0;
        ++r.tries;
    }
    end_team_round(t);
}

void Simulation::Impl::end_team_round(int t) {
    TeamRt& rt = teams_[static_cast<std::size_t>(t)];
    TeamRt::Round& r = rt.round_state;
    r.active = false;
    rt.row.doses_wasted += r.vial_left; // the team does not keep an opened vial overnight
    r.vial_left = 0;
    rt.row.stock_end = rt.stock;
    LogEntry e = log_entry(LogKind::Info, LogEvent::TeamRound);
    e.team = t;
    e.count = rt.row.first_doses + rt.row.second_doses;
    e.count2 = rt.row.communes_visited;
    log(std::move(e));
}

} // namespace riposte
