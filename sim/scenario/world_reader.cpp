// The world file: territory, population, behaviour, pool, supply, epidemic, absenteeism, cost.
#include "core/csv_reader.hpp"
#include "core/text_parse.hpp"
#include "loader_internal.hpp"
#include "riposte/epidemic.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace riposte::loader {

namespace {

/// "the communes file", ... for messages.
Bilingual csv_file_words(std::string_view what) {
    for (const text::Text& t : text::diag_csv_files)
        if (t.en.substr(0, what.size()) == what) return say(t);
    return verbatim(std::string(what) + " file");
}

/// Reads the CSV file named by the string value `n` (relative to the TOML file).
std::optional<CsvTable> open_csv(const TomlFile& f, const toml::node& n, std::string_view what,
                                 std::size_t max_rows) {
    const std::string rel = n.as_string()->get();
    if (rel.empty()) {
        f.error(n, "value.empty", say(text::diag.world_empty_file_name, {what}));
        return std::nullopt;
    }
    const std::filesystem::path p = f.resolve(rel);
    const FileRead r = read_input_file(p, max_file_bytes);
    if (!r.text) {
        f.diags().error(f.loc(n), file_read_id(r.failure),
                        say(text::diag.world_cannot_read_csv,
                            {csv_file_words(what), p.string(), phrase(r.reason), f.name()}));
        return std::nullopt;
    }
    return parse_csv(*r.text, p.string(), f.diags(), max_rows);
}

// ---------------------------------------------------------------------------------------------
// [world]

void read_world_header(const TomlFile& f, const toml::table& t, World& w) {
    TableReader r(f, t, "[world]");
    if (auto name = r.string("name")) w.name = *name;
    r.string("description");
    if (const toml::node* n = r.node("start_date", true, "start_date = 2021-04-05")) {
        std::optional<CivilDate> date;
        if (const auto* d = n->as_date()) {
            const toml::date dv = d->get();
            char buf[32];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(dv.year),
                          static_cast<int>(dv.month), static_cast<int>(dv.day));
            const auto p = parse_iso_date(buf);
            if (p.value)
                date = p.value;
            else
                f.error(*n, "value.bad_text",
                        say(text::diag.world_bad_start_date, {phrase(p.error)}));
        } else if (const auto* s = n->as_string()) {
            const auto p = parse_iso_date(s->get());
            if (p.value)
                date = p.value;
            else
                f.error(f.loc_in_string(*n, p.offset), "value.bad_text",
                        say(text::diag.world_bad_start_date, {phrase(p.error)}));
        } else {
            f.error(*n, "value.type", say(text::diag.world_start_date_type, {type_words(*n)}));
        }
        if (date) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date->year, date->month, date->day);
            w.start_date = buf;
            w.start_weekday = weekday_of(*date);
        }
    }
    if (auto d = r.integer("days", 1, Limits::max_days)) w.days = static_cast<int>(*d);
    if (auto d = r.integer("warmup_days", 0, Limits::max_days)) {
        w.warmup_days = static_cast<int>(*d);
        if (w.warmup_days >= w.days)
            f.error(*t.get("warmup_days"),
                    say(text::diag.world_warmup,
                        {std::to_string(w.warmup_days), std::to_string(w.days)}));
    }
    r.finish();
}

// ---------------------------------------------------------------------------------------------
// [territory]

struct CommuneIndex {
    std::unordered_map<std::string, int> by_insee;
};

void add_commune(World& w, CommuneIndex& idx, Commune c, const SourceLoc& insee_loc,
                 Diagnostics& diags) {
    if (c.insee.empty()) {
        diags.error(insee_loc, "ref.empty", say(text::diag.world_empty_insee));
        return;
    }
    const auto [it, fresh] =
        idx.by_insee.emplace(c.insee, static_cast<int>(w.territory.communes.size()));
    if (!fresh) {
        diags.error(
            insee_loc, "ref.duplicate",
            say(text::diag.world_duplicate_insee,
                {c.insee, w.territory.communes[static_cast<std::size_t>(it->second)].name}));
        return;
    }
    w.territory.communes.push_back(std::move(c));
}

constexpr std::string_view commune_required[] = {"insee", "name", "population", "lat", "lon"};
constexpr std::string_view edge_required[] = {"insee_a", "insee_b", "km", "minutes"};

void check_population(std::int64_t pop, const SourceLoc& where, Diagnostics& diags) {
    if (pop < 0 || pop > Limits::max_population)
        diags.error(where, "value.out_of_range",
                    say(text::diag.world_population_range,
                        {std::to_string(pop), std::to_string(Limits::max_population)}));
}

void read_communes_csv(const TomlFile& f, const toml::node& n, World& w, CommuneIndex& idx,
                       WorldInfo& info) {
    Diagnostics& d = f.diags();
    const std::size_t errors_before = d.error_count();
    auto t = open_csv(f, n, "communes", Limits::max_communes);
    if (!t) return;
    CsvColumns cols(*t, commune_required, {}, d);
    if (!cols.ok()) return;
    const int ci = cols.index("insee"), cn = cols.index("name"), cp = cols.index("population"),
              cla = cols.index("lat"), clo = cols.index("lon");
    const std::size_t needed = static_cast<std::size_t>(std::max({ci, cn, cp, cla, clo})) + 1;
    for (const auto& row : t->rows) {
        if (!check_row_width(*t, row, needed, d)) continue;
        auto cell = [&](int k) -> const CsvCell& { return row.cells[static_cast<std::size_t>(k)]; };
        Commune c;
        c.insee = cell(ci).text;
        c.name = cell(cn).text;
        if (c.name.empty())
            d.error(cell_loc(*t, cell(cn)), "csv.bad_value",
                    say(text::diag.world_empty_commune_name, {c.insee}));
        if (const auto pop = parse_int(cell(cp).text)) {
            check_population(*pop, cell_loc(*t, cell(cp)), d);
            c.population = *pop;
        } else {
            d.error(cell_loc(*t, cell(cp)), "csv.bad_value",
                    say(text::diag.world_bad_population, {cell(cp).text}));
        }
        const std::string& la = cell(cla).text;
        const std::string& lo = cell(clo).text;
        if (la.empty() || lo.empty()) {
            d.error(cell_loc(*t, cell(la.empty() ? cla : clo)), "csv.bad_value",
                    say(text::diag.world_no_coordinates, {c.name, c.insee}));
        } else {
            const auto lat = parse_double(la);
            const auto lon = parse_double(lo);
            if (!lat || *lat < -90 || *lat > 90)
                d.error(cell_loc(*t, cell(cla)), "csv.bad_value",
                        say(text::diag.world_bad_lat, {la}));
            else
                c.lat = *lat;
            if (!lon || *lon < -180 || *lon > 180)
                d.error(cell_loc(*t, cell(clo)), "csv.bad_value",
                        say(text::diag.world_bad_lon, {lo}));
            else
                c.lon = *lon;
        }
        add_commune(w, idx, std::move(c), cell_loc(*t, cell(ci)), d);
    }
    if (t->rows.empty())
        d.error(f.loc(n), "csv.no_rows", say(text::diag.world_communes_no_rows, {t->file}));
    if (d.error_count() > errors_before) info.communes_errors_in = t->file;
    info.communes_complete = true;
}

void read_communes_inline(const TomlFile& f, const toml::array& arr, World& w, CommuneIndex& idx,
                          WorldInfo& info) {
    const std::size_t errors_before = f.diags().error_count();
    if (arr.size() > Limits::max_communes) {
        f.error(arr, "value.too_many",
                say(text::diag.world_too_many_communes,
                    {std::to_string(arr.size()), std::to_string(Limits::max_communes)}));
        return;
    }
    for (const auto& item : arr) {
        const auto* t = item.as_table();
        if (!t) {
            f.error(item, "value.type", say(text::diag.world_commune_table, {type_words(item)}));
            continue;
        }
        TableReader r(f, *t, "[[territory.communes]]");
        Commune c;
        const toml::node* insee = r.node("insee", true, "insee = \"34079\"");
        if (insee) {
            if (insee->is_integer())
                f.error(*insee, "value.type", say(text::diag.world_insee_quotes));
            else if (auto s = to_string(f, *insee, "'insee'"))
                c.insee = *s;
        }
        if (auto s = r.string("name", true, "name = \"Gignac\"")) c.name = *s;
        if (auto p = r.integer("population", 0, Limits::max_population, true, "population = 6651"))
            c.population = *p;
        if (auto v = r.number("lat", Range{-90, 90, "latitude in degrees from -90 to 90"}, true,
                              "lat = 43.65"))
            c.lat = *v;
        if (auto v = r.number("lon", Range{-180, 180, "longitude in degrees from -180 to 180"},
                              true, "lon = 3.55"))
            c.lon = *v;
        r.finish();
        if (insee && insee->is_string())
            add_commune(w, idx, std::move(c), f.loc(*insee), f.diags());
    }
    if (f.diags().error_count() > errors_before) info.communes_errors_in = f.name();
    info.communes_complete = true;
}

void add_edge(World& w, const CommuneIndex& idx, const std::string& a, const std::string& b,
              double km, double minutes, const SourceLoc& a_loc, const SourceLoc& b_loc,
              Diagnostics& d, const WorldInfo& info) {
    const bool check_refs = info.communes_complete;
    const auto ia = idx.by_insee.find(a);
    const auto ib = idx.by_insee.find(b);
    bool ok = true;
    if (ia == idx.by_insee.end()) {
        if (check_refs)
            d.error(a_loc, "ref.unknown",
                    say(text::diag.edge_from_unknown, {a}) + after_commune_errors(info));
        ok = false;
    }
    if (ib == idx.by_insee.end()) {
        if (check_refs)
            d.error(b_loc, "ref.unknown",
                    say(text::diag.edge_to_unknown, {b}) + after_commune_errors(info));
        ok = false;
    }
    if (!ok) return;
    if (ia->second == ib->second) {
        d.error(a_loc, "ref.self_edge", say(text::diag.self_edge, {a}));
        return;
    }
    w.territory.edges.push_back({ia->second, ib->second, km, minutes});
}

const Range km_range{0, 5000, "a distance in km from 0 to 5000"};
const Range edge_minutes_range{0, 1440, "a travel time in minutes from 0 to 1440"};

void read_edges_csv(const TomlFile& f, const toml::node& n, World& w, const CommuneIndex& idx,
                    const WorldInfo& info) {
    auto t = open_csv(f, n, "edges", 20 * Limits::max_communes);
    if (!t) return;
    Diagnostics& d = f.diags();
    CsvColumns cols(*t, edge_required, {}, d);
    if (!cols.ok()) return;
    const int ca = cols.index("insee_a"), cb = cols.index("insee_b"), ck = cols.index("km"),
              cm = cols.index("minutes");
    const std::size_t needed = static_cast<std::size_t>(std::max({ca, cb, ck, cm})) + 1;
    for (const auto& row : t->rows) {
        if (!check_row_width(*t, row, needed, d)) continue;
        auto cell = [&](int k) -> const CsvCell& { return row.cells[static_cast<std::size_t>(k)]; };
        const auto km = parse_double(cell(ck).text);
        const auto mn = parse_double(cell(cm).text);
        bool ok = true;
        if (!km || *km < km_range.lo || *km > km_range.hi) {
            d.error(cell_loc(*t, cell(ck)), "csv.bad_value",
                    say(text::diag.world_bad_km, {cell(ck).text}));
            ok = false;
        }
        if (!mn || *mn < edge_minutes_range.lo || *mn > edge_minutes_range.hi) {
            d.error(cell_loc(*t, cell(cm)), "csv.bad_value",
                    say(text::diag.world_bad_minutes, {cell(cm).text}));
            ok = false;
        }
        if (!ok) continue;
        add_edge(w, idx, cell(ca).text, cell(cb).text, *km, *mn, cell_loc(*t, cell(ca)),
                 cell_loc(*t, cell(cb)), d, info);
    }
}

void read_edges_inline(const TomlFile& f, const toml::array& arr, World& w, const CommuneIndex& idx,
                       const WorldInfo& info) {
    for (const auto& item : arr) {
        const auto* t = item.as_table();
        if (!t) {
            f.error(item, "value.type", say(text::diag.world_edge_table, {type_words(item)}));
            continue;
        }
        TableReader r(f, *t, "[[territory.edges]]");
        const toml::node* a = r.node("insee_a", true, "insee_a = \"34079\"");
        const toml::node* b = r.node("insee_b", true, "insee_b = \"34114\"");
        const auto km = r.number("km", km_range, true, "km = 7.5");
        const auto mn = r.number("minutes", edge_minutes_range, true, "minutes = 9.5");
        r.finish();
        if (!a || !b || !km || !mn) continue;
        const auto sa = to_string(f, *a, "'insee_a'");
        const auto sb = to_string(f, *b, "'insee_b'");
        if (!sa || !sb) continue;
        add_edge(w, idx, *sa, *sb, *km, *mn, f.loc(*a), f.loc(*b), f.diags(), info);
    }
}

/// Warns when the road graph falls apart in several pieces.
void check_connected(const TomlFile& f, const SourceLoc& where, const World& w) {
    const std::size_t n = w.territory.communes.size();
    if (n < 2) return;
    std::vector<int> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int x) {
        while (parent[static_cast<std::size_t>(x)] != x) {
            parent[static_cast<std::size_t>(x)] =
                parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
            x = parent[static_cast<std::size_t>(x)];
        }
        return x;
    };
    for (const auto& e : w.territory.edges) parent[static_cast<std::size_t>(find(e.a))] = find(e.b);
    std::unordered_set<int> roots;
    for (std::size_t k = 0; k < n; ++k) roots.insert(find(static_cast<int>(k)));
    if (roots.size() <= 1) return;
    // Name a commune that is not in the part holding commune 0.
    const int main_root = find(0);
    std::string example;
    for (std::size_t k = 0; k < n; ++k)
        if (find(static_cast<int>(k)) != main_root) {
            example = w.territory.communes[k].name + " (" + w.territory.communes[k].insee + ")";
            break;
        }
    f.warning(where, say(text::diag.world_graph_parts,
                         {std::to_string(roots.size()), example, w.territory.communes[0].name}));
}

void read_territory(const TomlFile& f, const toml::table& t, World& w, WorldInfo& info) {
    TableReader r(f, t, "[territory]");
    const std::size_t errors_before = f.diags().error_count();
    if (auto name = r.string("name")) w.territory.name = *name;
    if (auto src = r.string("population_source")) w.territory.population_source = *src;
    CommuneIndex idx;
    const toml::node* cn = r.node("communes", true, "communes = \"communes.csv\"");
    if (cn) {
        if (cn->is_string())
            read_communes_csv(f, *cn, w, idx, info);
        else if (const auto* a = cn->as_array())
            read_communes_inline(f, *a, w, idx, info);
        else
            f.error(*cn, "value.type", say(text::diag.world_communes_type, {type_words(*cn)}));
    }
    std::int64_t total = 0;
    for (const auto& c : w.territory.communes) total += c.population;
    if (cn && total > Limits::max_population)
        f.error(*cn, "value.out_of_range",
                say(text::diag.world_territory_population,
                    {std::to_string(total), std::to_string(Limits::max_population)}));
    const toml::node* en = r.node("edges");
    if (en) {
        if (en->is_string())
            read_edges_csv(f, *en, w, idx, info);
        else if (const auto* a = en->as_array())
            read_edges_inline(f, *a, w, idx, info);
        else
            f.error(*en, "value.type", say(text::diag.world_edges_type, {type_words(*en)}));
    } else if (w.territory.communes.size() > 1) {
        f.error(r.loc(), "key.missing", say(text::diag.world_edges_missing));
    }
    // Only a territory read without errors is worth a connectivity warning (rows dropped for
    // errors would make it a cascade).
    const bool separate_ok = r.boolean("allow_separate_parts").value_or(false);
    if (en && info.communes_complete && !separate_ok && f.diags().error_count() == errors_before)
        check_connected(f, f.loc(*en), w);
    r.finish();
}

// ---------------------------------------------------------------------------------------------
// [[group]], [behaviour]

void read_groups(const TomlFile& f, TableReader& top, World& w) {
    const auto tables = top.table_array("group", true);
    double share_sum = 0;
    SourceLoc last_share_loc;
    for (const auto* t : tables) {
        TableReader r(f, *t, "[[group]]");
        PopulationGroup g;
        const toml::node* name_node = r.node("name", true, "name = \"75+\"");
        if (name_node)
            if (auto s = to_string(f, *name_node, "'name'")) {
                g.name = *s;
                if (g.name.empty())
                    f.error(*name_node, "value.empty", say(text::diag.world_empty_group));
                for (const auto& o : w.groups)
                    if (o.name == g.name && !g.name.empty())
                        f.error(*name_node, "ref.duplicate",
                                say(text::diag.world_duplicate_group, {g.name}));
            }
        if (auto v = r.number("share", share_range, true, "share = 0.11")) {
            g.share = *v;
            share_sum += *v;
            last_share_loc = f.loc(*r.table().get("share"));
        }
        if (auto v = r.number("uptake", share_range, true, "uptake = 0.85")) g.uptake = *v;
        if (auto v = r.string("display_name")) g.display_name = *v;
        if (auto v = r.integer("eligible_day", 0, Limits::max_days)) {
            g.eligible_day = static_cast<int>(*v);
            if (g.eligible_day >= w.days)
                f.warning(*r.table().get("eligible_day"),
                          say(text::diag.world_group_late, {g.name, std::to_string(g.eligible_day),
                                                            std::to_string(w.days - 1)}));
        }
        if (auto v = r.integer("doses", 1, 3)) g.doses = static_cast<int>(*v);
        if (auto v = r.integer("interval_days", 1, 365)) g.interval_days = static_cast<int>(*v);
        if (auto v = r.number("cannot_travel", share_range)) g.cannot_travel = *v;
        r.finish();
        w.groups.push_back(std::move(g));
    }
    if (share_sum > 1.0 + 1e-9)
        f.error(last_share_loc, "value.out_of_range",
                say(text::diag.world_shares_over_one, {format_number(share_sum)}));
}

void read_behaviour(const TomlFile& f, const toml::table* t, World& w) {
    auto set_default = [](Distribution& d, std::string_view text) {
        auto p = parse_distribution(text, 60.0);
        if (p.value) d = *p.value;
    };
    set_default(w.behaviour.booking_delay, "exp(3) d");
    set_default(w.behaviour.punctuality, "normal(-3, 5)");
    if (!t) return;
    TableReader r(f, *t, "[behaviour]");
    if (auto d = r.distribution("booking_delay")) {
        w.behaviour.booking_delay = *d;
        if (d->mean() < 3600.0 && d->mean() > 0)
            f.warning(*t->get("booking_delay"), say(text::diag.world_booking_delay_short));
    }
    if (auto v = r.number("no_show", share_range)) w.behaviour.no_show = *v;
    if (auto d = r.distribution("punctuality")) w.behaviour.punctuality = *d;
    if (auto d = r.distribution("walk_in_delay")) w.behaviour.walk_in_delay = *d;
    if (auto v = r.number("max_travel_minutes", Range{1, 600, "minutes from 1 to 600"}))
        w.behaviour.max_travel_minutes = *v;
    if (auto v = r.integer("retry_days", 1, 365)) w.behaviour.retry_days = static_cast<int>(*v);
    r.finish();
}

// ---------------------------------------------------------------------------------------------
// [[pool]] or pool = "pool.csv"

constexpr std::string_view pool_required[] = {"profession", "commune", "weekly_hours"};
constexpr std::string_view pool_optional[] = {"count", "days",    "max_commute_minutes",
                                              "label", "on_call", "call_in_minutes"};
const Range weekly_hours_range{0.5, 168, "hours per week from 0.5 to 168"};
const Range commute_range{0, 600, "minutes from 0 to 600"};
constexpr std::int64_t max_pool_count = 100000;

Bilingual pool_fix(const World& w) {
    return say(text::diag.world_pool_professions, {quoted_words(w.professions.vector())});
}

void read_pool_csv(const TomlFile& f, const toml::node& n, World& w, const WorldInfo& info,
                   std::int64_t& people);

void read_pool_inline(const TomlFile& f, const std::vector<const toml::table*>& tables, World& w,
                      const WorldInfo& info, std::int64_t& people) {
    for (const auto* t : tables) {
        if (const toml::node* file = t->get("file")) {
            // [[pool]] file = "members.csv": rows of a CSV file instead of one inline entry.
            for (auto&& [k, v] : *t)
                if (k.str() != "file")
                    f.error(f.loc(k).line > 0 ? f.loc(k) : f.loc(v),
                            say(text::diag.world_pool_file_alone, {std::string(k.str())}));
            if (file->is_string())
                read_pool_csv(f, *file, w, info, people);
            else
                f.error(*file, "value.type",
                        say(text::diag.world_pool_file_type, {type_words(*file)}));
            continue;
        }
        TableReader r(f, *t, "[[pool]]");
        PoolEntry e;
        if (const toml::node* n = r.node("profession", true, "profession = \"infirmier\"")) {
            if (auto s = to_string(f, *n, "'profession'"); s && info.scope_complete) {
                if (auto k = resolve_name(w.professions.vector(), *s, "profession", f.loc(*n),
                                          f.diags(), pool_fix(w)))
                    e.profession = ProfessionId{*k};
            }
        }
        if (const toml::node* n = r.node("commune", true, "commune = \"34079\"")) {
            if (auto s = to_string(f, *n, "'commune'"); s && info.communes_complete)
                if (auto k = resolve_commune(w, info, *s, f.loc(*n), f.diags()))
                    e.home_commune = *k;
        }
        if (auto v = r.integer("count", 1, max_pool_count)) e.count = static_cast<int>(*v);
        if (auto v = r.number("weekly_hours", weekly_hours_range, true, "weekly_hours = 8"))
            e.weekly_hours = *v;
        if (auto v = r.weekdays("days")) e.weekdays = *v;
        if (auto v = r.number("max_commute_minutes", commute_range)) e.max_commute_minutes = *v;
        if (auto s = r.string("label")) e.label = *s;
        if (auto v = r.boolean("on_call")) e.on_call = *v;
        if (auto v = r.number("call_in_minutes", commute_range))
            e.call_in_delay = SimTime{static_cast<std::int64_t>(std::llround(*v * 60.0))};
        r.allow("file");
        r.finish();
        people += e.count;
        w.pool.push_back(std::move(e));
    }
}

void read_pool_csv(const TomlFile& f, const toml::node& n, World& w, const WorldInfo& info,
                   std::int64_t& people) {
    auto t = open_csv(f, n, "pool", Limits::max_pool_people);
    if (!t) return;
    Diagnostics& d = f.diags();
    CsvColumns cols(*t, pool_required, pool_optional, d);
    if (!cols.ok()) return;
    const int cp = cols.index("profession"), cc = cols.index("commune"),
              ch = cols.index("weekly_hours"), cn = cols.index("count"), cd = cols.index("days"),
              cm = cols.index("max_commute_minutes"), cl = cols.index("label"),
              co = cols.index("on_call"), ci = cols.index("call_in_minutes");
    const std::size_t needed = static_cast<std::size_t>(std::max({cp, cc, ch})) + 1;
    for (const auto& row : t->rows) {
        if (!check_row_width(*t, row, needed, d)) continue;
        auto cell = [&](int k) -> const CsvCell* {
            if (k < 0 || static_cast<std::size_t>(k) >= row.cells.size()) return nullptr;
            return &row.cells[static_cast<std::size_t>(k)];
        };
        PoolEntry e;
        if (info.scope_complete)
            if (auto k = resolve_name(w.professions.vector(), cell(cp)->text, "profession",
                                      cell_loc(*t, *cell(cp)), d, pool_fix(w)))
                e.profession = ProfessionId{*k};
        if (info.communes_complete)
            if (auto k = resolve_commune(w, info, cell(cc)->text, cell_loc(*t, *cell(cc)), d))
                e.home_commune = *k;
        const auto h = parse_double(cell(ch)->text);
        if (!h || *h < weekly_hours_range.lo || *h > weekly_hours_range.hi)
            d.error(cell_loc(*t, *cell(ch)), "csv.bad_value",
                    say(text::diag.world_bad_weekly_hours, {cell(ch)->text}));
        else
            e.weekly_hours = *h;
        if (const CsvCell* c = cell(cn); c && !c->text.empty()) {
            const auto v = parse_int(c->text);
            if (!v || *v < 1 || *v > max_pool_count)
                d.error(cell_loc(*t, *c), "csv.bad_value",
                        say(text::diag.world_bad_count, {c->text, std::to_string(max_pool_count)}));
            else
                e.count = static_cast<int>(*v);
        }
        if (const CsvCell* c = cell(cd); c && !c->text.empty()) {
            const auto p = parse_weekdays(c->text);
            if (!p.value)
                d.error({t->file, c->line, c->column + utf8_columns(c->text, p.offset)},
                        "csv.bad_value", say(text::diag.world_bad_days_csv, {phrase(p.error)}));
            else
                e.weekdays = *p.value;
        }
        if (const CsvCell* c = cell(cm); c && !c->text.empty()) {
            const auto v = parse_double(c->text);
            if (!v || *v < commute_range.lo || *v > commute_range.hi)
                d.error(cell_loc(*t, *c), "csv.bad_value",
                        say(text::diag.world_bad_commute, {c->text}));
            else
                e.max_commute_minutes = *v;
        }
        if (const CsvCell* c = cell(cl)) e.label = c->text;
        if (const CsvCell* c = cell(co); c && !c->text.empty()) {
            if (c->text == "true" || c->text == "1" || c->text == "oui")
                e.on_call = true;
            else if (c->text == "false" || c->text == "0" || c->text == "non")
                e.on_call = false;
            else
                d.error(cell_loc(*t, *c), "csv.bad_value",
                        say(text::diag.world_bad_on_call, {c->text}));
        }
        if (const CsvCell* c = cell(ci); c && !c->text.empty()) {
            const auto v = parse_double(c->text);
            if (!v || *v < commute_range.lo || *v > commute_range.hi)
                d.error(cell_loc(*t, *c), "csv.bad_value",
                        say(text::diag.world_bad_call_in, {c->text}));
            else
                e.call_in_delay = SimTime{static_cast<std::int64_t>(std::llround(*v * 60.0))};
        }
        people += e.count;
        w.pool.push_back(std::move(e));
    }
}

void read_pool(const TomlFile& f, TableReader& top, World& w, const WorldInfo& info) {
    const toml::node* n = top.node("pool", true, "[[pool]] tables or pool = \"pool.csv\"");
    if (!n) return;
    std::int64_t people = 0;
    if (n->is_string()) {
        read_pool_csv(f, *n, w, info, people);
    } else if (n->is_array()) {
        read_pool_inline(f, top.table_array("pool"), w, info, people);
    } else {
        f.error(*n, "value.type", say(text::diag.world_pool_type, {type_words(*n)}));
        return;
    }
    if (people > static_cast<std::int64_t>(Limits::max_pool_people))
        f.error(*n, "value.out_of_range",
                say(text::diag.world_pool_too_big,
                    {std::to_string(people), std::to_string(Limits::max_pool_people)}));
}

// ---------------------------------------------------------------------------------------------
// [[vaccine]], [[delivery]]

void read_vaccines(const TomlFile& f, TableReader& top, World& w, WorldInfo& info) {
    const auto tables = top.table_array("vaccine");
    bool ok = true;
    for (const auto* t : tables) {
        TableReader r(f, *t, "[[vaccine]]");
        VaccineType v;
        if (const toml::node* n = r.node("name", true, "name = \"Comirnaty\"")) {
            if (auto s = to_string(f, *n, "'name'")) {
                v.name = *s;
                if (v.name.empty()) f.error(*n, "value.empty", say(text::diag.world_empty_vaccine));
                for (const auto& o : w.vaccines)
                    if (o.name == v.name && !v.name.empty())
                        f.error(*n, "ref.duplicate",
                                say(text::diag.world_duplicate_vaccine, {v.name}));
            } else {
                ok = false;
            }
        } else {
            ok = false;
        }
        if (auto x = r.integer("doses_per_vial", 1, 50, true, "doses_per_vial = 6"))
            v.doses_per_vial = static_cast<int>(*x);
        if (auto x = r.number("shelf_life_hours", Range{0.1, 720, "hours from 0.1 to 720"}, true,
                              "shelf_life_hours = 6"))
            v.shelf_life_after_opening = round_seconds(*x * 3600.0);
        r.finish();
        w.vaccines.push_back(std::move(v));
    }
    info.vaccines_complete = ok;
}

void read_deliveries(const TomlFile& f, TableReader& top, World& w, WorldInfo& info) {
    const auto tables = top.table_array("delivery");
    for (const auto* t : tables) {
        TableReader r(f, *t, "[[delivery]]");
        Delivery d;
        if (auto v = r.integer("day", 0, Limits::max_days, true, "day = 0")) {
            d.day = static_cast<int>(*v);
            if (d.day >= w.days)
                f.warning(*t->get("day"), say(text::diag.world_delivery_late,
                                              {std::to_string(d.day), std::to_string(w.days - 1)}));
        }
        const toml::node* vn = r.node("vaccine");
        if (auto k = resolve_vaccine(f, r, vn, w, info, say(text::diag.world_the_delivery)))
            d.vaccine = *k;
        if (auto v = r.integer("doses", 1, 4 * Limits::max_population, true, "doses = 2340"))
            d.doses = *v;
        SourceLoc centre_loc;
        if (auto s = r.string("centre")) {
            d.centre_name = *s;
            centre_loc = f.loc(*t->get("centre"));
            if (s->empty()) f.error(centre_loc, say(text::diag.world_delivery_empty_centre));
        }
        r.finish();
        w.deliveries.push_back(std::move(d));
        info.delivery_loc.push_back(r.loc());
        info.delivery_centre_loc.push_back(centre_loc);
    }
}

// ---------------------------------------------------------------------------------------------
// [testing], [absenteeism], [cost]

constexpr std::size_t max_curve_days = static_cast<std::size_t>(Limits::max_days) * 4;
const Range incidence_range{0, 100000, "a daily incidence per 100,000 from 0 to 100000"};

void read_incidence_csv(const TomlFile& f, const toml::node& n, World& w) {
    auto t = open_csv(f, n, "incidence", max_curve_days * 10);
    if (!t) return;
    Diagnostics& d = f.diags();
    constexpr std::string_view req[] = {"incidence_per_100k"};
    constexpr std::string_view opt[] = {"day", "date"};
    CsvColumns cols(*t, req, opt, d);
    if (!cols.ok()) return;
    const int cday = cols.index("day"), cdate = cols.index("date"),
              cinc = cols.index("incidence_per_100k");
    if ((cday < 0) == (cdate < 0)) {
        d.error(t->header.empty() ? SourceLoc{t->file, 1, 1} : cell_loc(*t, t->header[0]),
                say(text::diag.world_incidence_key_column));
        return;
    }
    std::optional<CivilDate> start;
    if (!w.start_date.empty()) start = parse_iso_date(w.start_date).value;
    auto& curve = w.epidemic.incidence_per_100k;
    std::vector<int> seen_line;
    const int ckey = cday >= 0 ? cday : cdate;
    const std::size_t needed = static_cast<std::size_t>(std::max(ckey, cinc)) + 1;
    for (const auto& row : t->rows) {
        if (!check_row_width(*t, row, needed, d)) continue;
        const CsvCell& kc = row.cells[static_cast<std::size_t>(ckey)];
        const CsvCell& vc = row.cells[static_cast<std::size_t>(cinc)];
        std::int64_t day = 0;
        if (cday >= 0) {
            const auto v = parse_int(kc.text);
            if (!v || *v < 0 || *v >= static_cast<std::int64_t>(max_curve_days)) {
                d.error(cell_loc(*t, kc), "csv.bad_value",
                        say(text::diag.world_bad_curve_day,
                            {kc.text, std::to_string(max_curve_days - 1)}));
                continue;
            }
            day = *v;
        } else {
            const auto p = parse_iso_date(kc.text);
            if (!p.value) {
                d.error({t->file, kc.line, kc.column + utf8_columns(kc.text, p.offset)},
                        "csv.bad_value",
                        say(text::diag.world_bad_curve_date, {kc.text, phrase(p.error)}));
                continue;
            }
            if (!start) continue; // the world's start date is itself wrong (reported there)
            day = days_from_civil(*p.value) - days_from_civil(*start);
            if (day < 0 || day >= static_cast<std::int64_t>(max_curve_days)) continue;
        }
        const auto v = parse_double(vc.text);
        if (!v || *v < incidence_range.lo || *v > incidence_range.hi) {
            d.error(cell_loc(*t, vc), "csv.bad_value",
                    say(text::diag.world_bad_incidence, {vc.text, phrase(incidence_range.hint)}));
            continue;
        }
        const auto k = static_cast<std::size_t>(day);
        if (curve.size() <= k) {
            curve.resize(k + 1, 0.0);
            seen_line.resize(k + 1, 0);
        }
        if (seen_line[k] != 0) {
            d.error(cell_loc(*t, kc), "csv.bad_value",
                    say(text::diag.world_curve_day_twice,
                        {std::to_string(day), std::to_string(seen_line[k])}));
            continue;
        }
        seen_line[k] = row.line;
        curve[k] = *v;
    }
}

void read_testing(const TomlFile& f, const toml::table* t, World& w, WorldInfo& info) {
    auto& e = w.epidemic;
    e.hourly_profile.fill(1.0);
    if (!t) return;
    TableReader r(f, *t, "[testing]");
    if (auto v = r.integer("initial_kits", 0, 4 * Limits::max_population)) w.initial_test_kits = *v;
    for (const auto* kt : r.table_array("kit_delivery")) {
        TableReader kr(f, *kt, "[[testing.kit_delivery]]");
        TestKitDelivery k;
        if (auto v = kr.integer("day", 0, Limits::max_days, true, "day = 7"))
            k.day = static_cast<int>(*v);
        if (auto v = kr.integer("kits", 1, 4 * Limits::max_population, true, "kits = 1000"))
            k.kits = *v;
        kr.finish();
        w.test_kit_deliveries.push_back(k);
    }
    if (auto v = r.number("tests_per_case", Range{0, 1000, "tests per case from 0 to 1000"}))
        e.tests_per_case = *v;
    if (auto v = r.number("pcr_share", share_range)) e.pcr_share = *v;
    if (const toml::node* n = r.node("hourly_profile")) {
        if (const auto* a = n->as_array()) {
            if (a->size() != 24) {
                f.error(*n, "value.bad_text",
                        say(text::diag.world_hourly_24, {std::to_string(a->size())}));
            } else {
                double total = 0;
                bool ok = true;
                for (std::size_t h = 0; h < 24; ++h) {
                    const auto v = to_number(
                        f, (*a)[h], say(text::diag.world_hour_of_profile, {std::to_string(h)}),
                        Range{0, 1e9, "a weight >= 0"});
                    if (!v) {
                        ok = false;
                        continue;
                    }
                    e.hourly_profile[h] = *v;
                    total += *v;
                }
                if (ok && total <= 0)
                    f.error(*n, "value.out_of_range", say(text::diag.world_hourly_zero));
            }
        } else {
            f.error(*n, "value.type", say(text::diag.world_hourly_type, {type_words(*n)}));
        }
    }
    if (const toml::node* n = r.node("incidence")) {
        if (n->is_string()) {
            read_incidence_csv(f, *n, w);
        } else if (const auto* a = n->as_array()) {
            if (a->size() > max_curve_days) {
                f.error(*n, "value.too_many",
                        say(text::diag.world_incidence_too_long,
                            {std::to_string(a->size()), std::to_string(max_curve_days)}));
            } else {
                for (std::size_t k = 0; k < a->size(); ++k) {
                    const auto v = to_number(
                        f, (*a)[k], say(text::diag.world_day_of_incidence, {std::to_string(k)}),
                        incidence_range);
                    e.incidence_per_100k.push_back(v.value_or(0.0));
                }
            }
        } else {
            f.error(*n, "value.type", say(text::diag.world_incidence_type, {type_words(*n)}));
        }
    }
    if (const toml::table* st = r.subtable("seir")) {
        // a simple SEIR curve from parameters instead of an incidence table
        TableReader sr(f, *st, "[testing.seir]");
        SeirParameters p;
        double pop = 0;
        for (const auto& c : w.territory.communes) pop += static_cast<double>(c.population);
        p.population = pop > 0 ? pop : 1.0;
        if (auto v = sr.number("initial_infectious",
                               Range{0, 1e8, "a number of infectious people from 0 to 1e8"}, true,
                               "initial_infectious = 50"))
            p.initial_infectious = *v;
        if (auto v = sr.number("r0", Range{0, 20, "a reproduction number from 0 to 20"}, true,
                               "r0 = 1.4"))
            p.r0 = *v;
        if (auto v = sr.number("incubation_days", Range{0.1, 60, "days from 0.1 to 60"}))
            p.incubation_days = *v;
        if (auto v = sr.number("infectious_days", Range{0.1, 60, "days from 0.1 to 60"}))
            p.infectious_days = *v;
        if (auto v = sr.number("immune_share", share_range)) p.immune_share = *v;
        sr.finish();
        if (p.initial_infectious > p.population * (1.0 - p.immune_share))
            f.error(sr.loc(), say(text::diag.world_seir_too_many));
        else if (!e.incidence_per_100k.empty())
            f.error(sr.loc(), say(text::diag.world_seir_and_curve));
        else
            e.incidence_per_100k = seir_incidence_per_100k(p, std::max(0, w.days));
    }
    r.finish();
    const bool any = std::any_of(e.incidence_per_100k.begin(), e.incidence_per_100k.end(),
                                 [](double x) { return x > 0; });
    info.has_testing_demand = any && e.tests_per_case > 0;
}

void read_absenteeism(const TomlFile& f, const toml::table* t, World& w) {
    if (!t) return;
    TableReader r(f, *t, "[absenteeism]");
    if (auto v = r.number("baseline", share_range)) w.absenteeism.baseline = *v;
    if (auto v = r.number("per_100k_incidence",
                          Range{0, 0.1,
                                "an extra absence probability per 100k incidence from 0 "
                                "to 0.1 (e.g. 0.0005)"}))
        w.absenteeism.per_100k_incidence = *v;
    r.finish();
}

void read_cost(const TomlFile& f, const toml::table* t, World& w) {
    if (!t) return;
    TableReader r(f, *t, "[cost]");
    if (auto v = r.number("hourly_eur", Range{0, 10000, "euros per hour from 0 to 10000"}))
        w.hourly_cost_eur = *v;
    r.finish();
}

} // namespace

std::optional<int> resolve_vaccine(const TomlFile& f, const TableReader& r, const toml::node* n,
                                   const World& w, const WorldInfo& info, const SayArg& owner) {
    if (!n) {
        if (w.vaccines.size() == 1) return 0;
        if (info.vaccines_complete) {
            if (w.vaccines.empty())
                f.error(r.loc(), say(text::diag.world_no_vaccine, {owner}));
            else
                f.error(r.loc(),
                        say(text::diag.world_vaccine_missing, {r.where_words(), [&] {
                                                                   std::vector<std::string> names;
                                                                   for (const auto& v : w.vaccines)
                                                                       names.push_back(v.name);
                                                                   return quoted_words(names);
                                                               }()}));
        }
        return std::nullopt;
    }
    const auto s = to_string(f, *n, "'vaccine'");
    if (!s || !info.vaccines_complete) return std::nullopt;
    std::vector<std::string> names;
    for (const auto& v : w.vaccines) names.push_back(v.name);
    return resolve_name(names, *s, "vaccine", f.loc(*n), f.diags(),
                        names.empty() ? say(text::diag.world_define_vaccine)
                                      : say(text::diag.world_vaccines_of, {quoted_words(names)}));
}

void read_world(const TomlFile& f, const toml::table& root, World& w, WorldInfo& info) {
    w.file = f.name();
    w.name = std::filesystem::path(f.name()).stem().string();
    TableReader top(f, root, "the world file");
    if (const auto* t = top.subtable("world", true)) read_world_header(f, *t, w);
    read_scope(f, top.node("scope"), w, info);
    if (const auto* t = top.subtable("territory", true)) read_territory(f, *t, w, info);
    if (w.territory.name.empty()) w.territory.name = w.name;
    info.communes = std::make_shared<const CommuneLookup>(w);
    read_groups(f, top, w);
    read_behaviour(f, top.subtable("behaviour"), w);
    const std::size_t errors_before_pool = f.diags().error_count();
    read_pool(f, top, w, info);
    info.pool_complete = f.diags().error_count() == errors_before_pool;
    read_vaccines(f, top, w, info);
    read_deliveries(f, top, w, info);
    read_testing(f, top.subtable("testing"), w, info);
    read_absenteeism(f, top.subtable("absenteeism"), w);
    read_cost(f, top.subtable("cost"), w);
    top.finish(plan_top_keys, "plan");
}

} // namespace riposte::loader
