// riposte territory, run as a real process (issue "Real territories"): rebuilding Metz
// Métropole from its EPCI SIREN gives the 46 communes and 232,612 inhabitants of the brief,
// and the same road graph as the reference territory shipped with the project's data.
#include "cli_process.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
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
    CHECK(o.out.find("232,612") != std::string::npos);
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
