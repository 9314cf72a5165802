// Reading exercise files (riposte/exercise_loader.hpp, docs/exercise.md): the chronogramme's
// scripted injects, its triggers and its objectives.
#include "riposte/exercise_loader.hpp"

#include "change_reader.hpp"
#include "core/file_input.hpp"
#include "core/text_parse.hpp"
#include "loader_internal.hpp"

#include <algorithm>
#include <map>

namespace riposte {

namespace {

using loader::TableReader;
using loader::TomlFile;

constexpr std::string_view exercise_top_keys[] = {"exercise", "inject", "trigger", "objective"};

constexpr std::string_view kpi_names[] = {"arrivals",
                                          "served",
                                          "no_shows",
                                          "turned_away",
                                          "walk_ins",
                                          "vaccinations",
                                          "tests",
                                          "wait_mean_min",
                                          "wait_p50_min",
                                          "wait_p90_min",
                                          "wait_p95_min",
                                          "wait_max_min",
                                          "time_in_centre_mean_min",
                                          "max_waiting",
                                          "overtime_hours",
                                          "doses_used",
                                          "vials_opened",
                                          "doses_wasted",
                                          "stock_end",
                                          "slots_opened",
                                          "slots_booked"};

class ExerciseReader {
  public:
    ExerciseReader(const TomlFile& f, Exercise& ex, std::vector<ExerciseName>& names)
        : f_(f), ex_(ex), names_(names) {}

    void read(const toml::table& root) {
        TableReader top(f_, root, "the exercise file");
        if (const toml::table* t = top.subtable("exercise", true)) {
            TableReader r(f_, *t, "[exercise]");
            ex_.name = r.string("name", true, "name = \"Vague hivernale\"").value_or("");
            ex_.synopsis = r.string("synopsis").value_or("");
            r.finish();
        }
        for (const toml::table* t : top.table_array("inject")) inject(*t);
        for (const toml::table* t : top.table_array("trigger")) trigger(*t);
        for (const toml::table* t : top.table_array("objective")) objective(*t);
        top.finish();
        std::stable_sort(
            ex_.injects.begin(), ex_.injects.end(),
            [](const ScriptedInject& a, const ScriptedInject& b) { return a.at < b.at; });
    }

  private:
    std::string id(TableReader& r, std::string_view example) {
        const toml::node* n = r.node("id", true, example);
        if (!n) return {};
        auto s = loader::to_string(f_, *n, "'id'");
        if (!s) return {};
        if (s->empty() || s->size() > 200) {
            f_.error(*n, "exercise.bad_id", say(text::diag.exercise_bad_id, {example}));
            return {};
        }
        const SourceLoc where = f_.loc(*n);
        const auto [it, fresh] = ids_.emplace(*s, where.line);
        if (!fresh) {
            f_.error(*n, "exercise.duplicate_id",
                     say(text::diag.exercise_duplicate_id, {*s, std::to_string(it->second)}));
            return {};
        }
        return *s;
    }

    void note_day(SimTime t, const toml::node* n) {
        if (!n) return;
        ExerciseName e;
        e.what = ExerciseName::What::Day;
        e.day = t.day();
        e.value = "J" + std::to_string(t.day());
        e.where = f_.loc(*n);
        names_.push_back(std::move(e));
    }

    void inject(const toml::table& t) {
        TableReader r(f_, t, "[[inject]]");
        ScriptedInject in;
        in.line = r.loc().line;
        in.id = id(r, "id = \"fridge-failure\"");
        const auto at = loader::read_day_time(r, "at", true);
        if (at) note_day(*at, t.get("at"));
        loader::ChangeContext ctx;
        ctx.at = at;
        ctx.names = &names_;
        std::optional<Change> change;
        if (at)
            change = loader::read_change(r, ctx);
        else {
            // without a moment, `for` cannot be checked: read the rest for its own errors
            ctx.at = SimTime{};
            change = loader::read_change(r, ctx);
        }
        in.text = r.string("text").value_or("");
        in.notes = r.string("notes").value_or("");
        r.finish();
        if (!at || !change || in.id.empty()) return;
        in.at = *at;
        in.change = std::move(*change);
        if (auto* m = std::get_if<Message>(&in.change); m && m->text.empty()) m->text = in.text;
        ex_.injects.push_back(std::move(in));
    }

    std::optional<Condition> condition(const toml::node& n) {
        const auto* t = n.as_table();
        if (!t) {
            f_.error(n, "value.type", say(text::diag.exercise_when_table, {loader::type_words(n)}));
            return std::nullopt;
        }
        TableReader r(f_, *t, "'when'");
        static constexpr std::string_view kinds[] = {"queue_above", "stock_below_days", "at"};
        int count = 0;
        for (const auto k : kinds) count += r.has(k) ? 1 : 0;
        if (count != 1) {
            for (const auto k : kinds) r.allow(k);
            r.allow("for_minutes");
            r.allow("centre");
            r.finish();
            f_.error(n, "exercise.condition", say(text::diag.exercise_when_one));
            return std::nullopt;
        }
        Condition c;
        bool ok = true;
        if (r.has("queue_above")) {
            c.kind = Condition::Kind::QueueAbove;
            const auto v = r.number("queue_above", loader::Range{0, 1e9, nullptr});
            ok = ok && v;
            c.threshold = v.value_or(0);
            const auto m = r.number("for_minutes", loader::Range{0, 1e6, nullptr});
            if (r.has("for_minutes") && !m) ok = false;
            c.for_time = round_seconds(m.value_or(0) * 60.0);
        } else if (r.has("stock_below_days")) {
            c.kind = Condition::Kind::StockBelowDays;
            const auto v = r.number("stock_below_days", loader::Range{0, 1e6, nullptr});
            ok = ok && v;
            c.threshold = v.value_or(0);
            if (v && *v <= 0) {
                f_.error(*t->get("stock_below_days"), "value.out_of_range",
                         say(text::diag.exercise_stock_positive));
                ok = false;
            }
        } else {
            c.kind = Condition::Kind::At;
            const auto v = loader::read_day_time(r, "at", true);
            ok = ok && v;
            c.at = v.value_or(SimTime{});
            if (v) note_day(*v, t->get("at"));
        }
        if (const toml::node* cn = r.node("centre")) {
            auto ref = loader::to_centre_ref(f_, *cn, "'centre'", false, &names_);
            ok = ok && ref;
            if (ref) c.centre = *ref;
        }
        r.finish();
        if (!ok) return std::nullopt;
        return c;
    }

    void trigger(const toml::table& t) {
        TableReader r(f_, t, "[[trigger]]");
        TriggeredInject tr;
        tr.line = r.loc().line;
        tr.id = id(r, "id = \"long-queue\"");
        std::optional<Condition> when;
        if (const toml::node* w =
                r.node("when", true, "when = { queue_above = 50, for_minutes = 30 }"))
            when = condition(*w);
        loader::ChangeContext ctx;
        ctx.trigger = true;
        ctx.names = &names_;
        auto change = loader::read_change(r, ctx);
        tr.text = r.string("text").value_or("");
        tr.notes = r.string("notes").value_or("");
        tr.once = r.boolean("once").value_or(true);
        r.finish();
        if (!when || !change || tr.id.empty()) return;
        tr.when = *when;
        tr.change = std::move(*change);
        if (auto* m = std::get_if<Message>(&tr.change); m && m->text.empty()) m->text = tr.text;
        ex_.triggers.push_back(std::move(tr));
    }

    std::optional<ObjectiveCheck> check(const toml::table& t) {
        TableReader r(f_, t, "[[objective.check]]");
        ObjectiveCheck c;
        bool ok = true;
        const auto k = r.keyword("kpi", kpi_names, true);
        ok = ok && k;
        if (k) c.kpi = std::string(kpi_names[*k]);
        const bool has_below = r.has("below"), has_above = r.has("above");
        if (has_below == has_above) {
            r.allow("below");
            r.allow("above");
            f_.error(r.loc(), "exercise.check_bound", say(text::diag.exercise_check_bound));
            ok = false;
        } else {
            c.below = has_below;
            const auto v = r.number(has_below ? "below" : "above", loader::Range{0, 1e12, nullptr});
            ok = ok && v;
            c.threshold = v.value_or(0);
        }
        if (const toml::node* d = r.node("days")) {
            if (const auto* arr = d->as_array()) {
                if (arr->size() != 2) {
                    f_.error(*d, "exercise.days", say(text::diag.exercise_days_pair));
                    ok = false;
                } else {
                    const auto a = loader::to_int(f_, (*arr)[0], say(text::diag.exercise_first_day),
                                                  0, loader::max_day_index);
                    const auto b = loader::to_int(f_, (*arr)[1], say(text::diag.exercise_last_day),
                                                  0, loader::max_day_index);
                    ok = ok && a && b;
                    if (a && b && *a > *b) {
                        f_.error(*d, "exercise.days",
                                 say(text::diag.exercise_days_reversed,
                                     {std::to_string(*a), std::to_string(*b)}));
                        ok = false;
                    }
                    if (a && b) {
                        c.from_day = static_cast<int>(*a);
                        c.to_day = static_cast<int>(*b);
                        note_day(days(*a), d);
                    }
                }
            } else {
                const auto a = loader::to_int(f_, *d, "'days'", 0, loader::max_day_index);
                ok = ok && a;
                if (a) {
                    c.from_day = c.to_day = static_cast<int>(*a);
                    note_day(days(*a), d);
                }
            }
        }
        if (const toml::node* cn = r.node("centre")) {
            auto ref = loader::to_centre_ref(f_, *cn, "'centre'", false, &names_);
            ok = ok && ref;
            if (ref) c.centre = *ref;
        }
        r.finish();
        if (!ok) return std::nullopt;
        return c;
    }

    void objective(const toml::table& t) {
        TableReader r(f_, t, "[[objective]]");
        Objective o;
        o.line = r.loc().line;
        bool ok = true;
        const auto id = r.string("id", true, "id = \"waits\"");
        ok = ok && id;
        o.id = id.value_or("");
        if (id) {
            const auto [it, fresh] = objective_ids_.emplace(*id, f_.loc(*t.get("id")).line);
            if (!fresh) {
                f_.error(*t.get("id"), "exercise.duplicate_id",
                         say(text::diag.exercise_duplicate_objective,
                             {*id, std::to_string(it->second)}));
                ok = false;
            }
        }
        const auto text = r.string("text", true, "text = \"Tenir les délais d'attente\"");
        ok = ok && text;
        o.text = text.value_or("");
        if (const toml::node* n = r.node("observe")) {
            const auto* arr = n->as_array();
            if (!arr) {
                f_.error(*n, "value.type", say(text::diag.exercise_observe_list));
                ok = false;
            } else {
                for (const toml::node& item : *arr) {
                    auto s =
                        loader::to_string(f_, item, say(text::diag.each_item_of, {"'observe'"}));
                    if (s)
                        o.observations.push_back(std::move(*s));
                    else
                        ok = false;
                }
            }
        }
        for (const toml::table* ct : r.table_array("check")) {
            auto c = check(*ct);
            if (c)
                o.checks.push_back(*c);
            else
                ok = false;
        }
        r.finish();
        if (ok) ex_.objectives.push_back(std::move(o));
    }

    const TomlFile& f_;
    Exercise& ex_;
    std::vector<ExerciseName>& names_;
    std::map<std::string, int> ids_;
    std::map<std::string, int> objective_ids_;
};

ExerciseLoadResult load_text(const std::optional<std::string>& text, const std::string& name,
                             Diagnostics diags) {
    ExerciseLoadResult out;
    Exercise ex;
    ex.file = name;
    if (text) {
        if (auto root = loader::parse_toml(*text, name, diags)) {
            TomlFile f(name, *text, std::filesystem::path(name).parent_path(), diags);
            f.set_root(&*root, exercise_top_keys);
            ExerciseReader(f, ex, out.names).read(*root);
        }
    }
    // in file order (the readers report a table's unknown keys after its values)
    std::vector<Diagnostic> items = diags.items();
    std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
    for (Diagnostic& d : items) out.diagnostics.add(std::move(d));
    if (text && !out.diagnostics.has_errors()) out.exercise = std::move(ex);
    return out;
}

} // namespace

std::span<const std::string_view> objective_kpi_names() {
    return kpi_names;
}

ExerciseLoadResult load_exercise_text(std::string_view text, std::string name) {
    return load_text(std::string(text), name, {});
}

ExerciseLoadResult load_exercise(const std::filesystem::path& file) {
    Diagnostics diags;
    loader::FileRead r = loader::read_input_file(file, loader::max_file_bytes);
    if (!r.text) {
        Bilingual msg = say(text::diag.cannot_read_file,
                            {loader::phrase("exercise"), loader::phrase(r.reason)});
        if (r.failure == loader::FileReadFailure::Missing) msg += say(text::diag.check_path);
        diags.error({file.string(), 1, 1}, loader::file_read_id(r.failure), std::move(msg));
    }
    return load_text(r.text, file.string(), std::move(diags));
}

Diagnostics check_exercise(const ExerciseLoadResult& loaded, const Scenario& s) {
    Diagnostics d;
    std::vector<std::string> centres;
    for (const Centre& c : s.plan.centres) centres.push_back(c.name);
    for (const ExerciseName& n : loaded.names) {
        switch (n.what) {
        case ExerciseName::What::Centre:
            loader::resolve_name(centres, n.value, "centre", n.where, d,
                                 say(text::diag.exercise_fix_centre));
            break;
        case ExerciseName::What::Station: {
            std::vector<std::string> stations;
            const int ci = n.centre.empty() ? -1 : s.plan.find_centre(n.centre).value();
            if (!n.centre.empty() && ci < 0) break; // the centre is reported
            for (std::size_t k = 0; k < s.plan.centres.size(); ++k) {
                if (ci >= 0 && static_cast<int>(k) != ci) continue;
                for (const Station& st : s.plan.centres[k].stations)
                    if (std::find(stations.begin(), stations.end(), st.name) == stations.end())
                        stations.push_back(st.name);
            }
            loader::resolve_name(stations, n.value, "station", n.where, d,
                                 ci >= 0 ? say(text::diag.exercise_fix_station_of, {n.centre})
                                         : say(text::diag.exercise_fix_station));
            break;
        }
        case ExerciseName::What::Profession:
            loader::resolve_name(s.world.professions.vector(), n.value, "profession", n.where, d,
                                 say(text::diag.exercise_fix_profession));
            break;
        case ExerciseName::What::Role:
            loader::resolve_name(s.world.roles.vector(), n.value, "role", n.where, d,
                                 say(text::diag.exercise_fix_role));
            break;
        case ExerciseName::What::Group: {
            std::vector<std::string> groups;
            for (const PopulationGroup& g : s.world.groups) groups.push_back(g.name);
            loader::resolve_name(groups, n.value, "group", n.where, d,
                                 say(text::diag.exercise_fix_group));
            break;
        }
        case ExerciseName::What::Team: {
            std::vector<std::string> teams;
            for (const MobileTeam& t : s.plan.mobile_teams) teams.push_back(t.name);
            loader::resolve_name(teams, n.value, "mobile team", n.where, d,
                                 say(text::diag.exercise_fix_team));
            break;
        }
        case ExerciseName::What::Commune:
            if (s.world.find_commune(n.value) < 0) {
                std::vector<std::string> names;
                for (const Commune& c : s.world.territory.communes) {
                    names.push_back(c.name);
                    names.push_back(c.insee);
                }
                Bilingual msg = say(text::diag.unknown_commune, {n.value});
                if (const auto m = loader::closest_match(n.value, names))
                    msg += say(text::diag.did_you_mean, {*m});
                msg += say(text::diag.commune_fix);
                d.error(n.where, "ref.unknown", std::move(msg));
            }
            break;
        case ExerciseName::What::CentreKind: {
            const bool any =
                std::any_of(s.plan.centres.begin(), s.plan.centres.end(), [&](const Centre& c) {
                    return (n.value == "vaccination" && c.kind == CentreKind::Vaccination) ||
                           (n.value == "testing" && c.kind == CentreKind::Testing) ||
                           (n.value == "both" && c.kind == CentreKind::Both);
                });
            if (!any)
                d.warning(n.where, "exercise.no_centre_of_kind",
                          say(text::diag.exercise_no_centre_of_kind, {n.value}));
            break;
        }
        case ExerciseName::What::Day:
            if (n.day >= s.world.days)
                d.warning(n.where, "exercise.after_run",
                          say(text::diag.exercise_after_run,
                              {n.value, std::to_string(s.world.days - 1)}));
            break;
        }
    }
    return d;
}

ExerciseLoadResult load_exercise(const std::filesystem::path& file, const Scenario& scenario) {
    ExerciseLoadResult r = load_exercise(file);
    if (r.exercise) {
        r.diagnostics.append(check_exercise(r, scenario));
        if (r.diagnostics.has_errors()) r.exercise.reset();
    }
    return r;
}

ChangeParse parse_change_toml(std::string_view text, std::string name, std::optional<SimTime> at) {
    ChangeParse out;
    const std::string owned(text);
    if (auto root = loader::parse_toml(owned, name, out.diagnostics)) {
        TomlFile f(name, owned, {}, out.diagnostics);
        f.set_root(&*root, {});
        TableReader r(f, *root, "the change");
        loader::ChangeContext ctx;
        ctx.at = at;
        auto c = loader::read_change(r, ctx);
        r.finish();
        if (c && !out.diagnostics.has_errors()) out.change = std::move(c);
    }
    return out;
}

} // namespace riposte
