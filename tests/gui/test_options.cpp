#include "options.hpp"

#include <doctest/doctest.h>

using namespace riposte::gui;

namespace {
ParsedOptions parse(std::initializer_list<std::string_view> args) {
    return parse_options(std::vector<std::string_view>(args));
}
} // namespace

TEST_CASE("no argument: default scenario, French, no screenshot") {
    const auto p = parse({});
    REQUIRE(p.ok());
    CHECK(p.options.world.empty());
    CHECK(p.options.plan.empty());
    CHECK(p.options.lang == Lang::Fr);
    CHECK_FALSE(p.options.screenshot.has_value());
    CHECK_FALSE(p.options.large_font);
    CHECK_FALSE(p.options.help);
}

TEST_CASE("world, plan and every option") {
    const auto p =
        parse({"w.toml", "--lang", "en", "p.toml", "--large-font", "--screenshot", "out/x.png",
               "--frames=3", "--run", "--seed", "42", "--size", "1600x900"});
    REQUIRE(p.ok());
    CHECK(p.options.world == "w.toml");
    CHECK(p.options.plan == "p.toml");
    CHECK(p.options.lang == Lang::En);
    CHECK(p.options.large_font);
    REQUIRE(p.options.screenshot.has_value());
    CHECK(*p.options.screenshot == "out/x.png");
    CHECK(p.options.frames == 3);
    CHECK(p.options.run_at_start);
    CHECK(p.options.seed == 42);
    CHECK(p.options.width == 1600);
    CHECK(p.options.height == 900);
}

TEST_CASE("--help wins over everything else") {
    const auto p = parse({"--help", "only-one-file"});
    REQUIRE(p.ok());
    CHECK(p.options.help);
    CHECK(parse({"-h"}).options.help);
    CHECK(usage_text().find("--screenshot") != std::string::npos);
}

TEST_CASE("usage errors say what is wrong") {
    auto error_of = [](std::initializer_list<std::string_view> args) {
        const auto p = parse(args);
        CHECK_FALSE(p.ok());
        return p.error;
    };
    CHECK(error_of({"world.toml"}).find("is not a directory") != std::string::npos);
    CHECK(error_of({"a", "b", "c"}).find("too many files") != std::string::npos);
    CHECK(error_of({"--lang", "de"}).find("unknown language 'de'") != std::string::npos);
    CHECK(error_of({"--lang"}).find("--lang needs a value") != std::string::npos);
    CHECK(error_of({"--screenshot", "x.jpg"}).find("must end in .png") != std::string::npos);
    CHECK(error_of({"--frames", "5"}).find("only makes sense with --screenshot") !=
          std::string::npos);
    CHECK(error_of({"--screenshot", "x.png", "--frames", "0"}).find("from 1 to") !=
          std::string::npos);
    CHECK(error_of({"--screenshot", "x.png", "--frames", "ten"}).find("--frames") !=
          std::string::npos);
    CHECK(error_of({"--seed", "-1"}).find("--seed") != std::string::npos);
    CHECK(error_of({"--size", "10x10"}).find("--size") != std::string::npos);
    CHECK(error_of({"--bogus"}).find("unknown option '--bogus'") != std::string::npos);
    CHECK(error_of({"--run=yes"}).find("takes no value") != std::string::npos);
}

TEST_CASE("screenshot extension is case-insensitive") {
    CHECK(parse({"--screenshot", "SHOT.PNG"}).ok());
}

TEST_CASE("live-run options: a time to stop at, a speed, a centre panel, a map metric") {
    auto p = parse({"--until-day", "11", "--until-hour", "10", "--speed", "3600", "--centre",
                    "Gignac", "--map-metric", "travel"});
    REQUIRE(p.ok());
    REQUIRE(p.options.until_day.has_value());
    CHECK(*p.options.until_day == 11);
    CHECK(p.options.until_hour == 10);
    REQUIRE(p.options.speed.has_value());
    CHECK(*p.options.speed == 3600);
    CHECK(p.options.centre == "Gignac");
    CHECK(p.options.map_metric == "travel");

    CHECK(parse({"--until-day", "-1"}).error.find("--until-day") != std::string::npos);
    CHECK(parse({"--until-hour", "3"}).error.find("goes with --until-day") != std::string::npos);
    CHECK(parse({"--until-day", "2", "--until-hour", "24"}).error.find("0 to 23") !=
          std::string::npos);
    CHECK(parse({"--speed", "0"}).error.find("1 to 10000") != std::string::npos);
    CHECK(parse({"--speed", "20000"}).error.find("1 to 10000") != std::string::npos);
    CHECK(parse({"--map-metric", "colour"}).error.find("travel, coverage or unmet") !=
          std::string::npos);
    CHECK(parse({"--centre"}).error.find("centre name") != std::string::npos);
    CHECK(parse({"--run", "--until-day", "3"}).error.find("choose one") != std::string::npos);
}

TEST_CASE("exercise options: --exercise, --journal, --no-players, and what they exclude") {
    auto p = parse({"--exercise", "ex.toml", "--journal=s.journal.toml", "--no-players"});
    REQUIRE(p.ok());
    CHECK(p.options.exercise == "ex.toml");
    CHECK(p.options.journal == "s.journal.toml");
    CHECK_FALSE(p.options.players_window);
    CHECK(parse({"--exercise", "ex.toml"}).options.players_window);
    p = parse({"--journal", "s.journal.toml"});
    CHECK_FALSE(p.ok());
    CHECK(p.error.find("--exercise") != std::string::npos);
    CHECK(parse({"--exercise", "ex.toml", "--run", "--no-pause-at-injects"}).ok());
    CHECK(parse({"--exercise", "ex.toml", "--run"}).options.pause_at_injects);
    CHECK_FALSE(parse({"--exercise", "ex.toml", "--until-day", "3"}).ok());
    CHECK_FALSE(parse({"--no-pause-at-injects"}).ok());
    CHECK_FALSE(parse({"--exercise"}).ok());
    CHECK_FALSE(parse({"--no-players=1"}).ok());
}

TEST_CASE("a scenario folder stands for its world.toml and plan.toml, as on the command line") {
    const auto p = parse({RIPOSTE_SCENARIO_DIR "/centre-herault"});
    REQUIRE(p.ok());
    CHECK(p.options.world ==
          std::filesystem::path{RIPOSTE_SCENARIO_DIR "/centre-herault"} / "world.toml");
    CHECK(p.options.plan ==
          std::filesystem::path{RIPOSTE_SCENARIO_DIR "/centre-herault"} / "plan.toml");
    const auto missing = parse({RIPOSTE_SCENARIO_DIR "/no-such-folder"});
    CHECK_FALSE(missing.ok());
    CHECK(missing.error.find("is not a directory") != std::string::npos);
}

TEST_CASE("comparison options: --compare, --replications, --compare-csv") {
    const auto p = parse(
        {"--compare", "a.toml,b.toml,c.toml", "--replications", "5", "--compare-csv", "out.csv"});
    REQUIRE(p.ok());
    REQUIRE(p.options.compare.size() == 3);
    CHECK(p.options.compare[0] == "a.toml");
    CHECK(p.options.compare[2] == "c.toml");
    CHECK(p.options.replications == 5);
    CHECK(p.options.compare_csv == "out.csv");
    CHECK(parse({}).options.replications == 20);
    CHECK(parse({"--compare", "a.toml"}).error.find("at least two") != std::string::npos);
    CHECK(parse({"--compare-csv", "x.csv"}).error.find("goes with --compare") != std::string::npos);
    CHECK(parse({"--compare", "a,b", "--replications", "1"}).error.find("from 2 to 1000") !=
          std::string::npos);
}

TEST_CASE("--panel opens the comparison and the plan editor, other names are refused") {
    const auto p = parse({"--panel", "editor,compare"});
    REQUIRE(p.ok());
    REQUIRE(p.options.panels.size() == 2);
    CHECK(p.options.panels[0] == "editor");
    CHECK(p.options.panels[1] == "compare");
    CHECK(parse({"--panel", "charts"}).error.find("unknown panel 'charts'") != std::string::npos);
    CHECK(parse({"--panel", "validation,files"}).ok());
    // the layout and recent files are kept, except for scripted pictures
    CHECK(parse({}).options.remember);
    CHECK_FALSE(parse({"--screenshot", "x.png"}).options.remember);
    CHECK(parse({"--panel"}).error.find("--panel needs") != std::string::npos);
}
