// Sweeps (riposte/sweep.hpp): variant overrides, the task codec, and the task runner on
// threads. The MPI transport is in sweep_mpi.cpp; the checkpoint in sweep_checkpoint.cpp.
#include "riposte/sweep.hpp"

#include "riposte/text/diagnostic_texts.hpp"

#include "riposte/live_run.hpp"
#include "riposte/simulation.hpp"
#include "runner/sweep_internal.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <tuple>

namespace riposte {

int scale_staff(int base, double factor) {
    if (base <= 0) return 0;
    const double v = std::floor(static_cast<double>(base) * factor + 0.5);
    return std::max(1, static_cast<int>(v));
}

std::optional<Bilingual> apply_overrides(Scenario& s, const VariantOverrides& o) {
    for (const auto& [role_name, factor] : o.staff) {
        const int role = s.world.find_role(role_name).value();
        if (role < 0) {
            std::string roles;
            for (const auto& r : s.world.roles) roles += (roles.empty() ? "" : ", ") + r;
            return say(text::diag.sweep_unknown_role, {role_name, roles});
        }
        const auto r = static_cast<std::size_t>(role);
        for (Centre& c : s.plan.centres) {
            for (Shift& sh : c.shifts) {
                if (r >= sh.staff.size()) continue;
                bool any_named = false, all_named = true;
                int named_sum = 0;
                for (std::size_t k = 0; k < c.stations.size(); ++k) {
                    if (c.stations[k].role != RoleId{role}) continue;
                    const bool named = k < sh.station_staff.size() && sh.station_staff[k] >= 0;
                    if (!named) {
                        all_named = false;
                        continue;
                    }
                    any_named = true;
                    sh.station_staff[k] = scale_staff(sh.station_staff[k], factor);
                    named_sum += sh.station_staff[k];
                }
                if (any_named && all_named)
                    sh.staff[RoleId{r}] = named_sum;
                else
                    sh.staff[RoleId{r}] =
                        std::max(scale_staff(sh.staff[RoleId{r}], factor), named_sum);
            }
        }
        for (MobileTeam& m : s.plan.mobile_teams)
            if (r < m.staff.size()) m.staff[RoleId{r}] = scale_staff(m.staff[RoleId{r}], factor);
    }
    for (const auto& [group, uptake] : o.uptake) {
        bool found = group.empty();
        for (PopulationGroup& g : s.world.groups) {
            if (!group.empty() && g.name != group) continue;
            g.uptake = uptake;
            found = true;
        }
        if (!found) {
            std::string groups;
            for (const auto& g : s.world.groups) groups += (groups.empty() ? "" : ", ") + g.name;
            return say(text::diag.sweep_unknown_group, {group, groups});
        }
    }
    if (o.absence) s.world.absenteeism.baseline = *o.absence;
    return std::nullopt;
}

// ---- what the target rules and the staffing search read of a run ----------------------------

namespace {

// The fields of each result row that RunEvidence keeps (what TargetValidator and the staffing
// search read), in the order the task codec writes them.
constexpr auto centre_day_fields =
    std::tuple{&CentreDayRow::centre, &CentreDayRow::day, &CentreDayRow::served,
               &CentreDayRow::doses_wasted, &CentreDayRow::wait_p90_min};
constexpr auto station_day_fields =
    std::tuple{&StationDayRow::centre, &StationDayRow::station, &StationDayRow::wait_p90_min};
constexpr auto station_run_fields =
    std::tuple{&StationRunRow::centre, &StationRunRow::station, &StationRunRow::utilisation};
constexpr auto coverage_fields =
    std::tuple{&CoverageRow::day, &CoverageRow::group, &CoverageRow::first_dose,
               &CoverageRow::complete, &CoverageRow::population};
constexpr auto commune_fields = std::tuple{
    &CommuneGroupRow::commune,    &CommuneGroupRow::group,    &CommuneGroupRow::population,
    &CommuneGroupRow::first_dose, &CommuneGroupRow::complete, &CommuneGroupRow::unmet};
constexpr auto profession_fields =
    std::tuple{&ProfessionRow::profession, &ProfessionRow::rostered_hours};
constexpr auto replaced_fields =
    std::tuple{&ProfessionRow::profession, &ProfessionRow::replacement_hours};

/// Calls f(list, rows) for each row table of RunEvidence with its field list.
template <class E, class F> void evidence_fields(E& e, F&& f) {
    f(centre_day_fields, e.centre_days);
    f(station_day_fields, e.station_days);
    f(station_run_fields, e.stations);
    f(coverage_fields, e.coverage);
    f(commune_fields, e.communes);
    f(profession_fields, e.professions);
    f(replaced_fields, e.replaced);
}

/// `row` with only the fields of `list` copied.
template <class Row, class List> Row kept(const Row& row, const List& list) {
    Row out;
    std::apply([&](auto... m) { ((out.*m = row.*m), ...); }, list);
    return out;
}

} // namespace

RunEvidence evidence_of(const Scenario& s, const Results& r) {
    RunEvidence e;
    const World& w = s.world;
    bool communes = false;
    std::vector<int> coverage_days;
    for (const Target& t : s.plan.targets) {
        if (t.kind == TargetKind::Coverage) {
            coverage_days.push_back(t.by_day >= 0 ? std::min(t.by_day, w.days - 1) : w.days - 1);
            communes = true;
        }
        if (t.kind == TargetKind::UnmetDemand) communes = true;
    }
    for (const CentreDayRow& row : r.centre_days)
        if (row.served != 0 || row.doses_wasted != 0)
            e.centre_days.push_back(kept(row, centre_day_fields));
    // a p90 of 0 adds exactly nothing to the sums the search keeps
    for (const StationDayRow& row : r.station_days)
        if (row.wait_p90_min != 0.0) e.station_days.push_back(kept(row, station_day_fields));
    for (const StationRunRow& row : r.stations) e.stations.push_back(kept(row, station_run_fields));
    for (const CoverageRow& row : r.coverage)
        if (std::find(coverage_days.begin(), coverage_days.end(), row.day) != coverage_days.end())
            e.coverage.push_back(kept(row, coverage_fields));
    // the validator lists communes from the first replication only
    if (communes && r.replication == 0)
        for (const CommuneGroupRow& row : r.communes)
            if (row.population > 0 || row.unmet != 0)
                e.communes.push_back(kept(row, commune_fields));
    if (r.replication == 0)
        for (const ProfessionRow& row : r.professions)
            e.professions.push_back(kept(row, profession_fields));
    for (const ProfessionRow& row : r.professions)
        if (row.replacement_hours != 0.0) e.replaced.push_back(kept(row, replaced_fields));
    e.doses_used = r.totals.doses_used;
    e.doses_wasted = r.totals.doses_wasted;
    e.unmet = r.totals.unmet;
    return e;
}

Results results_of(const RunEvidence& e, std::uint64_t seed, int replication) {
    Results r;
    r.seed = seed;
    r.replication = replication;
    r.centre_days = e.centre_days;
    r.station_days = e.station_days;
    r.stations = e.stations;
    r.coverage = e.coverage;
    r.communes = e.communes;
    r.professions = e.professions;
    for (const auto& x : e.replaced) {
        auto it =
            std::find_if(r.professions.begin(), r.professions.end(),
                         [&](const ProfessionRow& row) { return row.profession == x.profession; });
        if (it == r.professions.end()) {
            ProfessionRow row;
            row.profession = x.profession;
            r.professions.push_back(row);
            it = r.professions.end() - 1;
        }
        it->replacement_hours = x.replacement_hours;
    }
    r.totals.doses_used = e.doses_used;
    r.totals.doses_wasted = e.doses_wasted;
    r.totals.unmet = e.unmet;
    return r;
}

// ---- task codec ----------------------------------------------------------------------------

namespace {

void put_double(std::string& out, double v) {
    char buf[64];
    const int n = std::snprintf(buf, sizeof buf, "%a", v);
    out += ' ';
    out.append(buf, static_cast<std::size_t>(std::max(0, n)));
}
void put_int(std::string& out, std::int64_t v) {
    out += ' ';
    out += std::to_string(v);
}
void put_text(std::string& out, std::string_view s) {
    out += " ";
    out += s.empty() ? "-" : "";
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= ' ' || c == '%' || c == '-' || c >= 0x7F) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
}

class Fields {
  public:
    explicit Fields(std::string_view s) : s_(s) {}
    std::optional<std::string_view> next() {
        while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
        if (pos_ >= s_.size()) return std::nullopt;
        const std::size_t end = std::min(s_.find(' ', pos_), s_.size());
        const std::string_view f = s_.substr(pos_, end - pos_);
        pos_ = end;
        return f;
    }
    bool integer(std::int64_t& v) {
        const auto f = next();
        if (!f) return false;
        const auto [p, ec] = std::from_chars(f->data(), f->data() + f->size(), v);
        return ec == std::errc{} && p == f->data() + f->size();
    }
    template <class T> bool whole(T& v) {
        std::int64_t x = 0;
        if (!integer(x)) return false;
        v = static_cast<T>(x);
        return true;
    }
    bool real(double& v) {
        const auto f = next();
        if (!f || f->size() > 60) return false;
        const std::string s(*f);
        char* end = nullptr;
        v = std::strtod(s.c_str(), &end);
        return end == s.c_str() + s.size();
    }
    bool text(std::string& v) {
        const auto f = next();
        if (!f) return false;
        v.clear();
        if (*f == "-") return true;
        for (std::size_t i = 0; i < f->size(); ++i) {
            if ((*f)[i] != '%') {
                v += (*f)[i];
                continue;
            }
            if (i + 2 >= f->size()) return false;
            unsigned x = 0;
            const auto [p, ec] = std::from_chars(f->data() + i + 1, f->data() + i + 3, x, 16);
            if (ec != std::errc{} || p != f->data() + i + 3) return false;
            v += static_cast<char>(x);
            i += 2;
        }
        return true;
    }
    [[nodiscard]] bool at_end() {
        while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
        return pos_ >= s_.size();
    }

  private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

constexpr std::string_view task_tag = "task";
constexpr std::size_t max_kpis = 100000;
constexpr std::int64_t max_rows = 100000000;

void put_field(std::string& out, int v) {
    put_int(out, v);
}
void put_field(std::string& out, std::int64_t v) {
    put_int(out, v);
}
void put_field(std::string& out, double v) {
    put_double(out, v);
}
bool get_field(Fields& in, int& v) {
    return in.whole(v);
}
bool get_field(Fields& in, std::int64_t& v) {
    return in.integer(v);
}
bool get_field(Fields& in, double& v) {
    return in.real(v);
}

void put_evidence(std::string& out, const RunEvidence& e) {
    out += " evidence";
    evidence_fields(e, [&](const auto& list, const auto& rows) {
        put_int(out, static_cast<std::int64_t>(rows.size()));
        for (const auto& row : rows)
            std::apply([&](auto... m) { (put_field(out, row.*m), ...); }, list);
    });
    put_int(out, e.doses_used);
    put_int(out, e.doses_wasted);
    put_int(out, e.unmet);
}

bool get_evidence(Fields& in, RunEvidence& e) {
    bool ok = true;
    evidence_fields(e, [&](const auto& list, auto& rows) {
        std::int64_t n = 0;
        if (!ok || !in.integer(n) || n < 0 || n > max_rows) {
            ok = false;
            return;
        }
        rows.resize(static_cast<std::size_t>(n));
        for (auto& row : rows)
            if (ok)
                ok = std::apply([&](auto... m) { return (get_field(in, row.*m) && ...); }, list);
    });
    return ok && in.integer(e.doses_used) && in.integer(e.doses_wasted) && in.integer(e.unmet);
}

} // namespace

std::string encode_task(const TaskResult& r) {
    std::string out(task_tag);
    put_int(out, r.variant);
    put_int(out, r.record.replication);
    put_int(out, static_cast<std::int64_t>(r.record.seed));
    put_int(out, static_cast<std::int64_t>(r.record.events));
    const Totals& t = r.record.totals;
    for (const std::int64_t v :
         {t.vaccinations, t.first_doses, t.complete, t.tests, t.wanting, t.unmet,
          t.unmet_cannot_travel, t.home_vaccinations, t.no_shows, t.turned_away, t.unmet_tests,
          t.doses_delivered, t.doses_used, t.doses_wasted, t.vials_opened, t.shortfall_role_shifts,
          static_cast<std::int64_t>(t.day_coverage_target_reached)})
        put_int(out, v);
    for (const double v : {t.wait_mean_min, t.wait_p90_min, t.wait_p95_min, t.wait_max_min,
                           t.staff_hours, t.overtime_hours, t.cost_eur})
        put_double(out, v);
    const RunFacts& f = r.facts;
    for (const double v :
         {f.wanting, f.unmet, f.unmet_travel, f.doses_delivered, f.doses_used, f.doses_wasted,
          f.stock_left, f.slots_opened, f.slots_booked, f.short_role_shifts, f.short_staff_hours,
          f.worst_p90_min, f.worst_centre_short_hours, f.worst_centre_utilisation})
        put_double(out, v);
    put_text(out, f.worst_centre);
    put_text(out, f.worst_date);
    put_int(out, static_cast<std::int64_t>(r.kpis.size()));
    for (const double v : r.kpis) put_double(out, v);
    if (r.evidence) put_evidence(out, *r.evidence); // absent from a sweep's tasks
    out += " end";                                  // a line cut short anywhere is refused
    return out;
}

std::optional<TaskResult> decode_task(std::string_view line) {
    Fields in(line);
    const auto tag = in.next();
    if (!tag || *tag != task_tag) return std::nullopt;
    TaskResult r;
    Totals& t = r.record.totals;
    RunFacts& f = r.facts;
    bool ok = in.whole(r.variant) && in.whole(r.record.replication) && in.whole(r.record.seed) &&
              in.whole(r.record.events);
    for (std::int64_t* v : {&t.vaccinations, &t.first_doses, &t.complete, &t.tests, &t.wanting,
                            &t.unmet, &t.unmet_cannot_travel, &t.home_vaccinations, &t.no_shows,
                            &t.turned_away, &t.unmet_tests, &t.doses_delivered, &t.doses_used,
                            &t.doses_wasted, &t.vials_opened, &t.shortfall_role_shifts})
        ok = ok && in.integer(*v);
    ok = ok && in.whole(t.day_coverage_target_reached);
    for (double* v : {&t.wait_mean_min, &t.wait_p90_min, &t.wait_p95_min, &t.wait_max_min,
                      &t.staff_hours, &t.overtime_hours, &t.cost_eur})
        ok = ok && in.real(*v);
    for (double* v : {&f.wanting, &f.unmet, &f.unmet_travel, &f.doses_delivered, &f.doses_used,
                      &f.doses_wasted, &f.stock_left, &f.slots_opened, &f.slots_booked,
                      &f.short_role_shifts, &f.short_staff_hours, &f.worst_p90_min,
                      &f.worst_centre_short_hours, &f.worst_centre_utilisation})
        ok = ok && in.real(*v);
    ok = ok && in.text(f.worst_centre) && in.text(f.worst_date);
    std::int64_t n = 0;
    ok = ok && in.integer(n) && n >= 0 && static_cast<std::size_t>(n) <= max_kpis;
    if (!ok) return std::nullopt;
    r.kpis.resize(static_cast<std::size_t>(n));
    for (double& v : r.kpis)
        if (!in.real(v)) return std::nullopt;
    auto last = in.next();
    if (last == std::optional<std::string_view>("evidence")) {
        r.evidence.emplace();
        if (!get_evidence(in, *r.evidence)) return std::nullopt;
        last = in.next();
    }
    if (last != std::optional<std::string_view>("end")) return std::nullopt;
    if (!in.at_end() || r.variant < 0 || r.record.replication < 0) return std::nullopt;
    return r;
}

// ---- sweep info (a shard's shard.txt) -------------------------------------------------------

namespace {
constexpr std::string_view info_tag = "riposte-sweep-shard 1";
} // namespace

std::string encode_sweep_info(const SweepInfo& info) {
    std::string out(info_tag);
    out += "\nname";
    put_text(out, info.name);
    out += "\ndigest";
    put_text(out, info.digest);
    out += "\nreplications";
    put_int(out, info.replications);
    out += "\nseed";
    put_int(out, static_cast<std::int64_t>(info.seed));
    out += "\nbaseline";
    put_int(out, info.baseline);
    out += "\nshard";
    put_int(out, info.shard_index);
    put_int(out, info.shard_count);
    out += '\n';
    for (const SweepVariantInfo& v : info.variants) {
        out += "variant";
        for (const std::string* f : {&v.label, &v.world_file, &v.plan_file, &v.exercise_file,
                                     &v.staff, &v.uptake, &v.absence})
            put_text(out, *f);
        out += '\n';
        for (const auto& [name, higher] : v.kpis) {
            out += "kpi";
            put_text(out, name);
            put_int(out, higher ? 1 : 0);
            out += '\n';
        }
    }
    return out;
}

std::optional<SweepInfo> decode_sweep_info(std::string_view text, std::string& error) {
    SweepInfo info;
    std::size_t pos = 0;
    int line_no = 0;
    bool header = false;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        const auto bad = [&] {
            error = "line " + std::to_string(line_no) + " is not readable";
            return std::nullopt;
        };
        if (line_no == 1) {
            if (line != info_tag) {
                error = "this is not a riposte sweep shard description";
                return std::nullopt;
            }
            header = true;
            continue;
        }
        Fields in(line);
        const auto key = in.next();
        if (!key) continue;
        bool ok = true;
        if (*key == "name") {
            ok = in.text(info.name);
        } else if (*key == "digest") {
            ok = in.text(info.digest);
        } else if (*key == "replications") {
            ok = in.whole(info.replications) && info.replications >= 1;
        } else if (*key == "seed") {
            ok = in.whole(info.seed);
        } else if (*key == "baseline") {
            ok = in.whole(info.baseline);
        } else if (*key == "shard") {
            ok = in.whole(info.shard_index) && in.whole(info.shard_count) &&
                 info.shard_count >= 1 && info.shard_index >= 0 &&
                 info.shard_index < info.shard_count;
        } else if (*key == "variant") {
            SweepVariantInfo v;
            for (std::string* f : {&v.label, &v.world_file, &v.plan_file, &v.exercise_file,
                                   &v.staff, &v.uptake, &v.absence})
                ok = ok && in.text(*f);
            info.variants.push_back(std::move(v));
        } else if (*key == "kpi") {
            std::string name;
            int higher = 0;
            ok = !info.variants.empty() && in.text(name) && in.whole(higher);
            if (ok) info.variants.back().kpis.emplace_back(std::move(name), higher != 0);
        } else {
            ok = false;
        }
        if (!ok || !in.at_end()) return bad();
    }
    if (!header) {
        error = "empty shard description";
        return std::nullopt;
    }
    if (info.variants.empty() || info.baseline < 0 ||
        info.baseline >= static_cast<int>(info.variants.size())) {
        error = "the shard description names no variant or a wrong baseline";
        return std::nullopt;
    }
    return info;
}

// ---- running tasks -------------------------------------------------------------------------

TaskResult run_task(const SweepVariant& variant, int replication, std::uint64_t seed,
                    const std::function<bool()>& halted, bool& completed, bool evidence) {
    RunOptions ro;
    ro.seed = seed;
    ro.replication = replication;
    ro.exercise = variant.exercise;
    Simulation sim(*variant.scenario, ro);
    TaskResult out;
    completed = run_until_done(sim, halted);
    if (!completed) return out;
    const Results& r = sim.results();
    out.record.seed = r.seed;
    out.record.replication = r.replication;
    out.record.events = r.events;
    out.record.totals = r.totals;
    if (evidence) {
        out.evidence = evidence_of(*variant.scenario, r);
        return out;
    }
    out.facts = run_facts(*variant.scenario, r);
    for (const KpiValue& k : main_kpis(*variant.scenario, r)) out.kpis.push_back(k.value);
    return out;
}

TaskResult run_task(const SweepVariant& variant, int replication, std::uint64_t seed,
                    bool evidence) {
    bool completed = false;
    return run_task(
        variant, replication, seed, [] { return false; }, completed, evidence);
}

std::vector<ReplicationSet>
sets_from_tasks(const std::vector<std::vector<std::pair<std::string, bool>>>& kpi_names,
                std::vector<TaskResult> tasks, int replications) {
    std::sort(tasks.begin(), tasks.end(), [](const TaskResult& a, const TaskResult& b) {
        if (a.variant != b.variant) return a.variant < b.variant;
        return a.record.replication < b.record.replication;
    });
    std::vector<ReplicationSet> sets(kpi_names.size());
    for (std::size_t v = 0; v < sets.size(); ++v) {
        sets[v].requested = replications;
        for (const auto& [name, higher] : kpi_names[v])
            sets[v].kpis.push_back({name, higher, {}, 0, 0});
    }
    for (TaskResult& t : tasks) {
        if (t.variant < 0 || static_cast<std::size_t>(t.variant) >= sets.size()) continue;
        ReplicationSet& s = sets[static_cast<std::size_t>(t.variant)];
        if (!s.runs.empty() && s.runs.back().replication == t.record.replication) continue;
        s.runs.push_back(t.record);
        s.facts.push_back(std::move(t.facts));
        for (std::size_t j = 0; j < s.kpis.size(); ++j)
            s.kpis[j].values.push_back(j < t.kpis.size() ? t.kpis[j] : std::nan(""));
    }
    for (ReplicationSet& s : sets) s.partial = static_cast<int>(s.runs.size()) < replications;
    return sets;
}

std::vector<std::pair<std::string, bool>> kpi_names_of(const Scenario& s) {
    std::vector<std::pair<std::string, bool>> out;
    for (const KpiValue& k : main_kpis(s, Results{})) out.emplace_back(k.name, k.higher_is_better);
    return out;
}

std::vector<ReplicationSet> sets_from_tasks(const std::vector<SweepVariant>& variants,
                                            std::vector<TaskResult> tasks, int replications) {
    std::vector<std::vector<std::pair<std::string, bool>>> names;
    for (const SweepVariant& v : variants) names.push_back(kpi_names_of(*v.scenario));
    return sets_from_tasks(names, std::move(tasks), replications);
}

namespace sweep_detail {

TaskQueue::TaskQueue(const std::vector<SweepVariant>& variants, const SweepOptions& options)
    : variants_(variants), options_(options) {
    const int nv = static_cast<int>(variants.size());
    const int reps = std::max(0, options.replications);
    const int shards = std::max(1, options.shard_count);
    std::vector<char> have(static_cast<std::size_t>(nv) * static_cast<std::size_t>(reps), 0);
    std::vector<char> wanted(static_cast<std::size_t>(reps), options.replication_subset.empty());
    for (const int r : options.replication_subset)
        if (r >= 0 && r < reps) wanted[static_cast<std::size_t>(r)] = 1;
    for (const TaskResult& t : options.finished) {
        if (t.variant < 0 || t.variant >= nv || t.record.replication < 0 ||
            t.record.replication >= reps || !wanted[static_cast<std::size_t>(t.record.replication)])
            continue;
        const std::size_t i = task_index(t.variant, t.record.replication, nv);
        if (i % static_cast<std::size_t>(shards) != static_cast<std::size_t>(options.shard_index))
            continue;
        if (have[i]) continue;
        have[i] = 1;
        results_.push_back(t);
    }
    for (std::size_t i = 0; i < have.size(); ++i) {
        if (i % static_cast<std::size_t>(shards) != static_cast<std::size_t>(options.shard_index))
            continue;
        if (!wanted[i / static_cast<std::size_t>(std::max(1, nv))]) continue;
        ++total_;
        if (!have[i]) pending_.push_back(i);
    }
    done_ = static_cast<int>(results_.size());
}

bool TaskQueue::cancelled() const {
    return options_.cancel && options_.cancel->load();
}

std::optional<std::size_t> TaskQueue::take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stop_ || cancelled() || next_ >= pending_.size()) return std::nullopt;
    if (options_.stop_after >= 0 && static_cast<int>(next_) >= options_.stop_after)
        return std::nullopt;
    return pending_[next_++];
}

bool TaskQueue::halted() const {
    if (cancelled()) return true;
    std::lock_guard<std::mutex> lock(mutex_);
    return stop_;
}

void TaskQueue::finish(TaskResult&& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stop_ && failure_) return;
    bool ok = true;
    if (options_.on_finished) ok = options_.on_finished(r);
    results_.push_back(std::move(r));
    ++done_;
    ++ran_;
    if (options_.progress) options_.progress(done_, total_);
    if (!ok) stop_ = true;
}

void TaskQueue::fail(std::exception_ptr e) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!failure_) failure_ = std::move(e);
    stop_ = true;
}

void TaskQueue::work() {
    try {
        while (const auto i = take()) {
            const int nv = static_cast<int>(variants_.size());
            const int v = static_cast<int>(*i % static_cast<std::size_t>(nv));
            const int rep = static_cast<int>(*i / static_cast<std::size_t>(nv));
            bool completed = false;
            TaskResult r = run_task(
                variants_[static_cast<std::size_t>(v)], rep, options_.seed,
                [this] { return halted(); }, completed, options_.evidence);
            if (!completed) return;
            r.variant = v;
            finish(std::move(r));
        }
    } catch (...) {
        fail(std::current_exception());
    }
}

void TaskQueue::run_threads(int threads) {
    if (threads <= 1) {
        work();
        return;
    }
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back([this] { work(); });
    for (auto& t : pool) t.join();
}

SweepOutcome TaskQueue::outcome() {
    if (failure_) std::rethrow_exception(failure_);
    SweepOutcome out;
    out.total = total_;
    out.ran = ran_;
    out.complete = done_ >= total_;
    out.sets = sets_from_tasks(variants_, results_, options_.replications);
    std::sort(results_.begin(), results_.end(), [](const TaskResult& a, const TaskResult& b) {
        if (a.variant != b.variant) return a.variant < b.variant;
        return a.record.replication < b.record.replication;
    });
    out.tasks = std::move(results_);
    return out;
}

} // namespace sweep_detail

SweepOutcome run_sweep(const std::vector<SweepVariant>& variants, const SweepOptions& options) {
    if (options.shard_count < 1 || options.shard_index < 0 ||
        options.shard_index >= options.shard_count)
        throw std::invalid_argument("run_sweep: shard index out of range");
    for (const SweepVariant& v : variants)
        if (!v.scenario) throw std::invalid_argument("run_sweep: a variant has no scenario");
    if (options.mpi) return sweep_detail::run_sweep_mpi(variants, options);
    sweep_detail::TaskQueue queue(variants, options);
    if (!variants.empty()) queue.run_threads(std::max(1, options.threads));
    return queue.outcome();
}

} // namespace riposte
