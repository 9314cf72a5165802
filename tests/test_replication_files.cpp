// The files of a run of several replications (run, validate, compare with --out), written by
// the real command line with 1 and with 2 threads. They must be byte-identical whatever the
// thread count, and identical to the hashes recorded in tests/data/golden/replications--*.txt
// (the results folder's manifest, which names every file with its hash). The recorded hashes
// were made before the replications were streamed to disk (by the code of commit 3730de8):
// streaming must not change a byte.
#include "cli_process.hpp"
#include "riposte/results_folder.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using riposte::test::Outcome;
using riposte::test::run_cli;
using riposte::test::TempDir;

namespace {

const fs::path scenario_dir{RIPOSTE_SCENARIO_DIR};
const fs::path golden_root = fs::path{RIPOSTE_SOURCE_DIR} / "tests" / "data" / "golden";

/// Every file of a results folder but the report, name -> content, sorted by name.
std::vector<std::pair<std::string, std::string>> folder_files(const fs::path& dir) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& e : fs::directory_iterator(dir))
        files.emplace_back(e.path().filename().string(), riposte::test::read_text(e.path()));
    std::sort(files.begin(), files.end());
    return files;
}

/// Runs `args` + --threads 1 / 2 + --out into two folders, checks that both hold the same
/// bytes, and compares the manifest with the recorded one (RIPOSTE_UPDATE_GOLDEN=1 records it).
void check_replication_files(std::vector<std::string> args, int expected_exit,
                             const std::string& golden_name, bool link_scenarios = false) {
    TempDir dir;
    // files that quote the plans' paths (compare.csv) must not depend on where the checkout is:
    // such tests name the plans through a link, scenarios/ → the shipped scenarios
    if (link_scenarios) fs::create_directory_symlink(scenario_dir, dir.path() / "scenarios");
    std::vector<std::vector<std::pair<std::string, std::string>>> outputs;
    for (const char* threads : {"1", "2"}) {
        std::vector<std::string> a = args;
        const std::string out = std::string("out-") + threads;
        a.insert(a.end(), {"--threads", threads, "--out", out, "--quiet"});
        const Outcome o = run_cli(a, dir.path());
        INFO(golden_name << " with " << threads << " thread(s): " << o.err);
        REQUIRE(o.exit_code == expected_exit);
        outputs.push_back(folder_files(dir.path() / out));
    }
    REQUIRE(outputs[0].size() == outputs[1].size());
    for (std::size_t i = 0; i < outputs[0].size(); ++i) {
        INFO(golden_name << ": " << outputs[0][i].first);
        CHECK(outputs[0][i].first == outputs[1][i].first);
        CHECK(outputs[0][i].second == outputs[1][i].second); // byte for byte
    }
    const fs::path golden = golden_root / ("replications--" + golden_name + ".txt");
    const std::string manifest =
        riposte::test::read_text(dir.path() / "out-1" / "riposte-manifest.txt");
    if (std::getenv("RIPOSTE_UPDATE_GOLDEN")) {
        std::ofstream(golden, std::ios::binary) << manifest;
        MESSAGE("golden manifest written: " << golden.string());
    }
    REQUIRE_MESSAGE(fs::exists(golden), golden.string() << " is missing");
    INFO(golden_name);
    CHECK(manifest == riposte::test::read_text(golden));
}

/// The replication indices of a table (its first column), in file order, header excluded.
std::vector<int> replication_column(const fs::path& file) {
    std::istringstream in(riposte::test::read_text(file));
    std::string line;
    std::getline(in, line);
    std::vector<int> reps;
    while (std::getline(in, line)) reps.push_back(std::stoi(line.substr(0, line.find(','))));
    return reps;
}

} // namespace

TEST_CASE("replication files: Ctrl-C with 2 threads writes a whole, consistent partial set") {
    TempDir dir;
    riposte::test::CliProcess p({"run", "--replications", "5000", "--threads", "2", "--out", "p"},
                                dir.path());
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    p.signal(SIGINT);
    const Outcome o = p.finish();
    REQUIRE_MESSAGE(o.exit_code == 1, o.err);
    const fs::path out = dir.path() / "p";
    CHECK(riposte::check_results_folder(out).empty()); // the manifest covers every file
    const std::string json = riposte::test::read_text(out / "summary.json");
    CHECK(riposte::test::contains(json, "\"partial\": true"));
    // every table holds the same replications, in increasing order, as summary.json counts
    const std::vector<int> kpi_reps = replication_column(out / "kpi_replications.csv");
    const std::set<int> reps(kpi_reps.begin(), kpi_reps.end());
    REQUIRE_FALSE(reps.empty());
    CHECK(reps.size() < 5000);
    CHECK(riposte::test::contains(json, "\"completed\": " + std::to_string(reps.size())));
    for (const char* table : {"centre_day.csv", "role_day.csv", "queue.csv", "station_day.csv"}) {
        INFO(table);
        const std::vector<int> rows = replication_column(out / table);
        CHECK(std::is_sorted(rows.begin(), rows.end()));
        CHECK(std::set<int>(rows.begin(), rows.end()) == reps);
    }
}

TEST_CASE("replication files: run of the default scenario, same bytes for 1 and 2 threads") {
    check_replication_files({"run", "--replications", "5", "--seed", "7"}, 0, "centre-herault-run");
}

TEST_CASE("replication files: run with --csv excel, same bytes for 1 and 2 threads") {
    const fs::path tiny = scenario_dir / "tests" / "tiny";
    check_replication_files({"run", (tiny / "world.toml").string(),
                             (tiny / "plan-mobile.toml").string(), "--replications", "9", "--csv",
                             "excel"},
                            0, "tiny-mobile-run-excel");
}

TEST_CASE("replication files: 300 replications (summary.json written in pieces), same bytes") {
    const fs::path tiny = scenario_dir / "tests" / "tiny";
    check_replication_files({"run", (tiny / "world.toml").string(), (tiny / "plan.toml").string(),
                             "--replications", "300"},
                            0, "tiny-run-300");
}

TEST_CASE("replication files: validate --out, same bytes for 1 and 2 threads") {
    const fs::path dir = scenario_dir / "centre-herault";
    check_replication_files({"validate", (dir / "world.toml").string(),
                             (dir / "plan-understaffed.toml").string(), "--replications", "4"},
                            1, "centre-herault-understaffed-validate");
}

TEST_CASE("replication files: compare --out, same bytes for 1 and 2 threads") {
    const fs::path dir = fs::path("scenarios") / "centre-herault";
    check_replication_files({"compare", (dir / "world.toml").string(), (dir / "plan.toml").string(),
                             (dir / "plan-extra-line.toml").string(), "--replications", "3"},
                            0, "centre-herault-compare", true);
}

TEST_CASE("replication files: a single replication (--replication K), same bytes as recorded") {
    check_replication_files({"run", "--replication", "3"}, 0, "centre-herault-replication-3");
}
