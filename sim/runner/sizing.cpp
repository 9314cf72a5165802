// The staffing search (sizing.hpp, docs/sizing.md).
#include "riposte/sizing.hpp"

#include "riposte/roster.hpp"
#include "riposte/runner.hpp"
#include "riposte/sweep.hpp"
#include "riposte/territory.hpp"

#include "core/text_parse.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

namespace riposte {

const std::map<std::string, double>& default_hourly_rates_eur() {
    // Weekday rates of the arrêté of 5 February 2021 (médecins libéraux 105 EUR an hour,
    // infirmiers libéraux 55 EUR an hour) and of the arrêté of 27 March 2021 (chirurgiens-
    // dentistes 70 EUR an hour, health students 12 EUR an hour), as reported by the specialist
    // press (docs/sizing.md). Volunteers are unpaid.
    static const std::map<std::string, double> rates = {
        {"medecin", 105.0},       {"infirmier", 55.0}, {"chirurgien_dentiste", 70.0},
        {"etudiant_sante", 12.0}, {"benevole", 0.0},
    };
    return rates;
}

namespace {

bool is_staffing_rule(const std::string& id) {
    return id == "staffing.stations" || id == "staffing.qualified" ||
           id == "staffing.medecin_on_site" || id == "pool.weekly_hours";
}

bool targets_pass(const Evaluation& e) {
    if (!e.complete) return false;
    for (const RuleVerdict& r : e.report.rules)
        if (!r.structural && !r.pass) return false;
    return true;
}

double shift_days(const World& w, const Centre& c, const Shift& sh) {
    int n = 0;
    for (int d = 0; d < w.days; ++d) {
        if (!c.open_on(d, w.start_weekday)) continue;
        const int wd = (d + w.start_weekday) % 7;
        if (d < sh.first_day || d > sh.last_day || !((sh.weekdays >> wd) & 1)) continue;
        ++n;
    }
    return n;
}

/// Hours a week each role is asked, week by week (as the pool.weekly_hours rule counts them).
std::vector<std::vector<double>> weekly_role_hours(const World& w, const Plan& plan) {
    const int weeks = (w.days + w.start_weekday + 6) / 7;
    std::vector<std::vector<double>> need(static_cast<std::size_t>(weeks),
                                          std::vector<double>(w.roles.size(), 0.0));
    for (const Centre& c : plan.centres)
        for (int d = 0; d < w.days; ++d) {
            if (!c.open_on(d, w.start_weekday)) continue;
            const int wd = (d + w.start_weekday) % 7;
            const auto wk = static_cast<std::size_t>((d + w.start_weekday) / 7);
            for (const Shift& sh : c.shifts) {
                if (d < sh.first_day || d > sh.last_day || !((sh.weekdays >> wd) & 1)) continue;
                for (std::size_t r = 0; r < sh.staff.size() && r < w.roles.size(); ++r)
                    need[wk][r] += sh.staff[RoleId{r}] * (sh.end - sh.start).hours();
            }
        }
    return need;
}

/// A decision variable: the people of one role on one shift of one centre.
struct Var {
    int c = 0, s = 0, r = 0;
};

/// Roles the search may change at a centre: those staffing one of its stations.
std::vector<int> station_roles(const Centre& c) {
    std::set<int> roles;
    for (const Station& st : c.stations)
        if (st.role.valid()) roles.insert(st.role.value());
    return {roles.begin(), roles.end()};
}

bool split_by_station(const Centre& c, const Shift& sh, int role) {
    for (std::size_t k = 0; k < c.stations.size() && k < sh.station_staff.size(); ++k)
        if (c.stations[k].role == RoleId{role} && sh.station_staff[k] >= 0) return true;
    return false;
}

int& staff_of(Plan& p, const Var& v) {
    return p.centres[static_cast<std::size_t>(v.c)]
        .shifts[static_cast<std::size_t>(v.s)]
        .staff[RoleId{v.r}];
}

int staff_of(const Plan& p, int c, int s, int r);
int staff_of(const Plan& p, const Var& v) {
    return staff_of(p, v.c, v.s, v.r);
}

int staff_of(const Plan& p, int c, int s, int r) {
    const auto& staff =
        p.centres[static_cast<std::size_t>(c)].shifts[static_cast<std::size_t>(s)].staff;
    return staff.contains(RoleId{r}) ? staff[RoleId{r}] : 0;
}

/// A move: one person more (or fewer) of a role on some shifts of a centre.
struct Move {
    int c = 0, r = 0;
    std::vector<int> shifts;
    int delta = 1;
    int minus = -1; ///< a role that loses one person on the same shifts (a swap), or -1
    SizingMoveKind kind = SizingMoveKind::Staff;
    int weekday = -1; ///< Day: the weekday opened
};

/// The open weekday of `mask` nearest to `wd` (the day before first on a tie), or -1.
int nearest_open_day(WeekdayMask mask, int wd) {
    for (int k = 1; k < 7; ++k)
        for (const int d : {(wd + 7 - k) % 7, (wd + k) % 7})
            if ((mask >> d) & 1) return d;
    return -1;
}

Plan apply(const Plan& p, const Move& m) {
    Plan out = p;
    Centre& centre = out.centres[static_cast<std::size_t>(m.c)];
    if (m.kind == SizingMoveKind::Earlier) {
        for (Shift& sh : centre.shifts)
            if (sh.start == centre.opens) sh.start = sh.start - hours(1);
        centre.opens = centre.opens - hours(1);
        return out;
    }
    if (m.kind == SizingMoveKind::Later) {
        for (Shift& sh : centre.shifts)
            if (sh.end == centre.closes) sh.end = sh.end + hours(1);
        centre.closes = centre.closes + hours(1);
        return out;
    }
    if (m.kind == SizingMoveKind::Day) {
        const int near = nearest_open_day(centre.weekdays, m.weekday);
        const auto bit = static_cast<WeekdayMask>(1u << m.weekday);
        for (Shift& sh : centre.shifts)
            if (near >= 0 && ((sh.weekdays >> near) & 1))
                sh.weekdays = static_cast<WeekdayMask>(sh.weekdays | bit);
        centre.weekdays = static_cast<WeekdayMask>(centre.weekdays | bit);
        return out;
    }
    for (int s : m.shifts) {
        staff_of(out, Var{m.c, s, m.r}) += m.delta;
        if (m.minus >= 0) staff_of(out, Var{m.c, s, m.minus}) -= 1;
    }
    return out;
}

class Search {
  public:
    Search(const Scenario& sc, const SizingOptions& o) : sc_(sc), o_(o) {
        for (const Target& t : sc.plan.targets)
            if (t.kind == TargetKind::WaitP90 &&
                (t.threshold < wait_threshold_ ||
                 (t.threshold == wait_threshold_ && t.share_of_replications > wait_share_))) {
                wait_threshold_ = t.threshold;
                wait_share_ = t.share_of_replications;
            }
        for (std::size_t p = 0; p < sc.world.professions.size(); ++p) {
            double rate = sc.world.hourly_cost_eur;
            const std::string& id = sc.world.professions[ProfessionId{p}];
            if (const auto it = o.rates_eur.find(id); it != o.rates_eur.end())
                rate = it->second;
            else if (const auto d = default_hourly_rates_eur().find(id);
                     d != default_hourly_rates_eur().end())
                rate = d->second;
            rates_[static_cast<int>(p)] = rate;
        }
        for (std::size_t c = 0; c < sc.plan.centres.size(); ++c) {
            const Centre& centre = sc.plan.centres[c];
            const std::vector<int> roles = station_roles(centre);
            for (const int r : roles)
                for (std::size_t s = 0; s < centre.shifts.size(); ++s)
                    if (!split_by_station(centre, centre.shifts[s], r))
                        vars_.push_back({static_cast<int>(c), static_cast<int>(s), r});
            // roles that staff no station (supervision): only ever taken away, when every
            // rule still holds without them
            for (std::size_t s = 0; s < centre.shifts.size(); ++s)
                for (std::size_t r = 0; r < centre.shifts[s].staff.size(); ++r)
                    if (centre.shifts[s].staff[RoleId{r}] > 0 &&
                        std::find(roles.begin(), roles.end(), static_cast<int>(r)) == roles.end())
                        spare_.push_back(
                            {static_cast<int>(c), static_cast<int>(s), static_cast<int>(r)});
        }
    }

    [[nodiscard]] double cost(const Evaluation& e) const {
        return o_.cost == SizingCost::Hours ? e.hours : e.eur;
    }

    std::vector<Evaluation> judge(const std::vector<Plan>& plans, int reps,
                                  const std::vector<int>& list = {}) {
        EvaluationOptions eo;
        eo.replications = reps;
        eo.replication_list = list;
        eo.threads = o_.threads;
        eo.seed = o_.seed;
        eo.cancel = o_.cancel;
        eo.interrupt = o_.interrupt;
        eo.mpi = o_.mpi;
        eo.cache = &cache_;
        int simulated = 0;
        std::vector<int> wanted = list;
        if (wanted.empty())
            for (int r = 0; r < reps; ++r) wanted.push_back(r);
        for (const Plan& p : plans) {
            const std::string key = EvaluationCache::key(p, o_.seed);
            for (const int r : wanted)
                if (!cache_.find(key, r)) {
                    ++simulated;
                    break;
                }
        }
        evaluations_ += simulated;
        const long long ran = cache_.ran(), reused = cache_.reused();
        const auto t0 = std::chrono::steady_clock::now();
        std::vector<Evaluation> out = evaluate_plans(sc_, plans, eo, rates_);
        if (phase_) {
            phase_->plans += simulated;
            phase_->ran += cache_.ran() - ran;
            phase_->reused += cache_.reused() - reused;
            phase_->seconds +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        }
        return out;
    }
    /// Where the work of the next judge() calls is counted (null: nowhere).
    void count_in(SizingPhase* phase) { phase_ = phase; }
    Evaluation judge(const Plan& p, int reps) { return judge(std::vector<Plan>{p}, reps).front(); }

    [[nodiscard]] bool cancelled() const { return o_.cancel && o_.cancel->load(); }

    /// The replications below `reps` in which plan `p` (judged on them: they are in the cache)
    /// has a day above the lowest p90 wait target at centre `c`.
    std::vector<int> failing_reps(const Plan& p, int c, int reps) const {
        std::vector<int> out;
        const std::string key = EvaluationCache::key(p, o_.seed);
        for (int r = 0; r < reps; ++r) {
            const TaskResult* t = cache_.find(key, r);
            if (!t || !t->evidence) continue;
            for (const auto& row : t->evidence->centre_days)
                if (row.centre == c && row.served > 0 && row.wait_p90_min > wait_threshold_) {
                    out.push_back(r);
                    break;
                }
        }
        return out;
    }

    /// True when `first`, a plan judged on its first replications, cannot pass on `reps`
    /// whatever the others give: a structural rule fails (it does not depend on the
    /// replications), or the lowest wait target already fails in more replications than its
    /// share allows out of `reps`. Exact, not a statistical guess: racing a removal.
    [[nodiscard]] bool cannot_pass(const Evaluation& first, int reps) const {
        if (!first.complete) return false;
        for (const RuleVerdict& v : first.report.rules)
            if (v.structural && !v.pass) return true;
        if (wait_share_ <= 0) return false;
        const int k = first.report.replications;
        const auto failed = k - std::llround(first.wait_held * k);
        return static_cast<double>(reps - failed) / reps < wait_share_;
    }

    /// Structural gaps first: a station's role with nobody on a shift gets one person.
    int fill_gaps(Plan& p) const {
        int added = 0;
        for (const Var& v : vars_)
            if (staff_of(p, v) == 0) {
                staff_of(p, v) = 1;
                ++added;
            }
        return added;
    }

    /// Moves for centre `c`: one more person of each role of its stations (where people wait
    /// most first), on each shift and on all shifts.
    std::vector<Move> moves_at(const Plan& p, const Evaluation& e, int c) const {
        const Centre& centre = p.centres[static_cast<std::size_t>(c)];
        std::vector<std::pair<double, int>> waits; // (wait, role)
        for (std::size_t k = 0; k < centre.stations.size(); ++k) {
            const int r = centre.stations[k].role.value();
            if (r < 0) continue;
            double w = 0;
            if (static_cast<std::size_t>(c) < e.station_wait.size() &&
                k < e.station_wait[static_cast<std::size_t>(c)].size())
                w = e.station_wait[static_cast<std::size_t>(c)][k];
            waits.push_back({w, r});
        }
        std::stable_sort(waits.begin(), waits.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<int> roles;
        const bool anyone_waits = !waits.empty() && waits.front().first > 0;
        for (const auto& [w, r] : waits) {
            (void)anyone_waits;
            if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.push_back(r);
        }
        std::vector<Move> moves;
        for (const int r : roles) {
            std::vector<int> all;
            for (const Var& v : vars_)
                if (v.c == c && v.r == r && staff_of(p, v) < Limits::max_staff_per_role)
                    all.push_back(v.s);
            for (const int s : all) moves.push_back({c, r, {s}, 1});
            if (all.size() > 1) moves.push_back({c, r, all, 1});
            // No swap of the supervising médecin onto a station: on site without a station he
            // already takes an absent colleague's place at whichever station is short-handed
            // (staffing.cpp), which a fixed place at one station would lose.
        }
        if (o_.hours && !centre.continuous && !centre.shifts.empty()) {
            // opening hours and days, at their cost in professional hours like a person more
            if (centre.opens >= hours(1)) moves.push_back(hours_move(c, SizingMoveKind::Earlier));
            if (centre.closes + hours(1) <= hours(24))
                moves.push_back(hours_move(c, SizingMoveKind::Later));
            for (int wd = 0; wd < 7; ++wd)
                if (!((centre.weekdays >> wd) & 1)) {
                    Move m = hours_move(c, SizingMoveKind::Day);
                    m.weekday = wd;
                    moves.push_back(m);
                }
        }
        return moves;
    }

    static Move hours_move(int c, SizingMoveKind kind) {
        Move m;
        m.c = c;
        m.r = -1;
        m.kind = kind;
        return m;
    }

    /// Adds people, one move at a time, while a target fails: at the centre furthest from its
    /// targets (the next one when the pool cannot staff any move there), the move that lowers
    /// the distance to the targets most per unit of cost. Returns false when no move within
    /// the pool's reach is left (the pool limits the plan).
    bool add_phase(Plan& p, Evaluation& e, int reps, int& added, int max_steps) {
        while (!targets_pass(e) && added < max_steps && !cancelled()) {
            std::vector<std::pair<double, int>> centres;
            for (std::size_t c = 0; c < p.centres.size(); ++c) {
                const double x = c < e.centre_excess.size() ? e.centre_excess[c] : 0.0;
                centres.push_back({x, static_cast<int>(c)});
            }
            std::stable_sort(centres.begin(), centres.end(),
                             [](const auto& a, const auto& b) { return a.first > b.first; });
            const bool waits_fail = !centres.empty() && centres.front().first > 0;
            bool moved = false;
            for (const auto& [x, c] : centres) {
                if (waits_fail && x <= 0) break;
                std::vector<Move> moves = moves_at(p, e, c);
                if (moves.empty()) continue;
                std::vector<Plan> plans;
                for (const Move& m : moves) plans.push_back(apply(p, m));
                // screening: every move on the first quarter of the replications (the same
                // seeds: common random numbers), then the most promising few on all of them
                const int screen = std::max(3, reps / 4);
                std::vector<Evaluation> evs;
                const Evaluation e_screen = screen < reps && moves.size() > screen_keep
                                                ? judge(std::vector<Plan>{p}, screen).front()
                                                : e;
                // the screening replications must show this centre's failures: a rare failure
                // (two absences the same day) seen only in the later replications would make
                // every move look useless on the first ones
                const bool screen_sees =
                    static_cast<std::size_t>(c) < e_screen.centre_excess.size() &&
                    e_screen.centre_excess[static_cast<std::size_t>(c)] > 0;
                // when they do not, the moves are screened on the replications where the plan
                // fails at this centre (the same seeds for every move): where a move can gain
                std::vector<int> failing;
                if (screen < reps && moves.size() > screen_keep && !screen_sees && waits_fail) {
                    failing = failing_reps(p, c, reps);
                    if (static_cast<int>(failing.size()) >= reps) failing.clear();
                }
                if (screen < reps && moves.size() > screen_keep &&
                    (screen_sees || !waits_fail || !failing.empty())) {
                    const std::vector<Evaluation> first =
                        failing.empty() ? judge(plans, screen) : judge(plans, reps, failing);
                    if (cancelled()) return true;
                    const std::vector<std::size_t> keep = promising(
                        failing.empty() ? e_screen
                                        : judge(std::vector<Plan>{p}, reps, failing).front(),
                        moves, first);
                    std::vector<Move> kept_moves;
                    std::vector<Plan> kept_plans;
                    for (const std::size_t i : keep) {
                        kept_moves.push_back(moves[i]);
                        kept_plans.push_back(plans[i]);
                    }
                    moves = std::move(kept_moves);
                    plans = std::move(kept_plans);
                }
                evs = judge(plans, reps);
                if (cancelled()) return true;
                const int best = choose(p, e, moves, evs);
                if (best < 0) continue;
                const Move& m = moves[static_cast<std::size_t>(best)];
                p = plans[static_cast<std::size_t>(best)];
                e = evs[static_cast<std::size_t>(best)];
                added += m.kind == SizingMoveKind::Staff ? static_cast<int>(m.shifts.size()) : 1;
                step(true, m, p, e, reps);
                moved = true;
                break;
            }
            if (!moved) return false;
        }
        return true;
    }

    /// Moves kept after screening: those that make every target hold on the screening
    /// replications, then the best `screen_keep` by drop in the distance to the targets per
    /// unit of cost, then (when none lowers it) the widest moves, as choose() would fall back.
    std::vector<std::size_t> promising(const Evaluation& e, const std::vector<Move>& moves,
                                       const std::vector<Evaluation>& evs) const {
        std::vector<std::pair<double, std::size_t>> ranked;
        for (std::size_t i = 0; i < evs.size(); ++i) {
            const Evaluation& c = evs[i];
            if (!c.complete || c.staffing_failures > e.staffing_failures) continue;
            const double gain = e.excess - c.excess;
            const double ratio = gain / std::max(1e-9, cost(c) - cost(e));
            const double key = targets_pass(c) ? std::numeric_limits<double>::infinity()
                               : gain > 0      ? ratio
                                               : -static_cast<double>(moves.size() + 1) +
                                                static_cast<double>(moves[i].shifts.size());
            ranked.push_back({key, i});
        }
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<std::size_t> keep;
        for (std::size_t k = 0; k < ranked.size() && k < screen_keep; ++k)
            keep.push_back(ranked[k].second);
        std::sort(keep.begin(), keep.end());
        return keep;
    }

    /// The move to make among `moves` (judged as `evs`), or -1 when none is within the pool.
    int choose(const Plan& p, const Evaluation& e, const std::vector<Move>& moves,
               const std::vector<Evaluation>& evs) const {
        int best = -1;
        double best_ratio = 0;
        bool best_done = false;
        for (std::size_t i = 0; i < evs.size(); ++i) {
            const Evaluation& c = evs[i];
            if (!c.complete || c.staffing_failures > e.staffing_failures) continue;
            const double gain = e.excess - c.excess;
            const double ratio = gain / std::max(1e-9, cost(c) - cost(e));
            // a move that makes every target hold beats one that only comes closer
            const bool done = targets_pass(c);
            // a gain within the noise of the replications is no gain
            if (gain <= std::max(1e-9, 0.02 * e.excess) && !done) continue;
            const bool better =
                best < 0 || (done && !best_done) ||
                (done == best_done &&
                 (done ? cost(c) < cost(evs[static_cast<std::size_t>(best)]) : ratio > best_ratio));
            if (better) {
                best = static_cast<int>(i);
                best_ratio = ratio;
                best_done = done;
            }
        }
        if (best >= 0) return best;
        // no single move lowers the distance (stations in series saturate together): one
        // more person at the station where people wait most, on all its shifts; only at a
        // saturated station (busy 90 % of its staffed time or more), else a rare failure
        // (two absences the same day) would have people added where they change nothing
        for (std::size_t i = 0; i < moves.size(); ++i) {
            if (!evs[i].complete || evs[i].staffing_failures > e.staffing_failures) continue;
            if (moves[i].kind != SizingMoveKind::Staff) continue;
            if (role_use(p, e, moves[i].c, moves[i].r) < saturated) continue;
            const bool wider = best >= 0 && moves[i].shifts.size() >
                                                moves[static_cast<std::size_t>(best)].shifts.size();
            if (best < 0 || (moves[i].r == moves[static_cast<std::size_t>(best)].r && wider))
                best = static_cast<int>(i);
        }
        (void)p;
        return best;
    }

    /// The highest utilisation among the stations of role `r` at centre `c` (0..1).
    static double role_use(const Plan& p, const Evaluation& e, int c, int r) {
        double use = 0;
        const Centre& centre = p.centres[static_cast<std::size_t>(c)];
        for (std::size_t k = 0; k < centre.stations.size(); ++k)
            if (centre.stations[k].role == RoleId{r} &&
                static_cast<std::size_t>(c) < e.station_use.size() &&
                k < e.station_use[static_cast<std::size_t>(c)].size())
                use = std::max(use, e.station_use[static_cast<std::size_t>(c)][k]);
        return use;
    }
    static constexpr double saturated = 0.9;

    /// Takes people away, largest saving first, while every rule still passes.
    void removal_phase(Plan& p, Evaluation& e, int reps, int& removed) {
        for (int round = 0; round < 2 && !cancelled(); ++round) {
            std::vector<std::pair<double, Var>> order;
            std::vector<Var> all = vars_;
            all.insert(all.end(), spare_.begin(), spare_.end());
            for (const Var& v : all) {
                const Centre& c = p.centres[static_cast<std::size_t>(v.c)];
                const Shift& sh = c.shifts[static_cast<std::size_t>(v.s)];
                order.push_back({shift_days(sc_.world, c, sh) * (sh.end - sh.start).hours(), v});
            }
            std::stable_sort(order.begin(), order.end(),
                             [](const auto& a, const auto& b) { return a.first > b.first; });
            bool changed = false;
            for (const auto& entry : order) {
                const Var& v = entry.second; // a plain reference: clang 14 cannot capture a
                                             // structured binding in the lambda below
                if (cancelled()) return;
                const bool station_role =
                    std::find_if(vars_.begin(), vars_.end(), [&](const Var& x) {
                        return x.c == v.c && x.s == v.s && x.r == v.r;
                    }) != vars_.end();
                if (staff_of(p, v) <= (station_role ? 1 : 0)) continue; // stations keep somebody
                const Move m{v.c, v.r, {v.s}, -1};
                Plan cand = apply(p, m);
                // racing: judged first on the screening replications, and dropped there when
                // it can no longer pass on all of them (they are kept for the full judgement)
                const int screen = std::max(3, reps / 4);
                if (screen < reps && cannot_pass(judge(cand, screen), reps)) continue;
                if (cancelled()) return;
                Evaluation ce = judge(cand, reps);
                if (!ce.pass()) continue;
                p = std::move(cand);
                e = std::move(ce);
                ++removed;
                changed = true;
                step(false, m, p, e, reps);
            }
            if (!changed) break;
        }
    }

    void step(bool added, const Move& m, const Plan& p, const Evaluation& e, int reps) const {
        if (!o_.progress) return;
        SizingStep s;
        s.added = added;
        s.kind = m.kind;
        s.weekday = m.weekday;
        s.centre = m.c;
        s.shifts = m.shifts;
        s.role = m.r;
        s.to = m.kind == SizingMoveKind::Staff ? staff_of(p, m.c, m.shifts.front(), m.r) : 0;
        s.excess = e.excess;
        s.cost = cost(e);
        s.replications = reps;
        o_.progress(s);
    }

    [[nodiscard]] int evaluations() const { return evaluations_; }
    [[nodiscard]] const std::map<int, double>& rates() const { return rates_; }

  private:
    static constexpr std::size_t screen_keep = 4; ///< moves judged in full after screening
    const Scenario& sc_;
    const SizingOptions& o_;
    std::map<int, double> rates_;
    std::vector<Var> vars_;
    std::vector<Var> spare_; ///< people of roles that staff no station
    /// The lowest p90 wait target (the one Evaluation::wait_held counts), and its share of
    /// replications (the largest among targets with that threshold); none: infinity and 0.
    double wait_threshold_ = std::numeric_limits<double>::infinity();
    double wait_share_ = 0;
    int evaluations_ = 0;
    EvaluationCache cache_;
    SizingPhase* phase_ = nullptr;
};

/// Every group of professions that alone may fill some roles, with the pool's hours a week
/// and the most hours a week `need` asks of those roles.
std::vector<PoolLimit> pool_limits_all(const World& w,
                                       const std::vector<std::vector<double>>& need) {
    const int supervision = w.supervision_role().value();
    std::vector<double> pool_hours(w.professions.size(), 0.0);
    for (const PoolEntry& e : w.pool)
        if (!e.on_call && e.profession.index() < pool_hours.size())
            pool_hours[e.profession.index()] += e.weekly_hours * e.count;
    // each role's allowed professions; for each distinct set, the roles only it may fill
    std::vector<std::set<int>> allowed(w.roles.size());
    for (std::size_t r = 0; r < w.roles.size() && r < w.scope.allowed.size(); ++r)
        for (const ScopeEntry& a : w.scope.allowed[RoleId{r}])
            allowed[r].insert(a.profession.value());
    std::set<std::set<int>> sets;
    for (std::size_t r = 0; r < w.roles.size(); ++r)
        if (static_cast<int>(r) != supervision && !allowed[r].empty()) sets.insert(allowed[r]);
    std::vector<PoolLimit> out;
    for (const std::set<int>& s : sets) {
        PoolLimit l;
        l.professions.assign(s.begin(), s.end());
        for (std::size_t r = 0; r < w.roles.size(); ++r)
            if (static_cast<int>(r) != supervision && !allowed[r].empty() &&
                std::includes(s.begin(), s.end(), allowed[r].begin(), allowed[r].end()))
                l.roles.push_back(static_cast<int>(r));
        for (const auto& week : need) {
            double n = 0;
            for (const int r : l.roles) n += week[static_cast<std::size_t>(r)];
            l.needed_hours = std::max(l.needed_hours, n);
        }
        for (const int p : l.professions) l.pool_hours += pool_hours[static_cast<std::size_t>(p)];
        out.push_back(std::move(l));
    }
    return out;
}

/// What the pool lacks for `plan` (the least passing plan found with a larger pool).
std::vector<PoolLimit> pool_limits(const World& w, const Plan& plan) {
    std::vector<PoolLimit> out;
    for (PoolLimit& l : pool_limits_all(w, weekly_role_hours(w, plan)))
        if (l.needed_hours > l.pool_hours + 1e-9) out.push_back(std::move(l));
    // a group of professions short by no more than a smaller group inside it says nothing more
    std::vector<PoolLimit> minimal;
    for (const PoolLimit& l : out) {
        bool covered = false;
        for (const PoolLimit& m : out)
            covered =
                covered || (m.professions.size() < l.professions.size() &&
                            std::includes(l.professions.begin(), l.professions.end(),
                                          m.professions.begin(), m.professions.end()) &&
                            l.needed_hours - l.pool_hours <= m.needed_hours - m.pool_hours + 1e-9);
        if (!covered) minimal.push_back(l);
    }
    out = std::move(minimal);
    std::sort(out.begin(), out.end(), [](const PoolLimit& a, const PoolLimit& b) {
        const double ra = a.pool_hours > 0 ? a.needed_hours / a.pool_hours : 1e18;
        const double rb = b.pool_hours > 0 ? b.needed_hours / b.pool_hours : 1e18;
        return ra > rb;
    });
    return out;
}

/// When the pool's hours suffice in total: what the roster of `plan` against the real pool
/// leaves unfilled, by group of professions (the roles only they may fill), in the worst week.
std::vector<PoolLimit> roster_limits(const World& w, const Plan& plan) {
    Scenario sc;
    sc.world = w;
    sc.plan = plan;
    const Roster roster = validation_roster(sc);
    if (roster.shortfalls.empty()) return {};
    const auto need = weekly_role_hours(w, plan);
    std::vector<PoolLimit> groups = pool_limits_all(w, need);
    const int weeks = static_cast<int>(need.size());
    std::vector<PoolLimit> out;
    for (PoolLimit& g : groups) {
        std::vector<double> missing(static_cast<std::size_t>(weeks), 0.0);
        std::set<int> centres;
        for (const ShortfallRow& row : roster.shortfalls) {
            if (std::find(g.roles.begin(), g.roles.end(), row.role) == g.roles.end()) continue;
            const auto wk = static_cast<std::size_t>((row.day + w.start_weekday) / 7);
            if (wk >= missing.size()) continue;
            missing[wk] += (row.required - row.rostered) * (row.end - row.start).hours();
            centres.insert(row.centre);
        }
        std::size_t worst = 0;
        for (std::size_t k = 0; k < missing.size(); ++k)
            if (missing[k] > missing[worst]) worst = k;
        if (missing.empty() || missing[worst] <= 0) continue;
        double n = 0;
        for (const int r : g.roles) n += need[worst][static_cast<std::size_t>(r)];
        g.needed_hours = n;
        g.filled_hours = n - missing[worst];
        g.centres.assign(centres.begin(), centres.end());
        out.push_back(std::move(g));
    }
    // a group whose missing hours are all a smaller group's (médecins inside "carers") is said
    // once, by the smaller group
    std::vector<PoolLimit> minimal;
    for (const PoolLimit& l : out) {
        bool covered = false;
        for (const PoolLimit& m : out)
            covered = covered ||
                      (m.professions.size() < l.professions.size() &&
                       std::includes(l.professions.begin(), l.professions.end(),
                                     m.professions.begin(), m.professions.end()) &&
                       l.needed_hours - l.filled_hours <= m.needed_hours - m.filled_hours + 1e-9);
        if (!covered) minimal.push_back(l);
    }
    return minimal;
}

} // namespace

double plan_hours(const World& w, const Plan& plan) {
    double h = 0;
    for (const Centre& c : plan.centres)
        for (const Shift& sh : c.shifts) {
            double people = 0;
            for (const int n : sh.staff) people += n;
            h += people * shift_days(w, c, sh) * (sh.end - sh.start).hours();
        }
    for (const MobileTeam& t : plan.mobile_teams) {
        double people = 0;
        for (const int n : t.staff) people += n;
        for (int d = 0; d < w.days; ++d) {
            const int wd = (d + w.start_weekday) % 7;
            if (d < t.first_day || d > t.last_day || !((t.weekdays >> wd) & 1)) continue;
            h += people * (t.end - t.start).hours();
        }
    }
    return h;
}

std::string EvaluationCache::key(const Plan& plan, std::uint64_t seed) {
    std::string k = std::to_string(seed);
    const auto num = [&k](long long v) {
        k += ',';
        k += std::to_string(v);
    };
    for (const Centre& c : plan.centres) {
        k += '|';
        num(c.weekdays);
        num(c.first_day);
        num(c.last_day);
        num(c.opens.seconds());
        num(c.closes.seconds());
        for (const Shift& sh : c.shifts) {
            k += ';';
            num(sh.weekdays);
            num(sh.first_day);
            num(sh.last_day);
            num(sh.start.seconds());
            num(sh.end.seconds());
            for (const int n : sh.staff) num(n);
            k += '/';
            for (const int n : sh.station_staff) num(n);
        }
    }
    for (const MobileTeam& t : plan.mobile_teams) {
        k += '#';
        for (const int n : t.staff) num(n);
    }
    // the replacement list (riposte size may switch it on)
    k += plan.replacement.enabled ? "!R" : "!-";
    num(std::llround(plan.replacement.call_minutes * 60));
    return k;
}

const TaskResult* EvaluationCache::find(const std::string& key, int replication) const {
    const auto it = tasks_.find(key);
    if (it == tasks_.end() || replication < 0 ||
        static_cast<std::size_t>(replication) >= it->second.size() ||
        !it->second[static_cast<std::size_t>(replication)])
        return nullptr;
    return &*it->second[static_cast<std::size_t>(replication)];
}

void EvaluationCache::put(const std::string& key, const TaskResult& task) {
    if (task.record.replication < 0 || !task.evidence) return;
    auto& v = tasks_[key];
    const auto r = static_cast<std::size_t>(task.record.replication);
    if (v.size() <= r) v.resize(r + 1);
    if (!v[r]) v[r] = task;
}

std::vector<Evaluation> evaluate_plans(const Scenario& base, const std::vector<Plan>& plans,
                                       const EvaluationOptions& options,
                                       const std::map<int, double>& rate_by_profession) {
    // Every (plan, replication) is a task of the sweep runner: on the threads of this process,
    // or spread over the ranks of an MPI job (every rank gets the gathered tasks back, so that
    // the search, run alike on every rank, takes the same next step everywhere). A task keeps
    // only what the target rules and the sums below read of its run (RunEvidence).
    std::vector<SweepVariant> variants;
    variants.reserve(plans.size());
    for (const Plan& plan : plans) {
        auto sc = std::make_shared<Scenario>();
        sc->world = base.world;
        sc->plan = plan;
        variants.push_back({std::string(), std::move(sc), nullptr});
    }
    SweepOptions so;
    so.replications = std::max(0, options.replications);
    so.seed = options.seed;
    so.threads = std::max(1, options.threads);
    so.cancel = options.interrupt ? options.interrupt : options.cancel;
    so.mpi = options.mpi;
    so.share = true;
    so.evidence = true;
    // the replications judged, in order
    std::vector<int> wanted = options.replication_list;
    if (wanted.empty())
        for (int r = 0; r < so.replications; ++r) wanted.push_back(r);
    else
        so.replication_subset = wanted;
    // replications already run (the same on every rank: every rank gets every task back)
    std::vector<std::string> keys;
    if (options.cache) {
        for (std::size_t pv = 0; pv < plans.size(); ++pv) {
            keys.push_back(EvaluationCache::key(plans[pv], options.seed));
            for (const int r : wanted)
                if (const TaskResult* t = options.cache->find(keys.back(), r)) {
                    so.finished.push_back(*t);
                    so.finished.back().variant = static_cast<int>(pv);
                }
        }
    }
    const SweepOutcome run = plans.empty() ? SweepOutcome{} : run_sweep(variants, so);
    if (options.cache) {
        options.cache->count(run.ran, static_cast<long long>(so.finished.size()));
        if (run.complete)
            for (const TaskResult& t : run.tasks)
                options.cache->put(keys[static_cast<std::size_t>(t.variant)], t);
    }
    // under MPI an interrupt on any rank shows as an incomplete outcome, the same on every rank
    if (!run.complete && !plans.empty() && options.cancel) options.cancel->store(true);
    std::vector<Evaluation> out;
    out.reserve(plans.size());
    std::size_t next_task = 0;
    for (std::size_t pv = 0; pv < plans.size(); ++pv) {
        const Plan& plan = plans[pv];
        const Scenario& sc = *variants[pv].scenario;
        Evaluation e;
        const std::size_t nc = plan.centres.size();
        e.centre_excess.assign(nc, 0.0);
        e.centre_worst_p90.assign(nc, 0.0);
        e.centre_failed_reps.assign(nc, 0);
        e.station_use.resize(nc);
        e.station_wait.resize(nc);
        e.station_fail_wait.resize(nc);
        for (std::size_t c = 0; c < nc; ++c) {
            e.station_use[c].assign(plan.centres[c].stations.size(), 0.0);
            e.station_wait[c].assign(plan.centres[c].stations.size(), 0.0);
            e.station_fail_wait[c].assign(plan.centres[c].stations.size(), 0.0);
        }
        e.hours = plan_hours(sc.world, plan);
        double wait_threshold = std::numeric_limits<double>::infinity();
        for (const Target& t : plan.targets)
            if (t.kind == TargetKind::WaitP90)
                wait_threshold = std::min(wait_threshold, t.threshold);
        std::vector<RunningStats> other(plan.targets.size());
        TargetValidator validator(sc);
        int reps = 0, held_reps = 0;
        const auto consume = [&](const Results& r) {
            validator.add(r);
            if (reps == 0)
                for (const ProfessionRow& pr : r.professions) {
                    const auto it = rate_by_profession.find(pr.profession);
                    e.eur +=
                        pr.rostered_hours *
                        (it != rate_by_profession.end() ? it->second : sc.world.hourly_cost_eur);
                }
            for (const ProfessionRow& pr : r.professions) {
                if (pr.replacement_hours == 0.0) continue;
                const auto it = rate_by_profession.find(pr.profession);
                e.replacement_hours += pr.replacement_hours;
                e.replacement_eur +=
                    pr.replacement_hours *
                    (it != rate_by_profession.end() ? it->second : sc.world.hourly_cost_eur);
            }
            ++reps;
            std::vector<double> worst(nc, 0.0);
            std::vector<char> failed(nc, 0);
            std::set<std::pair<int, int>> failed_days; // (centre, day)
            bool held = true;
            for (const CentreDayRow& row : r.centre_days) {
                if (row.served == 0 || static_cast<std::size_t>(row.centre) >= nc) continue;
                const auto c = static_cast<std::size_t>(row.centre);
                worst[c] = std::max(worst[c], row.wait_p90_min);
                if (row.wait_p90_min > wait_threshold) {
                    e.centre_excess[c] += row.wait_p90_min - wait_threshold;
                    failed[c] = 1;
                    failed_days.insert({row.centre, row.day});
                    held = false;
                }
            }
            if (held) ++held_reps;
            for (std::size_t c = 0; c < nc; ++c) e.centre_failed_reps[c] += failed[c];
            if (!failed_days.empty())
                for (const StationDayRow& s : r.station_days)
                    if (static_cast<std::size_t>(s.centre) < nc &&
                        static_cast<std::size_t>(s.station) <
                            e.station_fail_wait[static_cast<std::size_t>(s.centre)].size() &&
                        failed_days.count({s.centre, s.day}))
                        e.station_fail_wait[static_cast<std::size_t>(s.centre)]
                                           [static_cast<std::size_t>(s.station)] += s.wait_p90_min;
            for (std::size_t c = 0; c < nc; ++c) e.centre_worst_p90[c] += worst[c];
            for (const StationDayRow& s : r.station_days)
                if (static_cast<std::size_t>(s.centre) < nc &&
                    static_cast<std::size_t>(s.station) <
                        e.station_wait[static_cast<std::size_t>(s.centre)].size())
                    e.station_wait[static_cast<std::size_t>(s.centre)]
                                  [static_cast<std::size_t>(s.station)] += s.wait_p90_min;
            for (const StationRunRow& s : r.stations)
                if (static_cast<std::size_t>(s.centre) < nc &&
                    static_cast<std::size_t>(s.station) <
                        e.station_use[static_cast<std::size_t>(s.centre)].size())
                    e.station_use[static_cast<std::size_t>(s.centre)]
                                 [static_cast<std::size_t>(s.station)] += s.utilisation;
            for (std::size_t i = 0; i < plan.targets.size(); ++i) {
                const Target& t = plan.targets[i];
                if (t.kind == TargetKind::Coverage) {
                    const int day =
                        t.by_day >= 0 ? std::min(t.by_day, sc.world.days - 1) : sc.world.days - 1;
                    std::int64_t got = 0, pop = 0;
                    for (const auto& row : r.coverage)
                        if (row.day == day && (t.group < 0 || row.group == t.group)) {
                            got += t.complete_schedule ? row.complete : row.first_dose;
                            pop += row.population;
                        }
                    other[i].add(pop > 0
                                     ? 100.0 * static_cast<double>(got) / static_cast<double>(pop)
                                     : 0.0);
                } else if (t.kind == TargetKind::WastedDoses) {
                    const double opened =
                        static_cast<double>(r.totals.doses_used + r.totals.doses_wasted);
                    other[i].add(opened > 0
                                     ? 100.0 * static_cast<double>(r.totals.doses_wasted) / opened
                                     : 0.0);
                } else if (t.kind == TargetKind::UnmetDemand) {
                    other[i].add(static_cast<double>(r.totals.unmet));
                }
            }
        };
        // the replications in order, as stream_replications() would hand them over: the
        // validator's "first replication" details and every sum come out the same
        for (; next_task < run.tasks.size() && run.tasks[next_task].variant == static_cast<int>(pv);
             ++next_task) {
            const TaskResult& t = run.tasks[next_task];
            if (static_cast<std::size_t>(reps) >= wanted.size() ||
                t.record.replication != wanted[static_cast<std::size_t>(reps)] || !t.evidence)
                break;
            consume(results_of(*t.evidence, t.record.seed, t.record.replication));
        }
        while (next_task < run.tasks.size() && run.tasks[next_task].variant == static_cast<int>(pv))
            ++next_task;
        e.complete = run.complete && static_cast<std::size_t>(reps) == wanted.size();
        const double n = std::max(1, reps);
        e.wait_held = reps > 0 ? held_reps / n : 1.0;
        if (e.replacement_hours != 0.0) { // the replacements' hours are paid too
            e.replacement_hours /= n;
            e.replacement_eur /= n;
            e.hours += e.replacement_hours;
            e.eur += e.replacement_eur;
        }
        double excess = 0;
        for (std::size_t c = 0; c < nc; ++c) {
            e.centre_excess[c] /= n;
            e.centre_worst_p90[c] /= n;
            for (double& u : e.station_use[c]) u /= n;
            for (double& u : e.station_wait[c]) u /= n;
            for (double& u : e.station_fail_wait[c]) u /= n;
            excess += e.centre_excess[c];
        }
        for (std::size_t i = 0; i < plan.targets.size(); ++i) {
            const Target& t = plan.targets[i];
            if (other[i].count() == 0) continue;
            if (t.kind == TargetKind::Coverage)
                excess += 100 * std::max(0.0, t.threshold - other[i].mean()); // points of %
            else if (t.kind == TargetKind::WastedDoses)
                excess += 100 * std::max(0.0, other[i].mean() - t.threshold);
            else if (t.kind == TargetKind::UnmetDemand)
                excess += std::max(0.0, other[i].mean() - t.threshold);
        }
        e.excess = excess;
        e.report = validator.report();
        e.report.replications = reps;
        e.report.partial = !e.complete;
        for (const RuleVerdict& v : e.report.rules)
            if (is_staffing_rule(v.id) && !v.pass)
                e.staffing_failures += std::max(1, v.where_total);
        out.push_back(std::move(e));
    }
    return out;
}

SizingResult size_plan(const Scenario& scenario, const SizingOptions& options) {
    SizingResult res;
    Search search(scenario, options);
    const int search_reps = std::max(1, options.search_replications);
    const int confirm_reps = std::max(search_reps, options.confirm_replications);
    Plan plan = options.start ? *options.start : scenario.plan;
    search.count_in(&res.search_phase);
    res.initial = options.initial ? *options.initial : search.judge(scenario.plan, search_reps);
    Evaluation e = options.start ? search.judge(plan, search_reps) : res.initial;
    int added = search.fill_gaps(plan);
    if (added > 0) e = search.judge(plan, search_reps);

    bool within_pool = search.add_phase(plan, e, search_reps, added, options.max_steps);
    if (within_pool && e.pass()) search.removal_phase(plan, e, search_reps, res.removed);
    search.count_in(&res.confirm_phase);
    Evaluation confirm = search.judge(plan, confirm_reps);
    for (int round = 0; round < 3 && within_pool && !confirm.pass() && !search.cancelled();
         ++round) {
        // the search's replications were too few to see a failure: go on with the confirming
        // run's replications
        e = confirm;
        within_pool = search.add_phase(plan, e, confirm_reps, added, options.max_steps);
        confirm = e.report.replications == confirm_reps ? e : search.judge(plan, confirm_reps);
    }
    res.added = added;
    res.plan = plan;
    res.confirmation = confirm;
    res.pass = confirm.pass();
    res.cancelled = search.cancelled();

    std::optional<Plan> staffable_larger; // the larger pool's plan, staffed by the real pool
    if (!res.pass && !res.cancelled) {
        for (const RuleVerdict& v : confirm.report.rules)
            if (v.id == "staffing.qualified" && !v.pass) {
                res.shortfalls = v.where_phrases;
                res.shortfalls_en = v.where;
            }
        // what the targets would need of a pool twenty times as large
        Scenario larger = scenario;
        for (PoolEntry& p : larger.world.pool) p.count *= 20;
        SizingOptions lo = options;
        lo.progress = nullptr;
        Search wide(larger, lo);
        wide.count_in(&res.larger_phase);
        search.count_in(&res.larger_phase);
        Plan lp = plan;
        Evaluation le = wide.judge(lp, search_reps);
        int ladded = 0;
        wide.add_phase(lp, le, search_reps, ladded, options.max_steps);
        if (le.pass()) {
            int lremoved = 0;
            wide.removal_phase(lp, le, search_reps, lremoved);
            // judged on the confirming replications with the larger pool, and the search goes
            // on from there as with the real pool: a plan that passes on the search's few
            // replications only sits at the edge of the targets, and what it asks of the pool
            // (the limit named, the recruits' plan) would be too little; kept as found when
            // three rounds do not pass
            const Plan searched = lp;
            const int searched_added = ladded;
            Evaluation lc = wide.judge(lp, confirm_reps);
            for (int round = 0; round < 3 && !lc.pass() && !search.cancelled(); ++round) {
                Evaluation more = lc;
                wide.add_phase(lp, more, confirm_reps, ladded, options.max_steps);
                lc = more.report.replications == confirm_reps ? more : wide.judge(lp, confirm_reps);
            }
            if (lc.pass())
                res.larger_plan = lp;
            else {
                lp = searched;
                ladded = searched_added;
            }
            // The search with the real pool can stop short of a plan the real pool can staff
            // (no single move gains more than the noise): the larger pool's plan is judged
            // with the real pool on the confirming replications, and kept when it passes.
            if (!search.cancelled()) {
                const Evaluation real = search.judge(lp, confirm_reps);
                if (!real.pass() && real.staffing_failures == 0) {
                    for (const RuleVerdict& v : real.report.rules)
                        if (!v.pass) res.larger_plan_fails.push_back(v.id);
                    res.larger_plan_cost = search.cost(real);
                    staffable_larger = lp;
                }
                if (real.pass()) {
                    plan = lp;
                    confirm = real;
                    res.plan = lp;
                    res.confirmation = real;
                    res.pass = true;
                    res.added = added + ladded;
                    res.shortfalls.clear();
                    res.shortfalls_en.clear();
                }
            }
        }
        if (res.pass) {
            // a plan within the pool passes: nothing to recruit
        } else if (!le.pass()) {
            for (const RuleVerdict& v : le.report.rules)
                if (!v.pass && !v.structural) res.unreachable.push_back(v.id);
        }
        // what a passing plan asks (the larger pool's), or, when even that fails on targets
        // staff cannot meet, what the plan found asks
        if (!res.pass) res.limits = pool_limits(scenario.world, le.pass() ? lp : plan);
        if (!res.pass && res.limits.empty() && le.pass())
            // the hours are there in total: what the roster of the passing plan cannot place
            res.limits = roster_limits(scenario.world, lp);
        if (!res.pass && res.limits.empty() && le.pass()) {
            // the hours are there, not where or when the plan that passes needs them
            Scenario need = scenario;
            need.plan = lp;
            for (const RuleVerdict& v : validate_structure(need).rules)
                if (v.id == "staffing.qualified" && !v.pass) {
                    res.shortfalls = v.where_phrases;
                    res.shortfalls_en = v.where;
                }
        }
        res.evaluations += wide.evaluations();
    }
    // The pool staffs the rota but not its absences: the plan with the replacement list on
    // (an absent person replaced from the pool within reach and hours), the plan found and
    // the larger pool's plan the real pool staffs, the cheapest that passes its confirmation;
    // then a removal pass with the list on, kept when it still passes the confirmation.
    if (!res.pass && !res.cancelled && !scenario.plan.replacement.enabled && !search.cancelled() &&
        confirm.staffing_failures == 0) {
        search.count_in(&res.confirm_phase);
        std::vector<Plan> listed{plan};
        if (staffable_larger) listed.push_back(*staffable_larger);
        for (Plan& p : listed) p.replacement.enabled = true;
        const std::vector<Evaluation> with = search.judge(listed, confirm_reps);
        int best = -1;
        for (std::size_t k = 0; k < with.size(); ++k)
            if (with[k].pass() &&
                (best < 0 ||
                 search.cost(with[k]) < search.cost(with[static_cast<std::size_t>(best)])))
                best = static_cast<int>(k);
        if (best < 0 && !with.empty() && with.front().complete) {
            res.replacement_tried = true;
            res.with_replacement = with.front();
        }
        if (best >= 0 && !search.cancelled()) {
            Plan found = listed[static_cast<std::size_t>(best)];
            Evaluation found_e = with[static_cast<std::size_t>(best)];
            Plan trimmed = found;
            Evaluation te = search.judge(trimmed, search_reps);
            int removed = 0;
            if (te.pass()) search.removal_phase(trimmed, te, search_reps, removed);
            if (removed > 0 && !search.cancelled()) {
                const Evaluation tc = search.judge(trimmed, confirm_reps);
                if (tc.pass() && search.cost(tc) < search.cost(found_e)) {
                    found = trimmed;
                    found_e = tc;
                    res.removed += removed;
                }
            }
            if (!search.cancelled()) {
                res.without_replacement = confirm;
                res.replacement_added = true;
                plan = found;
                confirm = found_e;
                res.plan = found;
                res.confirmation = found_e;
                res.pass = true;
                res.limits.clear();
                res.shortfalls.clear();
                res.shortfalls_en.clear();
                res.unreachable.clear();
                res.larger_plan_fails.clear();
                res.larger_plan_cost = -1;
            }
        }
    }
    res.cancelled = search.cancelled();
    res.evaluations += search.evaluations();

    // what changed, centre by centre: opening hours and days, then role by role
    for (std::size_t c = 0; c < plan.centres.size(); ++c) {
        const Centre& was = scenario.plan.centres[c];
        const Centre& now = plan.centres[c];
        if (was.opens == now.opens && was.closes == now.closes && was.weekdays == now.weekdays)
            continue;
        HoursChange ch;
        ch.centre = static_cast<int>(c);
        ch.opens_before = was.opens;
        ch.closes_before = was.closes;
        ch.days_before = was.weekdays;
        ch.opens_after = now.opens;
        ch.closes_after = now.closes;
        ch.days_after = now.weekdays;
        ch.p90_before = res.initial.centre_worst_p90[c];
        ch.p90_after = confirm.centre_worst_p90[c];
        res.hours_changes.push_back(ch);
    }
    for (std::size_t c = 0; c < plan.centres.size(); ++c) {
        const Centre& centre = plan.centres[c];
        for (int r = 0; r < static_cast<int>(scenario.world.roles.size()); ++r) {
            std::vector<StaffChange> per_shift;
            for (std::size_t s = 0; s < centre.shifts.size(); ++s) {
                const int from =
                    staff_of(scenario.plan, static_cast<int>(c), static_cast<int>(s), r);
                const int to = staff_of(plan, static_cast<int>(c), static_cast<int>(s), r);
                if (from == to) continue;
                StaffChange ch;
                ch.centre = static_cast<int>(c);
                ch.shifts = {static_cast<int>(s)};
                ch.role = r;
                ch.from = from;
                ch.to = to;
                ch.p90_before = res.initial.centre_worst_p90[c];
                ch.p90_after = confirm.centre_worst_p90[c];
                for (std::size_t k = 0; k < centre.stations.size(); ++k)
                    if (centre.stations[k].role == RoleId{r}) {
                        ch.use_before = std::max(ch.use_before, res.initial.station_use[c][k]);
                        ch.use_after = std::max(ch.use_after, confirm.station_use[c][k]);
                    }
                per_shift.push_back(ch);
            }
            // the same change on every shift is said once
            const bool alike =
                per_shift.size() == centre.shifts.size() && per_shift.size() > 1 &&
                std::all_of(per_shift.begin(), per_shift.end(), [&](const StaffChange& x) {
                    return x.from == per_shift.front().from && x.to == per_shift.front().to;
                });
            if (alike) {
                StaffChange ch = per_shift.front();
                ch.shifts.clear();
                for (const StaffChange& x : per_shift) ch.shifts.push_back(x.shifts.front());
                res.changes.push_back(ch);
            } else {
                res.changes.insert(res.changes.end(), per_shift.begin(), per_shift.end());
            }
        }
    }
    return res;
}

namespace {

/// The share of replications the wait target held in for the plan a search found, on its
/// confirming replications (0 while a structural rule fails: it fails in every replication).
/// The same measure from one search to the next (the replacement list tried on a plan that
/// fails is not counted: it is not the plan found).
double held_share(const SizingResult& r) {
    const Evaluation& e = r.confirmation;
    if (!e.complete) return 0.0;
    for (const RuleVerdict& v : e.report.rules)
        if (v.structural && !v.pass) return 0.0;
    return e.wait_held;
}

/// The evaluation whose failures by centre say where to recruit: the best one confirmed.
const Evaluation& failures_of(const SizingResult& r) {
    return r.replacement_tried && r.with_replacement.complete &&
                   r.with_replacement.wait_held > r.confirmation.wait_held
               ? r.with_replacement
               : r.confirmation;
}

/// The first profession the scope allows for `role` (its order of preference), unsupervised,
/// inside `group` when it is not empty; a profession the pool has people of first. -1: none.
int scope_profession(const World& w, int role, const std::vector<int>& group) {
    if (role < 0 || static_cast<std::size_t>(role) >= w.scope.allowed.size()) return -1;
    int first = -1;
    for (const ScopeEntry& a : w.scope.allowed[RoleId{role}]) {
        const int p = a.profession.value();
        if (a.supervised) continue;
        if (!group.empty() && std::find(group.begin(), group.end(), p) == group.end()) continue;
        if (first < 0) first = p;
        for (const PoolEntry& e : w.pool)
            if (!e.on_call && e.profession.value() == p) return p;
    }
    return first;
}

/// Hours over the run centre `c` of `plan` asks of `roles`.
double centre_role_hours(const World& w, const Centre& c, const std::vector<int>& roles) {
    double h = 0;
    for (const Shift& sh : c.shifts)
        for (const int r : roles)
            if (static_cast<std::size_t>(r) < sh.staff.size())
                h += sh.staff[RoleId{r}] * shift_days(w, c, sh) * (sh.end - sh.start).hours();
    return h;
}

/// A recruit for `role` at `centre` of `plan`: the scope's first profession for the role (in
/// `group` when not empty), living in the centre's commune, working every day it opens, with
/// the most hours a week of any line of that profession in `original`'s pool (or
/// ro.weekly_hours) and the commute most of its people have; only on `days` when the centre
/// opens on one of them.
std::optional<Recruit> make_recruit(const World& w, const World& original, const Plan& plan,
                                    int centre, int role, const std::vector<int>& group,
                                    const RecruitOptions& ro, WeekdayMask days = all_weekdays) {
    const int profession = scope_profession(w, role, group);
    if (profession < 0) return std::nullopt;
    Recruit out;
    out.centre = centre;
    out.role = role;
    PoolEntry& p = out.entry;
    p.profession = ProfessionId{profession};
    p.home_commune = plan.centres[static_cast<std::size_t>(centre)].commune;
    p.count = 1;
    // the label is part of each person's random keys (expand_pool): the recruits written to
    // the CSV must carry the one they were simulated with, whatever the language
    p.label = std::string(recruit_label);
    const WeekdayMask open = plan.centres[static_cast<std::size_t>(centre)].weekdays & all_weekdays;
    p.weekdays = static_cast<WeekdayMask>((open & days) != 0 ? open & days : open);
    // the most hours a week of any line of the profession in the world's own pool, and the
    // commute most of its people have (the longest on a tie)
    double most_hours = 0, any_hours = 0;
    std::map<double, int> commutes;
    for (const PoolEntry& e : original.pool) {
        if (e.on_call) continue;
        any_hours = std::max(any_hours, e.weekly_hours);
        if (e.profession.value() != profession) continue;
        most_hours = std::max(most_hours, e.weekly_hours);
        commutes[e.max_commute_minutes] += e.count;
    }
    p.weekly_hours = ro.weekly_hours > 0 ? ro.weekly_hours
                     : most_hours > 0    ? most_hours
                                         : any_hours;
    if (ro.weekly_hours <= 0) {
        // no more than the centre opens on the recruit's days
        const Centre& cc = plan.centres[static_cast<std::size_t>(centre)];
        double open_hours = 0;
        for (int d = 0; d < 7; ++d)
            if ((p.weekdays >> d) & 1) open_hours += (cc.closes - cc.opens).hours();
        if (open_hours > 0) p.weekly_hours = std::min(p.weekly_hours, open_hours);
    }
    int people = 0;
    for (const auto& [minutes, n] : commutes)
        if (n >= people) {
            people = n;
            p.max_commute_minutes = minutes;
        }
    return out;
}

/// The next person to recruit after search `r` (against `w`, the world with the recruits so
/// far), or nothing when what limits the plan names nobody. (centre, role) pairs in `tried`
/// (a recruit there did not help) are passed over for the next in order.
std::optional<Recruit> next_recruit(const World& w, const World& original, const SizingResult& r,
                                    const RecruitOptions& ro,
                                    const std::set<std::pair<int, int>>& tried) {
    const Plan& plan = r.plan;
    const std::size_t nc = plan.centres.size();
    int centre = -1, role = -1;
    std::vector<int> group;
    const Evaluation& judged = failures_of(r);
    const bool waits_fail =
        std::any_of(judged.centre_failed_reps.begin(), judged.centre_failed_reps.end(),
                    [](int n) { return n > 0; });
    std::vector<PoolLimit> limits = r.limits;
    if (limits.empty() && !waits_fail && judged.staffing_failures > 0) {
        // the plan found is short of staff (the search with the recruits judged its larger
        // pool's plan staffable): what its own roster leaves unfilled, or its pool's hours
        limits = roster_limits(w, plan);
        if (limits.empty()) limits = pool_limits(w, plan);
    }
    if (!limits.empty()) {
        // the pool's hours of a group of professions fall short (in total, or where and when
        // the roster can place them): that group, at the centre it leaves short (the one that
        // asks most hours of its roles), the first of its roles the centre has a station for
        const PoolLimit& l = limits.front();
        group = l.professions;
        std::vector<int> candidates = l.centres;
        if (candidates.empty())
            for (std::size_t c = 0; c < nc; ++c) candidates.push_back(static_cast<int>(c));
        std::vector<std::pair<double, int>> order; // (hours asked, centre)
        for (const int c : candidates)
            order.push_back(
                {centre_role_hours(w, plan.centres[static_cast<std::size_t>(c)], l.roles), c});
        std::stable_sort(order.begin(), order.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& [h, c] : order) {
            const Centre& cc = plan.centres[static_cast<std::size_t>(c)];
            int rc = -1;
            for (const int rl : l.roles)
                if (rc < 0 && std::any_of(cc.stations.begin(), cc.stations.end(),
                                          [&](const Station& st) { return st.role == RoleId{rl}; }))
                    rc = rl;
            if (rc < 0 && !l.roles.empty()) rc = l.roles.front();
            if (rc >= 0 && !tried.count({c, rc})) {
                centre = c;
                role = rc;
                break;
            }
        }
    } else {
        // the wait target fails: the centres by the confirming replications they fail it in
        // (the most minutes above it on a tie); at the first, the role of its station where
        // people wait most on the days that fail (then over all days, then the busiest)
        const Evaluation& e = judged;
        std::vector<int> centres;
        for (std::size_t c = 0; c < nc && c < e.centre_failed_reps.size(); ++c)
            if (e.centre_failed_reps[c] > 0) centres.push_back(static_cast<int>(c));
        std::stable_sort(centres.begin(), centres.end(), [&](int a, int b) {
            const auto x = static_cast<std::size_t>(a), y = static_cast<std::size_t>(b);
            return e.centre_failed_reps[x] != e.centre_failed_reps[y]
                       ? e.centre_failed_reps[x] > e.centre_failed_reps[y]
                       : e.centre_excess[x] > e.centre_excess[y];
        });
        for (const int ci : centres) {
            const auto c = static_cast<std::size_t>(ci);
            const Centre& cc = plan.centres[c];
            double fail_wait = -1, wait = -1, use = -1;
            int rc = -1;
            for (std::size_t k = 0; k < cc.stations.size(); ++k) {
                const int rl = cc.stations[k].role.value();
                if (rl < 0 || tried.count({ci, rl})) continue;
                const double fk =
                    k < e.station_fail_wait[c].size() ? e.station_fail_wait[c][k] : 0.0;
                const double wk = k < e.station_wait[c].size() ? e.station_wait[c][k] : 0.0;
                const double uk = k < e.station_use[c].size() ? e.station_use[c][k] : 0.0;
                if (fk > fail_wait ||
                    (fk == fail_wait && (wk > wait || (wk == wait && uk > use)))) {
                    fail_wait = fk;
                    wait = wk;
                    use = uk;
                    rc = rl;
                }
            }
            if (rc >= 0) {
                centre = ci;
                role = rc;
                break;
            }
        }
    }
    if (centre < 0 || role < 0) return std::nullopt;
    return make_recruit(w, original, plan, centre, role, group, ro);
}

/// A recruit like the previous one raises that line's count.
bool same_line(const PoolEntry& last, const PoolEntry& n) {
    return last.profession == n.profession && last.home_commune == n.home_commune &&
           last.weekly_hours == n.weekly_hours && last.weekdays == n.weekdays &&
           last.max_commute_minutes == n.max_commute_minutes;
}

/// What staffing the larger pool's plan found: the recruits kept (pool lines, a count each),
/// every step tried (one per try, kept or not), and the world with the recruits.
struct Staffing {
    World world;
    std::vector<Recruit> staffed, steps;
};

/// Recruits, without simulating, for what the roster of `lp` (the plan that passes with a pool
/// twenty times larger) against `scenario`'s pool leaves unfilled: one person at a time for
/// the (centre, role) shortest of people by hours (then the other roles of that centre), every
/// day the centre opens, then only the weekdays it is short on; each kept only if the roster
/// then fills more. At most ro.max_recruits tries.
Staffing staff_larger_plan(const Scenario& scenario, const Plan& lp, const RecruitOptions& ro) {
    Staffing out;
    out.world = scenario.world;
    World& world = out.world;
    std::vector<Recruit>& staffed = out.staffed;
    // the roster's shortfalls of `lp` against `w`: people missing, and missing hours by
    // (centre, role), most first
    using ShortDays = std::map<std::pair<int, int>, WeekdayMask>; // weekdays each is short on
    const auto shortfalls = [&](const World& w, std::vector<std::pair<int, int>>* order,
                                ShortDays* short_days) {
        Scenario sc = scenario;
        sc.world = w;
        sc.plan = lp;
        int n = 0;
        std::map<std::pair<int, int>, double> hours;
        if (short_days) short_days->clear();
        for (const ShortfallRow& row : validation_roster(sc).shortfalls) {
            if (short_days)
                (*short_days)[{row.centre, row.role}] |=
                    static_cast<WeekdayMask>(1u << ((row.day + w.start_weekday) % 7));
            n += row.required - row.rostered;
            hours[{row.centre, row.role}] +=
                (row.required - row.rostered) * (row.end - row.start).hours();
        }
        if (order) {
            std::vector<std::pair<double, std::pair<int, int>>> by;
            for (const auto& [at, h] : hours) by.push_back({h, at});
            std::stable_sort(by.begin(), by.end(),
                             [](const auto& a, const auto& b) { return a.first > b.first; });
            order->clear();
            for (const auto& [h, at] : by) order->push_back(at);
            // then the other roles of those centres' stations: a person for one of them
            // frees someone who can fill the role left short (a nurse at the injection
            // frees a médecin for the interview)
            for (const auto& [h, at] : by) {
                const auto c = static_cast<std::size_t>(at.first);
                if (c >= lp.centres.size()) continue;
                for (const Station& st : lp.centres[c].stations) {
                    const std::pair<int, int> other{at.first, st.role.value()};
                    if (st.role.value() >= 0 &&
                        std::find(order->begin(), order->end(), other) == order->end())
                        order->push_back(other);
                }
            }
        }
        return n;
    };
    std::vector<std::pair<int, int>> order;
    ShortDays short_days;
    int left = shortfalls(world, &order, &short_days);
    std::set<std::tuple<int, int, WeekdayMask>> stuck; // (centre, role, days) that filled nothing
    for (int k = 0; k < ro.max_recruits && left > 0; ++k) {
        // the (centre, role) left shortest of people, by hours; the scope's first
        // profession for it; every day the centre opens, then only the weekdays it is short
        // on (the roster fills a week from Monday: its last days are left short)
        std::optional<Recruit> next;
        WeekdayMask chosen = all_weekdays;
        for (const auto& [c, role] : order) {
            if (c < 0 || static_cast<std::size_t>(c) >= lp.centres.size()) continue;
            const auto open = static_cast<WeekdayMask>(
                lp.centres[static_cast<std::size_t>(c)].weekdays & all_weekdays);
            const auto at = short_days.find({c, role});
            const auto days_short = at != short_days.end() && (at->second & open) != 0
                                        ? static_cast<WeekdayMask>(at->second & open)
                                        : open;
            for (const WeekdayMask days : {open, days_short}) {
                if (stuck.count({c, role, days})) continue;
                next = make_recruit(world, scenario.world, lp, c, role, {}, ro, days);
                if (next) {
                    chosen = days;
                    break;
                }
            }
            if (next) break;
        }
        if (!next) break;
        World more = world;
        const PoolEntry& n = next->entry;
        const bool merged = !staffed.empty() && same_line(staffed.back().entry, n);
        if (merged)
            ++more.pool.back().count;
        else
            more.pool.push_back(n);
        std::vector<std::pair<int, int>> more_order;
        ShortDays more_days;
        const int now = shortfalls(more, &more_order, &more_days);
        Recruit step = *next;
        step.kept = now < left;
        step.staffs_larger = true;
        out.steps.push_back(step);
        if (!step.kept) {
            stuck.insert({next->centre, next->role, chosen});
            continue;
        }
        left = now;
        stuck.clear(); // the roster changed: a person who filled nothing may fill now
        order = std::move(more_order);
        short_days = std::move(more_days);
        world = std::move(more);
        if (merged)
            ++staffed.back().entry.count;
        else
            staffed.push_back(*next);
    }
    return out;
}

} // namespace

RecruitResult size_with_recruits(const Scenario& scenario, const SizingOptions& options,
                                 const SizingResult& within_pool, const RecruitOptions& ro) {
    RecruitResult rr;
    rr.world = scenario.world;
    rr.result = within_pool;
    rr.pass = within_pool.pass;
    rr.cancelled = within_pool.cancelled;
    rr.best_held = held_share(within_pool);
    if (rr.pass || rr.cancelled) return rr;
    Plan start = within_pool.plan;
    start.replacement = scenario.plan.replacement; // the list as given; the search may switch it on
    // where a search stands: the share of replications held, or, while a structural rule
    // fails, minus one minus the places it fails at (fewer is better)
    const auto progress = [](const SizingResult& r) {
        for (const RuleVerdict& v : r.confirmation.report.rules)
            if (v.structural && !v.pass)
                return -1.0 - static_cast<double>(r.confirmation.staffing_failures);
        return held_share(r);
    };
    double best = progress(within_pool);
    std::set<std::pair<int, int>> tried; // (centre, role) whose recruit did not help
    int k = 0;
    if (within_pool.larger_plan) {
        // When the pool cannot staff the plan that passes with a pool twenty times larger (on
        // the confirming replications): recruit for what its roster leaves unfilled, without
        // simulating (staff_larger_plan), then search once with them, from that plan.
        const Plan& lp = *within_pool.larger_plan;
        Staffing staffing = staff_larger_plan(scenario, lp, ro);
        World& world = staffing.world;
        std::vector<Recruit>& staffed = staffing.staffed;
        rr.steps = std::move(staffing.steps);
        k = static_cast<int>(rr.steps.size());
        if (!staffed.empty()) {
            Scenario sc = scenario;
            sc.world = world;
            SizingOptions o = options;
            Plan from = lp;
            from.replacement = scenario.plan.replacement;
            o.start = &from;
            o.initial = &within_pool.initial;
            SizingResult found = size_plan(sc, o);
            rr.evaluations += found.evaluations;
            const double held = held_share(found);
            for (Recruit& r : staffed) r.held = held;
            for (Recruit& r : rr.steps) r.held = held;
            if (found.cancelled) {
                rr.cancelled = true;
                rr.result = std::move(found);
                return rr;
            }
            if (found.pass || progress(found) > best) {
                best = progress(found);
                rr.world = std::move(world);
                rr.recruits = staffed;
                for (const Recruit& r : staffed) rr.people += r.entry.count;
                rr.best_held = std::max(rr.best_held, held);
                rr.result = std::move(found);
                rr.pass = rr.result.pass;
                start = rr.result.plan;
                start.replacement = scenario.plan.replacement;
            } else {
                // the search with them did not come closer: they are not recruited (and K, which
                // bounds the people recruited, is whole again for the search one at a time)
                for (Recruit& r : rr.steps) r.kept = false;
                k = 0;
            }
        }
    }
    for (; k < ro.max_recruits && !rr.pass; ++k) {
        const std::optional<Recruit> next =
            next_recruit(rr.world, scenario.world, rr.result, ro, tried);
        if (!next) {
            rr.no_candidate = true;
            break;
        }
        // the world with one person more (a person like the previous one raises that line's
        // count)
        World world = rr.world;
        const PoolEntry& n = next->entry;
        const bool merged = !rr.recruits.empty() && same_line(rr.recruits.back().entry, n);
        if (merged)
            ++world.pool.back().count;
        else
            world.pool.push_back(n);
        Scenario sc = scenario;
        sc.world = world;
        SizingOptions o = options;
        o.start = &start;
        o.initial = &within_pool.initial;
        SizingResult found = size_plan(sc, o);
        rr.evaluations += found.evaluations;
        Recruit step = *next;
        step.held = held_share(found);
        if (found.cancelled) {
            rr.cancelled = true;
            rr.result = std::move(found);
            break;
        }
        // a recruit who does not bring the plan closer is not kept: the next role (or centre)
        // in order is tried instead
        step.kept = found.pass || progress(found) > best;
        rr.steps.push_back(step);
        if (!step.kept) {
            tried.insert({next->centre, next->role});
            continue;
        }
        best = progress(found);
        rr.world = std::move(world);
        if (merged)
            ++rr.recruits.back().entry.count;
        else
            rr.recruits.push_back(*next);
        rr.recruits.back().held = step.held;
        rr.best_held = std::max(rr.best_held, step.held);
        ++rr.people;
        rr.result = std::move(found);
        if (rr.result.pass) {
            rr.pass = true;
            break;
        }
        start = rr.result.plan;
        start.replacement = scenario.plan.replacement;
    }
    // the last search started from the plan found before it: its counts are said against the
    // plan given (person-shifts more and fewer), its plans simulated with all the searches'
    int added = 0, removed = 0;
    for (std::size_t c = 0; c < scenario.plan.centres.size(); ++c)
        for (std::size_t sh = 0; sh < scenario.plan.centres[c].shifts.size(); ++sh)
            for (int r = 0; r < static_cast<int>(scenario.world.roles.size()); ++r) {
                const int d =
                    staff_of(rr.result.plan, static_cast<int>(c), static_cast<int>(sh), r) -
                    staff_of(scenario.plan, static_cast<int>(c), static_cast<int>(sh), r);
                (d > 0 ? added : removed) += std::abs(d);
            }
    if (rr.pass && !rr.cancelled) {
        Scenario sc = scenario;
        sc.world = rr.world;
        SizingOptions o = options;
        o.seed = options.seed + 1;
        o.progress = nullptr;
        Search other(sc, o);
        rr.independent_seed = o.seed;
        rr.independent = other.judge(
            rr.result.plan, std::max(options.search_replications, options.confirm_replications));
    }
    if (!rr.recruits.empty()) {
        rr.result.added = added;
        rr.result.removed = removed;
        rr.result.evaluations = within_pool.evaluations + rr.evaluations;
    }
    return rr;
}

namespace {

/// A CSV cell, quoted when it holds a comma, a quote or a line break.
std::string csv_cell(std::string_view v) {
    if (v.find_first_of(",\"\n") == std::string_view::npos) return std::string(v);
    std::string out = "\"";
    for (const char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

/// Hours or minutes as a pool file writes them (no trailing zeros).
std::string plain_number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

} // namespace

std::string recruits_csv(const World& world, const std::vector<Recruit>& recruits) {
    std::string csv = "profession,commune,count,weekly_hours,days,max_commute_minutes,label\n";
    for (const Recruit& r : recruits) {
        const PoolEntry& e = r.entry;
        csv += csv_cell(world.professions[e.profession]) + "," +
               csv_cell(world.territory.communes[static_cast<std::size_t>(e.home_commune)].insee) +
               "," + std::to_string(e.count) + "," + plain_number(e.weekly_hours) + "," +
               csv_cell(loader::weekdays_to_text(e.weekdays)) + "," +
               plain_number(e.max_commute_minutes) + "," + csv_cell(e.label) + "\n";
    }
    return csv;
}

} // namespace riposte
