// The one string table (include/riposte/text/): every entry in both languages, placeholders,
// names as words, and French outputs that hold no English text of the table.
#include "cli_process.hpp"
#include "french_check.hpp"

#include "riposte/exercise_loader.hpp"
#include "riposte/journal.hpp"
#include "riposte/national.hpp"
#include "riposte/output.hpp"
#include "riposte/report.hpp"
#include "riposte/runner.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/sweep_loader.hpp"
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
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace riposte;
using riposte::test::check_no_english;
using riposte::test::english_only_fragments;
using riposte::test::has_english_word;

namespace {

const fs::path herault = fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault";

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

TEST_CASE("text: the French validate report names each coverage target's group in words") {
    // Two coverage targets, on two groups: the French card said only « couverture vaccinale »
    // and « ≥ 50 % de la population du groupe », so the reader could not tell them apart.
    Scenario s = french_scenario();
    const auto group_of = [&s](const std::string& name) {
        for (std::size_t g = 0; g < s.world.groups.size(); ++g)
            if (s.world.groups[g].name == name) return static_cast<int>(g);
        return -1;
    };
    REQUIRE(group_of("75+") >= 0);
    REQUIRE(group_of("at_risk") >= 0);
    for (const char* g : {"75+", "at_risk"}) {
        Target t;
        t.kind = TargetKind::Coverage;
        t.threshold = 99; // fails: the card lists where
        t.group = group_of(g);
        s.plan.targets.push_back(t);
    }
    Target all;
    all.kind = TargetKind::Coverage;
    all.threshold = 1;
    all.complete_schedule = true;
    s.plan.targets.push_back(all);
    const Collected c2 = collect(s, 2);
    const ValidationReport verdicts = validate(s, c2.runs);
    const std::string fr = format_validation(s, verdicts, 1, Language::French);
    CHECK(fr.find("« 75 ans et plus »") != std::string::npos);
    CHECK(fr.find("« personnes à risque »") != std::string::npos);
    CHECK(fr.find("toute la population") != std::string::npos);
    CHECK(fr.find("at_risk") == std::string::npos);
    check_no_english(fr, english_only_fragments(), "validate text");
    // English keeps its own sentence with the group
    const std::string en = format_validation(s, verdicts, 1, Language::English);
    CHECK(en.find("coverage of at_risk") != std::string::npos);
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

namespace {

/// Bad world, plan, CSV and exercise files, each line wrong in its own way.
struct BadFiles {
    fs::path dir;
    explicit BadFiles(const fs::path& d) : dir(d) {
        fs::create_directories(dir);
        write("communes.csv", "insee,name,population,lat,lon\n"
                              "34079,Gignac,6651,43.65,3.55\n"
                              "34114,Lodève,7500,43.73,3.32\n"
                              "34142,,100,43.7,3.4\n"
                              "34143,Aniane,abc,43.7,3.4\n"
                              "34144,Arboras,100,,3.4\n"
                              "34145,Aumelas,100,95,3.4\n"
                              "34079,Doublon,10,43.6,3.5\n"
                              "34147,Brignac,100,43.6\n"
                              "34148,\"Ceyras,100,43.6,3.4\n");
        write("edges.csv", "insee_a,insee_b,km,minutes\n"
                           "34079,34114,abc,10\n"
                           "34079,34114,5,99999\n"
                           "34079,99999,5,10\n"
                           "34079,34079,5,10\n");
        write("pool.csv",
              "profession,commune,weekly_hours,days,max_commute_minutes,on_call,call_in_minutes\n"
              "infirmier,34079,0.1,mon-fri,30,true,10\n"
              "infirmier,34079,10,mon-fry,30,true,10\n"
              "infirmier,34079,10,mon-fri,9999,true,10\n"
              "infirmier,34079,10,mon-fri,30,peut-etre,10\n"
              "infirmier,34079,10,mon-fri,30,true,9999\n"
              "infirmeir,34079,10,mon-fri,30,true,10\n");
        write("incidence.csv", "day,incidence_per_100k\n0,10\nx,5\n1,-5\n0,3\n");
        write("world.toml", R"TOML([world]
name = "Monde de test"
start_date = "2021-04-05"
days = 10
warmup_days = 12

[territory]
communes = "communes.csv"
edges = "edges.csv"

[[group]]
name = "75+"
share = 0.7
uptake = 0.9
eligible_day = 20

[[group]]
name = "75+"
share = 0.6
uptake = 0.5

[behaviour]
booking_delay = "30"
punctuality = "normal(1)"
walk_in_delay = "exp(3) zz"

[[vaccine]]
name = "Comirnaty"
doses_per_vial = 6
shelf_life_hours = 6

[[delivery]]
day = 30
doses = 100
centre = ""

[testing]
tests_per_case = 2
incidence = "incidence.csv"
hourly_profile = [1, 2]

[[pool]]
file = "pool.csv"
)TOML");
        write("plan.toml", R"TOML([plan]
name = "Plan de test"

[[centre]]
name = "Gignac"
kind = "vaccination"
commune = "34079"
days = "mon-fri"
opens = "08:00"
closes = "18:00"
first_day = 5
last_day = 2
pcr_result_delay = "24h"
hourly_profile = [1, 2]
  [[centre.station]]
  name = "accueil"
  role = "reception"
  service = "2"
  dwell = "3"
  [[centre.station]]
  name = "salle"
  kind = "area"
  service = "15"
  gives_dose = true
  [[centre.station]]
  name = "injection"
  role = "injection"
  service = "3 + exp(1.43)"
  [[centre.shift]]
  start = "19:00"
  end = "20:00"
  staff = { reception = 1, medecin = 1 }
  [[centre.shift]]
  start = "09:00"
  end = "08:00"
  days = "sat"
  staff = { injection = 1 }

[[centre]]
name = "Lodève"
kind = "testing"
commune = "34114"
opens = "25:00"
  [[centre.station]]
  name = "prélèvement"
  role = "swab"
  service = "0"

[[mobile_team]]
name = "Gignac"
commune = "34079"
start = "10:00"
end = "09:00"
staff = { reception = 1 }
visit = "20"
communes = ["34079", "34079"]

[validation]
[[validation.target]]
kind = "wait_p90"
max_minutes = 30
min_percent = 50
group = "75+"
[[validation.target]]
kind = "coverage"
min_percent = 80
by_day = 50
[[validation.stress]]
exercise = "absent.toml"

[[escalation]]
when = { queue_above = 40, at = "J1 08:00" }
then = [ { fly_away = { } } ]
)TOML");
        write("exercise.toml", R"TOML([exercise]
name = "Exercice de test"

[[inject]]
id = "a"
at = "J1 25:00"
kind = "message"
text = "x"

[[inject]]
id = "a"
at = "J99 08:00"
kind = "set_centre_open"
centre = { largest = true, kind = "testing" }
open = false
until = "J0 08:00"
for = "2h"

[[inject]]
id = "b"
at = "J2 08:00"
kind = "staff_ill"
centre = "Gignak"
profession = "infirmier"
people = 2
for = "2x"

[[trigger]]
id = "t"
when = { queue_above = 5, stock_below_days = 1 }
kind = "message"
text = "file"

[[objective]]
id = "o"
text = "Tenir"
observe = "x"
[[objective.check]]
kpi = "wait_p90_min"
below = 45
above = 10
days = [5, 3]
)TOML");
    }
    void write(const char* name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
    }
};

/// Every diagnostic has its own French text, holding no English of the table and no English
/// word; returns how many there were.
std::size_t check_french(const Diagnostics& d, const std::vector<std::string>& english,
                         const char* what) {
    for (const Diagnostic& item : d.items()) {
        const std::string fr = format_diagnostic(item, Language::French);
        INFO(what << ": " << fr << "\n   en: " << format_diagnostic(item, Language::English));
        CHECK_FALSE(item.message_fr.empty());
        CHECK(item.message_fr != item.message);
        CHECK_FALSE(has_english_word(item.message_fr));
        check_no_english(fr, english, what);
    }
    return d.items().size();
}

} // namespace

TEST_CASE("text: the readers' diagnostics on bad world plan CSV exercise journal and sweep files "
          "are all French and English with --lang en") {
    const std::vector<std::string> english = english_only_fragments();
    const fs::path dir = fs::temp_directory_path() / ("riposte-bad-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const BadFiles files(dir);

    // world, plan and their CSV files
    const LoadResult loaded = load_scenario(dir / "world.toml", dir / "plan.toml");
    CHECK_FALSE(loaded.scenario.has_value());
    std::set<std::string> ids;
    for (const Diagnostic& d : loaded.diagnostics.items()) ids.insert(d.id);
    // the files reach most readers: CSV syntax and cells, world, plan and cross checks
    for (const char* id : {"csv.syntax", "csv.row_width", "csv.bad_value", "ref.duplicate",
                           "ref.self_edge", "value.bad_distribution", "value.bad_text"})
        CHECK_MESSAGE(ids.count(id) == 1, id);
    CHECK(check_french(loaded.diagnostics, english, "world and plan") >= 40);

    // the exercise, read alone and checked against a scenario
    const ExerciseLoadResult ex =
        load_exercise_text(test::read_text(dir / "exercise.toml"), "ex.toml");
    CHECK_FALSE(ex.exercise.has_value());
    CHECK(check_french(ex.diagnostics, english, "exercise") >= 8);
    const LoadResult herault_scenario =
        load_scenario(herault / "world.toml", herault / "plan.toml");
    REQUIRE(herault_scenario.scenario);
    const ExerciseLoadResult names = load_exercise_text(R"TOML([exercise]
name = "Noms"
[[inject]]
id = "a"
at = "J40 08:00"
kind = "staff_ill"
centre = "Gignak"
profession = "infirmiere"
people = 1
days = 1
[[inject]]
id = "b"
at = "J1 08:00"
kind = "set_centre_open"
centre = { nearest_to = "Gignak" }
open = false
[[inject]]
id = "c"
at = "J2 08:00"
kind = "group_eligible"
group = "65-75"
)TOML",
                                                        "noms.toml");
    REQUIRE(names.exercise);
    CHECK(check_french(check_exercise(names, *herault_scenario.scenario), english,
                       "exercise names") >= 4);

    // journals
    const std::string header = "[journal]\nversion = 1\nworld = \"w\"\nworld_sha256 = \"\"\n"
                               "plan = \"p\"\nplan_sha256 = \"\"\nexercise = \"\"\n"
                               "exercise_sha256 = \"\"\nseed = \"1\"\nreplication = 0\n"
                               "parent = \"\"\nparent_entry = 0\n# end of header\n";
    JournalEntry e;
    e.ordinal = 1;
    e.source = EntrySource::Observation;
    e.text = "appel de la réserve";
    e.rating = "X";
    JournalEntry second = e;
    second.ordinal = 3;
    second.rating = "M";
    JournalEntry delayed;
    delayed.ordinal = 1;
    delayed.source = EntrySource::ScriptedDelayed;
    std::string delayed_text = journal_entry_to_toml(delayed);
    const auto cut = delayed_text.find("new_time");
    if (cut != std::string::npos) delayed_text.erase(cut, delayed_text.find('\n', cut) - cut + 1);
    std::size_t journal_diagnostics = 0;
    for (const std::string& text :
         {std::string(), std::string("[journal]\nversion = 1\n"),
          std::string("[journal]\nversion = 2\nworld = \"w\"\nworld_sha256 = \"xyz\"\n"
                      "plan = \"p\"\nplan_sha256 = \"\"\nseed = 42\nparent_entry = 3\n"
                      "# end of header\n"),
          header + journal_entry_to_toml(e) + journal_entry_to_toml(second), header + delayed_text,
          header + journal_entry_to_toml(second) + "[[entry]]\nordinal = 2\n"}) {
        const JournalReadResult r = read_journal_text(text, "j.journal.toml");
        journal_diagnostics += check_french(r.diagnostics, english, "journal");
    }
    CHECK(journal_diagnostics >= 8);

    // sweeps
    std::size_t sweep_diagnostics = 0;
    for (const char* text :
         {"[sweep]\nname = \"s\"\nworld = \"world.toml\"\n",
          "[sweep]\nname = \"s\"\nworld = \"world.toml\"\nbaseline = \"zz\"\n"
          "[[variant]]\nlabel = \"a\"\nplan = \"plan.toml\"\n"
          "[[variant]]\nlabel = \"a\"\nplan = \"plan.toml\"\n",
          "[sweep]\nname = \"s\"\nworld = \"world.toml\"\n[grid]\nplan = []\n"}) {
        const SweepLoadResult r = load_sweep_text(text, "s.toml", dir);
        sweep_diagnostics += check_french(r.diagnostics, english, "sweep");
    }
    CHECK(sweep_diagnostics >= 3);

    // riposte check prints the same diagnostics, at the same places, in French and in English
    const auto run = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = {"check", (dir / "world.toml").string(),
                                         (dir / "plan.toml").string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run_cli(args, dir);
    };
    const test::Outcome fr = run({});
    const test::Outcome en = run({"--lang", "en"});
    CHECK(fr.exit_code == 2);
    CHECK(en.exit_code == 2);
    const auto lines = [](const std::string& err, const char* severity) {
        std::vector<std::string> out;
        std::istringstream in(err);
        for (std::string line; std::getline(in, line);)
            if (line.find(severity) != std::string::npos) out.push_back(line);
        return out;
    };
    const auto fr_lines = lines(fr.err, ": erreur : ");
    CHECK(fr_lines.size() == lines(en.err, ": error: ").size());
    CHECK(fr_lines.size() >= 30);
    for (const std::string& line : fr_lines) {
        INFO(line);
        CHECK_FALSE(has_english_word(line.substr(line.find(": erreur : "))));
    }
    check_no_english(fr.err, english, "riposte check");
    fs::remove_all(dir);
}

namespace {

/// Every line of `err` that holds `marker`: the text after it has no English word and no
/// English piece of the table. Returns how many lines there were.
std::size_t check_french_lines(const std::string& err, const std::string& marker,
                               const std::vector<std::string>& english, const std::string& what) {
    std::size_t n = 0;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);) {
        const std::size_t at = line.find(marker);
        if (at == std::string::npos) continue;
        ++n;
        INFO(what << ": " << line);
        CHECK_FALSE(has_english_word(line.substr(at + marker.size())));
    }
    check_no_english(err, english, what.c_str());
    return n;
}

} // namespace

TEST_CASE("text: usage errors, a corrupt national table, generated files, sweep overrides and "
          "replay divergences are French by default and English with --lang en") {
    const std::vector<std::string> english = english_only_fragments();
    test::TempDir tmp;
    const fs::path dir = tmp.path();

    // a bad option, and a bad use of a good one, for every command: French by default, the
    // --help pointer kept; English with --lang en (also when --lang comes after the bad option)
    const std::vector<std::vector<std::string>> bad_uses = {
        {"run", "--bogus"},
        {"run", "--out", "x", "--no-files"},
        {"run", "--replicatoins", "3"},
        {"run", "--seed", "abc"},
        {"run", "--out"},
        {"run", "--quiet=yes"},
        {"run", "--csv", "tableur"},
        {"validate", "--bogus"},
        {"validate", "--format", "xml"},
        {"validate", "--report"},
        {"compare", "--bogus"},
        {"compare", "world.toml"},
        {"check", "--bogus"},
        {"check", "a", "b", "c"},
        {"territory", "--bogus"},
        {"territory", "--around", "57463", "--radius-km", "0"},
        {"territory", "--insee", "57463", "--epci", "200039865"},
        {"territory", "--insee", "57463", "--hours", "18-9", "--world"},
        {"territory", "--insee", "57463", "--days", "3"},
        {"sweep", "--bogus"},
        {"sweep"},
        {"merge", "shard"},
        {"size", "--bogus"},
        {"size", "--cost", "gold"},
        {"exercise", "--bogus"},
        {"exercise", "frobnicate"},
        {"exercise", "replay", "a"},
        {"exercise", "report"},
        {"report", "--bogus"},
        {"report"},
        {"help", "a", "b"},
        {"rnu"},
    };
    for (const std::vector<std::string>& args : bad_uses) {
        std::string line;
        for (const std::string& a : args) line += a + " ";
        const test::Outcome fr = test::run_cli(args, dir);
        INFO(line << "\n" << fr.err);
        CHECK(fr.exit_code == 2);
        CHECK(fr.err.find("riposte : erreur : ") == 0);
        CHECK(fr.err.find("Lancez « riposte ") != std::string::npos);
        CHECK(check_french_lines(fr.err, "riposte : erreur : ", english, line) == 1);
        std::vector<std::string> en_args = args;
        en_args.insert(en_args.end(), {"--lang", "en"});
        const test::Outcome en = test::run_cli(en_args, dir);
        INFO(en.err);
        CHECK(en.exit_code == 2);
        CHECK(en.err.find("riposte: error: ") == 0);
        CHECK(en.err.find("Run 'riposte ") != std::string::npos);
    }

    // a corrupt national table: every message of its reader
    const std::string table = "insee,name,departement,region,epci_siren,epci_name,population,lat,"
                              "lon,name\n"
                              ",Vide,57,44,1,E,10,49,6,x\n"
                              "57001,,57,44,1,E,10,49,6,x\n"
                              "57002,B,57,44,1,E,beaucoup,49,6,x\n"
                              "57003,C,57,44,1,E,10,,6,x\n"
                              "57004,D,57,44,1,E,10,95,6,x\n"
                              "57005,E,57,44,1,E,10,49,200,x\n"
                              "57005,F,57,44,1,E,10,49,6,x\n"
                              "57006,G,57\n";
    const NationalTableLoad corrupt = parse_national_table(table, "communes.csv");
    CHECK_FALSE(corrupt.table);
    CHECK(check_french(corrupt.diagnostics, english, "national table") == 1); // a column twice
    const NationalTableLoad rows = parse_national_table(
        table.substr(0, table.find(",name\n")) + "\n" + table.substr(table.find('\n') + 1),
        "communes.csv");
    CHECK(check_french(rows.diagnostics, english, "national table rows") == 8);
    CHECK(check_french(parse_national_table("", "communes.csv").diagnostics, english,
                       "empty national table") == 1);
    CHECK(check_french(parse_national_table("insee,name\n", "communes.csv").diagnostics, english,
                       "national table columns") == 7);
    CHECK(check_french(load_national_table(dir / "absent.csv").diagnostics, english,
                       "no national table") == 1);
    {
        std::ofstream(dir / "bad-table.csv", std::ios::binary) << table;
        const test::Outcome t = test::run_cli(
            {"territory", "--table", (dir / "bad-table.csv").string(), "--insee", "57005"}, dir);
        CHECK(t.exit_code == 2);
        CHECK(check_french_lines(t.err, ": erreur : ", english, "territory --table") >= 1);
        const test::Outcome t_en =
            test::run_cli({"territory", "--table", (dir / "bad-table.csv").string(), "--insee",
                           "57005", "--lang", "en"},
                          dir);
        CHECK(t_en.err.find("appears twice in the header") != std::string::npos);
    }

    // a generated world: the comments of world.toml and plan.toml and the summary are French,
    // the TOML keys the same in both languages
    const test::Outcome gen = test::run_cli(
        {"territory", "--insee", "34079,34114,34142", "--world", "--out", (dir / "fr").string()},
        dir);
    REQUIRE_MESSAGE(gen.exit_code == 0, gen.err);
    const test::Outcome gen_en =
        test::run_cli({"territory", "--insee", "34079,34114,34142", "--world", "--out",
                       (dir / "en").string(), "--lang", "en"},
                      dir);
    REQUIRE_MESSAGE(gen_en.exit_code == 0, gen_en.err);
    check_no_english(gen.out, english, "territory --world summary");
    CHECK(gen.out.find("vivier : ") != std::string::npos);
    CHECK(gen_en.out.find("pool: ") != std::string::npos);
    for (const char* file : {"world.toml", "plan.toml"}) {
        const std::string fr = test::read_text(dir / "fr" / file);
        const std::string en = test::read_text(dir / "en" / file);
        std::size_t comments = 0;
        std::string fr_keys, en_keys;
        const auto keys_of = [](const std::string& text, std::string& keys) {
            std::istringstream in(text);
            for (std::string l; std::getline(in, l);) {
                const std::size_t hash = l.find(" #");
                if (!l.empty() && l[0] != '#') keys += l.substr(0, hash) + "\n";
            }
        };
        keys_of(fr, fr_keys);
        keys_of(en, en_keys);
        CHECK_MESSAGE(fr_keys == en_keys, file); // only comments differ
        // the comments (station names and other values are the scenario's own words)
        std::string prose;
        std::istringstream in(fr);
        for (std::string l; std::getline(in, l);) {
            const std::size_t hash = l.find('#');
            if (hash == std::string::npos) continue;
            // the command line is quoted as given, the rest is prose
            if (l.find("riposte territory --insee") != std::string::npos) continue;
            ++comments;
            prose += l.substr(hash + 1) + "\n";
            INFO(file << ": " << l);
            CHECK_FALSE(has_english_word(l.substr(hash + 1)));
        }
        CHECK(comments >= 8);
        check_no_english(prose, english, file);
        CHECK(fr != en);
    }

    // a sweep whose overrides name an unknown role and an unknown group
    const std::string sweep_text =
        "[sweep]\nname = \"s\"\nworld = \"" + (herault / "world.toml").string() +
        "\"\n[[variant]]\nlabel = \"a\"\nplan = \"" + (herault / "plan.toml").string() +
        "\"\nstaff = { injecton = 1.5 }\n"
        "uptake = { \"personne\" = 0.5 }\n";
    const SweepLoadResult sweep = load_sweep_text(sweep_text, "s.toml", herault);
    REQUIRE(sweep.sweep);
    const PreparedSweep prepared = prepare_sweep(*sweep.sweep);
    std::set<std::string> sweep_ids;
    for (const Diagnostic& d : prepared.diagnostics.items()) sweep_ids.insert(d.id);
    CHECK(sweep_ids.count("sweep.unknown_role") == 1);
    CHECK(sweep_ids.count("sweep.unknown_group") == 1);
    CHECK(check_french(prepared.diagnostics, english, "sweep overrides") == 2);
    // and as `riposte check` and `riposte sweep` print them
    std::ofstream(dir / "s.toml", std::ios::binary) << sweep_text;
    for (const char* command : {"check", "sweep"}) {
        const test::Outcome fr = test::run_cli({command, (dir / "s.toml").string()}, dir);
        CHECK(fr.exit_code == 2);
        CHECK(check_french_lines(fr.err, ": erreur : ", english, command) >= 2);
        const test::Outcome en =
            test::run_cli({command, (dir / "s.toml").string(), "--lang", "en"}, dir);
        CHECK(en.err.find("unknown role 'injecton'") != std::string::npos);
        CHECK(en.err.find("unknown population group 'personne'") != std::string::npos);
    }
}
