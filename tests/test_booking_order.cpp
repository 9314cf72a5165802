// The order of service at booking (issue 12 §1): people wait in queues per (commune, group),
// first come first served, and the queues are interleaved at random. Booking couples centres
// through the people who can reach them, so a change at one centre may move the bookings of
// every centre reachable from a commune that reaches it, and so on. What stays identical is
// every centre outside that chain: no commune within reach of both, directly or through other
// centres. These tests check that on the shipped scenarios, and that runs repeat exactly.
#include "fixtures.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/simulation.hpp"
#include "riposte/territory.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <numeric>
#include <set>
#include <sstream>
#include <string>

using namespace riposte;
namespace fs = std::filesystem;

namespace {

std::string rows_of(const Results& r, int centre) {
    std::ostringstream o;
    for (const auto& x : r.centre_days)
        if (x.centre == centre)
            o << x.day << ' ' << x.arrivals << ' ' << x.served << ' ' << x.no_shows << ' '
              << x.turned_away << ' ' << x.walk_ins << ' ' << x.vaccinations << ' ' << x.tests
              << ' ' << x.wait_mean_min << ' ' << x.wait_p90_min << ' ' << x.wait_max_min << ' '
              << x.max_waiting << ' ' << x.doses_used << ' ' << x.doses_wasted << ' ' << x.stock_end
              << ' ' << x.slots_opened << ' ' << x.slots_booked << '\n';
    return o.str();
}

/// Centres joined when some commune has both within the people's reach (union-find).
std::vector<int> booking_components(const Scenario& sc) {
    const std::size_t n = sc.plan.centres.size();
    std::vector<int> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int x) {
        while (parent[static_cast<std::size_t>(x)] != x)
            x = parent[static_cast<std::size_t>(x)] =
                parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
        return x;
    };
    std::vector<int> sources;
    for (const auto& c : sc.plan.centres) sources.push_back(c.commune);
    const auto minutes = travel_minutes_from(sc.world.territory, sources);
    std::vector<int> first_centre(sc.world.territory.communes.size(), -1);
    for (std::size_t c = 0; c < n; ++c)
        for (std::size_t m = 0; m < first_centre.size(); ++m) {
            if (!(minutes[c][m] <= sc.world.behaviour.max_travel_minutes)) continue;
            if (first_centre[m] < 0)
                first_centre[m] = static_cast<int>(c);
            else
                parent[static_cast<std::size_t>(find(static_cast<int>(c)))] = find(first_centre[m]);
        }
    std::vector<int> comp(n);
    for (std::size_t c = 0; c < n; ++c) comp[c] = find(static_cast<int>(c));
    return comp;
}

} // namespace

TEST_CASE("booking order: a centre closed leaves every centre beyond its reach identical") {
    // None of the five shipped CPTS has centres out of each other's reach (checked here), so the
    // property is shown on two clusters 100 minutes apart (people go 45 minutes at most, staff
    // 30): Alpha and Beta with a centre each, Gamma and Delta with one in Gamma. Demand is well
    // above the slots, so every day's booking is contended.
    for (const char* dir : {"centre-herault", "atlantique-nord-loire", "dracenie-provence-verdon",
                            "lievin-pays-d-artois", "metz-et-environs"}) {
        const fs::path d = fs::path(RIPOSTE_SCENARIO_DIR) / dir;
        const LoadResult loaded = load_scenario(d / "world.toml", d / "plan.toml");
        REQUIRE(loaded.scenario);
        const std::vector<int> comp = booking_components(*loaded.scenario);
        CHECK_MESSAGE(std::set<int>(comp.begin(), comp.end()).size() == 1, dir);
    }
    Scenario sc = test::small_scenario();
    sc.world.territory.communes.push_back({"00003", "Gamma", 12000, 44.6, 4.4});
    sc.world.territory.communes.push_back({"00004", "Delta", 6000, 44.7, 4.5});
    sc.world.territory.edges.push_back({2, 3, 8.0, 10.0});
    sc.world.territory.edges.push_back({1, 2, 90.0, 100.0});
    for (const PoolEntry& e : std::vector<PoolEntry>(sc.world.pool)) {
        PoolEntry there = e;
        there.home_commune = e.home_commune + 2;
        sc.world.pool.push_back(there);
    }
    Centre beta = test::vaccination_centre("Beta centre");
    beta.commune = 1;
    Centre gamma = test::vaccination_centre("Gamma centre");
    gamma.commune = 2;
    sc.plan.centres = {test::vaccination_centre(), beta, gamma};
    sc.world.deliveries.clear();
    for (int day = 0; day < 14; day += 7)
        for (int c = 0; c < 3; ++c) sc.world.deliveries.push_back({day, 0, 1800, CentreId{c}, ""});
    const std::vector<int> comp = booking_components(sc);
    REQUIRE(comp[0] == comp[1]);
    REQUIRE(comp[0] != comp[2]);

    const RunOptions opt{7, 0, minutes(15)};
    const Results base = run_replication(sc, opt);
    for (int closed : {0, 2}) {
        INFO("closing " << sc.plan.centres[static_cast<std::size_t>(closed)].name);
        Simulation sim(sc, opt);
        sim.advance_to(days(3));
        const ChangeOutcome o = sim.apply(
            CentreClosed{CentreRef::named(sc.plan.centres[static_cast<std::size_t>(closed)].name),
                         days(6)},
            change_identity("test"));
        REQUIRE(o.applied());
        const Results after = sim.run();
        // the change has an effect where it is made
        CHECK(rows_of(after, closed) != rows_of(base, closed));
        for (int c = 0; c < 3; ++c) {
            INFO("centre " << sc.plan.centres[static_cast<std::size_t>(c)].name);
            if (comp[static_cast<std::size_t>(c)] != comp[static_cast<std::size_t>(closed)])
                CHECK(rows_of(after, c) == rows_of(base, c));
        }
    }
}

TEST_CASE("booking order: the same seed books the same people, run after run") {
    const fs::path d = fs::path(RIPOSTE_SCENARIO_DIR) / "lievin-pays-d-artois";
    const LoadResult loaded = load_scenario(d / "world.toml", d / "plan.toml");
    REQUIRE(loaded.scenario);
    const RunOptions opt{3, 1, minutes(15)};
    const Results a = run_replication(*loaded.scenario, opt);
    const Results b = run_replication(*loaded.scenario, opt);
    for (std::size_t c = 0; c < loaded.scenario->plan.centres.size(); ++c)
        CHECK(rows_of(a, static_cast<int>(c)) == rows_of(b, static_cast<int>(c)));
}
