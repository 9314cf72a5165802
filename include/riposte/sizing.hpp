#pragma once
// The staffing search (`riposte size`, docs/sizing.md): the least staffing, per centre, shift
// and role, such that every structural rule and every target rule of `validate` passes,
// within the pool. Simulation optimisation with common random numbers: greedy marginal
// allocation driven by the binding target, a removal pass, then a confirming run with more
// replications. When no plan within the pool can pass, the limiting resource is named.
#include "riposte/scenario.hpp"
#include "riposte/sweep.hpp"
#include "riposte/validation.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riposte {

enum class SizingCost { Hours, Euros };

/// Hourly rates in euros by profession identifier, used by `--cost eur` when the command line
/// gives none: the 2021 rates paid for an hour in a French vaccination centre (arrêtés of
/// 5 February and 27 March 2021; docs/sizing.md cites them). A profession not listed costs the
/// world's blended `[cost] hourly_eur`.
const std::map<std::string, double>& default_hourly_rates_eur();

/// Replications already run, by plan. Replication r of a plan is the same whatever call runs
/// it (its random streams belong to (seed, r): common random numbers), so evaluate_plans()
/// takes the tasks it finds here instead of running them again, and adds those it runs: a
/// candidate screened on 5 replications and then judged on 20 runs 15 more, a plan confirmed
/// on 100 after a search on 20 runs 80 more, and a plan judged again runs nothing. One cache
/// serves one world and one base plan: the key holds what the search changes (every shift's
/// times, days and staff, the centres' days and hours, the mobile teams' staff, the
/// replacement list) and the seed.
class EvaluationCache {
  public:
    static std::string key(const Plan& plan, std::uint64_t seed);
    /// The task of replication `replication` of the plan keyed `key`, or null.
    [[nodiscard]] const TaskResult* find(const std::string& key, int replication) const;
    void put(const std::string& key, const TaskResult& task);
    void count(long long ran, long long reused) {
        ran_ += ran;
        reused_ += reused;
    }
    [[nodiscard]] long long ran() const { return ran_; }       ///< tasks simulated
    [[nodiscard]] long long reused() const { return reused_; } ///< tasks taken from here

  private:
    std::map<std::string, std::vector<std::optional<TaskResult>>> tasks_;
    long long ran_ = 0, reused_ = 0;
};

/// How candidate plans are judged: `replications` replications from `seed` (the same seeds for
/// every candidate: common random numbers), on `threads` threads, or over the ranks of an MPI
/// job (`mpi`).
struct EvaluationOptions {
    int replications = 20;
    int threads = 1; ///< worker threads of this process (under MPI: of rank 0)
    std::uint64_t seed = 1;
    /// The runner stops when it is set (when `interrupt` is null), and it is set when an
    /// evaluation comes back incomplete.
    std::atomic<bool>* cancel = nullptr;
    /// When not null, the flag the runner watches instead of `cancel` (a Ctrl-C). Under MPI the
    /// search reads `cancel`, which only evaluations set from what every rank receives alike,
    /// never the signal itself: every rank then stops at the same step.
    std::atomic<bool>* interrupt = nullptr;
    /// Spread the tasks over the ranks of the MPI job (every rank must make the same calls).
    bool mpi = false;
    /// Replications already run (null: none kept). Under MPI every rank holds the same cache,
    /// since every rank gets every task back.
    EvaluationCache* cache = nullptr;
    /// When not empty, the replications judged (increasing, each below `replications`) instead
    /// of 0 to replications-1: the staffing search screens its moves on the replications where
    /// the current plan fails.
    std::vector<int> replication_list;
};

/// One candidate plan, judged.
struct Evaluation {
    ValidationReport report; ///< structural rules and targets, as `validate` gives them
    bool complete = true;    ///< every replication ran (false: cancelled)
    /// How far the targets are from passing, 0 when they all hold: for p90 waits the mean, over
    /// replications, of the minutes above the threshold summed over centre-days; for the other
    /// targets their shortfall from the threshold.
    double excess = 0;
    std::vector<double> centre_excess;    ///< the p90 part of `excess`, by centre
    std::vector<double> centre_worst_p90; ///< mean over replications of the worst day's p90
    /// Mean over replications of each station's utilisation (busy / staffed hours) or
    /// occupancy (areas), by centre then station.
    std::vector<std::vector<double>> station_use;
    /// Mean over replications of each station's p90 queue time summed over the days (min), by
    /// centre then station: where people wait.
    std::vector<std::vector<double>> station_wait;
    /// Share of the replications in which no centre-day's p90 wait is above the lowest p90
    /// wait target (1 without such a target): what the wait rule compares with its share.
    double wait_held = 1;
    /// By centre: the replications in which one of its days has its p90 wait above the lowest
    /// p90 wait target (where the plan fails most often; `riposte size --recruit`).
    std::vector<int> centre_failed_reps;
    /// By centre then station: the station's p90 queue time (min) summed over the centre's
    /// days above the lowest p90 wait target, mean over replications: where people wait on
    /// the days that fail (`riposte size --recruit` names that station's role).
    std::vector<std::vector<double>> station_fail_wait;
    /// Professional hours the plan asks over the run, plus, with the replacement list
    /// (Plan::replacement), the hours replacements worked (mean over replications)
    double hours = 0;
    double eur = 0; ///< those hours at the professions' rates
    /// Of `hours` and `eur`: the replacements' (0 when the plan has no replacement list)
    double replacement_hours = 0, replacement_eur = 0;
    /// Structural failures that staffing can cause (unstaffed stations, roster shortfalls, no
    /// médecin on site, weekly hours): a count of failing places.
    int staffing_failures = 0;
    [[nodiscard]] bool pass() const { return complete && report.all_pass(); }
};

/// Judges every plan of `plans` (each run against `base.world`) with the same seeds. This is
/// the one function through which the search runs simulations: every (plan, replication) is a
/// task of the sweep runner (run_sweep, sweep.hpp), on threads or over MPI ranks, and each task
/// keeps only its RunEvidence. Results come in the order of `plans`, the same whatever the
/// threads or ranks; under MPI every rank gets them.
std::vector<Evaluation> evaluate_plans(const Scenario& base, const std::vector<Plan>& plans,
                                       const EvaluationOptions& options,
                                       const std::map<int, double>& rate_by_profession = {});

/// Professional hours a plan asks over the run (people × shift hours on every day a shift
/// works and its centre is open; mobile teams included).
double plan_hours(const World& world, const Plan& plan);

/// One step of the search, as the progress callback sees it.
/// What a step of the search changes: the people of a role, or (SizingOptions::hours) a
/// centre's opening hours or days.
enum class SizingMoveKind {
    Staff,   ///< one person more (or fewer) of a role on some shifts
    Earlier, ///< the centre opens an hour earlier, with the shifts that started at its opening
    Later,   ///< the centre closes an hour later, with the shifts that ended at its closing
    Day,     ///< the centre opens one more weekday, worked by the nearest open day's shifts
};

struct SizingStep {
    bool added = true; ///< false: a removal kept
    SizingMoveKind kind = SizingMoveKind::Staff;
    int weekday = -1; ///< Day: the weekday opened (0 = Monday)
    int centre = 0;
    std::vector<int> shifts;
    int role = 0;
    int to = 0;           ///< people on those shifts after the step
    double excess = 0;    ///< Evaluation::excess after the step
    double cost = 0;      ///< cost after the step
    int replications = 0; ///< replications the step was judged on
};

struct SizingOptions {
    int search_replications = 20;   ///< per candidate during the search
    int confirm_replications = 100; ///< the confirming run
    int threads = 1;
    std::uint64_t seed = 1;
    SizingCost cost = SizingCost::Hours;
    std::map<std::string, double> rates_eur; ///< by profession id (missing: the defaults)
    int max_steps = 60;                      ///< additions at most (each adds one person)
    /// Also search the centres' opening hours and days (`riposte size --hours`): an hour
    /// earlier or later (the shifts at that end follow), or one more open weekday, each at its
    /// cost in professional hours, judged by the same gain-per-cost rule as a person more.
    bool hours = false;
    std::atomic<bool>* cancel = nullptr;
    std::atomic<bool>* interrupt = nullptr; ///< see EvaluationOptions::interrupt
    /// Evaluate the candidates over the ranks of the MPI job: every rank calls size_plan() with
    /// the same scenario and options, runs the same search and gets the same result.
    bool mpi = false;
    /// Called after each step kept (an addition, a removal).
    std::function<void(const SizingStep&)> progress;
    /// Warm start (size_with_recruits): when not null, the search starts from this plan (of
    /// the scenario's plan's centres and shifts) instead of the scenario's plan; the changes
    /// are still said against the scenario's plan.
    const Plan* start = nullptr;
    /// When not null, the scenario's plan already judged on the search's replications (taken
    /// as SizingResult::initial instead of judging it again).
    const Evaluation* initial = nullptr;
};

/// A change of staffing between the plan given and the plan found, with what it did.
struct StaffChange {
    int centre = 0;
    std::vector<int> shifts; ///< shifts of the centre changed alike (all of them, or one)
    int role = 0;
    int from = 0, to = 0;
    double p90_before = 0, p90_after = 0; ///< the centre's worst-day p90 wait (mean, min)
    double use_before = 0, use_after = 0; ///< utilisation of the role's stations (0..1)
};

/// A change of a centre's opening hours or days (SizingOptions::hours).
struct HoursChange {
    int centre = 0;
    SimTime opens_before, closes_before, opens_after, closes_after;
    WeekdayMask days_before = all_weekdays, days_after = all_weekdays;
    double p90_before = 0, p90_after = 0; ///< the centre's worst-day p90 wait (mean, min)
};

/// A resource of the pool that cannot give what the targets need.
struct PoolLimit {
    std::vector<int> professions; ///< the professions allowed for `roles`
    std::vector<int> roles;       ///< roles only these professions may fill
    double pool_hours = 0;        ///< hours a week the pool's people of those professions give
    double needed_hours = 0;      ///< hours a week the least passing plan found asks of them
    /// When the pool's hours would suffice in total but the roster cannot place them (commute,
    /// days, weekly hours, parts of at least min_part_hours): the hours of `needed_hours` the
    /// pool's roster fills in the worst week, and the centres left short. -1 otherwise.
    double filled_hours = -1;
    std::vector<int> centres; ///< centres with roster shortfalls of these roles
};

/// Where the search's work went, by phase: candidate plans judged, replications simulated and
/// taken from the cache (EvaluationCache), wall seconds.
struct SizingPhase {
    int plans = 0;
    long long ran = 0, reused = 0;
    double seconds = 0;
};

struct SizingResult {
    Plan plan;               ///< the plan found (the best one when none passes)
    Evaluation initial;      ///< the plan given, judged like the candidates
    Evaluation confirmation; ///< the plan found, judged with confirm_replications
    std::vector<StaffChange> changes;
    std::vector<HoursChange> hours_changes; ///< centres whose hours or days changed
    bool pass = false;
    bool cancelled = false;
    int evaluations = 0; ///< candidate plans judged (each at least partly simulated)
    /// The search with the real pool on the search's replications (screening, additions,
    /// removals), the runs on the confirming replications (confirmation, further rounds), and
    /// the search with the larger pool (and its plan judged with the real pool).
    SizingPhase search_phase, confirm_phase, larger_phase;
    int added = 0, removed = 0;
    /// When the plan does not pass: what the pool lacks (from a search with the pool made
    /// twenty times larger), or empty when the targets fail even so.
    std::vector<PoolLimit> limits;
    /// Roster shortfalls left in the plan found, as `validate` gives them (commute, days).
    std::vector<Phrase> shortfalls;
    std::vector<std::string> shortfalls_en;
    /// Target rules that fail even with the larger pool (staffing alone cannot meet them).
    std::vector<std::string> unreachable;
    /// When the larger pool's passing plan can be staffed by the real pool but fails its
    /// confirming run with it: the rules it fails there, and its cost (-1 otherwise).
    std::vector<std::string> larger_plan_fails;
    double larger_plan_cost = -1;
    /// The plan that passes with the pool twenty times larger, on the confirming replications
    /// (the search with the larger pool goes on from its search replications as the search
    /// with the real pool does); what the recruits of size_with_recruits staff first.
    /// Empty when no plan passes even with that pool.
    std::optional<Plan> larger_plan;
    /// The search switched the replacement list on (Plan::replacement): the plan found without
    /// it (`without_replacement`, its confirmation) staffed the rota but failed on absences,
    /// and with it on the plan written passes. Never when the plan given has the list already.
    bool replacement_added = false;
    Evaluation without_replacement;
    /// The list was tried and did not make the plan found pass: that plan with the list on,
    /// judged on the confirming replications.
    bool replacement_tried = false;
    Evaluation with_replacement;
    [[nodiscard]] double cost(SizingCost c, const Evaluation& e) const {
        return c == SizingCost::Hours ? e.hours : e.eur;
    }
};

/// Searches the staffing of every centre's shifts and roles (the roles that staff one of its
/// stations; a role split with by_station is left as written) for the least cost such that
/// every rule passes. See docs/sizing.md for the method.
SizingResult size_plan(const Scenario& scenario, const SizingOptions& options);

/// `riposte size --recruit K`: what to recruit when no plan within the pool passes.
struct RecruitOptions {
    int max_recruits = 0; ///< people tried at most, one search each (0: off)
    /// Each recruit's hours a week; 0: the most hours a week any pool line of the recruit's
    /// profession gives.
    double weekly_hours = 0;
};

/// One line of recruits: `entry.count` people alike (a pool line of the world's pool format).
struct Recruit {
    PoolEntry entry;
    int centre = 0; ///< the centre they were recruited for (its commune is their home)
    int role = 0;   ///< the role that limited the plan there
    /// Share of the confirming replications the wait target held in, for the plan found by
    /// the search with this line's last person (0..1; 0 when a structural rule still fails).
    double held = 0;
    /// The search with this person came closer to passing (or passed): kept. Otherwise the
    /// person is not recruited, and their (centre, role) is passed over afterwards.
    bool kept = true;
    /// Recruited, without simulating, to fill the roster of the plan that passes with the
    /// larger pool (SizingResult::larger_plan); kept when it filled some of it.
    bool staffs_larger = false;
};

struct RecruitResult {
    std::vector<Recruit> recruits; ///< in the order recruited (a person like the previous one
                                   ///< raises that line's count)
    std::vector<Recruit> steps;    ///< each person tried (count 1), with the share after
    int people = 0;                ///< people recruited (kept)
    World world;                   ///< the scenario's world, its pool with the recruits' lines
    SizingResult result;           ///< the last search (world with the recruits), or the one given
    bool pass = false;
    bool cancelled = false;
    /// Nothing named a recruit: no centre failed the wait target and the pool's limits named
    /// no profession.
    bool no_candidate = false;
    double best_held = 0; ///< the best share reached over the searches (0..1)
    /// When it passes: the plan found, with the recruits, judged on as many replications of
    /// another seed (`independent_seed`, the search's seed + 1), which no step of the search
    /// saw. The least-cost plan that holds on the search's seeds sits at the edge of the
    /// targets: this says how far it holds beyond them.
    Evaluation independent;
    std::uint64_t independent_seed = 0;
    int evaluations = 0; ///< candidate plans judged by the searches with recruits
};

/// When `within_pool` (size_plan(scenario, options)) does not pass: recruits one person at a time,
/// at most `ro.max_recruits`, and searches again with the world plus the recruits (the same seeds,
/// starting from the plan found), until a confirmation passes. Each recruit comes from what limits
/// the plan: the profession group of the pool's limit (pool_limits, roster_limits) at the centre it
/// leaves short, or else the centre failing the wait target in the most confirming replications and
/// the role of its station where people wait most on the days that fail; the scope's first
/// profession allowed for that role (in the group); home = that centre's commune, the most hours a
/// week of any pool line of the profession (or ro.weekly_hours), every day the centre opens, the
/// commute most of the profession's pool gives.
RecruitResult size_with_recruits(const Scenario& scenario, const SizingOptions& options,
                                 const SizingResult& within_pool, const RecruitOptions& ro);

/// The label of every recruit's pool line. It is part of each person's random keys
/// (expand_pool), so it is the same in every language and the written CSV carries it: the
/// world read back draws the recruits' absences as the search did.
inline constexpr std::string_view recruit_label = "riposte size --recruit";

/// The recruits' lines in the pool.csv format (header row, then one row per line: profession,
/// INSEE code of the home commune, count, weekly hours, days, commute, label), as
/// `[[pool]] file = "..."` reads them.
std::string recruits_csv(const World& world, const std::vector<Recruit>& recruits);

} // namespace riposte
