// The bad-input corpus (issue 11): every case is a small change to the tiny scenario, run
// through the real `riposte check world.toml plan.toml` under a timeout. A bad case must exit 2
// and print first a diagnostic `file:line:column: error: [id]`: the corpus asserts the file,
// the position and the message id, never the wording (which will become French). A valid case
// (accents, œ, CRLF, BOM) must exit 0 and print "ok". No case may crash, hang or exit 1.
#include "cli_process.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <sys/stat.h>

namespace fs = std::filesystem;
using riposte::test::CliProcess;
using riposte::test::Outcome;
using riposte::test::read_text;
using riposte::test::TempDir;
using riposte::test::write_text;

namespace {

const fs::path tiny = fs::path(RIPOSTE_SCENARIO_DIR) / "tests" / "tiny";

/// One change to a file of the scenario: replace `from` (which must occur) by `to`; with an
/// empty `from`, the whole file becomes `to`.
struct Edit {
    std::string file;
    std::string from;
    std::string to;
    bool append = false;
};

struct Case {
    std::string name;
    std::vector<Edit> edits;
    /// The beginning of the first line on standard error ("world.toml:7:8: error: [id]"), or,
    /// for a valid case, "ok" (the beginning of standard output).
    std::string first;
    /// Extra preparation in the scenario directory (FIFOs, sparse files, directories).
    std::function<void(const fs::path&)> prepare = {};
};

Edit replace(std::string file, std::string from, std::string to) {
    return {std::move(file), std::move(from), std::move(to)};
}
Edit whole(std::string file, std::string text) {
    return {std::move(file), {}, std::move(text)};
}
/// Appends `text` to `file`.
Edit append(std::string file, std::string text) {
    return {std::move(file), {}, std::move(text), true};
}

std::string crlf(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

const std::string bom = "\xEF\xBB\xBF";

void sparse(const fs::path& p, std::uintmax_t bytes) {
    write_text(p, "x");
    fs::resize_file(p, bytes);
}

std::vector<Case> corpus() {
    const std::string W = "world.toml", P = "plan.toml", C = "communes.csv", E = "edges.csv";
    const std::string W_text = read_text(tiny / W), P_text = read_text(tiny / P),
                      C_text = read_text(tiny / C), E_text = read_text(tiny / E);
    const std::string big_key = [] {
        std::string k = "a";
        for (int i = 1; i < 20000; ++i) k += ".a";
        return k;
    }();
    std::vector<Case> cs = {
        // ---- empty and binary files ----
        {"empty world file", {whole(W, "")}, "world.toml:1:1: error: [key.missing]"},
        {"empty plan file", {whole(P, "")}, "plan.toml:1:1: error: [key.missing]"},
        {"empty communes table", {whole(C, "")}, "communes.csv:1:1: error: [csv.header]"},
        {"world file holding only a BOM", {whole(W, bom)}, "world.toml:1:1: error: [key.missing]"},
        {"binary world file",
         {whole(W, std::string("\x7f"
                               "ELF\x02\x01\x01\0\0\0",
                               10))},
         "world.toml:1:1: error: [toml.control_in_key]"},
        {"binary world file starting with a NUL",
         {whole(W, std::string("\0\x01\x02", 3))},
         "world.toml:1:1: error: [toml.control_in_key]"},
        {"binary communes table",
         {whole(C, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16))},
         "communes.csv:1:1: error: [csv.bad_utf8]"},
        {"NUL byte in a commune name",
         {replace(C, "Gignac", std::string("Gig\0nac", 7))},
         "communes.csv:3:7: error: [csv.nul_byte]"},
        // ---- size limit ----
        {"world file over the size limit",
         {},
         "world.toml:1:1: error: [input.too_large]",
         [](const fs::path& d) { sparse(d / "world.toml", 257u * 1024u * 1024u); }},
        {"communes table over the size limit",
         {},
         "world.toml:10:12: error: [input.too_large]",
         [](const fs::path& d) { sparse(d / "communes.csv", 300u * 1024u * 1024u); }},
        // ---- devices, FIFOs, directories ----
        {"communes table is /dev/zero",
         {replace(W, "\"communes.csv\"", "\"/dev/zero\"")},
         "world.toml:10:12: error: [input.not_regular]"},
        {"edges table is /dev/null",
         {replace(W, "\"edges.csv\"", "\"/dev/null\"")},
         "world.toml:11:9: error: [input.not_regular]"},
        {"world file is a FIFO",
         {},
         "world.toml:1:1: error: [input.not_regular]",
         [](const fs::path& d) {
             fs::remove(d / "world.toml");
             REQUIRE(::mkfifo((d / "world.toml").c_str(), 0600) == 0);
         }},
        {"plan file is a FIFO",
         {},
         "plan.toml:1:1: error: [input.not_regular]",
         [](const fs::path& d) {
             fs::remove(d / "plan.toml");
             REQUIRE(::mkfifo((d / "plan.toml").c_str(), 0600) == 0);
         }},
        {"communes table is a FIFO",
         {},
         "world.toml:10:12: error: [input.not_regular]",
         [](const fs::path& d) {
             fs::remove(d / "communes.csv");
             REQUIRE(::mkfifo((d / "communes.csv").c_str(), 0600) == 0);
         }},
        {"edges table is a symbolic link to /dev/urandom",
         {},
         "world.toml:11:9: error: [input.not_regular]",
         [](const fs::path& d) {
             fs::remove(d / "edges.csv");
             fs::create_symlink("/dev/urandom", d / "edges.csv");
         }},
        {"communes table is a directory",
         {replace(W, "\"communes.csv\"", "\"data\"")},
         "world.toml:10:12: error: [input.directory]",
         [](const fs::path& d) { fs::create_directory(d / "data"); }},
        {"world file is a directory",
         {},
         "world.toml:1:1: error: [input.directory]",
         [](const fs::path& d) {
             fs::remove(d / "world.toml");
             fs::create_directory(d / "world.toml");
         }},
        {"communes table missing",
         {replace(W, "\"communes.csv\"", "\"nope.csv\"")},
         "world.toml:10:12: error: [input.missing]"},
        {"scope file missing",
         {replace(W, "[world]", "scope = \"nope.toml\"\n\n[world]")},
         "world.toml:4:9: error: [input.missing]"},
        // ---- dangling references ----
        {"pool profession unknown",
         {replace(W, "profession = \"medecin\"", "profession = \"medcin\"")},
         "world.toml:29:14: error: [ref.unknown]"},
        {"pool commune unknown",
         {replace(W, "commune = \"Gignac\"", "commune = \"Gignak\"")},
         "world.toml:36:11: error: [ref.unknown]"},
        {"pool commune empty",
         {replace(W, "commune = \"Gignac\"", "commune = \"\"")},
         "world.toml:36:11: error: [ref.empty]"},
        {"pool commune name ambiguous",
         {replace(C, "Lodève", "Gignac")},
         "world.toml:36:11: error: [ref.ambiguous]"},
        {"edge to an unknown commune",
         {replace(E, "34079,34142", "34079,34999")},
         "edges.csv:3:7: error: [ref.unknown]"},
        {"edge from a commune to itself",
         {replace(E, "34079,34142", "34079,34079")},
         "edges.csv:3:1: error: [ref.self_edge]"},
        {"duplicate INSEE code",
         {replace(C, "34142,", "34114,")},
         "communes.csv:4:1: error: [ref.duplicate]"},
        {"centre commune unknown",
         {replace(P, "commune = \"34114\"", "commune = \"34000\"")},
         "plan.toml:13:11: error: [ref.unknown]"},
        {"station role unknown",
         {replace(P, "role = \"swab\"", "role = \"swap\"")},
         "plan.toml:63:10: error: [ref.unknown]"},
        {"shift staff role unknown",
         {replace(P, "staff = { reception = 1, swab = 1 }",
                  "staff = { reception = 1, swabb = 1 }")},
         "plan.toml:74:28: error: [ref.unknown]"},
        {"delivery to an unknown centre",
         {replace(W, "[[delivery]]\nday = 0\n", "[[delivery]]\nday = 0\ncentre = \"Gignak\"\n")},
         "world.toml:54:10: error: [ref.unknown]"},
        {"centre vaccine unknown",
         {replace(P, "doses_per_slot = 1", "doses_per_slot = 1\nvaccine = \"Pfizer\"")},
         "plan.toml:19:11: error: [ref.unknown]"},
        // ---- impossible dates and times ----
        {"start date 30 February (TOML date)",
         {replace(W, "2021-04-05", "2021-02-30")},
         "world.toml:6:24: error: [toml.syntax]"},
        {"start date 29 February of a common year",
         {replace(W, "start_date = 2021-04-05", "start_date = \"2021-02-29\"")},
         "world.toml:6:23: error: [value.bad_text]"},
        {"start date in 1800",
         {replace(W, "start_date = 2021-04-05", "start_date = \"1800-01-01\"")},
         "world.toml:6:15: error: [value.bad_text]"},
        {"opening hour 25:00",
         {replace(P, "opens = \"09:00\"\nclos", "opens = \"25:00\"\nclos")},
         "plan.toml:15:10: error: [value.bad_text]"},
        {"opening minute 60",
         {replace(P, "opens = \"09:00\"\nclos", "opens = \"09:60\"\nclos")},
         "plan.toml:15:13: error: [value.bad_text]"},
        {"closing at 24:01",
         {replace(P, "closes = \"17:00\"", "closes = \"24:01\"")},
         "plan.toml:16:11: error: [value.bad_text]"},
        {"TOML time 25:00:00",
         {replace(P, "opens = \"09:00\"\nclos", "opens = 25:00:00\nclos")},
         "plan.toml:15:11: error: [toml.syntax]"},
        {"unknown weekday",
         {replace(P, "days = \"mon-fri\"", "days = \"mon-fry\"")},
         "plan.toml:14:13: error: [value.bad_text]"},
        // ---- NaN and infinite values ----
        {"NaN share",
         {replace(W, "share = 0.1", "share = nan")},
         "world.toml:15:9: error: [value.not_finite]"},
        {"infinite weekly hours",
         {replace(W, "weekly_hours = 12\n", "weekly_hours = inf\n")},
         "world.toml:32:16: error: [value.not_finite]"},
        {"minus infinity no-show",
         {replace(W, "no_show = 0.01", "no_show = -inf")},
         "world.toml:23:11: error: [value.not_finite]"},
        {"NaN latitude in the communes table",
         {replace(C, "43.65207", "nan")},
         "communes.csv:3:19: error: [csv.bad_value]"},
        {"infinite travel time in the edges table",
         {replace(E, "17.6", "inf")},
         "edges.csv:2:19: error: [csv.bad_value]"},
        {"NaN inside a distribution",
         {replace(P, "service = \"3 + exp(1.43)\"", "service = \"3 + exp(nan)\"")},
         "plan.toml:23:22: error: [value.bad_distribution]"},
        // ---- huge numbers ----
        {"10^12 inhabitants in a commune",
         {replace(C, "6651", "1000000000000")},
         "communes.csv:3:14: error: [value.out_of_range]"},
        {"10^12 professionals in a pool entry",
         {replace(W, "count = 3\nweekly_hours = 12", "count = 1000000000000\nweekly_hours = 12")},
         "world.toml:31:9: error: [value.out_of_range]"},
        {"10^9 days",
         {replace(W, "days = 7", "days = 1000000000")},
         "world.toml:7:8: error: [value.out_of_range]"},
        {"10^12 doses delivered",
         {replace(W, "doses = 600", "doses = 1000000000000")},
         "world.toml:54:9: error: [value.out_of_range]"},
        {"delivery on day 10^9",
         {replace(W, "[[delivery]]\nday = 0\n", "[[delivery]]\nday = 1000000000\n")},
         "world.toml:53:7: error: [value.out_of_range]"},
        {"integer beyond 64 bits",
         {replace(W, "days = 7", "days = 99999999999999999999")},
         "world.toml:7:28: error: [toml.syntax]"},
        // ---- deep nesting ----
        {"arrays nested 10,000 deep",
         {append(W, "x = " + std::string(10000, '[') + std::string(10000, ']') + "\n")},
         "world.toml:66:132: error: [toml.too_deep]"},
        {"inline tables nested 1,000 deep",
         {append(W,
                 [] {
                     std::string s = "x = ";
                     for (int i = 0; i < 1000; ++i) s += "{a=";
                     s += "1";
                     for (int i = 0; i < 1000; ++i) s += "}";
                     return s + "\n";
                 }())},
         "world.toml:66:386: error: [toml.too_deep]"},
        {"dotted key of 20,000 parts",
         {append(W, big_key + " = 1\n")},
         "world.toml:66:258: error: [toml.too_deep]"},
        {"table header of 20,000 parts",
         {append(W, "[" + big_key + "]\n")},
         "world.toml:66:259: error: [toml.too_deep]"},
        // ---- bad UTF-8 ----
        {"Latin-1 byte in a TOML string",
         {replace(W, "Tiny test territory", "Tiny t\xE9st")},
         "world.toml:5:14: error: [toml.syntax]"},
        {"overlong UTF-8 in a TOML comment",
         {replace(W, "# a Monday", "# a \xC0\xAF Monday")},
         "world.toml:6:28: error: [toml.syntax]"},
        {"Latin-1 byte in a commune name",
         {replace(C, "Lodève", "Lod\xE8ve")},
         "communes.csv:4:7: error: [csv.bad_utf8]"},
        {"surrogate code point in a commune name",
         {replace(C, "Lodève", "Lod\xED\xA0\x80ve")},
         "communes.csv:4:7: error: [csv.bad_utf8]"},
        {"truncated UTF-8 at the end of the communes table",
         {append(C, "34999,X\xC3")},
         "communes.csv:5:7: error: [csv.bad_utf8]"},
        // ---- duplicate keys ----
        {"duplicate key",
         {replace(W, "days = 7", "days = 7\ndays = 8")},
         "world.toml:8:8: error: [toml.syntax]"},
        {"duplicate table",
         {append(W, "[world]\nname = \"again\"\n")},
         "world.toml:66:1: error: [toml.syntax]"},
        {"duplicate column in the communes table",
         {replace(C, "insee,name,population,lat,lon", "insee,name,population,lat,lon,name")},
         "communes.csv:1:31: error: [csv.header]"},
        {"missing column in the communes table",
         {replace(C, "insee,name,population,lat,lon", "insee,name,population,lat")},
         "communes.csv:1:1: error: [csv.header]"},
        // ---- accents where they are not allowed ----
        {"bare accented key",
         {append(W, "[cost]\ndurée = 7\n")},
         "world.toml:67:4: error: [toml.non_ascii_key]"},
        {"accented table header",
         {append(W, "[coût]\n")},
         "world.toml:66:4: error: [toml.non_ascii_key]"},
        {"œ in a bare key",
         {replace(P, "[booking]", "[booking]\nœuvre = 1")},
         "plan.toml:7:1: error: [toml.non_ascii_key]"},
        {"control byte after [[",
         {append(P, "[[\x01"
                    "centre]]\n")},
         "plan.toml:75:3: error: [toml.control_in_key]"},
        // ---- the replacement list ([replacement], issue 12 §3) ----
        {"replacement list: enabled not a boolean",
         {append(P, "[replacement]\nenabled = \"oui\"\n")},
         "plan.toml:76:11: error: [value.type]"},
        {"replacement list: call_minutes as text",
         {append(P, "[replacement]\ncall_minutes = \"60\"\n")},
         "plan.toml:76:16: error: [value.type]"},
        {"replacement list: negative call_minutes",
         {append(P, "[replacement]\ncall_minutes = -5\n")},
         "plan.toml:76:16: error: [value.out_of_range]"},
        {"replacement list: misspelt key",
         {append(P, "[replacement]\ncall_minute = 60\n")},
         "plan.toml:76:1: error: [key.unknown]"},
        {"replacement list on",
         {append(P, "[replacement]\nenabled = true\ncall_minutes = 45\n")},
         "ok"},
        // ---- valid: CRLF, BOM, accents and œ where they are allowed ----
        {"CRLF world and plan", {whole(W, crlf(W_text)), whole(P, crlf(P_text))}, "ok"},
        {"CRLF communes and edges tables", {whole(C, crlf(C_text)), whole(E, crlf(E_text))}, "ok"},
        {"BOM on every file",
         {whole(W, bom + W_text), whole(P, bom + P_text), whole(C, bom + C_text),
          whole(E, bom + E_text)},
         "ok"},
        {"BOM and CRLF together",
         {whole(W, bom + crlf(W_text)), whole(C, bom + crlf(C_text))},
         "ok"},
        {"accents and œ in names and comments",
         {replace(W, "Tiny test territory", "Cœur d'Hérault — été"),
          replace(P, "name = \"Gignac\"", "name = \"Œuvre de Gignac, salle des fêtes\""),
          replace(P, "# Tiny plan", "# Plan minuscule : à l'œil, ça marche\n# Tiny plan")},
         "ok"},
        {"a commune named with accents and œ", {replace(C, "Lodève", "Lodève-sur-Œuf")}, "ok"},
        {"a centre's commune given by an accented name",
         {replace(P, "commune = \"34114\"", "commune = \"Lodève\"")},
         "ok"},
        {"accents in a comment between tables",
         {replace(W, "[territory]", "[territory]\n# \"durée\" in a comment")},
         "ok"},
    };
    return cs;
}

void apply(const fs::path& dir, const Edit& e) {
    const fs::path p = dir / e.file;
    if (e.append) {
        write_text(p, read_text(p) + e.to);
        return;
    }
    if (e.from.empty()) {
        write_text(p, e.to);
        return;
    }
    std::string text = read_text(p);
    const auto at = text.find(e.from);
    REQUIRE_MESSAGE(at != std::string::npos, e.file << ": anchor not found: " << e.from);
    write_text(p, text.replace(at, e.from.size(), e.to));
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

} // namespace

TEST_CASE("bad-input corpus: every case exits as expected with its first line, within 20 s") {
    const auto cases = corpus();
    CHECK(cases.size() >= 60);
    int valid = 0, bad = 0;
    for (const Case& c : cases) {
        CAPTURE(c.name);
        TempDir dir;
        for (const char* f : {"world.toml", "plan.toml", "communes.csv", "edges.csv"})
            fs::copy_file(tiny / f, dir.path() / f);
        for (const Edit& e : c.edits) apply(dir.path(), e);
        if (c.prepare) c.prepare(dir.path());
        CliProcess proc({"check", "world.toml", "plan.toml", "--lang", "en"}, dir.path());
        const Outcome o = proc.finish_within(std::chrono::seconds(20));
        REQUIRE_FALSE_MESSAGE(o.timed_out, "hung: killed after 20 s");
        const std::string err1 = first_line(o.err);
        CAPTURE(err1);
        if (std::getenv("RIPOSTE_CORPUS_LIST"))
            MESSAGE(c.name << " => " << o.exit_code << " " << err1);
        if (c.first == "ok") {
            ++valid;
            CHECK_MESSAGE(o.exit_code == 0, o.err);
            CHECK(o.out.rfind("ok", 0) == 0);
            continue;
        }
        ++bad;
        CHECK(o.exit_code == 2);
        // Always file:line:column: error: [id], whatever else the case pins down.
        const auto colon = err1.find(": error: [");
        CHECK_MESSAGE(colon != std::string::npos, "no 'error: [id]' in the first line");
        CHECK(err1.rfind(c.first, 0) == 0);
        if (colon != std::string::npos) {
            const std::string where = err1.substr(0, colon);
            const auto c2 = where.rfind(':');
            const auto c1 = where.rfind(':', c2 - 1);
            REQUIRE(c1 != std::string::npos);
            CHECK(std::stoi(where.substr(c1 + 1, c2 - c1 - 1)) >= 1);
            CHECK(std::stoi(where.substr(c2 + 1)) >= 1);
        }
    }
    CHECK(valid >= 8);
    CHECK(bad >= 60);
}
