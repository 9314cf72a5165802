// A results folder is replaced as a whole (hardening issue, defect 1): what riposte leaves in
// --out DIR is the complete old set or the complete new set, never a mix. Real processes of the
// CLI, killed with SIGKILL at random points.
#include "cli_process.hpp"
#include "riposte/results_folder.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <random>
#include <regex>
#include <thread>

namespace fs = std::filesystem;
using riposte::test::contains;
using riposte::test::Outcome;
using riposte::test::read_text;
using riposte::test::run_cli;
using riposte::test::TempDir;

namespace {

std::string seed_of(const fs::path& dir) {
    const std::string s = read_text(dir / "summary.json");
    std::smatch m;
    if (std::regex_search(s, m, std::regex("\"seed\": *([0-9]+)"))) return m[1].str();
    return "";
}

} // namespace

TEST_CASE("results folder: a rerun replaces the whole folder, report included") {
    TempDir dir;
    REQUIRE(run_cli({"run", "--seed", "3", "--out", "D", "--quiet", "--report"}, dir.path())
                .exit_code == 0);
    REQUIRE(fs::exists(dir.path() / "D" / "report.html"));
    CHECK(riposte::check_results_folder(dir.path() / "D").empty());
    const Outcome again =
        run_cli({"run", "--seed", "4", "--replications", "3", "--out", "D", "--quiet"}, dir.path());
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(seed_of(dir.path() / "D") == "4");
    CHECK(riposte::check_results_folder(dir.path() / "D").empty());
    CHECK_FALSE(fs::exists(dir.path() / "D" / "report.html")); // no stale report
}

TEST_CASE("results folder: files riposte did not write are never replaced without --force") {
    TempDir dir;
    fs::create_directory(dir.path() / "D");
    { std::ofstream(dir.path() / "D" / "notes.docx") << "the crisis cell's notes"; }
    const Outcome refused = run_cli({"run", "--out", "D", "--quiet"}, dir.path());
    CHECK(refused.exit_code == 2);
    CHECK(contains(refused.err, "contient des fichiers que riposte n'a pas écrits"));
    CHECK(contains(run_cli({"run", "--out", "D", "--quiet", "--lang", "en"}, dir.path()).err,
                   "holds files riposte did not write"));
    CHECK(contains(refused.err, "notes.docx"));
    CHECK(fs::exists(dir.path() / "D" / "notes.docx"));
    const Outcome forced = run_cli({"run", "--out", "D", "--quiet", "--force"}, dir.path());
    CHECK(forced.exit_code == 0);
    CHECK_FALSE(fs::exists(dir.path() / "D" / "notes.docx"));
    CHECK(riposte::check_results_folder(dir.path() / "D").empty());
}

TEST_CASE("results folder: leftovers of a killed run are removed by the next run") {
    TempDir dir;
    REQUIRE(run_cli({"run", "--out", "D", "--quiet"}, dir.path()).exit_code == 0);
    fs::create_directory(dir.path() / ".D.riposte-new-1-2");
    { std::ofstream(dir.path() / ".D.riposte-new-1-2" / "queue.csv") << "half a file"; }
    { std::ofstream(dir.path() / "D" / ".queue.csv.tmp-99") << std::string(1000, 'x'); }
    REQUIRE(run_cli({"run", "--out", "D", "--quiet"}, dir.path()).exit_code == 0);
    CHECK_FALSE(fs::exists(dir.path() / ".D.riposte-new-1-2"));
    CHECK_FALSE(fs::exists(dir.path() / "D" / ".queue.csv.tmp-99"));
}

TEST_CASE("results folder: report refuses a folder whose files come from two runs") {
    TempDir dir;
    REQUIRE(run_cli({"run", "--seed", "1", "--out", "A", "--quiet"}, dir.path()).exit_code == 0);
    REQUIRE(run_cli({"run", "--seed", "2", "--out", "B", "--quiet"}, dir.path()).exit_code == 0);
    fs::copy_file(dir.path() / "B" / "queue.csv", dir.path() / "A" / "queue.csv",
                  fs::copy_options::overwrite_existing);
    const Outcome mixed = run_cli({"report", "A"}, dir.path());
    CHECK(mixed.exit_code == 2);
    CHECK(contains(mixed.err, "queue.csv: does not come from the same run"));
    CHECK_FALSE(fs::exists(dir.path() / "A" / "report.html"));
}

TEST_CASE("results folder: kill -9 at 20 random points leaves the old set or the new one") {
    TempDir dir;
    REQUIRE(run_cli({"run", "--seed", "100", "--out", "D", "--quiet"}, dir.path()).exit_code == 0);
    // how long a run takes here, to spread the kill points over it (writing included)
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(run_cli({"run", "--seed", "101", "--replications", "40", "--out", "T", "--quiet"},
                    dir.path())
                .exit_code == 0);
    const auto span = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - t0);
    std::mt19937_64 rng(20261129);
    std::string expected_seed = "100";
    int killed = 0, finished = 0;
    for (int k = 0; k < 20; ++k) {
        const std::string seed = std::to_string(200 + k);
        riposte::test::CliProcess p(
            {"run", "--seed", seed, "--replications", "40", "--out", "D", "--quiet"}, dir.path());
        // half the kill points anywhere, half near the end where the files are written
        const double share = k % 2 == 0 ? std::uniform_real_distribution<double>(0, 1.2)(rng)
                                        : std::uniform_real_distribution<double>(0.7, 1.1)(rng);
        const auto at = std::chrono::microseconds(
            static_cast<std::int64_t>(static_cast<double>(span.count()) * share));
        std::this_thread::sleep_for(at);
        p.signal(SIGKILL);
        const Outcome o = p.finish();
        if (o.exit_code == 0) {
            expected_seed = seed; // it finished before the kill
            ++finished;
        } else {
            ++killed;
        }
        INFO("kill " << k << " after " << at.count() << " us, exit " << o.exit_code);
        const std::string now_seed = seed_of(dir.path() / "D");
        // the new set is in place as soon as the exchange happened, even if killed after it
        CHECK((now_seed == expected_seed || now_seed == seed));
        expected_seed = now_seed;
        CHECK(riposte::check_results_folder(dir.path() / "D").empty());
    }
    MESSAGE(killed << " runs killed, " << finished << " finished");
    CHECK(killed > 0);
}

TEST_CASE("results folder: a full disk leaves the old set intact and exits 1 with the reason") {
    // a 512 KiB tmpfs: the old one-replication set (about 330 KB) fits, a second copy beside
    // it does not. Mounting needs root and a kernel that lets us: otherwise skipped, saying so.
    TempDir dir;
    const fs::path disk = dir.path() / "disk";
    fs::create_directory(disk);
    const std::string mount =
        "mount -t tmpfs -o size=512k tmpfs '" + disk.string() + "' 2>/dev/null";
    if (std::system(mount.c_str()) != 0) {
        MESSAGE("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    }
    struct Unmount {
        fs::path p;
        ~Unmount() { std::system(("umount '" + p.string() + "'").c_str()); }
    } unmount{disk};
    REQUIRE(run_cli({"run", "--seed", "5", "--out", "disk/D", "--quiet"}, dir.path()).exit_code ==
            0);
    const std::string before = read_text(disk / "D" / "summary.json");
    const Outcome full = run_cli({"run", "--seed", "6", "--out", "disk/D", "--quiet"}, dir.path());
    CHECK(full.exit_code == 1);
    CHECK(contains(full.err, "No space left on device"));
    CHECK(contains(full.err, "les résultats précédents sont laissés tels quels"));
    CHECK(read_text(disk / "D" / "summary.json") == before);
    CHECK(riposte::check_results_folder(disk / "D").empty());
    // and nothing of the failed attempt is left on the disk
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(disk)) ++entries;
    CHECK(entries == 1);
}
