// Mobile teams: a day's round of home visits.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

const std::vector<double>& Simulation::Impl::travel_from(int commune) {
    auto it = travel_cache_.find(commune);
    if (it == travel_cache_.end())
        it = travel_cache_.emplace(commune, graph_.minutes_from(commune)).first;
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
    bool can_go = team.role_needed < 0;
    for (std::size_t i = 0; i < rs.people.size(); ++i) {
        if (!present[i]) continue;
        ++row.staff_present;
        const auto& a = rs.people[i];
        const RosterPerson& person = roster_.people[static_cast<std::size_t>(a.person)];
        prof_worked_h_[static_cast<std::size_t>(person.profession)] += len_h;
        if (a.role == team.role_needed) can_go = true;
    }
    if (!can_go || row.staff_present == 0) {
        log(LogKind::Shortfall, "mobile team " + team.name + " cannot go out: nobody to vaccinate");
        row.stock_end = rt.stock;
        res_.mobile_days.push_back(row);
        return;
    }
    Rng rng = rng_for(name_key("team:" + team.name) ^ mix64(static_cast<std::uint64_t>(d) + 7),
                      Purpose::Service);
    const VaccineType& vac = w_.vaccines[static_cast<std::size_t>(team.vaccine)];
    const double end = static_cast<double>(rs.end.seconds());
    double now = static_cast<double>(rs.start.seconds());
    int at = team.base_commune;
    int vial_left = 0;
    double vial_expires = 0;
    const std::size_t ng = w_.groups.size();
    // one home visit at commune m for group g (dose 1 or 2); false if time or doses run out
    auto visit = [&](int m, bool second) -> bool {
        const double back = travel_from(m)[static_cast<std::size_t>(team.base_commune)] * 60.0;
        const double dur = team.visit.sample(rng);
        if (now + dur + back > end) return false;
        if (vial_left == 0 || now >= vial_expires) {
            row.doses_wasted += vial_left;
            vial_left = 0;
            if (rt.stock <= 0) return false;
            const std::int64_t in_vial = std::min<std::int64_t>(vac.doses_per_vial, rt.stock);
            rt.stock -= in_vial;
            RIPOSTE_INVARIANT(rt.stock >= 0);
            vial_left = static_cast<int>(in_vial);
            vial_expires = now + static_cast<double>(vac.shelf_life_after_opening.seconds());
            ++row.vials_opened;
        }
        --vial_left;
        ++row.doses_used;
        now += dur + team.minutes_between_homes * 60.0;
        (void)second;
        return true;
    };
    auto drive_to = [&](int m) -> bool {
        const double there = travel_from(at)[static_cast<std::size_t>(m)] * 60.0;
        const double back = travel_from(m)[static_cast<std::size_t>(team.base_commune)] * 60.0;
        if (!std::isfinite(there) || now + there + back > end) return false;
        now += there;
        row.drive_minutes += there / 60.0;
        if (m != at) ++row.communes_visited;
        at = m;
        return true;
    };
    bool out_of_time = false;
    // second doses that are due come first
    while (!rt.second_doses.empty() && rt.second_doses.front().day <= d && !out_of_time) {
        const auto due = rt.second_doses.front();
        if (!drive_to(due.commune) || !visit(due.commune, true)) {
            out_of_time = true;
            break;
        }
        rt.second_doses.pop_front();
        const std::size_t k = cg(due.commune, due.group);
        ++cg_complete_[k];
        ++cg_home_complete_[k];
        ++group_complete_[static_cast<std::size_t>(due.group)];
        ++res_.totals.complete;
        ++res_.totals.vaccinations;
        ++res_.totals.home_vaccinations;
        ++row.second_doses;
    }
    // then first doses, commune after commune along the round
    for (std::size_t tries = 0; tries < rt.round.size() && !out_of_time; ++tries) {
        const int m = rt.round[rt.next % rt.round.size()];
        bool any_left = false;
        for (std::size_t g = 0; g < ng && !out_of_time; ++g) {
            const std::size_t k = cg(m, static_cast<int>(g));
            const PopulationGroup& grp = w_.groups[g];
            if (grp.eligible_day > d) continue;
            while (cg_home_first_[k] < cg_cannot_[k]) {
                any_left = true;
                if (!drive_to(m) || !visit(m, false)) {
                    out_of_time = true;
                    break;
                }
                ++cg_home_first_[k];
                ++cg_first_[k];
                ++group_first_[g];
                ++res_.totals.first_doses;
                ++res_.totals.vaccinations;
                ++res_.totals.home_vaccinations;
                ++row.first_doses;
                if (grp.doses == 1) {
                    ++cg_complete_[k];
                    ++cg_home_complete_[k];
                    ++group_complete_[g];
                    ++res_.totals.complete;
                } else {
                    rt.second_doses.push_back({d + grp.interval_days, m, static_cast<int>(g)});
                }
            }
        }
        (void)any_left;
        if (!out_of_time) ++rt.next; // commune done (or nobody left): on to the next one
    }
    row.doses_wasted += vial_left; // the team does not keep an opened vial overnight
    row.stock_end = rt.stock;
    res_.mobile_days.push_back(row);
    log(LogKind::Info,
        "mobile team " + team.name + ": " + std::to_string(row.first_doses + row.second_doses) +
            " home vaccinations in " + std::to_string(row.communes_visited) + " communes");
}

} // namespace riposte
