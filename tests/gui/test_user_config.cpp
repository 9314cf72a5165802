#include "user_config.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace riposte::gui;
namespace fs = std::filesystem;

TEST_CASE("recent files: most recent first, no duplicates, at most 8, kept in the config dir") {
    const fs::path dir = fs::path{RIPOSTE_GUI_ARTIFACTS} / "user-config" / "recent";
    fs::remove_all(dir);
    RecentFiles r;
    for (int i = 0; i < 10; ++i) r.add({"w" + std::to_string(i) + ".toml", "p.toml"});
    r.add({"w5.toml", "p.toml"}); // again: moves first
    REQUIRE(r.entries().size() == RecentFiles::max_entries);
    CHECK(r.entries()[0].world == "w5.toml");
    CHECK(r.entries()[1].world == "w9.toml");
    CHECK(r.save(dir));
    RecentFiles back;
    back.load(dir);
    CHECK(back.entries() == r.entries());
    // a broken line is skipped, a missing folder is an empty list
    { std::ofstream(dir / "recent.txt", std::ios::app) << "no tab here\n"; }
    back.load(dir);
    CHECK(back.entries().size() == RecentFiles::max_entries);
    RecentFiles none;
    none.load(dir / "absent");
    CHECK(none.entries().empty());
}

TEST_CASE("the file dialog lists folders first, then the files of the extension, hidden left out") {
    const fs::path dir = fs::path{RIPOSTE_GUI_ARTIFACTS} / "user-config" / "listing";
    fs::remove_all(dir);
    fs::create_directories(dir / "b-folder");
    fs::create_directories(dir / ".hidden");
    for (const char* f : {"z.toml", "a.toml", "notes.txt", ".secret.toml"}) std::ofstream(dir / f);
    const DirListing l = list_directory(dir, ".toml");
    CHECK(l.error.empty());
    REQUIRE(l.entries.size() == 3);
    CHECK(l.entries[0].name == "b-folder");
    CHECK(l.entries[0].folder);
    CHECK(l.entries[1].name == "a.toml");
    CHECK(l.entries[2].name == "z.toml");
    const DirListing missing = list_directory(dir / "absent", ".toml");
    CHECK(missing.entries.empty());
    CHECK_FALSE(missing.error.empty());
}

TEST_CASE("the config folder: RIPOSTE_CONFIG_DIR, else XDG_CONFIG_HOME/riposte, else ~/.config") {
    const char* saved = std::getenv("RIPOSTE_CONFIG_DIR");
    const std::string keep = saved ? saved : "";
    const char* saved_xdg = std::getenv("XDG_CONFIG_HOME");
    const std::string keep_xdg = saved_xdg ? saved_xdg : "";
    ::setenv("RIPOSTE_CONFIG_DIR", "/tmp/x-riposte", 1);
    CHECK(user_config_dir() == fs::path{"/tmp/x-riposte"});
    ::unsetenv("RIPOSTE_CONFIG_DIR");
    ::setenv("XDG_CONFIG_HOME", "/tmp/xdg", 1);
    CHECK(user_config_dir() == fs::path{"/tmp/xdg/riposte"});
    ::unsetenv("XDG_CONFIG_HOME");
    if (saved_xdg) ::setenv("XDG_CONFIG_HOME", keep_xdg.c_str(), 1);
    if (saved) ::setenv("RIPOSTE_CONFIG_DIR", keep.c_str(), 1);
}
