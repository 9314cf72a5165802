// The File menu's effects in a real window (Xvfb in CI): a scenario that does not load leaves
// the open one in place and shows its problems as file:line:column; another scenario opens and
// joins the recent files, which (with the window layout) are kept in the per-user folder and
// read again by the next session.
#include "app.hpp"

#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <regex>

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

} // namespace

TEST_CASE("dashboard: File menu opens scenarios, shows load problems, remembers recent files "
          "and the layout") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                    "needs an X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
    const fs::path config = fs::path{RIPOSTE_GUI_ARTIFACTS} / "file-menu-config";
    fs::remove_all(config);
    const char* saved = std::getenv("RIPOSTE_CONFIG_DIR");
    const std::string keep = saved ? saved : "";
    ::setenv("RIPOSTE_CONFIG_DIR", config.c_str(), 1);
    const fs::path scenarios{RIPOSTE_SCENARIO_DIR};
    const fs::path metz_world = scenarios / "metz-et-environs" / "world.toml";
    const fs::path metz_plan = scenarios / "metz-et-environs" / "plan.toml";
    {
        GuiOptions options;
        options.remember = true;
        App app(options);
        REQUIRE_FALSE(app.open().has_value());
        REQUIRE(frames_until(
            app, [&] { return app.last_snapshot().frame->status == LiveStatus::Paused; }));
        const std::string before = app.last_snapshot().loaded->scenario->world.name;

        // a broken scenario: nothing changes, the problems are positioned
        const fs::path broken = scenarios / "tests" / "broken" / "bad-csv";
        app.command(
            OpenScenario{(broken / "world.toml").string(), (broken / "plan.toml").string()});
        REQUIRE(frames_until(
            app, [&] { return app.ui().show_load_problems; }, 10));
        REQUIRE_FALSE(app.ui().load_problems.empty());
        CHECK(std::regex_search(app.ui().load_problems.front(),
                                std::regex("communes\\.csv:3:14: error")));
        CHECK(app.last_snapshot().loaded->scenario->world.name == before);

        // Metz opens, the live run restarts on it, and it is the most recent
        app.command(OpenScenario{metz_world.string(), metz_plan.string()});
        REQUIRE(frames_until(app, [&] {
            return app.last_snapshot().loaded->world_file == metz_world &&
                   app.last_snapshot().frame->status == LiveStatus::Paused;
        }));
        CHECK_FALSE(app.ui().show_load_problems);
        REQUIRE(app.ui().recent.size() == 2);
        CHECK(app.ui().recent[0].first == metz_world.string());
        CHECK(app.ui().recent[1].first == default_world_file().string());
        app.close();
    }
    CHECK(fs::exists(config / "recent.txt"));
    CHECK(fs::exists(config / "imgui.ini")); // the layout, written when the window closes
    {
        GuiOptions options;
        options.remember = true;
        options.world = metz_world;
        options.plan = metz_plan;
        App app(options);
        REQUIRE_FALSE(app.open().has_value());
        REQUIRE(app.ui().recent.size() == 2);
        CHECK(app.ui().recent[0].first == metz_world.string());
        app.close();
    }
    if (saved)
        ::setenv("RIPOSTE_CONFIG_DIR", keep.c_str(), 1);
    else
        ::unsetenv("RIPOSTE_CONFIG_DIR");
}
