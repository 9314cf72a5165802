// riposte size --recruit: what to recruit when no plan within the pool passes, proven by
// simulation (issue 12 §3; docs/sizing.md).
#include "cli_process.hpp"
#include "riposte/roster.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/sizing.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace riposte;
using namespace riposte::test;
namespace fs = std::filesystem;

namespace {

const fs::path scenario_root{RIPOSTE_SCENARIO_DIR};
const fs::path herault = scenario_root / "centre-herault";

/// The Centre-Hérault world in a fresh folder `name` with `medecins` as its médecins' pool
/// lines (plenty of the other professions), and the understaffed plan without its targets
/// (plan-notargets.toml): the structural rules alone need a médecin on every interview and
/// supervision, which the pool's médecin hours must cover.
fs::path recruit_world(const std::string& name, const std::string& medecins) {
    // this process's own folder (ctest runs test cases as parallel processes), removed at exit
    static const TempDir scratch;
    const fs::path dir = scratch.path() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string world = read_text(herault / "world.toml");
    const std::string data = (scenario_root / "data").string() + "/";
    for (std::size_t at = world.find("../data/"); at != std::string::npos;
         at = world.find("../data/", at + data.size()))
        world.replace(at, 8, data);
    write_text(dir / "world.toml", world);
    fs::copy_file(herault / "incidence.csv", dir / "incidence.csv");
    std::string pool = "profession,commune,count,weekly_hours,days,max_commute_minutes,label\n";
    pool += medecins;
    for (const char* commune : {"34079", "34142", "34114", "34239"})
        pool += std::string("infirmier,") + commune + ",20,35,mon-sat,60,nurses\n" +
                "administratif," + commune + ",20,35,mon-sat,60,staff\n" + "pharmacien," + commune +
                ",5,35,mon-sat,60,pharmacists\n";
    write_text(dir / "pool.csv", pool);
    std::string plan = read_text(herault / "plan-understaffed.toml");
    plan = plan.substr(0, plan.find("[validation]"));
    write_text(dir / "plan-notargets.toml", plan);
    return dir;
}

/// A pool whose médecins (140 h a week) cannot staff every interview and supervision of the
/// plan without targets, which 160 h a week can: one 20-hour recruit short.
const std::string one_short = "medecin,34079,7,20,mon-sat,60,GPs\n";

std::vector<std::string> size_args(const fs::path& dir, std::vector<std::string> extra) {
    std::vector<std::string> a{"size",
                               (dir / "world.toml").string(),
                               (dir / "plan-notargets.toml").string(),
                               "-n",
                               "2",
                               "--confirm",
                               "2",
                               "--threads",
                               "2"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}

} // namespace

TEST_CASE("size --recruit: one recruit makes a plan pass, the recruit, the files written and "
          "their check and validate") {
    const fs::path dir = recruit_world("one", one_short);
    // within the pool: no plan passes, the médecins' hours cannot be placed on every interview
    const Outcome plain = run_cli(size_args(dir, {"--force"}), dir);
    INFO(plain.out);
    CHECK(plain.exit_code == 1);
    CHECK(contains(plain.out, "le vivier a assez d'heures, mais pas aux bons endroits"));
    CHECK(contains(plain.out, "entretien médical 0/1"));
    CHECK(contains(plain.out, "Aucun plan n'est écrit"));
    CHECK_FALSE(fs::exists(dir / "world-recrues.csv"));

    const Outcome fr = run_cli(size_args(dir, {"--recruit", "3", "--force"}), dir);
    INFO(fr.out);
    INFO(fr.err);
    // no plan passes within the present pool: exit 1, but the plan written passes with them
    CHECK(fr.exit_code == 1);
    // what the pool gives is said first, as without --recruit
    CHECK(fr.out.rfind(plain.out.substr(0, plain.out.find("\nAucun plan n'est écrit")), 0) == 0);
    // the recruit: a médecin (the group the pool lacks), 20 h (the most a médecin line gives),
    // every day the centre opens, the pool's commute, at the centre the roster leaves short
    CHECK(contains(fr.out, "À recruter : 1 médecin, 20 h par semaine, lun.–sam., dans les 60 min "
                           "de "));
    CHECK(contains(fr.out, "Avec cette recrue, le plan trouvé tient"));
    CHECK(contains(fr.out, "Il ne tient qu'avec les recrues"));
    const fs::path plan = dir / "plan-notargets-sized.toml";
    const fs::path csv = dir / "world-recrues.csv";
    const fs::path world = dir / "world-recrues.toml";
    REQUIRE(fs::exists(plan));
    REQUIRE(fs::exists(csv));
    REQUIRE(fs::exists(world));
    // the world written is the world's text unchanged plus a [[pool]] naming the recruits
    const std::string original = read_text(dir / "world.toml");
    const std::string with = read_text(world);
    CHECK(with.rfind(original, 0) == 0);
    CHECK(contains(with.substr(original.size()), "[[pool]]\nfile = \"world-recrues.csv\"\n"));
    CHECK(contains(with.substr(original.size()), "# Ajouté par `riposte size --recruit`"));
    // the recruits read back through the loader: one more pool line, as said
    LoadResult before = load_scenario(dir / "world.toml", dir / "plan-notargets.toml");
    LoadResult loaded = load_scenario(world, plan);
    REQUIRE(before.scenario);
    REQUIRE(loaded.scenario);
    const World& w = loaded.scenario->world;
    REQUIRE(w.pool.size() == before.scenario->world.pool.size() + 1);
    const PoolEntry& r = w.pool.back();
    CHECK(w.professions[r.profession] == "medecin");
    CHECK(r.count == 1);
    CHECK(r.weekly_hours == 20.0);
    CHECK(r.max_commute_minutes == 60.0);
    CHECK_FALSE(r.on_call);
    // home: the commune of a centre of the plan, open on the recruit's days
    const auto home =
        std::find_if(loaded.scenario->plan.centres.begin(), loaded.scenario->plan.centres.end(),
                     [&](const Centre& c) { return c.commune == r.home_commune; });
    REQUIRE(home != loaded.scenario->plan.centres.end());
    CHECK(r.weekdays == (home->weekdays & all_weekdays));
    CHECK(contains(fr.out,
                   "de " + home->name + " (" + w.territory.communes[r.home_commune].insee + ")."));
    CHECK(r.label == std::string(recruit_label));
    // the same search in this process: its world's people, random keys included (the label is
    // part of them), are those of the world read back, so validate draws the same absences
    SizingOptions o;
    o.search_replications = 2;
    o.confirm_replications = 2;
    o.threads = 2;
    const SizingResult within = size_plan(*before.scenario, o);
    RecruitOptions ro;
    ro.max_recruits = 3;
    const RecruitResult rr = size_with_recruits(*before.scenario, o, within, ro);
    CHECK(rr.pass);
    CHECK(rr.people == 1);
    // recruited, without simulating, for the roster of the plan that passes with the larger
    // pool, then confirmed by one search with them
    REQUIRE(within.larger_plan.has_value());
    REQUIRE(rr.steps.size() == 1);
    CHECK(rr.steps.front().staffs_larger);
    CHECK(rr.steps.front().kept);
    CHECK(contains(fr.out, "pour le planning du plan du grand vivier ; avec les recrues, le plan "
                           "trouvé tient dans 100 % des réplications"));
    // judged on as many replications of another seed, which no step of the search saw
    CHECK(rr.independent_seed == 2);
    CHECK(rr.independent.complete);
    CHECK(rr.independent.report.replications == 2);
    CHECK(rr.independent.pass());
    CHECK(contains(fr.out, "Sur 2 autres réplications (graine 2), qu'aucun pas de la recherche "
                           "n'a vues, le plan avec les recrues tient aussi"));
    const auto mine = expand_pool(rr.world);
    const auto read = expand_pool(w);
    REQUIRE(mine.size() == read.size());
    for (std::size_t k = 0; k < mine.size(); ++k) {
        CHECK(mine[PersonId{k}].key == read[PersonId{k}].key);
        CHECK(mine[PersonId{k}].weekly_hours == read[PersonId{k}].weekly_hours);
        CHECK(mine[PersonId{k}].weekdays == read[PersonId{k}].weekdays);
        CHECK(mine[PersonId{k}].home == read[PersonId{k}].home);
    }
    // check and validate accept the world with the recruits and the plan written; the plan
    // fails with the world given (the recruit is needed)
    const Outcome check = run_cli({"check", world.string(), plan.string()}, dir);
    INFO(check.out);
    INFO(check.err);
    CHECK(check.exit_code == 0);
    const Outcome valid =
        run_cli({"validate", world.string(), plan.string(), "--replications", "2"}, dir);
    INFO(valid.out);
    CHECK(valid.exit_code == 0);
    const Outcome without = run_cli(
        {"validate", (dir / "world.toml").string(), plan.string(), "--replications", "2"}, dir);
    CHECK(without.exit_code == 1);

    // the files exist: refused without --force
    const Outcome again = run_cli(size_args(dir, {"--recruit", "3"}), dir);
    CHECK(again.exit_code == 2);

    // in English; the same result on one thread (byte-identical output)
    const Outcome en = run_cli(size_args(dir, {"--recruit", "3", "--force", "--lang", "en"}), dir);
    CHECK(en.exit_code == 1);
    CHECK(contains(en.out, "To recruit: 1 doctor, 20 h a week, Mon–Sat, within 60 min of "));
    CHECK(contains(en.out, "It passes only with the recruits"));
    std::vector<std::string> one_thread = size_args(dir, {"--recruit", "3", "--force"});
    one_thread[8] = "1";
    const Outcome fr1 = run_cli(one_thread, dir);
    CHECK(fr1.exit_code == 1);
    CHECK(fr1.out == fr.out);
    CHECK(fr1.err == fr.err);
}

TEST_CASE("size --recruit: too few recruits write nothing and say the best share reached") {
    const fs::path dir = recruit_world("short", "medecin,34079,2,8,mon-sat,60,GPs\n");
    const Outcome o = run_cli(size_args(dir, {"--recruit", "1", "--force"}), dir);
    INFO(o.out);
    CHECK(o.exit_code == 1);
    CHECK(contains(o.out, "Même avec 1 recrue(s), aucun plan ne tient tous les objectifs"));
    CHECK(contains(o.out, "Aucun fichier n'est écrit"));
    CHECK_FALSE(fs::exists(dir / "plan-notargets-sized.toml"));
    CHECK_FALSE(fs::exists(dir / "world-recrues.csv"));
    CHECK_FALSE(fs::exists(dir / "world-recrues.toml"));
    // a bad count is a usage error
    CHECK(run_cli(size_args(dir, {"--recruit", "0"}), dir).exit_code == 2);
    CHECK(run_cli(size_args(dir, {"--recruit", "21"}), dir).exit_code == 2);
    CHECK(run_cli(size_args(dir, {"--recruit", "1", "--recruit-hours", "0"}), dir).exit_code == 2);
}

TEST_CASE("size --recruit: when a plan within the pool passes, the output is the same as "
          "without it and no recruit file is written") {
    // the shipped pool staffs the structure of the plan without targets
    const fs::path dir = recruit_world("passes", "");
    const std::vector<std::string> base{"size",
                                        (herault / "world.toml").string(),
                                        (dir / "plan-notargets.toml").string(),
                                        "-n",
                                        "2",
                                        "--confirm",
                                        "2",
                                        "--threads",
                                        "2",
                                        "--force",
                                        "--out",
                                        (dir / "sized.toml").string()};
    const Outcome plain = run_cli(base, dir);
    const std::string plain_plan = read_text(dir / "sized.toml");
    std::vector<std::string> with = base;
    with.push_back("--recruit");
    with.push_back("4");
    const Outcome recruit = run_cli(with, dir);
    CHECK(plain.exit_code == 0);
    CHECK(recruit.exit_code == 0);
    CHECK(recruit.out == plain.out);
    CHECK(recruit.err == plain.err);
    CHECK(read_text(dir / "sized.toml") == plain_plan);
    CHECK_FALSE(fs::exists(herault / "world-recrues.csv"));
    CHECK_FALSE(fs::exists(herault / "world-recrues.toml"));
}
