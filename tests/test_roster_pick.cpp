// The roster's choice of a person for a shift (build_roster skips, per candidate list, the
// people whose weekly hours are used up and those above the fewest hours of their group)
// against a plain reference: every candidate read at every choice, hours and overlaps asked of
// an HoursLedger. Random small territories: ties in travel minutes, people used up from the
// start (fewer weekly hours than a shift) or after a few shifts, weekday limits, on-call
// reserves, overlapping shifts at several centres, supervised roles waiting for a médecin.
#include "fixtures.hpp"
#include "riposte/model/hours_ledger.hpp"
#include "riposte/roster.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

using namespace riposte;

namespace {

using Travel = std::vector<std::vector<double>>; // [centre][commune], infinity: out of reach

/// The roster's whole shifts, built the plain way (shifts shorter than 2 × min_part_hours,
/// so no shift is ever covered in parts).
struct Reference {
    std::vector<RosterShift> shifts;
    std::vector<ShortfallRow> shortfalls;
};

Reference reference_roster(const Scenario& sc, const Travel& travel) {
    const World& w = sc.world;
    const auto people = expand_pool(w);
    const RoleId supervision = w.supervision_role();
    const ProfessionId medecin = w.medecin();
    const std::size_t n_roles = w.roles.size();
    std::vector<RoleId> role_order;
    for (std::size_t r = 0; r < n_roles; ++r) role_order.push_back(RoleId{r});
    std::stable_sort(role_order.begin(), role_order.end(), [&](RoleId a, RoleId b) {
        if ((a == supervision) != (b == supervision)) return a == supervision;
        return w.scope.allowed[a].size() < w.scope.allowed[b].size();
    });
    std::vector<int> role_pos(n_roles);
    for (std::size_t k = 0; k < role_order.size(); ++k)
        role_pos[role_order[k].index()] = static_cast<int>(k);
    const auto rank_of = [&](RoleId r, ProfessionId p) {
        for (std::size_t k = 0; k < w.scope.allowed[r].size(); ++k)
            if (w.scope.allowed[r][k].profession == p) return static_cast<int>(k);
        return -1;
    };
    const auto supervised = [&](RoleId r, ProfessionId p) {
        for (const auto& e : w.scope.allowed[r])
            if (e.profession == p) return e.supervised;
        return false;
    };
    // candidates: allowed, not on call, home within their commute; by (rank, minutes, person)
    std::vector<std::vector<std::vector<PersonId>>> cand(sc.plan.centres.size());
    for (std::size_t c = 0; c < sc.plan.centres.size(); ++c) {
        cand[c].resize(n_roles);
        for (std::size_t r = 0; r < n_roles; ++r) {
            auto& list = cand[c][r];
            for (const PersonId i : people.ids()) {
                const RosterPerson& p = people[i];
                const double m = travel[c][static_cast<std::size_t>(p.home)];
                if (rank_of(RoleId{r}, p.profession) >= 0 && !p.on_call && std::isfinite(m) &&
                    m <= p.max_commute_minutes)
                    list.push_back(i);
            }
            std::sort(list.begin(), list.end(), [&](PersonId a, PersonId b) {
                const int ra = rank_of(RoleId{r}, people[a].profession);
                const int rb = rank_of(RoleId{r}, people[b].profession);
                if (ra != rb) return ra < rb;
                const double ma = travel[c][static_cast<std::size_t>(people[a].home)];
                const double mb = travel[c][static_cast<std::size_t>(people[b].home)];
                if (ma != mb) return ma < mb;
                return a < b;
            });
        }
    }
    std::vector<double> weekly;
    for (const PersonId i : people.ids()) weekly.push_back(people[i].weekly_hours);
    HoursLedger ledger(weekly, w.start_weekday);

    Reference out;
    struct Slot {
        RosterShift rs;
        std::vector<int> need, got, level;
        std::vector<char> blocked;
        int weekday = 0;
    };
    for (int week_first = 0; week_first < w.days;) {
        const int week = (week_first + w.start_weekday) / 7;
        int week_end = week_first;
        while (week_end < w.days && (week_end + w.start_weekday) / 7 == week) ++week_end;
        std::vector<Slot> slots;
        int max_need = 0;
        for (int day = week_first; day < week_end; ++day) {
            const int weekday = (day + w.start_weekday) % 7;
            for (std::size_t c = 0; c < sc.plan.centres.size(); ++c) {
                const Centre& centre = sc.plan.centres[c];
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
                    slot.weekday = weekday;
                    slot.need.assign(n_roles, 0);
                    slot.got.assign(n_roles, 0);
                    slot.blocked.assign(n_roles, 0);
                    for (std::size_t r = 0; r < n_roles && r < sh.staff.size(); ++r) {
                        slot.need[r] = sh.staff[RoleId{r}];
                        max_need = std::max(max_need, slot.need[r]);
                    }
                    slots.push_back(std::move(slot));
                }
            }
        }
        for (int level = 1; level <= max_need; ++level)
            for (Slot& slot : slots) {
                const SimTime begin = days(slot.rs.day) + slot.rs.start;
                const SimTime end = days(slot.rs.day) + slot.rs.end;
                for (const RoleId role : role_order) {
                    const auto r = role.index();
                    if (slot.need[r] < level || slot.got[r] != level - 1) continue;
                    PersonId best = PersonId::none();
                    int best_rank = 0;
                    double best_hours = 0;
                    for (const PersonId i : cand[slot.rs.centre.index()][r]) {
                        const int rk = rank_of(role, people[i].profession);
                        if (best.valid() && rk > best_rank) break;
                        if (!((people[i].weekdays >> slot.weekday) & 1)) continue;
                        if (!ledger.has_hours(i, begin, end) || !ledger.free(i, begin, end))
                            continue;
                        if (supervised(role, people[i].profession) && !slot.rs.has_medecin) {
                            slot.blocked[r] = 1;
                            continue;
                        }
                        const double h = ledger.committed(i, week);
                        if (!best.valid() || h < best_hours - 1e-9) {
                            best = i;
                            best_rank = rk;
                            best_hours = h;
                        }
                    }
                    if (!best.valid()) continue; // no parts: every shift is under 4 h
                    ledger.commit(best, begin, end);
                    slot.rs.people.push_back({best, role});
                    slot.level.push_back(level);
                    if (people[best].profession == medecin) slot.rs.has_medecin = true;
                    ++slot.got[r];
                }
            }
        for (Slot& slot : slots) {
            std::vector<std::size_t> order(slot.rs.people.size());
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                const int ra = role_pos[slot.rs.people[a].role.index()];
                const int rb = role_pos[slot.rs.people[b].role.index()];
                if (ra != rb) return ra < rb;
                return slot.level[a] < slot.level[b];
            });
            std::vector<Assignment> sorted;
            for (const std::size_t i : order) sorted.push_back(slot.rs.people[i]);
            slot.rs.people = sorted;
            bool supervision_short = false;
            for (const RoleId role : role_order) {
                const auto r = role.index();
                if (slot.got[r] >= slot.need[r]) continue;
                if (role == supervision) supervision_short = true;
                ShortfallRow row;
                row.centre = slot.rs.centre.value();
                row.day = slot.rs.day;
                row.role = role.value();
                row.required = slot.need[r];
                row.rostered = slot.got[r];
                row.reason = slot.blocked[r] ? "supervision" : "people";
                out.shortfalls.push_back(row);
            }
            const Centre& centre = sc.plan.centres[slot.rs.centre.index()];
            if (centre.vaccinates() && !slot.rs.has_medecin && !supervision_short) {
                ShortfallRow row;
                row.centre = slot.rs.centre.value();
                row.day = slot.rs.day;
                row.role = supervision.value();
                row.required = 1;
                row.rostered = 0;
                row.reason = "medecin";
                out.shortfalls.push_back(row);
            }
            out.shifts.push_back(slot.rs);
        }
        week_first = week_end;
    }
    return out;
}

/// A random small territory and plan; shifts of 2 to 3.5 hours.
Scenario random_scenario(std::mt19937_64& rng, Travel& travel) {
    const auto pick = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    Scenario sc = test::small_scenario();
    World& w = sc.world;
    w.days = pick(5, 22);
    w.start_weekday = pick(0, 6);
    const int n_communes = pick(2, 6);
    w.territory.communes.clear();
    for (int m = 0; m < n_communes; ++m)
        w.territory.communes.push_back(
            {"0000" + std::to_string(m), "C" + std::to_string(m), 1000, 43.6, 3.4});
    w.pool.clear();
    const double hours_choice[] = {2, 3, 5, 6, 7, 9, 12, 40};
    const int n_entries = pick(3, 14);
    for (int e = 0; e < n_entries; ++e) {
        PoolEntry p = test::pool_entry(pick(0, 3), pick(0, n_communes - 1), pick(1, 5),
                                       hours_choice[pick(0, 7)], pick(0, 3) == 0 ? 15.0 : 30.0);
        if (pick(0, 3) == 0) p.weekdays = static_cast<WeekdayMask>(pick(1, 127));
        p.on_call = pick(0, 9) == 0;
        if (pick(0, 4) == 0) p.label = "L" + std::to_string(pick(0, 1)); // repeated lines too
        w.pool.push_back(p);
    }
    sc.plan.centres.clear();
    const int n_centres = pick(1, 4);
    const double minutes_choice[] = {5, 10, 10, 20, 30, 30, 40};
    travel.assign(static_cast<std::size_t>(n_centres), {});
    for (int c = 0; c < n_centres; ++c) {
        Centre centre = test::vaccination_centre(("Centre " + std::to_string(c)).c_str());
        if (pick(0, 2) == 0) centre.kind = CentreKind::Testing;
        centre.commune = pick(0, n_communes - 1);
        centre.weekdays = static_cast<WeekdayMask>(pick(1, 127));
        centre.shifts.clear();
        const int n_shifts = pick(1, 3);
        for (int s = 0; s < n_shifts; ++s) {
            Shift sh;
            sh.start = hours(8) + minutes(30 * pick(0, 12));
            sh.end = sh.start + minutes(30 * pick(4, 7)); // 2 to 3.5 h
            if (pick(0, 3) == 0) sh.weekdays = static_cast<WeekdayMask>(pick(1, 127));
            sh.staff = {pick(0, 3), pick(0, 2), pick(0, 3), pick(0, 2), pick(0, 1), pick(0, 2)};
            centre.shifts.push_back(sh);
        }
        sc.plan.centres.push_back(centre);
        for (int m = 0; m < n_communes; ++m)
            travel[static_cast<std::size_t>(c)].push_back(
                m == centre.commune ? 0.0
                : pick(0, 5) == 0   ? std::numeric_limits<double>::infinity()
                                    : minutes_choice[pick(0, 6)]);
    }
    return sc;
}

} // namespace

TEST_CASE("roster: the person picked for each shift is the plain scan's, on random plans") {
    std::mt19937_64 rng(20261130);
    int compared = 0, assignments = 0, shortfalls = 0;
    for (int trial = 0; trial < 300; ++trial) {
        Travel travel;
        const Scenario sc = random_scenario(rng, travel);
        const Roster got = build_roster(sc, travel);
        const Reference want = reference_roster(sc, travel);
        INFO("trial " << trial);
        REQUIRE(got.shifts.size() == want.shifts.size());
        for (std::size_t k = 0; k < got.shifts.size(); ++k) {
            const RosterShift& a = got.shifts[k];
            const RosterShift& b = want.shifts[k];
            CHECK_FALSE(a.part);
            CHECK(a.centre == b.centre);
            CHECK(a.day == b.day);
            CHECK(a.shift == b.shift);
            CHECK(a.has_medecin == b.has_medecin);
            REQUIRE(a.people.size() == b.people.size());
            for (std::size_t i = 0; i < a.people.size(); ++i) {
                CHECK(a.people[i].person == b.people[i].person);
                CHECK(a.people[i].role == b.people[i].role);
            }
            assignments += static_cast<int>(a.people.size());
        }
        REQUIRE(got.shortfalls.size() == want.shortfalls.size());
        for (std::size_t k = 0; k < got.shortfalls.size(); ++k) {
            const ShortfallRow& a = got.shortfalls[k];
            const ShortfallRow& b = want.shortfalls[k];
            CHECK(a.centre == b.centre);
            CHECK(a.day == b.day);
            CHECK(a.role == b.role);
            CHECK(a.required == b.required);
            CHECK(a.rostered == b.rostered);
            const bool supervision_reason = a.reason.find("supervision") != std::string::npos;
            const bool medecin_reason = a.reason.find("no médecin on site") == 0;
            CHECK(supervision_reason == (b.reason == "supervision"));
            CHECK(medecin_reason == (b.reason == "medecin"));
        }
        shortfalls += static_cast<int>(got.shortfalls.size());
        ++compared;
    }
    CHECK(compared == 300);
    // the random plans exercise both outcomes: people rostered, and roles left short
    CHECK(assignments > 1000);
    CHECK(shortfalls > 100);
}
