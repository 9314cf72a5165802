// The exercise writer (include/riposte/exercise_toml.hpp), the exercise editor's save: every
// shipped exercise and every stress case reads, writes, reads back equal (a round trip), the
// text written a second time is the same, and `riposte check` accepts the written file.
#include "cli_process.hpp"
#include "riposte/change_toml.hpp"
#include "riposte/exercise_loader.hpp"
#include "riposte/exercise_toml.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace riposte;
using namespace riposte::test;
namespace fs = std::filesystem;

namespace {

const fs::path scenarios = RIPOSTE_SCENARIO_DIR;

/// Every field the reader fills, the lines (where a block is written) left out.
void check_equal(const Exercise& a, const Exercise& b) {
    CHECK(a.name == b.name);
    CHECK(a.synopsis == b.synopsis);
    REQUIRE(a.injects.size() == b.injects.size());
    for (std::size_t k = 0; k < a.injects.size(); ++k) {
        const ScriptedInject &x = a.injects[k], &y = b.injects[k];
        CAPTURE(x.id);
        CHECK(x.id == y.id);
        CHECK(x.at == y.at);
        CHECK(x.change == y.change);
        CHECK(x.text == y.text);
        CHECK(x.notes == y.notes);
    }
    REQUIRE(a.triggers.size() == b.triggers.size());
    for (std::size_t k = 0; k < a.triggers.size(); ++k) {
        const TriggeredInject &x = a.triggers[k], &y = b.triggers[k];
        CAPTURE(x.id);
        CHECK(x.id == y.id);
        CHECK(x.when.kind == y.when.kind);
        CHECK(x.when.threshold == y.when.threshold);
        CHECK(x.when.for_time == y.when.for_time);
        CHECK(x.when.at == y.when.at);
        CHECK(x.when.centre == y.when.centre);
        CHECK(x.change == y.change);
        CHECK(x.text == y.text);
        CHECK(x.notes == y.notes);
        CHECK(x.once == y.once);
    }
    REQUIRE(a.objectives.size() == b.objectives.size());
    for (std::size_t k = 0; k < a.objectives.size(); ++k) {
        const Objective &x = a.objectives[k], &y = b.objectives[k];
        CAPTURE(x.id);
        CHECK(x.id == y.id);
        CHECK(x.text == y.text);
        CHECK(x.observations == y.observations);
        REQUIRE(x.checks.size() == y.checks.size());
        for (std::size_t c = 0; c < x.checks.size(); ++c) {
            CHECK(x.checks[c].kpi == y.checks[c].kpi);
            CHECK(x.checks[c].below == y.checks[c].below);
            CHECK(x.checks[c].threshold == y.checks[c].threshold);
            CHECK(x.checks[c].from_day == y.checks[c].from_day);
            CHECK(x.checks[c].to_day == y.checks[c].to_day);
            CHECK(x.checks[c].centre == y.checks[c].centre);
        }
    }
}

std::vector<fs::path> exercise_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(scenarios / "stress"))
        if (e.path().extension() == ".toml") files.push_back(e.path());
    for (const auto& dir : fs::directory_iterator(scenarios))
        if (dir.is_directory())
            for (const auto& e : fs::directory_iterator(dir.path()))
                if (e.path().filename().string().starts_with("exercise") &&
                    e.path().extension() == ".toml")
                    files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("exercise writer: every shipped exercise and stress case reads back equal") {
    const std::vector<fs::path> files = exercise_files();
    REQUIRE(files.size() >= 7); // 5 stress cases, the worked example, the winter exercise
    TempDir dir;
    int checked_cli = 0;
    for (const fs::path& f : files) {
        CAPTURE(f);
        const ExerciseLoadResult first = load_exercise(f);
        REQUIRE(first.exercise);
        const std::string text = exercise_to_toml(*first.exercise);
        const ExerciseLoadResult again = load_exercise_text(text, "written");
        std::string why;
        for (const auto& d : again.diagnostics.items()) why += format_diagnostic(d) + "\n";
        REQUIRE_MESSAGE(again.exercise, (why + text));
        check_equal(*first.exercise, *again.exercise);
        CHECK(exercise_to_toml(*again.exercise) == text); // written the same twice
        // saved atomically; riposte check accepts it on the territory it was made for
        const fs::path saved =
            dir.path() / (f.parent_path().filename().string() + "-" + f.filename().string());
        REQUIRE(save_exercise(saved, *first.exercise).ok());
        CHECK(read_text(saved) == text);
        const fs::path territory =
            f.parent_path().filename() == "stress" ? scenarios / "centre-herault" : f.parent_path();
        const Outcome o =
            run_cli({"check", territory.string(), "--exercise", saved.string()}, dir.path());
        CHECK_MESSAGE(o.exit_code == 0, o.err);
        ++checked_cli;
    }
    CHECK(checked_cli == static_cast<int>(files.size()));
}

TEST_CASE("exercise writer: a trigger's times are written as durations from its firing") {
    CHECK(format_duration(hours(4)) == "4h");
    CHECK(format_duration(days(1) + hours(12)) == "1d12h");
    CHECK(format_duration(hours(2) + minutes(30)) == "2h30min");
    CHECK(format_duration(SimTime{90}) == "1min30s");
    for (const SimTime d : {hours(4), days(1) + hours(12), hours(2) + minutes(30), SimTime{90}}) {
        const TimeText t = parse_duration(format_duration(d));
        REQUIRE_MESSAGE(t.value, format_duration(d) << ": " << t.error);
        CHECK(*t.value == d);
    }
    Exercise ex;
    ex.name = "t";
    TriggeredInject tr;
    tr.id = "renfort";
    tr.when.kind = Condition::Kind::QueueAbove;
    tr.when.threshold = 50;
    tr.when.for_time = minutes(30);
    tr.change = AddLine{CentreRef::concerned(), "injection", 2, SimTime{}, hours(4), true, {}};
    ex.triggers.push_back(tr);
    const std::string text = exercise_to_toml(ex);
    CHECK(text.find("for = \"4h\"") != std::string::npos);
    CHECK(text.find("until") == std::string::npos);
    CHECK(text.find("from =") == std::string::npos);
    CHECK(text.find("when = { queue_above = 50, for_minutes = 30 }") != std::string::npos);
    const ExerciseLoadResult r = load_exercise_text(text, "t");
    REQUIRE(r.exercise);
    check_equal(ex, *r.exercise);
}
