// Interventions: injects and decisions applied between two events (DESIGN.md "The model as
// components, and interventions"). Each kind changes the state of the components it concerns,
// at now(); events a change makes stale carry a generation and are ignored; every new random
// draw is keyed by the change's identity.
#include "model/simulation/simulation_impl.hpp"

#include <variant>

namespace riposte {

std::uint64_t change_identity(std::string_view name) {
    return name_key(name);
}

namespace {

Refusal refuse(RefusalReason reason, std::string subject = {}, double number = 0) {
    return Refusal{reason, std::move(subject), number, RefusalDetail::None, {}};
}

Refusal refuse(RefusalReason reason, RefusalDetail detail, std::string subject = {},
               std::string subject2 = {}, double number = 0) {
    return Refusal{reason, std::move(subject), number, detail, std::move(subject2)};
}

std::string ref_text(const CentreRef& r) {
    switch (r.by) {
    case CentreRef::By::Name:
        return r.value;
    case CentreRef::By::Largest:
        return "largest";
    case CentreRef::By::NearestTo:
        return "nearest_to " + r.value;
    case CentreRef::By::Kind:
        return "kind " + r.value;
    case CentreRef::By::All:
        return "*";
    case CentreRef::By::Concerned:
        return "concerned";
    }
    return r.value;
}

} // namespace

Change shift_times(const Change& change, SimTime by, int days_by) {
    Change out = change;
    const auto move = [&](SimTime& t) {
        if (t != SimTime::max()) t = t + by;
    };
    std::visit(
        [&](auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, CentreClosed> || std::is_same_v<T, StationSlowed> ||
                          std::is_same_v<T, SetCentreOpen>) {
                move(c.until);
            } else if constexpr (std::is_same_v<T, AddLine>) {
                move(c.from);
                move(c.until);
            } else if constexpr (std::is_same_v<T, ChangeBooking>) {
                c.from_day += days_by;
            } else if constexpr (std::is_same_v<T, ChangeHours>) {
                c.from_day += days_by;
                c.to_day += days_by;
            }
        },
        out);
    return out;
}

std::vector<CentreId> Simulation::Impl::resolve(const CentreRef& ref,
                                                std::optional<Refusal>& refusal) const {
    std::vector<CentreId> out;
    switch (ref.by) {
    case CentreRef::By::Name:
        for (const CentreId c : centres_.ids())
            if (centre_def(c).name == ref.value) out.push_back(c);
        break;
    case CentreRef::By::All:
        for (const CentreId c : centres_.ids()) out.push_back(c);
        break;
    case CentreRef::By::Concerned:
        if (here_centre_.valid()) out.push_back(here_centre_);
        break;
    case CentreRef::By::Largest: {
        // the most slots over the run; a plan of testing centres only: the longest hours
        std::int64_t best = -1;
        CentreId pick;
        for (const CentreId c : centres_.ids()) {
            const CentreRt& rt = centres_[c];
            const Centre& def = centre_def(c);
            std::int64_t size = rt.slots.total_opened();
            if (size == 0)
                size = (def.closes - def.opens).seconds() / 60 *
                       static_cast<std::int64_t>(def.stations.size()) / 1000;
            if (size > best) {
                best = size;
                pick = c;
            }
        }
        if (pick.valid()) out.push_back(pick);
        break;
    }
    case CentreRef::By::NearestTo: {
        const int m = w_.find_commune(ref.value);
        if (m < 0) {
            refusal = refuse(RefusalReason::UnknownCentre, ref_text(ref));
            return out;
        }
        double best = std::numeric_limits<double>::infinity();
        CentreId pick;
        for (const CentreId c : centres_.ids()) {
            const double t = travel_[c.index()][static_cast<std::size_t>(m)];
            if (t < best) {
                best = t;
                pick = c;
            }
        }
        if (pick.valid()) out.push_back(pick);
        break;
    }
    case CentreRef::By::Kind:
        for (const CentreId c : centres_.ids()) {
            const CentreKind k = centre_def(c).kind;
            if ((ref.value == "vaccination" && k == CentreKind::Vaccination) ||
                (ref.value == "testing" && k == CentreKind::Testing) ||
                (ref.value == "both" && k == CentreKind::Both))
                out.push_back(c);
        }
        break;
    }
    if (out.empty() && !refusal) refusal = refuse(RefusalReason::UnknownCentre, ref_text(ref));
    return out;
}

AppliedChange Simulation::Impl::fire(const Change& change, std::uint64_t identity,
                                     ChangeSource source, const std::string& id, CentreId centre) {
    here_centre_ = centre;
    AppliedChange ac;
    ac.source = source;
    ac.inject_id = id;
    ac.centre = centre;
    ac.change = change;
    ac.outcome = apply(change, identity);
    here_centre_ = CentreId::none();
    LogEntry e =
        log_entry(is_inject(change) ? LogKind::Inject : LogKind::Decision, LogEvent::Intervention);
    e.change_kind = static_cast<std::int32_t>(change.index());
    e.id = id;
    e.centre = centre.value();
    if (const auto& r = ac.outcome.refusal) {
        e.refusal_reason = static_cast<std::int32_t>(r->reason);
        e.refusal_subject = r->subject;
        e.refusal_number = r->number;
        e.refusal_detail = static_cast<std::int32_t>(r->detail);
        e.refusal_subject2 = r->subject2;
    }
    log(std::move(e));
    changes_.push_back(ac);
    if (obs_) obs_->on_change(ac);
    return ac;
}

ChangeOutcome Simulation::Impl::apply(const Change& change, std::uint64_t identity) {
    ChangeOutcome out;
    const std::uint64_t ord = sim_.events_processed();
    if (ord != change_ordinal_) {
        change_ordinal_ = ord;
        change_order_ = 0;
    }
    out.stamp = ChangeStamp{sim_.now(), ord, change_order_++};
    if (finalised_ || sim_.now() >= horizon_) {
        out.refusal = refuse(RefusalReason::PastHorizon);
        return out;
    }
    std::visit([&](const auto& c) { do_change(c, identity, out); }, change);
    if (out.refusal) out.centres.clear();
    return out;
}

// ---------------------------------------------------------------- centres: shut and reopen

void Simulation::Impl::shut_centre(CentreId c, SimTime until, bool decision) {
    CentreRt& rt = centres_[c];
    const Centre& def = centre_def(c);
    const SimTime now = sim_.now();
    rt.closed_until = std::max(rt.closed_until, until);
    ++rt.closure_gen;
    rt.doors_open = false;
    // everyone queued goes home (and rebooks); those in service finish and leave
    for (const StationNodeId st : stations_.of(c)) {
        const std::vector<std::int32_t> sent = stations_[st].send_home();
        for (std::int32_t p : sent) {
            --rt.waiting;
            RIPOSTE_INVARIANT(rt.waiting >= 0);
            leave_early(p);
        }
    }
    // staff on site go home now; the closing staff of an earlier day too
    release_closing_shifts(rt);
    for (int d : {now.day() - 1, now.day()}) {
        if (d < 0 || d >= w_.days) continue;
        for (int rs : shifts_by_day_[static_cast<std::size_t>(d)]) {
            if (roster_.shifts[static_cast<std::size_t>(rs)].centre != c) continue;
            ShiftPresence& pr = presence_[static_cast<std::size_t>(rs)];
            while (!pr.persons.empty()) remove_from_shift(rs, pr.persons.size() - 1);
        }
    }
    for (std::size_t rs = roster_.shifts.size(); rs-- > 0;) { // lines added by decisions
        if (roster_.shifts[rs].shift >= 0) break;
        if (roster_.shifts[rs].centre != c) continue;
        ShiftPresence& pr = presence_[rs];
        while (!pr.persons.empty()) remove_from_shift(static_cast<int>(rs), pr.persons.size() - 1);
    }
    // no new booking on the days it is shut all day
    for (int d = std::max(0, now.day()); d < w_.days && day_start(d) <= until; ++d)
        if (day_start(d) + rt.calendar.on(d).opens >= now &&
            day_start(d) + rt.calendar.on(d).closes <= until)
            rt.slots.set_opened(d, std::min(rt.slots.opened(d), rt.slots.booked(d)));
    // doors open again at `until` when that falls within opening hours
    if (until < horizon_) {
        const int d = until.day();
        if (def.open_on(d, w_.start_weekday) && until > day_start(d) + rt.calendar.on(d).opens &&
            until < day_start(d) + rt.calendar.on(d).closes)
            sim_.schedule(until, h_, Reopen, static_cast<std::uint32_t>(c.value()), rt.closure_gen,
                          prio_open);
    }
    (void)decision;
}

void Simulation::Impl::on_reopen(CentreId c, std::uint32_t gen) {
    CentreRt& rt = centres_[c];
    if (gen != rt.closure_gen || sim_.now() < rt.closed_until) return;
    rt.doors_open = true;
}

void Simulation::Impl::remove_from_shift(int rs_index, std::size_t k) {
    ShiftPresence& pr = presence_[static_cast<std::size_t>(rs_index)];
    const RosterShift& rs = roster_.shifts[static_cast<std::size_t>(rs_index)];
    CentreRt& rt = centres_[rs.centre];
    const PersonId person = pr.persons[k];
    const auto role = pr.roles[k].index();
    const StationNodeId st = pr.station_of[k];
    const std::int32_t slot = pr.server_of[k];
    const double left_s = shift_left_s(rs); // the hours not worked are taken back
    const ProfessionId prof = roster_.people[person].profession;
    rt.role_staffed_s[role] = std::max(0.0, rt.role_staffed_s[role] - left_s);
    prof_worked_h_[prof] -= left_s / 3600.0;
    --rt.role_on_site[role];
    leave_station(pr, st, slot, left_s);
    const auto at = static_cast<std::ptrdiff_t>(k);
    pr.persons.erase(pr.persons.begin() + at);
    pr.roles.erase(pr.roles.begin() + at);
    pr.station_of.erase(pr.station_of.begin() + at);
    pr.server_of.erase(pr.server_of.begin() + at);
}

void Simulation::Impl::do_change(const CentreClosed& x, std::uint64_t, ChangeOutcome& out) {
    const auto cs = resolve(x.centre, out.refusal);
    if (out.refusal) return;
    if (x.until <= sim_.now()) {
        out.refusal = refuse(RefusalReason::InThePast);
        return;
    }
    for (const CentreId c : cs) {
        shut_centre(c, x.until, false);
        LogEntry e = log_entry(LogKind::Inject, LogEvent::CentreClosedUntil);
        e.centre = c.value();
        e.count = x.until.day();
        log(std::move(e));
    }
    out.centres = cs;
}

void Simulation::Impl::do_change(const SetCentreOpen& x, std::uint64_t, ChangeOutcome& out) {
    const auto cs = resolve(x.centre, out.refusal);
    if (out.refusal) return;
    const SimTime now = sim_.now();
    if (!x.open) {
        if (x.until <= now) {
            out.refusal = refuse(RefusalReason::InThePast);
            return;
        }
        for (const CentreId c : cs) shut_centre(c, x.until, true);
        out.centres = cs;
        return;
    }
    for (const CentreId c : cs) {
        CentreRt& rt = centres_[c];
        if (rt.closed_until <= now) {
            out.refusal = refuse(RefusalReason::NotApplicable, RefusalDetail::CentreNotClosed,
                                 centre_name(c));
            return;
        }
    }
    for (const CentreId c : cs) {
        CentreRt& rt = centres_[c];
        const Centre& def = centre_def(c);
        rt.closed_until = now;
        ++rt.closure_gen;
        const int d = now.day();
        rt.doors_open = def.open_on(d, w_.start_weekday) &&
                        now >= day_start(d) + rt.calendar.on(d).opens &&
                        now < day_start(d) + rt.calendar.on(d).closes;
    }
    out.centres = cs;
}

// ---------------------------------------------------------------- stations

void Simulation::Impl::do_change(const StationSlowed& x, std::uint64_t, ChangeOutcome& out) {
    const auto cs = resolve(x.centre, out.refusal);
    if (out.refusal) return;
    if (!(x.factor > 0) || x.factor > 100) {
        out.refusal = refuse(RefusalReason::BadValue, "factor");
        return;
    }
    if (x.until <= sim_.now()) {
        out.refusal = refuse(RefusalReason::InThePast);
        return;
    }
    std::vector<CentreId> centres = cs; // in station order, each once
    std::sort(centres.begin(), centres.end());
    centres.erase(std::unique(centres.begin(), centres.end()), centres.end());
    std::vector<CentreId> hit;
    for (const CentreId c : centres)
        if (stations_.slow(c, x.station, x.factor, x.until) > 0) hit.push_back(c);
    if (hit.empty()) {
        out.refusal = refuse(RefusalReason::UnknownStation, x.station);
        return;
    }
    out.centres = hit;
}

// ---------------------------------------------------------------- staff

void Simulation::Impl::do_change(const StaffIll& x, std::uint64_t, ChangeOutcome& out) {
    const auto cs = resolve(x.centre, out.refusal);
    if (out.refusal) return;
    const ProfessionId prof = w_.find_profession(x.profession);
    if (!prof.valid()) {
        out.refusal = refuse(RefusalReason::UnknownProfession, x.profession);
        return;
    }
    if (x.people < 1 || x.days < 1) {
        out.refusal = refuse(RefusalReason::BadValue, x.people < 1 ? "people" : "days");
        return;
    }
    const SimTime now = sim_.now();
    const SimTime until = now + days(x.days);
    if (ill_until_.empty()) {
        ill_from_.assign(roster_.people.size(), SimTime{});
        ill_until_.assign(roster_.people.size(), SimTime{});
    }
    for (const CentreId c : cs) {
        // who works there: those on site now first, then those rostered in the period
        std::vector<PersonId> who;
        auto consider = [&](PersonId person) {
            if (roster_.people[person].profession != prof) return;
            if (ill(person, now)) return;
            if (std::find(who.begin(), who.end(), person) == who.end()) who.push_back(person);
        };
        std::vector<int> active;
        for (int d : {now.day() - 1, now.day()})
            if (d >= 0 && d < w_.days)
                for (int rs : shifts_by_day_[static_cast<std::size_t>(d)])
                    if (roster_.shifts[static_cast<std::size_t>(rs)].centre == c)
                        active.push_back(rs);
        for (std::size_t rs = roster_.shifts.size(); rs-- > 0;) {
            if (roster_.shifts[rs].shift >= 0) break;
            if (roster_.shifts[rs].centre == c) active.push_back(static_cast<int>(rs));
        }
        for (int rs : active)
            for (const PersonId person : presence_[static_cast<std::size_t>(rs)].persons)
                consider(person);
        for (int d = now.day(); d < w_.days && day_start(d) < until; ++d)
            for (int rs : shifts_by_day_[static_cast<std::size_t>(d)]) {
                const RosterShift& s = roster_.shifts[static_cast<std::size_t>(rs)];
                if (s.centre != c || day_start(d) + s.end <= now) continue;
                for (const auto& a : s.people) consider(a.person);
            }
        if (who.size() > static_cast<std::size_t>(x.people))
            who.resize(static_cast<std::size_t>(x.people));
        for (const PersonId person : who) {
            ill_from_[person.index()] = now;
            ill_until_[person.index()] = until;
            for (int rs : active) {
                ShiftPresence& pr = presence_[static_cast<std::size_t>(rs)];
                for (std::size_t k = 0; k < pr.persons.size(); ++k)
                    if (pr.persons[k] == person) {
                        remove_from_shift(rs, k);
                        break;
                    }
            }
        }
        if (!who.empty()) out.centres.push_back(c);
        out.people += static_cast<int>(who.size());
    }
    if (out.people == 0)
        out.refusal =
            refuse(RefusalReason::NotApplicable, RefusalDetail::ProfessionAbsent, x.profession);
}

void Simulation::Impl::do_change(const AbsenceWave& x, std::uint64_t id, ChangeOutcome& out) {
    ProfessionId prof = ProfessionId::none();
    if (!x.profession.empty()) {
        prof = w_.find_profession(x.profession);
        if (!prof.valid()) {
            out.refusal = refuse(RefusalReason::UnknownProfession, x.profession);
            return;
        }
    }
    if (!(x.share >= 0 && x.share <= 1) || x.days < 1) {
        out.refusal = refuse(RefusalReason::BadValue, x.days < 1 ? "days" : "share");
        return;
    }
    if (ill_until_.empty()) {
        ill_from_.assign(roster_.people.size(), SimTime{});
        ill_until_.assign(roster_.people.size(), SimTime{});
    }
    const SimTime now = sim_.now();
    for (std::size_t i = 0; i < roster_.people.size(); ++i) {
        const RosterPerson& person = roster_.people[PersonId{i}];
        if (prof.valid() && person.profession != prof) continue;
        // one draw per (person, change): the same people fall ill in every plan variant
        Rng r = rng_for(person.key ^ mix64(id), Purpose::Absence);
        if (!r.bernoulli(x.share)) continue;
        ill_from_[i] = now;
        ill_until_[i] = std::max(ill_until_[i], now + days(x.days));
        ++out.people;
    }
}

void Simulation::Impl::do_change(const AddLine& x, std::uint64_t, ChangeOutcome& out) {
    const auto cs = resolve(x.centre, out.refusal);
    if (out.refusal) return;
    const RoleId role = w_.find_role(x.role);
    if (!role.valid()) {
        out.refusal = refuse(RefusalReason::UnknownRole, x.role);
        return;
    }
    const ProfessionId only =
        x.profession.empty() ? ProfessionId::none() : w_.find_profession(x.profession);
    if (!x.profession.empty() && !only.valid()) {
        out.refusal = refuse(RefusalReason::UnknownProfession, x.profession);
        return;
    }
    const SimTime now = sim_.now();
    const bool asap = x.from <= now;
    if (x.people < 1 || x.until <= std::max(now, x.from)) {
        out.refusal = refuse(x.people < 1 ? RefusalReason::BadValue : RefusalReason::InThePast,
                             x.people < 1 ? "people" : "until");
        return;
    }
    if (x.until - std::max(now, x.from) > hours(16)) {
        out.refusal = refuse(RefusalReason::BadValue, RefusalDetail::LineTooLong);
        return;
    }
    if (std::max(now, x.from) >= horizon_) {
        out.refusal = refuse(RefusalReason::PastHorizon);
        return;
    }
    // who is within reach: the hours ledger says who is free then with the weekly hours left.
    // Each centre's picks are committed before the next centre picks (one person, one line);
    // the lines are added only once every centre has its people.
    HoursLedger& ledger = roster_.hours;
    struct Pick {
        SimTime start;
        double minutes;
        PersonId person;
    };
    std::vector<std::pair<CentreId, Pick>> chosen; // (centre, pick), committed in the ledger
    for (const CentreId c : cs) {
        std::vector<Pick> picks;
        for (const PersonId i : roster_.people.ids()) {
            const RosterPerson& p = roster_.people[i];
            if (p.on_call != x.reserve || (only.valid() && p.profession != only)) continue;
            if (w_.scope.may_hold(p.profession, role) != ScopeTable::May::yes) continue;
            const double minutes = travel_[c.index()][static_cast<std::size_t>(p.home)];
            if (!(minutes <= p.max_commute_minutes)) continue;
            const SimTime arrive = now +
                                   SimTime{static_cast<std::int64_t>(std::ceil(minutes * 60.0))} +
                                   (x.reserve ? p.call_in_delay : SimTime{});
            const SimTime start = asap ? arrive : x.from;
            if (!asap && arrive > x.from) continue;
            if (start + riposte::minutes(30) > x.until) continue;
            const int d = start.day();
            if (!((p.weekdays >> ((d + w_.start_weekday) % 7)) & 1)) continue;
            if (ill(i, start)) continue;
            if (!ledger.can_take(i, start, x.until)) continue;
            picks.push_back({start, minutes, i});
        }
        std::stable_sort(picks.begin(), picks.end(), [](const Pick& a, const Pick& b) {
            return a.start != b.start ? a.start < b.start : a.minutes < b.minutes;
        });
        if (picks.size() < static_cast<std::size_t>(x.people)) {
            for (const auto& [cc, pk] : chosen) ledger.release(pk.person, pk.start, x.until);
            out.refusal =
                refuse(RefusalReason::NoneWithinReach, x.role, static_cast<double>(picks.size()));
            out.people = 0;
            return;
        }
        picks.resize(static_cast<std::size_t>(x.people));
        for (const Pick& pk : picks) {
            ledger.commit(pk.person, pk.start, x.until);
            chosen.emplace_back(c, pk);
        }
    }
    for (const auto& [c, pk] : chosen) {
        RosterShift rs;
        rs.centre = c;
        rs.shift = -1; // a line added by a decision
        rs.day = pk.start.day();
        rs.start = pk.start - day_start(rs.day);
        rs.end = x.until - day_start(rs.day);
        rs.people.push_back({pk.person, role});
        add_roster_line(rs);
    }
    for (const CentreId c : cs) {
        out.centres.push_back(c);
        out.people += x.people;
    }
}

// ---------------------------------------------------------------- supply

void Simulation::Impl::do_change(const DeliveryLate& x, std::uint64_t, ChangeOutcome& out) {
    const auto cs = resolve(x.centre, out.refusal);
    if (out.refusal) return;
    if (x.delay_days < 0 || !(x.lost_share >= 0 && x.lost_share <= 1) ||
        (x.delay_days == 0 && x.lost_share == 0)) {
        out.refusal = refuse(RefusalReason::BadValue, "delay_days / lost_share");
        return;
    }
    for (const CentreId c : cs) {
        CentreRt& rt = centres_[c];
        for (int e = last_day_started_ + 1; e < w_.days; ++e) {
            std::int64_t& due = rt.alloc[static_cast<std::size_t>(e)];
            if (due <= 0) continue;
            const auto lost =
                static_cast<std::int64_t>(std::floor(static_cast<double>(due) * x.lost_share));
            const std::int64_t moved = due - lost;
            const int to = e + x.delay_days;
            due = 0;
            if (to < w_.days) {
                rt.alloc[static_cast<std::size_t>(to)] += moved;
                res_.totals.doses_delivered -= lost;
            } else {
                res_.totals.doses_delivered -= lost + moved; // past the end of the run
            }
            out.doses += moved + lost;
            out.centres.push_back(c);
            break;
        }
    }
    if (out.centres.empty())
        out.refusal = refuse(RefusalReason::NotApplicable, RefusalDetail::NoDeliveryToCome);
}

void Simulation::Impl::do_change(const ColdChainFailure& x, std::uint64_t, ChangeOutcome& out) {
    const auto cs = resolve(x.centre, out.refusal);
    if (out.refusal) return;
    for (const CentreId c : cs) {
        CentreRt& rt = centres_[c];
        const std::int64_t lost = rt.vials.destroy(); // the opened vial's expiry is stale
        rt.acc.row.doses_wasted += lost;
        out.doses += lost;
    }
    out.centres = cs;
}

void Simulation::Impl::do_change(const ReallocateDoses& x, std::uint64_t, ChangeOutcome& out) {
    const auto from = resolve(x.from, out.refusal);
    if (out.refusal) return;
    const auto to = resolve(x.to, out.refusal);
    if (out.refusal) return;
    if (from.size() != 1 || to.size() != 1 || from[0] == to[0] || x.doses <= 0) {
        out.refusal = x.doses <= 0 ? refuse(RefusalReason::BadValue, "doses")
                                   : refuse(RefusalReason::BadValue, RefusalDetail::SameCentre);
        return;
    }
    const Centre& a = centre_def(from[0]);
    const Centre& b = centre_def(to[0]);
    if (!b.vaccinates() || a.vaccine != b.vaccine) {
        out.refusal =
            refuse(RefusalReason::NotApplicable, RefusalDetail::VaccineNotGiven, b.name, a.name);
        return;
    }
    CentreRt& ra = centres_[from[0]];
    if (!ra.vials.take_out(x.doses)) {
        out.refusal =
            refuse(RefusalReason::NotEnoughStock, a.name, static_cast<double>(ra.vials.sealed()));
        return;
    }
    centres_[to[0]].vials.receive(x.doses);
    out.doses = x.doses;
    out.centres = {from[0], to[0]};
}

// ---------------------------------------------------------------- demand and booking

void Simulation::Impl::do_change(const DemandSurge& x, std::uint64_t, ChangeOutcome& out) {
    if (!(x.factor > 0) || x.factor > 100 || x.days < 1 || !(x.walk_ins_per_hour >= 0)) {
        out.refusal = refuse(RefusalReason::BadValue, "factor / days / walk_ins_per_hour");
        return;
    }
    if (x.for_people()) {
        surge_people(x, out);
        return;
    }
    const auto cs = resolve(x.centre, out.refusal);
    if (out.refusal) return;
    const SimTime now = sim_.now();
    const int d = now.day();
    for (const CentreId c : cs) {
        CentreRt& rt = centres_[c];
        const Centre& def = centre_def(c);
        rt.surge_factor = x.factor;
        rt.surge_group = -1;
        rt.surge_walk_ins = x.walk_ins_per_hour;
        rt.surge_until = now + days(x.days);
        // a centre without walk-ins today starts drawing them now
        const CentreCalendar::Hours h = rt.calendar.on(d);
        if (def.vaccinates() && !def.walk_in_only && rt.walkin_chain_day != d &&
            def.open_on(d, w_.start_weekday) && now < day_start(d) + h.closes) {
            rt.walkin_clock_s =
                static_cast<double>(std::max(now, day_start(d) + h.opens).seconds());
            schedule_next_walk_in(c, day_start(d) + h.closes);
        }
    }
    out.centres = cs;
}

void Simulation::Impl::surge_people(const DemandSurge& x, ChangeOutcome& out) {
    const int m = x.commune.empty() ? -1 : w_.find_commune(x.commune);
    if (!x.commune.empty() && m < 0) {
        out.refusal = refuse(RefusalReason::BadValue, RefusalDetail::UnknownCommune, x.commune);
        return;
    }
    int g = -1;
    for (std::size_t k = 0; k < w_.groups.size(); ++k)
        if (w_.groups[k].name == x.group) g = static_cast<int>(k);
    if (!x.group.empty() && g < 0) {
        out.refusal = refuse(RefusalReason::BadValue, RefusalDetail::UnknownGroup, x.group);
        return;
    }
    const SimTime now = sim_.now();
    const int d = now.day();
    people_surges_.push_back({m, g, x.factor, now + days(x.days)});
    if (!(x.walk_ins_per_hour > 0)) return;
    // walk-ins of those people at the vaccination centres of the commune (every one: a group)
    for (std::size_t ci = 0; ci < centres_.size(); ++ci) {
        const Centre& def = plan_.centres[ci];
        if (!def.vaccinates() || def.walk_in_only || (m >= 0 && def.commune != m)) continue;
        const CentreId c{ci};
        CentreRt& rt = centres_[c];
        if (rt.surge_until <= now) rt.surge_factor = 1; // a surge at the centre keeps its factor
        rt.surge_walk_ins = x.walk_ins_per_hour;
        rt.surge_group = g;
        rt.surge_until = std::max(rt.surge_until, now + days(x.days));
        const CentreCalendar::Hours h = rt.calendar.on(d);
        if (rt.walkin_chain_day != d && def.open_on(d, w_.start_weekday) &&
            now < day_start(d) + h.closes) {
            rt.walkin_clock_s =
                static_cast<double>(std::max(now, day_start(d) + h.opens).seconds());
            schedule_next_walk_in(c, day_start(d) + h.closes);
        }
        out.centres.push_back(c);
    }
}

std::int32_t Simulation::Impl::surge_walker(int commune, int day, int group) {
    // someone of the commune (of the group) who wants a dose, holds no booking and may have one
    if (group >= 0) {
        if (walkin_scan_cg_.empty()) {
            walkin_scan_cg_.assign(demand_.pairs(), 0);
            for (std::size_t k = 0; k < demand_.pairs(); ++k) walkin_scan_cg_[k] = demand_.first(k);
        }
        const std::size_t k = cg(commune, group);
        const std::int32_t end = demand_.end(k);
        std::int32_t& i = walkin_scan_cg_[k];
        for (; i < end; ++i) {
            const DemandPerson& dp = demand_.person(i);
            if (dp.doses == 0 && dp.state == Waiting && eligible_day_[dp.group_id().index()] <= day)
                return i++;
        }
        return none;
    }
    if (walkin_scan_.empty()) {
        walkin_scan_.assign(w_.territory.communes.size(), 0);
        for (std::size_t m = 0; m < walkin_scan_.size(); ++m)
            walkin_scan_[m] = demand_.first(cg(static_cast<int>(m), 0));
    }
    const std::int32_t end = static_cast<std::size_t>(commune) + 1 < w_.territory.communes.size()
                                 ? demand_.first(cg(commune + 1, 0))
                                 : static_cast<std::int32_t>(demand_.people());
    std::int32_t& i = walkin_scan_[static_cast<std::size_t>(commune)];
    for (; i < end; ++i) {
        const DemandPerson& dp = demand_.person(i);
        if (dp.doses == 0 && dp.state == Waiting && eligible_day_[dp.group_id().index()] <= day)
            return i++;
    }
    return none;
}

void Simulation::Impl::do_change(const ChangeBooking& x, std::uint64_t, ChangeOutcome& out) {
    if (x.from_day >= w_.days) {
        out.refusal = refuse(RefusalReason::PastHorizon);
        return;
    }
    if ((x.horizon_days && (*x.horizon_days < 0 || *x.horizon_days > 366)) ||
        (x.slot_minutes && (*x.slot_minutes < 1 || *x.slot_minutes > 240)) ||
        (x.doses_per_slot && (*x.doses_per_slot < 1 || *x.doses_per_slot > 100)) ||
        (x.overbooking && !(*x.overbooking >= 0 && *x.overbooking <= 1)) ||
        (!x.horizon_days && !x.slot_minutes && !x.doses_per_slot && !x.overbooking)) {
        out.refusal = refuse(RefusalReason::BadValue,
                             "horizon_days / slot_minutes / doses_per_slot / overbooking");
        return;
    }
    // bookings of a day are made at its start: a change reaches the days not started yet
    const int from = std::max(x.from_day, last_day_started_ + 1);
    std::vector<CentreId> cs;
    if (x.slot_minutes || x.doses_per_slot || x.overbooking) {
        cs = resolve(x.centre, out.refusal);
        if (out.refusal) return;
        for (const CentreId c : cs) {
            const Centre& def = centre_def(c);
            if (!def.vaccinates() || def.walk_in_only) continue;
            CentreRt& rt = centres_[c];
            Centre changed = def;
            if (rt.slot_change_from < from && rt.slot_length_now.seconds() > 0)
                changed.slot_length = rt.slot_length_now; // an earlier change holds
            if (x.slot_minutes) changed.slot_length = riposte::minutes(*x.slot_minutes);
            if (x.doses_per_slot) changed.doses_per_slot = *x.doses_per_slot;
            BookingPolicy policy = plan_.booking;
            if (x.overbooking) policy.overbooking = *x.overbooking;
            const std::vector<std::int64_t> opened =
                slots_opened_per_day(changed, policy, rt.alloc, w_.start_weekday);
            for (int d = from; d < w_.days; ++d)
                rt.slots.set_opened(
                    d, std::max(rt.slots.booked(d),
                                static_cast<int>(opened[static_cast<std::size_t>(d)])));
            if (x.slot_minutes) {
                rt.slot_change_from = from;
                rt.slot_length_now = changed.slot_length;
            }
            out.centres.push_back(c);
        }
    }
    if (x.horizon_days) horizon_changes_.emplace_back(from, *x.horizon_days);
}

void Simulation::Impl::do_change(const Message&, std::uint64_t, ChangeOutcome&) {}

// ---------------------------------------------------------------- moving staff, new groups

void Simulation::Impl::do_change(const MoveStaff& x, std::uint64_t, ChangeOutcome& out) {
    const auto from = resolve(x.from, out.refusal);
    if (out.refusal) return;
    const auto to = resolve(x.to, out.refusal);
    if (out.refusal) return;
    if (from.size() != 1 || to.size() != 1 || from[0] == to[0] || x.people < 1) {
        out.refusal = x.people < 1 ? refuse(RefusalReason::BadValue, "people")
                                   : refuse(RefusalReason::BadValue, RefusalDetail::SameCentre);
        return;
    }
    const ProfessionId prof = w_.find_profession(x.profession);
    if (!prof.valid()) {
        out.refusal = refuse(RefusalReason::UnknownProfession, x.profession);
        return;
    }
    const CentreId a = from[0], b = to[0];
    const SimTime now = sim_.now();
    if (x.leave_at && *x.leave_at > now) {
        // decided for later: checked against the roster of that time, moved then
        const SimTime leave = *x.leave_at;
        if (leave >= horizon_) {
            out.refusal = refuse(RefusalReason::PastHorizon);
            return;
        }
        const double minutes = travel_[a.index()][static_cast<std::size_t>(centre_def(b).commune)];
        const SimTime arrive =
            leave + SimTime{static_cast<std::int64_t>(std::ceil(minutes * 60.0))};
        int rostered = 0; // people of the profession on a shift at `from` at that time
        const int day = leave.day();
        if (std::isfinite(minutes) && day >= 0 && day < w_.days)
            for (int rs : shifts_by_day_[static_cast<std::size_t>(day)]) {
                const RosterShift& s = roster_.shifts[static_cast<std::size_t>(rs)];
                if (s.centre != a || day_start(s.day) + s.start > leave ||
                    day_start(s.day) + s.end <= arrive + riposte::minutes(30))
                    continue;
                for (const auto& p : s.people)
                    if (roster_.people[p.person].profession == prof &&
                        !stations_.of_role(b, p.role).empty())
                        ++rostered;
            }
        if (rostered == 0) {
            out.refusal = refuse(RefusalReason::NoneWithinReach, x.profession, 0);
            return;
        }
        scheduled_moves_.push_back({a, b, prof, std::min(x.people, rostered)});
        sim_.schedule(leave, h_, ScheduledMove,
                      static_cast<std::uint32_t>(scheduled_moves_.size() - 1), 0,
                      prio_shift_start + 1); // after the shifts starting then
        out.people = std::min(x.people, rostered);
        out.centres = {a, b};
        return;
    }
    const int moved = move_staff_now(a, b, prof, x.people);
    if (moved == 0) {
        out.refusal = refuse(RefusalReason::NoneWithinReach, x.profession, 0);
        return;
    }
    out.people = moved;
    out.centres = {a, b};
}

void Simulation::Impl::on_scheduled_move(int index) {
    const ScheduledMoveRt m = scheduled_moves_[static_cast<std::size_t>(index)];
    const int moved = move_staff_now(m.from, m.to, m.profession, m.people);
    LogEntry e = log_entry(LogKind::Decision, LogEvent::StaffMovedBetween);
    e.centre = m.to.value();
    e.profession = m.profession.value();
    e.count = moved;
    e.count2 = m.from.value();
    log(std::move(e));
}

int Simulation::Impl::move_staff_now(CentreId a, CentreId b, ProfessionId prof, int people) {
    const SimTime now = sim_.now();
    const double minutes = travel_[a.index()][static_cast<std::size_t>(centre_def(b).commune)];
    // who: people of the profession on site at `from` now, whose role `to` has a station for
    struct Pick {
        int rs;
        PersonId person;
        RoleId role;
    };
    std::vector<Pick> picks;
    std::vector<int> active;
    for (int d : {now.day() - 1, now.day()})
        if (d >= 0 && d < w_.days)
            for (int rs : shifts_by_day_[static_cast<std::size_t>(d)]) active.push_back(rs);
    for (std::size_t rs = roster_.shifts.size(); rs-- > 0;) {
        if (roster_.shifts[rs].shift >= 0) break;
        active.push_back(static_cast<int>(rs));
    }
    const SimTime arrive = now + SimTime{static_cast<std::int64_t>(std::ceil(minutes * 60.0))};
    for (int rs : active) {
        const RosterShift& s = roster_.shifts[static_cast<std::size_t>(rs)];
        if (s.centre != a || day_start(s.day) + s.end <= arrive + riposte::minutes(30)) continue;
        const ShiftPresence& pr = presence_[static_cast<std::size_t>(rs)];
        for (std::size_t k = 0; k < pr.persons.size(); ++k)
            if (roster_.people[pr.persons[k]].profession == prof &&
                !stations_.of_role(b, pr.roles[k]).empty())
                picks.push_back({rs, pr.persons[k], pr.roles[k]});
    }
    if (!std::isfinite(minutes) || picks.empty()) return 0;
    if (picks.size() > static_cast<std::size_t>(people))
        picks.resize(static_cast<std::size_t>(people));
    for (const Pick& p : picks) {
        ShiftPresence& pr = presence_[static_cast<std::size_t>(p.rs)];
        const auto k = static_cast<std::size_t>(
            std::find(pr.persons.begin(), pr.persons.end(), p.person) - pr.persons.begin());
        remove_from_shift(p.rs, k);
        // off the old shift from now on (every later reader of the roster sees it), their place
        // left vacant
        std::vector<Assignment>& on_old = roster_.shifts[static_cast<std::size_t>(p.rs)].people;
        const auto was = std::find_if(on_old.begin(), on_old.end(),
                                      [&](const Assignment& on) { return on.person == p.person; });
        RIPOSTE_INVARIANT(was != on_old.end());
        vacancies_.push_back({p.rs, static_cast<std::size_t>(was - on_old.begin()), *was});
        on_old.erase(was);
        const RosterShift old = roster_.shifts[static_cast<std::size_t>(p.rs)];
        // the rest of their shift, at `to`, once they are there
        RosterShift rs;
        rs.centre = b;
        rs.shift = -1;
        rs.day = arrive.day();
        rs.start = arrive - day_start(rs.day);
        rs.end = day_start(old.day) + old.end - day_start(rs.day);
        rs.people.push_back({p.person, p.role});
        add_roster_line(rs);
    }
    return static_cast<int>(picks.size());
}

void Simulation::Impl::do_change(const RoadCut& x, std::uint64_t, ChangeOutcome& out) {
    const int a = w_.find_commune(x.a), b = w_.find_commune(x.b);
    if (a < 0 || b < 0) {
        out.refusal =
            refuse(RefusalReason::BadValue, RefusalDetail::UnknownCommune, a < 0 ? x.a : x.b);
        return;
    }
    bool road = false;
    for (const RoadEdge& e : w_.territory.edges)
        if ((e.a == a && e.b == b) || (e.a == b && e.b == a)) road = true;
    if (!road) {
        out.refusal = refuse(RefusalReason::NotApplicable, RefusalDetail::NoRoad, x.a, x.b);
        return;
    }
    if (x.until <= sim_.now()) {
        out.refusal = refuse(RefusalReason::InThePast);
        return;
    }
    cuts_.emplace_back(x, ++road_gen_);
    cuts_.back().first.a = std::to_string(a); // kept as indices from here on
    cuts_.back().first.b = std::to_string(b);
    if (x.until < horizon_) sim_.schedule(x.until, h_, RoadReopen, 0, road_gen_, prio_day_start);
    on_road_reopen(0); // rebuild the graph without every road cut now
}

void Simulation::Impl::on_road_reopen(std::uint32_t gen) {
    if (gen != 0)
        cuts_.erase(std::remove_if(cuts_.begin(), cuts_.end(),
                                   [gen](const auto& c) { return c.second == gen; }),
                    cuts_.end());
    if (cuts_.empty()) {
        graph_ = full_graph_;
    } else {
        Territory t;
        t.communes = w_.territory.communes;
        for (const RoadEdge& e : w_.territory.edges) {
            bool cut = false;
            for (const auto& [c, g] : cuts_) {
                const int a = std::stoi(c.a), b = std::stoi(c.b);
                if ((e.a == a && e.b == b) || (e.a == b && e.b == a)) cut = true;
            }
            if (!cut) t.edges.push_back(e);
        }
        graph_ = std::make_shared<const TravelGraph>(t);
    }
    // new bookings use the new travel times; bookings made stay (people come, on a longer trip)
    compute_travel();
    compute_choices();
    travel_cache_.clear();
}

void Simulation::Impl::do_change(const GroupEligible& x, std::uint64_t, ChangeOutcome& out) {
    int g = -1;
    for (std::size_t k = 0; k < w_.groups.size(); ++k)
        if (w_.groups[k].name == x.group) g = static_cast<int>(k);
    if (g < 0) {
        out.refusal = refuse(RefusalReason::BadValue, RefusalDetail::UnknownGroup, x.group);
        return;
    }
    const int today = std::max(0, last_day_started_ + 1 > sim_.now().day() ? last_day_started_ + 1
                                                                           : sim_.now().day() + 1);
    const auto gu = static_cast<std::size_t>(g);
    if (eligible_day_[gu] <= sim_.now().day()) {
        out.refusal = refuse(RefusalReason::NotApplicable, RefusalDetail::AlreadyEligible, x.group);
        return;
    }
    // everyone of the group books from now on, after their own booking delay (drawn from the
    // same stream as at the start of the run, so the same person waits as long)
    const int old_day = eligible_day_[gu];
    eligible_day_[gu] = today;
    const PopulationGroup& grp = w_.groups[gu];
    for (std::size_t m = 0; m < w_.territory.communes.size(); ++m) {
        const std::size_t k = cg(static_cast<int>(m), g);
        const std::vector<std::int32_t> counts = delay_day_counts(k);
        std::int32_t first = demand_.first(k);
        for (std::size_t b = 0; b < counts.size(); ++b) {
            const int dd = static_cast<int>(b) - w_.days;
            const int was = old_day + dd;
            const int now_day = today + dd;
            const std::int32_t n = counts[b];
            const std::int32_t at = first;
            first += n;
            if (n == 0 || b == 0 || b + 1 == counts.size() || now_day < 0 || now_day >= w_.days ||
                (was >= 0 && was <= now_day))
                continue;
            demand_.request(now_day, {at, n});
            out.people += n;
        }
    }
    (void)grp;
}

// ---------------------------------------------------------------- the chronogramme

void Simulation::Impl::on_inject(std::size_t i, std::uint32_t gen) {
    InjectRt& in = injects_[i];
    if (gen != in.gen || in.skipped || in.fired) return;
    in.fired = true;
    const ScriptedInject& def = exercise_->injects[i];
    fire(in.change, change_identity("inject:" + def.id), ChangeSource::Scripted, def.id,
         CentreId::none());
}

void Simulation::Impl::evaluate_triggers() {
    const SimTime now = sim_.now();
    const int d = now.day();
    for (TriggerRt& tr : triggers_) {
        if (tr.once && tr.fired) continue;
        const Condition& when = tr.when;
        const bool global =
            when.kind == Condition::Kind::At || when.kind == Condition::Kind::IncidenceAbove;
        std::optional<Refusal> none_found;
        const std::vector<CentreId> where =
            global ? std::vector<CentreId>{CentreId::none()} : resolve(when.centre, none_found);
        for (const CentreId c : where) {
            bool holds = false;
            if (when.kind == Condition::Kind::At) {
                holds = now >= when.at;
            } else if (when.kind == Condition::Kind::IncidenceAbove) {
                const auto& inc = w_.epidemic.incidence_per_100k;
                holds = static_cast<std::size_t>(d) < inc.size() &&
                        inc[static_cast<std::size_t>(d)] > when.threshold;
            } else {
                const CentreRt& rt = centres_[c];
                if (when.kind == Condition::Kind::QueueAbove) {
                    SimTime& since = tr.above_since[c.index()];
                    if (static_cast<double>(rt.waiting) > when.threshold) {
                        if (since == SimTime::max()) since = now;
                        holds = now - since >= when.for_time;
                    } else {
                        since = SimTime::max();
                    }
                } else { // StockBelowDays: against the mean use of the days before today
                    holds = rt.days_past > 0 && static_cast<double>(rt.vials.total()) <
                                                    when.threshold *
                                                        static_cast<double>(rt.used_past) /
                                                        static_cast<double>(rt.days_past);
                }
            }
            if (!holds) continue;
            const std::size_t ci = c.valid() ? c.index() : 0;
            if (!tr.once && tr.per_day && tr.fired_day[ci] == d) continue;
            tr.fired = true;
            tr.fired_day[ci] = d;
            if (!global) tr.above_since[ci] = SimTime::max(); // must hold anew to fire again
            const std::string key = "trigger:" + tr.id + "@" +
                                    (c.valid() ? centre_name(c) : std::string("*")) + "#" +
                                    std::to_string(d);
            // a trigger's times count from when it fires
            for (std::size_t k = 0; k < tr.changes.size(); ++k)
                fire(shift_times(tr.changes[k], now, d),
                     change_identity(k == 0 ? key : key + "/" + std::to_string(k)), tr.source,
                     tr.id, c);
            if (tr.once) break;
        }
    }
}

void Simulation::Impl::do_change(const SendMobileTeam& x, std::uint64_t, ChangeOutcome& out) {
    TeamId t;
    for (const TeamId k : teams_.ids())
        if (plan_.mobile_teams[k.index()].name == x.team) t = k;
    if (!t.valid()) {
        out.refusal = refuse(RefusalReason::UnknownTeam, x.team);
        return;
    }
    if (x.communes.empty()) {
        out.refusal = refuse(RefusalReason::BadValue, RefusalDetail::NoCommunes);
        return;
    }
    std::vector<CommuneId> communes;
    for (const std::string& name : x.communes) {
        const int m = w_.find_commune(name);
        if (m < 0) {
            out.refusal = refuse(RefusalReason::BadValue, RefusalDetail::UnknownCommune, name);
            return;
        }
        communes.emplace_back(m);
    }
    const int today = sim_.now().day();
    if (x.day < today) {
        out.refusal = refuse(RefusalReason::InThePast);
        return;
    }
    if (day_start(x.day) >= horizon_) {
        out.refusal = refuse(RefusalReason::PastHorizon);
        return;
    }
    const MobileTeam& team = plan_.mobile_teams[t.index()];
    const bool out_that_day = x.day >= team.first_day && x.day <= team.last_day &&
                              ((team.weekdays >> ((x.day + w_.start_weekday) % 7)) & 1);
    if (!out_that_day) {
        out.refusal = refuse(RefusalReason::NotApplicable, RefusalDetail::TeamNotOut, team.name, {},
                             x.day + 1);
        return;
    }
    if (x.day == teams_.last_round_day(t) && !teams_.round(t).active) {
        out.refusal = refuse(RefusalReason::NotApplicable, RefusalDetail::RoundOver, team.name);
        return;
    }
    // a round under way turns to the listed communes at once; a later one goes there
    teams_.send(t, x.day, std::move(communes));
}

// ---------------------------------------------------------------- opening hours

void Simulation::Impl::do_change(const ChangeHours& x, std::uint64_t, ChangeOutcome& out) {
    const auto cs = resolve(x.centre, out.refusal);
    if (out.refusal) return;
    if (x.opens < SimTime{0} || x.closes > hours(24) || x.opens >= x.closes ||
        x.opens.seconds() % 60 != 0 || x.closes.seconds() % 60 != 0) {
        out.refusal = refuse(RefusalReason::BadValue, "opens / closes");
        return;
    }
    if (x.to_day < x.from_day) {
        out.refusal = refuse(RefusalReason::BadValue, "to_day");
        return;
    }
    // The hours of a started day are set (doors, shifts, arrivals): from the next one on;
    // except a later closing today, decided while the doors are still open (the closing staff
    // carry on, the doors close later; today's bookings and testing demand are made already).
    const SimTime now = sim_.now();
    const int today = now.day();
    const bool tonight = x.from_day == today && last_day_started_ == today;
    if ((x.from_day <= last_day_started_ && !tonight) || x.from_day < today) {
        out.refusal = refuse(RefusalReason::InThePast);
        return;
    }
    if (tonight)
        for (const CentreId c : cs) {
            const Centre& def = centre_def(c);
            const CentreCalendar::Hours h = centres_[c].calendar.on(today);
            if (!def.open_on(today, w_.start_weekday) || def.continuous) continue;
            if (x.opens != h.opens || x.closes <= h.closes) {
                out.refusal = refuse(RefusalReason::NotApplicable, RefusalDetail::TodayOnlyLater);
                return;
            }
            if (now >= day_start(today) + h.closes) {
                out.refusal = refuse(RefusalReason::InThePast);
                return;
            }
        }
    if (x.to_day >= w_.days) {
        out.refusal = refuse(RefusalReason::PastHorizon);
        return;
    }
    const CentreCalendar::Hours want{x.opens, x.closes};
    // who can work the added hours: the hours ledger (the extras found are committed as they
    // are found, and taken back if the change is refused)
    HoursLedger& ledger = roster_.hours;
    // shifts cut to shorter hours
    struct Edit {
        int rs;
        SimTime start, end;
    };
    std::vector<Edit> edits;
    // longer hours: a line per person and role over the added hours, worked by the person
    // rostered then when they can, else by someone of the pool who can
    struct Extra {
        CentreId centre;
        int day;
        SimTime start, end; // times of day
        Assignment who;
        bool vacant = false; // a place a move left: `who` moved away, someone else works it
    };
    std::vector<Extra> extras;
    std::vector<std::pair<CentreId, int>> days_changed; // (centre, day)
    for (const CentreId c : cs) {
        const Centre& def = centre_def(c);
        if (def.continuous) {
            out.refusal =
                refuse(RefusalReason::NotApplicable, RefusalDetail::OpenAroundTheClock, def.name);
            return;
        }
        for (int d = x.from_day; d <= x.to_day; ++d) {
            if (!def.open_on(d, w_.start_weekday)) continue;
            days_changed.emplace_back(c, d);
            const CentreCalendar::Hours was = centres_[c].calendar.on(d);
            std::vector<int> day_shifts; // the plan's shifts of the day at the centre
            for (int rs : shifts_by_day_[static_cast<std::size_t>(d)])
                if (roster_.shifts[static_cast<std::size_t>(rs)].centre == c)
                    day_shifts.push_back(rs);
            std::vector<int> all_shifts = day_shifts; // and the lines added for that day
            for (std::size_t rs = roster_.shifts.size(); rs-- > 0;) {
                if (roster_.shifts[rs].shift >= 0) break;
                if (roster_.shifts[rs].centre == c && roster_.shifts[rs].day == d &&
                    (!roster_.shifts[rs].people.empty() || vacant(static_cast<int>(rs))))
                    all_shifts.push_back(static_cast<int>(rs));
            }
            if (all_shifts.empty()) continue;
            SimTime first = hours(48), last{0};
            for (int rs : all_shifts) {
                first = std::min(first, roster_.shifts[static_cast<std::size_t>(rs)].start);
                last = std::max(last, roster_.shifts[static_cast<std::size_t>(rs)].end);
            }
            // the plan's shifts are cut to shorter hours (lines added by decisions keep their
            // times: their events are scheduled already)
            for (int rs : day_shifts) {
                const RosterShift& s = roster_.shifts[static_cast<std::size_t>(rs)];
                SimTime b = std::max(s.start, want.opens), e = std::min(s.end, want.closes);
                if (e <= b) b = e = s.start; // outside the new hours: nobody comes
                if (b != s.start || e != s.end) edits.push_back({rs, b, e});
            }
            // the closing shifts carry on to the new closing time (if they reached the old
            // one), the opening shifts start at the new opening time
            for (int rs : all_shifts) {
                const RosterShift& s = roster_.shifts[static_cast<std::size_t>(rs)];
                // the shift's places in roster order: its people, and the places moves left
                // (put back where they were, latest first)
                const auto extend = [&](SimTime from, SimTime to) {
                    const std::size_t first_extra = extras.size();
                    for (const auto& a : s.people) extras.push_back({c, d, from, to, a});
                    for (auto v = vacancies_.rbegin(); v != vacancies_.rend(); ++v)
                        if (v->rs == rs)
                            extras.insert(extras.begin() +
                                              static_cast<std::ptrdiff_t>(first_extra + v->at),
                                          {c, d, from, to, v->was, true});
                };
                if (s.end == last && last >= was.closes && want.closes > last)
                    extend(last, want.closes);
                if (s.start == first && first <= was.opens && want.opens < first)
                    extend(want.opens, first);
            }
        }
    }
    if (days_changed.empty()) {
        out.refusal = refuse(RefusalReason::NotApplicable, RefusalDetail::NotOpenThoseDays);
        return;
    }
    // free, with the hours, and not ill at any moment of it (the person rostered too: an ill
    // person's extension would be added and nobody would work it)
    const auto free_for = [&](PersonId person, SimTime b, SimTime e) {
        const bool ill_then =
            !ill_until_.empty() && ill_from_[person.index()] < e && b < ill_until_[person.index()];
        return !ill_then && ledger.can_take(person, b, e);
    };
    std::vector<double> short_h(w_.professions.size(), 0.0);
    std::vector<const Extra*> found; // extras with someone, committed in the ledger
    for (Extra& ex : extras) {
        const SimTime b = day_start(ex.day) + ex.start, e = day_start(ex.day) + ex.end;
        // the person rostered, unless they moved away (they are at another centre, and the
        // ledger, which counts the moved part of their shift once, has them free after it)
        PersonId pick =
            !ex.vacant && free_for(ex.who.person, b, e) ? ex.who.person : PersonId::none();
        if (!pick.valid()) { // someone of the pool: allowed in the role, near enough, free, with
                             // hours
            double best = std::numeric_limits<double>::infinity();
            for (const PersonId i : roster_.people.ids()) {
                const RosterPerson& p = roster_.people[i];
                if (p.on_call || !((p.weekdays >> ((ex.day + w_.start_weekday) % 7)) & 1)) continue;
                const bool allowed =
                    w_.scope.may_hold(p.profession, ex.who.role) == ScopeTable::May::yes;
                const double minutes = travel_[ex.centre.index()][static_cast<std::size_t>(p.home)];
                if (!allowed || !(minutes <= p.max_commute_minutes) || !(minutes < best)) continue;
                if (ex.vacant && i == ex.who.person) continue;
                if (!free_for(i, b, e)) continue;
                best = minutes;
                pick = i;
            }
        }
        if (!pick.valid()) {
            short_h[roster_.people[ex.who.person].profession.index()] += (e - b).hours();
            continue;
        }
        ex.who.person = pick;
        ledger.commit(pick, b, e);
        found.push_back(&ex);
    }
    // refused when some added hours find nobody: the profession short of the most hours
    const auto worst = std::max_element(short_h.begin(), short_h.end());
    if (worst != short_h.end() && *worst > 0) {
        for (const Extra* ex : found)
            ledger.release(ex->who.person, day_start(ex->day) + ex->start,
                           day_start(ex->day) + ex->end);
        out.refusal = refuse(RefusalReason::StaffHoursShort,
                             w_.professions[ProfessionId{worst - short_h.begin()}], *worst);
        return;
    }
    // apply: the shifts cut, the lines added, the calendar, then the slots of those days
    const auto rostered = [&](PersonId person, double h) {
        const auto prof = roster_.people[person].profession.index();
        if (prof < roster_.hours_by_profession.size()) roster_.hours_by_profession[prof] += h;
    };
    for (const Edit& ed : edits) {
        RosterShift& s = roster_.shifts[static_cast<std::size_t>(ed.rs)];
        const SimTime day0 = day_start(s.day);
        for (const auto& a : s.people) {
            rostered(a.person, (ed.end - ed.start).hours() - (s.end - s.start).hours());
            [[maybe_unused]] const bool was_committed =
                ledger.release(a.person, day0 + s.start, day0 + s.end);
            RIPOSTE_INVARIANT(was_committed);
            if (ed.end > ed.start) ledger.commit(a.person, day0 + ed.start, day0 + ed.end);
        }
        s.start = ed.start;
        s.end = ed.end;
        if (ed.end == ed.start) s.people.clear();
    }
    for (const Extra& ex : extras) {
        RosterShift rs;
        rs.centre = ex.centre;
        rs.shift = -1; // a line added by a decision
        rs.day = ex.day;
        rs.start = ex.start;
        rs.end = ex.end;
        rs.people.push_back(ex.who);
        rostered(ex.who.person, (ex.end - ex.start).hours());
        add_roster_line(rs);
        ++out.people;
    }
    std::vector<CentreId> touched;
    for (const auto& [c, d] : days_changed) {
        CentreRt& rt = centres_[c];
        rt.calendar.set(d, w_.days, want);
        if (touched.empty() || touched.back() != c) touched.push_back(c);
        if (d == today && tonight) { // today: the doors close later
            ++rt.close_gen;
            sim_.schedule(day_start(d) + want.closes, h_, CentreClose,
                          static_cast<std::uint32_t>(c.value()), rt.close_gen,
                          at_day_edge(want.closes, prio_close, prio_close_midnight));
            // walk-ins go on: the one drawn past the old closing time now comes
            const SimTime next{static_cast<std::int64_t>(std::ceil(rt.walkin_clock_s))};
            if (rt.walkin_chain_day != d && next >= now && next.day() == d &&
                next < day_start(d) + want.closes) {
                sim_.schedule(next, h_, WalkInArrival, static_cast<std::uint32_t>(c.value()), 0,
                              prio_arrival);
                rt.walkin_chain_day = d;
            }
        }
    }
    for (const CentreId c : touched) {
        const Centre& def = centre_def(c);
        if (!def.vaccinates() || def.walk_in_only) continue;
        CentreRt& rt = centres_[c];
        // each day's capacity from its own hours (and the slot length as changed by booking)
        std::vector<std::int64_t> capacity(static_cast<std::size_t>(w_.days));
        for (int d = 0; d < w_.days; ++d) {
            Centre day_def = def;
            if (d >= rt.slot_change_from && rt.slot_length_now.seconds() > 0)
                day_def.slot_length = rt.slot_length_now;
            day_def.opens = rt.calendar.on(d).opens;
            day_def.closes = rt.calendar.on(d).closes;
            capacity[static_cast<std::size_t>(d)] = slot_capacity_per_day(day_def, plan_.booking);
        }
        const std::vector<std::int64_t> opened =
            slots_opened_per_day(def, rt.alloc, w_.start_weekday, capacity);
        for (const auto& [cc, d] : days_changed)
            if (cc == c)
                rt.slots.set_opened(
                    d, std::max(rt.slots.booked(d),
                                static_cast<int>(opened[static_cast<std::size_t>(d)])));
    }
    out.centres = touched;
}

} // namespace riposte
