// The national commune table, the territory builder (selection, k-NN road graph, bridges) and
// the world generator.
#include "cli_process.hpp"
#include "riposte/national.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/territory.hpp"
#include "riposte/territory_builder.hpp"
#include "riposte/world_generator.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace riposte;

namespace {

const std::filesystem::path scenario_dir = RIPOSTE_SCENARIO_DIR;

const NationalTable& national() {
    static const NationalTable table = [] {
        auto loaded = load_national_table(scenario_dir / national_table_relative_path());
        REQUIRE_MESSAGE(loaded.table.has_value(),
                        (loaded.diagnostics.items().empty()
                             ? std::string("no table")
                             : format_diagnostic(loaded.diagnostics.items().front())));
        return *loaded.table;
    }();
    return table;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string all_messages(const Diagnostics& d) {
    std::string s;
    for (const auto& item : d.items()) s += format_diagnostic(item) + "\n";
    return s;
}

TerritoryBuild build(SelectBy by, std::vector<std::string> codes, RoadGraphOptions opt = {}) {
    TerritorySelection sel;
    sel.by = by;
    sel.codes = std::move(codes);
    return build_territory(national(), sel, opt, "test");
}

std::int64_t population(const Territory& t) {
    std::int64_t p = 0;
    for (const auto& c : t.communes) p += c.population;
    return p;
}

} // namespace

TEST_CASE("the national table holds every commune, 90 of them without coordinates") {
    const NationalTable& t = national();
    CHECK(t.communes.size() == 34969);
    CHECK(t.population() == 68952941);
    const auto missing = std::count_if(t.communes.begin(), t.communes.end(),
                                       [](const NationalCommune& c) { return !c.has_coordinates; });
    // the 90 of Polynésie française, Nouvelle-Calédonie, Wallis-et-Futuna, the TAAF and
    // Clipperton; the five communes restored in the Cantal and the Vendée have theirs (from
    // scripts/national_table/restored_communes.csv)
    CHECK(missing == 90);
    for (const char* code : {"97501", "97502", "97701", "97801"}) {
        CAPTURE(code);
        const int k = t.find_insee(code);
        REQUIRE(k >= 0);
        CHECK(t.communes[static_cast<std::size_t>(k)].has_coordinates);
    }
    const int metz = t.find_insee("57463");
    REQUIRE(metz >= 0);
    CHECK(t.communes[static_cast<std::size_t>(metz)].name == "Metz");
    CHECK(t.communes[static_cast<std::size_t>(metz)].epci_siren == "200039865");
    // quoted EPCI names holding commas and doubled quotes are read whole
    const int allons = t.find_insee("04005");
    REQUIRE(allons >= 0);
    CHECK(t.communes[static_cast<std::size_t>(allons)].epci_name ==
          "CC Alpes-Provence-Verdon \"Sources de lumière\"");
    CHECK(t.find_insee("99999") == -1);
}

TEST_CASE("national table errors carry file:line:column") {
    const std::string text =
        "insee,name,departement,region,epci_siren,epci_name,population,lat,lon\n"
        "57463,Metz,57,44,200039865,Metz Métropole,120211,49.1,6.17\n"
        "57480,Montigny,57,44,200039865,\"Metz, Métropole\",lots,49.09,6.15\n"
        "57463,Metz again,57,44,200039865,x,1,49.1,\n";
    const auto r = parse_national_table(text, "t.csv");
    CHECK_FALSE(r.table.has_value());
    const std::string all = all_messages(r.diagnostics);
    CHECK(all.find("t.csv:3:50: error: bad population 'lots'") != std::string::npos);
    CHECK(all.find("t.csv:4:") != std::string::npos);
    CHECK(all.find("only one coordinate") != std::string::npos);
    const auto missing = parse_national_table("insee,name\n1,a\n", "h.csv");
    CHECK(
        all_messages(missing.diagnostics).find("h.csv:1:1: error: missing column 'departement'") !=
        std::string::npos);
    const auto open = parse_national_table("insee,\"name\n", "q.csv");
    CHECK(all_messages(open.diagnostics)
              .find("q.csv:1:7: error: [csv.syntax] unterminated quoted cell") !=
          std::string::npos);
}

TEST_CASE("Metz Métropole rebuilt from its EPCI matches the reference territory") {
    const auto b = build(SelectBy::Epci, {"200039865"});
    REQUIRE_MESSAGE(b.territory.has_value(), all_messages(b.diagnostics));
    const Territory& t = *b.territory;
    CHECK(t.communes.size() == 46);
    CHECK(population(t) == 232612);
    CHECK(connected_parts(t) == 1);
    CHECK(b.graph.parts_before == 1);
    CHECK(b.graph.bridges == 0);
    // same rule as shared/data/territories (k = 4, detour 1.3, 50 km/h): same files, byte for byte
    CHECK(territory_communes_csv(t) ==
          read_file(scenario_dir / "metz-et-environs" / "communes.csv"));
    CHECK(territory_edges_csv(t) == read_file(scenario_dir / "metz-et-environs" / "edges.csv"));
    const auto ref = scenario_dir / "data" / "territories" / "metz-et-environs" / "edges.csv";
    if (std::filesystem::exists(ref)) CHECK(territory_edges_csv(t) == read_file(ref));
    CHECK(territory_edges_csv(t).rfind("insee_a,insee_b,km,minutes\n57017,57593,5.01,6.0\n", 0) ==
          0);
}

TEST_CASE("the road graph joins each commune to its k nearest neighbours, symmetrically") {
    for (int k : {1, 4, 7}) {
        RoadGraphOptions opt;
        opt.k = k;
        const auto b = build(SelectBy::Departement, {"57"}, opt);
        REQUIRE(b.territory.has_value());
        const Territory& t = *b.territory;
        const std::size_t n = t.communes.size();
        CHECK(n > 700);
        std::set<std::pair<int, int>> adj;
        for (const auto& e : t.edges) {
            CHECK(e.a != e.b);
            CHECK(t.communes[static_cast<std::size_t>(e.a)].insee <
                  t.communes[static_cast<std::size_t>(e.b)].insee);
            adj.insert({e.a, e.b});
            adj.insert({e.b, e.a});
            const auto& ca = t.communes[static_cast<std::size_t>(e.a)];
            const auto& cb = t.communes[static_cast<std::size_t>(e.b)];
            const double km = great_circle_km(ca.lat, ca.lon, cb.lat, cb.lon) * 1.3;
            CHECK(std::abs(e.km - km) <= 0.0051);
            CHECK(std::abs(e.minutes - e.km / 50.0 * 60.0) <= 0.051);
        }
        // brute force: the k nearest of every commune are adjacent to it
        int missing = 0;
        for (std::size_t i = 0; i < n; ++i) {
            std::vector<std::pair<double, int>> d;
            for (std::size_t j = 0; j < n; ++j)
                if (j != i)
                    d.emplace_back(great_circle_km(t.communes[i].lat, t.communes[i].lon,
                                                   t.communes[j].lat, t.communes[j].lon),
                                   static_cast<int>(j));
            std::partial_sort(d.begin(), d.begin() + k, d.end());
            for (int m = 0; m < k; ++m)
                if (!adj.count({static_cast<int>(i), d[static_cast<std::size_t>(m)].second}))
                    ++missing;
        }
        CHECK(missing == 0);
        CHECK(connected_parts(t) == 1);
        CHECK(b.graph.parts_after == 1);
    }
}

TEST_CASE("disconnected parts are bridged by their shortest link, within the allowed length") {
    Territory t;
    t.name = "two islands";
    // three communes around (45, 5) and three around (45, 6): about 79 km apart
    t.communes = {{"00001", "A1", 100, 45.00, 5.00}, {"00002", "A2", 100, 45.01, 5.00},
                  {"00003", "A3", 100, 45.00, 5.01}, {"00004", "B1", 900, 45.00, 6.00},
                  {"00005", "B2", 100, 45.01, 6.00}, {"00006", "B3", 100, 45.00, 6.01}};
    RoadGraphOptions opt;
    opt.k = 2;
    const RoadGraphReport r = build_road_graph(t, opt);
    CHECK(r.parts_before == 2);
    CHECK(r.bridges == 1);
    CHECK(r.parts_after == 1);
    CHECK(connected_parts(t) == 1);
    // the bridge is the shortest link between the parts: A3 (5.01) - B1 (6.00)
    const bool found = std::any_of(t.edges.begin(), t.edges.end(), [&](const RoadEdge& e) {
        return t.communes[static_cast<std::size_t>(e.a)].insee == "00003" &&
               t.communes[static_cast<std::size_t>(e.b)].insee == "00004";
    });
    CHECK(found);
    CHECK(r.longest_bridge_km == doctest::Approx(great_circle_km(45, 5.01, 45, 6)));

    opt.max_bridge_km = 50; // too short for the 78 km gap
    const RoadGraphReport kept = build_road_graph(t, opt);
    CHECK(kept.parts_after == 2);
    CHECK(kept.bridges == 0);
    REQUIRE(kept.isolated.size() == 1);
    // the part apart is named by its most populous commune
    CHECK((kept.isolated[0] == "A1 (00001)" || kept.isolated[0] == "B1 (00004)"));
    CHECK(connected_parts(t) == 2);
}

TEST_CASE("the whole of France: connected but for the overseas départements, in reasonable files") {
    TerritorySelection sel;
    sel.by = SelectBy::All;
    sel.skip_missing_coordinates = true;
    const auto b = build_territory(national(), sel, {}, "France");
    REQUIRE(b.territory.has_value());
    CHECK(b.territory->communes.size() == 34879);
    CHECK(population(*b.territory) == 68398408);
    CHECK(b.diagnostics.error_count() == 0);
    // the one warning: the communes outside any ARS
    REQUIRE(b.diagnostics.items().size() == 1);
    CHECK(b.diagnostics.items()[0].message.find(
              "90 communes of TAAF (984), Wallis-et-Futuna (986), Polynésie française (987), "
              "Nouvelle-Calédonie (988), Clipperton (989) are left out: Polynésie française, "
              "Nouvelle-Calédonie and Wallis-et-Futuna run their own health systems, outside any "
              "ARS") == 0);
    // Saint-Pierre-et-Miquelon, Saint-Barthélemy and Saint-Martin are in
    const auto has = [&](std::string_view insee) {
        return std::any_of(b.territory->communes.begin(), b.territory->communes.end(),
                           [&](const Commune& c) { return c.insee == insee; });
    };
    for (const char* code : {"97501", "97502", "97701", "97801"}) CHECK(has(code));
    CHECK_FALSE(has("98735")); // Papeete
    // every link fits the scenario format (Saint-Pierre-et-Miquelon's nearest others are
    // 4,000 km away: it keeps only its own link)
    for (const RoadEdge& e : b.territory->edges) CHECK(e.minutes <= 1440);
    // mainland + Corsica; Antilles with Saint-Barthélemy and Saint-Martin; Guyane; Réunion;
    // Mayotte; Saint-Pierre-et-Miquelon (over 923 km from each other)
    CHECK(b.graph.parts_after == 6);
    CHECK(b.graph.longest_bridge_km < 923);
    CHECK(territory_edges_csv(*b.territory).size() < 10u * 1024 * 1024);
    CHECK(territory_communes_csv(*b.territory).size() < 10u * 1024 * 1024);
}

TEST_CASE("a commune outside any ARS is refused when named, with the reason") {
    TerritorySelection sel;
    sel.by = SelectBy::Departement;
    sel.codes = {"987"};
    const auto b = build_territory(national(), sel, {}, "Polynésie");
    CHECK_FALSE(b.territory.has_value());
    REQUIRE(b.diagnostics.error_count() == 1);
    CHECK(b.diagnostics.items()[0].message.find("48 communes of Polynésie française (987) are "
                                                "left out") == 0);
    CHECK(b.diagnostics.items()[0].message.find("outside any ARS") != std::string::npos);
    // Saint-Barthélemy and Saint-Martin (ARS Guadeloupe) are selected like any commune
    sel.by = SelectBy::Insee;
    sel.codes = {"97701", "97801"};
    const auto antilles = build_territory(national(), sel, {}, "Îles du Nord");
    REQUIRE(antilles.territory.has_value());
    CHECK(antilles.territory->communes.size() == 2);
    CHECK(antilles.territory->edges.size() == 1);
}

TEST_CASE("unknown codes are errors with a did-you-mean") {
    auto b = build(SelectBy::Epci, {"200039866"});
    CHECK_FALSE(b.territory.has_value());
    std::string m = all_messages(b.diagnostics);
    CHECK(m.find("--epci: error: unknown EPCI SIREN '200039866'; did you mean 200039865 (Metz "
                 "Métropole)") != std::string::npos);

    b = build(SelectBy::Epci, {"metz"});
    m = all_messages(b.diagnostics);
    CHECK(m.find("did you mean 200039865 (Metz Métropole)") != std::string::npos);

    b = build(SelectBy::Insee, {"57463", "lievin"});
    m = all_messages(b.diagnostics);
    CHECK(m.find("unknown INSEE code 'lievin'; did you mean 62510 (Liévin)") != std::string::npos);

    b = build(SelectBy::Insee, {"Metz"});
    m = all_messages(b.diagnostics);
    CHECK(m.find("unknown INSEE code 'Metz'; did you mean 57463 (Metz)") != std::string::npos);

    b = build(SelectBy::Insee, {"99999"});
    m = all_messages(b.diagnostics);
    CHECK(m.find("--insee: error: unknown INSEE code '99999'") != std::string::npos);

    b = build(SelectBy::Departement, {"5"});
    CHECK(all_messages(b.diagnostics).find("did you mean 05?") != std::string::npos);
}

TEST_CASE("a selected commune without coordinates is named, never guessed") {
    // the national table with the coordinates of the four Hautes Terres communes restored in
    // 2025 blanked, as an older or hand-edited table (--table) may hold them
    std::string text = read_file(scenario_dir / national_table_relative_path());
    for (const char* code : {"15031,", "15035,", "15047,", "15171,"}) {
        const std::size_t at = text.find(std::string("\n") + code);
        REQUIRE(at != std::string::npos);
        const std::size_t end = text.find('\n', at + 1);
        const std::size_t lon = text.rfind(',', end);
        const std::size_t lat = text.rfind(',', lon - 1);
        text.replace(lat + 1, end - lat - 1, ",");
    }
    const auto parsed = parse_national_table(text, "communes.csv");
    REQUIRE(parsed.table.has_value());
    const NationalTable& blanked = *parsed.table;
    const auto build = [&](SelectBy by, std::vector<std::string> codes) {
        TerritorySelection sel;
        sel.by = by;
        sel.codes = std::move(codes);
        return build_territory(blanked, sel, {}, "test");
    };
    const auto b = build(SelectBy::Insee, {"57463", "15031"});
    CHECK_FALSE(b.territory.has_value());
    const std::string m = all_messages(b.diagnostics);
    CHECK(m.find("1 selected commune has no coordinates: Celles (15031)") != std::string::npos);
    CHECK(m.find("--exclude 15031") != std::string::npos);
    // the EPCI of Celles: its four communes without coordinates are all named
    const auto e = build(SelectBy::Epci, {"200066637"});
    const std::string me = all_messages(e.diagnostics);
    for (const char* name : {"Celles (15031)", "Chalinargues (15035)", "Chavagnac (15047)",
                             "Sainte-Anastasie (15171)"})
        CHECK(me.find(name) != std::string::npos);
    TerritorySelection sel;
    sel.by = SelectBy::Epci;
    sel.codes = {"200066637"};
    sel.exclude = {"15031", "15035", "15047", "15171"};
    const auto ok = build_territory(blanked, sel, {}, "Hautes Terres");
    CHECK(ok.territory.has_value());
    // the shipped table places them: the same EPCI builds whole
    const auto whole = ::build(SelectBy::Epci, {"200066637"});
    CHECK_MESSAGE(whole.territory.has_value(), all_messages(whole.diagnostics));
}

TEST_CASE("the five restored communes have coordinates inside their département") {
    const NationalTable& t = national();
    // the box of every other commune of the département, from the table itself
    const auto box_of = [&](const std::string& dep, const std::string& except) {
        std::array<double, 4> box{90, -90, 180, -180}; // lat min, lat max, lon min, lon max
        for (const NationalCommune& c : t.communes) {
            if (c.departement != dep || !c.has_coordinates || c.insee == except) continue;
            box[0] = std::min(box[0], c.lat);
            box[1] = std::max(box[1], c.lat);
            box[2] = std::min(box[2], c.lon);
            box[3] = std::max(box[3], c.lon);
        }
        return box;
    };
    const struct {
        const char* insee;
        const char* name;
        const char* dep;
    } restored[] = {{"15031", "Celles", "15"},
                    {"15035", "Chalinargues", "15"},
                    {"15047", "Chavagnac", "15"},
                    {"15171", "Sainte-Anastasie", "15"},
                    {"85165", "L'Oie", "85"}};
    for (const auto& r : restored) {
        CAPTURE(r.insee);
        const int k = t.find_insee(r.insee);
        REQUIRE(k >= 0);
        const NationalCommune& c = t.communes[static_cast<std::size_t>(k)];
        CHECK(c.name == r.name);
        CHECK(c.departement == r.dep);
        REQUIRE(c.has_coordinates);
        const auto box = box_of(r.dep, r.insee);
        CHECK(c.lat > box[0]);
        CHECK(c.lat < box[1]);
        CHECK(c.lon > box[2]);
        CHECK(c.lon < box[3]);
    }
    // each is a commune of the national scenario, linked by road to its neighbours
    const std::string communes = read_file(scenario_dir / "france" / "communes.csv");
    const std::string edges = read_file(scenario_dir / "france" / "edges.csv");
    for (const auto& r : restored) {
        CAPTURE(r.insee);
        CHECK(communes.find(std::string("\n") + r.insee + "," + r.name + ",") != std::string::npos);
        const bool linked = edges.find(std::string("\n") + r.insee + ",") != std::string::npos ||
                            edges.find(std::string(",") + r.insee + ",") != std::string::npos;
        CHECK(linked);
    }
}

TEST_CASE("selection by radius takes every commune within R km of the centre") {
    TerritorySelection sel;
    sel.by = SelectBy::Around;
    sel.centre = "57463";
    sel.radius_km = 6;
    std::vector<int> picked;
    Diagnostics d;
    picked = select_communes(national(), sel, d);
    CHECK_FALSE(d.has_errors());
    const auto& t = national();
    const auto& metz = t.communes[static_cast<std::size_t>(t.find_insee("57463"))];
    std::set<int> chosen(picked.begin(), picked.end());
    CHECK(chosen.count(t.find_insee("57463")) == 1);
    int expected = 0;
    for (std::size_t k = 0; k < t.communes.size(); ++k) {
        const auto& c = t.communes[k];
        if (!c.has_coordinates) continue;
        const bool inside = great_circle_km(metz.lat, metz.lon, c.lat, c.lon) <= 6;
        expected += inside;
        CHECK(inside == (chosen.count(static_cast<int>(k)) == 1));
    }
    CHECK(expected == static_cast<int>(picked.size()));
    CHECK(picked.size() > 5);

    sel.radius_km = 0;
    Diagnostics bad;
    CHECK(select_communes(national(), sel, bad).empty());
    CHECK(all_messages(bad).find("--radius-km: error") != std::string::npos);
}

TEST_CASE("road graph options out of range are refused") {
    Diagnostics d;
    RoadGraphOptions o;
    o.k = 0;
    o.detour = 0.5;
    o.speed_kmh = 1000;
    validate_road_graph_options(o, "--k", d);
    CHECK(d.error_count() == 3);
}

TEST_CASE("fuzzy distance ignores case and accents") {
    CHECK(fuzzy_distance("Liévin", "lievin") == 0);
    CHECK(fuzzy_distance("Saint-Étienne", "saint etienne") == 0);
    CHECK(fuzzy_distance("Metz", "Mets") == 1);
}

TEST_CASE("the world generator writes a world and a plan the loader accepts") {
    const auto b = build(SelectBy::Epci, {"200039865"});
    REQUIRE(b.territory.has_value());
    GeneratorOptions o;
    o.name = "Metz generated";
    const GeneratedScenario g = generate_scenario(*b.territory, o);
    CHECK_FALSE(g.diagnostics.has_errors());
    CHECK(g.pool_csv.empty()); // small pool: written inline
    // the territory files of the shipped Metz scenario are the same as the generated ones
    const LoadResult r = load_scenario_text(g.world_toml, "world.toml", g.plan_toml, "plan.toml",
                                            scenario_dir / "metz-et-environs");
    REQUIRE_MESSAGE(r.scenario.has_value(), all_messages(r.diagnostics));
    CHECK(r.diagnostics.items().empty());
    const Scenario& s = *r.scenario;
    CHECK(s.world.territory.communes.size() == 46);
    // the world says where its populations come from (quoted in the report's footer)
    CHECK(s.world.territory.population_source == national_population_source);
    CHECK(s.world.groups.size() == default_groups().size());
    // volunteers: 85 médecins per 100,000 x 25% = 49 in Metz Métropole
    int medecins = 0;
    for (const auto& p : s.world.pool)
        if (s.world.professions[p.profession] == "medecin") medecins += p.count;
    CHECK(medecins == 49);
    // the plan: vaccination centres in the largest communes, one testing centre
    int vacc = 0, testing = 0;
    for (const auto& c : s.plan.centres) (c.vaccinates() ? vacc : testing) += 1;
    CHECK(vacc >= 1);
    CHECK(vacc <= 5);
    CHECK(testing == 1);
    CHECK(s.world.territory.communes[static_cast<std::size_t>(s.plan.centres[0].commune)].name ==
          "Metz");
    CHECK_FALSE(s.world.deliveries.empty());
}

TEST_CASE("the world generator puts a large pool in a CSV file and centres in every département") {
    const auto b = build(SelectBy::Departement, {"57", "54"});
    REQUIRE(b.territory.has_value());
    GeneratorOptions o;
    o.per_departement = true;
    o.people_per_centre = 60000;
    o.inline_pool_max = 0;
    const GeneratedScenario g = generate_scenario(*b.territory, o);
    CHECK_FALSE(g.diagnostics.has_errors());
    CHECK_FALSE(g.pool_csv.empty());
    const riposte::test::TempDir scratch;
    const auto dir = scratch.path();
    std::filesystem::create_directories(dir);
    CHECK(write_territory_files(*b.territory, dir).empty());
    for (const auto& [name, text] :
         {std::pair<std::string, const std::string*>{"world.toml", &g.world_toml},
          {"plan.toml", &g.plan_toml},
          {"pool.csv", &g.pool_csv}}) {
        std::ofstream out(dir / name, std::ios::binary);
        out << *text;
    }
    const LoadResult r = load_scenario(dir / "world.toml", dir / "plan.toml");
    REQUIRE_MESSAGE(r.scenario.has_value(), all_messages(r.diagnostics));
    CHECK(r.diagnostics.items().empty());
    std::set<std::string> deps;
    int vacc = 0;
    for (const auto& c : r.scenario->plan.centres) {
        if (!c.vaccinates()) continue;
        ++vacc;
        deps.insert(
            r.scenario->world.territory.communes[static_cast<std::size_t>(c.commune)].insee.substr(
                0, 2));
    }
    CHECK(deps == std::set<std::string>{"54", "57"});
    // 1.78 million inhabitants at one centre per 60,000
    CHECK(vacc == static_cast<int>(std::llround(population(*b.territory) / 60000.0)));
    std::filesystem::remove_all(dir);
}

TEST_CASE("pool densities are parsed with errors naming the item") {
    auto supply = default_professions();
    Diagnostics d;
    parse_pool_densities("medecin=100,infirmier=x,plombier=3", supply, "--pool-per-100k", d);
    CHECK(d.error_count() == 2);
    CHECK(supply[0].per_100k == 100);
    const std::string m = all_messages(d);
    CHECK(m.find("'infirmier=x'") != std::string::npos);
    CHECK(m.find("unknown profession 'plombier'") != std::string::npos);
}
