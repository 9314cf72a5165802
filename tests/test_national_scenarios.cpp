// The shipped CPTS scenarios built from the national table (scenarios/<cpts>/) and the national
// scenario (scenarios/france/): they load with zero diagnostics and run.
#include "riposte/scenario_loader.hpp"
#include "riposte/simulation.hpp"
#include "riposte/territory.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

using namespace riposte;

namespace {

const std::filesystem::path scenario_dir = RIPOSTE_SCENARIO_DIR;

std::string all_messages(const Diagnostics& d) {
    std::string s;
    for (const auto& item : d.items()) s += format_diagnostic(item) + "\n";
    return s;
}

LoadResult load(const std::string& name) {
    return load_scenario(scenario_dir / name / "world.toml", scenario_dir / name / "plan.toml");
}

std::int64_t population(const World& w) {
    std::int64_t p = 0;
    for (const auto& c : w.territory.communes) p += c.population;
    return p;
}

struct Expected {
    const char* dir;
    std::size_t communes;
    std::int64_t population;
};

} // namespace

TEST_CASE("every shipped CPTS scenario loads with zero diagnostics and vaccinates") {
    const Expected cpts[] = {
        {"lievin-pays-d-artois", 12, 127259},
        {"metz-et-environs", 46, 232612},
        {"dracenie-provence-verdon", 23, 114974},
        {"atlantique-nord-loire", 20, 78631},
    };
    for (const Expected& e : cpts) {
        CAPTURE(e.dir);
        LoadResult r = load(e.dir);
        REQUIRE_MESSAGE(r.scenario.has_value(), all_messages(r.diagnostics));
        CHECK_MESSAGE(r.diagnostics.items().empty(), all_messages(r.diagnostics));
        Scenario s = std::move(*r.scenario);
        CHECK(s.world.territory.communes.size() == e.communes);
        CHECK(population(s.world) == e.population);
        CHECK(connected_parts(s.world.territory) == 1);
        CHECK_FALSE(s.world.pool.empty());
        CHECK(s.plan.centres.size() >= 2);
        // one short replication: the first week
        s.world.days = 7;
        const Results res = run_replication(s, RunOptions{});
        CHECK(res.totals.vaccinations > 0);
        CHECK(res.totals.tests > 0);
    }
}

TEST_CASE("the CPTS pools follow the member counts of the brief") {
    auto people = [](const Scenario& s, const char* profession) {
        int n = 0;
        for (const auto& p : s.world.pool)
            if (s.world.professions[p.profession] == profession) n += p.count;
        return n;
    };
    // Liévin-Pays d'Artois: 53 members (16 médecins, 15 infirmiers, 9 pharmaciens, 8
    // kinésithérapeutes, 5 psychologists at reception among the 15 administratifs)
    LoadResult l = load("lievin-pays-d-artois");
    REQUIRE(l.scenario.has_value());
    CHECK(people(*l.scenario, "medecin") + people(*l.scenario, "infirmier") +
              people(*l.scenario, "pharmacien") + people(*l.scenario, "masseur_kinesitherapeute") ==
          48);
    // Atlantique Nord Loire: 139 independent professionals and 24 establishments (one nurse each)
    LoadResult a = load("atlantique-nord-loire");
    REQUIRE(a.scenario.has_value());
    const Scenario& s = *a.scenario;
    CHECK(people(s, "medecin") + people(s, "infirmier") + people(s, "pharmacien") +
              people(s, "masseur_kinesitherapeute") + people(s, "sage_femme") +
              people(s, "chirurgien_dentiste") + people(s, "administratif") ==
          139 + 24);
}

TEST_CASE("Metz et environs is a two-dose campaign of about 400,000 vaccinations") {
    LoadResult r = load("metz-et-environs");
    REQUIRE(r.scenario.has_value());
    const Scenario& s = *r.scenario;
    CHECK(s.world.days >= 56);
    std::int64_t delivered = 0;
    for (const auto& d : s.world.deliveries) delivered += d.doses;
    CHECK(delivered >= 400000);
    double wanting = 0;
    for (const auto& g : s.world.groups) {
        CHECK(g.doses == 2);
        CHECK(g.interval_days >= 21);
        CHECK(g.interval_days <= 28);
        wanting += g.share * g.uptake * static_cast<double>(population(s.world)) * 2;
    }
    CHECK(wanting > 380000);
    int vacc = 0, testing = 0;
    for (const auto& c : s.plan.centres) (c.vaccinates() ? vacc : testing) += 1;
    CHECK(vacc == 5);
    CHECK(testing >= 1);
}

TEST_CASE("the national scenario loads: all communes with coordinates, over 1,000 centres") {
    LoadResult r = load("france");
    REQUIRE_MESSAGE(r.scenario.has_value(), all_messages(r.diagnostics));
    // the overseas départements are separate parts of the road graph, declared as such
    CHECK_MESSAGE(r.diagnostics.items().empty(), all_messages(r.diagnostics));
    CHECK(connected_parts(r.scenario->world.territory) == 6);
    const Scenario& s = *r.scenario;
    CHECK(s.world.territory.communes.size() == 34879);
    CHECK(population(s.world) == 68398408);
    // the five communes restored after 2018 are in, each reachable by road from its neighbours
    for (const char* insee : {"15031", "15035", "15047", "15171", "85165"}) {
        CAPTURE(insee);
        const int k = s.world.find_commune(insee);
        REQUIRE(k >= 0);
        const auto& edges = s.world.territory.edges;
        CHECK(std::any_of(edges.begin(), edges.end(),
                          [&](const RoadEdge& e) { return e.a == k || e.b == k; }));
    }
    int vacc = 0;
    for (const auto& c : s.plan.centres) vacc += c.vaccinates() ? 1 : 0;
    CHECK(vacc >= 1000);
    for (const auto& g : s.world.groups) CHECK(g.doses == 1);
}
