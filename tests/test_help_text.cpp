// The help of the CLI (`riposte --help`, `riposte help CMD`, `riposte CMD --help`): French by
// default, English with --lang en, the English texts as recorded in tests/data/help_en/ (taken
// from riposte's help before the French texts existed; regenerate with RIPOSTE_UPDATE_GOLDEN=1
// after a deliberate change of an English help, and change its French twin in
// sim/cli/help_fr.cpp too).
#include "cli_process.hpp"
#include "french_check.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using riposte::test::check_no_english;
using riposte::test::english_only_fragments;
using riposte::test::has_english_word;
using riposte::test::Outcome;
using riposte::test::run_cli;
using riposte::test::TempDir;

namespace {

const fs::path help_en_dir = fs::path(RIPOSTE_SOURCE_DIR) / "tests" / "data" / "help_en";

/// Every command with a help; "" is the main help (`riposte --help`).
const std::vector<std::string> commands = {"",          "run",    "compare", "validate",
                                           "size",      "report", "check",   "exercise",
                                           "territory", "sweep",  "merge",   "help"};

/// The help of `command` as `riposte CMD --help` prints it, with `extra` arguments appended.
Outcome help_of(const std::string& command, const std::vector<std::string>& extra,
                const fs::path& cwd) {
    std::vector<std::string> args;
    if (!command.empty()) args.push_back(command);
    args.emplace_back("--help");
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args, cwd);
}

/// The options a help names ("--seed", "--lang", ...).
std::set<std::string> options_in(const std::string& text) {
    std::set<std::string> out;
    const std::regex option(R"(--[a-z][a-z0-9-]*)");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), option);
         it != std::sregex_iterator(); ++it)
        out.insert(it->str());
    return out;
}

} // namespace

TEST_CASE("text: every help is French by default, with the same options as the English one") {
    const std::vector<std::string> english = english_only_fragments();
    TempDir dir;
    for (const std::string& command : commands) {
        const std::string name = command.empty() ? "main" : command;
        CAPTURE(name);
        const Outcome fr = help_of(command, {}, dir.path());
        REQUIRE(fr.exit_code == 0);
        CHECK(fr.err.empty());
        // every way of asking gives the same text
        const Outcome via_help =
            run_cli(command.empty() ? std::vector<std::string>{"help"}
                                    : std::vector<std::string>{"help", command},
                    dir.path());
        CHECK(via_help.exit_code == 0);
        CHECK(via_help.out == fr.out);
        CHECK(help_of(command, {"--lang", "fr"}, dir.path()).out == fr.out);
        if (command.empty()) CHECK(run_cli({"-h"}, dir.path()).out == fr.out);

        CHECK(riposte::test::contains(fr.out, "Utilisation :"));
        CHECK(riposte::test::contains(fr.out, "Codes de sortie"));
        // no English sentence: no line holds a word only English sentences hold, and no
        // English piece of the string table shows
        std::istringstream in(fr.out);
        for (std::string line; std::getline(in, line);) {
            INFO("line: " << line);
            CHECK_FALSE(has_english_word(line));
        }
        check_no_english(fr.out, english, name.c_str());

        // the French text names every option the English one names, and no other
        const Outcome en = help_of(command, {"--lang", "en"}, dir.path());
        REQUIRE(en.exit_code == 0);
        CHECK(en.out != fr.out);
        CHECK(options_in(fr.out) == options_in(en.out));
    }
}

TEST_CASE("text: every help with --lang en is the recorded English text") {
    TempDir dir;
    for (const std::string& command : commands) {
        const std::string name = command.empty() ? "main" : command;
        CAPTURE(name);
        const Outcome en = help_of(command, {"--lang", "en"}, dir.path());
        REQUIRE(en.exit_code == 0);
        // --lang before --help, and `riposte help CMD --lang en`, give the same text
        std::vector<std::string> before{"--lang=en", "--help"};
        if (!command.empty()) before.insert(before.begin(), command);
        CHECK(run_cli(before, dir.path()).out == en.out);
        std::vector<std::string> via_help{"help"};
        if (!command.empty()) via_help.push_back(command);
        via_help.insert(via_help.end(), {"--lang", "en"});
        CHECK(run_cli(via_help, dir.path()).out == en.out);

        const fs::path recorded = help_en_dir / (name + ".txt");
        if (std::getenv("RIPOSTE_UPDATE_GOLDEN")) {
            fs::create_directories(help_en_dir);
            std::ofstream(recorded, std::ios::binary) << en.out;
        }
        REQUIRE_MESSAGE(fs::exists(recorded), recorded.string() << " is missing");
        CHECK(en.out == riposte::test::read_text(recorded));
    }
}

TEST_CASE("text: help refuses a bad --lang like every command") {
    TempDir dir;
    const Outcome bad = run_cli({"help", "run", "--lang", "de"}, dir.path());
    CHECK(bad.exit_code == 2);
    CHECK(bad.out.empty());
    CHECK(riposte::test::contains(bad.err, "riposte help --help"));
}
