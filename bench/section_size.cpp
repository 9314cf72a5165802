// Section "size": the staffing search (riposte size) on the default world with the shipped
// understaffed plan, against an exhaustive search over a reduced space (issue 12 §3): each
// vaccination centre's medical-interview and injection people, the same on both of its shifts,
// each within ±1 of the understaffed plan's value (3^6 = 729 plans). Every plan of the reduced
// space is judged as the search judges its candidates (same replications, same seeds: common
// random numbers); a plan whose structure fails (nobody on a station) is not simulated. The
// best passing plan is then confirmed on as many replications as the search confirms with.
// When `riposte size` finds a passing plan, the same ±1 search is also run around that plan
// (each of the six values moved by -1, 0 or +1 on both shifts, everything else as size left
// it): the check that no plan next to it is cheaper, since the reduced space keeps the
// rest of the understaffed plan (the testing centre's two swabbers among it) as it is.
#include "bench.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/sizing.hpp"

#include <chrono>
#include <cmath>
#include <iostream>

namespace riposte::bench {

namespace {

constexpr double size_target_seconds = 120.0;
constexpr double size_target_cost_ratio = 1.10;

std::string staffing_text(const Scenario& sc, const Plan& p, int interview, int injection) {
    std::string out;
    for (const Centre& c : p.centres) {
        if (!c.vaccinates() || c.shifts.empty()) continue;
        out += (out.empty() ? "" : "; ") + c.name + " " +
               std::to_string(c.shifts.front().staff[RoleId{interview}]) + "/" +
               std::to_string(c.shifts.front().staff[RoleId{injection}]);
    }
    (void)sc;
    return out;
}

/// The exhaustive search over the 729 plans around `centre_plan`: each vaccination centre's
/// interview and injection people moved by -1, 0 or +1 on every shift.
struct Exhaustive {
    int plans = 0, simulated = 0, passing = 0;
    double best_hours = INFINITY;
    Plan best;
    double seconds = 0;
};

Exhaustive exhaustive_around(const Scenario& sc, const Plan& centre_plan, int interview,
                             int injection, const EvaluationOptions& eo) {
    Exhaustive x;
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::size_t> centres;
    for (std::size_t c = 0; c < centre_plan.centres.size(); ++c)
        if (centre_plan.centres[c].vaccinates()) centres.push_back(c);
    const int dims = static_cast<int>(centres.size()) * 2;
    int combos = 1;
    for (int i = 0; i < dims; ++i) combos *= 3;
    for (int k = 0; k < combos; ++k) {
        Plan p = centre_plan;
        int code = k;
        bool negative = false;
        for (int i = 0; i < dims; ++i) {
            const int delta = code % 3 - 1;
            code /= 3;
            for (Shift& sh : p.centres[centres[static_cast<std::size_t>(i / 2)]].shifts) {
                int& v = sh.staff[RoleId{i % 2 == 0 ? interview : injection}];
                v += delta;
                if (v < 0) negative = true;
            }
        }
        ++x.plans;
        if (negative) continue;
        Scenario probe = sc;
        probe.plan = p;
        if (!validate_structure(probe).all_pass()) continue; // nobody on a station
        ++x.simulated;
        const Evaluation e = evaluate_plans(sc, {p}, eo).front();
        if (!e.pass()) continue;
        ++x.passing;
        if (e.hours < x.best_hours) {
            x.best_hours = e.hours;
            x.best = p;
        }
    }
    x.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return x;
}

} // namespace

Section run_size_section(const Options& opt) {
    Section s;
    s.name = "size";
    s.title = "staffing search (riposte size) vs exhaustive search, Centre-Hérault understaffed";
    const auto world = default_world_file();
    const auto plan_file = world.parent_path() / "plan-understaffed.toml";
    LoadResult loaded = load_scenario(world, plan_file);
    if (!loaded.scenario) {
        s.fail("cannot load " + plan_file.string());
        return s;
    }
    const Scenario& sc = *loaded.scenario;
    const int interview = sc.world.find_role("medical_interview").value();
    const int injection = sc.world.find_role("injection").value();
    SizingOptions so;
    so.threads = opt.size_threads;
    so.seed = 1;

    // exhaustive search over the reduced space
    EvaluationOptions eo;
    eo.replications = so.search_replications;
    eo.threads = so.threads;
    eo.seed = so.seed;
    const Exhaustive ex = exhaustive_around(sc, sc.plan, interview, injection, eo);
    const int plans = ex.plans, simulated = ex.simulated, passing = ex.passing;
    const double best_hours = ex.best_hours;
    const Plan& best = ex.best;
    const double exhaustive_s = ex.seconds;
    s.add("exhaustive_plans", "plans in the reduced space", plans, std::to_string(plans));
    s.add("exhaustive_simulated", "of which simulated (structure passes)", simulated,
          std::to_string(simulated));
    s.add("exhaustive_passing",
          "of which pass every rule (" + std::to_string(so.search_replications) + " replications)",
          passing, std::to_string(passing));
    s.add("exhaustive_seconds", "exhaustive search time", exhaustive_s, fmt_seconds(exhaustive_s));
    bool best_confirmed = false;
    if (passing > 0) {
        EvaluationOptions co = eo;
        co.replications = so.confirm_replications;
        const Evaluation conf = evaluate_plans(sc, {best}, co).front();
        best_confirmed = conf.pass();
        s.add("exhaustive_best_hours", "best passing plan, professional hours", best_hours,
              fmt_fixed(best_hours, 0) + " h");
        s.add_text("exhaustive_best_plan", "best plan (interview/injection)",
                   staffing_text(sc, best, interview, injection));
        s.add_text("exhaustive_best_confirmed",
                   "best plan confirmed on " + std::to_string(so.confirm_replications) +
                       " replications",
                   best_confirmed ? "passes" : "fails");
    } else {
        s.notes.push_back("no plan of the reduced space passes every rule: the target fails at "
                          "centres or stations the reduced space does not vary");
    }

    // the search, over the full space
    const auto t1 = std::chrono::steady_clock::now();
    const SizingResult r = size_plan(sc, so);
    const double size_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    s.add_target("size_seconds", "riposte size time (" + std::to_string(so.threads) + " threads)",
                 size_s, fmt_seconds(size_s), "< 120 s", size_s < size_target_seconds);
    s.add_text("size_pass",
               "riposte size plan passes (confirmed on " + std::to_string(so.confirm_replications) +
                   " replications)",
               r.pass ? "yes" : "no");
    s.add("size_hours", "riposte size plan, professional hours", r.confirmation.hours,
          fmt_fixed(r.confirmation.hours, 0) + " h");
    s.add("size_initial_hours", "understaffed plan, professional hours", r.initial.hours,
          fmt_fixed(r.initial.hours, 0) + " h");
    s.add("size_evaluations", "candidate plans simulated by the search", r.evaluations,
          std::to_string(r.evaluations));
    s.add_text("size_plan", "riposte size plan (interview/injection)",
               staffing_text(sc, r.plan, interview, injection));
    if (passing > 0 && r.pass) {
        const double ratio = r.confirmation.hours / best_hours;
        s.add_target("size_cost_ratio", "riposte size cost / exhaustive best", ratio,
                     fmt_fixed(ratio, 3), "<= 1.10", ratio <= size_target_cost_ratio);
    }
    if (r.pass) {
        // the same ±1 search around the plan size found
        const Exhaustive near = exhaustive_around(sc, r.plan, interview, injection, eo);
        s.add("near_simulated", "around the size plan: plans simulated (structure passes)",
              near.simulated, std::to_string(near.simulated));
        s.add("near_passing",
              "around the size plan: plans that pass every rule (" +
                  std::to_string(so.search_replications) + " replications)",
              near.passing, std::to_string(near.passing));
        s.add("near_seconds", "around the size plan: exhaustive search time", near.seconds,
              fmt_seconds(near.seconds));
        if (near.passing > 0) {
            EvaluationOptions co = eo;
            co.replications = so.confirm_replications;
            const bool confirmed = evaluate_plans(sc, {near.best}, co).front().pass();
            s.add("near_best_hours", "around the size plan: best passing plan, professional hours",
                  near.best_hours, fmt_fixed(near.best_hours, 0) + " h");
            s.add_text("near_best_plan", "around the size plan: best plan (interview/injection)",
                       staffing_text(sc, near.best, interview, injection));
            s.add_text("near_best_confirmed",
                       "around the size plan: best plan confirmed on " +
                           std::to_string(so.confirm_replications) + " replications",
                       confirmed ? "passes" : "fails");
            const double ratio = r.confirmation.hours / near.best_hours;
            s.add_target("near_cost_ratio", "riposte size cost / best around it", ratio,
                         fmt_fixed(ratio, 3), "<= 1.10", ratio <= size_target_cost_ratio);
        }
    }
    return s;
}

} // namespace riposte::bench
