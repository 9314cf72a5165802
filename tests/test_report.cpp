// The HTML report: the readers of riposte's own files, the SVG charts, and `riposte report`
// / `--report` run as real processes.
#include "cli_process.hpp"
#include "riposte/report.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace fs = std::filesystem;
using namespace riposte;
using riposte::test::contains;
using riposte::test::count_of;
using riposte::test::Outcome;
using riposte::test::read_text;
using riposte::test::run_cli;
using riposte::test::TempDir;

namespace {

const fs::path herault = fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault";

/// No resource is fetched from the network: no URL at all in the document.
void check_self_contained(const std::string& html) {
    CHECK_FALSE(contains(html, "http"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "<link"));
    CHECK_FALSE(contains(html, "<img"));
    CHECK_FALSE(contains(html, "url("));
}

} // namespace

TEST_CASE("parse_csv reads quoted fields, doubled quotes and line breaks inside quotes") {
    std::string error;
    const auto t =
        parse_csv("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n", "t.csv", error);
    REQUIRE_MESSAGE(t, error);
    CHECK(t->header == std::vector<std::string>{"a", "b", "c"});
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows[0][1] == "x, y");
    CHECK(t->rows[0][2] == "say \"hi\"");
    CHECK(t->rows[1][1] == "two\nlines");
    CHECK(t->rows[1][2].empty());
    CHECK(t->column("c") == 2);
    CHECK(t->column("nope") == -1);
}

TEST_CASE("parse_csv reports a malformed file with its line") {
    std::string error;
    CHECK_FALSE(parse_csv("a,b\n1,2\n3\n", "bad.csv", error));
    CHECK(error == "bad.csv:3: error: expected 2 fields as in the header, found 1");
    CHECK_FALSE(parse_csv("a,b\n1,\"open\n", "q.csv", error));
    CHECK(contains(error, "q.csv:2: error: a quoted field is never closed"));
    CHECK_FALSE(parse_csv("", "empty.csv", error));
    CHECK(contains(error, "empty.csv:1: error: empty file"));
}

TEST_CASE("parse_json reads documents and reports errors with the line") {
    std::string error;
    const auto v = parse_json(R"({"a": [1, -2.5e1, true, null], "s": "\u00e9\n\"q\"", "o": {}})",
                              "x.json", error);
    REQUIRE_MESSAGE(v, error);
    const JsonValue* a = v->find("a");
    REQUIRE(a != nullptr);
    REQUIRE(a->array.size() == 4);
    CHECK(a->array[1].number == -25);
    CHECK(a->array[2].boolean);
    CHECK(a->array[3].type == JsonValue::Type::Null);
    CHECK(v->text("s") == "é\n\"q\"");
    CHECK(v->num("missing", 7) == 7);
    CHECK_FALSE(parse_json("{\n\"a\": 1,\n}", "y.json", error));
    CHECK(contains(error, "y.json:3: error:"));
    CHECK_FALSE(parse_json("[1] 2", "z.json", error));
}

TEST_CASE("nice_ticks covers the range with round steps") {
    const auto t = nice_ticks(0, 87);
    REQUIRE(t.size() >= 3);
    CHECK(t.front() <= 0);
    CHECK(t.back() >= 87);
    CHECK(t[1] - t[0] == doctest::Approx(20));
    const auto s = nice_ticks(0.3, 0.71);
    CHECK(s.front() <= 0.3 + 1e-9);
    CHECK(s.back() >= 0.71 - 1e-9);
    CHECK(s[1] - s[0] == doctest::Approx(0.1));
    CHECK(nice_ticks(5, 5).size() >= 2);
}

TEST_CASE("svg_line_chart draws axes, series, the legend and a labelled threshold") {
    LineChart c;
    c.title = "Waits <Clermont & co>";
    c.y_label = "minutes";
    c.series.push_back(
        {"p90", "#0072B2", {0, 1, 2, 3}, {10, 35, std::nan(""), 12}, {}, false, false});
    c.series.push_back({"p50", "", {0, 1, 2, 3}, {3, 8, 4, 2}, {}, true, false});
    c.lines.push_back({30, "target 30 min", "#c62828"});
    c.highlight_from = 0.5;
    c.highlight_to = 1.5;
    c.highlight_label = "worst day";
    const std::string svg = svg_line_chart(c);
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(svg.size() > 500);
    CHECK(contains(svg, "</svg>"));
    CHECK(contains(svg, "Waits &lt;Clermont &amp; co&gt;")); // escaped title
    CHECK_FALSE(contains(svg, "<Clermont"));
    CHECK(contains(svg, ">target 30 min<"));
    CHECK(contains(svg, ">worst day<"));
    CHECK(contains(svg, ">p90<"));
    CHECK(contains(svg, "stroke-dasharray"));
    // the NaN breaks the p90 line into two pieces: two moves in its path
    const std::size_t path = svg.find("<path d=\"M");
    REQUIRE(path != std::string::npos);
    const std::string d = svg.substr(path, svg.find('"', path + 9) - path);
    CHECK(count_of(d, "M") == 2);
    // axis ticks reach past the threshold (35 is the highest value)
    CHECK(contains(svg, ">40<"));
    check_self_contained(svg);
}

TEST_CASE("svg_bar_chart: stacked, horizontal, coloured and labelled bars") {
    BarChart c;
    c.title = "Doses";
    c.categories = {"Clermont", "Gignac"};
    c.series.push_back({"used", "#0072B2", {}, {6700, 2300}, {}, false, false});
    c.series.push_back({"wasted", "#D55E00", {}, {50, 20}, {}, false, false});
    c.stacked = true;
    c.horizontal = true;
    c.bar_labels = {"0.7%", "0.9%"};
    const std::string svg = svg_bar_chart(c);
    CHECK(count_of(svg, "<rect") >= 5); // background + 4 bar segments
    CHECK(contains(svg, ">Clermont<"));
    CHECK(contains(svg, ">0.9%<"));
    CHECK(contains(svg, ">used<"));
    CHECK(contains(svg, "fill=\"#D55E00\""));

    BarChart g;
    g.title = "Differences";
    g.categories = {"a", "b", "c"};
    g.series.push_back({"B", "", {}, {-12, 4, 0.5}, {3, 5, 1}, false, false});
    g.category_colours = {"#2e7d32", "#9e9e9e", "#c62828"};
    g.decimal_mark = ',';
    const std::string gs = svg_bar_chart(g);
    CHECK(contains(gs, "fill=\"#2e7d32\""));
    CHECK(contains(gs, "fill=\"#c62828\""));
    CHECK(contains(gs, ">-15<")); // the value axis covers the negative whisker (-12 - 3)
    check_self_contained(gs);
}

TEST_CASE("html_escape and parse_language") {
    CHECK(html_escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
    CHECK(parse_language("fr") == Language::French);
    CHECK(parse_language("EN") == Language::English);
    CHECK_FALSE(parse_language("de"));
}

TEST_CASE("run --report writes a self-contained French report with one SVG per chart") {
    TempDir dir;
    const Outcome o = run_cli({"run", "--replications", "3", "--out", "r", "--report"}, dir.path());
    REQUIRE_MESSAGE(o.exit_code == 0, o.err);
    CHECK(contains(o.out, "Rapport : r/report.html"));
    const std::string html = read_text(dir.path() / "r" / "report.html");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html, "<html lang=\"fr\">"));
    CHECK(contains(html, "</html>"));
    check_self_contained(html);
    // every chart of the brief is there, as inline SVG
    for (const char* id : {"throughput", "waits", "queue", "coverage", "staff", "doses", "travel"})
        CHECK_MESSAGE(contains(html, std::string("<section id=\"") + id + "\">"), id);
    const std::size_t svgs = count_of(html, "<svg");
    CHECK(svgs == count_of(html, "</svg>"));
    CHECK(svgs == count_of(html, "<figure>"));
    CHECK(svgs >= 10); // throughput, 4 centres' waits, queue, coverage, staff, doses, travel
    // French strings, and the plan's weak points first
    CHECK(contains(html, "Points d&#39;attention"));
    CHECK(contains(html, "Attente par jour et par centre"));
    CHECK(contains(html, "Communes par temps de trajet"));
    CHECK(html.find("Points d&#39;attention") < html.find("Indicateurs clés"));
    CHECK_FALSE(contains(html, "Weak points at a glance"));
    CHECK(contains(html, "pire jour"));
    // the footer says what the populations are (the world's population_source)
    const auto footer = html.find("<footer>");
    REQUIRE(footer != std::string::npos);
    CHECK(html.find("Populations : INSEE, populations légales 2023 en vigueur au 1er janvier 2026 "
                    "(Mayotte : 2017).",
                    footer) != std::string::npos);
}

TEST_CASE("report --lang en on an earlier results folder, fr and en differ only in words") {
    TempDir dir;
    REQUIRE(
        run_cli({"run", "--replications", "2", "--out", "r", "--quiet"}, dir.path()).exit_code ==
        0);
    const Outcome en =
        run_cli({"report", "r", "--lang", "en", "--out", "en/report.html"}, dir.path());
    REQUIRE_MESSAGE(en.exit_code == 0, en.err);
    const Outcome fr = run_cli({"report", "r", "--quiet"}, dir.path());
    REQUIRE_MESSAGE(fr.exit_code == 0, fr.err);
    CHECK(fr.out.empty());
    const std::string e = read_text(dir.path() / "en" / "report.html");
    const std::string f = read_text(dir.path() / "r" / "report.html");
    CHECK(contains(e, "<html lang=\"en\">"));
    CHECK(contains(e, "Weak points at a glance"));
    CHECK(contains(e, "Waiting time per day and centre"));
    CHECK(contains(e, "Communes by travel time"));
    CHECK_FALSE(contains(e, "Points d&#39;attention"));
    CHECK(contains(f, "Points d&#39;attention"));
    CHECK(count_of(e, "<svg") == count_of(f, "<svg"));
    check_self_contained(e);
    // French numbers use a decimal comma
    CHECK(std::regex_search(f, std::regex(R"(<td class="n">\d+,\d+</td>)")));
    CHECK(std::regex_search(e, std::regex(R"(<td class="n">\d+\.\d+</td>)")));
}

TEST_CASE("report of a validation folder shows the verdicts, of a comparison, the differences") {
    TempDir dir;
    const std::string world = (herault / "world.toml").string();
    const Outcome v = run_cli({"validate", world, (herault / "plan-understaffed.toml").string(),
                               "--replications", "2", "--out", "v", "--report", "--quiet"},
                              dir.path());
    CHECK(v.exit_code == 1);
    const std::string vh = read_text(dir.path() / "v" / "report.html");
    CHECK(contains(vh, "<section id=\"validation\">"));
    CHECK(contains(vh, "NON CONFORME"));
    CHECK(contains(vh, "Clermont-l&#39;Hérault, 2021-04-"));
    CHECK(contains(vh, "objectif p90")); // the target line on the wait charts
    CHECK(contains(vh, "class=\"pr\"")); // a red weak point
    check_self_contained(vh);

    const Outcome c = run_cli({"compare", world, (herault / "plan.toml").string(),
                               (herault / "plan-extra-line.toml").string(), "--replications", "3",
                               "--out", "c", "--report", "--lang", "en", "--quiet"},
                              dir.path());
    REQUIRE_MESSAGE(c.exit_code == 0, c.err);
    const std::string ch = read_text(dir.path() / "c" / "report.html");
    CHECK(contains(ch, "<section id=\"comparison\">"));
    CHECK(contains(ch, "Plan B against plan A"));
    CHECK(count_of(ch, "<svg") >= 2);
    check_self_contained(ch);
}

TEST_CASE("report: bad folders exit 2 with a message naming the file") {
    TempDir dir;
    fs::create_directory(dir.path() / "empty");
    const Outcome empty = run_cli({"report", "empty"}, dir.path());
    CHECK(empty.exit_code == 2);
    CHECK(contains(empty.err, "empty : erreur : aucun résultat riposte ici"));
    CHECK(contains(run_cli({"report", "empty", "--lang", "en"}, dir.path()).err,
                   "empty: error: no riposte results here"));
    CHECK(contains(run_cli({"report", "missing"}, dir.path()).err,
                   "missing : erreur : ce n'est pas un dossier"));
    CHECK(run_cli({"report", "missing"}, dir.path()).exit_code == 2);
    CHECK(run_cli({"report"}, dir.path()).exit_code == 2);
    CHECK(run_cli({"report", "empty", "--lang", "xx"}, dir.path()).exit_code == 2);

    REQUIRE(run_cli({"run", "--out", "r", "--quiet"}, dir.path()).exit_code == 0);
    {
        std::ofstream bad(dir.path() / "r" / "centre_day.csv", std::ios::app);
        bad << "only,three,fields\n";
    }
    // a file changed after the run no longer belongs to it: the folder is refused, naming it
    const Outcome malformed = run_cli({"report", "r"}, dir.path());
    CHECK(malformed.exit_code == 2);
    CHECK(std::regex_search(malformed.err,
                            std::regex(R"(centre_day\.csv: does not come from the same run)")));
    CHECK_FALSE(fs::exists(dir.path() / "r" / "report.html"));
}

TEST_CASE("report: the waits caption mentions a target line only when the plan has a target") {
    TempDir dir;
    // the default plan states no wait target; the Metz plan states a p90 target
    REQUIRE(run_cli({"run", "-o", "none", "--quiet", "--report"}, dir.path()).exit_code == 0);
    const fs::path sc = fs::path(RIPOSTE_SCENARIO_DIR) / "metz-et-environs";
    REQUIRE(run_cli({"run", sc.string(), "-o", "target", "--quiet", "--report"}, dir.path())
                .exit_code == 0);
    const std::string none = read_text(dir.path() / "none" / "report.html");
    const std::string with = read_text(dir.path() / "target" / "report.html");
    // (apostrophes are escaped in the HTML: match around them)
    CHECK_FALSE(contains(none, "La ligne rouge pointillée est"));
    CHECK(contains(none, "Le plan ne fixe pas"));
    CHECK(contains(with, "La ligne rouge pointillée est"));
    CHECK_FALSE(contains(with, "Le plan ne fixe pas"));
}

TEST_CASE("report: whole numbers have no decimals (counts read as counts)") {
    TempDir dir;
    // 28 days with a 28-day interval: nobody completes the schedule, in every replication
    REQUIRE(run_cli({"run", "-n", "2", "-o", "r", "--quiet", "--report"}, dir.path()).exit_code ==
            0);
    const std::string html = read_text(dir.path() / "r" / "report.html");
    CHECK(contains(html, "<td>Schémas complets</td><td class=\"n\">0</td>"));
    CHECK_FALSE(contains(html, "<td>Schémas complets</td><td class=\"n\">0,00</td>"));
}
