// The plan TOML writer (include/riposte/plan_toml.hpp): every shipped plan is loaded, written,
// loaded again and compared field by field; the written file loads with no diagnostic at all
// (so `riposte check` accepts it), and a second write gives the same text.
#include "cli_process.hpp"

#include "riposte/plan_toml.hpp"
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace riposte;
using riposte::test::TempDir;

namespace {

bool is_broken(const fs::path& p) {
    return std::any_of(p.begin(), p.end(), [](const fs::path& part) { return part == "broken"; });
}

/// (world, plan) for every plan*.toml next to a shipped world.toml (not the broken ones).
std::vector<std::pair<fs::path, fs::path>> shipped_plans() {
    std::vector<std::pair<fs::path, fs::path>> out;
    for (const auto& e : fs::recursive_directory_iterator(fs::path{RIPOSTE_SCENARIO_DIR})) {
        if (!e.is_regular_file() || e.path().filename() != "world.toml" || is_broken(e.path()))
            continue;
        for (const auto& f : fs::directory_iterator(e.path().parent_path())) {
            const std::string n = f.path().filename().string();
            if (f.is_regular_file() && n.rfind("plan", 0) == 0 && f.path().extension() == ".toml")
                out.emplace_back(e.path(), f.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string diagnostics_text(const LoadResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics.items()) out += format_diagnostic(d) + "\n";
    return out;
}

/// The text without its generated header (the comment lines at the top carry the time).
std::string body(const std::string& text) {
    std::istringstream in(text);
    std::string out, line;
    bool header = true;
    while (std::getline(in, line)) {
        if (header && (line.empty() || line[0] == '#')) continue;
        header = false;
        out += line + "\n";
    }
    return out;
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("plan toml: every shipped plan round-trips (load, write, load, compare)") {
    const auto plans = shipped_plans();
    REQUIRE(plans.size() >= 10); // centre-herault x4, tiny x2, metz, liévin, dracénie, ...
    TempDir dir;
    int with_escalation = 0;
    for (const auto& pair : plans) {
        const fs::path world = pair.first, plan = pair.second;
        CAPTURE(plan.string());
        const LoadResult original = load_scenario(world, plan);
        REQUIRE_MESSAGE(original.scenario, diagnostics_text(original));
        with_escalation += original.scenario->plan.escalations.empty() ? 0 : 1;

        const fs::path out =
            dir.path() / (world.parent_path().filename().string() + "-" + plan.filename().string());
        PlanOrigin origin;
        origin.program = "riposte_tests";
        origin.plan_file = plan;
        origin.world_file = world;
        origin.save_to = out;
        const PlanText text = plan_to_toml(*original.scenario, origin);
        REQUIRE_MESSAGE(text.ok(), text.error);
        CHECK(text.text.find("# From: " + plan.generic_string()) != std::string::npos);
        const WriteStatus saved = save_plan_toml(out, text.text, false);
        REQUIRE_MESSAGE(saved.ok(), saved.error);

        const LoadResult again = load_scenario(world, out);
        // what `riposte check` needs, and more: not even a warning
        CHECK_MESSAGE(again.diagnostics.items().empty(), diagnostics_text(again));
        REQUIRE(again.scenario);
        const auto diff = plan_difference(original.scenario->world, original.scenario->plan,
                                          again.scenario->plan);
        CHECK_MESSAGE(!diff, diff.value_or(""));

        // writing the reloaded plan gives the same text (the header aside)
        const PlanText twice = plan_to_toml(*again.scenario, origin);
        REQUIRE(twice.ok());
        CHECK(body(twice.text) == body(text.text));
    }
    CHECK(with_escalation >= 1); // plan-escalade.toml: the rules take the trip too
}

TEST_CASE("plan toml: a change to the plan is found by the comparison and survives the trip") {
    const LoadResult r = load_scenario(default_world_file(), default_plan_file());
    REQUIRE(r.scenario);
    Scenario edited = *r.scenario;
    Centre& gignac = edited.plan.centres.at(edited.plan.find_centre("Gignac").index());
    const int injection = edited.world.find_role("injection").value();
    REQUIRE(injection >= 0);
    gignac.shifts.at(0).staff.at(RoleId{injection}) += 2;
    gignac.doses_per_slot = 2;
    edited.plan.booking.horizon_days = 7;

    const auto diff = plan_difference(edited.world, r.scenario->plan, edited.plan);
    REQUIRE(diff);
    CHECK(*diff == "booking.horizon_days: 14 vs 7"); // the first field that differs
    edited.plan.booking.horizon_days = 14;
    const auto next = plan_difference(edited.world, r.scenario->plan, edited.plan);
    REQUIRE(next);
    CHECK(*next == "centres[1].doses_per_slot: 1 vs 2");
    edited.plan.booking.horizon_days = 7;

    TempDir dir;
    const fs::path out = dir.path() / "plan-edited.toml";
    const PlanText text = plan_to_toml(
        edited, {"riposte_tests", default_plan_file(), default_world_file(), "edited", out});
    REQUIRE(text.ok());
    REQUIRE(save_plan_toml(out, text.text, false).ok());
    const LoadResult again = load_scenario(default_world_file(), out);
    REQUIRE_MESSAGE(again.scenario, diagnostics_text(again));
    const auto same = plan_difference(edited.world, edited.plan, again.scenario->plan);
    CHECK_MESSAGE(!same, same.value_or(""));
    CHECK(again.scenario->plan.booking.horizon_days == 7);
}

TEST_CASE("plan toml: saving never replaces a file unless asked, and is atomic") {
    TempDir dir;
    const fs::path file = dir.path() / "plan.toml";
    { std::ofstream(file) << "original\n"; }
    const WriteStatus refused = save_plan_toml(file, "new\n", false);
    CHECK_FALSE(refused.ok());
    CHECK(refused.error.find("exists") != std::string::npos);
    CHECK(read_text(file) == "original\n");
    CHECK(save_plan_toml(file, "new\n", true).ok());
    CHECK(read_text(file) == "new\n");
    // nothing else left in the folder (no temporary file)
    int files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++files;
    CHECK(files == 1);
}

TEST_CASE("plan toml: escalation rules are written back, and a changed rule is a difference") {
    const fs::path dir = fs::path{RIPOSTE_SCENARIO_DIR} / "centre-herault";
    const LoadResult r = load_scenario(dir / "world.toml", dir / "plan-escalade.toml");
    REQUIRE_MESSAGE(r.scenario, diagnostics_text(r));
    REQUIRE(r.scenario->plan.escalations.size() == 2);
    const Escalation& first = r.scenario->plan.escalations[0];
    CHECK(first.id == "escalation:file longue à Clermont");
    REQUIRE(first.then.size() == 2);
    CHECK(escalation_decision_to_toml(first.then[0]) ==
          "{ add_line = { centre = { concerned = true }, role = \"injection\", people = 1, "
          "for = \"3h\" } }");

    // more kinds than the shipped plan has: a reserve call (written as add_line with reserve),
    // a closing with an offset, a booking change, another condition, once_per_day = false
    Scenario edited = *r.scenario;
    Escalation e;
    e.id = "escalation:fermeture";
    e.when.kind = Condition::Kind::At;
    e.when.at = days(3) + hours(8);
    e.when.centre = CentreRef::named("Gignac");
    AddLine reserve;
    reserve.centre = CentreRef::named("Lodève");
    reserve.role = "injection";
    reserve.people = 2;
    reserve.until = hours(4);
    reserve.reserve = true;
    reserve.profession = "infirmier";
    e.then.push_back(reserve);
    e.then.push_back(SetCentreOpen{CentreRef::concerned(), false, hours(2)});
    ChangeBooking booking;
    booking.from_day = 1;
    booking.slot_minutes = 5;
    e.then.push_back(booking);
    e.once_per_day = false;
    edited.plan.escalations.push_back(e);
    Escalation incidence;
    incidence.id = "escalation:incidence";
    incidence.when.kind = Condition::Kind::IncidenceAbove;
    incidence.when.threshold = 120.5;
    incidence.when.centre = CentreRef::all();
    incidence.then.push_back(Message{"Incidence \"haute\"\nsur le territoire"});
    edited.plan.escalations.push_back(incidence);

    TempDir tmp;
    const fs::path out = tmp.path() / "plan-escalade-2.toml";
    const PlanText text = plan_to_toml(
        edited, {"riposte_tests", dir / "plan-escalade.toml", dir / "world.toml", "", out});
    REQUIRE_MESSAGE(text.ok(), text.error);
    REQUIRE(save_plan_toml(out, text.text, false).ok());
    const LoadResult again = load_scenario(dir / "world.toml", out);
    CHECK_MESSAGE(again.diagnostics.items().empty(), diagnostics_text(again) << text.text);
    REQUIRE(again.scenario);
    const auto same = plan_difference(edited.world, edited.plan, again.scenario->plan);
    CHECK_MESSAGE(!same, same.value_or("") << "\n" << text.text);
    REQUIRE(again.scenario->plan.escalations.size() == 4);
    CHECK(again.scenario->plan.escalations[2].then[0] == Change{reserve});
    CHECK_FALSE(again.scenario->plan.escalations[2].once_per_day);

    // a threshold or a decision changed: the comparison names the rule
    Plan changed = again.scenario->plan;
    changed.escalations[0].when.threshold = 30;
    auto diff = plan_difference(edited.world, edited.plan, changed);
    REQUIRE(diff);
    CHECK(diff->rfind("escalations[0].when.threshold", 0) == 0);
    changed = again.scenario->plan;
    std::get<AddLine>(changed.escalations[0].then[0]).people = 3;
    diff = plan_difference(edited.world, edited.plan, changed);
    REQUIRE(diff);
    CHECK(diff->rfind("escalations[0].then[0]", 0) == 0);
}
