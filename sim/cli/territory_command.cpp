// `riposte territory`: options → library calls → files and a summary.
#include "territory_command.hpp"

#include "riposte/text/cli_texts.hpp"
#include "riposte/text/diagnostic_texts.hpp"

#include "args.hpp"
#include "cli_common.hpp"
#include "commands.hpp"
#include "help.hpp"
#include "size_command.hpp"

#include "riposte/national.hpp"
#include "riposte/output.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/territory_builder.hpp"
#include "riposte/text/sizing_texts.hpp"
#include "riposte/world_generator.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace riposte::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view help_text =
    R"(riposte territory: build a territory from the national commune table

Usage:
  riposte territory --insee CODE[,CODE...]          [options]
  riposte territory --epci SIREN[,SIREN...]         [options]
  riposte territory --departement CODE[,CODE...]    [options]
  riposte territory --around INSEE --radius-km R    [options]
  riposte territory --all                           [options]

Selects communes from the national table (scenarios/data/france/communes.csv: every French
commune, INSEE legal populations 2023 in force on 1 January 2026, Mayotte 2017) and writes,
in DIR:
  communes.csv  insee,name,population,lat,lon
  edges.csv     insee_a,insee_b,km,minutes: each commune joined to its k nearest
                neighbours (symmetric), km = great-circle distance x detour factor,
                minutes = km / speed x 60; parts left disconnected are joined by their
                shortest link (a "bridge").
With --world it also writes world.toml and plan.toml (and pool.csv for large pools): a
complete world generated from the territory and the figures below, and a starter plan sized
to that pool. Files are written atomically (temporary file, then rename).

Selection (exactly one):
  --insee CODES          communes by INSEE code or name, e.g. --insee 57463,57039 or
                         --insee "Metz,Ars-sur-Moselle"
  --epci SIRENS          every commune of one or more EPCI, by SIREN or name, e.g.
                         --epci 200039865 or --epci "Grand Angoulême"
  --departement CODES    every commune of one or more départements, e.g. 57 or 2A,2B
  --around INSEE         communes within --radius-km R km (great-circle) of this commune
                         (its INSEE code or its name, e.g. --around Angoulême)
  --radius-km R          radius for --around, more than 0 and at most 1000
  --all                  the whole table; left out: Polynésie française, Nouvelle-Calédonie,
                         Wallis-et-Futuna (own health systems, outside any ARS), the TAAF and
                         Clipperton, and the communes without coordinates
  --exclude CODES        INSEE codes to leave out of the selection

Road graph:
  --k N                  nearest neighbours per commune, 1 to 50 (default 4)
  --detour F             road km per great-circle km, 1 to 5 (default 1.3)
  --speed-kmh V          average speed, 5 to 200 km/h (default 50)
  --max-bridge-km D      longest link added to join disconnected parts, in great-circle km
                         (default 0 = automatic: the longest whose travel time fits the
                         scenario format, 1440 minutes, i.e. 923 km at the defaults)

Output:
  --out DIR              where to write (default: a folder named after --name)
  --name NAME            territory name (default: from the selection, e.g. the EPCI's name)
  --table FILE           national table to read (default: the bundled one)
  --world                also write world.toml and plan.toml (refuses to replace existing
                         ones unless --force)
  --force                replace an existing world.toml / plan.toml (and with --size,
                         plan-sized.toml and the recruits' files)
  --lang fr|en           language of what is printed: French (default) or English
  --size                 with --world: then run 'riposte size' on the starter plan (10
                         replications per candidate, confirmed on 40) and write
                         plan-sized.toml when a plan within the pool passes every rule, or
                         say what to recruit (docs/sizing.md); minutes on a small
                         territory, much longer on a département
  --recruit K            with --size: when no plan within the pool passes, recruit up to K
                         people (1 to 20) one at a time until one does, and write the
                         recruits (world-recrues.csv) and the world with them
                         (world-recrues.toml) beside plan-sized.toml (riposte size --recruit)

World generator (with --world; defaults and their sources in docs/territories.md):
  --pool-per-100k LIST   professionals per 100,000 inhabitants, e.g. medecin=85,infirmier=150
                         (professions: medecin, infirmier, pharmacien, sage_femme,
                         chirurgien_dentiste, masseur_kinesitherapeute, etudiant_sante,
                         administratif, benevole)
  --pool-count LIST      volunteers per profession in the whole territory, e.g. medecin=14,
                         infirmier=15 (overrides the density of those professions)
  --volunteer-share X    share of the professionals (médecin to kinésithérapeute) who give
                         hours to the centres, 0 to 1 (default 0.25)
  --weekly-hours H       hours each volunteer gives per week, 0.5 to 168 (default 6)
  --max-commute M        longest commute of a volunteer in minutes (default 30)
  --retry-days N         a person who found no slot looks again after N days (default 3)
  --start-date DATE      first simulated day, YYYY-MM-DD (default 2021-04-05, a Monday)
  --days N               simulated days, 7 to 730 (default 56)
  --doses N              doses per person for every group, 1 to 3 (default 2)
  --interval-days N      days between doses for every group (default 28)
  --centres N            vaccination centres (default: one per --people-per-centre)
  --people-per-centre N  inhabitants per vaccination centre (default 50000)
  --per-departement      at least one vaccination centre and one testing centre per
                         département
  --open-days DAYS       e.g. mon-sat (default), mon-fri, all
  --hours H1-H2          opening hours, whole hours, e.g. 9-18 (default)
  --shift-hours N        shift length in hours, 1 to 12 (default 3)
  --interview-lines N    médecins at the medical interview per shift (default: sized to the
                         pool's médecins)
  --testing-centres N    testing centres (default 1; 0 for none)
  --tests-per-case X     tests sought at the centres per incident case (default 2)
  --incidence A-B        daily incidence per 100,000: a wave from A to a peak B (default 10-40)

Names: a name given instead of a code matches whatever its case and accents, and for an EPCI
without its legal form (CA, CC, CU, Métropole, Communauté de communes...): "Grand
Angoulême" finds "CA du Grand Angoulême". It must name exactly one commune or EPCI;
otherwise the candidates are listed with their codes and nothing is written.

Exit status: 0 written, 1 a file could not be written, 2 bad input or usage.

Examples:
  riposte territory --epci 200039865 --out metz
  riposte territory --epci "Grand Angoulême" --world
  riposte territory --around Angoulême --radius-km 15
  riposte territory --around 62510 --radius-km 8 --name "Liévin" --world --out lievin
  riposte territory --all --per-departement --people-per-centre 60000 --world --out france
)";

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t comma = std::min(text.find(',', pos), text.size());
        std::string item(text.substr(pos, comma - pos));
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (!item.empty()) out.push_back(std::move(item));
        pos = comma + 1;
    }
    return out;
}

std::optional<double> to_double(std::string_view s) {
    double v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

/// The language of what the command prints (--lang).
Language lang = Language::French;

std::string say_in(const text::Text& pattern, std::initializer_list<SayArg> args = {}) {
    return say(pattern, args).in(lang);
}

void print_diagnostics(const Diagnostics& d) {
    for (const auto& item : d.items()) print_err(format_diagnostic(item, lang) + "\n");
}

std::string commune_label(const NationalCommune& c) {
    return c.name + " (" + c.insee + ", département " + c.departement + ")";
}

/// A name given where a code is expected (--insee, --around, --epci), turned into its code
/// when it names exactly one commune or EPCI; otherwise the candidates with their codes, and
/// nullopt.
std::optional<std::string> code_for_name(const NationalTable& table, const std::string& given,
                                         bool epci, std::string_view option) {
    const bool is_code =
        epci ? std::any_of(table.communes.begin(), table.communes.end(),
                           [&](const NationalCommune& c) { return c.epci_siren == given; })
             : table.find_insee(given) >= 0;
    if (is_code) return given;
    // a code-shaped value that is not in the table is left to the builder's own message
    const bool digits = !given.empty() && std::all_of(given.begin(), given.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == 'A' || c == 'B' || c == 'a' || c == 'b';
    });
    if (digits &&
        std::any_of(given.begin(), given.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return given;
    const NameMatches m = epci ? match_epci_name(table, given) : match_commune_name(table, given);
    if (m.exact.size() == 1) {
        const NationalCommune& c = table.communes[static_cast<std::size_t>(m.exact.front())];
        return epci ? c.epci_siren : c.insee;
    }
    const std::vector<int>& list = m.exact.empty() ? m.near : m.exact;
    const text::DiagnosticTexts& t = text::diag;
    std::string msg;
    if (list.empty()) {
        msg = say_in(epci ? t.territory_no_epci : t.territory_no_commune, {option, given}) + "\n";
    } else {
        msg = m.exact.empty()
                  ? say_in(epci ? t.territory_near_epci : t.territory_near_commune, {option, given})
                  : say_in(epci ? t.territory_many_epcis : t.territory_many_communes,
                           {option, given, std::to_string(list.size())});
        msg += "\n";
        constexpr std::size_t shown = 15;
        for (std::size_t k = 0; k < list.size() && k < shown; ++k) {
            const NationalCommune& c = table.communes[static_cast<std::size_t>(list[k])];
            msg += "  " +
                   (epci ? c.epci_name + " (SIREN " + c.epci_siren + ")" : commune_label(c)) + "\n";
        }
        if (list.size() > shown)
            msg += say_in(t.territory_more, {std::to_string(list.size() - shown)}) + "\n";
    }
    print_err("riposte territory" + say_in(t.colon) + msg);
    return std::nullopt;
}

/// Names in --insee, --epci and --around replaced by their codes; exit_code::usage (after
/// printing the candidates) when a name is unknown or ambiguous.
int resolve_names(const NationalTable& table, TerritorySelection& sel) {
    bool ok = true;
    if (sel.by == SelectBy::Around) {
        if (auto code = code_for_name(table, sel.centre, false, "--around"))
            sel.centre = *code;
        else
            ok = false;
    } else if (sel.by == SelectBy::Insee || sel.by == SelectBy::Epci) {
        const bool epci = sel.by == SelectBy::Epci;
        for (std::string& item : sel.codes) {
            if (auto code = code_for_name(table, item, epci, epci ? "--epci" : "--insee"))
                item = *code;
            else
                ok = false;
        }
    }
    return ok ? exit_code::ok : exit_code::usage;
}

/// Reads option values; every problem is one usage error (first one reported).
struct Reader {
    const ParsedArgs& args;
    std::string error;

    std::optional<double> number(std::string_view name, double lo, double hi,
                                 const text::Text& what) {
        const auto v = args.value(name);
        if (!v || !error.empty()) return std::nullopt;
        const auto x = to_double(*v);
        if (!x || *x < lo || *x > hi) {
            error = text::fill(usage_language(), text::cli.usage_write,
                               {name, *v, what.in(usage_language())});
            return std::nullopt;
        }
        return x;
    }
    std::optional<int> integer(std::string_view name, int lo, int hi, const text::Text& what) {
        const auto v = args.value(name);
        if (!v || !error.empty()) return std::nullopt;
        const auto x = parse_u64(*v);
        if (!x || *x < static_cast<std::uint64_t>(lo) || *x > static_cast<std::uint64_t>(hi)) {
            error = text::fill(usage_language(), text::cli.usage_write,
                               {name, *v, what.in(usage_language())});
            return std::nullopt;
        }
        return static_cast<int>(*x);
    }
    /// "A-B" with two numbers.
    std::optional<std::pair<double, double>> range(std::string_view name, double lo, double hi,
                                                   const text::Text& what) {
        const auto v = args.value(name);
        if (!v || !error.empty()) return std::nullopt;
        const std::size_t dash = v->find('-');
        const auto a = dash == std::string::npos ? std::nullopt : to_double(v->substr(0, dash));
        const auto b = dash == std::string::npos ? std::nullopt : to_double(v->substr(dash + 1));
        if (!a || !b || *a < lo || *b > hi || *a > *b) {
            error = text::fill(usage_language(), text::cli.usage_write,
                               {name, *v, what.in(usage_language())});
            return std::nullopt;
        }
        return std::pair{*a, *b};
    }
};

std::string default_name(const NationalTable& table, const TerritorySelection& sel) {
    switch (sel.by) {
    case SelectBy::Epci: {
        std::string out;
        std::set<std::string> seen;
        for (const auto& code : sel.codes)
            for (const auto& c : table.communes)
                if (c.epci_siren == code && seen.insert(code).second)
                    out += (out.empty() ? "" : " + ") + c.epci_name;
        return out;
    }
    case SelectBy::Departement: {
        std::string out = sel.codes.size() > 1 ? "Départements " : "Département ";
        for (std::size_t k = 0; k < sel.codes.size(); ++k) out += (k ? ", " : "") + sel.codes[k];
        return out;
    }
    case SelectBy::Around: {
        const int k = table.find_insee(sel.centre);
        std::string r = format_fixed(sel.radius_km, 1);
        if (r.size() > 2 && r.substr(r.size() - 2) == ".0") r.resize(r.size() - 2);
        return (k >= 0 ? table.communes[static_cast<std::size_t>(k)].name : sel.centre) + " (" + r +
               " km)";
    }
    case SelectBy::Insee: {
        int best = -1;
        for (const auto& code : sel.codes) {
            const int k = table.find_insee(code);
            if (k >= 0 &&
                (best < 0 || table.communes[static_cast<std::size_t>(k)].population >
                                 table.communes[static_cast<std::size_t>(best)].population))
                best = k;
        }
        if (best < 0) return "territory";
        const std::string& n = table.communes[static_cast<std::size_t>(best)].name;
        return sel.codes.size() > 1 ? n + " et environs" : n;
    }
    case SelectBy::All:
        return "France";
    }
    return "territory";
}

std::string quote_arg(const std::string& a) {
    if (!a.empty() && a.find_first_of(" '\"$\\`") == std::string::npos) return a;
    std::string out = "'";
    for (char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

std::string_view territory_help() {
    return help_text;
}

int run_territory_command(const std::vector<std::string>& argv) {
    static const std::vector<OptionSpec> specs = {
        {"--insee", true},
        {"--epci", true},
        {"--departement", true},
        {"--around", true},
        {"--radius-km", true},
        {"--all", false},
        {"--exclude", true},
        {"--k", true},
        {"--detour", true},
        {"--speed-kmh", true},
        {"--max-bridge-km", true},
        {"--out", true},
        {"--name", true},
        {"--table", true},
        {"--world", false},
        {"--size", false},
        {"--recruit", true},
        {"--force", false},
        {"--pool-per-100k", true},
        {"--pool-count", true},
        {"--volunteer-share", true},
        {"--weekly-hours", true},
        {"--max-commute", true},
        {"--retry-days", true},
        {"--start-date", true},
        {"--days", true},
        {"--doses", true},
        {"--interval-days", true},
        {"--centres", true},
        {"--people-per-centre", true},
        {"--per-departement", false},
        {"--open-days", true},
        {"--hours", true},
        {"--shift-hours", true},
        {"--interview-lines", true},
        {"--testing-centres", true},
        {"--tests-per-case", true},
        {"--incidence", true},
        {"--lang", true},
    };
    std::string error;
    const auto parsed = parse_args(argv, specs, error);
    if (!parsed) return usage_error(error, "territory");
    {
        int lang_exit = exit_code::ok;
        const auto l = lang_option(*parsed, "territory", lang_exit);
        if (!l) return lang_exit;
        lang = *l;
    }
    if (parsed->help) {
        print_out(*command_help("territory", lang));
        return exit_code::ok;
    }
    const ParsedArgs& a = *parsed;
    if (!a.positional.empty())
        return usage_error(text::cli.usage_territory_argument, {a.positional.front()}, "territory");

    // ---- selection ----
    TerritorySelection sel;
    int kinds = 0;
    for (const char* opt : {"--insee", "--epci", "--departement", "--around", "--all"})
        if (a.has(opt)) ++kinds;
    if (kinds != 1)
        return usage_error(kinds == 0 ? text::cli.usage_territory_choose
                                      : text::cli.usage_territory_only_one,
                           {}, "territory");
    if (auto v = a.value("--insee")) {
        sel.by = SelectBy::Insee;
        sel.codes = split_list(*v);
    } else if (auto e = a.value("--epci")) {
        sel.by = SelectBy::Epci;
        sel.codes = split_list(*e);
    } else if (auto dv = a.value("--departement")) {
        sel.by = SelectBy::Departement;
        sel.codes = split_list(*dv);
    } else if (auto c = a.value("--around")) {
        sel.by = SelectBy::Around;
        sel.centre = *c;
        if (!a.has("--radius-km"))
            return usage_error(text::cli.usage_around_radius, {}, "territory");
    } else {
        sel.by = SelectBy::All;
        sel.skip_missing_coordinates = true;
    }
    if (a.has("--radius-km") && sel.by != SelectBy::Around)
        return usage_error(text::cli.usage_radius_around, {}, "territory");
    if (auto v = a.value("--exclude")) sel.exclude = split_list(*v);

    Reader r{a, {}};
    if (auto v = r.number("--radius-km", 0.001, 1000, text::cli.want_radius)) sel.radius_km = *v;
    RoadGraphOptions graph;
    if (auto v = r.integer("--k", 1, 50, text::cli.want_k)) graph.k = *v;
    if (auto v = r.number("--detour", 1, 5, text::cli.want_detour)) graph.detour = *v;
    if (auto v = r.number("--speed-kmh", 5, 200, text::cli.want_speed)) graph.speed_kmh = *v;
    if (auto v = r.number("--max-bridge-km", 0, 20000, text::cli.want_bridge))
        graph.max_bridge_km = *v;

    // ---- generator options ----
    const bool world = a.has("--world");
    if (a.has("--size") && !world) return usage_error(text::cli.usage_size_world, {}, "territory");
    if (a.has("--recruit") && !a.has("--size"))
        return usage_error(text::cli.usage_recruit_size, {}, "territory");
    int recruit_k = 0; // --recruit K: what to recruit when the starter plan does not pass
    {
        int recruit_exit = exit_code::ok;
        const auto k = number_option(a, "--recruit", 1, 20, 0, "territory", recruit_exit);
        if (!k) return recruit_exit;
        recruit_k = static_cast<int>(*k);
    }
    GeneratorOptions gen;
    gen.lang = lang;
    gen.professions = default_professions();
    if (auto v = r.number("--volunteer-share", 0, 1, text::cli.want_share))
        for (auto& p : gen.professions)
            if (p.profession != "etudiant_sante" && p.profession != "administratif" &&
                p.profession != "benevole")
                p.volunteer_share = *v;
    if (auto v = r.number("--weekly-hours", 0.5, 168, text::cli.want_weekly_hours))
        for (auto& p : gen.professions) p.weekly_hours = *v;
    if (auto v = r.number("--max-commute", 0, 600, text::cli.want_commute))
        gen.max_commute_minutes = *v;
    if (auto v = r.integer("--retry-days", 1, 365, text::cli.want_days_365)) gen.retry_days = *v;
    if (auto v = a.value("--start-date")) gen.start_date = *v;
    if (auto v = r.integer("--days", 7, Limits::max_days, text::cli.want_days_run)) gen.days = *v;
    if (auto v = r.integer("--doses", 1, 3, text::cli.want_doses)) gen.doses = *v;
    if (auto v = r.integer("--interval-days", 1, 365, text::cli.want_days_365))
        gen.interval_days = *v;
    if (auto v = r.integer("--centres", 1, 2500, text::cli.want_centres)) gen.centres = *v;
    if (auto v = r.number("--people-per-centre", 1000, 1e8, text::cli.want_people))
        gen.people_per_centre = *v;
    gen.per_departement = a.has("--per-departement");
    if (auto v = a.value("--open-days")) gen.open_days = *v;
    if (auto v = r.range("--hours", 0, 24, text::cli.want_hours)) {
        gen.opens_hour = static_cast<int>(v->first);
        gen.closes_hour = static_cast<int>(v->second);
        if (gen.opens_hour != v->first || gen.closes_hour != v->second ||
            gen.opens_hour >= gen.closes_hour)
            r.error = text::fill(usage_language(), text::cli.usage_hours_order, {});
    }
    if (auto v = r.integer("--shift-hours", 1, 12, text::cli.want_shift_hours))
        gen.shift_hours = *v;
    if (auto v = r.integer("--interview-lines", 1, 40, text::cli.want_interview))
        gen.interview_lines = *v;
    if (auto v = r.integer("--testing-centres", 0, 500, text::cli.want_testing))
        gen.testing_centres = *v;
    if (auto v = r.number("--tests-per-case", 0, 1000, text::cli.want_tests_per_case))
        gen.tests_per_case = *v;
    if (auto v = r.range("--incidence", 0, 100000, text::cli.want_incidence)) {
        gen.incidence_base = v->first;
        gen.incidence_peak = v->second;
    }
    if (!r.error.empty()) return usage_error(r.error, "territory");
    Diagnostics opt_diags;
    if (auto v = a.value("--pool-per-100k"))
        parse_pool_densities(*v, gen.professions, "--pool-per-100k", opt_diags);
    if (auto v = a.value("--pool-count")) {
        std::vector<ProfessionSupply> counts = gen.professions;
        parse_pool_densities(*v, counts, "--pool-count", opt_diags);
        for (const auto& item : split_list(*v)) {
            const std::string prof = item.substr(0, item.find('='));
            for (std::size_t k = 0; k < counts.size(); ++k)
                if (counts[k].profession == prof)
                    gen.professions[k].count = std::llround(counts[k].per_100k);
        }
    }
    if (opt_diags.has_errors()) {
        print_diagnostics(opt_diags);
        return exit_code::usage;
    }
    if (!world)
        for (const char* opt : {"--pool-per-100k",
                                "--pool-count",
                                "--volunteer-share",
                                "--weekly-hours",
                                "--max-commute",
                                "--retry-days",
                                "--start-date",
                                "--days",
                                "--doses",
                                "--interval-days",
                                "--centres",
                                "--people-per-centre",
                                "--per-departement",
                                "--open-days",
                                "--hours",
                                "--shift-hours",
                                "--interview-lines",
                                "--testing-centres",
                                "--tests-per-case",
                                "--incidence",
                                "--force"})
            if (a.has(opt)) return usage_error(text::cli.usage_only_world, {opt}, "territory");

    // ---- the national table ----
    fs::path table_file;
    if (auto v = a.value("--table")) {
        table_file = *v;
    } else if (auto found = find_national_table()) {
        table_file = *found;
    } else {
        table_file =
            default_world_file().parent_path().parent_path() / national_table_relative_path();
    }
    NationalTableLoad loaded = load_national_table(table_file);
    print_diagnostics(loaded.diagnostics);
    if (!loaded.table) return exit_code::usage;
    const NationalTable& table = *loaded.table;
    if (const int bad = resolve_names(table, sel); bad != exit_code::ok) return bad;

    std::string name = a.value("--name").value_or("");
    if (name.empty()) name = default_name(table, sel);
    TerritoryBuild built = build_territory(table, sel, graph, name);
    print_diagnostics(built.diagnostics);
    if (!built.territory) {
        const std::size_t n = built.diagnostics.error_count();
        print_err(say_in(n == 1 ? text::diag.territory_one_error : text::diag.territory_errors,
                         {std::to_string(n)}) +
                  "\n");
        return exit_code::usage;
    }
    const Territory& territory = *built.territory;

    const fs::path dir = a.value("--out") ? fs::path(*a.value("--out")) : fs::path(file_slug(name));
    GeneratedScenario generated;
    if (world) {
        gen.name = name;
        std::string cmd = "riposte territory";
        for (const auto& s : argv) cmd += " " + quote_arg(s);
        gen.command_line = cmd;
        generated = generate_scenario(territory, gen);
        print_diagnostics(generated.diagnostics);
        if (generated.diagnostics.has_errors()) return exit_code::usage;
        if (!a.has("--force")) {
            // every file this run would write over: the world and plan, and what --size and
            // --recruit write beside them
            std::vector<const char*> mine = {"world.toml", "plan.toml"};
            if (a.has("--size")) mine.push_back("plan-sized.toml");
            if (a.has("--size") && recruit_k > 0) {
                mine.push_back("world-recrues.csv");
                mine.push_back("world-recrues.toml");
            }
            std::error_code ec;
            for (const char* f : mine)
                if (fs::exists(dir / f, ec)) {
                    print_err(say_in(text::diag.territory_file_exists, {(dir / f).string()}) +
                              "\n");
                    return exit_code::usage;
                }
        }
    }

    // ---- write ----
    if (const std::string err = write_territory_files(territory, dir); !err.empty()) {
        print_err(say_in(text::diag.riposte_error, {err}) + "\n");
        return exit_code::run_error;
    }
    std::vector<std::string> written = {(dir / "communes.csv").string(),
                                        (dir / "edges.csv").string()};
    if (world) {
        std::vector<std::pair<std::string, const std::string*>> files = {
            {"world.toml", &generated.world_toml}, {"plan.toml", &generated.plan_toml}};
        if (!generated.pool_csv.empty()) files.emplace_back(gen.pool_file, &generated.pool_csv);
        for (const auto& [f, text] : files) {
            const auto st = write_file_atomic(dir / f, *text);
            if (!st.ok()) {
                print_err(say_in(text::diag.riposte_error, {st.error}) + "\n");
                return exit_code::run_error;
            }
            written.push_back((dir / f).string());
        }
    }

    // ---- summary ----
    std::int64_t population = 0;
    for (const auto& c : territory.communes) population += c.population;
    const text::DiagnosticTexts& t = text::diag;
    std::string out =
        say_in(t.territory_summary,
               {territory.name,
                text::format_count(lang, static_cast<std::int64_t>(territory.communes.size())),
                text::format_count(lang, population)}) +
        "\n";
    const RoadGraphReport& g = built.graph;
    out += say_in(t.territory_graph,
                  {text::format_count(lang, static_cast<std::int64_t>(territory.edges.size())),
                   std::to_string(graph.k), text::format_decimal(lang, graph.detour, 2),
                   text::format_decimal(lang, graph.speed_kmh, 0)});
    if (g.parts_before <= 1) {
        out += say_in(t.territory_connected) + "\n";
    } else {
        const bool one = lang == Language::French ? g.bridges <= 1 : g.bridges == 1;
        out += say_in(one ? t.territory_parts_bridge : t.territory_parts_bridges,
                      {std::to_string(g.parts_before), std::to_string(g.bridges),
                       text::format_decimal(lang, g.longest_bridge_km, 1)}) +
               (g.parts_after <= 1 ? say_in(t.territory_now_connected) : std::string()) + "\n";
    }
    if (g.parts_after > 1) {
        std::string names;
        for (std::size_t k = 0; k < g.isolated.size(); ++k)
            names += (k ? ", " : "") + g.isolated[k];
        print_err(say_in(g.isolated.size() > 1 ? t.territory_stays_many : t.territory_stays_one,
                         {std::to_string(g.parts_after), names}) +
                  "\n");
    }
    for (const auto& s : generated.summary) out += s + "\n";
    std::string files;
    for (std::size_t k = 0; k < written.size(); ++k) files += (k ? ", " : "") + written[k];
    out += say_in(t.territory_wrote, {files}) + "\n";
    if (world && !a.has("--size"))
        out += say_in(t.territory_next, {quote_arg(dir.string())}) + "\n";
    print_out(out);
    if (world && a.has("--size")) {
        // the starter plan sized: one that passes, or what to recruit
        int exit = exit_code::ok;
        const auto scenario =
            load(ScenarioFiles{dir / "world.toml", dir / "plan.toml"}, false, lang);
        if (!scenario) return exit_code::usage;
        const auto threads = threads_option(a, "territory", exit);
        if (!threads) return exit;
        SizeRequest req;
        req.options.search_replications = 10;
        req.options.confirm_replications = 40;
        req.options.threads = *threads;
        req.out = dir / "plan-sized.toml";
        req.recruit.max_recruits = recruit_k;
        if (req.recruit.max_recruits > 0) {
            // what to recruit, proven by simulation: the recruits and the world with them
            req.recruits_csv = dir / "world-recrues.csv";
            req.recruits_world = dir / "world-recrues.toml";
        }
        print_out(std::string(text::sizing.territory_sizing.in(lang)));
        InterruptGuard interrupt(lang);
        req.options.cancel = interrupt.flag();
        return size_and_report(*scenario, req).exit;
    }
    return exit_code::ok;
}

} // namespace riposte::cli
