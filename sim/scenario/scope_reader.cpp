// The scope-of-practice table: which professions may fill which role. The bundled table
// (scenarios/common/scope_fr_2021.toml, embedded at build time) applies unless the world's
// [scope] overrides it.
#include "bundled_scope.hpp" // generated in the build directory from scope_fr_2021.toml
#include "core/text_parse.hpp"
#include "loader_internal.hpp"

#include <algorithm>

namespace riposte::loader {

namespace {

struct NameAt {
    std::string name;
    SourceLoc where;
};

struct RoleSpec {
    std::string display_name;
    std::vector<NameAt> allowed;
    std::vector<NameAt> supervised;
    SourceLoc where;
};

struct ScopeSpec {
    std::optional<std::vector<NameAt>> professions;
    std::optional<std::vector<NameAt>> roles;
    std::vector<std::pair<NameAt, RoleSpec>> role_specs;
    std::vector<std::pair<NameAt, std::string>> profession_displays; ///< [scope.profession.X]
    SourceLoc where;
};

constexpr std::size_t max_names = 256;

std::optional<std::vector<NameAt>> read_names(const TomlFile& f, TableReader& r,
                                              std::string_view key, std::string_view example) {
    const toml::node* n = r.node(key);
    if (!n) return std::nullopt;
    const auto* a = n->as_array();
    if (!a) {
        f.error(*n, say(text::diag.scope_names_list, {key, example, type_words(*n)}));
        return std::nullopt;
    }
    if (a->size() > max_names) {
        f.error(*n, say(text::diag.scope_too_many_names,
                        {key, std::to_string(a->size()), std::to_string(max_names)}));
        return std::nullopt;
    }
    std::vector<NameAt> out;
    for (const auto& item : *a) {
        const auto s =
            to_string(f, item, say(text::diag.each_item_of, {"'" + std::string(key) + "'"}));
        if (!s) continue;
        if (s->empty()) {
            f.error(item, say(text::diag.scope_empty_name, {key}));
            continue;
        }
        out.push_back({*s, f.loc(item)});
    }
    return out;
}

ScopeSpec read_spec(const TomlFile& f, const toml::table& t, std::string where) {
    ScopeSpec spec;
    spec.where = f.loc(t);
    TableReader r(f, t, where);
    r.string("description");
    spec.professions = read_names(f, r, "professions", "[\"medecin\", \"infirmier\"]");
    spec.roles = read_names(f, r, "roles", "[\"reception\", \"injection\"]");
    if (const toml::table* roles = r.subtable("role")) {
        for (auto&& [k, v] : *roles) {
            const std::string rname(k.str());
            const auto* rt = v.as_table();
            if (!rt) {
                f.error(v, say(text::diag.scope_role_table, {rname, type_words(v)}));
                continue;
            }
            TableReader rr(f, *rt, "[scope.role." + rname + "]");
            RoleSpec rs;
            rs.where = f.loc(*rt);
            rr.string("description");
            rr.string("legal_basis");
            if (auto dn = rr.string("display_name")) rs.display_name = *dn;
            if (auto a = read_names(f, rr, "allowed", "[\"infirmier\", \"medecin\"]"))
                rs.allowed = std::move(*a);
            if (auto s = read_names(f, rr, "supervised", "[\"etudiant_sante\"]"))
                rs.supervised = std::move(*s);
            rr.finish();
            SourceLoc kl = f.loc(k);
            if (kl.line <= 0) kl = rs.where;
            spec.role_specs.push_back({{rname, kl}, std::move(rs)});
        }
    }
    if (const toml::table* profs = r.subtable("profession")) {
        for (auto&& [k, v] : *profs) {
            const std::string pname(k.str());
            const auto* pt = v.as_table();
            if (!pt) {
                f.error(v, say(text::diag.scope_profession_table, {pname, type_words(v)}));
                continue;
            }
            TableReader pr(f, *pt, "[scope.profession." + pname + "]");
            SourceLoc kl = f.loc(k);
            if (kl.line <= 0) kl = f.loc(*pt);
            if (auto dn = pr.string("display_name"))
                spec.profession_displays.push_back({{pname, kl}, *dn});
            pr.finish();
        }
    }
    r.finish();
    return spec;
}

/// Checks a list of names is free of duplicates.
void check_unique(const std::vector<NameAt>& names, std::string_view what, Diagnostics& d) {
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (names[i].name == names[j].name) {
                d.error(names[i].where,
                        say(text::diag.scope_duplicate, {phrase(what), names[i].name}));
                break;
            }
}

std::vector<std::string> names_of(const std::vector<NameAt>& v) {
    std::vector<std::string> out;
    for (const auto& x : v) out.push_back(x.name);
    return out;
}

/// Builds the preference list of one role. `lenient`: the spec comes from the bundled table
/// under a world that changed the professions, so unknown names are dropped silently.
std::vector<ScopeEntry> build_role(const RoleSpec& spec, const std::vector<std::string>& profs,
                                   bool lenient, Diagnostics& d) {
    std::vector<ScopeEntry> out;
    std::vector<std::string> named;
    for (const auto* list : {&spec.allowed, &spec.supervised})
        for (const auto& n : *list)
            if (n.name != "*") named.push_back(n.name);
    bool star_seen = false;
    auto add = [&](int p, bool supervised, const SourceLoc& where, const std::string& name) {
        for (const auto& e : out)
            if (e.profession == ProfessionId{p}) {
                if (!lenient) d.error(where, say(text::diag.scope_profession_twice, {name}));
                return;
            }
        out.push_back({ProfessionId{p}, supervised});
    };
    for (const auto* list : {&spec.allowed, &spec.supervised}) {
        const bool supervised = list == &spec.supervised;
        for (const auto& n : *list) {
            if (n.name == "*") {
                if (star_seen && !lenient) d.error(n.where, say(text::diag.scope_star_once));
                star_seen = true;
                for (std::size_t p = 0; p < profs.size(); ++p)
                    if (std::find(named.begin(), named.end(), profs[p]) == named.end())
                        add(static_cast<int>(p), supervised, n.where, profs[p]);
                continue;
            }
            const auto it = std::find(profs.begin(), profs.end(), n.name);
            if (it == profs.end()) {
                if (!lenient)
                    d.error(n.where, "ref.unknown",
                            say(text::diag.scope_unknown_profession,
                                {n.name, suggest_name(n.name, profs), quoted_words(profs)}));
                continue;
            }
            add(static_cast<int>(it - profs.begin()), supervised, n.where, n.name);
        }
    }
    return out;
}

} // namespace

void read_scope(const TomlFile& f, const toml::node* node, World& w, WorldInfo& info) {
    Diagnostics& d = f.diags();
    const std::size_t errors_before = d.error_count();

    // The bundled table.
    const std::string bundled_name = "<bundled " + std::string(bundled_scope_file_name) + ">";
    ScopeSpec base;
    {
        Diagnostics bd;
        auto root = parse_toml(bundled_scope_toml, bundled_name, bd);
        if (root) {
            TomlFile bf(bundled_name, bundled_scope_toml, {}, bd);
            TableReader top(bf, *root, "the scope file");
            if (const toml::table* t = top.subtable("scope", true))
                base = read_spec(bf, *t, "[scope]");
            top.finish();
        }
        if (!base.professions || !base.roles)
            bd.error({bundled_name, 0, 0}, say(text::diag.scope_bundled_empty));
        if (bd.has_errors()) {
            d.append(bd);
            return;
        }
    }

    // The world's override: a [scope] table, or scope = "file.toml" holding one.
    std::optional<ScopeSpec> over;
    std::string over_text; // keeps the file text alive while its nodes are read
    if (node) {
        if (const auto* t = node->as_table()) {
            over = read_spec(f, *t, "[scope]");
        } else if (const auto* s = node->as_string()) {
            const std::filesystem::path p = f.resolve(s->get());
            FileRead read = read_input_file(p, max_file_bytes);
            if (read.text) {
                over_text = std::move(*read.text);
                if (auto root = parse_toml(over_text, p.string(), d)) {
                    TomlFile sf(p.string(), over_text, p.parent_path(), d);
                    TableReader top(sf, *root, "the scope file");
                    if (const toml::table* st = top.subtable("scope", true))
                        over = read_spec(sf, *st, "[scope]");
                    top.finish();
                }
            } else {
                f.diags().error(
                    f.loc(*node), file_read_id(read.failure),
                    say(text::diag.scope_cannot_read, {p.string(), phrase(read.reason)}));
            }
        } else {
            f.error(*node, say(text::diag.scope_type, {type_words(*node)}));
        }
    }

    const std::vector<NameAt>& profs =
        (over && over->professions) ? *over->professions : *base.professions;
    const std::vector<NameAt>& roles = (over && over->roles) ? *over->roles : *base.roles;
    const bool changed_professions = over && over->professions;
    check_unique(profs, "profession", d);
    check_unique(roles, "role", d);
    if (profs.empty() && over && over->professions)
        d.error(over->where, say(text::diag.scope_professions_empty));
    if (roles.empty() && over && over->roles)
        d.error(over->where, say(text::diag.scope_roles_empty));
    w.professions = IdVector<ProfessionId, std::string>(names_of(profs));
    w.roles = IdVector<RoleId, std::string>(names_of(roles));
    // The names are settled: the plan can check role and profession references even if a
    // preference list below is wrong.
    const bool names_ok = d.error_count() == errors_before;

    if (over)
        for (const auto& [rn, spec] : over->role_specs)
            if (std::find(w.roles.begin(), w.roles.end(), rn.name) == w.roles.end())
                d.error(rn.where, say(text::diag.scope_role_not_listed,
                                      {rn.name, suggest_name(rn.name, w.roles.vector()),
                                       quoted_words(w.roles.vector())}));

    if (over)
        for (const auto& [pn, name] : over->profession_displays)
            if (std::find(w.professions.begin(), w.professions.end(), pn.name) ==
                w.professions.end())
                d.error(pn.where, say(text::diag.scope_profession_not_listed,
                                      {pn.name, suggest_name(pn.name, w.professions.vector()),
                                       quoted_words(w.professions.vector())}));
    // display names: the world's override first, then the bundled table
    w.profession_display_names.assign(w.professions.size(), {});
    for (std::size_t p = 0; p < w.professions.size(); ++p)
        for (const ScopeSpec* s : {&base, over ? &*over : nullptr})
            if (s)
                for (const auto& [pn, name] : s->profession_displays)
                    if (pn.name == w.professions[ProfessionId{p}])
                        w.profession_display_names[p] = name;
    w.role_display_names.assign(w.roles.size(), {});
    for (std::size_t r = 0; r < w.roles.size(); ++r)
        for (const ScopeSpec* s : {&base, over ? &*over : nullptr})
            if (s)
                for (const auto& [rn, spec] : s->role_specs)
                    if (rn.name == w.roles[RoleId{r}] && !spec.display_name.empty())
                        w.role_display_names[r] = spec.display_name;

    const auto medecin = std::find(w.professions.begin(), w.professions.end(), "medecin");
    w.scope.allowed.assign(w.roles.size(), {});
    for (std::size_t r = 0; r < roles.size(); ++r) {
        const std::string& rn = roles[r].name;
        const RoleSpec* spec = nullptr;
        bool lenient = false;
        if (over)
            for (const auto& [n, s] : over->role_specs)
                if (n.name == rn) spec = &s;
        if (!spec) {
            for (const auto& [n, s] : base.role_specs)
                if (n.name == rn) spec = &s;
            lenient = changed_professions;
            if (!spec) {
                d.error(roles[r].where, say(text::diag.scope_role_no_table, {rn}));
                continue;
            }
        }
        auto entries = build_role(*spec, w.professions.vector(), lenient, d);
        if (entries.empty()) {
            d.error(spec->where,
                    say(lenient ? text::diag.scope_role_empty_removed : text::diag.scope_role_empty,
                        {rn}));
        }
        const bool any_supervised = std::any_of(entries.begin(), entries.end(),
                                                [](const ScopeEntry& e) { return e.supervised; });
        if (any_supervised && medecin == w.professions.end())
            d.error(spec->where, say(text::diag.scope_supervised_no_medecin, {rn}));
        w.scope.allowed[RoleId{r}] = std::move(entries);
    }
    info.scope_complete = names_ok;
}

} // namespace riposte::loader
