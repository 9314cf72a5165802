#include "riposte/validation.hpp"

#include "riposte/allocation.hpp"
#include "riposte/core/calendar.hpp"
#include "riposte/core/stats.hpp"
#include "riposte/roster.hpp"
#include "riposte/territory.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace riposte {

namespace {

constexpr std::size_t max_where = 12;

std::string fmt(double v, int decimals = 1) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string hhmm(SimTime t) {
    char buf[48];
    const auto s = t.seconds();
    std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>((s % 3600) / 60));
    return buf;
}

Phrase phrase(std::string id, std::vector<std::string> args = {}) {
    return Phrase{std::move(id), std::move(args)};
}

/// A failing place: its English wording and its phrase for the string table.
void add_where(RuleVerdict& v, std::string w, Phrase p) {
    ++v.where_total;
    if (v.where.size() < max_where) {
        v.where.push_back(std::move(w));
        v.where_phrases.push_back(std::move(p));
    }
}

} // namespace

std::string date_of_day(const World& world, int day) {
    return iso_date_plus(world.start_date, day).value_or("day " + std::to_string(day));
}

namespace {
Roster roster_with(const Scenario& sc, const TravelGraph& graph) {
    const World& w = sc.world;
    double cutoff = std::max(w.behaviour.max_travel_minutes, sc.plan.max_travel_minutes);
    for (const auto& e : w.pool) cutoff = std::max(cutoff, e.max_commute_minutes);
    std::vector<std::vector<double>> travel;
    for (const Centre& c : sc.plan.centres) travel.push_back(graph.minutes_from(c.commune, cutoff));
    for (const MobileTeam& t : sc.plan.mobile_teams)
        travel.push_back(graph.minutes_from(t.base_commune, cutoff));
    return build_roster(sc, travel);
}
} // namespace

Roster validation_roster(const Scenario& sc) {
    return roster_with(sc, TravelGraph(sc.world.territory));
}

ValidationReport validate_structure(const Scenario& sc) {
    const World& w = sc.world;
    const Plan& plan = sc.plan;
    ValidationReport rep;
    const TravelGraph graph(w.territory);
    const Roster roster = roster_with(sc, graph);
    const int supervision = w.supervision_role().value();

    // 1. every station's role is staffed on every shift of every open day
    {
        RuleVerdict v;
        v.id = "staffing.stations";
        v.title = "every station of an open centre has its role staffed on every shift";
        v.threshold = "each station's role has at least one person on each shift";
        v.threshold_phrase = phrase("stations.required");
        int shifts_checked = 0;
        for (std::size_t c = 0; c < plan.centres.size(); ++c) {
            const Centre& centre = plan.centres[c];
            for (std::size_t s = 0; s < centre.shifts.size(); ++s) {
                const Shift& sh = centre.shifts[s];
                ++shifts_checked;
                for (const Station& st : centre.stations) {
                    if (!st.role.valid()) continue;
                    const auto r = st.role.index();
                    if (r >= sh.staff.size() || sh.staff[RoleId{r}] == 0)
                        add_where(v,
                                  centre.name + ", shift " + hhmm(sh.start) + "-" + hhmm(sh.end) +
                                      ": station '" + st.name + "' needs a " + w.roles[RoleId{r}] +
                                      " and the plan staffs none",
                                  phrase("where.station_unstaffed",
                                         {centre.name, hhmm(sh.start), hhmm(sh.end), st.name,
                                          "role:" + w.roles[RoleId{r}]}));
                }
            }
            // opening hours not covered by any shift
            for (std::int64_t t = centre.opens.seconds(); t < centre.closes.seconds(); t += 900) {
                bool covered = false;
                for (const Shift& sh : centre.shifts) // a night shift covers the next morning
                    if ((sh.start.seconds() <= t && t < sh.end.seconds()) ||
                        t + 86400 < sh.end.seconds())
                        covered = true;
                if (!covered) {
                    add_where(v,
                              centre.name + ": no shift covers " + hhmm(SimTime{t}) +
                                  " although the centre is open",
                              phrase("where.hours_uncovered", {centre.name, hhmm(SimTime{t})}));
                    break;
                }
            }
        }
        v.pass = v.where_total == 0;
        v.measured = v.pass
                         ? "all " + std::to_string(shifts_checked) + " shifts staff every station"
                         : std::to_string(v.where_total) + " gaps";
        v.measured_phrase = v.pass ? phrase("stations.ok", {std::to_string(shifts_checked)})
                                   : phrase("stations.gaps", {std::to_string(v.where_total)});
        rep.rules.push_back(std::move(v));
    }
    // 2. the roster fills every requirement with qualified people within hours and commute
    {
        RuleVerdict v;
        v.id = "staffing.qualified";
        v.title = "every role on every shift is filled by qualified professionals of the pool, "
                  "within their weekly hours, days and commute limit";
        v.threshold = "no shortfall";
        v.threshold_phrase = phrase("qualified.required");
        std::map<std::string, int> missing_by_role;
        for (const auto& s : roster.shortfalls) {
            if (s.role == supervision) continue;
            missing_by_role[w.roles[RoleId{s.role}]] += s.required - s.rostered;
            add_where(
                v,
                plan.unit_name(s.centre) + ", " + date_of_day(w, s.day) + " " + hhmm(s.start) +
                    "-" + hhmm(s.end) + ": " + w.roles[RoleId{s.role}] + " " +
                    std::to_string(s.rostered) + "/" + std::to_string(s.required) + " (" +
                    s.reason + ")",
                phrase("where.role_short",
                       {plan.unit_name(s.centre), date_of_day(w, s.day), hhmm(s.start), hhmm(s.end),
                        "role:" + w.roles[RoleId{s.role}], std::to_string(s.rostered),
                        std::to_string(s.required), "reason:" + s.reason}));
        }
        v.pass = v.where_total == 0;
        v.measured_phrase = v.pass ? phrase("qualified.ok")
                                   : phrase("qualified.short", {std::to_string(v.where_total)});
        if (v.pass) {
            v.measured = "all requirements filled";
        } else {
            v.measured = std::to_string(v.where_total) + " role-shifts short:";
            for (const auto& [role, n] : missing_by_role)
                v.measured += " " + role + " " + std::to_string(n);
        }
        rep.rules.push_back(std::move(v));
    }
    // 3. a médecin on site whenever a vaccination centre is open
    {
        RuleVerdict v;
        v.id = "staffing.medecin_on_site";
        v.title = "a médecin is on site whenever a vaccination centre is open";
        v.threshold = "a médecin rostered on every shift of every vaccination centre";
        v.threshold_phrase = phrase("medecin.required");
        for (const auto& rs : roster.shifts) {
            if (rs.centre.index() >= plan.centres.size()) continue; // a team
            const Centre& centre = plan.centres[rs.centre.index()];
            if (centre.vaccinates() && !rs.has_medecin)
                add_where(v,
                          centre.name + ", " + date_of_day(w, rs.day) + " " + hhmm(rs.start) + "-" +
                              hhmm(rs.end),
                          phrase("where.shift", {centre.name, date_of_day(w, rs.day),
                                                 hhmm(rs.start), hhmm(rs.end)}));
        }
        v.pass = v.where_total == 0;
        v.measured =
            v.pass ? "always" : std::to_string(v.where_total) + " shifts without a médecin";
        v.measured_phrase = v.pass ? phrase("medecin.ok")
                                   : phrase("medecin.missing", {std::to_string(v.where_total)});
        rep.rules.push_back(std::move(v));
    }
    // 4. weekly hours asked of the pool, per profession allowed, never exceed what it can give
    {
        RuleVerdict v;
        v.id = "pool.weekly_hours";
        v.title = "the hours the plan asks each week fit in the hours the pool can give";
        const int weeks = (w.days + w.start_weekday + 6) / 7;
        double worst_ratio = 0;
        for (int wk = 0; wk < weeks; ++wk) {
            std::vector<double> need(w.roles.size(), 0.0);
            for (std::size_t c = 0; c < plan.centres.size(); ++c) {
                const Centre& centre = plan.centres[c];
                for (int d = std::max(0, wk * 7 - w.start_weekday);
                     d < std::min(w.days, (wk + 1) * 7 - w.start_weekday); ++d) {
                    if (!centre.open_on(d, w.start_weekday)) continue;
                    const int wd = (d + w.start_weekday) % 7;
                    for (const Shift& sh : centre.shifts) {
                        if (d < sh.first_day || d > sh.last_day || !((sh.weekdays >> wd) & 1))
                            continue;
                        for (std::size_t r = 0; r < sh.staff.size() && r < need.size(); ++r)
                            need[r] += sh.staff[RoleId{r}] * (sh.end - sh.start).hours();
                    }
                }
            }
            double total_need = 0;
            for (double x : need) total_need += x;
            if (total_need <= 0) continue;
            // hours available from people who may fill at least one needed role
            double avail = 0;
            for (const PoolEntry& e : w.pool) {
                bool useful = false;
                for (std::size_t r = 0; r < need.size(); ++r)
                    if (need[r] > 0 &&
                        w.scope.may_hold(e.profession, RoleId{r}) != ScopeTable::May::no)
                        useful = true;
                if (useful) avail += e.weekly_hours * e.count;
            }
            // role by role: hours needed vs hours of the professions allowed
            for (std::size_t r = 0; r < need.size(); ++r) {
                if (need[r] <= 0) continue;
                double can = 0;
                for (const PoolEntry& e : w.pool)
                    if (w.scope.may_hold(e.profession, RoleId{r}) != ScopeTable::May::no)
                        can += e.weekly_hours * e.count;
                worst_ratio = std::max(worst_ratio, can > 0 ? need[r] / can : 1e9);
                if (need[r] > can + 1e-9)
                    add_where(v,
                              "week " + std::to_string(wk + 1) + ": " + w.roles[RoleId{r}] +
                                  " needs " + fmt(need[r], 0) +
                                  " h, the professions allowed give " + fmt(can, 0) + " h",
                              phrase("where.week_role_hours",
                                     {std::to_string(wk + 1), "role:" + w.roles[RoleId{r}],
                                      fmt(need[r], 0), fmt(can, 0)}));
            }
            worst_ratio = std::max(worst_ratio, avail > 0 ? total_need / avail : 1e9);
            if (total_need > avail + 1e-9)
                add_where(v,
                          "week " + std::to_string(wk + 1) + ": all roles need " +
                              fmt(total_need, 0) + " h, the pool gives " + fmt(avail, 0) + " h",
                          phrase("where.week_hours",
                                 {std::to_string(wk + 1), fmt(total_need, 0), fmt(avail, 0)}));
        }
        v.pass = v.where_total == 0;
        v.measured = "peak demand " + fmt(100 * worst_ratio, 0) + "% of the hours available";
        v.threshold = "<= 100% every week, for every role";
        v.measured_phrase = phrase("hours.peak", {fmt(100 * worst_ratio, 0)});
        v.threshold_phrase = phrase("hours.required");
        rep.rules.push_back(std::move(v));
    }
    // 5. slots never exceed the doses allocated (French rule), week by week. The model never
    // opens more slots than doses, so the rule cannot fail a plan: it warns about the capacity
    // left idle for lack of doses, and the professional hours that idle capacity costs (hours
    // taken from routine care for nothing).
    {
        RuleVerdict v;
        v.id = "supply.slots_within_doses";
        v.title = "the slots a centre opens never exceed the doses allocated to it; capacity left "
                  "idle for lack of doses";
        v.threshold = "slots opened <= doses allocated (enforced by the model); idle capacity "
                      "is a warning";
        v.threshold_phrase = phrase("slots.required");
        const Allocation alloc = allocate_deliveries(sc); // exactly as the model shares them
        double capacity_all = 0, idle_all = 0, idle_hours_all = 0;
        for (std::size_t c = 0; c < plan.centres.size(); ++c) {
            const Centre& centre = plan.centres[c];
            if (!centre.vaccinates() || centre.walk_in_only) continue;
            const auto capacity = static_cast<double>(slot_capacity_per_day(centre, plan.booking));
            const std::vector<std::int64_t> opened =
                slots_opened_per_day(centre, plan.booking, alloc.centre_doses[c], w.start_weekday);
            // roles that only serve the vaccination flow stand idle with the slots
            std::vector<char> vacc_role(w.roles.size(), 0), test_role(w.roles.size(), 0);
            for (const Station& st : centre.stations) {
                if (!st.role.valid()) continue;
                if (st.flow != Flow::Testing) vacc_role[st.role.index()] = 1;
                if (st.flow != Flow::Vaccination && centre.tests()) test_role[st.role.index()] = 1;
            }
            double week_idle = 0, week_hours = 0;
            for (int d = 0; d < w.days; ++d) {
                if (centre.open_on(d, w.start_weekday) && capacity > 0) {
                    const double idle =
                        capacity - static_cast<double>(opened[static_cast<std::size_t>(d)]);
                    double staffed_h = 0;
                    const int weekday = (d + w.start_weekday) % 7;
                    for (const Shift& sh : centre.shifts) {
                        if (d < sh.first_day || d > sh.last_day || !((sh.weekdays >> weekday) & 1))
                            continue;
                        for (std::size_t r = 0; r < sh.staff.size(); ++r)
                            if (vacc_role[r] && !test_role[r])
                                staffed_h += sh.staff[RoleId{r}] * (sh.end - sh.start).hours();
                    }
                    capacity_all += capacity;
                    idle_all += idle;
                    week_idle += idle;
                    week_hours += staffed_h * idle / capacity;
                }
                const bool week_end = (d + w.start_weekday) % 7 == 6 || d == w.days - 1;
                if (!week_end) continue;
                if (week_idle >= 0.5)
                    add_where(v,
                              centre.name + ", week ending " + date_of_day(w, d) + ": " +
                                  fmt(week_idle, 0) +
                                  " slots of capacity idle for lack of doses, about " +
                                  fmt(week_hours, 0) +
                                  " professional hours (shorten hours or staff, or raise "
                                  "the allocation)",
                              phrase("where.idle_week", {centre.name, date_of_day(w, d),
                                                         fmt(week_idle, 0), fmt(week_hours, 0)}));
                idle_hours_all += week_hours;
                week_idle = 0;
                week_hours = 0;
            }
        }
        v.pass = true;
        v.warning = v.where_total > 0;
        v.measured = capacity_all > 0 ? fmt(100 * idle_all / capacity_all, 0) +
                                            "% of slot capacity idle for lack of doses, about " +
                                            fmt(idle_hours_all, 0) + " professional hours"
                                      : "no vaccination capacity";
        v.measured_phrase = capacity_all > 0
                                ? phrase("slots.idle", {fmt(100 * idle_all / capacity_all, 0),
                                                        fmt(idle_hours_all, 0)})
                                : phrase("slots.none");
        rep.rules.push_back(std::move(v));
    }
    // 6. every commune within the maximum travel time of an open vaccination centre
    {
        RuleVerdict v;
        v.id = "access.travel_time";
        const double limit =
            plan.max_travel_minutes >= 0 ? plan.max_travel_minutes : w.behaviour.max_travel_minutes;
        v.title = "every commune is within the maximum travel time of an open vaccination centre "
                  "or served by a mobile team";
        v.threshold = "<= " + fmt(limit, 0) + " min";
        v.threshold_phrase = phrase("travel.required", {fmt(limit, 0)});
        double worst = 0;
        std::int64_t people_out = 0;
        std::vector<int> vacc_sources;
        for (const auto& c : plan.centres)
            if (c.vaccinates()) vacc_sources.push_back(c.commune);
        const std::vector<double> nearest = graph.nearest_of(vacc_sources);
        for (std::size_t m = 0; m < w.territory.communes.size(); ++m) {
            const double best = nearest[m];
            if (std::isfinite(best)) worst = std::max(worst, best);
            bool team = false; // served by a mobile team's round
            for (const MobileTeam& t : plan.mobile_teams)
                if (t.communes.empty() || std::find(t.communes.begin(), t.communes.end(),
                                                    static_cast<int>(m)) != t.communes.end())
                    team = true;
            if (!(best <= limit) && !team) {
                people_out += w.territory.communes[m].population;
                add_where(v,
                          w.territory.communes[m].name + " (" + w.territory.communes[m].insee +
                              "): " +
                              (std::isfinite(best) ? fmt(best, 0) + " min"
                                                   : std::string("no road to a centre")),
                          std::isfinite(best)
                              ? phrase("where.commune_minutes",
                                       {"text:" + w.territory.communes[m].name,
                                        "text:" + w.territory.communes[m].insee, fmt(best, 0)})
                              : phrase("where.commune_no_road",
                                       {"text:" + w.territory.communes[m].name,
                                        "text:" + w.territory.communes[m].insee}));
            }
        }
        v.pass = v.where_total == 0;
        v.measured =
            "farthest commune " + fmt(worst, 0) + " min" +
            (people_out > 0 ? ", " + std::to_string(people_out) + " inhabitants beyond" : "");
        v.measured_phrase =
            people_out > 0 ? phrase("travel.beyond", {fmt(worst, 0), std::to_string(people_out)})
                           : phrase("travel.farthest", {fmt(worst, 0)});
        rep.rules.push_back(std::move(v));
    }
    // 7. test kits planned never below zero against the expected testing demand
    {
        RuleVerdict v;
        v.id = "supply.test_kits";
        v.title = "test kits never planned below zero against the expected testing demand";
        v.threshold = "stock >= 0 every day";
        v.threshold_phrase = phrase("kits.required");
        bool tests = false;
        for (const auto& c : plan.centres) tests = tests || c.tests();
        double pop = 0;
        for (const auto& c : w.territory.communes) pop += static_cast<double>(c.population);
        double stock = static_cast<double>(w.initial_test_kits), lowest = stock;
        int first_short = -1;
        for (int d = 0; d < w.days && tests; ++d) {
            for (const auto& k : w.test_kit_deliveries)
                if (k.day == d) stock += static_cast<double>(k.kits);
            const double inc = static_cast<std::size_t>(d) < w.epidemic.incidence_per_100k.size()
                                   ? w.epidemic.incidence_per_100k[static_cast<std::size_t>(d)]
                                   : 0.0;
            stock -= inc / 1e5 * pop * w.epidemic.tests_per_case;
            lowest = std::min(lowest, stock);
            if (stock < 0 && first_short < 0) first_short = d;
        }
        if (first_short >= 0)
            add_where(v, "kits run out on " + date_of_day(w, first_short) + " (expected demand)",
                      phrase("where.kits_out", {date_of_day(w, first_short)}));
        v.pass = v.where_total == 0;
        v.measured =
            tests ? "lowest planned stock " + fmt(lowest, 0) + " kits" : "no testing centre";
        v.measured_phrase =
            tests ? phrase("kits.lowest", {fmt(lowest, 0)}) : phrase("kits.no_testing");
        rep.rules.push_back(std::move(v));
    }
    return rep;
}

ValidationReport validate(const Scenario& sc, const std::vector<Results>& reps) {
    TargetValidator validator(sc);
    for (const Results& r : reps) validator.add(r);
    return validator.report();
}

TargetValidator::TargetValidator(const Scenario& scenario)
    : scenario_(&scenario), evidence_(scenario.plan.targets.size()) {}

void TargetValidator::add(const Results& r) {
    const Scenario& sc = *scenario_;
    const World& w = sc.world;
    const bool first = count_ == 0;
    ++count_;
    for (std::size_t i = 0; i < sc.plan.targets.size(); ++i) {
        const Target& t = sc.plan.targets[i];
        Evidence& e = evidence_[i];
        switch (t.kind) {
        case TargetKind::WaitP90: {
            bool all = true;
            double worst = 0;
            for (const auto& row : r.centre_days) {
                if (row.served == 0) continue;
                worst = std::max(worst, row.wait_p90_min);
                if (row.wait_p90_min > t.threshold) {
                    all = false;
                    ++e.fails[{row.centre, row.day}];
                }
            }
            e.stat.add(worst);
            e.ok += all;
            break;
        }
        case TargetKind::Coverage: {
            const int day = t.by_day >= 0 ? std::min(t.by_day, w.days - 1) : w.days - 1;
            std::int64_t got = 0, pop = 0;
            for (const auto& row : r.coverage)
                if (row.day == day && (t.group < 0 || row.group == t.group)) {
                    got += t.complete_schedule ? row.complete : row.first_dose;
                    pop += row.population;
                }
            e.stat.add(pop > 0 ? 100.0 * static_cast<double>(got) / static_cast<double>(pop) : 0.0);
            if (first) {
                // communes furthest behind (first replication)
                for (const auto& row : r.communes)
                    if ((t.group < 0 || row.group == t.group) && row.population > 0)
                        e.behind.push_back(
                            {100.0 *
                                 static_cast<double>(t.complete_schedule ? row.complete
                                                                         : row.first_dose) /
                                 static_cast<double>(row.population),
                             row.commune});
                std::sort(e.behind.begin(), e.behind.end());
            }
            break;
        }
        case TargetKind::WastedDoses: {
            const double opened = static_cast<double>(r.totals.doses_used + r.totals.doses_wasted);
            e.stat.add(opened > 0 ? 100.0 * static_cast<double>(r.totals.doses_wasted) / opened
                                  : 0.0);
            for (const auto& row : r.centre_days) e.wasted[row.centre] += row.doses_wasted;
            break;
        }
        case TargetKind::UnmetDemand: {
            e.stat.add(static_cast<double>(r.totals.unmet));
            if (first) {
                std::map<int, std::int64_t> unmet;
                for (const auto& row : r.communes) unmet[row.commune] += row.unmet;
                for (const auto& [m, n] : unmet) e.unmet.push_back({-n, m});
                std::sort(e.unmet.begin(), e.unmet.end());
            }
            break;
        }
        }
    }
}

ValidationReport TargetValidator::report() const {
    const Scenario& sc = *scenario_;
    ValidationReport rep = validate_structure(sc);
    rep.replications = count_;
    const World& w = sc.world;
    const std::size_t reps = static_cast<std::size_t>(count_);
    for (std::size_t i = 0; i < sc.plan.targets.size(); ++i) {
        const Target& t = sc.plan.targets[i];
        const Evidence& e = evidence_[i];
        const RunningStats& stat = e.stat;
        RuleVerdict v;
        v.structural = false;
        switch (t.kind) {
        case TargetKind::WaitP90: {
            v.id = "target.wait_p90";
            v.title = "p90 wait <= " + fmt(t.threshold, 0) +
                      " min at every centre on every open day, in >= " +
                      fmt(100 * t.share_of_replications, 0) + "% of replications";
            v.threshold = "p90 <= " + fmt(t.threshold, 0) +
                          " min in >= " + fmt(100 * t.share_of_replications, 0) +
                          "% of replications";
            v.threshold_phrase = phrase(
                "wait.required", {fmt(t.threshold, 0), fmt(100 * t.share_of_replications, 0)});
            const double share =
                reps == 0 ? 0.0 : static_cast<double>(e.ok) / static_cast<double>(reps);
            v.pass = reps > 0 && share >= t.share_of_replications;
            v.measured = fmt(100 * share, 0) + "% of replications; worst p90 " +
                         fmt(stat.mean(), 1) + " ± " + fmt(stat.ci95_halfwidth(), 1) + " min";
            v.measured_phrase = phrase("wait.measured", {fmt(100 * share, 0), fmt(stat.mean(), 1),
                                                         fmt(stat.ci95_halfwidth(), 1)});
            std::vector<std::pair<int, std::pair<int, int>>> sorted;
            for (const auto& [k, n] : e.fails) sorted.push_back({-n, k});
            std::sort(sorted.begin(), sorted.end());
            for (const auto& [n, k] : sorted)
                add_where(
                    v,
                    sc.plan.centres[static_cast<std::size_t>(k.first)].name + ", " +
                        date_of_day(w, k.second) + " (" + std::to_string(-n) + "/" +
                        std::to_string(reps) + " replications)",
                    phrase("where.centre_day_reps",
                           {sc.plan.centres[static_cast<std::size_t>(k.first)].name,
                            date_of_day(w, k.second), std::to_string(-n), std::to_string(reps)}));
            if (v.pass) {
                v.where.clear();
                v.where_total = 0;
            }
            break;
        }
        case TargetKind::Coverage: {
            const std::string gname =
                t.group >= 0 ? w.groups[static_cast<std::size_t>(t.group)].name : "everyone";
            const int day = t.by_day >= 0 ? std::min(t.by_day, w.days - 1) : w.days - 1;
            v.id = "target.coverage";
            v.title = std::string(t.complete_schedule ? "complete-schedule" : "first-dose") +
                      " coverage of " + gname + " >= " + fmt(t.threshold, 0) + "% by " +
                      date_of_day(w, day);
            v.threshold = ">= " + fmt(t.threshold, 1) + "% of the group's population";
            // the group as the reader's words: its display name when the world gives one
            const PopulationGroup* grp =
                t.group >= 0 ? &w.groups[static_cast<std::size_t>(t.group)] : nullptr;
            const std::string group_arg = grp == nullptr               ? std::string("group:")
                                          : !grp->display_name.empty() ? "text:" + grp->display_name
                                                                       : "group:" + grp->name;
            v.threshold_phrase = phrase(t.complete_schedule ? "coverage.required_complete"
                                                            : "coverage.required_first",
                                        {fmt(t.threshold, 1), group_arg, date_of_day(w, day)});
            v.pass = reps > 0 && stat.mean() >= t.threshold;
            v.measured = fmt(stat.mean(), 1) + "% ± " + fmt(stat.ci95_halfwidth(), 1);
            v.measured_phrase =
                phrase("percent.ci", {fmt(stat.mean(), 1), fmt(stat.ci95_halfwidth(), 1)});
            if (!v.pass && reps > 0) {
                for (const auto& [pct, m] : e.behind)
                    if (pct < t.threshold)
                        add_where(v,
                                  w.territory.communes[static_cast<std::size_t>(m)].name + ": " +
                                      fmt(pct, 1) + "% (end of run)",
                                  phrase("where.commune_pct",
                                         {w.territory.communes[static_cast<std::size_t>(m)].name,
                                          fmt(pct, 1)}));
            }
            break;
        }
        case TargetKind::WastedDoses: {
            v.id = "target.wasted_doses";
            v.title = "wasted doses <= " + fmt(t.threshold, 1) + "% of the doses drawn from vials";
            v.threshold = "<= " + fmt(t.threshold, 1) + "%";
            v.threshold_phrase = phrase("waste.required", {fmt(t.threshold, 1)});
            v.pass = reps > 0 && stat.mean() <= t.threshold;
            v.measured = fmt(stat.mean(), 2) + "% ± " + fmt(stat.ci95_halfwidth(), 2);
            v.measured_phrase =
                phrase("percent.ci", {fmt(stat.mean(), 2), fmt(stat.ci95_halfwidth(), 2)});
            if (!v.pass)
                for (const auto& [c, n] : e.wasted)
                    if (n > 0)
                        add_where(
                            v,
                            sc.plan.centres[static_cast<std::size_t>(c)].name + ": " +
                                fmt(static_cast<double>(n) / static_cast<double>(reps), 0) +
                                " doses wasted per replication",
                            phrase("where.centre_wasted",
                                   {sc.plan.centres[static_cast<std::size_t>(c)].name,
                                    fmt(static_cast<double>(n) / static_cast<double>(reps), 0)}));
            break;
        }
        case TargetKind::UnmetDemand: {
            v.id = "target.unmet_demand";
            v.title = "people wanting a vaccine without a first dose at the end <= " +
                      fmt(t.threshold, 0);
            v.threshold = "<= " + fmt(t.threshold, 0) + " people";
            v.threshold_phrase = phrase("unmet.required", {fmt(t.threshold, 0)});
            v.pass = reps > 0 && stat.mean() <= t.threshold;
            v.measured = fmt(stat.mean(), 0) + " ± " + fmt(stat.ci95_halfwidth(), 0) + " people";
            v.measured_phrase =
                phrase("people.ci", {fmt(stat.mean(), 0), fmt(stat.ci95_halfwidth(), 0)});
            if (!v.pass && reps > 0) {
                for (const auto& [n, m] : e.unmet)
                    if (n < 0)
                        add_where(v,
                                  w.territory.communes[static_cast<std::size_t>(m)].name + ": " +
                                      std::to_string(-n) + " people (first replication)",
                                  phrase("where.commune_people",
                                         {w.territory.communes[static_cast<std::size_t>(m)].name,
                                          std::to_string(-n)}));
            }
            break;
        }
        }
        if (reps == 0) {
            v.measured = "not simulated (0 replications)";
            v.measured_phrase = phrase("not_simulated");
        }
        rep.rules.push_back(std::move(v));
    }
    return rep;
}

} // namespace riposte
