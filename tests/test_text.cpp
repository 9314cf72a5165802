// The one string table (include/riposte/text/): every entry in both languages, placeholders,
// names as words, and French outputs that hold no English text of the table.
#include "riposte/output.hpp"
#include "riposte/report.hpp"
#include "riposte/runner.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/text/cli_texts.hpp"
#include "riposte/text/names_texts.hpp"
#include "riposte/text/report_texts.hpp"
#include "riposte/text/strings.hpp"
#include "riposte/text/summary_texts.hpp"
#include "riposte/text/validation_texts.hpp"
#include "riposte/validation.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace riposte;

namespace {

const fs::path herault = fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault";

/// The pieces of English text of the table that French must never show: every literal
/// fragment (between placeholders) of an English entry that differs from its French one, long
/// enough to be a phrase rather than a shared word ("Plan", "min", "p90"), and found in no
/// French entry.
std::vector<std::string> english_only_fragments() {
    const std::vector<text::Text> all = text::all_texts();
    std::vector<std::string> out;
    for (const text::Text& t : all) {
        if (t.en == t.fr) continue;
        std::string en(t.en);
        std::size_t start = 0;
        while (start <= en.size()) {
            std::size_t open = en.find('{', start);
            if (open == std::string::npos) open = en.size();
            std::string piece = en.substr(start, open - start);
            while (!piece.empty() && std::isspace(static_cast<unsigned char>(piece.front())))
                piece.erase(piece.begin());
            while (!piece.empty() && std::isspace(static_cast<unsigned char>(piece.back())))
                piece.pop_back();
            const bool phrase = piece.size() >= 10 && piece.find(' ') != std::string::npos;
            bool in_french = false;
            for (const text::Text& f : all) in_french = in_french || f.fr.find(piece) != f.fr.npos;
            if (phrase && !in_french) out.push_back(piece);
            const std::size_t close = en.find('}', open);
            if (close == std::string::npos) break;
            start = close + 1;
        }
    }
    return out;
}

/// The default scenario with French names for what the scenario data names in English.
Scenario french_scenario() {
    LoadResult loaded = load_scenario(herault / "world.toml", herault / "plan.toml");
    REQUIRE(loaded.scenario);
    Scenario s = std::move(*loaded.scenario);
    s.world.name = "CPTS Centre-Hérault, printemps 2021";
    s.plan.name = "Trois centres de vaccination et un centre de dépistage";
    for (Centre& c : s.plan.centres) {
        const std::size_t pos = c.name.find(" testing");
        if (pos != std::string::npos) c.name.replace(pos, 8, " dépistage");
    }
    return s;
}

void check_no_english(const std::string& french, const std::vector<std::string>& english,
                      const char* what) {
    for (const std::string& e : english) {
        INFO(what << ": \"" << e << "\"");
        CHECK(french.find(e) == std::string::npos);
    }
}

} // namespace

TEST_CASE("text: every entry of the table exists in French and in English") {
    const std::vector<text::Text> all = text::all_texts();
    REQUIRE(all.size() > 300);
    int differing = 0;
    for (const text::Text& t : all) {
        CHECK_FALSE(t.fr.empty());
        CHECK_FALSE(t.en.empty());
        differing += t.fr != t.en ? 1 : 0;
    }
    CHECK(differing > static_cast<int>(all.size()) / 2);
    // a section's entries come out in declaration order
    const std::vector<text::Text> report = text::entries_of(text::report);
    REQUIRE_FALSE(report.empty());
    CHECK(report.front().fr == "fr");
    CHECK(report.front().en == "en");
}

TEST_CASE("text: placeholders, numbers and plural in each language's way") {
    CHECK(text::fill("{0} sur {1} ({0})", {"3", "10"}) == "3 sur 10 (3)");
    CHECK(text::fill("{2} and {x}", {"a"}) == "{2} and {x}"); // unknown placeholders stay
    CHECK(text::fill(Language::English, text::cli.check_warnings, {"2"}) == "2 warnings");
    CHECK(text::fill(Language::French, text::cli.check_warnings, {"2"}) == "2 avertissements");
    const std::string nbsp = "\xC2\xA0";
    CHECK(text::format_count(Language::French, 49406) == "49" + nbsp + "406");
    CHECK(text::format_count(Language::English, 49406) == "49,406");
    CHECK(text::format_decimal(Language::French, 77.66, 1) == "77,7");
    CHECK(text::format_decimal(Language::French, -0.04, 1) == "0,0");
    CHECK(text::plural(Language::French, 0, "jour", "jours") == "jour");
    CHECK(text::plural(Language::English, 0, "day", "days") == "days");
    CHECK(parse_language("FR") == Language::French);
    CHECK(parse_language("en") == Language::English);
    CHECK_FALSE(parse_language("de").has_value());
    CHECK(language_code(Language::French) == "fr");
}

TEST_CASE("text: KPIs, professions, roles and groups read as words") {
    CHECK(text::kpi_label(Language::French, "worst_day_wait_p90_min[Gignac]") ==
          "Attente p90, pire jour, Gignac (min)");
    CHECK(text::kpi_label(Language::English, "worst_day_wait_p90_min[Gignac]") ==
          "p90 wait, worst day, Gignac (min)");
    CHECK(text::kpi_label(Language::French, "served[Lodève]") == "Personnes servies, Lodève");
    CHECK(text::kpi_label(Language::French, "no_such_kpi[X]") == "no_such_kpi[X]");
    CHECK(text::name_in(text::profession_names, "sage_femme", Language::French) == "sage-femme");
    CHECK(text::name_in(text::group_names, "75+", Language::French) == "75 ans et plus");
    CHECK(text::name_in(text::role_names, "medical_interview", Language::French) ==
          "entretien médical");
    CHECK(text::name_in(text::role_names, "custom_role", Language::French) == "custom_role");
}

namespace {
/// N replications, their set (records) and their full results (small runs only).
struct Collected {
    ReplicationSet set;
    std::vector<Results> runs;
};
Collected collect(const Scenario& s, int n) {
    ReplicationOptions options;
    options.replications = n;
    options.threads = 1;
    Collected c;
    c.set = stream_replications(s, options, [&c](const Results& r) {
        c.runs.push_back(r);
        return true;
    });
    return c;
}
WriteReport write_all(const Scenario& s, const Collected& c, const std::vector<KpiSummary>& kpis,
                      const fs::path& dir) {
    ReplicationFiles files(s, dir);
    for (const Results& r : c.runs)
        if (!files.add(r)) break;
    if (!files.ok()) return WriteReport{{}, files.error()};
    return files.finish(c.set, kpis);
}
} // namespace

TEST_CASE("text: French summaries, verdicts and report hold no English text of the table") {
    const std::vector<std::string> english = english_only_fragments();
    REQUIRE(english.size() > 100);
    const Scenario s = french_scenario();
    const Collected c2 = collect(s, 2);
    const ReplicationSet& set = c2.set;
    REQUIRE(set.runs.size() == 2);
    const std::vector<KpiSummary> kpis = summarise(s, set);

    const std::string one = format_summary(s, c2.runs.front(), Language::French);
    CHECK(one.find("ENSEMBLE") != std::string::npos);
    check_no_english(one, english, "summary of one replication");
    // and the English summary does show them: the check can see English
    const std::string one_en = format_summary(s, c2.runs.front(), Language::English);
    CHECK(one_en.find("of doses drawn from vials") != std::string::npos);

    check_no_english(format_replications_summary(s, set, kpis, Language::French), english,
                     "summary of replications");
    check_no_english(format_validation(s, validate_structure(s), 1, Language::French), english,
                     "validate, structure only");
    check_no_english(format_validation(s, validate(s, c2.runs), 1, Language::French), english,
                     "validate with replications");

    ComparedPlan a{"A", s.plan.name, "plan.toml", 2, 2, kpis};
    ComparedPlan b = a;
    b.label = "B";
    const Comparison c = compare_plans(s.world.name, "world.toml", 1, {a, b});
    check_no_english(format_comparison(c, Language::French), english, "compare");

    const fs::path dir = fs::temp_directory_path() / ("riposte-text-" + std::to_string(::getpid()));
    const WriteReport w = write_all(s, c2, kpis, dir);
    REQUIRE_MESSAGE(w.ok(), w.error);
    const ReportResult report = build_report(dir, Language::French);
    fs::remove_all(dir);
    REQUIRE_MESSAGE(report.ok(), report.error);
    check_no_english(report.html, english, "report");
}

TEST_CASE("text: validation phrases are worded with the reader's numbers, roles and reasons") {
    using text::phrase_text;
    CHECK(phrase_text(Language::French, "wait.measured", {"0", "243.7", "18.7"}, "x") ==
          "objectif tenu dans 0 % des réplications ; pire p90 243,7 ± 18,7 min");
    CHECK(phrase_text(Language::English, "wait.measured", {"0", "243.7", "18.7"}, "x") ==
          "0% of replications; worst p90 243.7 ± 18.7 min");
    CHECK(phrase_text(Language::French, "kits.lowest", {"1070"}, "x") ==
          "stock prévu le plus bas : 1\xC2\xA0"
          "070 kits");
    // an INSEE code stays a code; a role is a word
    CHECK(phrase_text(Language::French, "where.commune_minutes",
                      {"text:Lodève", "text:34142", "31"}, "x") == "Lodève (34142) : 31 min");
    CHECK(phrase_text(Language::French, "where.week_role_hours",
                      {"2", "role:medical_interview", "120", "80"}, "x") ==
          "semaine 2 : entretien médical demande 120 h, les professions "
          "habilitées en donnent 80");
    CHECK(phrase_text(Language::French, "no.such.phrase", {}, "the fallback") == "the fallback");
}

TEST_CASE("text: the French validate report has no English and rule cards are whole") {
    const std::vector<std::string> english = english_only_fragments();
    Scenario s = french_scenario();
    // a target that fails, so that the report lists where
    Target wait;
    wait.kind = TargetKind::WaitP90;
    wait.threshold = 5;
    s.plan.targets.push_back(wait);
    const Collected c2 = collect(s, 2);
    const ReplicationSet& set = c2.set;
    const ValidationReport verdicts = validate(s, c2.runs);
    REQUIRE_FALSE(verdicts.all_pass());

    const std::string terminal = format_validation(s, verdicts, 1, Language::French);
    CHECK(terminal.find("réplications)") != std::string::npos);
    check_no_english(terminal, english, "validate text");

    const fs::path dir =
        fs::temp_directory_path() / ("riposte-text-v-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const WriteStatus st =
        write_file_atomic(dir / "validation.json", validation_json(s, verdicts, 1));
    REQUIRE(st.ok());
    const ReportResult report = build_report(dir, Language::French);
    fs::remove_all(dir);
    REQUIRE_MESSAGE(report.ok(), report.error);
    check_no_english(report.html, english, "validate report");
    CHECK(report.html.find("…") == std::string::npos); // no title cut short
    CHECK(report.html.find("objectif tenu dans") != std::string::npos);
}

TEST_CASE("text: the scenario's identifiers as words for the dashboard and the reports") {
    Scenario s;
    s.world.professions = {"sage_femme", "infirmier", "custom"};
    s.world.profession_display_names = {"", "infirmier diplômé d'État", ""};
    s.world.roles = {"medical_interview"};
    s.world.groups = {PopulationGroup{.name = "75+"}, PopulationGroup{.name = "x"}};
    s.world.groups[1].display_name = "groupe X";
    CHECK(profession_words(s, 0, Language::French) == "sage-femme");
    CHECK(profession_words(s, 0, Language::English) == "midwife");
    CHECK(profession_words(s, 1, Language::French) == "infirmier diplômé d'État");
    CHECK(profession_words(s, 2, Language::French) == "custom");
    CHECK(profession_words(s, 7, Language::French) == "#7");
    CHECK(role_words(s, 0, Language::French) == "entretien médical");
    CHECK(group_words(s, 0, Language::French) == "75 ans et plus");
    CHECK(group_words(s, 1, Language::French) == "groupe X");
}

TEST_CASE("text: compare writes counts every replication agrees on as whole numbers") {
    const KpiSummary complete{"complete_schedules", true, {0, 0, 0}, 0, 0};
    const KpiSummary wait{"wait_p90_min", false, {18.5, 17.5, 18}, 18, 1.24};
    ComparedPlan a{"A", "Plan A", "a.toml", 3, 3, {complete, wait}};
    ComparedPlan b{"B", "Plan B", "b.toml", 3, 3, {complete, wait}};
    const std::string fr =
        format_comparison(compare_plans("Essai", "w.toml", 1, {a, b}), Language::French);
    CHECK_MESSAGE(fr.find("Schémas complets") != std::string::npos, fr);
    CHECK(fr.find("0,00") == std::string::npos);
    CHECK(fr.find("0 ± 0") != std::string::npos);
    CHECK(fr.find("18 ± 1,24") != std::string::npos);
}

TEST_CASE("text: the KPI table of several replications writes agreed counts as whole numbers") {
    const KpiSummary complete{"complete_schedules", true, {0, 0, 0}, 0, 0};
    const std::string fr = format_kpi_table({complete}, Language::French);
    CHECK_MESSAGE(fr.find("0,00") == std::string::npos, fr);
    CHECK(fr.find("Schémas complets") != std::string::npos);
}
