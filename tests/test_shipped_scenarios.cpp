// Every scenario shipped under scenarios/ loads with zero diagnostics, and every deliberately
// broken one under scenarios/tests/broken/ reports exactly the problems its expected.txt lists.
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace riposte;

namespace {

const fs::path scenario_root{RIPOSTE_SCENARIO_DIR};

bool is_broken(const fs::path& p) {
    return std::any_of(p.begin(), p.end(), [](const fs::path& part) { return part == "broken"; });
}

/// (world, plan) pairs: every world.toml outside broken/, with each plan*.toml beside it.
std::vector<std::pair<fs::path, fs::path>> shipped_pairs() {
    std::vector<std::pair<fs::path, fs::path>> out;
    for (const auto& e : fs::recursive_directory_iterator(scenario_root)) {
        if (!e.is_regular_file() || e.path().filename() != "world.toml" || is_broken(e.path()))
            continue;
        std::vector<fs::path> plans;
        for (const auto& f : fs::directory_iterator(e.path().parent_path())) {
            const std::string n = f.path().filename().string();
            if (f.is_regular_file() && n.rfind("plan", 0) == 0 && f.path().extension() == ".toml")
                plans.push_back(f.path());
        }
        std::sort(plans.begin(), plans.end());
        for (const auto& p : plans) out.emplace_back(e.path(), p);
        if (plans.empty()) out.emplace_back(e.path(), fs::path()); // reported below
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string all(const LoadResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics.items()) out += format_diagnostic(d) + "\n";
    return out;
}

} // namespace

TEST_CASE("every shipped scenario loads with zero diagnostics") {
    const auto pairs = shipped_pairs();
    REQUIRE(pairs.size() >= 2); // at least the default scenario and the tiny test scenario
    for (const auto& pair : pairs) {
        // Named copies: clang 14 cannot capture structured bindings (CAPTURE uses a lambda).
        const auto& world = pair.first;
        const auto& plan = pair.second;
        CAPTURE(world.string());
        CAPTURE(plan.string());
        REQUIRE_MESSAGE(!plan.empty(), "a world.toml without any plan*.toml beside it");
        const LoadResult r = load_scenario(world, plan);
        CHECK_MESSAGE(r.diagnostics.items().empty(), all(r));
        CHECK(r.scenario.has_value());
    }
}

TEST_CASE("the default scenario is Centre-Hérault, 28 days from Monday 2021-04-05") {
    const fs::path w = default_world_file(), p = default_plan_file();
    REQUIRE(fs::exists(w));
    REQUIRE(fs::exists(p));
    CHECK(w.parent_path().filename() == "centre-herault");
    const LoadResult r = load_scenario(w, p);
    INFO(all(r));
    REQUIRE(r.scenario);
    const World& world = r.scenario->world;
    CHECK(world.days == 28);
    CHECK(world.start_date == "2021-04-05");
    CHECK(world.start_weekday == 0);
    CHECK(world.territory.communes.size() == 77);
    std::int64_t population = 0;
    for (const auto& c : world.territory.communes) population += c.population;
    CHECK(population == 86257);
    CHECK(world.find_commune("34079") >= 0);
    // 130 CPTS members plus the people recruited for the centres
    std::int64_t people = 0;
    for (const auto& e : world.pool) people += e.count;
    CHECK(people >= 130);
    const Plan& plan = r.scenario->plan;
    int vaccinating = 0, testing = 0;
    for (const auto& c : plan.centres) {
        vaccinating += c.vaccinates() ? 1 : 0;
        testing += c.tests() ? 1 : 0;
    }
    CHECK(vaccinating == 3);
    CHECK(testing == 1);
    // Allocation shares of the depot's deliveries add up to 1.
    double shares = 0;
    for (const auto& c : plan.centres)
        if (c.vaccinates()) shares += c.allocation_share;
    CHECK(shares == doctest::Approx(1.0));
}

TEST_CASE("every broken scenario reports the diagnostics its expected.txt lists") {
    const fs::path broken = scenario_root / "tests" / "broken";
    REQUIRE(fs::is_directory(broken));
    int cases = 0;
    for (const auto& e : fs::directory_iterator(broken)) {
        if (!e.is_directory()) continue;
        const fs::path dir = e.path();
        CAPTURE(dir.string());
        std::ifstream in(dir / "expected.txt");
        REQUIRE_MESSAGE(in, "missing expected.txt");
        std::vector<std::string> expected;
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line[0] != '#') expected.push_back(line);
        REQUIRE(!expected.empty());
        const LoadResult r = load_scenario(dir / "world.toml", dir / "plan.toml");
        CHECK_FALSE(r.scenario);
        // Diagnostics with the case directory removed from file names.
        const std::string prefix = dir.string() + "/";
        std::vector<std::string> got;
        for (const auto& d : r.diagnostics.items()) {
            std::string s = format_diagnostic(d);
            if (s.rfind(prefix, 0) == 0) s.erase(0, prefix.size());
            got.push_back(s);
        }
        std::string listing;
        for (const auto& g : got) listing += g + "\n";
        // Each expected line is the beginning of one diagnostic, in the same order, and there
        // is nothing else.
        CHECK_MESSAGE(got.size() == expected.size(), listing);
        for (std::size_t k = 0; k < std::min(got.size(), expected.size()); ++k)
            CHECK_MESSAGE(got[k].rfind(expected[k], 0) == 0, "expected: " << expected[k]
                                                                          << "\ngot:\n"
                                                                          << listing);
        ++cases;
    }
    CHECK(cases >= 5);
}
