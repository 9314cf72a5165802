// The plan editor and the comparison of plans in a real window (Xvfb in CI): a draft of the
// default plan is changed as its fields would change it, checked inline, saved as a plan TOML
// that `riposte check` accepts, opened and run, then compared with the original plan in the
// background with common random numbers.
#include "app.hpp"

#include "riposte/plan_toml.hpp"
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>

using namespace riposte;
using namespace riposte::gui;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

bool frames_until(App& app, const std::function<bool()>& ok, double seconds = 60) {
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
        if (!app.frame()) return false;
        if (ok()) return true;
    }
    return false;
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("dashboard: the plan editor changes, checks, saves, runs and compares a plan") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                    "needs an X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
    const fs::path dir = fs::path{RIPOSTE_GUI_ARTIFACTS} / "plan-editor";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path saved = dir / "plan-plus-injection.toml";

    GuiOptions options;
    options.width = 1600;
    options.height = 1000;
    App app(options);
    REQUIRE_FALSE(app.open().has_value());
    app.ui().show_editor = true;
    PlanEditorState& e = app.ui().editor;
    REQUIRE(frames_until(app, [&] { return e.draft && e.checked == e.version; }));
    CHECK_FALSE(e.difference); // the draft is the open plan
    CHECK_FALSE(e.rules.rules.empty());
    CHECK(e.read_back.empty());

    // one more injection nurse on Gignac's first shift, as the staff field would set it
    const int gignac = e.draft->plan.find_centre("Gignac").value();
    const int injection = e.draft->world.find_role("injection").value();
    REQUIRE(gignac >= 0);
    REQUIRE(injection >= 0);
    auto& staff = e.draft->plan.centres[static_cast<std::size_t>(gignac)].shifts.at(0).staff.at(
        RoleId{injection});
    const int before = staff;
    staff += 1;
    ++e.version;
    REQUIRE(frames_until(app, [&] { return e.checked == e.version; }));
    REQUIRE(e.difference);
    CHECK(e.difference->find("centres[1].shifts[0].staff[injection]") == 0);
    CHECK(e.read_back.empty()); // the written draft reads back without a diagnostic

    // a shift that ends before it starts: the loader's rule shows inline, nothing is saved
    Shift& shift = e.draft->plan.centres[static_cast<std::size_t>(gignac)].shifts.at(0);
    const SimTime end = shift.end;
    shift.end = shift.start - minutes(30);
    ++e.version;
    REQUIRE(frames_until(app, [&] { return e.checked == e.version; }));
    bool shown = false;
    for (const Diagnostic& d : e.read_back)
        shown = shown || (d.severity == Severity::Error &&
                          d.message.find("before it starts") != std::string::npos);
    CHECK_MESSAGE(shown, "the shift ending before it starts is not reported inline");
    shift.end = end;
    ++e.version;
    REQUIRE(frames_until(app, [&] { return e.checked == e.version && e.read_back.empty(); }));

    // save as a new file; `riposte check` accepts it
    app.command(SavePlan{saved.string(), false});
    REQUIRE(frames_until(
        app, [&] { return !e.saved_file.empty(); }, 10));
    REQUIRE(fs::exists(saved));
    const std::string text = read_text(saved);
    CHECK(text.rfind("# Plan written by riposte-gui", 0) == 0);
    const std::string check = std::string{RIPOSTE_CLI} + " check \"" +
                              default_world_file().string() + "\" \"" + saved.string() + "\" > \"" +
                              (dir / "check.txt").string() + "\" 2>&1";
    CHECK_MESSAGE(std::system(check.c_str()) == 0, read_text(dir / "check.txt"));

    // saving again without being asked to replace: refused, the file unchanged
    e.message.clear();
    app.command(SavePlan{saved.string(), false});
    REQUIRE(frames_until(
        app, [&] { return !e.message.empty(); }, 10));
    CHECK(e.message.find("exists") != std::string::npos);
    CHECK(read_text(saved) == text);

    // open it: the live run restarts on the edited plan
    app.command(OpenPlan{saved.string()});
    REQUIRE(frames_until(app, [&] {
        return app.last_snapshot().loaded->plan_file == saved &&
               app.last_snapshot().frame->status == LiveStatus::Paused;
    }));
    const Plan& opened = app.last_snapshot().loaded->scenario->plan;
    CHECK(opened.centres[static_cast<std::size_t>(gignac)].shifts.at(0).staff.at(
              RoleId{injection}) == before + 1);

    // compare it with the original in the background (common random numbers)
    app.command(StartCompare{{default_plan_file().string(), saved.string()}, 3, 1});
    REQUIRE(frames_until(
        app,
        [&] {
            const auto s = app.last_snapshot().compare->status;
            return s == CompareStatus::Done || s == CompareStatus::Failed;
        },
        300));
    const CompareView& v = *app.last_snapshot().compare;
    REQUIRE_MESSAGE(v.status == CompareStatus::Done, v.error);
    REQUIRE(v.comparison);
    CHECK(v.comparison->plans.size() == 2);
    CHECK(v.comparison->plans[0].replications == 3);
    CHECK(app.ui().show_compare);
    app.close();
}

TEST_CASE("dashboard: the validation panel judges the targets as riposte validate does, and a "
          "click on a failing place goes to that centre and day") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                    "needs an X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
    const fs::path scenario = default_world_file().parent_path();
    const fs::path dir = fs::path{RIPOSTE_GUI_ARTIFACTS} / "validation";
    fs::remove_all(dir);
    fs::create_directories(dir);
    GuiOptions options;
    options.world = scenario / "world.toml";
    options.plan = scenario / "plan-understaffed.toml";
    options.width = 1600;
    options.height = 1000;
    App app(options);
    REQUIRE_FALSE(app.open().has_value());
    app.ui().show_validation = true;
    // the structural verdict comes first, on its own
    REQUIRE(frames_until(app, [&] { return app.last_snapshot().validation->report != nullptr; }));
    CHECK(app.last_snapshot().validation->report->replications == 0);

    app.command(StartValidate{4});
    REQUIRE(frames_until(
        app,
        [&] {
            const auto s = app.last_snapshot().validation->status;
            return s == ValidateStatus::Done || s == ValidateStatus::Failed;
        },
        300));
    const ValidateView& v = *app.last_snapshot().validation;
    REQUIRE_MESSAGE(v.status == ValidateStatus::Done, v.error);
    const ValidationReport& report = *v.report;
    CHECK(report.replications == 4);

    // the same verdict as the command line: every rule's outcome and measured value
    const std::string cmd = std::string{RIPOSTE_CLI} + " validate \"" + options.world.string() +
                            "\" \"" + options.plan.string() +
                            "\" --replications 4 --lang en --out \"" + (dir / "cli").string() +
                            "\" > \"" + (dir / "cli.txt").string() + "\" 2>&1";
    (void)std::system(cmd.c_str()); // exit 1 when a rule fails
    const std::string json = read_text(dir / "cli" / "validation.json");
    REQUIRE_MESSAGE(!json.empty(), read_text(dir / "cli.txt"));
    for (const RuleVerdict& r : report.rules) {
        CAPTURE(r.id);
        const auto at = json.find("\"id\": \"" + r.id + "\"");
        REQUIRE(at != std::string::npos);
        const auto end = json.find("\"where_total\"", at);
        const std::string block = json.substr(at, end == std::string::npos ? json.npos : end - at);
        CHECK(block.find(std::string{"\"pass\": "} + (r.pass ? "true" : "false")) !=
              std::string::npos);
        CHECK(block.find("\"measured\": \"" + r.measured + "\"") != std::string::npos);
    }

    // a failing place that names a centre and a day
    RulePlace place;
    for (const RuleVerdict& r : report.rules)
        for (const Phrase& p : r.where_phrases)
            if (!r.pass && place.centre < 0) {
                const RulePlace found = rule_place(*app.last_snapshot().loaded->scenario, p);
                if (found.centre >= 0 && found.day >= 0) place = found;
            }
    REQUIRE_MESSAGE(place.centre >= 0,
                    "plan-understaffed has no failing place with a centre and a day");
    app.command(GoToPlace{place.centre, place.day});
    REQUIRE(frames_until(app, [&] {
        const LiveFrame& f = *app.last_snapshot().frame;
        return f.status == LiveStatus::Paused && f.state.now == days(place.day);
    }));
    CHECK(app.ui().selected_centre == place.centre);
    CHECK(app.ui().show_centre);
    app.close();
}
