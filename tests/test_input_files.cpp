// Hardening of the loader's inputs (issue 11, defects 3 to 6): what is not a regular file is
// refused before it is opened, bare non-ASCII TOML keys and control bytes in keys are caught
// before toml++ sees them, CSV cells must be UTF-8 text without NUL bytes, and a table's own
// errors come before the errors they cause.
#include "riposte/national.hpp"
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace riposte;

namespace {

const fs::path tiny = fs::path(RIPOSTE_SCENARIO_DIR) / "tests" / "tiny";

class ScratchDir {
  public:
    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "riposte-input-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
        for (const char* f : {"world.toml", "plan.toml", "communes.csv", "edges.csv"})
            fs::copy_file(tiny / f, path_ / f);
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] fs::path operator/(const std::string& name) const { return path_ / name; }
    void write(const std::string& name, const std::string& text) const {
        std::ofstream out(path_ / name, std::ios::binary | std::ios::trunc);
        out << text;
    }
    [[nodiscard]] std::string read(const std::string& name) const {
        std::ifstream in(path_ / name, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    /// Rewrites world.toml with `from` replaced by `to`.
    void edit_world(const std::string& from, const std::string& to) const {
        std::string w = read("world.toml");
        const auto at = w.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, "anchor not found: " << from);
        write("world.toml", w.replace(at, from.size(), to));
    }
    [[nodiscard]] LoadResult load() const {
        return load_scenario(path_ / "world.toml", path_ / "plan.toml");
    }

  private:
    fs::path path_;
};

std::string all(const Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items()) out += format_diagnostic(item) + "\n";
    return out.empty() ? "(no diagnostics)\n" : out;
}

std::string first(const Diagnostics& d) {
    return d.items().empty() ? std::string("(no diagnostics)") : format_diagnostic(d.items()[0]);
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

/// "line:column" of the first `needle` in `text` (+ `offset` bytes), columns in code points.
std::string pos(const std::string& text, const std::string& needle, std::size_t offset = 0) {
    const auto at = text.find(needle);
    REQUIRE_MESSAGE(at != std::string::npos, "needle not found: " << needle);
    int line = 1, col = 1;
    for (std::size_t k = 0; k < at + offset; ++k) {
        if (text[k] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return std::to_string(line) + ":" + std::to_string(col);
}

LoadResult load_world_text(const std::string& world) {
    std::ifstream in(tiny / "plan.toml", std::ios::binary);
    const std::string plan{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return load_scenario_text(world, "world.toml", plan, "plan.toml", tiny);
}

std::string tiny_world() {
    std::ifstream in(tiny / "world.toml", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

// ---- defect 3: devices, FIFOs, directories, size ----

TEST_CASE("a named pipe as the world file is refused at once, without waiting for a writer") {
    ScratchDir dir;
    const fs::path fifo = dir / "fifo.toml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto result =
        std::async(std::launch::async, [&] { return load_scenario(fifo, dir / "plan.toml"); });
    const bool done = result.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    if (!done) {
        // Unblock the reader (open for reading and writing never waits) before failing.
        const int fd = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
    }
    REQUIRE_MESSAGE(done, "load_scenario blocked on a FIFO");
    const LoadResult r = result.get();
    CHECK_FALSE(r.scenario);
    CHECK(starts_with(first(r.diagnostics),
                      fifo.string() + ":1:1: error: [input.not_regular] cannot read the world "
                                      "file: it is a named pipe, not a regular file"));
}

TEST_CASE("a device named as a CSV table is refused at the line that names it") {
    ScratchDir dir;
    dir.edit_world("communes = \"communes.csv\"", "communes = \"/dev/zero\"");
    const auto r = dir.load();
    INFO(all(r.diagnostics));
    CHECK_FALSE(r.scenario);
    CHECK(starts_with(first(r.diagnostics),
                      (dir / "world.toml").string() + ":" +
                          pos(dir.read("world.toml"), "\"/dev/zero\"") +
                          ": error: [input.not_regular] cannot read communes file '/dev/zero': "
                          "it is a device, not a regular file"));
}

TEST_CASE("a directory and a file over the size limit are refused with their reason") {
    ScratchDir dir;
    fs::create_directory(dir / "folder.csv");
    dir.edit_world("communes = \"communes.csv\"", "communes = \"folder.csv\"");
    auto r = dir.load();
    CHECK(first(r.diagnostics).find("[input.directory] cannot read communes file") !=
          std::string::npos);
    // A sparse file claiming 300 MB: refused from its size, without reading it.
    { std::ofstream(dir / "huge.csv").put('x'); }
    fs::resize_file(dir / "huge.csv", 300u * 1024u * 1024u);
    dir.edit_world("communes = \"folder.csv\"", "communes = \"huge.csv\"");
    r = dir.load();
    CHECK(first(r.diagnostics).find("[input.too_large] cannot read communes file") !=
          std::string::npos);
    CHECK(first(r.diagnostics).find("the file is 300 MB, more than the 256 MB riposte reads") !=
          std::string::npos);
    r = load_scenario(dir / "huge.csv", dir / "plan.toml");
    CHECK(starts_with(first(r.diagnostics),
                      (dir / "huge.csv").string() + ":1:1: error: [input.too_large]"));
}

TEST_CASE("the national commune table refuses a device with a positioned error") {
    const auto r = load_national_table("/dev/zero");
    CHECK_FALSE(r.table);
    CHECK(starts_with(first(r.diagnostics),
                      "/dev/zero:1:1: error: cannot read the national commune table: it is a "
                      "device, not a regular file"));
}

TEST_CASE("a file whose size the system does not know is read, and TOML errors follow") {
    // /proc files claim a size of 0: the reader reads what is there (bounded) and parses it.
    const auto r = load_scenario("/proc/self/status", tiny / "plan.toml");
    CHECK_FALSE(r.scenario);
    CHECK(starts_with(first(r.diagnostics), "/proc/self/status:1:"));
    CHECK(first(r.diagnostics).find("[input.") == std::string::npos);
}

// ---- defect 4: bare non-ASCII keys and control bytes in keys, before toml++ ----

TEST_CASE("a bare accented key is refused before toml++ with the key to write instead") {
    const std::string w = tiny_world() + "\n[cost]\ndurée = 7\n";
    const auto r = load_world_text(w);
    CHECK_FALSE(r.scenario);
    REQUIRE(r.diagnostics.items().size() == 1);
    CHECK(first(r.diagnostics) ==
          "world.toml:" + pos(w, "durée", 3) +
              ": error: [toml.non_ascii_key] the key 'durée' has a non-ASCII character; a key "
              "without quotes may only hold ASCII letters, digits, '_' and '-': write it "
              "without accents ('duree') or put it in quotes (\"durée\")");
}

TEST_CASE("accented table headers, dotted keys and inline-table keys are caught too") {
    auto check_key = [](const std::string& w, const std::string& needle, std::size_t offset,
                        const std::string& folded) {
        const auto r = load_world_text(w);
        INFO(all(r.diagnostics));
        CHECK(starts_with(first(r.diagnostics), "world.toml:" + pos(w, needle, offset) +
                                                    ": error: [toml.non_ascii_key]"));
        CHECK(first(r.diagnostics).find("('" + folded + "')") != std::string::npos);
    };
    check_key(tiny_world() + "\n[coût]\nx = 1\n", "[coût]", 3, "cout");
    check_key(tiny_world() + "\n[[cœur]]\n", "[[cœur]]", 3, "coeur");
    check_key(tiny_world() + "\nworld.clé = 1\n", "world.clé", 8, "cle");
    check_key(tiny_world() + "\nx = [{ a = 1 }, { Été = 2 }]\n", "Été", 0, "Ete");
    check_key(tiny_world() + "\nx = { y = { œuvre = 1 } }\n", "œuvre", 0, "oeuvre");
}

TEST_CASE("a control byte in a table header or key is refused before toml++") {
    for (const std::string bad : {std::string("[[\x01pool]]\n"), std::string("[[pool\x1f]]\n"),
                                  std::string("[\x7f]\n"), std::string("[[\0]]\n", 6)}) {
        const std::string w = tiny_world() + "\n" + bad;
        const auto r = load_world_text(w);
        INFO(all(r.diagnostics));
        CHECK_FALSE(r.scenario);
        CHECK(first(r.diagnostics).find("error: [toml.control_in_key] control character U+00") !=
              std::string::npos);
    }
}

TEST_CASE("accents in strings, comments and quoted keys are not mistaken for bare keys") {
    const std::string w = "# coût, durée, œuvre = 1\n" + tiny_world() +
                          "\n[extra]\n\"durée\" = 7\n'coût' = 'é = 1'\n"
                          "note = \"\"\"\nété = 1\n[coût]\n\"\"\"\n"
                          "other = '''\n[[cœur]]\n'''\nlist = [\n  \"é\", # ça\n  'à',\n]\n";
    const auto r = load_world_text(w);
    INFO(all(r.diagnostics));
    CHECK(all(r.diagnostics).find("toml.non_ascii_key") == std::string::npos);
    // What remains are ordinary unknown keys of [cost], reported by the reader.
    CHECK(all(r.diagnostics).find("unknown key 'extra' in the world file") != std::string::npos);
}

TEST_CASE("keys and values nested too deeply are refused before toml++, without a crash") {
    // 100,000 dotted parts used to overflow the stack inside toml++ (exit 139).
    std::string key = "a";
    for (int k = 1; k < 100000; ++k) key += ".a";
    for (const std::string& w :
         {tiny_world() + "\n" + key + " = 1\n", tiny_world() + "\n[" + key + "]\n",
          tiny_world() + "\nx = " + std::string(5000, '[') + std::string(5000, ']') + "\n",
          tiny_world() + "\n[a.a.a]\nb = { c = { d = 1 } }\n"}) {
        const auto r = load_world_text(w);
        CHECK_FALSE(r.scenario);
        const bool deep = w.size() > tiny_world().size() + 100;
        CHECK_MESSAGE((first(r.diagnostics).find("[toml.too_deep]") != std::string::npos) == deep,
                      first(r.diagnostics));
    }
}

// ---- defect 5: CSV cells that are not UTF-8 text ----

TEST_CASE("a CSV cell with a NUL byte or invalid UTF-8 is refused at the cell") {
    ScratchDir dir;
    std::string csv = dir.read("communes.csv");
    csv = csv.replace(csv.find("Gignac"), 6, std::string("Gig\0nac", 7));
    dir.write("communes.csv", csv);
    auto r = dir.load();
    INFO(all(r.diagnostics));
    CHECK(starts_with(first(r.diagnostics),
                      (dir / "communes.csv").string() + ":3:7: error: [csv.nul_byte]"));
    CHECK(all(r.diagnostics).find('\0') == std::string::npos); // never echoed back
    // A Latin-1 'è' (0xE8) in "Lodève", saved by a spreadsheet in the wrong character set.
    csv = dir.read("communes.csv");
    csv = csv.replace(csv.find(std::string("Gig\0nac", 7)), 7, "Gignac");
    csv = csv.replace(csv.find("Lodève"), 7, "Lod\xE8ve");
    dir.write("communes.csv", csv);
    r = dir.load();
    CHECK(starts_with(first(r.diagnostics),
                      (dir / "communes.csv").string() + ":4:7: error: [csv.bad_utf8]"));
    // Inside quotes, with an overlong encoding of '/'.
    csv = dir.read("communes.csv");
    csv = csv.replace(csv.find("Lod\xE8ve"), 6, "\"Lod\xC0\xAFve\"");
    dir.write("communes.csv", csv);
    r = dir.load();
    CHECK(starts_with(first(r.diagnostics),
                      (dir / "communes.csv").string() + ":4:7: error: [csv.bad_utf8]"));
}

TEST_CASE("a binary file as a CSV table stops after a bounded number of errors") {
    ScratchDir dir;
    std::string junk;
    for (int k = 0; k < 5000; ++k) junk += std::string("\x01\xff\0,\xfe\n", 6);
    dir.write("communes.csv", "insee,name,population,lat,lon\n" + junk);
    const auto r = dir.load();
    CHECK_FALSE(r.scenario);
    CHECK(r.diagnostics.items().size() < 40);
    CHECK(all(r.diagnostics).find("[csv.too_many_errors]") != std::string::npos);
}

// ---- defect 6: the cause before its consequences ----

TEST_CASE("a malformed row of communes.csv comes first, and the unknown communes it causes are "
          "marked") {
    ScratchDir dir;
    std::string csv = dir.read("communes.csv");
    csv = csv.replace(csv.find("34114,Gignac,6651"), 17, "34114,Gignac,6,651");
    dir.write("communes.csv", csv);
    const auto r = dir.load();
    INFO(all(r.diagnostics));
    CHECK_FALSE(r.scenario);
    CHECK(starts_with(first(r.diagnostics), (dir / "communes.csv").string() + ":" +
                                                pos(csv, "3.55096") +
                                                ": error: [csv.row_width] expected 5 cells"));
    bool marked = false;
    for (const auto& d : r.diagnostics.items())
        if (d.message.find("unknown commune") != std::string::npos) {
            CHECK(d.message.find("this may follow from the errors in " +
                                 (dir / "communes.csv").string()) != std::string::npos);
            marked = true;
        }
    CHECK(marked);
}
