// Staffing: who turns up, covering an absence, people to stations, shift ends, hand-overs and
// the closing shift.
#include "model/simulation/simulation_impl.hpp"

#include <optional>

namespace riposte {

double Simulation::Impl::absence_probability(int day) const {
    const double inc = static_cast<std::size_t>(day) < w_.epidemic.incidence_per_100k.size()
                           ? w_.epidemic.incidence_per_100k[static_cast<std::size_t>(day)]
                           : 0.0;
    return std::clamp(w_.absenteeism.baseline + w_.absenteeism.per_100k_incidence * inc, 0.0, 1.0);
}

bool Simulation::Impl::absent_by_draw(const RosterPerson& person, int day, double p) const {
    Rng r = rng_for(person.key ^ mix64(static_cast<std::uint64_t>(day) + 1), Purpose::Absence);
    return r.bernoulli(p);
}

std::vector<char> Simulation::Impl::who_turns_up(const RosterShift& rs, bool& medecin_present) {
    const double len_s = static_cast<double>((rs.end - rs.start).seconds());
    const ProfessionId medecin = w_.medecin();
    const double p_absent = absence_probability(rs.day);
    // one absence draw per (person, day)
    std::vector<char> present(rs.people.size(), 0);
    medecin_present = false;
    for (std::size_t i = 0; i < rs.people.size(); ++i) {
        const RosterPerson& person = roster_.people[rs.people[i].person];
        present[i] = absent_by_draw(person, rs.day, p_absent) ? 0 : 1;
        // fallen ill by an intervention: absent, whatever the daily draw (drawn all the same,
        // so that nobody else's draws move)
        if (present[i] && ill(rs.people[i].person, day_start(rs.day) + rs.start)) present[i] = 0;
        if (present[i] && person.profession == medecin) medecin_present = true;
        if (!present[i]) {
            prof_absent_h_[person.profession] += len_s / 3600.0;
            LogEntry e = log_entry(LogKind::Warning, LogEvent::StaffAbsent);
            e.profession = person.profession.value();
            e.centre = rs.centre.value();
            log(std::move(e));
        }
    }
    return present;
}

const std::vector<PersonId>& Simulation::Impl::replacement_list(CentreId c) {
    if (replacement_lists_.empty()) replacement_lists_.resize(centres_.size());
    auto& slot = replacement_lists_[c.index()];
    if (slot) return *slot;
    // How many roles each profession may hold: the coordinator calls the least versatile
    // first, keeping the scarce skills (the médecins, who may hold every role) for the absences
    // only they can replace; then the shorter commute (the earlier arrival), then pool order.
    std::vector<int> roles_of(w_.professions.size(), 0);
    for (const auto& allowed : w_.scope.allowed)
        for (const auto& e : allowed) ++roles_of[e.profession.index()];
    struct Entry {
        int roles;
        double minutes;
        PersonId person;
    };
    std::vector<Entry> in_reach;
    for (const PersonId p : roster_.people.ids()) {
        const RosterPerson& person = roster_.people[p];
        if (person.on_call) continue; // reserves are called by call_reserve decisions
        const double minutes = travel_[c.index()][static_cast<std::size_t>(person.home)];
        if (!(minutes <= person.max_commute_minutes)) continue;
        in_reach.push_back({roles_of[person.profession.index()], minutes, p});
    }
    std::stable_sort(in_reach.begin(), in_reach.end(), [](const Entry& a, const Entry& b) {
        return a.roles != b.roles ? a.roles < b.roles : a.minutes < b.minutes;
    });
    slot.emplace();
    slot->reserve(in_reach.size());
    for (const Entry& e : in_reach) slot->push_back(e.person);
    return *slot;
}

void Simulation::Impl::call_replacements(int rs_index, const std::vector<char>& present,
                                         bool medecin_present) {
    const RosterShift rs =
        roster_.shifts[static_cast<std::size_t>(rs_index)]; // a copy: appended to
    const CentreId c = rs.centre;
    const SimTime now = sim_.now();
    const SimTime shift_end = day_start(rs.day) + rs.end;
    const SimTime call = SimTime{
        static_cast<std::int64_t>(std::ceil(std::max(0.0, plan_.replacement.call_minutes) * 60.0))};
    const SimTime min_left{static_cast<std::int64_t>(min_part_hours * 3600.0)};
    if (now + call + min_left > shift_end) return; // too late for anyone
    const double p_absent = absence_probability(rs.day);
    const int weekday = (rs.day + w_.start_weekday) % 7;
    HoursLedger& ledger = roster_.hours;
    const std::vector<PersonId>& callable = replacement_list(c);
    for (std::size_t i = 0; i < rs.people.size(); ++i) {
        if (present[i]) continue;
        const RoleId role = rs.people[i].role;
        struct Pick {
            SimTime arrive;
            PersonId person;
        };
        std::optional<Pick> best;
        // in call order: the first who can come is the one called
        for (const PersonId p : callable) {
            const RosterPerson& person = roster_.people[p];
            if (!((person.weekdays >> weekday) & 1)) continue;
            if (!w_.scope.may_work(person.profession, role, medecin_present)) continue;
            const double minutes = travel_[c.index()][static_cast<std::size_t>(person.home)];
            const SimTime arrive =
                now + call + SimTime{static_cast<std::int64_t>(std::ceil(minutes * 60.0))};
            if (arrive + min_left > shift_end) continue;
            // the checks that cost more last: the hours ledger, then the person's own draw
            if (!ledger.can_take(p, arrive, shift_end) || ill(p, arrive) ||
                absent_by_draw(person, rs.day, p_absent))
                continue;
            best = Pick{arrive, p};
            break;
        }
        if (!best) continue;
        ledger.commit(best->person, best->arrive, shift_end);
        RosterShift line;
        line.centre = c;
        line.shift = -1;
        line.day = rs.day;
        line.start = best->arrive - day_start(rs.day);
        line.end = rs.end;
        line.people.push_back({best->person, role});
        line.has_medecin = medecin_present;
        line.replaces = rs_index;
        LogEntry e = log_entry(LogKind::Info, LogEvent::StaffReplaced);
        e.centre = c.value();
        e.profession = roster_.people[best->person].profession.value();
        e.role = role.value();
        e.count = (best->arrive - now).seconds() / 60;
        log(std::move(e));
        add_roster_line(line);
    }
}

/// Puts `line` (a line added while the run goes: shift -1) on the roster, its people marked
/// used, its start and end scheduled; returns its index in the roster's shifts.
int Simulation::Impl::add_roster_line(const RosterShift& line) {
    const int index = static_cast<int>(roster_.shifts.size());
    roster_.shifts.push_back(line);
    presence_.emplace_back();
    for (const auto& a : line.people) person_used_[a.person.index()] = 1;
    const auto target = static_cast<std::uint32_t>(index);
    sim_.schedule(day_start(line.day) + line.start, h_, ShiftStart, target, 0, prio_shift_start);
    sim_.schedule(day_start(line.day) + line.end, h_, ShiftEnd, target, 0,
                  at_day_edge(line.end, prio_shift_end, prio_shift_end_midnight));
    return index;
}

/// Seconds from now to the end of roster shift `rs` (0 once it has ended).
double Simulation::Impl::shift_left_s(const RosterShift& rs) const {
    const SimTime now = sim_.now(), end = day_start(rs.day) + rs.end;
    return end > now ? static_cast<double>((end - now).seconds()) : 0.0;
}

/// A person of shift presence `pr` leaves station `st` now (server slot `slot`, or -1 for an
/// area they watched) with `left_s` seconds of their shift not worked there: a busy server
/// finishes the patient in hand.
void Simulation::Impl::leave_station(ShiftPresence& pr, StationNodeId st, std::int32_t slot,
                                     double left_s) {
    if (!st.valid()) return;
    const SimTime now = sim_.now();
    StationRt& s = stations_[st];
    if (slot >= 0) {
        s.pool().server(slot).leave_at = now;
        s.pool().retire(slot); // a busy person finishes the patient in hand
        s.acc.day.staffed_hours = std::max(0.0, s.acc.day.staffed_hours - left_s / 3600.0);
        auto it = std::find(pr.servers.begin(), pr.servers.end(), std::make_pair(st, slot));
        if (it != pr.servers.end()) pr.servers.erase(it);
    } else {
        s.unwatch();
        auto it = std::find(pr.watched_areas.begin(), pr.watched_areas.end(), st);
        if (it != pr.watched_areas.end()) pr.watched_areas.erase(it);
    }
}

void Simulation::Impl::end_cover(int rs_index, std::size_t k, RoleId back) {
    ShiftPresence& pr = presence_[static_cast<std::size_t>(rs_index)];
    const RosterShift& rs = roster_.shifts[static_cast<std::size_t>(rs_index)];
    CentreRt& rt = centres_[rs.centre];
    const auto role = pr.roles[k].index();
    const StationNodeId st = pr.station_of[k];
    const std::int32_t slot = pr.server_of[k];
    const double left_s = shift_left_s(rs);
    rt.role_staffed_s[role] = std::max(0.0, rt.role_staffed_s[role] - left_s);
    rt.role_staffed_s[back.index()] += left_s;
    --rt.role_on_site[role];
    ++rt.role_on_site[back.index()];
    --rt.role_present[role];
    ++rt.role_present[back.index()];
    leave_station(pr, st, slot, left_s);
    pr.roles[k] = back;
    pr.station_of[k] = StationNodeId::none();
    pr.server_of[k] = -1;
}

/// Someone on site takes a station short of people: the log says who (profession), from which
/// role, to which.
void Simulation::Impl::log_cover(CentreId c, ProfessionId prof, RoleId from, RoleId to) {
    LogEntry e = log_entry(LogKind::Info, LogEvent::StaffMovedToCover);
    e.centre = c.value();
    e.profession = prof.value();
    e.role = from.value();
    e.role_to = to.value();
    log(std::move(e));
}

void Simulation::Impl::on_shift_start(int rs_index) {
    const RosterShift& rs = roster_.shifts[static_cast<std::size_t>(rs_index)];
    if (rs.centre.index() >= centres_.size()) {
        on_team_day(TeamId{rs.centre.index() - centres_.size()}, rs_index);
        return;
    }
    const CentreId c = rs.centre;
    CentreRt& rt = centres_[c];
    ShiftPresence& pr = presence_[static_cast<std::size_t>(rs_index)];
    const SimTime shift_end = day_start(rs.day) + rs.end;
    if (sim_.now() < rt.closed_until) { // premises shut: come when they open again, if ever
        if (rt.closed_until < shift_end)
            sim_.schedule(rt.closed_until, h_, ShiftStart, static_cast<std::uint32_t>(rs_index), 0,
                          prio_shift_start);
        return;
    }
    if (rs.shift < 0 && rs.replaces < 0) // a line added by a decision: required from its start
        for (const auto& a : rs.people) ++rt.role_required[a.role.index()];
    // from now: a shift starts at its time, unless deferred by a closure or added late
    const double len_s = static_cast<double>((shift_end - sim_.now()).seconds());
    pr.began = sim_.now();
    bool medecin_present = false;
    const std::vector<char> present = who_turns_up(rs, medecin_present);
    if (rs.replaces >= 0) {
        // A replacement: supervised work as the shift it joins allows. Whoever of that shift on
        // site without a station of their own (the supervising médecin) covers the absent
        // person's station goes back to their role, and the replacement takes the station. When
        // that station is held by a colleague moved over at the start (its rostered count is
        // there), the replacement takes instead the station left shortest (the smallest share
        // of its rostered people) it may hold, else one the supervisor covers (he goes back).
        medecin_present = medecin_present || rs.has_medecin;
        const RosterShift& os = roster_.shifts[static_cast<std::size_t>(rs.replaces)];
        const ShiftPresence& op = presence_[static_cast<std::size_t>(rs.replaces)];
        const RoleId role = rs.people.front().role;
        const ProfessionId prof = roster_.people[rs.people.front().person].profession;
        const auto may = [&](RoleId r) { return w_.scope.may_work(prof, r, medecin_present); };
        std::vector<int> held(w_.roles.size(), 0), rostered(w_.roles.size(), 0);
        for (const RoleId r : op.roles) ++held[r.index()];
        for (const Assignment& a : os.people) ++rostered[a.role.index()];
        std::optional<std::size_t> at_role, elsewhere; // supervisor covers
        RoleId back_at, back_elsewhere;
        for (std::size_t k = 0; k < op.persons.size(); ++k) {
            if (!op.station_of[k].valid()) continue;
            const auto own = std::find_if(os.people.begin(), os.people.end(),
                                          [&](const auto& a) { return a.person == op.persons[k]; });
            if (own == os.people.end() || !stations_.of_role(c, own->role).empty()) continue;
            if (op.roles[k] == role && !at_role) {
                at_role = k;
                back_at = own->role;
            } else if (op.roles[k] != role && !elsewhere && may(op.roles[k])) {
                elsewhere = k;
                back_elsewhere = own->role;
            }
        }
        RoleId to = role;
        if (at_role) {
            end_cover(rs.replaces, *at_role, back_at);
        } else if (held[role.index()] >= rostered[role.index()]) {
            int best = -1;
            for (std::size_t r = 0; r < w_.roles.size(); ++r) {
                if (held[r] >= rostered[r] || stations_.of_role(c, RoleId{r}).empty() ||
                    !may(RoleId{r}))
                    continue;
                const auto b = static_cast<std::size_t>(best);
                if (best < 0 || held[r] * rostered[b] < held[b] * rostered[r])
                    best = static_cast<int>(r);
            }
            if (best >= 0) {
                to = RoleId{static_cast<std::size_t>(best)};
            } else if (elsewhere) {
                to = op.roles[*elsewhere];
                end_cover(rs.replaces, *elsewhere, back_elsewhere);
            }
        }
        roster_.shifts[static_cast<std::size_t>(rs_index)].people.front().role = to;
    }
    // roles as rostered, for the people who turned up and may work
    std::vector<Assignment> working;
    for (std::size_t i = 0; i < rs.people.size(); ++i) {
        if (!present[i]) continue;
        const auto& a = rs.people[i];
        const RosterPerson& person = roster_.people[a.person];
        if (w_.scope.may_hold(person.profession, a.role) == ScopeTable::May::supervised &&
            !medecin_present) {
            LogEntry e = log_entry(LogKind::Shortfall, LogEvent::SupervisedWithoutMedecin);
            e.centre = c.value();
            e.profession = person.profession.value();
            log(std::move(e));
            continue;
        }
        working.push_back(a);
    }
    // Cover a station left with nobody by an absence: a qualified colleague from a role that
    // keeps at least one person (or from supervision, who stays on site) moves over.
    {
        std::vector<int> count(w_.roles.size(), 0), rostered(w_.roles.size(), 0);
        for (const auto& a : working) ++count[a.role.index()];
        for (const auto& a : rs.people) ++rostered[a.role.index()];
        for (std::size_t r = 0; r < w_.roles.size(); ++r) {
            if (rostered[r] == 0 || count[r] > 0 || stations_.of_role(c, RoleId{r}).empty())
                continue;
            int best = -1;
            for (std::size_t k = 0; k < working.size(); ++k) {
                const auto from = working[k].role.index();
                const bool can_spare =
                    count[from] >= 2 || stations_.of_role(c, RoleId{from}).empty();
                const ProfessionId prof = roster_.people[working[k].person].profession;
                if (!can_spare || !w_.scope.may_work(prof, RoleId{r}, medecin_present)) continue;
                if (best < 0 ||
                    count[from] > count[working[static_cast<std::size_t>(best)].role.index()])
                    best = static_cast<int>(k);
            }
            if (best < 0) {
                LogEntry e = log_entry(LogKind::Shortfall, LogEvent::StationStopped);
                e.centre = c.value();
                e.role = static_cast<std::int32_t>(r);
                log(std::move(e));
                continue;
            }
            auto& mover = working[static_cast<std::size_t>(best)];
            --count[mover.role.index()];
            ++count[r];
            log_cover(c, roster_.people[mover.person].profession, mover.role, RoleId{r});
            mover.role = RoleId{r};
        }
        // A station left short-handed (fewer people than rostered, but not empty) is helped by
        // someone on site without a station (the supervising médecin), who stays on site: the
        // station with the smallest share of its rostered people first.
        for (auto& mover : working) {
            const auto from = mover.role.index();
            if (!stations_.of_role(c, RoleId{from}).empty()) continue;
            const ProfessionId prof = roster_.people[mover.person].profession;
            int best = -1;
            for (std::size_t r = 0; r < w_.roles.size(); ++r) {
                if (count[r] >= rostered[r] || stations_.of_role(c, RoleId{r}).empty()) continue;
                if (!w_.scope.may_work(prof, RoleId{r}, medecin_present)) continue;
                const auto b = static_cast<std::size_t>(best);
                // count[r] / rostered[r] < count[b] / rostered[b]
                if (best < 0 || count[r] * rostered[b] < count[b] * rostered[r])
                    best = static_cast<int>(r);
            }
            if (best < 0) continue;
            --count[from];
            ++count[static_cast<std::size_t>(best)];
            log_cover(c, prof, mover.role, RoleId{static_cast<std::size_t>(best)});
            mover.role = RoleId{static_cast<std::size_t>(best)};
        }
    }
    // A part of a shift (RosterShift::part) left short by an absence: someone of the shift on
    // site without a station (the supervising médecin) takes the station until the part ends,
    // as for a whole-shift colleague above, unless already covering another part then.
    std::vector<Assignment> covers;
    if (rs.part) {
        std::vector<int> count(w_.roles.size(), 0), rostered(w_.roles.size(), 0);
        for (const auto& a : working) ++count[a.role.index()];
        for (const auto& a : rs.people) ++rostered[a.role.index()];
        int whole = -1; // the shift's own roster entry: just before its parts
        for (int k = rs_index - 1; k >= 0; --k) {
            const RosterShift& m = roster_.shifts[static_cast<std::size_t>(k)];
            if (m.centre != rs.centre || m.day != rs.day || m.shift != rs.shift) break;
            if (!m.part) {
                whole = k;
                break;
            }
        }
        if (whole >= 0) {
            const ShiftPresence& mp = presence_[static_cast<std::size_t>(whole)];
            covering_until_.resize(roster_.people.size());
            for (std::size_t r = 0; r < w_.roles.size(); ++r) {
                if (stations_.of_role(c, RoleId{r}).empty()) continue;
                for (std::size_t k = 0; k < mp.persons.size() && count[r] < rostered[r]; ++k) {
                    const PersonId who = mp.persons[k];
                    const ProfessionId prof = roster_.people[who].profession;
                    if (mp.station_of[k].valid() || covering_until_[who.index()] > sim_.now() ||
                        w_.scope.may_hold(prof, RoleId{r}) != ScopeTable::May::yes)
                        continue;
                    covering_until_[who.index()] = shift_end;
                    ++count[r];
                    covers.push_back({who, RoleId{r}});
                    log_cover(c, prof, mp.roles[k], RoleId{r});
                }
            }
        }
    }
    // staff present never exceed the people the roster put on the shift
    RIPOSTE_INVARIANT(working.size() <= rs.people.size());
    std::vector<int> rr(w_.roles.size(), 0); // round-robin over stations of a role
    // people per station where the plan names them (a role staffing several stations)
    std::vector<int> quota;
    if (rs.shift >= 0)
        quota = centre_def(c).shifts[static_cast<std::size_t>(rs.shift)].station_staff;
    quota.resize(centre_def(c).stations.size(), -1);
    for (const Assignment& a : working) {
        const RosterPerson& person = roster_.people[a.person];
        const auto role = a.role.index();
        pr.persons.push_back(a.person);
        pr.roles.push_back(a.role);
        ++rt.role_on_site[role];
        ++rt.role_present[role];
        rt.role_staffed_s[role] += len_s;
        const auto prof = person.profession.index();
        prof_worked_h_[ProfessionId{prof}] += len_s / 3600.0;
        if (rs.replaces >= 0) prof_replacement_h_[ProfessionId{prof}] += len_s / 3600.0;
        prof_commute_h_[ProfessionId{prof}] +=
            2.0 * travel_[c.index()][static_cast<std::size_t>(person.home)] / 60.0;
        const auto& sts = stations_.of_role(c, a.role);
        pr.station_of.push_back(StationNodeId::none());
        pr.server_of.push_back(-1);
        if (sts.empty()) continue; // e.g. supervision: on site, no station
        StationNodeId st;
        for (const StationNodeId k : sts) {
            auto& left = quota[stations_[k].local().index()];
            if (left > 0) {
                --left;
                st = k;
                break;
            }
        }
        if (!st.valid()) st = sts[static_cast<std::size_t>(rr[role]++) % sts.size()];
        StationRt& s = stations_[st];
        pr.station_of.back() = st;
        if (s.is_area()) {
            s.watch();
            pr.watched_areas.push_back(st);
            try_fill_area(st);
        } else {
            const std::int32_t slot =
                s.pool().add_server(a.person.value(), day_start(rs.day) + rs.end, rs_index);
            pr.servers.emplace_back(st, slot);
            pr.server_of.back() = slot;
            s.acc.day.staffed_hours += len_s / 3600.0;
            try_start_servers(st);
        }
    }
    // the covers: a place at the station until the part ends, counted with the part (their
    // hours, commute and presence are their own shift's)
    for (const Assignment& a : covers) {
        const auto& sts = stations_.of_role(c, a.role);
        const StationNodeId st = sts[static_cast<std::size_t>(rr[a.role.index()]++) % sts.size()];
        StationRt& s = stations_[st];
        if (s.is_area()) {
            s.watch();
            pr.watched_areas.push_back(st);
            try_fill_area(st);
        } else {
            const std::int32_t slot = s.pool().add_server(a.person.value(), shift_end, rs_index);
            pr.servers.emplace_back(st, slot);
            s.acc.day.staffed_hours += len_s / 3600.0;
            try_start_servers(st);
        }
    }
    // the replacement list: absent people replaced from the pool, arriving later (last: it
    // appends to the roster)
    if (plan_.replacement.enabled && rs.replaces < 0 &&
        std::find(present.begin(), present.end(), 0) != present.end())
        call_replacements(rs_index, present, medecin_present);
}

void Simulation::Impl::on_shift_end(int rs_index) {
    const RosterShift& rs = roster_.shifts[static_cast<std::size_t>(rs_index)];
    const Centre& def = plan_.centres[rs.centre.index()];
    CentreRt& rt = centres_[rs.centre];
    // In continuous operation a shift hands over while the doors are open; otherwise the
    // closing shift stays until the last patient inside has left.
    if (def.continuous ? !rt.doors_open : rs.end >= rt.calendar.on(rs.day).closes) {
        rt.closing_shifts.push_back(rs_index);
        maybe_release_closing(rs.centre);
        return;
    }
    release_shift(rs_index, day_start(rs.day) + rs.end);
}

void Simulation::Impl::release_shift(int rs_index, SimTime shift_end) {
    ShiftPresence& pr = presence_[static_cast<std::size_t>(rs_index)];
    const RosterShift& rs = roster_.shifts[static_cast<std::size_t>(rs_index)];
    CentreRt& rt = centres_[rs.centre];
    for (const auto& [st, slot] : pr.servers) {
        ServerPool& pool = stations_[st].pool();
        // overtime until now is counted below; a busy server adds what the patient in hand
        // takes from now on
        pool.server(slot).leave_at = std::max(shift_end, sim_.now());
        pool.retire(slot); // busy servers leave after the patient in hand
    }
    for (const StationNodeId st : pr.watched_areas) stations_[st].unwatch();
    for (const RoleId role : pr.roles) --rt.role_on_site[role.index()];
    // overtime of the closing shift: from the shift end until now (centre empty)
    if (sim_.now() > shift_end) {
        const double ot = static_cast<double>((sim_.now() - shift_end).seconds());
        for (const auto& a : rs.people) {
            if (std::find(pr.persons.begin(), pr.persons.end(), a.person) == pr.persons.end())
                continue;
            const auto prof = roster_.people[a.person].profession.index();
            prof_overtime_h_[ProfessionId{prof}] += ot / 3600.0;
            prof_worked_h_[ProfessionId{prof}] += ot / 3600.0;
            rt.acc.row.overtime_hours += ot / 3600.0;
            rt.role_overtime_s[a.role.index()] += ot;
        }
    }
    pr = ShiftPresence{};
}

void Simulation::Impl::maybe_release_closing(CentreId c) {
    CentreRt& rt = centres_[c];
    if (rt.doors_open || rt.in_centre > 0) return;
    release_closing_shifts(rt);
}

void Simulation::Impl::release_closing_shifts(CentreRt& rt) {
    for (int rs : rt.closing_shifts) {
        const RosterShift& s = roster_.shifts[static_cast<std::size_t>(rs)];
        release_shift(rs, day_start(s.day) + s.end);
    }
    rt.closing_shifts.clear();
}

} // namespace riposte
