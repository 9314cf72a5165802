// The riposte command-line front end, run as a real process (RIPOSTE_CLI is its path).
#include "cli_process.hpp"
#include "riposte/output.hpp"
#include "riposte/report.hpp"
#include "riposte/text/strings.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using riposte::test::contains;
using riposte::test::Outcome;
using riposte::test::run_cli;
using riposte::test::TempDir;

namespace {

std::string read_file(const fs::path& p) {
    return riposte::test::read_text(p);
}

const fs::path scenario_dir{RIPOSTE_SCENARIO_DIR};
const fs::path test_data = scenario_dir.parent_path() / "tests" / "data";

/// The result files of a run directory, name -> content.
std::vector<std::pair<std::string, std::string>> result_files(const fs::path& dir) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& e : fs::directory_iterator(dir)) {
        files.emplace_back(e.path().filename().string(), read_file(e.path()));
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("cli: --help and help list the commands and exit 0") {
    TempDir dir;
    for (const auto& args : {std::vector<std::string>{"--help"}, {"-h"}, {"help"}}) {
        const Outcome o = run_cli(args, dir.path());
        CHECK(o.exit_code == 0);
        CHECK(contains(o.out, "riposte run"));
        CHECK(contains(o.out, "riposte check"));
        CHECK(contains(o.out, "riposte compare"));
        CHECK(contains(o.out, "riposte validate"));
        CHECK(contains(o.out, "riposte report"));
        CHECK(contains(o.out, "riposte help"));
        CHECK(contains(o.out, "Codes de sortie"));
    }
    const Outcome en = run_cli({"--help", "--lang", "en"}, dir.path());
    CHECK(en.exit_code == 0);
    CHECK(contains(en.out, "Exit codes"));
}

TEST_CASE("cli: every command has --help") {
    TempDir dir;
    for (const std::string cmd :
         {"run", "compare", "validate", "size", "report", "check", "help"}) {
        const Outcome a = run_cli({cmd, "--help"}, dir.path());
        CHECK(a.exit_code == 0);
        CHECK(contains(a.out, "riposte " + cmd));
        const Outcome b = run_cli({"help", cmd}, dir.path());
        CHECK(b.exit_code == 0);
        CHECK(a.out == b.out);
    }
    CHECK(contains(run_cli({"run", "--help"}, dir.path()).out, "--seed"));
}

TEST_CASE("cli: --version prints the version") {
    TempDir dir;
    const Outcome o = run_cli({"--version"}, dir.path());
    CHECK(o.exit_code == 0);
    CHECK(std::regex_search(o.out, std::regex(R"(^riposte \d+\.\d+\.\d+\n$)")));
}

TEST_CASE("cli: usage errors exit 2 with a clear message") {
    TempDir dir;
    const Outcome none = run_cli({}, dir.path());
    CHECK(none.exit_code == 2);

    const Outcome unknown = run_cli({"frobnicate"}, dir.path());
    CHECK(unknown.exit_code == 2);
    CHECK(contains(unknown.err, "riposte : erreur : commande inconnue « frobnicate »"));
    CHECK(contains(unknown.err, "Lancez « riposte --help » pour l'aide."));
    CHECK(unknown.out.empty());

    const Outcome bad_option = run_cli({"run", "--bogus"}, dir.path());
    CHECK(bad_option.exit_code == 2);
    CHECK(contains(bad_option.err, "option inconnue « --bogus »"));
    CHECK(contains(bad_option.err, "Lancez « riposte run --help » pour l'aide."));
    // English with --lang en, even when the bad option comes first
    const Outcome bad_option_en = run_cli({"run", "--bogus", "--lang", "en"}, dir.path());
    CHECK(bad_option_en.exit_code == 2);
    CHECK(contains(bad_option_en.err, "riposte: error: unknown option '--bogus'"));
    CHECK(contains(bad_option_en.err, "Run 'riposte run --help' for usage."));
    CHECK(contains(run_cli({"run", "--lang=en", "--bogus"}, dir.path()).err,
                   "unknown option '--bogus'"));

    const Outcome help_unknown = run_cli({"help", "frobnicate"}, dir.path());
    CHECK(help_unknown.exit_code == 2);

    const Outcome missing_value = run_cli({"run", "--out"}, dir.path());
    CHECK(missing_value.exit_code == 2);
    CHECK(contains(missing_value.err, "--out"));

    const Outcome contradiction = run_cli({"run", "--no-files", "--out", "x"}, dir.path());
    CHECK(contradiction.exit_code == 2);
    CHECK(contains(contradiction.err, "--no-files"));

    const Outcome flag_value = run_cli({"run", "--quiet=yes"}, dir.path());
    CHECK(flag_value.exit_code == 2);
    CHECK(contains(flag_value.err, "l'option « --quiet » ne prend pas de valeur"));

    const Outcome too_many = run_cli({"check", "a", "b", "c"}, dir.path());
    CHECK(too_many.exit_code == 2);
    CHECK(contains(too_many.err, "trop d'arguments"));
    CHECK(contains(run_cli({"check", "a", "b", "c", "--lang", "en"}, dir.path()).err,
                   "too many arguments"));
}

TEST_CASE("cli: a bad --seed value exits 2 and names the option") {
    TempDir dir;
    for (const std::string bad : {"abc", "-1", "12x", "", "99999999999999999999999", "1.5"}) {
        const Outcome o = run_cli({"run", "--seed", bad}, dir.path());
        CHECK_MESSAGE(o.exit_code == 2, "seed '" << bad << "'");
        CHECK(contains(o.err, "--seed attend un nombre entier de 0 à"));
        CHECK(o.out.empty());
    }
    const Outcome eq_form = run_cli({"run", "--seed=oops"}, dir.path());
    CHECK(eq_form.exit_code == 2);
    CHECK(contains(eq_form.err, "« oops »"));
    CHECK(run_cli({"run", "--replication", "-3"}, dir.path()).exit_code == 2);
    // Nothing was written on a usage error.
    CHECK_FALSE(fs::exists(dir.path() / "riposte-out"));
}

TEST_CASE("cli: a directory without world.toml and plan.toml is refused with exit 2") {
    TempDir dir;
    fs::create_directory(dir.path() / "empty");
    const Outcome o = run_cli({"check", "empty"}, dir.path());
    CHECK(o.exit_code == 2);
    CHECK(o.err.rfind("empty/world.toml:1:1: error: [input.missing] ", 0) == 0);
}

TEST_CASE("cli: check speaks French by default, English with --lang en, at the same places") {
    TempDir dir;
    // a misspelt key, a value of the wrong type, a missing key: messages of the shared readers
    const fs::path world = dir.path() / "world.toml";
    {
        std::ofstream w(world);
        w << "[world]\nname = \"x\"\nstart_date = \"2021-04-05\"\ndayz = 3\nwarmup_days = \"2\"\n";
    }
    const fs::path plan = test_data / "broken_syntax" / "plan.toml";
    const Outcome fr = run_cli({"check", world.string(), plan.string()}, dir.path());
    const Outcome en =
        run_cli({"check", world.string(), plan.string(), "--lang", "en"}, dir.path());
    CHECK(fr.exit_code == 2);
    CHECK(en.exit_code == 2);
    INFO(fr.err);
    INFO(en.err);
    CHECK(contains(fr.err, "world.toml:4:1: erreur : [key.unknown] clé inconnue 'dayz' dans "
                           "[world] ; vouliez-vous dire 'days' ?"));
    CHECK(contains(en.err, "world.toml:4:1: error: [key.unknown] unknown key 'dayz' in [world]; "
                           "did you mean 'days'?"));
    CHECK(contains(fr.err, "world.toml:5:15: erreur : [value.type] 'warmup_days' doit être un "
                           "nombre entier, trouvé : un texte : retirez les guillemets"));
    CHECK(contains(en.err, "world.toml:5:15: error: [value.type] 'warmup_days' must be a whole "
                           "number, found a string: remove the quotes"));
    CHECK(contains(fr.err, "erreur : [key.missing] clé 'territory' manquante dans le fichier du "
                           "monde"));
    // the same diagnostics, line for line, at the same file:line:column with the same ids
    const auto places = [](const std::string& err) {
        std::vector<std::string> out;
        std::istringstream in(err);
        for (std::string line; std::getline(in, line);) {
            const auto id = line.find(" [");
            if (id == std::string::npos || line.find(':') > id) continue;
            const auto close = line.find(']', id);
            const auto colon = line.rfind(".toml:", id);
            if (colon == std::string::npos) continue;
            const auto sev = line.find(": ", colon + 6);
            out.push_back(line.substr(0, sev) + line.substr(id, close - id + 1));
        }
        return out;
    };
    CHECK(places(fr.err).size() >= 4);
    CHECK(places(fr.err) == places(en.err));
    // no English sentence of the diagnostics table in the French output
    for (const riposte::text::Text& t : riposte::text::all_texts()) {
        if (t.en == t.fr || t.en.size() < 12 || t.en.find('{') != std::string_view::npos) continue;
        CHECK_MESSAGE(!contains(fr.err, std::string(t.en)), t.en);
    }
}

TEST_CASE("cli: check on a broken scenario prints file:line:column and exits 2") {
    TempDir dir;
    const fs::path broken = test_data / "broken_syntax";
    REQUIRE(fs::exists(broken / "world.toml"));
    const Outcome o = run_cli({"check", (broken / "world.toml").string(),
                               (broken / "plan.toml").string(), "--lang", "en"},
                              dir.path());
    CHECK(o.exit_code == 2);
    CHECK_MESSAGE(std::regex_search(o.err, std::regex(R"(world\.toml:5:\d+: error: )")), o.err);
    // The directory form finds the same files.
    const Outcome d = run_cli({"check", broken.string(), "--lang", "en"}, dir.path());
    CHECK(d.exit_code == 2);
    CHECK(std::regex_search(d.err, std::regex(R"(world\.toml:5:\d+: error: )")));
    // run refuses to simulate it, with the same diagnostics.
    const Outcome r = run_cli({"run", broken.string(), "--no-files", "--lang", "en"}, dir.path());
    CHECK(r.exit_code == 2);
    CHECK(std::regex_search(r.err, std::regex(R"(world\.toml:5:\d+: error: )")));
}

TEST_CASE("cli: check on missing files exits 2 and names the file") {
    TempDir dir;
    const Outcome o = run_cli({"check", "nope-world.toml", "nope-plan.toml"}, dir.path());
    CHECK(o.exit_code == 2);
    CHECK(contains(o.err, "nope-world.toml"));
}

TEST_CASE("cli: check on the bundled default scenario is ok") {
    TempDir dir;
    const Outcome o = run_cli({"check"}, dir.path());
    CHECK_MESSAGE(o.exit_code == 0, o.err);
    CHECK(o.out.rfind("ok", 0) == 0);
    CHECK(contains(o.out, "communes"));
    CHECK(contains(o.out, "centres"));
}

TEST_CASE("cli: run writes the result files and the same seed twice gives identical bytes") {
    TempDir dir;
    const Outcome a = run_cli({"run", "--seed", "7", "--out", "a"}, dir.path());
    REQUIRE_MESSAGE(a.exit_code == 0, a.err);
    // French by default
    CHECK(contains(a.out, "ENSEMBLE"));
    CHECK(contains(a.out, "fichiers écrits dans a"));
    const Outcome b = run_cli({"run", "--seed=7", "--out", "b", "--quiet"}, dir.path());
    REQUIRE_MESSAGE(b.exit_code == 0, b.err);
    CHECK(b.out.empty());

    const auto files_a = result_files(dir.path() / "a");
    const auto files_b = result_files(dir.path() / "b");
    // the result files and the manifest that binds them into one run
    REQUIRE(files_a.size() == riposte::replication_result_file_names().size() + 1);
    REQUIRE(files_a.size() == files_b.size());
    for (std::size_t i = 0; i < files_a.size(); ++i) {
        CHECK(files_a[i].first == files_b[i].first);
        CHECK_MESSAGE(files_a[i].second == files_b[i].second, files_a[i].first << " differs");
    }

    // Same seed without files prints the same summary.
    const Outcome c = run_cli({"run", "--seed", "7", "--no-files"}, dir.path());
    REQUIRE(c.exit_code == 0);
    CHECK(a.out.substr(0, a.out.find("\nRésultats")) == c.out);
}

TEST_CASE("cli: different seeds give different results") {
    TempDir dir;
    REQUIRE(run_cli({"run", "--seed", "1", "--out", "s1", "--quiet"}, dir.path()).exit_code == 0);
    REQUIRE(run_cli({"run", "--seed", "2", "--out", "s2", "--quiet"}, dir.path()).exit_code == 0);
    const auto s1 = result_files(dir.path() / "s1");
    const auto s2 = result_files(dir.path() / "s2");
    REQUIRE(s1.size() == s2.size());
    CHECK(s1 != s2);
    // The seed is recorded in summary.json.
    CHECK(contains(read_file(dir.path() / "s2" / "summary.json"), "\"seed\": 2,"));
}

TEST_CASE("cli: the default output directory is riposte-out/WORLD/PLAN") {
    // two territories' plans never overwrite each other, even with the same plan name
    TempDir dir;
    const Outcome o = run_cli({"run", "--quiet"}, dir.path());
    REQUIRE_MESSAGE(o.exit_code == 0, o.err);
    const fs::path metz = fs::path(RIPOSTE_SCENARIO_DIR) / "metz-et-environs";
    const Outcome m = run_cli({"run", metz.string(), "--quiet"}, dir.path());
    REQUIRE_MESSAGE(m.exit_code == 0, m.err);
    REQUIRE(fs::is_directory(dir.path() / "riposte-out"));
    std::size_t worlds = 0, plans = 0;
    for (const auto& w : fs::directory_iterator(dir.path() / "riposte-out")) {
        ++worlds;
        for (const auto& p : fs::directory_iterator(w.path())) {
            ++plans;
            CHECK(fs::exists(p.path() / "summary.json"));
            CHECK(fs::exists(p.path() / "centre_day.csv"));
        }
    }
    CHECK(worlds == 2);
    CHECK(plans == 2);
}

TEST_CASE("cli: an output path that cannot be a directory is a run error (exit 1)") {
    TempDir dir;
    { std::ofstream(dir.path() / "taken") << "x"; }
    const Outcome o = run_cli({"run", "--quiet", "--out", "taken"}, dir.path());
    CHECK(o.exit_code == 1);
    CHECK(contains(o.err, "taken"));
    CHECK(read_file(dir.path() / "taken") == "x");
}

namespace {

/// Value of column `column` in every data row of a CSV file.
std::vector<std::string> csv_column(const fs::path& file, std::string_view column) {
    std::string error;
    const auto table = riposte::parse_csv(read_file(file), file.string(), error);
    REQUIRE_MESSAGE(table, error);
    const int c = table->column(column);
    REQUIRE(c >= 0);
    std::vector<std::string> out;
    for (const auto& row : table->rows) out.push_back(row[static_cast<std::size_t>(c)]);
    return out;
}

} // namespace

TEST_CASE("cli: run --replications gives identical files with 1 and 2 threads") {
    TempDir dir;
    const Outcome one =
        run_cli({"run", "--replications", "4", "--threads", "1", "--out", "t1", "--lang", "en"},
                dir.path());
    REQUIRE_MESSAGE(one.exit_code == 0, one.err);
    const Outcome two = run_cli(
        {"run", "--replications", "4", "--threads", "2", "--out", "t2", "--quiet"}, dir.path());
    REQUIRE_MESSAGE(two.exit_code == 0, two.err);
    const auto a = result_files(dir.path() / "t1");
    const auto b = result_files(dir.path() / "t2");
    REQUIRE(a.size() == riposte::replication_result_file_names().size() + 1);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].first == b[i].first);
        CHECK_MESSAGE(a[i].second == b[i].second, a[i].first << " differs between 1 and 2 threads");
    }
    // the printed KPI table has a mean and a CI for every KPI
    CHECK(contains(one.out, "KPIS OVER 4 REPLICATIONS"));
    CHECK(std::regex_search(one.out, std::regex(R"(p90 wait \(min\) +\d+\.\d+ +\d+\.\d+ )")));
}

TEST_CASE("cli: run --replications writes a KPI summary with 95% CI and per-replication rows") {
    TempDir dir;
    const Outcome o = run_cli({"run", "--replications", "3", "--out", "r", "--quiet"}, dir.path());
    REQUIRE_MESSAGE(o.exit_code == 0, o.err);
    const fs::path r = dir.path() / "r";
    // kpi_summary.csv: one row per KPI with mean, ci95 and the interval
    std::string error;
    const auto summary = riposte::parse_csv(read_file(r / "kpi_summary.csv"), "kpi_summary", error);
    REQUIRE_MESSAGE(summary, error);
    for (const char* col : {"kpi", "mean", "ci95", "ci_low", "ci_high", "min", "max"})
        CHECK(summary->column(col) >= 0);
    bool found = false;
    for (const auto& row : summary->rows) {
        if (row[0] != "wait_p90_min") continue;
        found = true;
        const double mean = std::stod(row[static_cast<std::size_t>(summary->column("mean"))]);
        const double ci = std::stod(row[static_cast<std::size_t>(summary->column("ci95"))]);
        const double lo = std::stod(row[static_cast<std::size_t>(summary->column("ci_low"))]);
        CHECK(ci > 0);
        CHECK(lo == doctest::Approx(mean - ci).epsilon(1e-3));
        CHECK(row[static_cast<std::size_t>(summary->column("replications"))] == "3");
    }
    CHECK(found);
    // kpi_replications.csv and every tidy table carry the replication index
    const auto reps = csv_column(r / "kpi_replications.csv", "replication");
    CHECK(std::set<std::string>(reps.begin(), reps.end()) == std::set<std::string>{"0", "1", "2"});
    const auto days = csv_column(r / "centre_day.csv", "replication");
    CHECK(std::set<std::string>(days.begin(), days.end()) == std::set<std::string>{"0", "1", "2"});
    CHECK(std::is_sorted(days.begin(), days.end()));
    const std::string json = read_file(r / "summary.json");
    CHECK(contains(json, "\"format\": \"riposte-summary/2\""));
    CHECK(contains(json, "\"partial\": false"));
    CHECK(contains(json, "\"completed\": 3"));
}

TEST_CASE("cli: run option conflicts are usage errors") {
    TempDir dir;
    const Outcome both = run_cli({"run", "--replications", "3", "--replication", "2"}, dir.path());
    CHECK(both.exit_code == 2);
    CHECK(contains(both.err, "--replication"));
    CHECK(run_cli({"run", "--replications", "0"}, dir.path()).exit_code == 2);
    CHECK(run_cli({"run", "--threads", "0"}, dir.path()).exit_code == 2);
    const Outcome lang = run_cli({"run", "--lang", "de"}, dir.path());
    CHECK(lang.exit_code == 2);
    // an invalid --lang is refused in French, naming the two languages
    CHECK(contains(lang.err, "riposte : erreur : --lang attend fr (français) ou en (anglais), et "
                             "non « de »"));
    const Outcome lang_first = run_cli({"run", "--bogus", "--lang", "de"}, dir.path());
    CHECK(lang_first.exit_code == 2);
    CHECK(contains(lang_first.err, "option inconnue « --bogus »"));
    CHECK(run_cli({"run", "--report", "--no-files"}, dir.path()).exit_code == 2);
    CHECK(run_cli({"run", "--report", "--lang", "de"}, dir.path()).exit_code == 2);
    CHECK_FALSE(fs::exists(dir.path() / "riposte-out"));
}

TEST_CASE("cli: Ctrl-C keeps the finished replications, marks them partial and exits 1") {
    TempDir dir;
    riposte::test::CliProcess p(
        {"run", "--replications", "5000", "--threads", "1", "--out", "p", "--lang", "en"},
        dir.path());
    // let a few replications finish (one takes a fraction of a second), then interrupt
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    p.signal(SIGINT);
    const Outcome o = p.finish();
    CHECK_MESSAGE(o.exit_code == 1, o.err);
    CHECK(contains(o.err, "interrupted"));
    const fs::path summary = dir.path() / "p" / "summary.json";
    REQUIRE_MESSAGE(fs::exists(summary), o.err);
    const std::string json = read_file(summary);
    CHECK(contains(json, "\"partial\": true"));
    CHECK(contains(json, "\"requested\": 5000"));
    CHECK_FALSE(contains(json, "\"completed\": 5000"));
}

TEST_CASE("cli: typos get a did-you-mean, and -n -j -o are short for the common options") {
    TempDir dir;
    const Outcome cmd = run_cli({"rnu"}, dir.path());
    CHECK(cmd.exit_code == 2);
    CHECK(contains(cmd.err, "commande inconnue « rnu » ; vouliez-vous dire « run » ?"));
    CHECK(contains(run_cli({"rnu", "--lang", "en"}, dir.path()).err,
                   "unknown command 'rnu'; did you mean 'run'?"));
    const Outcome opt = run_cli({"run", "--replicatoins", "3"}, dir.path());
    CHECK(opt.exit_code == 2);
    CHECK(contains(opt.err,
                   "option inconnue « --replicatoins » ; vouliez-vous dire « --replications » ?"));
    CHECK(contains(run_cli({"run", "--replicatoins", "3", "--lang", "en"}, dir.path()).err,
                   "unknown option '--replicatoins'; did you mean '--replications'?"));
    const Outcome far = run_cli({"run", "--zzzzzzzz"}, dir.path());
    CHECK(far.exit_code == 2);
    CHECK_FALSE(contains(far.err, "vouliez-vous dire"));
    const Outcome shorts =
        run_cli({"run", "-n", "2", "-j", "2", "-o", "short", "--quiet"}, dir.path());
    REQUIRE_MESSAGE(shorts.exit_code == 0, shorts.err);
    CHECK(contains(riposte::test::read_text(dir.path() / "short" / "summary.json"),
                   "\"completed\": 2"));
}

TEST_CASE("cli: --csv excel writes what French Excel opens, and reads back to the same values") {
    // French Excel: UTF-8 byte order mark, ';' between fields, decimal comma. Read back here
    // with exactly those settings (split on ';', comma as the decimal separator).
    TempDir dir;
    REQUIRE(run_cli({"run", "--seed", "9", "-o", "std", "--quiet"}, dir.path()).exit_code == 0);
    const Outcome xl = run_cli(
        {"run", "--seed", "9", "-o", "xl", "--csv", "excel", "--quiet", "--report"}, dir.path());
    REQUIRE_MESSAGE(xl.exit_code == 0, xl.err);
    const std::string excel = riposte::test::read_text(dir.path() / "xl" / "centre_day.csv");
    const std::string standard = riposte::test::read_text(dir.path() / "std" / "centre_day.csv");
    REQUIRE(excel.rfind("\xEF\xBB\xBF", 0) == 0);
    auto split = [](const std::string& line, char sep) {
        std::vector<std::string> out(1);
        for (char c : line) {
            if (c == sep)
                out.emplace_back();
            else
                out.back() += c;
        }
        return out;
    };
    std::istringstream a(excel.substr(3)), b(standard);
    std::string la, lb;
    int rows = 0, decimals = 0;
    while (std::getline(b, lb)) {
        REQUIRE(std::getline(a, la));
        const auto fa = split(la, ';'), fb = split(lb, ',');
        REQUIRE(fa.size() == fb.size());
        for (std::size_t k = 0; k < fa.size(); ++k) {
            std::string v = fa[k];
            if (v.find(',') != std::string::npos) {
                ++decimals;
                std::replace(v.begin(), v.end(), ',', '.');
            }
            CHECK(v == fb[k]);
        }
        ++rows;
    }
    CHECK(rows > 50);     // the header and a row per centre and day
    CHECK(decimals > 50); // waits and hours are written with a decimal comma
    CHECK(fs::exists(dir.path() / "xl" / "report.html")); // the report reads them too
    CHECK(run_cli({"run", "--csv", "xlsx"}, dir.path()).exit_code == 2);
}

TEST_CASE("cli: check speaks French by default and English with --lang en") {
    TempDir dir;
    const Outcome fr = run_cli({"check"}, dir.path());
    REQUIRE_MESSAGE(fr.exit_code == 0, fr.err);
    CHECK_MESSAGE(fr.out.rfind("ok : communes : ", 0) == 0, fr.out);
    CHECK(contains(fr.out, "liaisons routières"));
    CHECK(contains(fr.out, "à partir du"));
    const Outcome en = run_cli({"check", "--lang", "en"}, dir.path());
    CHECK(en.out.rfind("ok: communes: ", 0) == 0);
    CHECK(contains(en.out, "road links"));
    CHECK(run_cli({"check", "--lang", "de"}, dir.path()).exit_code == 2);
}

TEST_CASE("cli: check warns, at the station, when no one in the pool may fill its role") {
    TempDir dir;
    for (const char* f : {"world.toml", "plan.toml", "communes.csv", "edges.csv"})
        fs::copy_file(scenario_dir / "tests" / "tiny" / f, dir.path() / f);
    // The tiny world's only médecins become administratifs: nobody may do the interview.
    std::string world = read_file(dir.path() / "world.toml");
    const std::string from = "profession = \"medecin\"";
    REQUIRE(world.find(from) != std::string::npos);
    world.replace(world.find(from), from.size(), "profession = \"administratif\"");
    std::ofstream(dir.path() / "world.toml", std::ios::binary) << world;
    const std::string plan = read_file(dir.path() / "plan.toml");
    const std::size_t station = plan.find("role = \"medical_interview\"");
    REQUIRE(station != std::string::npos);
    const auto line = 1 + std::count(plan.begin(), plan.begin() + static_cast<long>(station), '\n');
    const Outcome o = run_cli({"check", ".", "--lang", "en"}, dir.path());
    CHECK(o.exit_code == 0); // a warning, not an error: check still passes
    CHECK_MESSAGE(contains(o.err, "plan.toml:" + std::to_string(line) +
                                      ":10: warning: [pool.no_one_qualified] station 'interview' "
                                      "of centre 'Gignac' needs role 'medical_interview'"),
                  o.err);
    CHECK(contains(o.err, "'medecin'"));
    CHECK(contains(o.out, "ok (1 warning)"));
}

TEST_CASE("cli: check --exercise checks an exercise file against the scenario") {
    TempDir dir;
    const fs::path herault = fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault";
    const fs::path stress = fs::path(RIPOSTE_SCENARIO_DIR) / "stress";
    const Outcome ok = run_cli({"check", herault.string(), "--exercise",
                                (stress / "fridge-failure.toml").string(), "--lang", "en"},
                               dir.path());
    CHECK_MESSAGE(ok.exit_code == 0, ok.err);
    CHECK(contains(ok.out, "ok: exercise 'Rupture de la cha"));
    CHECK(contains(ok.out, "1 scripted inject, 1 trigger, 1 objective\n"));
    // a name the scenario lacks: positioned error, exit 2
    {
        std::ofstream f(dir.path() / "bad.toml");
        f << "[exercise]\nname = \"x\"\n[[inject]]\nid = \"a\"\nat = \"J1 08:00\"\n"
             "kind = \"cold_chain_failure\"\ncentre = \"Gignak\"\n";
    }
    const Outcome bad =
        run_cli({"check", herault.string(), "--exercise", "bad.toml", "--lang", "en"}, dir.path());
    CHECK(bad.exit_code == 2);
    CHECK_MESSAGE(contains(bad.err, "bad.toml:7:10: error: [ref.unknown] unknown centre 'Gignak'; "
                                    "did you mean 'Gignac'?"),
                  bad.err);
    CHECK(contains(bad.err, "1 error in the exercise"));
    // a missing exercise file, and the option without its value
    const Outcome missing =
        run_cli({"check", herault.string(), "--exercise", "nope.toml"}, dir.path());
    CHECK(missing.exit_code == 2);
    CHECK(contains(missing.err, "nope.toml:1:1: erreur : [input.missing]"));
    CHECK(run_cli({"check", herault.string(), "--exercise"}, dir.path()).exit_code == 2);
}
