// The scenario loader (sim/scenario): inline TOML through load_scenario_text, asserting the exact
// file:line:column of each kind of problem, plus CSV files written to a temporary directory.
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace riposte;

namespace {

// A world that loads with zero diagnostics; tests change one thing at a time.
const std::string base_world = R"toml([world]
name = "test"
start_date = 2021-04-05
days = 14

[territory]
communes = [
  { insee = "34079", name = "Clermont-l'Hérault", population = 9461, lat = 43.63412, lon = 3.41280 },
  { insee = "34114", name = "Gignac", population = 6651, lat = 43.65207, lon = 3.55096 },
  { insee = "34142", name = "Lodève", population = 7251, lat = 43.73178, lon = 3.31959 },
]
edges = [
  { insee_a = "34079", insee_b = "34114", km = 14.68, minutes = 17.6 },
  { insee_a = "34079", insee_b = "34142", km = 17.15, minutes = 20.6 },
]

[[group]]
name = "75+"
share = 0.11
uptake = 0.85
doses = 2
interval_days = 28

[[group]]
name = "rest"
share = 0.5
uptake = 0.7
eligible_day = 7

[behaviour]
booking_delay = "exp(2) d"
no_show = 0.01

[[pool]]
profession = "medecin"
commune = "34114"
count = 4
weekly_hours = 10

[[pool]]
profession = "infirmier"
commune = "Gignac"
count = 6
weekly_hours = 12
days = "mon-fri"

[[pool]]
profession = "administratif"
commune = "Clermont-l'Hérault"
count = 3
weekly_hours = 20

[[vaccine]]
name = "Comirnaty"
doses_per_vial = 6
shelf_life_hours = 6

[[delivery]]
day = 0
doses = 600

[testing]
initial_kits = 100
tests_per_case = 3
incidence = [10, 12, 14]

[cost]
hourly_eur = 55
)toml";

const std::string base_plan = R"toml([plan]
name = "test plan"

[booking]
horizon_days = 7

[[centre]]
name = "Gignac"
commune = "34114"
days = "mon-fri"
opens = "09:00"
closes = "17:00"
slot_minutes = 5

[[centre.station]]
name = "interview"
role = "medical_interview"
service = "2 + exp(1)"

[[centre.station]]
name = "injection"
role = "injection"
service = "3 + exp(1)"
gives_dose = true

[[centre.station]]
name = "observation"
kind = "area"
dwell = "15"
capacity = 10

[[centre.shift]]
start = "09:00"
end = "13:00"
staff = { medical_interview = 1, injection = 2, supervision = 1 }

[[centre.shift]]
start = "13:00"
end = "17:00"
staff = { medical_interview = 1, injection = 2, supervision = 1 }

[[centre]]
name = "Clermont testing"
kind = "testing"
commune = "Clermont-l'Hérault"
opens = "09:00"
closes = "12:00"

[[centre.station]]
name = "swab"
role = "swab"
service = "uniform(4, 5)"
takes_sample = true

[[centre.shift]]
staff = { swab = 1 }
)toml";

/// Replaces the single occurrence of `from` (the test fails if it is not there exactly once).
std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "anchor not found: " << from);
    REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "anchor not unique: " << from);
    return text.replace(at, from.size(), to);
}

/// "line:column" of the first occurrence of `needle` (+ `offset` bytes) in `text`, counted as
/// toml++ does: 1-based lines, columns in UTF-8 code points. Found independently of the loader.
std::string pos(const std::string& text, const std::string& needle, std::size_t offset = 0) {
    const auto at = text.find(needle);
    REQUIRE_MESSAGE(at != std::string::npos, "needle not found: " << needle);
    const std::size_t target = at + offset;
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t k = 0; k < target; ++k)
        if (text[k] == '\n') {
            ++line;
            line_start = k + 1;
        }
    int col = 1;
    for (std::size_t k = line_start; k < target; ++k)
        if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++col;
    return std::to_string(line) + ":" + std::to_string(col);
}

LoadResult load(const std::string& world, const std::string& plan,
                const fs::path& base = fs::path(RIPOSTE_SCENARIO_DIR) / "tests" / "tiny") {
    return load_scenario_text(world, "world.toml", plan, "plan.toml", base);
}

std::string all(const LoadResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics.items()) out += format_diagnostic(d) + "\n";
    return out.empty() ? "(no diagnostics)\n" : out;
}

/// True when a diagnostic's formatted text starts with `prefix`.
bool has(const LoadResult& r, const std::string& prefix) {
    for (const auto& d : r.diagnostics.items())
        if (format_diagnostic(d).rfind(prefix, 0) == 0) return true;
    return false;
}

#define CHECK_DIAG(result, prefix)                                                                 \
    CHECK_MESSAGE(has(result, prefix), "expected: " << (prefix) << "\ngot:\n" << all(result))

/// A directory under the system temp dir, removed at the end of the test.
class TempDir {
  public:
    TempDir() {
        static std::atomic<int> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = fs::temp_directory_path() /
                ("riposte-loader-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }
    void write(const std::string& name, const std::string& text) const {
        std::ofstream out(path_ / name, std::ios::binary);
        out << text;
    }
    [[nodiscard]] std::string file(const std::string& name) const {
        return (path_ / name).string();
    }

  private:
    fs::path path_;
};

const std::string csv_communes = "insee,name,population,lat,lon\n"
                                 "34079,Clermont-l'Hérault,9461,43.63412,3.41280\n"
                                 "34114,Gignac,6651,43.65207,3.55096\n"
                                 "34142,Lodève,7251,43.73178,3.31959\n";
const std::string csv_edges = "insee_a,insee_b,km,minutes\n"
                              "34079,34114,14.68,17.6\n"
                              "34079,34142,17.15,20.6\n";

/// The base world reading its territory from CSV files in `dir`.
std::string world_with_csv() {
    std::string w = base_world;
    const auto a = w.find("communes = [");
    const auto b = w.find("[[group]]");
    return w.replace(a, b - a, "communes = \"communes.csv\"\nedges = \"edges.csv\"\n\n");
}

} // namespace

TEST_CASE("the base scenario loads with zero diagnostics and the values it says") {
    const auto r = load(base_world, base_plan);
    INFO(all(r));
    REQUIRE(r.diagnostics.items().empty());
    REQUIRE(r.scenario);
    const World& w = r.scenario->world;
    const Plan& p = r.scenario->plan;
    CHECK(w.name == "test");
    CHECK(w.start_date == "2021-04-05");
    CHECK(w.start_weekday == 0); // a Monday
    CHECK(w.days == 14);
    REQUIRE(w.territory.communes.size() == 3);
    CHECK(w.territory.communes[0].name == "Clermont-l'Hérault");
    CHECK(w.territory.communes[1].population == 6651);
    REQUIRE(w.territory.edges.size() == 2);
    CHECK(w.territory.edges[1].a == 0);
    CHECK(w.territory.edges[1].b == 2);
    CHECK(w.territory.edges[1].minutes == doctest::Approx(20.6));
    REQUIRE(w.groups.size() == 2);
    CHECK(w.groups[0].doses == 2);
    CHECK(w.groups[0].interval_days == 28);
    CHECK(w.groups[1].eligible_day == 7);
    CHECK(w.groups[1].doses == 1);
    CHECK(w.behaviour.booking_delay.mean() == doctest::Approx(2 * 86400.0));
    CHECK(w.behaviour.punctuality.mean() == doctest::Approx(-3 * 60.0)); // default normal(-3, 5)
    // the bundled scope table
    CHECK(w.professions.size() == 9);
    CHECK(w.roles.size() == 7);
    CHECK(w.medecin() == ProfessionId{0});
    const int interview = w.find_role("medical_interview").value();
    REQUIRE(interview >= 0);
    REQUIRE(w.scope.allowed[RoleId{interview}].size() == 1);
    CHECK(w.scope.allowed[RoleId{interview}][0].profession == w.medecin());
    const auto& injection = w.scope.allowed[(w.find_role("injection"))];
    REQUIRE(!injection.empty());
    CHECK(injection.front().profession == w.find_profession("infirmier"));
    CHECK(injection.back().profession == w.find_profession("etudiant_sante"));
    CHECK(injection.back().supervised);
    // the pool, communes given by code and by name
    REQUIRE(w.pool.size() == 3);
    CHECK(w.pool[1].profession == w.find_profession("infirmier"));
    CHECK(w.pool[1].home_commune == 1);
    CHECK(w.pool[1].weekdays == 0x1f);
    CHECK(w.pool[2].home_commune == 0);
    CHECK(w.pool[2].max_commute_minutes == 30);
    REQUIRE(w.vaccines.size() == 1);
    CHECK(w.vaccines[0].shelf_life_after_opening == hours(6));
    REQUIRE(w.deliveries.size() == 1);
    CHECK(w.deliveries[0].vaccine == 0);
    CHECK(w.deliveries[0].centre == CentreId::none());
    CHECK(w.epidemic.incidence_per_100k.size() == 3);
    CHECK(w.epidemic.hourly_profile[3] == 1.0);
    CHECK(w.hourly_cost_eur == 55);
    // the plan
    CHECK(p.name == "test plan");
    CHECK(p.booking.horizon_days == 7);
    REQUIRE(p.centres.size() == 2);
    const Centre& g = p.centres[0];
    CHECK(g.kind == CentreKind::Vaccination);
    CHECK(g.commune == 1);
    CHECK(g.weekdays == 0x1f);
    CHECK(g.opens == hours(9));
    CHECK(g.closes == hours(17));
    CHECK(g.slot_length == minutes(5));
    CHECK(g.allocation_share == 1.0); // the only centre using the vaccine takes it all
    REQUIRE(g.stations.size() == 3);
    CHECK(g.stations[1].gives_dose);
    CHECK(g.stations[1].service.mean() == doctest::Approx(240.0));
    CHECK(g.stations[2].kind == StationKind::Area);
    CHECK(g.stations[2].capacity == 10);
    CHECK(g.stations[2].service.mean() == doctest::Approx(900.0));
    REQUIRE(g.shifts.size() == 2);
    CHECK(g.shifts[1].start == hours(13));
    CHECK(g.shifts[1].weekdays == 0x1f); // the centre's days by default
    CHECK(g.shifts[0].staff[w.find_role("injection")] == 2);
    CHECK(g.shifts[0].staff[w.supervision_role()] == 1);
    const Centre& t = p.centres[1];
    CHECK(t.kind == CentreKind::Testing);
    CHECK(t.commune == 0);
    CHECK(t.weekdays == all_weekdays);
    CHECK(t.allocation_share == 0.0);
    CHECK(t.shifts[0].start == hours(9)); // the centre's hours by default
    CHECK(t.shifts[0].end == hours(12));
    CHECK(t.pcr_result_delay.mean() == doctest::Approx(24 * 3600.0));
    CHECK(p.max_travel_minutes == -1);
}

TEST_CASE("TOML syntax errors are reported with their position and the other file is still read") {
    const auto w = replace(base_world, "name = \"test\"", "name = Gignac");
    const auto p = replace(base_plan, "horizon_days = 7", "horizon_dayz = 7");
    const auto r = load(w, p);
    CHECK_FALSE(r.scenario);
    CHECK_DIAG(r, "world.toml:2:8: error: [toml.syntax] TOML syntax error: ");
    CHECK(all(r).find("text values need quotes") != std::string::npos);
    // toml++ reads a bare word starting with t or f as a broken true/false.
    const auto r2 = load(replace(base_world, "name = \"test\"", "name = test"), base_plan);
    CHECK_DIAG(r2, "world.toml:2:9: error: [toml.syntax] TOML syntax error: ");
    CHECK(all(r2).find("text values need quotes") != std::string::npos);
    CHECK_DIAG(r, "plan.toml:" + pos(p, "horizon_dayz") +
                      ": error: [key.unknown] unknown key 'horizon_dayz' in [booking]; did you "
                      "mean 'horizon_days'?");
    // Without the world, the plan's references are not checked (no cascade of false errors).
    CHECK(all(r).find("unknown role") == std::string::npos);
}

TEST_CASE("a duplicate key and an unclosed table header are syntax errors at their position") {
    auto r = load(replace(base_world, "days = 14", "days = 14\ndays = 15"), base_plan);
    CHECK_DIAG(r, "world.toml:5:8: error: [toml.syntax] TOML syntax error: ");
    CHECK(all(r).find("may appear once") != std::string::npos);
    r = load(base_world, replace(base_plan, "[booking]", "[booking"));
    CHECK_DIAG(r, "plan.toml:4:9: error: [toml.syntax] TOML syntax error: ");
}

TEST_CASE("unknown keys name the table and suggest the closest known key") {
    const auto w = replace(base_world, "interval_days = 28", "intreval_days = 28");
    const auto p = replace(base_plan, "slot_minutes = 5", "slot_minute = 5");
    const auto r = load(w, p);
    CHECK_DIAG(r,
               "world.toml:" + pos(w, "intreval_days") +
                   ": error: [key.unknown] unknown key 'intreval_days' in [[group]]; did you mean "
                   "'interval_days'?");
    CHECK_DIAG(r,
               "plan.toml:" + pos(p, "slot_minute") +
                   ": error: [key.unknown] unknown key 'slot_minute' in [[centre]]; did you mean "
                   "'slot_minutes'?");
    // No close match: the known keys are listed instead.
    const auto r2 = load(replace(base_world, "no_show = 0.01", "zzz = 1"), base_plan);
    CHECK(all(r2).find("unknown key 'zzz' in [behaviour]; known keys: 'booking_delay'") !=
          std::string::npos);
}

TEST_CASE("a key of the other file, or a top-level key after a table header, says so") {
    auto w = base_world + "\n[[centre]]\nname = \"x\"\n";
    auto r = load(w, base_plan);
    CHECK_DIAG(
        r, "world.toml:" + pos(w, "[[centre]]", 2) +
               ": error: [key.wrong_file] 'centre' belongs in the plan file, not here: move it");
    w = replace(base_world, "no_show = 0.01", "no_show = 0.01\npool = \"pool.csv\"");
    r = load(w, base_plan);
    CHECK_DIAG(r, "world.toml:" + pos(w, "pool = \"pool.csv\"") +
                      ": error: [key.misplaced] 'pool' is a top-level key, but here it belongs to "
                      "[behaviour]");
}

TEST_CASE("wrong types are reported at the value with how to fix them") {
    const auto w = replace(replace(replace(base_world, "uptake = 0.85", "uptake = \"0.85\""),
                                   "doses = 2\n", "doses = 2.5\n"),
                           "{ insee = \"34114\"", "{ insee = 34114");
    const auto r = load(w, base_plan);
    CHECK_DIAG(
        r,
        "world.toml:" + pos(w, "\"0.85\"") +
            ": error: [value.type] 'uptake' must be a number, found a string: remove the quotes");
    CHECK_DIAG(r, "world.toml:" + pos(w, "2.5") +
                      ": error: [value.type] 'doses' must be a whole number, found 2.5");
    CHECK_DIAG(r, "world.toml:" + pos(w, "34114,") +
                      ": error: [value.type] write the INSEE code as a string in quotes");
    CHECK_FALSE(r.scenario);
}

TEST_CASE("missing required keys are reported at the table header") {
    const auto w = replace(base_world, "doses_per_vial = 6\n", "");
    const auto p = replace(base_plan, "commune = \"34114\"\n", "");
    const auto r = load(w, p);
    CHECK_DIAG(r,
               "world.toml:" + pos(w, "[[vaccine]]") +
                   ": error: [key.missing] missing key 'doses_per_vial' in [[vaccine]]: add e.g. "
                   "doses_per_vial = 6");
    CHECK_DIAG(r, "plan.toml:" + pos(p, "[[centre]]") +
                      ": error: [key.missing] missing key 'commune' in [[centre]]: add e.g. "
                      "commune = \"34114\"");
    const auto r2 =
        load("[territory]\ncommunes = \"communes.csv\"\nedges = \"edges.csv\"\n", base_plan);
    CHECK_DIAG(r2, "world.toml:1:1: error: [key.missing] missing key 'world' in the world file");
    CHECK_DIAG(r2, "world.toml:1:1: error: [key.missing] missing key 'group' in the world file");
}

TEST_CASE("absurd and negative numbers are refused with the accepted range") {
    const auto w = replace(
        replace(replace(base_world, "days = 14", "days = 100000"), "count = 4", "count = -2"),
        "share = 0.11", "share = 11");
    const auto r = load(w, base_plan);
    CHECK_DIAG(r, "world.toml:" + pos(w, "100000") +
                      ": error: [value.out_of_range] 'days' = 100000 is out of range: write a "
                      "whole number from 1 to " +
                      std::to_string(Limits::max_days));
    CHECK_DIAG(r, "world.toml:" + pos(w, "-2") +
                      ": error: [value.out_of_range] 'count' = -2 is out of range");
    CHECK_DIAG(r, "world.toml:" + pos(w, "share = 11", 8) +
                      ": error: [value.out_of_range] 'share' = 11 is out of range: write a share "
                      "between 0 and 1, "
                      "e.g. 0.11 for 11%");
    const auto r2 = load(replace(base_world, "hourly_eur = 55", "hourly_eur = nan"), base_plan);
    CHECK(all(r2).find("'hourly_eur' must be a finite number") != std::string::npos);
}

TEST_CASE("group shares adding up to more than 1 are refused") {
    const auto w = replace(base_world, "share = 0.5", "share = 0.95");
    const auto r = load(w, base_plan);
    CHECK_DIAG(r, "world.toml:" + pos(w, "0.95") +
                      ": error: [value.out_of_range] the shares of the population groups add up to "
                      "1.06, more than 1");
}

TEST_CASE("unknown references suggest the closest name") {
    const auto w =
        replace(replace(base_world, "profession = \"medecin\"", "profession = \"medcin\""),
                "commune = \"Gignac\"", "commune = \"Gignak\"");
    const auto p = replace(replace(base_plan, "role = \"injection\"", "role = \"injecton\""),
                           "commune = \"Clermont-l'Hérault\"", "commune = \"Clermont\"");
    const auto r = load(w, p);
    CHECK_DIAG(r,
               "world.toml:" + pos(w, "\"medcin\"") +
                   ": error: [ref.unknown] unknown profession 'medcin'; did you mean 'medecin'?");
    CHECK_DIAG(r, "world.toml:" + pos(w, "\"Gignak\"") +
                      ": error: [ref.unknown] unknown commune 'Gignak'; did you mean 'Gignac'?");
    CHECK_DIAG(r, "plan.toml:" + pos(p, "\"injecton\"") +
                      ": error: [ref.unknown] unknown role 'injecton'; did you mean 'injection'?");
    CHECK_DIAG(r, "plan.toml:" + pos(p, "\"Clermont\"") +
                      ": error: [ref.unknown] unknown commune 'Clermont'");
}

TEST_CASE(
    "a commune may be named by code, exact name or case-insensitive name, ambiguity is an error") {
    auto p = replace(base_plan, "commune = \"34114\"", "commune = \"gignac\"");
    auto r = load(base_world, p);
    INFO(all(r));
    REQUIRE(r.scenario);
    CHECK(r.scenario->plan.centres[0].commune == 1);
    const auto w = replace(base_world, "name = \"Lodève\"", "name = \"Gignac\"");
    r = load(w, base_plan);
    CHECK_DIAG(r, "world.toml:" + pos(w, "commune = \"Gignac\"", 10) +
                      ": error: [ref.ambiguous] commune name 'Gignac' is ambiguous (INSEE 34114, "
                      "34142): write "
                      "the INSEE code instead");
}

TEST_CASE("deliveries addressed to centres are checked against the plan") {
    auto w = replace(base_world, "doses = 600", "doses = 600\ncentre = \"Gignak\"");
    auto r = load(w, base_plan);
    CHECK_DIAG(
        r,
        "world.toml:" + pos(w, "\"Gignak\"") +
            ": error: [ref.unknown] delivery to unknown centre 'Gignak'; did you mean 'Gignac'?");
    w = replace(base_world, "doses = 600", "doses = 600\ncentre = \"Clermont testing\"");
    r = load(w, base_plan);
    CHECK_DIAG(r, "world.toml:" + pos(w, "\"Clermont testing\"") +
                      ": error: delivery to centre 'Clermont testing', which does not vaccinate");
    w = replace(base_world, "doses = 600", "doses = 600\ncentre = \"Gignac\"");
    r = load(w, base_plan);
    INFO(all(r));
    REQUIRE(r.scenario);
    CHECK(r.scenario->world.deliveries[0].centre == CentreId{0});
}

TEST_CASE("a second vaccine must be named, and a mismatched delivery is an error") {
    auto w = replace(base_world, "[[delivery]]",
                     "[[vaccine]]\nname = \"Spikevax\"\ndoses_per_vial = 10\nshelf_life_hours = "
                     "12\n\n[[delivery]]\nvaccine = \"Spikevax\"\ncentre = \"Gignac\"\nday = 1\n"
                     "doses = 100\n\n[[delivery]]\nvaccine = \"Comirnaty\"");
    auto r = load(w, base_plan);
    CHECK_DIAG(r, "plan.toml:" + pos(base_plan, "[[centre]]") +
                      ": error: missing key 'vaccine' in [[centre]]: the world has several "
                      "vaccines");
    const auto p =
        replace(base_plan, "slot_minutes = 5", "slot_minutes = 5\nvaccine = \"Comirnaty\"");
    r = load(w, p);
    CHECK_DIAG(r, "world.toml:" + pos(w, "centre = \"Gignac\"", 9) +
                      ": error: delivery of Spikevax to centre 'Gignac', which uses Comirnaty");
    w = replace(base_world, "doses = 600", "doses = 600\nvaccine = \"Comirnatty\"");
    r = load(w, base_plan);
    CHECK_DIAG(
        r, "world.toml:" + pos(w, "\"Comirnatty\"") +
               ": error: [ref.unknown] unknown vaccine 'Comirnatty'; did you mean 'Comirnaty'?");
}

TEST_CASE("allocation shares: unset centres share the rest, a sum above 1 is an error") {
    const std::string second =
        "[[centre]]\nname = \"Lodève\"\ncommune = \"34142\"\nopens = \"09:00\"\ncloses = "
        "\"12:00\"\n\n[[centre.station]]\nname = \"injection\"\nrole = \"injection\"\nservice = "
        "\"4\"\ngives_dose = true\n\n[[centre.shift]]\nstaff = { injection = 1, supervision = 1 "
        "}\n\n";
    auto p = replace(base_plan, "[[centre]]\nname = \"Clermont testing\"",
                     second + "[[centre]]\nname = \"Clermont testing\"");
    auto r = load(base_world, p);
    INFO(all(r));
    REQUIRE(r.scenario);
    CHECK(r.scenario->plan.centres[0].allocation_share == doctest::Approx(0.5));
    CHECK(r.scenario->plan.centres[1].allocation_share == doctest::Approx(0.5));
    p = replace(p, "slot_minutes = 5", "slot_minutes = 5\nallocation_share = 0.8");
    r = load(base_world, p);
    REQUIRE(r.scenario);
    CHECK(r.scenario->plan.centres[1].allocation_share == doctest::Approx(0.2));
    p = replace(
        p, "opens = \"09:00\"\ncloses = \"12:00\"\n\n[[centre.station]]\nname = \"injection\"",
        "opens = \"09:00\"\ncloses = \"12:00\"\nallocation_share = 0.3\n\n[[centre.station]]"
        "\nname = \"injection\"");
    r = load(base_world, p);
    CHECK_DIAG(r, "plan.toml:" + pos(p, "allocation_share = 0.3", 19) +
                      ": error: the allocation shares of the centres and mobile teams using "
                      "Comirnaty add up to more than 1 (1.1 so far)");
}

TEST_CASE("shifts must fall within the opening hours and days") {
    auto p = replace(base_plan, "start = \"13:00\"\nend = \"17:00\"",
                     "start = \"18:00\"\nend = \"20:00\"");
    auto r = load(base_world, p);
    CHECK_DIAG(r, "plan.toml:" + pos(p, "[[centre.shift]]\nstart = \"18:00\"") +
                      ": error: the shift 18:00-20:00 is outside the opening hours of centre "
                      "'Gignac' (09:00-17:00)");
    p = replace(base_plan, "start = \"13:00\"\nend = \"17:00\"",
                "start = \"13:00\"\nend = \"12:00\"");
    r = load(base_world, p);
    CHECK_DIAG(r, "plan.toml:" + pos(p, "\"12:00\"\nstaff") +
                      ": error: the shift ends (12:00) before it starts (13:00)");
    p = replace(base_plan, "start = \"13:00\"\nend = \"17:00\"",
                "start = \"13:00\"\nend = \"17:00\"\ndays = \"sat,sun\"");
    r = load(base_world, p);
    CHECK_DIAG(r, "plan.toml:" + pos(p, "\"sat,sun\"") +
                      ": error: the shift works on sat,sun but centre 'Gignac' opens on mon-fri");
    p = replace(base_plan, "start = \"13:00\"\nend = \"17:00\"",
                "start = \"13:00\"\nend = \"18:00\"");
    r = load(base_world, p);
    CHECK(r.scenario); // a partial overlap is only a warning
    CHECK(all(r).find("warning: the shift 13:00-18:00 runs outside the opening hours") !=
          std::string::npos);
}

TEST_CASE("a station whose role no shift staffs is an error at the station's role") {
    const auto p = replace(base_plan, "staff = { swab = 1 }", "staff = { reception = 1 }");
    const auto r = load(base_world, p);
    CHECK_DIAG(r, "plan.toml:" + pos(p, "role = \"swab\"", 7) +
                      ": error: station 'swab' needs role 'swab' but no shift of centre 'Clermont "
                      "testing' staffs it: add swab = 1 (or more) to a shift's staff");
    const auto p2 = replace(base_plan, "staff = { swab = 1 }", "staff = { swab = 1, swabb = 2 }");
    const auto r2 = load(base_world, p2);
    CHECK_DIAG(r2, "plan.toml:" + pos(p2, "swabb") +
                       ": error: [ref.unknown] unknown role 'swabb'; did you mean 'swab'?");
}

TEST_CASE("stations: dose and sample flags, areas and servers") {
    auto p = replace(base_plan, "gives_dose = true\n", "");
    auto r = load(base_world, p);
    CHECK_DIAG(r, "plan.toml:" + pos(p, "[[centre]]") +
                      ": error: centre 'Gignac' vaccinates but no station gives the dose");
    p = replace(base_plan, "dwell = \"15\"", "service = \"15\"");
    r = load(base_world, p);
    CHECK_DIAG(r, "plan.toml:" + pos(p, "\"15\"") +
                      ": error: an area has a 'dwell' time, not a 'service' time");
    p = replace(base_plan, "takes_sample = true", "takes_sample = true\ngives_dose = true");
    r = load(base_world, p);
    CHECK_DIAG(r, "plan.toml:" + pos(p, "true\ngives_dose = true", 18) +
                      ": error: centre 'Clermont testing' does not vaccinate");
    p = replace(base_plan, "service = \"2 + exp(1)\"", "service = \"0\"");
    r = load(base_world, p);
    CHECK_DIAG(r, "plan.toml:" + pos(p, "\"0\"") + ": error: 'service' has a mean of 0");
    p = replace(base_plan, "service = \"2 + exp(1)\"", "service = \"2 d\"");
    r = load(base_world, p);
    CHECK(all(r).find("more than a day") != std::string::npos);
}

TEST_CASE("a bad distribution is reported at the character where the text goes wrong") {
    const auto w = replace(base_world, "booking_delay = \"exp(2) d\"",
                           "booking_delay = \"exp(2) fortnights\"");
    const auto p = replace(base_plan, "service = \"3 + exp(1)\"", "service = \"3 + epx(1)\"");
    const auto r = load(w, p);
    // "exp(2) fortnights": the unknown unit starts 7 bytes into the string.
    CHECK_DIAG(r, "world.toml:" + pos(w, "fortnights") +
                      ": error: [value.bad_distribution] bad distribution in 'booking_delay': "
                      "unexpected text");
    CHECK_DIAG(r, "plan.toml:" + pos(p, "epx") +
                      ": error: [value.bad_distribution] bad distribution in 'service': unknown "
                      "distribution 'epx'");
}

TEST_CASE("bad days, times and dates point inside the string") {
    const auto w = replace(replace(base_world, "days = \"mon-fri\"", "days = \"mon-fry\""),
                           "start_date = 2021-04-05", "start_date = \"2021-02-30\"");
    const auto p = replace(replace(base_plan, "opens = \"09:00\"\ncloses = \"17:00\"",
                                   "opens = \"9:0\"\ncloses = \"25:00\""),
                           "days = \"mon-fri\"", "days = \"mon-fri,\"");
    const auto r = load(w, p);
    CHECK_DIAG(r, "world.toml:" + pos(w, "fry") +
                      ": error: [value.bad_text] bad 'days': unknown day 'fry'");
    CHECK_DIAG(
        r, "world.toml:" + pos(w, "30\"") +
               ": error: [value.bad_text] bad 'start_date': day 30 does not exist in that month");
    CHECK_DIAG(r, "plan.toml:" + pos(p, "0\"\ncloses") +
                      ": error: [value.bad_text] bad 'opens': expected two digits of minutes");
    CHECK_DIAG(
        r, "plan.toml:" + pos(p, "25:00") +
               ": error: [value.bad_text] bad 'closes': the time must be between 00:00 and 24:00");
    CHECK_DIAG(r, "plan.toml:" + pos(p, "\"mon-fri,\"", 9) +
                      ": error: [value.bad_text] bad 'days': expected a day name");
}

TEST_CASE("day lists, clock forms and the start weekday") {
    auto w = replace(base_world, "start_date = 2021-04-05", "start_date = \"2021-04-10\"");
    auto p = replace(replace(base_plan, "days = \"mon-fri\"", "days = \"sat-mon\""),
                     "opens = \"09:00\"\ncloses = \"17:00\"", "opens = 09:00:00\ncloses = \"17h\"");
    p = replace(p, "start = \"09:00\"", "start = \"9h\"\ndays = \"Sat, dimanche ,mon\"");
    p = replace(p, "start = \"13:00\"", "start = \"13:00\"\ndays = \"all\"");
    const auto r = load(w, p);
    INFO(all(r));
    REQUIRE(r.scenario);
    CHECK(r.scenario->world.start_weekday == 5); // 2021-04-10 is a Saturday
    const Centre& c = r.scenario->plan.centres[0];
    CHECK(c.weekdays == ((1 << 5) | (1 << 6) | 1));
    CHECK(c.opens == hours(9));
    CHECK(c.closes == hours(17));
    CHECK(c.shifts[0].start == hours(9));
    CHECK(c.shifts[0].weekdays == ((1 << 5) | (1 << 6) | 1));
    // "all" includes days the centre is closed: a warning, not an error
    CHECK(all(r).find("warning: the shift works on all but centre 'Gignac' opens on mon,sat,sun") !=
          std::string::npos);
}

TEST_CASE("the scope table: override, partial override, file, and a role nobody may fill") {
    // Partial override: only one role changes; the others keep the bundled lists.
    auto w = replace(base_world, "[cost]",
                     "[scope.role.injection]\nallowed = [\"infirmier\"]\n\n[cost]");
    auto r = load(w, base_plan);
    INFO(all(r));
    REQUIRE(r.scenario);
    const World& sw = r.scenario->world;
    const auto& inj = sw.scope.allowed[(sw.find_role("injection"))];
    REQUIRE(inj.size() == 1);
    CHECK(inj[0].profession == sw.find_profession("infirmier"));
    CHECK(sw.scope.allowed[(sw.find_role("swab"))].size() == 7);

    // A full table with '*' and a role that no profession may fill.
    w = replace(base_world, "[cost]",
                "[scope]\nprofessions = [\"medecin\", \"infirmier\", \"administratif\"]\n"
                "roles = [\"reception\", \"medical_interview\", \"injection\", \"swab\", "
                "\"supervision\", \"triage\"]\n"
                "[scope.role.reception]\nallowed = [\"administratif\", \"*\"]\n"
                "[scope.role.medical_interview]\nallowed = [\"medecin\"]\n"
                "[scope.role.injection]\nallowed = [\"infirmier\", \"medecin\"]\n"
                "[scope.role.swab]\nallowed = [\"infirmier\"]\n"
                "[scope.role.supervision]\nallowed = [\"medecin\"]\n"
                "[scope.role.triage]\nallowed = []\n\n[cost]");
    r = load(w, base_plan);
    CHECK_DIAG(r, "world.toml:" + pos(w, "[scope.role.triage]") +
                      ": error: no profession may fill role 'triage'");
    w = replace(w, "allowed = []", "allowed = [\"medecn\"]");
    r = load(w, base_plan);
    CHECK_DIAG(r,
               "world.toml:" + pos(w, "\"medecn\"") +
                   ": error: [ref.unknown] unknown profession 'medecn'; did you mean 'medecin'?");
    w = replace(w, "allowed = [\"medecn\"]", "allowed = [\"medecin\"]");
    r = load(w, base_plan);
    INFO(all(r));
    REQUIRE(r.scenario);
    const World& fw = r.scenario->world;
    CHECK(fw.professions.size() == 3);
    const auto& rec = fw.scope.allowed[RoleId{0}];
    REQUIRE(rec.size() == 3); // administratif, then the others in declaration order
    CHECK(rec[0].profession == ProfessionId{2});
    CHECK(rec[1].profession == ProfessionId{0});
    CHECK(rec[2].profession == ProfessionId{1});

    // A role the table does not know, and a supervised entry without a médecin.
    w = replace(base_world, "[cost]", "[scope.role.injecton]\nallowed = [\"infirmier\"]\n\n[cost]");
    r = load(w, base_plan);
    CHECK_DIAG(r, "world.toml:" + pos(w, "injecton") +
                      ": error: [scope.role.injecton] is not one of the roles; did you mean "
                      "'injection'?");
    w = replace(
        base_world, "[cost]",
        "[scope]\nprofessions = [\"infirmier\", \"etudiant_sante\"]\nroles = [\"injection\"]\n"
        "[scope.role.injection]\nallowed = [\"infirmier\"]\nsupervised = "
        "[\"etudiant_sante\"]\n\n[cost]");
    r = load(w, base_plan);
    CHECK(all(r).find("need a médecin on site, but there is no profession 'medecin'") !=
          std::string::npos);
}

TEST_CASE("scope = \"file.toml\" reads a scope table from a file") {
    TempDir dir;
    dir.write("scope.toml", "[scope]\n[scope.role.swab]\nallowed = [\"infirmier\", \"medecin\"]\n");
    dir.write("communes.csv", csv_communes);
    dir.write("edges.csv", csv_edges);
    const auto w = "scope = \"scope.toml\"\n" + world_with_csv();
    auto r = load(w, base_plan, dir.path());
    INFO(all(r));
    REQUIRE(r.scenario);
    const World& sw = r.scenario->world;
    CHECK(sw.scope.allowed[(sw.find_role("swab"))].size() == 2);
    dir.write("scope.toml", "[scope]\n[scope.role.swab]\nalowed = [\"infirmier\"]\n");
    r = load(w, base_plan, dir.path());
    CHECK_DIAG(
        r, dir.file("scope.toml") +
               ":3:1: error: [key.unknown] unknown key 'alowed' in [scope.role.swab]; did you mean "
               "'allowed'?");
}

TEST_CASE("CSV territory: the cell of each malformed row is reported") {
    TempDir dir;
    dir.write("communes.csv", "insee,name,population,lat,lon\n"
                              "34079,Clermont-l'Hérault,9461,43.63412,3.41280\n"
                              "34114,Gignac,6 651,43.65207,3.55096\n"
                              "34142,Lodève,7251,,\n"
                              "34079,Clermont bis,10,43.6,3.4\n"
                              "34999,Nowhere,10,43.6\n"
                              "34998,Lodève-sur-Mer,10,43.6,3.4,extra\n"
                              "34997,\"Saint-\"\"Quote\"\", with comma\",5,95,3.4\n");
    dir.write("edges.csv", "insee_a,insee_b,km,minutes\n"
                           "34079,34114,14.68,17.6\n"
                           "# a comment line\n"
                           "34079,34143,17.15,20.6\n"
                           "34079,34079,1,1\n"
                           "34079,34142,x,20.6\n");
    const auto r = load(world_with_csv(), base_plan, dir.path());
    const std::string c = dir.file("communes.csv"), e = dir.file("edges.csv");
    CHECK_DIAG(r, c + ":3:14: error: [csv.bad_value] bad population '6 651': write a whole number "
                      "of inhabitants");
    CHECK_DIAG(r, c + ":4:19: error: [csv.bad_value] commune 'Lodève' (34142) has no coordinates: "
                      "fill lat and "
                      "lon");
    CHECK_DIAG(r, c + ":5:1: error: [ref.duplicate] duplicate INSEE code 34079 (already used by "
                      "'Clermont-l'Hérault')");
    CHECK_DIAG(
        r, c + ":6:1: error: [csv.row_width] expected 5 cells (as in the header), found 4: add the "
               "missing cells");
    CHECK_DIAG(r, c + ":7:34: error: [csv.row_width] expected 5 cells (as in the header), found 6: "
                      "remove the "
                      "extra cells");
    CHECK_DIAG(r, c + ":8:39: error: [csv.bad_value] bad latitude '95'");
    CHECK_DIAG(r, e + ":4:7: error: [ref.unknown] edge to unknown commune '34143'");
    CHECK_DIAG(r, e + ":5:1: error: [ref.self_edge] edge from commune 34079 to itself: remove it");
    CHECK_DIAG(r, e + ":6:13: error: [csv.bad_value] bad distance 'x'");
    CHECK_FALSE(r.scenario);
    // Diagnostics come in file order: the world file, then the CSV files, then the plan.
    std::vector<std::string> files;
    for (const auto& d : r.diagnostics.items())
        if (files.empty() || files.back() != d.where.file) files.push_back(d.where.file);
    CHECK(files == std::vector<std::string>{c, e});
}

TEST_CASE("CSV header problems, quotes and missing files") {
    TempDir dir;
    dir.write("communes.csv", "insee,nom,population,lat,lon\n34079,X,1,43,3\n");
    dir.write("edges.csv", "insee_a,insee_b,km,minutes\n34079,\"34114,1,1\n");
    auto r = load(world_with_csv(), base_plan, dir.path());
    CHECK_DIAG(
        r,
        dir.file("communes.csv") +
            ":1:1: error: [csv.header] missing column name: the first line must be a header naming "
            "the columns, e.g. insee,name,population,lat,lon");
    CHECK_DIAG(r, dir.file("edges.csv") +
                      ":2:7: error: [csv.syntax] unterminated quoted cell: add the closing '\"'");
    dir.write("communes.csv", "insee,name,populaton,lat,lon\n");
    r = load(world_with_csv(), base_plan, dir.path());
    CHECK_DIAG(
        r, dir.file("communes.csv") +
               ":1:12: error: [csv.header] unknown column 'populaton'; did you mean 'population'?");
    fs::remove(dir.path() / "edges.csv");
    const auto w = world_with_csv();
    r = load(w, base_plan, dir.path());
    CHECK_DIAG(r, "world.toml:" + pos(w, "\"edges.csv\"") +
                      ": error: [input.missing] cannot read edges file '" +
                      (dir.path() / "edges.csv").lexically_normal().string() + "': no such file");
}

TEST_CASE("the pool from CSV files, inline or through [[pool]] file") {
    TempDir dir;
    dir.write("communes.csv", csv_communes);
    dir.write("edges.csv", csv_edges);
    dir.write("pool.csv", "# members\nprofession,commune,count,weekly_hours,days,label\n"
                          "medecin,34079,2,8,\"mon,wed\",GPs\n"
                          "infirmier,Gignac,3,10,,Nurses\n"
                          "pharmacien,Gignak,1,8,,x\n"
                          "medecin,34079,1,200,all,y\n");
    const auto w = replace(world_with_csv(), "[[pool]]\nprofession = \"medecin\"",
                           "[[pool]]\nfile = \"pool.csv\"\n\n[[pool]]\nprofession = \"medecin\"");
    auto r = load(w, base_plan, dir.path());
    const std::string pf = dir.file("pool.csv");
    CHECK_DIAG(r,
               pf + ":5:12: error: [ref.unknown] unknown commune 'Gignak'; did you mean 'Gignac'?");
    CHECK_DIAG(r, pf + ":6:17: error: [csv.bad_value] bad weekly_hours '200'");
    dir.write("pool.csv", "profession,commune,count,weekly_hours,days,label\n"
                          "medecin,34079,2,8,\"mon,wed\",GPs\n"
                          "infirmier,Gignac,3,10,,Nurses\n");
    r = load(w, base_plan, dir.path());
    INFO(all(r));
    REQUIRE(r.scenario);
    const auto& pool = r.scenario->world.pool;
    REQUIRE(pool.size() == 5);
    CHECK(pool[0].count == 2);
    CHECK(pool[0].weekdays == 0x05);
    CHECK(pool[0].label == "GPs");
    CHECK(pool[1].home_commune == 1);
    CHECK(pool[1].weekdays == all_weekdays);
    const auto w2 = replace(w, "file = \"pool.csv\"", "file = \"pool.csv\"\ncount = 3");
    r = load(w2, base_plan, dir.path());
    CHECK_DIAG(r, "world.toml:" + pos(w2, "count = 3") +
                      ": error: a [[pool]] with 'file' takes no other key");
}

TEST_CASE("incidence from a CSV file by day or by date") {
    TempDir dir;
    dir.write("communes.csv", csv_communes);
    dir.write("edges.csv", csv_edges);
    dir.write("inc.csv", "date,incidence_per_100k\n2021-04-04,5\n2021-04-05,10\n2021-04-07,30\n");
    const auto w = replace(world_with_csv(), "incidence = [10, 12, 14]", "incidence = \"inc.csv\"");
    auto r = load(w, base_plan, dir.path());
    INFO(all(r));
    REQUIRE(r.scenario);
    const auto& inc = r.scenario->world.epidemic.incidence_per_100k;
    REQUIRE(inc.size() == 3);
    CHECK(inc[0] == 10);
    CHECK(inc[1] == 0);
    CHECK(inc[2] == 30);
    dir.write("inc.csv", "day,incidence_per_100k\n0,10\n1,-3\n0,12\n");
    r = load(w, base_plan, dir.path());
    CHECK_DIAG(r, dir.file("inc.csv") + ":3:3: error: [csv.bad_value] bad incidence '-3'");
    CHECK_DIAG(r, dir.file("inc.csv") +
                      ":4:1: error: [csv.bad_value] day 0 appears twice (first on line 2)");
}

TEST_CASE("mobile teams and validation targets") {
    const auto p = base_plan + R"toml(
[[mobile_team]]
name = "Équipe mobile"
commune = "34142"
days = "tue,thu"
staff = { medical_interview = 1, injection = 1 }
communes = ["34142", "Gignac"]
visit = "20 + exp(10)"
allocation_share = 0.1

[validation]
max_travel_minutes = 30

[[validation.target]]
kind = "wait_p90"
max_minutes = 30

[[validation.target]]
kind = "coverage"
group = "75+"
min_percent = 50
by_day = 13
complete_schedule = false
)toml";
    auto r = load(base_world, p);
    INFO(all(r));
    REQUIRE(r.scenario);
    const Plan& plan = r.scenario->plan;
    REQUIRE(plan.mobile_teams.size() == 1);
    const MobileTeam& m = plan.mobile_teams[0];
    CHECK(m.base_commune == 2);
    CHECK(m.weekdays == 0x0a);
    CHECK(m.communes == std::vector<int>{2, 1});
    CHECK(m.visit.mean() == doctest::Approx(30 * 60.0));
    CHECK(m.role_needed == r.scenario->world.find_role("injection"));
    CHECK(plan.centres[0].allocation_share == doctest::Approx(0.9));
    CHECK(plan.max_travel_minutes == 30);
    REQUIRE(plan.targets.size() == 2);
    CHECK(plan.targets[0].kind == TargetKind::WaitP90);
    CHECK(plan.targets[0].threshold == 30);
    CHECK(plan.targets[0].share_of_replications == doctest::Approx(0.95));
    CHECK(plan.targets[1].kind == TargetKind::Coverage);
    CHECK(plan.targets[1].group == 0);
    CHECK(plan.targets[1].by_day == 13);
    CHECK(plan.targets[1].where.line ==
          std::stoi(pos(p, "[[validation.target]]\nkind = \"coverage\"")));

    const auto bad = replace(replace(p, "max_minutes = 30", "min_percent = 30"),
                             "staff = { medical_interview = 1, injection = 1 }",
                             "staff = { medical_interview = 1 }");
    r = load(base_world, bad);
    CHECK_DIAG(r, "plan.toml:" + pos(bad, "[[validation.target]]") +
                      ": error: [key.missing] missing key 'max_minutes' in [[validation.target]]");
    CHECK_DIAG(r, "plan.toml:" + pos(bad, "min_percent = 30", 14) +
                      ": error: 'min_percent' does not apply to a wait_p90 target: use "
                      "'max_minutes'");
    CHECK_DIAG(r, "plan.toml:" + pos(bad, "{ medical_interview = 1 }") +
                      ": error: mobile team 'Équipe mobile' needs role 'injection' to go out");
}

TEST_CASE("load_scenario reads files and reports missing ones at their line 1") {
    TempDir dir;
    auto r = load_scenario(dir.path() / "nope.toml", dir.path() / "plan.toml");
    REQUIRE(r.diagnostics.items().size() == 2);
    CHECK(format_diagnostic(r.diagnostics.items()[0]) ==
          (dir.path() / "nope.toml").string() +
              ":1:1: error: [input.missing] cannot read the world file: no such file; check the "
              "path");
    CHECK_FALSE(r.scenario);
    dir.write("communes.csv", csv_communes);
    dir.write("edges.csv", csv_edges);
    dir.write("world.toml", world_with_csv());
    dir.write("plan.toml", base_plan);
    r = load_scenario(dir.path() / "world.toml", dir.path() / "plan.toml");
    INFO(all(r));
    REQUIRE(r.scenario);
    CHECK(r.scenario->world.file == (dir.path() / "world.toml").string());
    CHECK(r.scenario->world.territory.communes.size() == 3);
}

TEST_CASE("format_diagnostic and the Diagnostics counters") {
    Diagnostics d;
    d.error({"w.toml", 3, 7}, "bad");
    d.warning({"w.toml", 4, 0}, "hmm");
    d.error({"w.toml", 0, 0}, "whole file");
    CHECK(format_diagnostic(d.items()[0]) == "w.toml:3:7: error: bad");
    CHECK(format_diagnostic(d.items()[1]) == "w.toml:4: warning: hmm");
    CHECK(format_diagnostic(d.items()[2]) == "w.toml: error: whole file");
    CHECK(d.has_errors());
    CHECK(d.error_count() == 2);
    Diagnostics only_warnings;
    only_warnings.warning({}, "x");
    CHECK_FALSE(only_warnings.has_errors());
}

TEST_CASE("the lookups on World and Plan") {
    const auto r = load(base_world, base_plan);
    REQUIRE(r.scenario);
    const World& w = r.scenario->world;
    CHECK(w.find_commune("34142") == 2);
    CHECK(w.find_commune("Gignac") == 1);
    CHECK(w.find_commune("Paris") == -1);
    CHECK(w.find_profession("pharmacien") == ProfessionId{2});
    CHECK(w.find_profession("plombier") == ProfessionId::none());
    CHECK(w.find_role("swab").valid());
    CHECK(r.scenario->plan.find_centre("Clermont testing") == CentreId{1});
    CHECK(r.scenario->plan.find_centre("gignac") == CentreId::none());
}

TEST_CASE("garbage never crashes the loader") {
    // Every prefix of the base files (cut anywhere, even inside a UTF-8 sequence), lines
    // removed one at a time, and assorted garbage. Each load must return, and never a
    // scenario together with an error.
    auto check = [](const std::string& w, const std::string& p) {
        const auto r = load(w, p);
        CHECK((!r.scenario || !r.diagnostics.has_errors()));
        if (r.scenario == std::nullopt) CHECK(r.diagnostics.has_errors());
    };
    for (std::size_t n = 0; n < base_world.size(); n += 7)
        check(base_world.substr(0, n), base_plan);
    for (std::size_t n = 0; n < base_plan.size(); n += 5) check(base_world, base_plan.substr(0, n));
    auto drop_line = [](const std::string& text, std::size_t k) {
        std::string out;
        std::size_t line = 0, start = 0;
        while (start < text.size()) {
            auto end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            if (line != k) out += text.substr(start, end - start) + "\n";
            start = end + 1;
            ++line;
        }
        return out;
    };
    for (std::size_t k = 0; k < 80; ++k) check(drop_line(base_world, k), drop_line(base_plan, k));
    const std::vector<std::string> garbage = {
        "",
        std::string("\0\0\0", 3),
        "\xff\xfe\xfd",
        std::string(300, '['),
        "a = " + std::string(300, '['),
        "[world]\nstart_date = 1979-05-27T07:32:00Z\ndays = 9223372036854775807\n",
        "[[world]]\n[[territory]]\n[[group]]\n[[pool]]\n",
        "world = 1\nterritory = []\ngroup = \"x\"\npool = 3\nvaccine = {}\ndelivery = [1, 2]\n",
        "[territory]\ncommunes = [1, \"a\", {}]\nedges = [[]]\n",
        "[world]\nstart_date = \"\"\n[testing]\nhourly_profile = [\"a\", -1, inf, nan]\n",
        "[scope]\nprofessions = [1, 2]\nroles = \"x\"\n[scope.role]\nx = 1\n",
        "[[centre]]\n[[centre.station]]\n[[centre.shift]]\nstaff = 5\n",
        "[[centre]]\nname = \"\"\nkind = 3\ncommune = []\nopens = 25\ncloses = \"\"\n",
        "[[centre]]\nstation = 1\nshift = \"x\"\n",
        "[validation]\ntarget = [{kind = 1}, {kind = \"coverage\", group = []}]\n",
        "[[mobile_team]]\ncommunes = [[], {}]\nstaff = {x = \"y\"}\n",
    };
    for (const auto& g : garbage) {
        check(g, base_plan);
        check(base_world, g);
        check(g, g);
    }
}

TEST_CASE("a syntax error in the world does not produce spurious reference errors") {
    const auto r = load("[world\n", base_plan);
    CHECK(r.diagnostics.error_count() == 1);
}

TEST_CASE("loader: [testing.seir] gives the daily incidence from SEIR parameters") {
    const auto w =
        replace(base_world, "incidence = [10, 12, 14]",
                "[testing.seir]\ninitial_infectious = 30\nr0 = 1.8\nincubation_days = 4\n");
    const LoadResult r = load(w, base_plan);
    INFO(all(r));
    REQUIRE(r.scenario);
    const auto& inc = r.scenario->world.epidemic.incidence_per_100k;
    REQUIRE(inc.size() == static_cast<std::size_t>(r.scenario->world.days));
    CHECK(inc.back() > inc.front()); // R0 > 1: the wave grows over the first weeks
}

TEST_CASE("loader: SEIR and an incidence table together are refused at the [testing.seir] table") {
    const auto w =
        replace(base_world, "incidence = [10, 12, 14]",
                "incidence = [10, 12, 14]\n[testing.seir]\ninitial_infectious = 30\nr0 = 1.8\n");
    const LoadResult r = load(w, base_plan);
    CHECK_FALSE(r.scenario);
    CHECK_DIAG(r, "world.toml:" + pos(w, "[testing.seir]") +
                      ": error: [testing.seir] and 'incidence'");
    const auto w2 = replace(base_world, "incidence = [10, 12, 14]",
                            "[testing.seir]\ninitial_infectious = 30\n");
    CHECK_DIAG(load(w2, base_plan), "world.toml:" + pos(w2, "[testing.seir]"));
}

TEST_CASE("continuous operation: open around the clock, shifts cross midnight, warm-up") {
    // the testing centre runs around the clock with a night shift 20:00-08:00
    std::string p =
        replace(base_plan, "opens = \"09:00\"\ncloses = \"12:00\"", "continuous = true");
    const std::size_t at = p.find("name = \"swab\"");
    REQUIRE(at != std::string::npos);
    p.insert(at, "posts = 1\n");
    const std::size_t shift = p.find("[[centre.shift]]", at);
    REQUIRE(shift != std::string::npos);
    const std::size_t shift_end = p.find("\n\n", shift);
    p = p.substr(0, shift) +
        "[[centre.shift]]\nstart = \"08:00\"\nend = \"20:00\"\nstaff = { swab = 1 }\n\n"
        "[[centre.shift]]\nstart = \"20:00\"\nend = \"08:00\"\nstaff = { swab = 1 }" +
        (shift_end == std::string::npos ? std::string("\n") : p.substr(shift_end));
    const std::string w = replace(base_world, "days = 14", "days = 14\nwarmup_days = 2");
    auto r = load(w, p);
    INFO(all(r));
    REQUIRE(r.scenario);
    const Centre& c = r.scenario->plan.centres[1];
    CHECK(c.continuous);
    CHECK(c.opens == hours(0));
    CHECK(c.closes == hours(24));
    REQUIRE(c.shifts.size() == 2);
    CHECK(c.shifts[1].start == hours(20));
    CHECK(c.shifts[1].end == hours(32)); // the next day at 08:00
    CHECK(c.stations[0].posts == 1);
    CHECK(r.scenario->world.warmup_days == 2);

    // a shift crossing midnight in a centre that closes at night is still an error
    const std::string q = replace(base_plan, "start = \"13:00\"\nend = \"17:00\"",
                                  "start = \"13:00\"\nend = \"12:00\"");
    CHECK(all(load(base_world, q)).find("only a centre with continuous = true") !=
          std::string::npos);
    // opening hours and continuous operation contradict each other
    const std::string both = replace(base_plan, "opens = \"09:00\"\ncloses = \"12:00\"",
                                     "continuous = true\nopens = \"09:00\"");
    CHECK_DIAG(load(base_world, both),
               "plan.toml:" + pos(both, "\"09:00\"\n\n[[centre.station]]\nname = \"swab\"") +
                   ": error: centre 'Clermont testing' has continuous = true: it is open "
                   "00:00-24:00 on its days; remove 'opens'");
    // a warm-up as long as the run leaves nothing to measure
    const std::string long_warmup = replace(base_world, "days = 14", "days = 14\nwarmup_days = 14");
    CHECK(all(load(long_warmup, base_plan)).find("'warmup_days' (14) leaves no day to measure") !=
          std::string::npos);
}

TEST_CASE("a role shared by two stations needs the people per station (by_station)") {
    // a second injection line at Gignac: the shift must say who goes where
    std::string p = replace(base_plan, "gives_dose = true\n",
                            "gives_dose = true\n\n[[centre.station]]\nname = \"injection 2\"\n"
                            "role = \"injection\"\nservice = \"3 + exp(1)\"\n");
    auto r = load(base_world, p);
    CHECK_DIAG(r, "plan.toml:" + pos(p, "{ medical_interview = 1, injection = 2, supervision") +
                      ": error: role 'injection' staffs 2 stations of centre 'Gignac' "
                      "(\"injection\", \"injection 2\"): say how many people go to each");
    const std::string named = "by_station = { injection = 1, \"injection 2\" = 1 }\n";
    for (const std::string from =
             "staff = { medical_interview = 1, injection = 2, supervision = 1 }\n";
         p.find(from) != std::string::npos;)
        p.replace(p.find(from), from.size(),
                  "staff = { medical_interview = 1, supervision = 1 }\n" + named);
    r = load(base_world, p);
    INFO(all(r));
    REQUIRE(r.scenario);
    const Shift& sh = r.scenario->plan.centres[0].shifts[0];
    CHECK(sh.staff[r.scenario->world.find_role("injection")] == 2);
    CHECK(sh.station_staff[1] == 1);
    CHECK(sh.station_staff[2] == 1);
    // a count that disagrees with staff is refused
    std::string bad = p;
    const std::string first = "staff = { medical_interview = 1, supervision = 1 }\n" + named;
    bad.replace(bad.find(first), first.size(),
                "staff = { medical_interview = 1, injection = 3, supervision = 1 }\n" + named);
    CHECK(all(load(base_world, bad)).find("by_station places 2 injection but staff gives 3") !=
          std::string::npos);
}

TEST_CASE("walk-in-only centres: walk_in_only, hourly_profile and walk_in_delay") {
    std::string p = replace(base_plan, "slot_minutes = 5\n",
                            "walk_in_only = true\nhourly_profile = [0, 0, 0, 0, 0, 0, 0, 0, 0, "
                            "1, 2, 2, 1, 1, 1, 2, 2, 0, 0, 0, 0, 0, 0, 0]\n");
    const std::string w =
        replace(base_world, "no_show = 0.01\n", "no_show = 0.01\nwalk_in_delay = \"exp(2) d\"\n");
    auto r = load(w, p);
    INFO(all(r));
    REQUIRE(r.scenario);
    const Centre& c = r.scenario->plan.centres[0];
    CHECK(c.walk_in_only);
    CHECK(c.hourly_profile[10] == 2);
    CHECK(r.scenario->world.behaviour.walk_in_delay.mean() == doctest::Approx(2 * 86400.0));
    const std::string bad = replace(base_plan, "slot_minutes = 5\n", "hourly_profile = [1, 2]\n");
    CHECK_DIAG(load(base_world, bad), "plan.toml:" + pos(bad, "[1, 2]") +
                                          ": error: 'hourly_profile' must be an array of 24 "
                                          "weights");
}
