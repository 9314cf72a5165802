// riposte compare and riposte validate, run as real processes on the shipped Centre-Hérault
// plans: plan.toml (baseline), plan-extra-line.toml (one more line at Clermont-l'Hérault,
// passes its targets) and plan-understaffed.toml (fails the p90 wait target at Clermont).
#include "cli_process.hpp"
#include "riposte/output.hpp"
#include "riposte/report.hpp"
#include "riposte/runner.hpp"
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>

namespace fs = std::filesystem;
using riposte::test::contains;
using riposte::test::Outcome;
using riposte::test::read_text;
using riposte::test::run_cli;
using riposte::test::TempDir;

namespace {

const fs::path herault = fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault";
const std::string world = (herault / "world.toml").string();
const std::string plan = (herault / "plan.toml").string();
const std::string extra_line = (herault / "plan-extra-line.toml").string();
const std::string understaffed = (herault / "plan-understaffed.toml").string();
const fs::path broken =
    fs::path(RIPOSTE_SCENARIO_DIR).parent_path() / "tests" / "data" / "broken_syntax";

riposte::JsonValue parse(const std::string& text) {
    std::string error;
    auto v = riposte::parse_json(text, "output", error);
    REQUIRE_MESSAGE(v, error);
    return *v;
}

/// The object of `kpis` (a compare.json "kpis" array) named `name`.
const riposte::JsonValue* kpi(const riposte::JsonValue& doc, std::string_view name) {
    const riposte::JsonValue* kpis = doc.find("kpis");
    REQUIRE(kpis != nullptr);
    for (const riposte::JsonValue& k : kpis->array)
        if (k.text("name") == name) return &k;
    return nullptr;
}

} // namespace

TEST_CASE("compare: the base plan's staff at Clermont give significantly lower p90 waits than "
          "the understaffed plan's") {
    // (This compared plan.toml with plan-extra-line.toml until the supervising médecin helped
    // short-handed stations: plan.toml's p90 waits fell to about 6 min, and the extra line no
    // longer lowers them significantly.)
    TempDir dir;
    const Outcome o = run_cli({"compare", world, understaffed, plan, "--replications", "8",
                               "--threads", "2", "--out", "cmp", "--lang", "en"},
                              dir.path());
    REQUIRE_MESSAGE(o.exit_code == 0, o.err);
    // side-by-side table: plans A and B, the difference B - A marked significant and better
    CHECK(contains(o.out, "A  plan-understaffed.toml"));
    CHECK(contains(o.out, "B  plan.toml"));
    CHECK(std::regex_search(
        o.out, std::regex(R"(\n  p90 wait \(min\) .* -\d+\.\d+ ± \d+\.\d+  \* better)")));
    CHECK(std::regex_search(
        o.out, std::regex(R"(\n  p90 wait, worst day, Clermont-l'Hérault \(min\) .*\* better)")));

    const riposte::JsonValue doc = parse(read_text(dir.path() / "cmp" / "compare.json"));
    CHECK(doc.text("format") == "riposte-compare/1");
    CHECK_FALSE(doc.flag("partial", true));
    const riposte::JsonValue* p90 = kpi(doc, "wait_p90_min");
    REQUIRE(p90 != nullptr);
    const riposte::JsonValue& b = p90->find("plans")->array.at(1);
    CHECK(b.num("diff") < 0);
    CHECK(b.flag("significant"));
    CHECK(b.text("verdict") == "better");
    CHECK(b.num("diff") + b.num("diff_ci95") < 0);

    const std::string csv = read_text(dir.path() / "cmp" / "compare.csv");
    CHECK(contains(csv, "kpi,higher_is_better,plan,plan_name,plan_file,replications,mean,ci95,"
                        "diff,diff_ci95,significant,verdict\n"));
    CHECK(std::regex_search(csv, std::regex(R"(\nwait_p90_min,false,B,[^\n]*,true,better\n)")));
}

TEST_CASE("compare: the same plan twice shows no difference at all (common random numbers)") {
    TempDir dir;
    const Outcome o =
        run_cli({"compare", world, plan, plan, "--replications", "3", "--quiet", "--out", "same"},
                dir.path());
    REQUIRE_MESSAGE(o.exit_code == 0, o.err);
    CHECK(o.out.empty());
    const riposte::JsonValue doc = parse(read_text(dir.path() / "same" / "compare.json"));
    for (const riposte::JsonValue& k : doc.find("kpis")->array) {
        const riposte::JsonValue& b = k.find("plans")->array.at(1);
        CHECK_MESSAGE(b.num("diff", 1) == 0, k.text("name"));
        CHECK_FALSE(b.flag("significant"));
    }
}

TEST_CASE("compare: usage and input errors exit 2") {
    TempDir dir;
    const Outcome one_plan = run_cli({"compare", world, plan}, dir.path());
    CHECK(one_plan.exit_code == 2);
    CHECK(contains(one_plan.err, "au moins deux fichiers de plan"));
    const Outcome one_rep =
        run_cli({"compare", world, plan, extra_line, "--replications", "1"}, dir.path());
    CHECK(one_rep.exit_code == 2);
    CHECK(contains(one_rep.err, "--replications attend un nombre entier de 2"));
    const Outcome report_no_out =
        run_cli({"compare", world, plan, extra_line, "--report"}, dir.path());
    CHECK(report_no_out.exit_code == 2);
    CHECK(contains(report_no_out.err, "--out"));
    const Outcome bad_plan =
        run_cli({"compare", world, plan, (broken / "plan.toml").string()}, dir.path());
    CHECK(bad_plan.exit_code == 2);
    CHECK(contains(bad_plan.err, "rien n'a été simulé"));
    const Outcome missing = run_cli({"compare", world, plan, "nope.toml"}, dir.path());
    CHECK(missing.exit_code == 2);
    CHECK(contains(missing.err, "nope.toml"));
}

TEST_CASE("validate: a plan meeting its targets passes with exit 0") {
    TempDir dir;
    const Outcome o =
        run_cli({"validate", world, extra_line, "--replications", "4", "--lang", "en"}, dir.path());
    CHECK_MESSAGE(o.exit_code == 0, o.out << o.err);
    CHECK(contains(o.out, "RESULT: PASS"));
    CHECK(contains(o.out, "PASS  target.wasted_doses"));
    CHECK(contains(o.out, "PASS  target.coverage"));
    CHECK(contains(o.out, "judged over 4 replications"));
    // the measured value of a target carries its confidence interval
    CHECK(std::regex_search(o.out, std::regex(R"(measured: \d+\.\d+% ± \d+\.\d+)")));
}

TEST_CASE("validate: the understaffed plan fails, naming the centre and the date") {
    TempDir dir;
    const Outcome o = run_cli(
        {"validate", world, understaffed, "--replications", "4", "--threads", "2", "--lang", "en"},
        dir.path());
    CHECK(o.exit_code == 1);
    CHECK(contains(o.out, "FAIL  target.wait_p90"));
    CHECK(std::regex_search(
        o.out, std::regex(R"(where: Clermont-l'Hérault, 2021-04-\d\d \(\d/4 replications\))")));
    CHECK(std::regex_search(o.out, std::regex(R"(and \d+ more)")));
    CHECK(contains(o.out, "RESULT: FAIL (1 of"));
    // every structural rule passes: only the simulated target fails
    const Outcome s =
        run_cli({"validate", world, understaffed, "--structural-only", "--lang", "en"}, dir.path());
    CHECK_MESSAGE(s.exit_code == 0, s.out);
    CHECK(contains(s.out, "structural rules only"));
    CHECK_FALSE(contains(s.out, "target."));
}

TEST_CASE("validate --format json gives every verdict to tools") {
    TempDir dir;
    const Outcome o = run_cli(
        {"validate", world, understaffed, "--replications", "3", "--format", "json", "--out", "v"},
        dir.path());
    CHECK(o.exit_code == 1);
    const riposte::JsonValue doc = parse(o.out);
    CHECK(doc.text("format") == "riposte-validation/1");
    CHECK_FALSE(doc.flag("pass", true));
    CHECK(doc.num("replications") == 3);
    bool seen = false;
    for (const riposte::JsonValue& r : doc.find("rules")->array) {
        if (r.text("id") != "target.wait_p90") {
            CHECK_MESSAGE(r.flag("pass"), r.text("id"));
            continue;
        }
        seen = true;
        CHECK_FALSE(r.flag("pass", true));
        CHECK_FALSE(r.flag("structural", true));
        const auto& where = r.find("where")->array;
        REQUIRE_FALSE(where.empty());
        CHECK(contains(where.front().string, "Clermont-l'Hérault, 2021-04-"));
        CHECK(r.num("where_total") > static_cast<double>(where.size()));
    }
    CHECK(seen);
    // --out wrote validation.json (the same document) and the replications' result files
    CHECK(read_text(dir.path() / "v" / "validation.json") == o.out);
    CHECK(fs::exists(dir.path() / "v" / "kpi_summary.csv"));
    CHECK(fs::exists(dir.path() / "v" / "centre_day.csv"));
}

TEST_CASE("validate: bad input exits 2") {
    TempDir dir;
    const Outcome syntax = run_cli({"validate", broken.string(), "--lang", "en"}, dir.path());
    CHECK(syntax.exit_code == 2);
    CHECK(std::regex_search(syntax.err, std::regex(R"(world\.toml:5:\d+: error: )")));
    CHECK(run_cli({"validate", world, "missing-plan.toml"}, dir.path()).exit_code == 2);
    const Outcome format = run_cli({"validate", "--format", "xml"}, dir.path());
    CHECK(format.exit_code == 2);
    CHECK(contains(format.err, "--format attend text ou json"));
    CHECK(run_cli({"validate", "--structural-only", "--replications", "3"}, dir.path()).exit_code ==
          2);
}

TEST_CASE("validate: a plan without targets reads 'structure OK, no targets checked', not PASS") {
    TempDir dir;
    // the default plan states no target
    const Outcome o = run_cli({"validate", "--lang", "en"}, dir.path());
    CHECK(o.exit_code == 0);
    CHECK(contains(o.out, "RESULT: STRUCTURE OK, NO TARGETS CHECKED"));
    CHECK_FALSE(contains(o.out, "RESULT: PASS"));
    CHECK(contains(o.out, "[[validation.target]]"));
    // in French (the default) the verdict says the same, and which targets a plan usually states
    const Outcome fr = run_cli({"validate"}, dir.path());
    CHECK(fr.exit_code == 0);
    CHECK(contains(fr.out, "VERDICT : structure OK, aucune cible vérifiée"));
    CHECK(contains(fr.out, "attente p90 maximale"));
    CHECK_FALSE(contains(fr.out, "CONFORME ("));
    const Outcome j = run_cli({"validate", "--format", "json"}, dir.path());
    CHECK(j.exit_code == 0);
    CHECK(contains(j.out, "\"targets_checked\": false"));
    const Outcome r = run_cli({"validate", "--out", "v", "--report", "--quiet"}, dir.path());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string html = read_text(dir.path() / "v" / "report.html");
    CHECK(contains(html, "aucun objectif vérifié"));
    CHECK_FALSE(contains(html, "Le plan respecte toutes les règles."));
}

TEST_CASE("compare: the CLI (through the background batch run) writes what the library computes") {
    // The reference: each plan's replications run one plan after the other with the same
    // seeds (run_replications), summarised and compared through the library.
    TempDir dir;
    const Outcome o = run_cli({"compare", world, plan, understaffed, "--replications", "3",
                               "--threads", "2", "--seed", "5", "--out", "cmp", "--quiet"},
                              dir.path());
    REQUIRE_MESSAGE(o.exit_code == 0, o.err);
    std::vector<riposte::ComparedPlan> plans;
    const std::string files[] = {plan, understaffed};
    for (int p = 0; p < 2; ++p) {
        riposte::LoadResult r = riposte::load_scenario(world, files[p]);
        REQUIRE(r.scenario);
        riposte::ReplicationOptions options;
        options.replications = 3;
        options.seed = 5;
        const riposte::ReplicationSet set = riposte::run_replications(*r.scenario, options);
        riposte::ComparedPlan cp;
        cp.label = std::string(1, static_cast<char>('A' + p));
        cp.name = r.scenario->plan.name;
        cp.file = files[p];
        cp.replications = 3;
        cp.requested = 3;
        cp.kpis = riposte::summarise(*r.scenario, set);
        plans.push_back(std::move(cp));
    }
    riposte::LoadResult first = riposte::load_scenario(world, plan);
    REQUIRE(first.scenario);
    const riposte::Comparison expected =
        riposte::compare_plans(first.scenario->world.name, world, 5, std::move(plans));
    CHECK(read_text(dir.path() / "cmp" / "compare.csv") == riposte::compare_csv(expected));
    CHECK(read_text(dir.path() / "cmp" / "compare.json") == riposte::compare_json(expected));
}

TEST_CASE("validate --stress: the targets are judged again under each disruption") {
    TempDir dir;
    const std::string stress_dir = std::string(RIPOSTE_SCENARIO_DIR) + "/stress/";
    const std::string fridge = stress_dir + "fridge-failure.toml";
    const std::string absence = stress_dir + "absence-wave.toml";
    // the plan with the extra line meets its targets; a fridge failure at the largest centre
    // destroys its stock: the wasted-doses target fails under it
    const Outcome o = run_cli({"validate", world, extra_line, "--replications", "3", "--stress",
                               fridge + "," + absence, "--lang", "en"},
                              dir.path());
    CHECK(contains(o.out, "Stress cases"));
    CHECK(contains(o.out, "fridge-failure"));
    CHECK(contains(o.out, "absence-wave"));
    const bool fridge_fails = contains(o.out, "FAIL  fridge-failure");
    CHECK_MESSAGE(fridge_fails, o.out);
    CHECK(contains(o.out, "target.wasted_doses"));
    CHECK(o.exit_code == (fridge_fails ? 1 : 0));
    // in French (the default), the same verdict, worded for the crisis cell
    const Outcome fr = run_cli(
        {"validate", world, extra_line, "--replications", "3", "--stress", fridge}, dir.path());
    CHECK_MESSAGE(contains(fr.out, "Cas de stress"), fr.out);
    CHECK(contains(fr.out, "ÉCHEC  fridge-failure"));
    CHECK(contains(fr.out, "(exigé : "));
    // JSON: one entry per case with its failed targets
    const Outcome j = run_cli({"validate", world, extra_line, "--replications", "3", "--stress",
                               fridge, "--format", "json"},
                              dir.path());
    CHECK(contains(j.out, "\"stress\": ["));
    CHECK(contains(j.out, "\"name\": \"fridge-failure\""));
    CHECK(contains(j.out, "\"pass\": false"));
    // a stress file that is not an exercise: a positioned error, exit 2
    fs::create_directories(dir.path());
    { std::ofstream(dir.path() / "bad.toml") << "[exercise]\nname = 1\n"; }
    const Outcome bad = run_cli({"validate", world, extra_line, "--replications", "2", "--stress",
                                 (dir.path() / "bad.toml").string()},
                                dir.path());
    CHECK(bad.exit_code == 2);
    CHECK(contains(bad.err, "bad.toml:2:"));
}

TEST_CASE("a plan's [[validation.stress]] names an exercise file, checked where it is written") {
    TempDir dir;
    const std::string plan_text = read_text(extra_line) +
                                  "\n[[validation.stress]]\nname = \"frigo\"\nexercise = "
                                  "\"missing-stress.toml\"\n";
    // the plan is copied next to the shipped one so that its relative paths still hold
    const fs::path copy = fs::path(extra_line).parent_path() / "plan-stress-test.tmp.toml";
    { std::ofstream(copy) << plan_text; }
    const Outcome o = run_cli({"check", world, copy.string()}, dir.path());
    fs::remove(copy);
    CHECK(o.exit_code == 2);
    CHECK_MESSAGE(contains(o.err, "plan-stress-test.tmp.toml:"), o.err);
    CHECK(contains(o.err, "missing-stress.toml"));
}
