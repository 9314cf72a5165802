// The plan's mobile teams at run time (see riposte/model/mobile_teams.hpp).
#include "riposte/model/mobile_teams.hpp"

#include "riposte/core/invariant.hpp"

#include <algorithm>
#include <cmath>

namespace riposte {

void MobileTeams::reset(std::size_t teams, int days) {
    teams_.assign(teams, Team{});
    for (Team& t : teams_) t.alloc.assign(static_cast<std::size_t>(days), 0);
}

std::int64_t MobileTeams::deliver(TeamId t, int day) {
    Team& team = at(t);
    const std::int64_t n = team.alloc[static_cast<std::size_t>(day)];
    if (n <= 0) return 0;
    team.stock += n;
    return n;
}

void MobileTeams::stay_in(TeamId t, MobileDayRow row) {
    Team& team = at(t);
    row.stock_end = team.stock;
    team.row = row;
    team.row_pending = true;
}

void MobileTeams::start_round(TeamId t, MobileDayRow row, int day, double start_s, double end_s,
                              CommuneId base, Rng rng) {
    Team& team = at(t);
    Round& r = team.now;
    r = Round{};
    r.active = true;
    r.day = day;
    r.rng = rng;
    r.now = start_s;
    r.end = end_s;
    r.at = base;
    team.last_round_day = day;
    if (const auto it = team.sent.find(day); it != team.sent.end()) r.sent_to = it->second;
    team.row = row;
    team.row_pending = true;
}

bool MobileTeams::drive_to(TeamId t, CommuneId m, double there_s, double back_s) {
    Team& team = at(t);
    Round& r = team.now;
    if (!std::isfinite(there_s) || r.now + there_s + back_s > r.end) return false;
    r.now += there_s;
    team.row.drive_minutes += there_s / 60.0;
    if (m != r.at) ++team.row.communes_visited;
    r.at = m;
    return true;
}

bool MobileTeams::visit(TeamId t, double visit_s, double back_s, double between_s,
                        int doses_per_vial, double shelf_s) {
    Team& team = at(t);
    Round& r = team.now;
    if (r.now + visit_s + back_s > r.end) return false;
    if (r.vial_left == 0 || r.now >= r.vial_expires) {
        team.row.doses_wasted += r.vial_left;
        r.vial_left = 0;
        if (team.stock <= 0) return false;
        const std::int64_t in_vial = std::min<std::int64_t>(doses_per_vial, team.stock);
        team.stock -= in_vial;
        RIPOSTE_INVARIANT(team.stock >= 0);
        r.vial_left = static_cast<int>(in_vial);
        r.vial_expires = r.now + shelf_s;
        ++team.row.vials_opened;
    }
    --r.vial_left;
    ++team.row.doses_used;
    r.now += visit_s + between_s;
    return true;
}

void MobileTeams::count_dose(TeamId t, bool second) {
    MobileDayRow& row = at(t).row;
    if (second)
        ++row.second_doses;
    else
        ++row.first_doses;
}

void MobileTeams::end_round(TeamId t) {
    Team& team = at(t);
    Round& r = team.now;
    r.active = false;
    team.row.doses_wasted += r.vial_left; // the team does not keep an opened vial overnight
    r.vial_left = 0;
    team.row.stock_end = team.stock;
}

bool MobileTeams::take_row(TeamId t, MobileDayRow& row) {
    Team& team = at(t);
    if (!team.row_pending) return false;
    row = team.row;
    team.row_pending = false;
    return true;
}

const MobileTeams::Due* MobileTeams::second_dose_due(TeamId t, int day) const {
    const Team& team = at(t);
    if (team.second_doses.empty() || team.second_doses.front().day > day) return nullptr;
    return &team.second_doses.front();
}

bool MobileTeams::current_commune(TeamId t, CommuneId& commune, GroupId& group) const {
    const Team& team = at(t);
    const Round& r = team.now;
    const bool sent = !r.sent_to.empty();
    const std::vector<CommuneId>& round = sent ? r.sent_to : team.round;
    if (r.tries >= round.size()) return false;
    const std::size_t next = sent ? r.sent_next : team.next;
    commune = round[next % round.size()];
    group = r.group;
    return true;
}

void MobileTeams::commune_done(TeamId t) {
    Team& team = at(t);
    Round& r = team.now;
    ++(r.sent_to.empty() ? team.next : r.sent_next);
    r.group = GroupId{0};
    ++r.tries;
}

void MobileTeams::send(TeamId t, int day, std::vector<CommuneId> communes) {
    Team& team = at(t);
    if (day == team.last_round_day) { // under way: the rest of today's round goes there
        Round& r = team.now;
        r.sent_to = std::move(communes);
        r.sent_next = 0;
        r.tries = 0;
        r.group = GroupId{0};
    } else {
        team.sent[day] = std::move(communes);
    }
}

} // namespace riposte
