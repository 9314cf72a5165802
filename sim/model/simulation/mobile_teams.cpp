// Mobile teams: a day's round of home visits, one visit per event (the team's state is the
// MobileTeams component; here: who turns up, travel times, the demand accounting, the events).
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

const std::vector<double>& Simulation::Impl::travel_from(int commune) {
    auto it = travel_cache_.find(commune);
    if (it == travel_cache_.end())
        it = travel_cache_.emplace(commune, graph_->minutes_from(commune)).first;
    return it->second;
}

void Simulation::Impl::on_team_day(TeamId t, int rs_index) {
    const RosterShift& rs = roster_.shifts[static_cast<std::size_t>(rs_index)];
    const MobileTeam& team = plan_.mobile_teams[t.index()];
    const int d = rs.day;
    MobileDayRow row;
    row.team = t.value();
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
        prof_worked_h_[person.profession] += len_h;
        if (a.role == team.role_needed) can_go = true;
    }
    if (!can_go || row.staff_present == 0) {
        LogEntry e = log_entry(LogKind::Shortfall, LogEvent::TeamIdle);
        e.team = t.value();
        log(std::move(e));
        teams_.stay_in(t, row);
        return;
    }
    // the round: one home visit per event (TeamStep), from the shift's start
    teams_.start_round(
        t, row, d, static_cast<double>(rs.start.seconds()), static_cast<double>(rs.end.seconds()),
        CommuneId{team.base_commune},
        rng_for(name_key("team:" + team.name) ^ mix64(static_cast<std::uint64_t>(d) + 7),
                Purpose::Service));
    sim_.schedule(sim_.now(), h_, TeamStep, static_cast<std::uint32_t>(t.value()), 0, prio_team);
}

bool Simulation::Impl::team_drive_to(TeamId t, CommuneId m) {
    const MobileTeam& team = plan_.mobile_teams[t.index()];
    const double there = travel_from(teams_.round(t).at.value())[m.index()] * 60.0;
    const double back = travel_from(m.value())[static_cast<std::size_t>(team.base_commune)] * 60.0;
    return teams_.drive_to(t, m, there, back);
}

// one home visit at commune m; false if time or doses run out
bool Simulation::Impl::team_visit(TeamId t, CommuneId m) {
    const MobileTeam& team = plan_.mobile_teams[t.index()];
    const VaccineType& vac = w_.vaccines[static_cast<std::size_t>(team.vaccine)];
    const double back = travel_from(m.value())[static_cast<std::size_t>(team.base_commune)] * 60.0;
    const double dur = team.visit.sample(teams_.round_rng(t));
    return teams_.visit(t, dur, back, team.minutes_between_homes * 60.0, vac.doses_per_vial,
                        static_cast<double>(vac.shelf_life_after_opening.seconds()));
}

void Simulation::Impl::on_team_step(TeamId t) {
    if (!teams_.round(t).active) return;
    const int d = teams_.round(t).day;
    const auto next_step = [&] {
        const SimTime when =
            day_start(d) + SimTime{static_cast<std::int64_t>(std::ceil(teams_.round(t).now))};
        sim_.schedule(std::max(when, sim_.now()), h_, TeamStep,
                      static_cast<std::uint32_t>(t.value()), 0, prio_team);
    };
    // second doses that are due come first
    if (!teams_.round(t).first_doses) {
        if (const MobileTeams::Due* owed = teams_.second_dose_due(t, d)) {
            const MobileTeams::Due due = *owed;
            if (!team_drive_to(t, due.commune) || !team_visit(t, due.commune)) {
                end_team_round(t);
                return;
            }
            teams_.second_dose_given(t);
            const std::size_t k = cg(due.commune.value(), due.group.value());
            ++cg_complete_[k];
            ++cg_home_complete_[k];
            ++group_complete_[due.group.index()];
            ++res_.totals.complete;
            ++res_.totals.vaccinations;
            ++res_.totals.home_vaccinations;
            teams_.count_dose(t, true);
            next_step();
            return;
        }
        teams_.on_to_first_doses(t);
    }
    // then first doses, commune after commune along the round (or the communes it was sent to)
    const std::size_t ng = w_.groups.size();
    CommuneId m{0};
    GroupId at_group{0};
    while (teams_.current_commune(t, m, at_group)) {
        for (std::size_t g = at_group.index(); g < ng; ++g) {
            teams_.set_group(t, GroupId{g});
            const std::size_t k = cg(m.value(), static_cast<int>(g));
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
            teams_.count_dose(t, false);
            if (grp.doses == 1) {
                ++cg_complete_[k];
                ++cg_home_complete_[k];
                ++group_complete_[g];
                ++res_.totals.complete;
            } else {
                teams_.owe_second_dose(t, {d + grp.interval_days, m, GroupId{g}});
            }
            next_step();
            return;
        }
        teams_.commune_done(t); // commune done (or nobody left): on to the next one
    }
    end_team_round(t);
}

void Simulation::Impl::end_team_round(TeamId t) {
    teams_.end_round(t);
    LogEntry e = log_entry(LogKind::Info, LogEvent::TeamRound);
    e.team = t.value();
    e.count = teams_.row(t).first_doses + teams_.row(t).second_doses;
    e.count2 = teams_.row(t).communes_visited;
    log(std::move(e));
}

} // namespace riposte
