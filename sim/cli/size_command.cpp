// riposte size [WORLD PLAN | DIR]: the staffing search (docs/sizing.md). Finds the least
// staffing per centre, shift and role such that every rule of `validate` passes within the
// pool, writes it as a plan file, says what changed and why, and, when no plan within the pool
// passes, what to recruit. Exit 0 when the plan found passes, 1 when none does, 2 on bad input.
#include "size_command.hpp"
#include "cli_common.hpp"
#include "commands.hpp"

#include "riposte/output.hpp"
#include "riposte/plan_toml.hpp"
#include "riposte/sweep.hpp"
#include "riposte/text/sizing_texts.hpp"
#include "riposte/text/validation_texts.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <system_error>

namespace riposte::cli {

namespace fs = std::filesystem;

namespace {

/// Finalises MPI on every way out of the command.
struct MpiScope {
    ~MpiScope() { mpi_finish(); }
};

/// Under MPI: set when an evaluation came back incomplete (an interrupt on some rank).
std::atomic<bool> mpi_stopped_{false};

std::string hhmm(SimTime t) {
    char buf[32];
    const long long s = t.seconds();
    std::snprintf(buf, sizeof buf, "%02lld:%02lld", (s / 3600) % 24, (s % 3600) / 60);
    return buf;
}

std::string weekdays_words(WeekdayMask mask, Language lang) {
    const text::Text* names[7] = {&text::sizing.mon, &text::sizing.tue, &text::sizing.wed,
                                  &text::sizing.thu, &text::sizing.fri, &text::sizing.sat,
                                  &text::sizing.sun};
    std::string out;
    int d = 0;
    while (d < 7) {
        if (!((mask >> d) & 1)) {
            ++d;
            continue;
        }
        int e = d;
        while (e + 1 < 7 && ((mask >> (e + 1)) & 1)) ++e;
        if (!out.empty()) out += ", ";
        out += std::string(names[d]->in(lang));
        if (e >= d + 2)
            out += "–" + std::string(names[e]->in(lang));
        else if (e == d + 1)
            out += ", " + std::string(names[e]->in(lang));
        d = e + 1;
    }
    return out;
}

std::string shifts_words(const Centre& c, const std::vector<int>& shifts, Language lang) {
    if (shifts.size() > 1 && shifts.size() == c.shifts.size())
        return std::string(text::sizing.all_shifts.in(lang));
    std::string out;
    for (const int s : shifts) {
        const Shift& sh = c.shifts[static_cast<std::size_t>(s)];
        if (!out.empty()) out += " ; ";
        out += weekdays_words(sh.weekdays & c.weekdays, lang) + " " + hhmm(sh.start) + "–" +
               hhmm(sh.end);
    }
    return out;
}

std::optional<std::map<std::string, double>> parse_rates(const std::string& list,
                                                         const World& world, std::string& error) {
    std::map<std::string, double> out;
    std::size_t from = 0;
    while (from < list.size()) {
        const std::size_t comma = std::min(list.find(',', from), list.size());
        const std::string item = list.substr(from, comma - from);
        from = comma + 1;
        if (item.empty()) continue;
        const std::size_t eq = item.find('=');
        if (eq == std::string::npos) {
            error = text::fill(usage_language(), text::cli.usage_rates_syntax, {item});
            return std::nullopt;
        }
        const std::string id = item.substr(0, eq);
        if (std::find(world.professions.begin(), world.professions.end(), id) ==
            world.professions.end()) {
            std::string known;
            for (const auto& p : world.professions) known += " " + p;
            error = text::fill(usage_language(), text::cli.usage_rates_profession, {id, known});
            return std::nullopt;
        }
        char* end = nullptr;
        const std::string value = item.substr(eq + 1);
        const double v = std::strtod(value.c_str(), &end);
        if (value.empty() || end == nullptr || *end != '\0' || !(v >= 0) || v > 1e6) {
            error = text::fill(usage_language(), text::cli.usage_rates_value, {value});
            return std::nullopt;
        }
        out[id] = v;
    }
    return out;
}

/// The share of replications (%) the wait target holds in, as the verdict says it.
std::string wait_share(const Evaluation& e) {
    for (const RuleVerdict& v : e.report.rules)
        if (v.id == "target.wait_p90" && !v.measured_phrase.args.empty())
            return v.measured_phrase.args.front();
    return "—";
}

/// What the search found, as size prints it: what changed and why, the cost, the confirming
/// verdict (the plan found judged against `world`: the scenario's, or with the recruits).
std::string found_text(const Scenario& scenario, const World& world, const SizingResult& res,
                       const SizingOptions& o, Language lang, const text::Text& heading) {
    const bool eur = o.cost == SizingCost::Euros;
    const std::string unit(eur ? text::sizing.unit_eur.in(lang) : text::sizing.unit_hours.in(lang));
    const auto num = [lang](double v) { return text::format_decimal(lang, v, 0); };
    std::string out(heading.in(lang));
    for (const HoursChange& h : res.hours_changes) {
        const Centre& c = scenario.plan.centres[static_cast<std::size_t>(h.centre)];
        out += text::fill(lang, text::sizing.hours_line,
                          {c.name, weekdays_words(h.days_before, lang), hhmm(h.opens_before),
                           hhmm(h.closes_before), weekdays_words(h.days_after, lang),
                           hhmm(h.opens_after), hhmm(h.closes_after), num(h.p90_before),
                           num(h.p90_after)});
    }
    if (res.changes.empty() && res.hours_changes.empty() && !res.replacement_added)
        out += res.pass ? text::sizing.no_change.in(lang) : text::sizing.no_move.in(lang);
    for (const StaffChange& ch : res.changes) {
        // the shifts as they are in the plan found (their hours may have changed)
        const Centre& c = res.plan.centres[static_cast<std::size_t>(ch.centre)];
        out +=
            text::fill(lang,
                       std::any_of(c.stations.begin(), c.stations.end(),
                                   [&](const Station& st) { return st.role == RoleId{ch.role}; })
                           ? text::sizing.change_line
                           : text::sizing.change_line_no_station,
                       {c.name, role_words(scenario, ch.role, lang), std::to_string(ch.from),
                        std::to_string(ch.to), shifts_words(c, ch.shifts, lang), num(ch.p90_before),
                        num(ch.p90_after), num(100 * ch.use_before), num(100 * ch.use_after)});
    }
    if (res.replacement_added) {
        out += text::fill(lang, text::sizing.change_replacement,
                          {wait_share(res.without_replacement), wait_share(res.confirmation),
                           num(res.confirmation.replacement_hours)});
    }
    const double before = res.cost(o.cost, res.initial);
    const double after = res.cost(o.cost, res.confirmation);
    out += text::fill(lang, text::sizing.cost_line,
                      {num(before), num(after), unit, std::to_string(res.added),
                       std::to_string(res.removed), std::to_string(res.evaluations)});
    Scenario sized = scenario;
    sized.world = world;
    sized.plan = res.plan;
    out += text::fill(lang, text::sizing.confirm_heading,
                      {std::to_string(res.confirmation.report.replications)});
    out += format_validation(sized, res.confirmation.report, o.seed, lang);
    return out;
}

/// The comment lines at the head of a sized plan written.
std::string sized_header(const Scenario& scenario, const SizingResult& res, const SizingOptions& o,
                         Language lang) {
    const bool eur = o.cost == SizingCost::Euros;
    const std::string unit(eur ? text::sizing.unit_eur.in(lang) : text::sizing.unit_hours.in(lang));
    const auto num = [lang](double v) { return text::format_decimal(lang, v, 0); };
    std::string header =
        text::fill(lang, text::sizing.header_comment,
                   {fs::path(scenario.plan.file).filename().string(), std::to_string(o.seed),
                    std::to_string(o.search_replications),
                    std::to_string(res.confirmation.report.replications),
                    num(res.cost(o.cost, res.initial)), num(res.cost(o.cost, res.confirmation)),
                    unit, std::string(text::sizing.verdict_pass.in(lang))});
    header += (res.hours_changes.empty() ? text::sizing.header_staff : text::sizing.header_hours)
                  .in(lang);
    if (res.replacement_added) header += text::sizing.header_replacement.in(lang);
    return header;
}

/// A share of replications (0..1) as a percentage, as the verdict says it.
std::string percent(double share, Language lang) {
    return text::format_decimal(lang, 100 * share, 0);
}

/// A recruits' line in words: « 1 médecin, 20 h par semaine, lun.–sam., dans les 30 min de
/// Clermont-l'Hérault (34079) ».
std::string recruit_words(const Scenario& scenario, const PoolEntry& e, Language lang) {
    const Commune& home =
        scenario.world.territory.communes[static_cast<std::size_t>(e.home_commune)];
    return text::fill(
        lang, e.count > 1 ? text::sizing.recruit_item_many : text::sizing.recruit_item,
        {std::to_string(e.count), profession_words(scenario, e.profession.value(), lang),
         text::format_decimal(lang, e.weekly_hours,
                              e.weekly_hours == std::floor(e.weekly_hours) ? 0 : 1),
         weekdays_words(e.weekdays, lang), text::format_decimal(lang, e.max_commute_minutes, 0),
         home.name, home.insee});
}

/// True when the world file gives its pool as `pool = "file.csv"` (a top-level key), which a
/// [[pool]] appended at its end would redefine.
bool pool_is_a_key(const std::string& world_text) {
    std::size_t from = 0;
    while (from < world_text.size()) {
        const std::size_t eol = std::min(world_text.find('\n', from), world_text.size());
        std::string_view line(world_text.data() + from, eol - from);
        from = eol + 1;
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        if (line.rfind("pool", 0) != 0) continue;
        line.remove_prefix(4);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        if (!line.empty() && line.front() == '=') return true;
    }
    return false;
}

/// --recruit: the searches with recruits after the search within the pool failed; what to
/// recruit, and the plan, the recruits and the world with them written when they pass. Empty
/// when interrupted or when a file could not be written (both said on stderr).
std::string recruit_and_report(const Scenario& scenario, const SizeRequest& req,
                               const SizingOptions& o, const SizingResult& res, SizeReport& rep) {
    const Language lang = req.lang;
    const bool eur = o.cost == SizingCost::Euros;
    const std::string unit(eur ? text::sizing.unit_eur.in(lang) : text::sizing.unit_hours.in(lang));
    const auto num = [lang](double v) { return text::format_decimal(lang, v, 0); };
    std::string out =
        text::fill(lang, text::sizing.recruit_heading, {std::to_string(req.recruit.max_recruits)});
    std::string world_text;
    if (!req.recruits_world.empty()) {
        std::ifstream in(scenario.world.file, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        world_text = ss.str();
        if (pool_is_a_key(world_text))
            return out + std::string(text::sizing.recruit_pool_string.in(lang));
    }
    const RecruitResult rr = size_with_recruits(scenario, o, res, req.recruit);
    rep.result = rr.result;
    if (rr.cancelled) {
        rep.exit = exit_code::run_error;
        print_err(text::sizing.interrupted.in(lang));
        return {};
    }
    for (const Recruit& r : rr.steps)
        out +=
            text::fill(lang,
                       r.staffs_larger ? (r.kept ? text::sizing.recruit_step_staff
                                                 : text::sizing.recruit_step_staff_dropped)
                       : r.kept        ? text::sizing.recruit_step
                                       : text::sizing.recruit_step_dropped,
                       {recruit_words(scenario, r.entry, lang), role_words(scenario, r.role, lang),
                        scenario.plan.centres[static_cast<std::size_t>(r.centre)].name,
                        percent(r.held, lang)});
    if (rr.no_candidate && !rr.pass) return out + std::string(text::sizing.recruit_none.in(lang));
    if (!rr.pass)
        return out + text::fill(lang, text::sizing.recruit_not_enough,
                                {std::to_string(rr.people), percent(rr.best_held, lang)});
    const SizingResult& found = rr.result;
    out += found_text(scenario, rr.world, found, o, lang, text::sizing.recruit_found);
    std::string list;
    for (const Recruit& r : rr.recruits)
        list += (list.empty() ? "" : " ; ") + recruit_words(scenario, r.entry, lang);
    // the share as the verdict says it (without a wait target: every replication)
    std::string share = wait_share(found.confirmation);
    if (share == "—") share = percent(found.confirmation.wait_held, lang);
    out += text::fill(lang, rr.people > 1 ? text::sizing.recruit_many : text::sizing.recruit_one,
                      {list, share, num(found.cost(o.cost, found.confirmation)), unit});
    if (rr.independent.complete) {
        std::string other = wait_share(rr.independent);
        if (other == "—") other = percent(rr.independent.wait_held, lang);
        out += text::fill(lang,
                          rr.independent.pass() ? text::sizing.recruit_independent_pass
                                                : text::sizing.recruit_independent_fail,
                          {std::to_string(rr.independent.report.replications),
                           std::to_string(rr.independent_seed), other,
                           std::to_string(2 * rr.independent.report.replications)});
    }
    if (req.out.empty()) return out;
    // the recruits (pool.csv format), the world with them, the plan: each written atomically
    const std::string plan_name = fs::path(scenario.plan.file).filename().string();
    const std::string world_name = fs::path(scenario.world.file).filename().string();
    std::string csv = text::fill(
        lang, text::sizing.recruit_csv_header,
        {plan_name, world_name, std::to_string(o.seed), req.out.filename().string(), share});
    csv += recruits_csv(scenario.world, rr.recruits);
    if (!world_text.empty() && world_text.back() != '\n') world_text += '\n';
    world_text += text::fill(lang, text::sizing.recruit_world_comment,
                             {plan_name, req.out.filename().string()});
    world_text += "[[pool]]\nfile = \"" + req.recruits_csv.filename().string() + "\"\n";
    const std::string header =
        sized_header(scenario, found, o, lang) +
        text::fill(lang, text::sizing.header_recruits,
                   {req.recruits_csv.filename().string(), req.recruits_world.filename().string()});
    // one after the other: the first that fails stops the others
    WriteStatus st = write_file_atomic(req.recruits_csv, csv);
    if (st.ok()) st = write_file_atomic(req.recruits_world, world_text);
    if (st.ok()) st = write_plan_toml(req.out, found.plan, rr.world, header);
    if (!st.ok()) {
        print_out(out);
        print_error(st.error);
        rep.exit = exit_code::run_error;
        return {};
    }
    rep.written = true;
    return out +
           text::fill(lang, text::sizing.recruit_written,
                      {req.out.string(), req.recruits_csv.string(), req.recruits_world.string()});
}

} // namespace

SizeReport size_and_report(const Scenario& scenario, const SizeRequest& req) {
    SizeReport rep;
    const Language lang = req.lang;
    const bool eur = req.options.cost == SizingCost::Euros;
    const std::string unit(eur ? text::sizing.unit_eur.in(lang) : text::sizing.unit_hours.in(lang));
    const auto num = [lang](double v) { return text::format_decimal(lang, v, 0); };
    SizingOptions o = req.options;
    std::vector<SizingStep> hours_steps; // the hours moves kept so far (the larger pool's are
                                         // not shown)
    if (req.show_steps)
        o.progress = [&](const SizingStep& s) {
            const Centre& c = scenario.plan.centres[static_cast<std::size_t>(s.centre)];
            if (s.kind != SizingMoveKind::Staff) {
                // the centre's hours as they are after the step
                SimTime opens = c.opens, closes = c.closes;
                for (const SizingStep& k : hours_steps)
                    if (k.centre == s.centre && k.kind == SizingMoveKind::Earlier)
                        opens = opens - hours(1);
                    else if (k.centre == s.centre && k.kind == SizingMoveKind::Later)
                        closes = closes + hours(1);
                hours_steps.push_back(s);
                if (s.kind == SizingMoveKind::Earlier) opens = opens - hours(1);
                if (s.kind == SizingMoveKind::Later) closes = closes + hours(1);
                const std::string x = text::format_decimal(lang, s.excess, 1);
                const std::string cost = num(s.cost) + " " + unit;
                print_err(
                    s.kind == SizingMoveKind::Day
                        ? text::fill(
                              lang, text::sizing.step_day,
                              {c.name,
                               weekdays_words(static_cast<WeekdayMask>(1u << s.weekday), lang), x,
                               cost})
                        : text::fill(lang,
                                     s.kind == SizingMoveKind::Earlier ? text::sizing.step_earlier
                                                                       : text::sizing.step_later,
                                     {c.name, hhmm(opens), hhmm(closes), x, cost}));
                return;
            }
            print_err(
                text::fill(lang, s.added ? text::sizing.step_added : text::sizing.step_removed,
                           {c.name, role_words(scenario, s.role, lang), std::to_string(s.to),
                            shifts_words(c, s.shifts, lang),
                            text::format_decimal(lang, s.excess, 1), num(s.cost) + " " + unit}));
        };
    const SizingResult res = size_plan(scenario, o);
    rep.result = res;
    if (res.cancelled) {
        rep.exit = exit_code::run_error;
        print_err(text::sizing.interrupted.in(lang));
        return rep;
    }
    std::string out =
        found_text(scenario, scenario.world, res, o, lang, text::sizing.changes_heading);
    if (!res.pass) {
        if (!res.limits.empty() || !res.shortfalls.empty())
            out += text::sizing.limits_heading.in(lang);
        for (const PoolLimit& l : res.limits) {
            std::string profs, roles;
            for (const int p : l.professions)
                profs += (profs.empty() ? "" : ", ") + profession_words(scenario, p, lang);
            for (const int r : l.roles)
                roles += (roles.empty() ? "" : ", ") + role_words(scenario, r, lang);
            if (l.filled_hours >= 0) {
                std::string where;
                for (const int c : l.centres)
                    where += (where.empty() ? "" : ", ") +
                             scenario.plan.centres[static_cast<std::size_t>(c)].name;
                out += text::fill(lang, text::sizing.limit_placed,
                                  {num(l.filled_hours), profs, num(l.needed_hours), roles,
                                   num(std::ceil(l.needed_hours - l.filled_hours)), where});
                continue;
            }
            out += text::fill(lang, text::sizing.limit_line,
                              {num(l.pool_hours), profs, num(l.needed_hours), roles,
                               num(std::ceil(l.needed_hours - l.pool_hours))});
        }
        if (res.limits.empty() && !res.shortfalls.empty()) {
            out += text::sizing.limit_roster.in(lang);
            for (std::size_t i = 0; i < res.shortfalls.size() && i < 6; ++i)
                out += "    " +
                       text::phrase_text(lang, res.shortfalls[i].id, res.shortfalls[i].args,
                                         i < res.shortfalls_en.size() ? res.shortfalls_en[i] : "") +
                       "\n";
        }
        if (res.limits.empty() && res.shortfalls.empty() && !res.larger_plan_fails.empty()) {
            std::string ids;
            for (const auto& id : res.larger_plan_fails) ids += (ids.empty() ? "" : ", ") + id;
            out += text::fill(lang,
                              scenario.plan.replacement.enabled ? text::sizing.limit_none_listed
                                                                : text::sizing.limit_none,
                              {num(res.larger_plan_cost), unit, ids});
        }
        if (res.replacement_tried)
            out += text::fill(lang, text::sizing.replacement_tried,
                              {wait_share(res.with_replacement), wait_share(res.confirmation)});
        if (!res.unreachable.empty()) {
            std::string ids;
            for (const auto& id : res.unreachable) ids += (ids.empty() ? "" : ", ") + id;
            out += text::fill(lang, text::sizing.unreachable, {ids});
        }
        rep.exit = exit_code::plan_fails;
        if (req.recruit.max_recruits > 0) {
            // what the pool gives is said first: the searches with recruits take a while
            if (!req.quiet) print_out(out);
            out = recruit_and_report(scenario, req, o, res, rep);
            if (out.empty()) return rep; // interrupted, or a file not written (said)
        } else {
            out += text::sizing.not_written.in(lang);
        }
    } else if (!req.out.empty()) {
        const std::string header = sized_header(scenario, res, o, lang);
        const WriteStatus st = write_plan_toml(req.out, res.plan, scenario.world, header);
        if (!st.ok()) {
            print_out(out);
            print_error(st.error);
            rep.exit = exit_code::run_error;
            return rep;
        }
        out += text::fill(lang, text::sizing.written, {req.out.string()});
        rep.written = true;
        rep.exit = exit_code::ok;
    }
    if (!req.quiet) print_out(out);
    return rep;
}

int size_command(const std::vector<std::string>& args) {
    std::string error;
    const auto parsed = parse_args(args,
                                   {{"--replications", true},
                                    {"--confirm", true},
                                    {"--threads", true},
                                    {"--seed", true},
                                    {"--cost", true},
                                    {"--rates", true},
                                    {"--max-steps", true},
                                    {"--hours", false},
                                    {"--recruit", true},
                                    {"--recruit-hours", true},
                                    {"--out", true},
                                    {"--force", false},
                                    {"--lang", true},
                                    {"--quiet", false}},
                                   error);
    if (!parsed) return usage_error(error, "size");
    if (parsed->help) return print_help("size");

    // Under mpirun every rank runs the same search, the candidates' (plan, replication) tasks
    // spread over the ranks; only rank 0 prints and writes.
    if (under_mpi_launcher() && !mpi_built())
        return usage_error(text::cli.usage_size_no_mpi, {}, "size");
    MpiScope mpi_scope;
    const MpiJob job = under_mpi_launcher() ? mpi_job() : MpiJob{};
    const bool root = job.rank == 0;

    // Everything that can fail before the search, on every rank; under MPI the ranks then agree
    // to go on (a rank that stopped alone would leave the others waiting for it).
    std::optional<SimulationOptions> opts;
    std::optional<Scenario> scenario;
    std::optional<ScenarioFiles> files;
    SizeRequest req;
    const int setup_exit = [&]() -> int {
        int exit = exit_code::ok;
        opts = simulation_options(*parsed, "size", 1, 20, exit);
        if (!opts) return exit;
        const auto confirm =
            number_option(*parsed, "--confirm", 1, max_replications,
                          std::max<std::uint64_t>(100, opts->replications), "size", exit);
        if (!confirm) return exit;
        const auto max_steps = number_option(*parsed, "--max-steps", 1, 10000, 60, "size", exit);
        if (!max_steps) return exit;
        const auto recruit = number_option(*parsed, "--recruit", 1, 20, 0, "size", exit);
        if (!recruit) return exit;
        const auto recruit_hours =
            number_option(*parsed, "--recruit-hours", 1, 80, 0, "size", exit);
        if (!recruit_hours) return exit;
        const std::string cost = parsed->value("--cost").value_or("hours");
        if (cost != "hours" && cost != "eur")
            return usage_error(text::cli.usage_cost, {cost}, "size");
        if (parsed->has("--rates") && cost != "eur")
            return usage_error(text::cli.usage_rates_need_eur, {}, "size");

        files = scenario_files(parsed->positional, "size", exit);
        if (!files) return exit;
        auto loaded = load(*files, false, opts->lang);
        if (!loaded) return exit_code::usage;
        scenario = std::move(*loaded);

        req.lang = opts->lang;
        req.quiet = parsed->has("--quiet") || !root;
        req.show_steps = !req.quiet;
        req.options.search_replications = static_cast<int>(opts->replications);
        req.options.confirm_replications = static_cast<int>(*confirm);
        // under MPI each rank is one worker (start one rank per core), rank 0 included
        req.options.threads = job.active && !parsed->has("--threads") ? 1 : opts->threads;
        req.options.seed = opts->seed;
        req.options.max_steps = static_cast<int>(*max_steps);
        req.options.hours = parsed->has("--hours");
        req.recruit.max_recruits = static_cast<int>(*recruit);
        req.recruit.weekly_hours = static_cast<double>(*recruit_hours);
        req.options.cost = cost == "eur" ? SizingCost::Euros : SizingCost::Hours;
        req.options.mpi = job.active;
        if (const auto rates = parsed->value("--rates")) {
            auto r = parse_rates(*rates, scenario->world, error);
            if (!r) return usage_error(error, "size");
            req.options.rates_eur = std::move(*r);
        }
        if (const auto o = parsed->value("--out")) {
            if (o->empty()) return usage_error(text::cli.usage_needs_file, {"--out"}, "size");
            req.out = *o;
        } else {
            const fs::path plan(scenario->plan.file);
            req.out = plan.parent_path() / (plan.stem().string() + "-sized.toml");
        }
        std::error_code ec;
        if (fs::exists(req.out, ec) && !parsed->has("--force"))
            return usage_error(text::cli.usage_size_exists, {req.out.string()}, "size");
        if (fs::is_directory(req.out, ec))
            return usage_error(text::cli.usage_size_out_folder, {}, "size");
        if (req.recruit.max_recruits > 0) {
            // the recruits and the world with them, next to the world
            const fs::path world(files->world);
            req.recruits_csv = world.parent_path() / (world.stem().string() + "-recrues.csv");
            req.recruits_world = world.parent_path() / (world.stem().string() + "-recrues.toml");
            for (const fs::path& p : {req.recruits_csv, req.recruits_world})
                if (fs::exists(p, ec) && !parsed->has("--force"))
                    return usage_error(text::cli.usage_size_exists, {p.string()}, "size");
        }
        return exit_code::ok;
    }();
    const Language lang = opts ? opts->lang : usage_language();
    if (job.active && !mpi_all_agree(setup_exit == exit_code::ok)) {
        if (setup_exit == exit_code::ok && root)
            print_err(std::string(text::cli.usage_prefix.in(lang)) +
                      std::string(text::cli.mpi_other_rank_size.in(lang)) + "\n");
        return setup_exit == exit_code::ok ? exit_code::usage : setup_exit;
    }
    if (setup_exit != exit_code::ok) return setup_exit;
    if (!root) req.out.clear(); // rank 0 writes the plan

    InterruptGuard interrupt(lang);
    if (job.active) {
        // the search stops where every rank stops: on what the evaluations bring back alike,
        // not on a signal each rank sees at its own moment
        req.options.interrupt = interrupt.flag();
        req.options.cancel = &mpi_stopped_;
    } else {
        req.options.cancel = interrupt.flag();
    }
    if (!req.quiet) {
        print_out(text::fill(lang, text::sizing.heading,
                             {scenario->plan.name, files->plan.string(), scenario->world.name}) +
                  "\n" +
                  text::fill(lang, text::sizing.method,
                             {std::to_string(req.options.search_replications),
                              std::to_string(req.options.confirm_replications),
                              std::to_string(req.options.seed),
                              std::string(req.options.cost == SizingCost::Euros
                                              ? text::sizing.cost_eur.in(lang)
                                              : text::sizing.cost_hours.in(lang))}) +
                  "\n");
    }
    try {
        return size_and_report(*scenario, req).exit;
    } catch (const std::exception& e) {
        // every rank says why (under mpirun the job may be stopped before rank 0 reports)
        print_err(text::fill(lang, text::cli.run_failed, {e.what()}));
        return exit_code::run_error;
    }
}

} // namespace riposte::cli
