// The CPTS guide (docs/guide-cpts.md) cannot go stale: every command in it is run here, in
// order, in one folder, with the real binary, and what it is said to print is checked.
//   ```sh riposte-guide [exit=N]     commands, one per line, run by /bin/sh with the riposte
//                                    binary first on PATH; each must exit 0 (the last one N)
//   ```text riposte-guide-sortie     lines the block's commands print (stdout or stderr)
#include "cli_process.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using riposte::test::read_text;
using riposte::test::TempDir;

namespace {

struct Block {
    std::vector<std::string> commands;
    int exit = 0;                    ///< expected exit status of the last command
    std::vector<std::string> output; ///< lines the commands print
    int line = 0;                    ///< in the guide
};

std::vector<Block> guide_blocks(const std::string& text) {
    std::vector<Block> out;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    enum { None, Commands, Output, Other } in_block = None;
    while (std::getline(in, line)) {
        ++number;
        if (line.starts_with("```")) {
            if (in_block != None) {
                in_block = None;
                continue;
            }
            const std::string info = line.substr(3);
            if (info.starts_with("sh riposte-guide")) {
                Block b;
                b.line = number;
                if (const auto at = info.find("exit="); at != std::string::npos)
                    b.exit = std::atoi(info.c_str() + at + 5);
                out.push_back(b);
                in_block = Commands;
            } else if (info == "text riposte-guide-sortie") {
                REQUIRE_MESSAGE(!out.empty(),
                                "guide line " << number << ": output before any command");
                in_block = Output;
            } else {
                in_block = Other;
            }
            continue;
        }
        if (line.empty() || line.starts_with("#")) continue;
        if (in_block == Commands) out.back().commands.push_back(line);
        if (in_block == Output) out.back().output.push_back(line);
    }
    return out;
}

std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

} // namespace

TEST_CASE("the CPTS guide: every command in it runs and prints what the guide says") {
    const fs::path guide = fs::path(RIPOSTE_SCENARIO_DIR).parent_path() / "docs" / "guide-cpts.md";
    const std::string text = read_text(guide);
    const std::vector<Block> blocks = guide_blocks(text);
    // the seven steps, each with its commands
    for (const char* step : {"## 1. Construire votre territoire", "## 2. Décrire votre vivier",
                             "## 3. Écrire votre plan", "## 4. Le vérifier", "## 5. Le valider",
                             "## 6. Lire le rapport", "## 7. Comparer des variantes"})
        CHECK_MESSAGE(text.find(step) != std::string::npos, step);
    REQUIRE(blocks.size() >= 6);
    std::size_t commands = 0;
    for (const Block& b : blocks) commands += b.commands.size();
    CHECK(commands >= 9);

    TempDir dir;
    const std::string bin = fs::absolute(fs::path(RIPOSTE_CLI)).parent_path().string();
    for (const Block& b : blocks) {
        CAPTURE(b.line);
        REQUIRE_FALSE(b.commands.empty());
        std::string printed;
        for (std::size_t k = 0; k < b.commands.size(); ++k) {
            const std::string& command = b.commands[k];
            CAPTURE(command);
            const fs::path out = dir.path() / ".guide-output";
            const std::string shell = "cd " + shell_quote(dir.path().string()) +
                                      " && PATH=" + shell_quote(bin) + ":\"$PATH\" /bin/sh -c " +
                                      shell_quote(command) + " > " + shell_quote(out.string()) +
                                      " 2>&1";
            const int status = std::system(shell.c_str());
            REQUIRE(status != -1);
            const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            const std::string output = read_text(out);
            printed += output;
            INFO(output);
            const bool last = k + 1 == b.commands.size();
            REQUIRE_MESSAGE(code == (last ? b.exit : 0), "guide line " << b.line);
        }
        for (const std::string& expected : b.output)
            CHECK_MESSAGE(printed.find(expected) != std::string::npos,
                          "guide line " << b.line << ": not printed: " << expected << "\n"
                                        << printed);
    }
    // what the guide tells the reader to open exists
    CHECK(fs::exists(dir.path() / "cpts-angouleme" / "plan.toml"));
    CHECK(fs::exists(dir.path() / "cpts-angouleme" / "pool.csv"));
    CHECK(fs::exists(dir.path() / "validation" / "validation.json"));
    CHECK(fs::exists(dir.path() / "resultats" / "report.html"));
    CHECK(fs::exists(dir.path() / "resultats" / "kpi_summary.csv"));
    CHECK(fs::exists(dir.path() / "comparaison" / "compare.csv"));
    // the guide's plan excerpt is what the generator writes
    CHECK(read_text(dir.path() / "cpts-angouleme" / "plan.toml")
              .find("staff = { reception = 2, medical_interview = 1, injection = 2, "
                    "observation_watch = 1 }") != std::string::npos);
}

TEST_CASE("the README links the CPTS guide first") {
    const fs::path root = fs::path(RIPOSTE_SCENARIO_DIR).parent_path();
    const std::string readme = read_text(root / "README.md");
    const auto guide = readme.find("docs/guide-cpts.md");
    REQUIRE(guide != std::string::npos);
    // no other link to docs/ comes before it
    CHECK(readme.find("](docs/") == readme.find("](docs/guide-cpts.md"));
}
