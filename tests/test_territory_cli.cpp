// riposte territory, run as a real process (issue "Real territories"): rebuilding Metz
// Métropole from its EPCI SIREN gives the 46 communes and 232,612 inhabitants of the brief,
// and the same road graph as the reference territory shipped with the project's data.
#include "cli_process.hpp"

#include "riposte/text/strings.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using riposte::test::Outcome;
using riposte::test::read_text;
using riposte::test::run_cli;
using riposte::test::TempDir;

namespace {
std::vector<std::string> sorted_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (!l.empty()) lines.push_back(l);
    std::sort(lines.begin(), lines.end());
    return lines;
}
} // namespace

TEST_CASE("cli: territory --epci 200039865 rebuilds Metz with the reference road graph") {
    TempDir dir;
    const Outcome o = run_cli({"territory", "--epci", "200039865", "--out", "metz"}, dir.path());
    INFO(o.err);
    REQUIRE(o.exit_code == 0);
    CHECK(o.out.find("46 communes") != std::string::npos);
    // French by default: thousands grouped with a no-break space
    CHECK(o.out.find("232\u00a0612 habitants") != std::string::npos);
    const fs::path ref =
        fs::path(RIPOSTE_SCENARIO_DIR) / "data" / "territories" / "metz-et-environs";
    const auto communes = sorted_lines(read_text(dir.path() / "metz" / "communes.csv"));
    CHECK(communes.size() == 47); // header + 46
    CHECK(communes == sorted_lines(read_text(ref / "communes.csv")));
    CHECK(sorted_lines(read_text(dir.path() / "metz" / "edges.csv")) ==
          sorted_lines(read_text(ref / "edges.csv")));
}

TEST_CASE("cli: territory with an unknown EPCI exits 2 and suggests a close one") {
    TempDir dir;
    const Outcome o = run_cli({"territory", "--epci", "200039866", "--out", "x"}, dir.path());
    CHECK(o.exit_code == 2);
    CHECK(o.err.find("200039865") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "x" / "communes.csv"));
}

TEST_CASE("cli: territory's selection errors speak French by default, English with --lang en") {
    TempDir dir;
    const Outcome fr = run_cli({"territory", "--departement", "5", "--out", "x"}, dir.path());
    CHECK(fr.exit_code == 2);
    CHECK_MESSAGE(fr.err.find("--departement: erreur : département inconnu « 5 » ; vouliez-vous "
                              "dire 05 ? (codes tels que l'INSEE les écrit : 01 à 95, 2A, 2B, "
                              "971 à 976)") != std::string::npos,
                  fr.err);
    const Outcome epci = run_cli({"territory", "--epci", "200039866"}, dir.path());
    CHECK(epci.err.find("SIREN d'EPCI inconnu « 200039866 » ; vouliez-vous dire 200039865 (Metz "
                        "Métropole)") != std::string::npos);
    CHECK(epci.err.find(" ou ") != std::string::npos);
    CHECK(epci.err.find("did you mean") == std::string::npos);
    const Outcome en =
        run_cli({"territory", "--departement", "5", "--out", "x", "--lang", "en"}, dir.path());
    CHECK(en.err.find("--departement: error: unknown département '5'; did you mean 05? (codes as "
                      "INSEE writes them") != std::string::npos);
}

TEST_CASE("cli: territory takes names where codes are expected, whatever the case, accents and "
          "legal form") {
    TempDir dir;
    // an EPCI by its name without "CA du": the same communes as by its SIREN
    const Outcome by_code =
        run_cli({"territory", "--epci", "200071827", "--out", "code"}, dir.path());
    REQUIRE_MESSAGE(by_code.exit_code == 0, by_code.err);
    for (const char* name :
         {"Grand Angoulême", "grand angouleme", "CA du Grand Angoulême", "GRAND-ANGOULÊME"}) {
        CAPTURE(name);
        const Outcome o = run_cli({"territory", "--epci", name, "--out", "name"}, dir.path());
        REQUIRE_MESSAGE(o.exit_code == 0, o.err);
        CHECK(o.out.find("CA du Grand Angoulême : 38 communes") != std::string::npos);
        CHECK(read_text(dir.path() / "name" / "communes.csv") ==
              read_text(dir.path() / "code" / "communes.csv"));
        fs::remove_all(dir.path() / "name");
    }
    // "Métropole" is a legal form too: "Metz" finds Metz Métropole (200039865)
    const Outcome metz = run_cli({"territory", "--epci", "metz", "--out", "metz"}, dir.path());
    REQUIRE_MESSAGE(metz.exit_code == 0, metz.err);
    CHECK(metz.out.find("46 communes") != std::string::npos);
    // a commune by name for --around: the same as its INSEE code
    const Outcome around_code =
        run_cli({"territory", "--around", "16015", "--radius-km", "15", "--out", "ac"}, dir.path());
    const Outcome around_name = run_cli(
        {"territory", "--around", "angouleme", "--radius-km", "15", "--out", "an"}, dir.path());
    REQUIRE_MESSAGE(around_code.exit_code == 0, around_code.err);
    REQUIRE_MESSAGE(around_name.exit_code == 0, around_name.err);
    CHECK(read_text(dir.path() / "an" / "communes.csv") ==
          read_text(dir.path() / "ac" / "communes.csv"));
    // --insee takes names as well, mixed with codes
    const Outcome insee = run_cli({"territory", "--insee", "Metz,57039", "--out", "i"}, dir.path());
    REQUIRE_MESSAGE(insee.exit_code == 0, insee.err);
    CHECK(sorted_lines(read_text(dir.path() / "i" / "communes.csv")).size() == 3);
}

TEST_CASE("cli: territory lists the candidates with their codes when a name is not unique") {
    TempDir dir;
    // five communes are called Celles: each is listed with its INSEE code, nothing is written
    const Outcome celles =
        run_cli({"territory", "--around", "Celles", "--radius-km", "15", "--out", "x"}, dir.path());
    CHECK(celles.exit_code == 2);
    INFO(celles.err);
    CHECK(celles.err.find("5 communes portent ce nom") != std::string::npos);
    for (const char* code : {"09093", "15031", "17076", "24090", "34072"})
        CHECK(celles.err.find(std::string("Celles (") + code) != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "x"));
    // a misspelt EPCI name: the close ones, with their SIREN
    const Outcome near =
        run_cli({"territory", "--epci", "Grand Angoulem", "--out", "x"}, dir.path());
    CHECK(near.exit_code == 2);
    CHECK(near.err.find("CA du Grand Angoulême (SIREN 200071827)") != std::string::npos);
    // no such name at all
    const Outcome none = run_cli({"territory", "--epci", "Zzyzx Qwerty", "--out", "x"}, dir.path());
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("aucun EPCI de ce nom") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "x"));
    // the same in English with --lang en
    const Outcome none_en =
        run_cli({"territory", "--epci", "Zzyzx Qwerty", "--out", "x", "--lang", "en"}, dir.path());
    CHECK(none_en.exit_code == 2);
    CHECK(none_en.err.find("no EPCI of that name") != std::string::npos);
}

TEST_CASE("cli: territory prints its summary in French and in English with --lang en") {
    TempDir dir;
    const Outcome fr = run_cli({"territory", "--epci", "200071827", "--out", "fr"}, dir.path());
    REQUIRE_MESSAGE(fr.exit_code == 0, fr.err);
    CHECK(fr.out.find("CA du Grand Angoulême : 38 communes, 142\u00a0933 habitants") !=
          std::string::npos);
    CHECK(fr.out.find("réseau routier : 95 tronçons (chaque commune reliée à ses 4 plus proches "
                      "voisines, détour 1,30, 50 km/h) ; connexe, aucun pont nécessaire") !=
          std::string::npos);
    CHECK(fr.out.find("fichiers écrits : fr/communes.csv, fr/edges.csv") != std::string::npos);
    const Outcome en =
        run_cli({"territory", "--epci", "200071827", "--out", "en", "--lang", "en"}, dir.path());
    REQUIRE_MESSAGE(en.exit_code == 0, en.err);
    CHECK(en.out.find("CA du Grand Angoulême: 38 communes, 142,933 inhabitants") !=
          std::string::npos);
    CHECK(en.out.find("road graph: 95 edges (each commune to its 4 nearest, detour 1.30, 50 "
                      "km/h); connected, no bridge needed") != std::string::npos);
    CHECK(en.out.find("wrote en/communes.csv, en/edges.csv") != std::string::npos);
    // no English sentence of the table in the French output
    for (const riposte::text::Text& t : riposte::text::all_texts()) {
        if (t.en == t.fr || t.en.size() < 12 || t.en.find('{') != std::string_view::npos) continue;
        CHECK_MESSAGE(fr.out.find(std::string(t.en)) == std::string::npos, t.en);
    }
}

TEST_CASE("cli: territory --help and the docs say which populations the table holds") {
    // INSEE legal populations 2023, in force on 1 January 2026 (Mayotte: 2017), as
    // @etalab/decoupage-administratif 6.0.0 ships them
    TempDir dir;
    const Outcome help = run_cli({"territory", "--help"}, dir.path());
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("populations légales INSEE 2023 en vigueur au 1er janvier 2026,\nMayotte "
                        "2017") != std::string::npos);
    const Outcome help_en = run_cli({"territory", "--help", "--lang", "en"}, dir.path());
    CHECK(help_en.exit_code == 0);
    CHECK(help_en.out.find("INSEE legal populations 2023 in force on 1 January 2026, Mayotte "
                           "2017") != std::string::npos);
    const fs::path root = fs::path(RIPOSTE_SCENARIO_DIR).parent_path();
    for (const char* file :
         {"README.md", "docs/territories.md", "scenarios/data/france/README.md"}) {
        CAPTURE(file);
        const std::string text = read_text(root / file);
        CHECK(text.find("légales") != std::string::npos);
        CHECK(text.find("2023") != std::string::npos);
        CHECK(text.find("in force on 1 January 2026") != std::string::npos);
        CHECK(text.find("Mayotte") != std::string::npos);
        CHECK(text.find("INSEE 2021") == std::string::npos);
    }
    const std::string guide = read_text(root / "docs" / "guide-cpts.md");
    CHECK(guide.find("populations légales INSEE 2023") != std::string::npos);
    CHECK(guide.find("en vigueur au 1er janvier 2026") != std::string::npos);
}

TEST_CASE("cli: territory --world --size refuses to write over a sized plan or recruits without "
          "--force") {
    // the files --size and --recruit write beside world.toml: a user's edited plan-sized.toml
    // or recruits are kept, as world.toml and plan.toml are; nothing is written or run
    const TempDir dir;
    for (const char* mine : {"plan-sized.toml", "world-recrues.csv", "world-recrues.toml"}) {
        const fs::path out = dir.path() / (std::string("t-") + mine);
        fs::create_directories(out);
        {
            std::ofstream f(out / mine);
            f << "# my edits\n";
        }
        std::vector<std::string> args = {"territory",  "--insee", "34079,34114,34142",
                                         "--world",    "--size",  "--out",
                                         out.string(), "--lang",  "en"};
        if (std::string(mine) != "plan-sized.toml") {
            args.emplace_back("--recruit");
            args.emplace_back("2");
        }
        const Outcome r = run_cli(args, dir.path());
        INFO(mine << ": " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(mine) != std::string::npos);
        CHECK(r.err.find("--force") != std::string::npos);
        CHECK(read_text(out / mine) == "# my edits\n");
        CHECK_FALSE(fs::exists(out / "world.toml"));
    }
}
