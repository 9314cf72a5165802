#include "riposte/roster.hpp"

#include "riposte/core/rng.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_map>

namespace riposte {

IdVector<PersonId, RosterPerson> expand_pool(const World& world) {
    IdVector<PersonId, RosterPerson> people;
    // a line repeating an earlier one's profession, commune and label gets its own keys (its
    // people would otherwise draw the same absences as the first line's); a first line's keys
    // are as they always were
    std::unordered_map<std::string, int> seen;
    for (std::size_t e = 0; e < world.pool.size(); ++e) {
        const PoolEntry& p = world.pool[e];
        std::string base =
            world.professions[p.profession] + "@" +
            world.territory.communes[static_cast<std::size_t>(p.home_commune)].insee + "#" +
            p.label;
        if (const int repeat = seen[base]++; repeat > 0)
            base += "\x1f" + std::to_string(repeat); // no label holds a control character
        for (int k = 0; k < p.count; ++k) {
            RosterPerson r;
            r.pool_entry = static_cast<int>(e);
            r.profession = p.profession;
            r.home = p.home_commune;
            r.weekly_hours = p.weekly_hours;
            r.weekdays = p.weekdays;
            r.max_commute_minutes = p.max_commute_minutes;
            r.on_call = p.on_call;
            r.call_in_delay = p.call_in_delay;
            r.key = name_key(base + "#" + std::to_string(k));
            people.push_back(r);
        }
    }
    return people;
}

Roster build_roster(const Scenario& sc,
                    const std::vector<std::vector<double>>& travel_from_centre) {
    std::vector<TravelRow> rows;
    rows.reserve(travel_from_centre.size());
    for (const auto& dense : travel_from_centre) rows.emplace_back(dense);
    return build_roster(sc, rows);
}

Roster build_roster(const Scenario& sc, const std::vector<TravelRow>& travel_from_centre) {
    const World& w = sc.world;
    // Staffed units: the plan's centres, then one per mobile team, open during the team's
    // hours. Home vaccination by the team's nurse on a prescription needs no médecin on
    // site, so a team's unit is not a vaccination centre.
    Plan plan_units;
    plan_units.centres = sc.plan.centres;
    for (const MobileTeam& t : sc.plan.mobile_teams) {
        Centre c;
        c.name = "mobile team " + t.name;
        c.kind = CentreKind::Testing;
        c.commune = t.base_commune;
        c.weekdays = t.weekdays;
        c.first_day = t.first_day;
        c.last_day = t.last_day;
        c.opens = t.start;
        c.closes = t.end;
        Shift sh;
        sh.weekdays = t.weekdays;
        sh.first_day = t.first_day;
        sh.last_day = t.last_day;
        sh.start = t.start;
        sh.end = t.end;
        sh.staff = t.staff;
        c.shifts = {sh};
        plan_units.centres.push_back(std::move(c));
    }
    const Plan& plan = plan_units;
    Roster roster;
    roster.people = expand_pool(w);
    roster.hours_by_profession.assign(w.professions.size(), 0.0);
    const ProfessionId medecin = w.medecin();
    const RoleId supervision = w.supervision_role();
    const std::size_t n_people = roster.people.size();

    // Order roles are filled in: supervision first, then the roles fewest professions may
    // fill (the scarce médecins go to the interview before anyone else takes them).
    std::vector<RoleId> role_order;
    for (const RoleId r : id_range<RoleId>(w.roles.size())) role_order.push_back(r);
    std::stable_sort(role_order.begin(), role_order.end(), [&](RoleId a, RoleId b) {
        if ((a == supervision) != (b == supervision)) return a == supervision;
        return w.scope.allowed[a].size() < w.scope.allowed[b].size();
    });
    // preference rank of each profession for each role (-1 = not allowed)
    IdVector<RoleId, IdVector<ProfessionId, int>> rank(
        w.roles.size(), IdVector<ProfessionId, int>(w.professions.size(), -1));
    IdVector<RoleId, IdVector<ProfessionId, char>> supervised(
        w.roles.size(), IdVector<ProfessionId, char>(w.professions.size(), 0));
    for (const RoleId r : id_range<RoleId>(w.roles.size()))
        for (std::size_t k = 0; k < w.scope.allowed[r].size(); ++k) {
            const auto& e = w.scope.allowed[r][k];
            rank[r][e.profession] = static_cast<int>(k);
            supervised[r][e.profession] = e.supervised ? 1 : 0;
        }

    // Candidates per centre and role: people allowed in the role whose home is within their
    // commute limit of the centre, ordered by scope preference, then travel time, then pool
    // order. Built from the communes within reach only, so large territories stay fast.
    // The people who may be rostered (not the reserves), by home commune in pool order, with
    // what the lists read of them side by side (France: 200,000 people read once per centre
    // within their reach; a scattered RosterPerson each was a cache miss each time).
    struct Resident {
        double max_commute_minutes;
        PersonId person;
        ProfessionId profession;
    };
    std::vector<std::uint32_t> resident_begin(w.territory.communes.size() + 1, 0);
    std::vector<Resident> residents;
    {
        for (const PersonId i : roster.people.ids())
            if (!roster.people[i].on_call)
                ++resident_begin[static_cast<std::size_t>(roster.people[i].home) + 1];
        for (std::size_t m = 1; m < resident_begin.size(); ++m)
            resident_begin[m] += resident_begin[m - 1];
        residents.resize(resident_begin.back());
        std::vector<std::uint32_t> at(resident_begin.begin(), resident_begin.end() - 1);
        for (const PersonId i : roster.people.ids()) {
            const RosterPerson& p = roster.people[i];
            if (!p.on_call)
                residents[at[static_cast<std::size_t>(p.home)]++] = {p.max_commute_minutes, i,
                                                                     p.profession};
        }
    }
    // A role's candidates at a centre, in preference order, cut into groups of one scope rank
    // (one profession each): group g is people[group_begin[g], group_begin[g + 1]), of rank
    // group_rank[g]. The fill below keeps, per group, what lets a scan skip people it has
    // already ruled out (see pick_in_group).
    struct CandidateList {
        std::vector<PersonId> people;
        std::vector<std::int32_t> group_begin; // one more than the groups
        std::vector<int> group_rank;
        /// per group: its people work the role under supervision only (their profession's)
        std::vector<char> group_supervised;
        /// next[k] == k: people[k] may still work a whole shift this week; otherwise a later
        /// position (people[k] cannot: its weekly hours are used up), followed to the next
        /// such one (path halving). next[size] == size.
        std::vector<std::int32_t> next;
        /// per group: every person from the group's start to cursor is either used up or had
        /// more hours this week than floor_s (so cannot be the one with the fewest hours)
        std::vector<std::int32_t> cursor;
        /// per group: no one of the group who may still work has fewer seconds this week
        std::vector<std::int64_t> floor_s;
    };
    IdVector<CentreId, IdVector<RoleId, CandidateList>> candidates(plan.centres.size());

    {
        // per centre: the people near it sorted by (minutes, person) once; each role's list is
        // then that order cut by scope rank (a stable counting sort), the same order as sorting
        // each role's people by (rank, minutes, person)
        struct Near {
            double minutes;
            std::int32_t commune; // index into the travel row
        };
        struct NearPerson {
            PersonId person;
            ProfessionId profession;
        };
        std::vector<Near> reached;
        std::vector<NearPerson> near;
        std::vector<std::size_t> rank_count;
        for (const CentreId c : id_range<CentreId>(plan.centres.size())) {
            const auto& tt = travel_from_centre[c.index()];
            IdVector<RoleId, char> role_needed(w.roles.size(), 0);
            for (const Shift& sh : plan.centres[c.index()].shifts)
                for (std::size_t r = 0; r < sh.staff.size() && r < role_needed.size(); ++r)
                    if (sh.staff[RoleId{r}] > 0) role_needed[RoleId{r}] = 1;
            candidates[c].resize(w.roles.size());
            bool any_needed = false;
            for (const RoleId r : id_range<RoleId>(w.roles.size()))
                any_needed |= role_needed[r] != 0;
            if (!any_needed) continue;
            reached.clear();
            reached.reserve(tt.reached());
            for (std::size_t k = 0; k < tt.reached(); ++k)
                if (const auto m = static_cast<std::size_t>(tt.communes()[k]);
                    resident_begin[m + 1] > resident_begin[m])
                    reached.push_back({tt.minutes()[k], static_cast<std::int32_t>(k)});
            std::sort(reached.begin(), reached.end(), [](const Near& a, const Near& b) {
                if (a.minutes != b.minutes) return a.minutes < b.minutes;
                return a.commune < b.commune;
            });
            near.clear();
            for (std::size_t k = 0; k < reached.size();) {
                // communes at the same minutes: their people merged by person
                std::size_t e = k + 1;
                while (e < reached.size() && reached[e].minutes == reached[k].minutes) ++e;
                const std::size_t from = near.size();
                for (std::size_t j = k; j < e; ++j) {
                    const double minutes = reached[j].minutes;
                    const auto commune = static_cast<std::size_t>(
                        tt.communes()[static_cast<std::size_t>(reached[j].commune)]);
                    for (std::uint32_t x = resident_begin[commune]; x < resident_begin[commune + 1];
                         ++x)
                        if (minutes <= residents[x].max_commute_minutes)
                            near.push_back({residents[x].person, residents[x].profession});
                }
                if (e - k > 1)
                    std::sort(near.begin() + static_cast<std::ptrdiff_t>(from), near.end(),
                              [](const NearPerson& a, const NearPerson& b) {
                                  return a.person < b.person;
                              });
                k = e;
            }
            for (const RoleId r : id_range<RoleId>(w.roles.size())) {
                if (!role_needed[r]) continue;
                CandidateList& list = candidates[c][r];
                const std::size_t n_ranks_r = w.scope.allowed[r].size();
                rank_count.assign(n_ranks_r + 1, 0);
                for (const NearPerson& i : near)
                    if (const int rk = rank[r][i.profession]; rk >= 0)
                        ++rank_count[static_cast<std::size_t>(rk) + 1];
                for (std::size_t k = 1; k <= n_ranks_r; ++k) rank_count[k] += rank_count[k - 1];
                list.people.resize(rank_count[n_ranks_r]);
                for (std::size_t k = 0; k < n_ranks_r; ++k)
                    if (rank_count[k + 1] > rank_count[k]) {
                        list.group_begin.push_back(static_cast<std::int32_t>(rank_count[k]));
                        list.group_rank.push_back(static_cast<int>(k));
                    }
                list.group_begin.push_back(static_cast<std::int32_t>(rank_count[n_ranks_r]));
                for (std::size_t k = 0; k < n_ranks_r; ++k)
                    if (rank_count[k + 1] > rank_count[k])
                        list.group_supervised.push_back(
                            supervised[r][w.scope.allowed[r][k].profession] ? 1 : 0);
                for (const NearPerson& i : near)
                    if (const int rk = rank[r][i.profession]; rk >= 0)
                        list.people[rank_count[static_cast<std::size_t>(rk)]++] = i.person;
                list.next.resize(list.people.size() + 1);
                list.cursor.resize(list.group_rank.size());
                list.floor_s.resize(list.group_rank.size());
            }
        }
    }

    // The roster is built a week at a time (weekly hours are counted by calendar week), level
    // by level: first one person for every role of every shift of the week, then a second
    // person wherever a shift asks for two, and so on. A shift's extra people are therefore
    // never taken at the cost of another shift's first: asking for one more person on Monday
    // cannot use up the weekly hours that would have put the only médecin on Saturday (a
    // day-by-day fill did, and closed the centre that afternoon).
    // the hours ledger: each person's shifts and hours per calendar week, kept with the roster
    // (the decisions that add hours during the run ask it and commit to it)
    {
        std::vector<double> weekly(n_people);
        for (const PersonId i : roster.people.ids())
            weekly[i.index()] = roster.people[i].weekly_hours;
        roster.hours = HoursLedger(std::move(weekly), w.start_weekday);
    }
    // every span given, committed to the ledger in one pass at the end (nothing asks the ledger
    // during the build: the figures below answer for it)
    std::vector<HoursLedger::Commitment> commitments;
    struct Piece {
        PersonId person;
        SimTime begin, end;
    };
    struct Slot {
        RosterShift rs;
        IdVector<RoleId, int> need, got; // by role
        std::vector<int> level;          // the level each person of rs.people was taken at
        IdVector<RoleId, char> blocked_by_supervision;
        std::vector<RosterShift> parts; // people working part of the shift (RosterShift::part)
        std::int64_t abs_start = 0, abs_end = 0;
        double len_h = 0;
        int weekday = 0;
    };
    IdVector<RoleId, int> role_pos(w.roles.size(), 0);
    for (std::size_t k = 0; k < role_order.size(); ++k)
        role_pos[role_order[k]] = static_cast<int>(k);

    // What the candidate scan reads of a person, together (one cache line a candidate instead
    // of four scattered reads): this week's committed seconds, as the ledger counts them (it
    // starts empty here and every span of the week begins in it, so this dense copy gives the
    // same figures as ledger.committed() without its lookups), the days their spans touch (a
    // filter before the spans: spans on other days cannot overlap), their limits, and the spans
    // that reach into this week (the same answer as ledger.free() from a handful of spans)
    // while they are few; more go to `more_spans`.
    constexpr std::uint8_t spans_inline = 3, spans_elsewhere = 255;
    struct alignas(64) PersonWeek {
        std::int64_t week_s = 0;
        double week_h = 0; ///< week_s / 3600.0
        double room = 0;   ///< weekly_hours + 1e-9: week_h + a shift's hours must not pass it
        std::uint64_t day_mask = 0; ///< bit k: a span touches day week_first - 2 + k (clamped)
        ProfessionId profession{0};
        WeekdayMask weekdays = 0;
        /// how many spans are in `span`; spans_elsewhere: more, all in more_spans
        std::uint8_t n_spans = 0;
        std::array<std::int32_t, 2 * spans_inline> span{}; ///< [begin, end) from span_origin
    };
    // the spans of those with more than spans_inline this week (or one too far to hold in
    // 32 bits), by person: read only for them
    std::vector<std::vector<std::pair<SimTime, SimTime>>> more_spans(n_people);
    std::int64_t span_origin = 0; // seconds; the week's first day minus one
    const auto add_span = [&](PersonWeek& pw, PersonId i, SimTime b, SimTime e) {
        const std::int64_t rb = b.seconds() - span_origin, re = e.seconds() - span_origin;
        if (pw.n_spans == spans_elsewhere) {
            more_spans[i.index()].emplace_back(b, e);
            return;
        }
        if (pw.n_spans >= spans_inline || rb < INT32_MIN || re > INT32_MAX) {
            // the inline spans move out, then this one
            auto& more = more_spans[i.index()];
            for (std::uint8_t k = 0; k < pw.n_spans; ++k)
                more.emplace_back(SimTime{pw.span[2 * k] + span_origin},
                                  SimTime{pw.span[2 * k + 1] + span_origin});
            more.emplace_back(b, e);
            pw.n_spans = spans_elsewhere;
            return;
        }
        pw.span[2 * pw.n_spans] = static_cast<std::int32_t>(rb);
        pw.span[2 * pw.n_spans + 1] = static_cast<std::int32_t>(re);
        ++pw.n_spans;
    };
    // no span of person i that reaches into this week overlaps [b, e)
    const auto free_at = [&](const PersonWeek& pw, PersonId i, SimTime b, SimTime e) {
        if (pw.n_spans == spans_elsewhere) {
            for (const auto& [sb, se] : more_spans[i.index()])
                if (sb < e && b < se) return false;
            return true;
        }
        const std::int64_t rb = b.seconds() - span_origin, re = e.seconds() - span_origin;
        for (std::uint8_t k = 0; k < pw.n_spans; ++k)
            if (pw.span[2 * k] < re && rb < pw.span[2 * k + 1]) return false;
        return true;
    };
    std::vector<PersonWeek> pweek(n_people);
    for (const PersonId i : roster.people.ids()) {
        pweek[i.index()].room = roster.people[i].weekly_hours + 1e-9;
        pweek[i.index()].profession = roster.people[i].profession;
        pweek[i.index()].weekdays = roster.people[i].weekdays;
    }
    int mask_first = 0; // the week's first day (the masks' origin)
    const auto days_mask = [&](SimTime b, SimTime e) {
        // the days [b, e) touches, as bits relative to mask_first; clamping is monotone, so two
        // spans that share a day share a bit
        const auto bit = [&](std::int64_t day) {
            return std::clamp<std::int64_t>(day - mask_first + 2, 0, 63);
        };
        const std::int64_t lo = bit(b.seconds() / 86400 - (b.seconds() % 86400 < 0 ? 1 : 0));
        const std::int64_t last_s = e.seconds() - 1;
        const std::int64_t hi = bit(last_s / 86400 - (last_s % 86400 < 0 ? 1 : 0));
        const std::uint64_t upto = hi >= 63 ? ~0ULL : ((1ULL << (hi + 1)) - 1);
        return upto & ~((1ULL << lo) - 1);
    };
    // The shortest whole shift of the week being filled: a person with fewer hours left than
    // that cannot be given one (hours only grow within the week) and is passed over for the
    // rest of the week.
    double min_len_h = 0;
    const auto week_h_fits = [](const PersonWeek& p, double len_h) {
        return !(p.week_h + len_h > p.room); // as ledger.has_hours()
    };
    const auto used_up = [&](const PersonWeek& p) { return !week_h_fits(p, min_len_h); };
    // the first position from k whose person is not known to be used up
    const auto alive = [](CandidateList& list, std::int32_t k) {
        auto& next = list.next;
        while (next[static_cast<std::size_t>(k)] != k) {
            next[static_cast<std::size_t>(k)] =
                next[static_cast<std::size_t>(next[static_cast<std::size_t>(k)])];
            k = next[static_cast<std::size_t>(k)];
        }
        return k;
    };
    // Group g's person for a shift: the first in list order, among those who can_work it,
    // with the fewest seconds this week; -1 when nobody can. First from the group's cursor,
    // for someone at the floor (nobody who may still work has fewer seconds, so the first who
    // can work it at the floor is the answer; those skipped had more, or are used up); when
    // nobody at the floor can, the whole group is read and the floor raised to its fewest.
    const auto pick_in_group = [&](CandidateList& list, std::size_t g,
                                   const auto& can_work) -> std::int32_t {
        const std::int32_t group_end = list.group_begin[g + 1];
        std::int32_t& cursor = list.cursor[g];
        std::int64_t& floor_s = list.floor_s[g];
        bool advancing = true; // everyone from the cursor to here is used up or above the floor
        for (std::int32_t k = alive(list, cursor); k < group_end; k = alive(list, k + 1)) {
            const PersonId ci = list.people[static_cast<std::size_t>(k)];
            const PersonWeek& p = pweek[ci.index()];
            if (used_up(p)) {
                list.next[static_cast<std::size_t>(k)] = k + 1;
            } else if (p.week_s <= floor_s) {
                if (can_work(p, ci)) return k;
                advancing = false;
            }
            if (advancing) cursor = k + 1;
        }
        std::int32_t best = -1;
        std::int64_t best_s = 0;
        std::int64_t fewest = std::numeric_limits<std::int64_t>::max();
        std::int32_t first_fewest = group_end; // the first who may still work with `fewest`
        for (std::int32_t k = alive(list, list.group_begin[g]); k < group_end;
             k = alive(list, k + 1)) {
            const PersonId ci = list.people[static_cast<std::size_t>(k)];
            const PersonWeek& p = pweek[ci.index()];
            if (used_up(p)) {
                list.next[static_cast<std::size_t>(k)] = k + 1;
                continue;
            }
            if (p.week_s < fewest) {
                fewest = p.week_s;
                first_fewest = k;
            }
            if ((best < 0 || p.week_s < best_s) && can_work(p, ci)) {
                best = k;
                best_s = p.week_s;
            }
        }
        // everyone before first_fewest is used up or has more than `fewest` (group_end: all
        // are used up)
        cursor = first_fewest;
        if (first_fewest < group_end) floor_s = fewest;
        return best;
    };
    // person `who` works [b, e): the ledger, this week's figures and the hours by profession
    const auto commit = [&](PersonId who, SimTime b, SimTime e) {
        commitments.push_back({who, b, e});
        PersonWeek& pw = pweek[who.index()];
        pw.week_s += (e - b).seconds();
        pw.week_h = static_cast<double>(pw.week_s) / 3600.0;
        pw.day_mask |= days_mask(b, e);
        add_span(pw, who, b, e);
        roster.hours_by_profession[pw.profession.index()] += (e - b).hours();
    };
    // [begin, end) of role at centre c covered in parts, from the start: each part goes to the
    // candidate of the best scope rank who can work the longest part from there (ties: list
    // order), a part being at least min_part_hours and leaving either nothing or at least
    // min_part_hours after it, on part_step_seconds steps. Empty when the parts cannot cover
    // the whole span.
    const std::int64_t min_part_s = static_cast<std::int64_t>(min_part_hours * 3600.0);
    const auto cover_in_parts = [&](int weekday, CentreId c, RoleId role, SimTime begin,
                                    SimTime end) {
        std::vector<Piece> pieces;
        if ((end - begin).seconds() < 2 * min_part_s) return pieces;
        const auto& rank_r = rank[role];
        const auto& supervised_r = supervised[role];
        SimTime cursor = begin;
        while (cursor < end) {
            const std::int64_t left = (end - cursor).seconds();
            PersonId pick = PersonId::none();
            std::int64_t pick_len = 0;
            int pick_rank = 0;
            for (const PersonId ci : candidates[c][role].people) {
                const PersonWeek& p = pweek[ci.index()];
                const int rk = rank_r[p.profession];
                if (pick.valid() && rk > pick_rank) break;
                if (!((p.weekdays >> weekday) & 1) || supervised_r[p.profession]) continue;
                if (std::any_of(pieces.begin(), pieces.end(),
                                [&](const Piece& x) { return x.person == ci; }))
                    continue;
                // seconds left this week (room carries a 1e-9 h allowance, as for a whole shift)
                std::int64_t can =
                    static_cast<std::int64_t>(std::floor((p.room - p.week_h) * 3600.0 + 1e-3));
                std::int64_t len = can >= left ? left : std::min(can, left - min_part_s);
                if (len < left) len -= len % part_step_seconds;
                if (len < min_part_s || len <= pick_len) continue;
                const SimTime to = cursor + SimTime{len};
                if ((p.day_mask & days_mask(cursor, to)) != 0 && !free_at(p, ci, cursor, to))
                    continue;
                pick = ci;
                pick_len = len;
                pick_rank = rk;
                if (len == left) break; // nobody can do more
            }
            if (!pick.valid()) return std::vector<Piece>{};
            pieces.push_back({pick, cursor, cursor + SimTime{pick_len}});
            cursor = cursor + SimTime{pick_len};
        }
        return pieces;
    };
    std::vector<Piece> carried; // spans of last week that reach into this one
    for (int week_first = 0; week_first < w.days;) {
        const int week = (week_first + w.start_weekday) / 7;
        {
            // spans that end before the week keep nobody from it; a night shift of a continuous
            // centre that crosses into Monday stays
            const SimTime week_begin = days(week_first);
            carried.clear();
            for (const PersonId i : roster.people.ids()) {
                PersonWeek& pw = pweek[i.index()];
                if (pw.n_spans == spans_elsewhere) {
                    for (const auto& [sb, se] : more_spans[i.index()])
                        if (se > week_begin) carried.push_back({i, sb, se});
                    more_spans[i.index()].clear();
                } else {
                    for (std::uint8_t k = 0; k < pw.n_spans; ++k)
                        if (const SimTime se{pw.span[2 * k + 1] + span_origin}; se > week_begin)
                            carried.push_back({i, SimTime{pw.span[2 * k] + span_origin}, se});
                }
                pw.week_s = 0;
                pw.week_h = 0;
                pw.day_mask = 0;
                pw.n_spans = 0;
            }
            mask_first = week_first;
            span_origin = days(week_first).seconds() - 86400;
            for (const Piece& c : carried) {
                PersonWeek& pw = pweek[c.person.index()];
                pw.day_mask |= days_mask(c.begin, c.end);
                add_span(pw, c.person, c.begin, c.end);
            }
        }
        int week_end = week_first; // one past the week's last day
        while (week_end < w.days && (week_end + w.start_weekday) / 7 == week) ++week_end;
        std::vector<Slot> slots;
        int max_need = 0;
        for (int day = week_first; day < week_end; ++day) {
            const int weekday = (day + w.start_weekday) % 7;
            for (std::size_t c = 0; c < plan.centres.size(); ++c) {
                const Centre& centre = plan.centres[c];
                if (!centre.open_on(day, w.start_weekday)) continue;
                for (std::size_t s = 0; s < centre.shifts.size(); ++s) {
                    const Shift& sh = centre.shifts[s];
                    if (day < sh.first_day || day > sh.last_day || !((sh.weekdays >> weekday) & 1))
                        continue;
                    Slot slot;
                    slot.rs.centre = CentreId{c};
                    slot.rs.shift = static_cast<int>(s);
                    slot.rs.day = day;
                    slot.rs.start = sh.start;
                    slot.rs.end = sh.end;
                    slot.len_h = (sh.end - sh.start).hours();
                    slot.abs_start = days(day).seconds() + sh.start.seconds();
                    slot.abs_end = days(day).seconds() + sh.end.seconds();
                    slot.weekday = weekday;
                    slot.need.assign(w.roles.size(), 0);
                    slot.got.assign(w.roles.size(), 0);
                    slot.blocked_by_supervision.assign(w.roles.size(), 0);
                    for (std::size_t r = 0; r < w.roles.size() && r < sh.staff.size(); ++r) {
                        slot.need[RoleId{r}] = sh.staff[RoleId{r}];
                        max_need = std::max(max_need, sh.staff[RoleId{r}]);
                    }
                    slots.push_back(std::move(slot));
                }
            }
        }
        min_len_h = std::numeric_limits<double>::infinity();
        for (const Slot& slot : slots)
            if (slot.abs_end > slot.abs_start)
                min_len_h =
                    std::min(min_len_h, (SimTime{slot.abs_end} - SimTime{slot.abs_start}).hours());
        for (auto& by_role : candidates)
            for (CandidateList& list : by_role) {
                std::iota(list.next.begin(), list.next.end(), std::int32_t{0});
                for (std::size_t g = 0; g < list.group_rank.size(); ++g) {
                    list.cursor[g] = list.group_begin[g];
                    list.floor_s[g] = 0;
                }
            }
        for (int level = 1; level <= max_need; ++level)
            for (Slot& slot : slots) {
                const CentreId c = slot.rs.centre;
                const SimTime begin{slot.abs_start}, end{slot.abs_end};
                // a shift that ends before it starts (a draft in the plan editor; the loader
                // refuses it) takes nobody: the structural rules report it
                if (end <= begin) continue;
                for (const RoleId role : role_order) {
                    // a role whose earlier level could not be filled stays short
                    if (slot.need[role] < level || slot.got[role] != level - 1) continue;
                    PersonId best = PersonId::none();
                    CandidateList& list = candidates[c][role];
                    const double len_h = (end - begin).hours();
                    const std::uint64_t span_days = days_mask(begin, end);
                    // may p work [begin, end): their weekdays, weekly hours and other spans
                    const auto can_work = [&](const PersonWeek& p, PersonId ci) {
                        return ((p.weekdays >> slot.weekday) & 1) && week_h_fits(p, len_h) &&
                               ((p.day_mask & span_days) == 0 || free_at(p, ci, begin, end));
                    };
                    // The first group (in scope preference) with someone who can work the
                    // shift gives the person: the first in list order with the fewest hours
                    // this week (then the nearest, then pool order: the list's order).
                    for (std::size_t g = 0; g < list.group_rank.size() && !best.valid(); ++g) {
                        if (list.group_supervised[g] != 0 && !slot.rs.has_medecin) {
                            // nobody of this group may work it without a médecin on site:
                            // noted when one of them could otherwise
                            for (std::int32_t k = alive(list, list.group_begin[g]);
                                 k < list.group_begin[g + 1]; k = alive(list, k + 1)) {
                                const PersonId ci = list.people[static_cast<std::size_t>(k)];
                                const PersonWeek& p = pweek[ci.index()];
                                if (used_up(p)) {
                                    list.next[static_cast<std::size_t>(k)] = k + 1;
                                    continue;
                                }
                                if (can_work(p, ci)) {
                                    slot.blocked_by_supervision[role] = 1;
                                    break;
                                }
                            }
                            continue;
                        }
                        const std::int32_t k = pick_in_group(list, g, can_work);
                        if (k >= 0) best = list.people[static_cast<std::size_t>(k)];
                    }
                    if (!best.valid()) {
                        // Nobody can work the whole shift: cover it in parts of at least
                        // min_part_hours, one after the other, by people whose weekly hours
                        // left are fewer than the shift (a médecin giving 4 h takes 14:00-18:00
                        // of a 13:00-18:00 shift), or who are free for part of it only. All or
                        // nothing: a shift the parts cannot cover whole stays short. Not for
                        // supervision (on site the whole shift), nor for people working under
                        // supervision (their part would not know the shift's médecin).
                        if (role == supervision) continue;
                        const auto pieces = cover_in_parts(slot.weekday, c, role, begin, end);
                        if (pieces.empty()) continue;
                        for (const Piece& pc : pieces) {
                            commit(pc.person, pc.begin, pc.end);
                            const SimTime from = slot.rs.start + (pc.begin - begin);
                            const SimTime to = slot.rs.start + (pc.end - begin);
                            auto same = std::find_if(slot.parts.begin(), slot.parts.end(),
                                                     [&](const RosterShift& x) {
                                                         return x.start == from && x.end == to;
                                                     });
                            if (same == slot.parts.end()) {
                                RosterShift part;
                                part.centre = slot.rs.centre;
                                part.shift = slot.rs.shift;
                                part.day = slot.rs.day;
                                part.start = from;
                                part.end = to;
                                part.part = true;
                                slot.parts.push_back(std::move(part));
                                same = std::prev(slot.parts.end());
                            }
                            same->people.push_back({pc.person, role});
                        }
                        ++slot.got[role];
                        continue;
                    }
                    // the fewest hours of best's rank, seen whole: hours only grow within the
                    // week, so it stays a floor for the next scans of this list
                    commit(best, begin, end);
                    slot.rs.people.push_back({best, role});
                    slot.level.push_back(level);
                    if (pweek[best.index()].profession == medecin) slot.rs.has_medecin = true;
                    ++slot.got[role];
                }
            }
        for (Slot& slot : slots) {
            // people listed role by role (in filling order), then by the level they came at
            std::vector<std::size_t> order(slot.rs.people.size());
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                const int ra = role_pos[slot.rs.people[a].role];
                const int rb = role_pos[slot.rs.people[b].role];
                if (ra != rb) return ra < rb;
                return slot.level[a] < slot.level[b];
            });
            std::vector<Assignment> people;
            people.reserve(order.size());
            for (const std::size_t i : order) people.push_back(slot.rs.people[i]);
            slot.rs.people = std::move(people);
            const Centre& centre = plan.centres[slot.rs.centre.index()];
            bool supervision_short = false;
            for (const RoleId role : role_order) {
                if (slot.got[role] >= slot.need[role]) continue;
                if (role == supervision) supervision_short = true;
                ShortfallRow row;
                row.centre = slot.rs.centre.value();
                row.day = slot.rs.day;
                row.role = role.value();
                row.start = slot.rs.start;
                row.end = slot.rs.end;
                row.required = slot.need[role];
                row.rostered = slot.got[role];
                row.reason = slot.blocked_by_supervision[role]
                                 ? "qualified people only under supervision and no "
                                   "médecin on site"
                                 : "not enough qualified people within commute, weekly "
                                   "hours and days";
                roster.shortfalls.push_back(std::move(row));
            }
            // A vaccination centre needs a médecin on site whenever it is open.
            if (centre.vaccinates() && !slot.rs.has_medecin && !supervision_short) {
                ShortfallRow row;
                row.centre = slot.rs.centre.value();
                row.day = slot.rs.day;
                row.role = supervision.value();
                row.start = slot.rs.start;
                row.end = slot.rs.end;
                row.required = 1;
                row.rostered = 0;
                row.reason = "no médecin on site: a vaccination centre cannot open "
                             "without one";
                roster.shortfalls.push_back(std::move(row));
            }
            const bool has_medecin = slot.rs.has_medecin;
            roster.shifts.push_back(std::move(slot.rs));
            std::sort(slot.parts.begin(), slot.parts.end(),
                      [](const RosterShift& a, const RosterShift& b) {
                          return a.start != b.start ? a.start < b.start : a.end < b.end;
                      });
            for (RosterShift& part : slot.parts) {
                part.has_medecin = has_medecin;
                roster.shifts.push_back(std::move(part));
            }
        }
        week_first = week_end;
    }
    roster.hours.commit_all(commitments);
    return roster;
}

} // namespace riposte
