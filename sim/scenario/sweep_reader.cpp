// Reading sweep files (riposte/sweep_loader.hpp, docs/sweeps.md) and preparing their variants.
#include "riposte/sweep_loader.hpp"

#include "core/file_input.hpp"
#include "loader_internal.hpp"
#include "riposte/exercise_loader.hpp"
#include "riposte/journal.hpp"
#include "riposte/scenario_loader.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace riposte {

namespace {

using loader::TableReader;
using loader::TomlFile;

constexpr std::string_view sweep_top_keys[] = {"sweep", "variant", "grid"};
constexpr loader::Range factor_range{0.0, 10.0, "a factor between 0 and 10, e.g. 0.8 or 1.2"};
constexpr loader::Range absence_range{0.0, 0.9, "a daily absence probability, e.g. 0.05 for 5%"};

std::string short_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

/// One dimension of a grid: the values a key takes, each a way of changing a variant.
struct Dimension {
    std::string key; ///< as the label shows it ("staff.injection", "plan")
    std::vector<std::string> shown;
    std::vector<std::function<void(SweepVariantSpec&)>> apply;
};

class SweepReader {
  public:
    SweepReader(const TomlFile& f, SweepSpec& s) : f_(f), s_(s) {}

    void read(const toml::table& root) {
        TableReader top(f_, root, "the sweep file");
        std::string baseline;
        SourceLoc baseline_loc;
        if (const toml::table* t = top.subtable("sweep", true)) {
            TableReader r(f_, *t, "[sweep]");
            s_.name = r.string("name").value_or("");
            if (const auto w = r.string("world", true, "world = \"world.toml\""))
                world_ = f_.resolve(*w);
            s_.replications =
                static_cast<int>(r.integer("replications", 1, 100000).value_or(s_.replications));
            s_.seed =
                static_cast<std::uint64_t>(r.integer("seed", 0, std::int64_t{1} << 62).value_or(1));
            if (const toml::node* n = r.node("baseline")) {
                baseline = loader::to_string(f_, *n, "'baseline'").value_or("");
                baseline_loc = f_.loc(*n);
            }
            r.finish();
        }
        for (const toml::table* t : top.table_array("variant")) variant(*t);
        if (const toml::table* t = top.subtable("grid")) grid(*t);
        top.finish();
        if (s_.variants.empty() && !f_.diags().has_errors()) {
            f_.error(SourceLoc{f_.name(), 1, 1}, "sweep.no_variant",
                     say(text::diag.sweep_no_variant));
        }
        if (static_cast<int>(s_.variants.size()) > max_sweep_variants) {
            f_.error(SourceLoc{f_.name(), 1, 1}, "sweep.too_many",
                     say(text::diag.sweep_too_many,
                         {std::to_string(s_.variants.size()), std::to_string(max_sweep_variants)}));
            return;
        }
        std::map<std::string, int> seen;
        for (std::size_t i = 0; i < s_.variants.size(); ++i) {
            const auto& v = s_.variants[i];
            const auto [it, fresh] = seen.emplace(v.label, v.where.line);
            if (!fresh)
                f_.error(
                    v.where, "sweep.duplicate_label",
                    say(text::diag.sweep_duplicate_label, {v.label, std::to_string(it->second)}));
        }
        if (!baseline.empty()) {
            const auto it = std::find_if(s_.variants.begin(), s_.variants.end(),
                                         [&](const auto& v) { return v.label == baseline; });
            if (it == s_.variants.end()) {
                std::vector<std::string> labels;
                for (const auto& v : s_.variants) labels.push_back(v.label);
                loader::resolve_name(labels, baseline, "variant", baseline_loc, f_.diags(),
                                     say(text::diag.sweep_baseline_fix));
            } else {
                s_.baseline = static_cast<int>(it - s_.variants.begin());
            }
        }
    }

  private:
    void staff(TableReader& r, SweepVariantSpec& v) {
        const toml::table* t = r.subtable("staff");
        if (!t) return;
        for (const auto& [key, node] : *t) {
            const auto f =
                loader::to_number(f_, node, "'staff." + std::string(key.str()) + "'", factor_range);
            if (!f) continue;
            v.overrides.staff.emplace_back(std::string(key.str()), *f);
            v.staff_loc.push_back(f_.loc(key));
        }
    }

    void uptake(const toml::node& n, SweepVariantSpec& v) {
        if (const toml::table* t = n.as_table()) {
            for (const auto& [key, node] : *t) {
                const auto u = loader::to_number(
                    f_, node, "'uptake." + std::string(key.str()) + "'", loader::share_range);
                if (!u) continue;
                v.overrides.uptake.emplace_back(std::string(key.str()), *u);
                v.uptake_loc.push_back(f_.loc(key));
            }
            return;
        }
        if (const auto u = loader::to_number(f_, n, "'uptake'", loader::share_range)) {
            v.overrides.uptake.emplace_back(std::string(), *u);
            v.uptake_loc.push_back(f_.loc(n));
        }
    }

    void variant(const toml::table& t) {
        TableReader r(f_, t, "[[variant]]");
        SweepVariantSpec v;
        v.where = r.loc();
        v.world = world_;
        if (const auto w = r.string("world")) v.world = f_.resolve(*w);
        const auto plan = r.string("plan", true, "plan = \"plan.toml\"");
        if (plan) v.plan = f_.resolve(*plan);
        v.label = r.string("label").value_or("");
        staff(r, v);
        if (const toml::node* n = r.node("uptake")) uptake(*n, v);
        v.overrides.absence = r.number("absence", absence_range);
        if (const auto e = r.string("exercise"); e && !e->empty()) v.exercise = f_.resolve(*e);
        r.finish();
        if (v.label.empty()) v.label = "v" + std::to_string(s_.variants.size() + 1);
        s_.variants.push_back(std::move(v));
    }

    /// The values of grid key `key`: an array, or a single value (one level).
    std::vector<const toml::node*> values(const toml::node& n) {
        std::vector<const toml::node*> out;
        if (const toml::array* a = n.as_array()) {
            if (a->empty())
                f_.error(n, "sweep.empty_dimension", say(text::diag.sweep_empty_dimension));
            for (const toml::node& x : *a) out.push_back(&x);
        } else {
            out.push_back(&n);
        }
        return out;
    }

    void grid(const toml::table& t) {
        TableReader r(f_, t, "[grid]");
        SweepVariantSpec base;
        base.where = r.loc();
        base.world = world_;
        std::vector<Dimension> dims;
        const auto stem = [](const std::filesystem::path& p) { return p.stem().string(); };
        if (const toml::node* n = r.node("plan", true, "plan = [\"plan.toml\"]")) {
            Dimension d{"plan", {}, {}};
            for (const toml::node* x : values(*n)) {
                const auto s = loader::to_string(f_, *x, "'plan'");
                if (!s) continue;
                const auto p = f_.resolve(*s);
                d.shown.push_back(stem(p));
                d.apply.emplace_back([p](SweepVariantSpec& v) { v.plan = p; });
            }
            dims.push_back(std::move(d));
        }
        if (const toml::table* st = r.subtable("staff")) {
            for (const auto& [key, node] : *st) {
                Dimension d{"staff." + std::string(key.str()), {}, {}};
                const std::string role(key.str());
                const SourceLoc where = f_.loc(key);
                for (const toml::node* x : values(node)) {
                    const auto f = loader::to_number(f_, *x, "'" + d.key + "'", factor_range);
                    if (!f) continue;
                    d.shown.push_back(short_number(*f));
                    d.apply.emplace_back([role, where, f = *f](SweepVariantSpec& v) {
                        v.overrides.staff.emplace_back(role, f);
                        v.staff_loc.push_back(where);
                    });
                }
                dims.push_back(std::move(d));
            }
        }
        if (const toml::node* n = r.node("uptake")) {
            Dimension d{"uptake", {}, {}};
            for (const toml::node* x : values(*n)) {
                const auto u = loader::to_number(f_, *x, "'uptake'", loader::share_range);
                if (!u) continue;
                const SourceLoc where = f_.loc(*x);
                d.shown.push_back(short_number(*u));
                d.apply.emplace_back([where, u = *u](SweepVariantSpec& v) {
                    v.overrides.uptake.emplace_back(std::string(), u);
                    v.uptake_loc.push_back(where);
                });
            }
            dims.push_back(std::move(d));
        }
        if (const toml::node* n = r.node("absence")) {
            Dimension d{"absence", {}, {}};
            for (const toml::node* x : values(*n)) {
                const auto a = loader::to_number(f_, *x, "'absence'", absence_range);
                if (!a) continue;
                d.shown.push_back(short_number(*a));
                d.apply.emplace_back([a = *a](SweepVariantSpec& v) { v.overrides.absence = a; });
            }
            dims.push_back(std::move(d));
        }
        if (const toml::node* n = r.node("exercise")) {
            Dimension d{"exercise", {}, {}};
            for (const toml::node* x : values(*n)) {
                const auto s = loader::to_string(f_, *x, "'exercise'");
                if (!s) continue;
                const std::filesystem::path p =
                    s->empty() ? std::filesystem::path{} : f_.resolve(*s);
                d.shown.push_back(s->empty() ? "none" : stem(p));
                d.apply.emplace_back([p](SweepVariantSpec& v) { v.exercise = p; });
            }
            dims.push_back(std::move(d));
        }
        r.finish();
        if (f_.diags().has_errors()) return;
        double count = 1;
        for (const Dimension& d : dims) count *= static_cast<double>(d.apply.size());
        if (count > max_sweep_variants) {
            f_.error(base.where, "sweep.too_many",
                     say(text::diag.sweep_grid_too_many,
                         {short_number(count), std::to_string(max_sweep_variants)}));
            return;
        }
        // the product, first dimension slowest; the label names the dimensions that vary
        std::vector<std::size_t> at(dims.size(), 0);
        for (;;) {
            SweepVariantSpec v = base;
            std::string label;
            for (std::size_t k = 0; k < dims.size(); ++k) {
                dims[k].apply[at[k]](v);
                if (dims[k].apply.size() > 1)
                    label += (label.empty() ? "" : " ") + dims[k].key + "=" + dims[k].shown[at[k]];
            }
            v.label = label.empty() ? "grid" : label;
            s_.variants.push_back(std::move(v));
            std::size_t k = dims.size();
            while (k > 0) {
                --k;
                if (++at[k] < dims[k].apply.size()) break;
                at[k] = 0;
                if (k == 0) return;
            }
            if (dims.empty()) return;
        }
    }

    const TomlFile& f_;
    SweepSpec& s_;
    std::filesystem::path world_;
};

SweepLoadResult load_text(const std::optional<std::string>& text, const std::string& name,
                          const std::filesystem::path& base_dir, Diagnostics diags) {
    SweepLoadResult out;
    SweepSpec spec;
    spec.file = name;
    if (text) {
        if (auto root = loader::parse_toml(*text, name, diags)) {
            TomlFile f(name, *text, base_dir, diags);
            f.set_root(&*root, sweep_top_keys);
            SweepReader(f, spec).read(*root);
        }
    }
    std::vector<Diagnostic> items = diags.items();
    std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
    for (Diagnostic& d : items) out.diagnostics.add(std::move(d));
    if (text && !out.diagnostics.has_errors()) out.sweep = std::move(spec);
    return out;
}

std::string overrides_text(const VariantOverrides& o) {
    std::string s;
    char buf[64];
    for (const auto& [role, f] : o.staff) {
        std::snprintf(buf, sizeof buf, "%a", f);
        s += "staff " + role + " " + buf + "\n";
    }
    for (const auto& [group, u] : o.uptake) {
        std::snprintf(buf, sizeof buf, "%a", u);
        s += "uptake " + group + " " + buf + "\n";
    }
    if (o.absence) {
        std::snprintf(buf, sizeof buf, "%a", *o.absence);
        s += std::string("absence ") + buf + "\n";
    }
    return s;
}

} // namespace

SweepLoadResult load_sweep_text(std::string_view text, std::string name,
                                const std::filesystem::path& base_dir) {
    return load_text(std::string(text), name, base_dir, {});
}

SweepLoadResult load_sweep(const std::filesystem::path& file) {
    Diagnostics diags;
    loader::FileRead r = loader::read_input_file(file, loader::max_file_bytes);
    if (!r.text) {
        Bilingual msg =
            say(text::diag.cannot_read_file, {loader::phrase("sweep"), loader::phrase(r.reason)});
        if (r.failure == loader::FileReadFailure::Missing) msg += say(text::diag.check_path);
        diags.error({file.string(), 1, 1}, loader::file_read_id(r.failure), std::move(msg));
    }
    return load_text(r.text, file.string(), file.parent_path(), std::move(diags));
}

PreparedSweep prepare_sweep(const SweepSpec& spec) {
    PreparedSweep out;
    std::map<std::pair<std::string, std::string>, std::shared_ptr<const Scenario>> loaded;
    std::set<std::pair<std::string, std::string>> failed;
    std::map<std::string, std::string> digests; // file → sha256
    const auto digest_of = [&](const std::filesystem::path& p) -> const std::string& {
        auto it = digests.find(p.string());
        if (it == digests.end()) it = digests.emplace(p.string(), sha256_file(p)).first;
        return it->second;
    };
    std::string canon = "riposte sweep 1\nreplications " + std::to_string(spec.replications) +
                        "\nseed " + std::to_string(spec.seed) + "\n";
    std::vector<SweepVariant> variants;
    for (const SweepVariantSpec& v : spec.variants) {
        const auto key = std::make_pair(v.world.string(), v.plan.string());
        if (failed.count(key) > 0) continue;
        std::shared_ptr<const Scenario> base;
        if (auto it = loaded.find(key); it != loaded.end()) {
            base = it->second;
        } else {
            LoadResult lr = load_scenario(v.world, v.plan);
            out.diagnostics.append(lr.diagnostics);
            if (!lr.scenario) {
                failed.insert(key);
                continue;
            }
            base = std::make_shared<const Scenario>(std::move(*lr.scenario));
            loaded.emplace(key, base);
        }
        SweepVariant sv;
        sv.label = v.label;
        if (v.overrides.empty()) {
            sv.scenario = base;
        } else {
            Scenario s = *base;
            bool ok = true;
            // each override alone, so that an error names the key that caused it
            for (std::size_t k = 0; k < v.overrides.staff.size(); ++k) {
                VariantOverrides one;
                one.staff.push_back(v.overrides.staff[k]);
                if (auto e = apply_overrides(s, one)) {
                    out.diagnostics.error(v.staff_loc[k], "sweep.unknown_role", *e);
                    ok = false;
                }
            }
            for (std::size_t k = 0; k < v.overrides.uptake.size(); ++k) {
                VariantOverrides one;
                one.uptake.push_back(v.overrides.uptake[k]);
                if (auto e = apply_overrides(s, one)) {
                    out.diagnostics.error(v.uptake_loc[k], "sweep.unknown_group", *e);
                    ok = false;
                }
            }
            VariantOverrides rest;
            rest.absence = v.overrides.absence;
            (void)apply_overrides(s, rest);
            if (!ok) continue;
            sv.scenario = std::make_shared<const Scenario>(std::move(s));
        }
        if (!v.exercise.empty()) {
            ExerciseLoadResult ex = load_exercise(v.exercise, *sv.scenario);
            out.diagnostics.append(ex.diagnostics);
            if (!ex.exercise) continue;
            sv.exercise = std::make_shared<const Exercise>(std::move(*ex.exercise));
        }
        canon += "variant\nworld " + digest_of(v.world) + "\nplan " + digest_of(v.plan) +
                 "\nexercise " + (v.exercise.empty() ? std::string("-") : digest_of(v.exercise)) +
                 "\n" + overrides_text(v.overrides);
        variants.push_back(std::move(sv));
    }
    if (!out.diagnostics.has_errors()) {
        out.variants = std::move(variants);
        out.digest = sha256_hex(canon);
    }
    return out;
}

} // namespace riposte
