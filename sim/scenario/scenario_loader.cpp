// Entry points of include/riposte/scenario_loader.hpp, file reading, TOML parsing and the name
// resolution shared by the world and plan readers.
#include "riposte/scenario_loader.hpp"

#include "core/file_input.hpp"
#include "core/text_parse.hpp"
#include "loader_internal.hpp"
#include "riposte/text/diagnostic_texts.hpp"
#include "toml_precheck.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#ifndef RIPOSTE_SOURCE_SCENARIO_DIR
#define RIPOSTE_SOURCE_SCENARIO_DIR "scenarios"
#endif

namespace riposte {

namespace loader {

namespace {

Bilingual syntax_hint(std::string_view what) {
    const text::DiagnosticTexts& t = text::diag;
    auto has = [&](std::string_view s) { return what.find(s) != std::string_view::npos; };
    if (has("could not determine value type") || has("parsing boolean") || has("expected 'true'") ||
        has("expected 'false'"))
        return say(t.hint_quotes);
    if (has("redefine") || has("already")) return say(t.hint_duplicate);
    if (has("utf-8") || has("UTF-8")) return say(t.hint_utf8);
    if (has("control characters")) return say(t.hint_close_string);
    if (has("end-of-file") || has("EOF")) return say(t.hint_close_open);
    if (has("table header")) return say(t.hint_table_header);
    if (has("not representable")) return say(t.hint_too_large);
    if (has("nested")) return say(t.hint_nested);
    return say(t.hint_see_docs);
}

} // namespace

std::optional<toml::table> parse_toml(std::string_view text, const std::string& name,
                                      Diagnostics& diags) {
    // What Debian's toml++ 3.3.0 mishandles is refused first (toml_precheck.hpp).
    if (!precheck_toml(text, name, diags)) return std::nullopt;
    try {
        return toml::parse(text, std::string_view(name));
    } catch (const toml::parse_error& e) {
        const auto& b = e.source().begin;
        std::string what(e.description());
        diags.error(
            {name, std::max(1, static_cast<int>(b.line)), std::max(1, static_cast<int>(b.column))},
            "toml.syntax", say(text::diag.toml_syntax, {what, syntax_hint(what)}));
    } catch (const std::exception& e) {
        diags.error({name, 1, 1}, "toml.unreadable", say(text::diag.toml_unreadable, {e.what()}));
    }
    return std::nullopt;
}

std::optional<int> resolve_name(const std::vector<std::string>& names, std::string_view text,
                                std::string_view what, const SourceLoc& where, Diagnostics& diags,
                                const SayArg& fix) {
    for (std::size_t k = 0; k < names.size(); ++k)
        if (names[k] == text) return static_cast<int>(k);
    Bilingual msg = say(text::diag.unknown_ref, {phrase(what), text});
    if (const auto m = closest_match(text, std::span<const std::string>(names)))
        msg += say(text::diag.did_you_mean, {*m});
    if (!fix.en.empty())
        msg += say(text::diag.in_parentheses,
                   {fix.fr == fix.en ? phrase(fix.en) : Bilingual{fix.fr, fix.en}});
    diags.error(where, "ref.unknown", std::move(msg));
    return std::nullopt;
}

CommuneLookup::CommuneLookup(const World& w) {
    const auto& cs = w.territory.communes;
    for (std::size_t k = 0; k < cs.size(); ++k) {
        const int i = static_cast<int>(k);
        by_insee.emplace(cs[k].insee, i);
        by_name[cs[k].name].push_back(i);
        by_lower_name[ascii_lower(cs[k].name)].push_back(i);
    }
}

Bilingual suggest_name(std::string_view word, std::span<const std::string> names) {
    if (const auto m = closest_match(word, names)) return say(text::diag.did_you_mean, {*m});
    return {};
}

Bilingual after_commune_errors(const WorldInfo& info) {
    if (info.communes_errors_in.empty()) return {};
    return say(text::diag.after_commune_errors, {info.communes_errors_in});
}

std::optional<int> resolve_commune(const World& w, const WorldInfo& info, std::string_view text,
                                   const SourceLoc& where, Diagnostics& diags) {
    const auto& cs = w.territory.communes;
    if (text.empty()) {
        diags.error(where, "ref.empty", say(text::diag.empty_commune));
        return std::nullopt;
    }
    std::shared_ptr<const CommuneLookup> own;
    const CommuneLookup* idx = info.communes.get();
    if (!idx) {
        own = std::make_shared<CommuneLookup>(w);
        idx = own.get();
    }
    const std::string key(text);
    if (const auto it = idx->by_insee.find(key); it != idx->by_insee.end()) return it->second;
    const std::vector<int>* hits = nullptr;
    if (const auto it = idx->by_name.find(key); it != idx->by_name.end())
        hits = &it->second;
    else if (const auto jt = idx->by_lower_name.find(ascii_lower(text));
             jt != idx->by_lower_name.end())
        hits = &jt->second;
    if (hits && hits->size() == 1) return hits->front();
    if (hits && hits->size() > 1) {
        std::string codes;
        for (int h : *hits)
            codes += (codes.empty() ? "" : ", ") + cs[static_cast<std::size_t>(h)].insee;
        diags.error(where, "ref.ambiguous", say(text::diag.ambiguous_commune, {key, codes}));
        return std::nullopt;
    }
    std::vector<std::string> names;
    names.reserve(cs.size());
    const bool numeric = std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == 'A' || c == 'B';
    });
    for (const auto& c : cs) names.push_back(numeric ? c.insee : c.name);
    Bilingual msg = say(text::diag.unknown_commune, {key});
    if (const auto m = closest_match(text, std::span<const std::string>(names)))
        msg += say(text::diag.did_you_mean, {*m});
    msg += say(text::diag.commune_fix);
    msg += after_commune_errors(info);
    diags.error(where, "ref.unknown", std::move(msg));
    return std::nullopt;
}

namespace {

/// Diagnostics in file order (errors before warnings when there are errors): the files the world
/// names (CSV tables, a scope file: in the order they were first reported), then the world file,
/// then the plan file; by line and column inside each file. A named file's own errors come first
/// because the world's and the plan's references into it may fail because of them (an unknown
/// commune after a malformed row of communes.csv).
Diagnostics sorted(const Diagnostics& in, const std::string& world, const std::string& plan) {
    std::map<std::string, int> rank;
    rank[world] = 1 << 19;
    rank[plan] = 1 << 20;
    int next = 0;
    for (const auto& d : in.items())
        if (!rank.count(d.where.file)) rank[d.where.file] = next++;
    std::vector<Diagnostic> items = in.items();
    // When there are errors, they come before the warnings: a warning is then often a
    // consequence of an error (an empty plan leaves the world's deliveries unused).
    const bool errors_first = in.has_errors();
    std::stable_sort(items.begin(), items.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        if (errors_first && a.severity != b.severity) return a.severity == Severity::Error;
        const int ra = rank[a.where.file], rb = rank[b.where.file];
        if (ra != rb) return ra < rb;
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
    Diagnostics out;
    for (auto& d : items) out.add(std::move(d));
    return out;
}

LoadResult load_impl(const std::optional<std::string>& world_text, const std::string& world_name,
                     const std::filesystem::path& world_base,
                     const std::optional<std::string>& plan_text, const std::string& plan_name,
                     const std::filesystem::path& plan_base, Diagnostics diags) {
    Scenario s;
    WorldInfo wi;
    PlanInfo pi;
    if (world_text) {
        if (auto root = parse_toml(*world_text, world_name, diags)) {
            TomlFile f(world_name, *world_text, world_base, diags);
            f.set_root(&*root, world_top_keys);
            wi.parsed = true;
            read_world(f, *root, s.world, wi);
        }
    }
    bool plan_parsed = false;
    if (plan_text) {
        if (auto root = parse_toml(*plan_text, plan_name, diags)) {
            TomlFile f(plan_name, *plan_text, plan_base, diags);
            f.set_root(&*root, plan_top_keys);
            plan_parsed = true;
            read_plan(f, *root, s.world, wi, s.plan, pi);
        }
    }
    if (wi.parsed && plan_parsed) link_world_and_plan(s.world, wi, s.plan, pi, diags);
    LoadResult r;
    r.diagnostics = sorted(diags, world_name, plan_name);
    if (wi.parsed && plan_parsed && !r.diagnostics.has_errors()) r.scenario = std::move(s);
    return r;
}

std::optional<std::string> read_input(const std::filesystem::path& p, std::string_view what,
                                      Diagnostics& diags) {
    FileRead r = read_input_file(p, max_file_bytes);
    if (!r.text) {
        Bilingual msg = say(text::diag.cannot_read_file, {phrase(what), phrase(r.reason)});
        if (r.failure == FileReadFailure::Missing) msg += say(text::diag.check_path);
        diags.error({p.string(), 1, 1}, file_read_id(r.failure), std::move(msg));
    }
    return std::move(r.text);
}

std::filesystem::path scenario_dir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (const char* env = std::getenv("RIPOSTE_SCENARIOS"); env && *env) return fs::path(env);
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && !exe.empty()) {
        const fs::path dir = exe.parent_path();
        for (const fs::path& cand : {dir / ".." / "scenarios", dir / ".." / ".." / "scenarios",
                                     dir / ".." / "share" / "riposte" / "scenarios"}) {
            if (fs::exists(cand / "centre-herault" / "world.toml", ec))
                return cand.lexically_normal();
        }
    }
    return fs::path(RIPOSTE_SOURCE_SCENARIO_DIR);
}

} // namespace

} // namespace loader

LoadResult load_scenario(const std::filesystem::path& world_file,
                         const std::filesystem::path& plan_file) {
    Diagnostics diags;
    const auto world = loader::read_input(world_file, "world", diags);
    const auto plan = loader::read_input(plan_file, "plan", diags);
    return loader::load_impl(world, world_file.string(), world_file.parent_path(), plan,
                             plan_file.string(), plan_file.parent_path(), std::move(diags));
}

LoadResult load_scenario_text(std::string_view world_toml, std::string world_name,
                              std::string_view plan_toml, std::string plan_name,
                              const std::filesystem::path& base_dir) {
    return loader::load_impl(std::string(world_toml), world_name, base_dir, std::string(plan_toml),
                             plan_name, base_dir, {});
}

std::filesystem::path default_world_file() {
    return loader::scenario_dir() / "centre-herault" / "world.toml";
}

std::filesystem::path default_plan_file() {
    return loader::scenario_dir() / "centre-herault" / "plan.toml";
}

} // namespace riposte
