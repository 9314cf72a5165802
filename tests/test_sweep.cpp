// Sweeps (riposte/sweep.hpp, riposte/sweep_loader.hpp, riposte sweep / merge): overrides, the
// task codec, the runner on threads and shards, the checkpoint, the sweep file reader and the
// command line. The MPI rank-count comparison is the ctest `mpi_sweep` (tests/mpi_sweep.sh).
#include "cli_process.hpp"
#include "fixtures.hpp"
#include "riposte/sweep.hpp"
#include "riposte/sweep_loader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <thread>

using namespace riposte;
using namespace riposte::test;

namespace {

std::vector<SweepVariant> fixture_variants() {
    auto base = std::make_shared<const Scenario>(small_scenario());
    Scenario more = small_scenario();
    REQUIRE_FALSE(apply_overrides(more, {{{"injection", 1.5}}, {}, {}}));
    Scenario less_uptake = small_scenario();
    REQUIRE_FALSE(apply_overrides(less_uptake, {{}, {{"", 0.5}}, 0.05}));
    return {{"base", base, nullptr},
            {"more", std::make_shared<const Scenario>(std::move(more)), nullptr},
            {"uptake", std::make_shared<const Scenario>(std::move(less_uptake)), nullptr}};
}

std::vector<std::string> encoded(const std::vector<TaskResult>& tasks) {
    std::vector<std::string> out;
    for (const TaskResult& t : tasks) out.push_back(encode_task(t));
    return out;
}

const std::filesystem::path list_sweep =
    std::filesystem::path(RIPOSTE_SOURCE_DIR) / "tests/data/sweep/list.toml";

} // namespace

TEST_CASE("sweep: staff factors round to the nearest whole person, never below 1") {
    CHECK(scale_staff(2, 0.8) == 2);  // 1.6
    CHECK(scale_staff(1, 0.8) == 1);  // 0.8
    CHECK(scale_staff(1, 0.2) == 1);  // never below 1 where the base is above 0
    CHECK(scale_staff(3, 1.2) == 4);  // 3.6
    CHECK(scale_staff(5, 0.5) == 3);  // 2.5: halves up
    CHECK(scale_staff(10, 0.8) == 8); // 8.0
    CHECK(scale_staff(0, 1.2) == 0);
    CHECK(scale_staff(4, 0.0) == 1);
}

TEST_CASE("sweep: overrides change every shift of the role, uptake and absence") {
    Scenario s = small_scenario();
    Centre second = vaccination_centre("Beta centre", 3);
    Shift evening = second.shifts.front();
    evening.start = hours(17);
    evening.end = hours(20);
    evening.staff = {1, 1, 5, 1, 1, 0};
    second.shifts.push_back(evening);
    s.plan.centres.push_back(second);
    const int inj = s.world.find_role("injection").value();
    REQUIRE(inj >= 0);
    VariantOverrides o;
    o.staff = {{"injection", 1.2}};
    o.uptake = {{"", 0.5}};
    o.absence = 0.07;
    REQUIRE_FALSE(apply_overrides(s, o));
    const auto r = static_cast<std::size_t>(inj);
    CHECK(s.plan.centres[0].shifts[0].staff[RoleId{r}] == 2); // 2.4
    CHECK(s.plan.centres[1].shifts[0].staff[RoleId{r}] == 4); // 3.6
    CHECK(s.plan.centres[1].shifts[1].staff[RoleId{r}] == 6); // 6.0
    CHECK(s.plan.centres[0].shifts[0].staff[RoleId{0}] == 1); // other roles unchanged
    for (const PopulationGroup& g : s.world.groups) CHECK(g.uptake == 0.5);
    CHECK(s.world.absenteeism.baseline == 0.07);

    const auto e = apply_overrides(s, {{{"injecton", 1.2}}, {}, {}});
    REQUIRE(e);
    CHECK(contains(e->en, "unknown role 'injecton'"));
    CHECK(contains(e->fr, "rôle inconnu « injecton »"));
    const auto g = apply_overrides(s, {{}, {{"nobody", 0.5}}, {}});
    REQUIRE(g);
    CHECK(contains(g->en, "unknown population group"));
    CHECK(contains(g->fr, "groupe de population inconnu « nobody »"));
}

TEST_CASE("sweep: a task survives its text form exactly") {
    const auto variants = fixture_variants();
    TaskResult t = run_task(variants[1], 3, 5);
    t.variant = 1;
    t.facts.worst_centre = "Centre 100% d'Alpha - nord";
    t.facts.worst_date = "";
    const std::string line = encode_task(t);
    CHECK(line.find('\n') == std::string::npos);
    const auto back = decode_task(line);
    REQUIRE(back);
    CHECK(encode_task(*back) == line);
    CHECK(back->record.replication == 3);
    CHECK(back->facts.worst_centre == t.facts.worst_centre);
    CHECK(back->facts.worst_date.empty());
    REQUIRE(back->kpis.size() == t.kpis.size());
    for (std::size_t i = 0; i < t.kpis.size(); ++i)
        CHECK(std::memcmp(&back->kpis[i], &t.kpis[i], sizeof(double)) == 0);
    CHECK(back->record.totals.wait_p90_min == t.record.totals.wait_p90_min);
    // cut short or changed by hand: refused
    CHECK_FALSE(decode_task(line.substr(0, line.size() - 5)));
    CHECK_FALSE(decode_task("task 1 2 x"));
    CHECK_FALSE(decode_task(line + " 1"));
}

TEST_CASE("sweep: tasks are the replications of run_replications, for any thread count") {
    const auto variants = fixture_variants();
    SweepOptions o;
    o.replications = 5;
    o.seed = 3;
    o.threads = 1;
    const SweepOutcome one = run_sweep(variants, o);
    o.threads = 3;
    const SweepOutcome three = run_sweep(variants, o);
    REQUIRE(one.complete);
    REQUIRE(one.tasks.size() == 15);
    CHECK(encoded(one.tasks) == encoded(three.tasks));

    // the same records and KPI values as the replication runner of `run` and `compare`
    ReplicationOptions ro;
    ro.replications = 5;
    ro.seed = 3;
    ro.threads = 2;
    for (std::size_t v = 0; v < variants.size(); ++v) {
        const ReplicationSet ref = run_replications(*variants[v].scenario, ro);
        const ReplicationSet& got = one.sets[v];
        REQUIRE(got.runs.size() == ref.runs.size());
        REQUIRE(got.kpis.size() == ref.kpis.size());
        for (std::size_t i = 0; i < ref.runs.size(); ++i) {
            CHECK(got.runs[i].events == ref.runs[i].events);
            CHECK(got.runs[i].totals.vaccinations == ref.runs[i].totals.vaccinations);
        }
        for (std::size_t k = 0; k < ref.kpis.size(); ++k) {
            CHECK(got.kpis[k].name == ref.kpis[k].name);
            CHECK(got.kpis[k].values == ref.kpis[k].values);
        }
    }
}

TEST_CASE("sweep: common random numbers: a variant identical to the baseline differs by 0") {
    auto variants = fixture_variants();
    Scenario same = small_scenario();
    REQUIRE_FALSE(apply_overrides(same, {{{"injection", 1.0}}, {}, {}}));
    variants.push_back({"same", std::make_shared<const Scenario>(same), nullptr});
    SweepOptions o;
    o.replications = 4;
    o.threads = 2;
    const SweepOutcome out = run_sweep(variants, o);
    const auto base = summarise(*variants[0].scenario, out.sets[0]);
    const auto copy = summarise(*variants[3].scenario, out.sets[3]);
    for (const PairedDifference& d : paired_differences(base, copy)) {
        CHECK(d.diff == 0);
        CHECK(d.ci95 == 0);
        CHECK_FALSE(d.significant);
    }
    // and more injectors give significantly shorter waits, paired replication by replication
    const auto more = summarise(*variants[1].scenario, out.sets[1]);
    bool wait_checked = false;
    for (const PairedDifference& d : paired_differences(base, more)) {
        if (d.name != "wait_mean_min") continue;
        wait_checked = true;
        CHECK(d.diff < 0);
    }
    CHECK(wait_checked);
}

TEST_CASE("sweep: shards together are the whole sweep, a stopped run resumes to the same") {
    const auto variants = fixture_variants();
    SweepOptions o;
    o.replications = 4;
    o.threads = 2;
    const SweepOutcome whole = run_sweep(variants, o);
    std::vector<TaskResult> gathered;
    for (int i = 0; i < 3; ++i) {
        SweepOptions s = o;
        s.shard_index = i;
        s.shard_count = 3;
        const SweepOutcome part = run_sweep(variants, s);
        CHECK(part.complete);
        CHECK(part.total == 4);
        gathered.insert(gathered.end(), part.tasks.begin(), part.tasks.end());
    }
    CHECK(sets_from_tasks(variants, gathered, 4)[2].runs.size() == 4);
    std::sort(gathered.begin(), gathered.end(), [](const TaskResult& a, const TaskResult& b) {
        return std::make_pair(a.variant, a.record.replication) <
               std::make_pair(b.variant, b.record.replication);
    });
    CHECK(encoded(gathered) == encoded(whole.tasks));

    // stop after 5 tasks, recording them; resume from those: nothing run twice, nothing lost
    std::vector<TaskResult> recorded;
    SweepOptions first = o;
    first.stop_after = 5;
    first.on_finished = [&](const TaskResult& t) {
        recorded.push_back(t);
        return true;
    };
    const SweepOutcome stopped = run_sweep(variants, first);
    CHECK_FALSE(stopped.complete);
    CHECK(stopped.ran == 5);
    CHECK(recorded.size() == 5);
    SweepOptions second = o;
    second.finished = recorded;
    int ran_again = 0;
    second.on_finished = [&](const TaskResult& t) {
        for (const TaskResult& r : recorded)
            CHECK_FALSE((r.variant == t.variant && r.record.replication == t.record.replication));
        ++ran_again;
        return true;
    };
    const SweepOutcome resumed = run_sweep(variants, second);
    CHECK(resumed.complete);
    CHECK(ran_again == 12 - 5);
    CHECK(encoded(resumed.tasks) == encoded(whole.tasks));
}

TEST_CASE("sweep: the checkpoint keeps tasks across runs and refuses another sweep's") {
    TempDir dir;
    const auto file = dir.path() / "s.checkpoint";
    const auto variants = fixture_variants();
    std::vector<TaskResult> tasks;
    {
        Checkpoint c;
        REQUIRE(c.open(file, "digest-a", tasks).empty());
        CHECK(tasks.empty());
        for (int rep = 0; rep < 2; ++rep) {
            TaskResult t = run_task(variants[0], rep, 1);
            REQUIRE(c.append(t));
        }
    }
    // a crash in the middle of a line: the piece is dropped, the rest kept
    {
        std::ofstream out(file, std::ios::app | std::ios::binary);
        out << "task 0 2 1 99";
    }
    Checkpoint again;
    REQUIRE(again.open(file, "digest-a", tasks).empty());
    REQUIRE(tasks.size() == 2);
    CHECK(tasks[1].record.replication == 1);
    REQUIRE(again.append(run_task(variants[0], 2, 1)));
    again.close();
    std::string digest, error;
    CHECK(read_task_file(file, digest, error).size() == 3);
    CHECK(error.empty());
    CHECK(digest == "digest-a");
    Checkpoint other;
    CHECK(contains(other.open(file, "digest-b", tasks), "belongs to another sweep"));
}

TEST_CASE("sweep: the checkpoint appears with its header line or not at all") {
    // as the journal: a sweep killed while creating its checkpoint left an empty file that the
    // next run refused ("empty sweep task file") instead of starting over
    TempDir dir;
    riposte::test::CreationWatch all;
    for (int round = 0; round < 200; ++round) {
        const auto file = dir.path() / ("s" + std::to_string(round) + ".checkpoint");
        all += watch_creation(
            file, "riposte-sweep-tasks 1 digest-" + std::to_string(round) + "\n", [&] {
                std::vector<TaskResult> tasks;
                Checkpoint c;
                REQUIRE(c.open(file, "digest-" + std::to_string(round), tasks).empty());
            });
    }
    CHECK(all.missing == 0);
    CHECK(all.seen >= 200);
    CHECK(all.partial == 0);
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                        std::filesystem::directory_iterator{}) == 200);
}

TEST_CASE("sweep file: errors name file:line:column") {
    const auto base = std::filesystem::path(RIPOSTE_SCENARIO_DIR) / "centre-herault";
    const auto r = load_sweep_text("[sweep]\n"
                                   "world = \"world.toml\"\n"
                                   "replicatons = 3\n"
                                   "[[variant]]\n"
                                   "label = \"a\"\n"
                                   "plan = \"plan.toml\"\n"
                                   "staff = { injection = -1 }\n"
                                   "[[variant]]\n"
                                   "label = \"a\"\n"
                                   "absence = 2\n",
                                   "bad.toml", base);
    CHECK_FALSE(r.sweep);
    std::string all;
    for (const Diagnostic& d : r.diagnostics.items()) all += format_diagnostic(d) + "\n";
    CHECK(contains(all, "bad.toml:3:1: error: [key.unknown] unknown key 'replicatons'"));
    CHECK(contains(all, "did you mean 'replications'"));
    CHECK(contains(all, "bad.toml:7:23:"));
    CHECK(contains(all, "bad.toml:8:1: error: [key.missing]"));
    CHECK(contains(all, "bad.toml:10:11:"));
    CHECK(contains(all, "[sweep.duplicate_label]"));

    const auto unknown_role = load_sweep_text("[sweep]\nworld = \"world.toml\"\n"
                                              "[[variant]]\nplan = \"plan.toml\"\n"
                                              "staff = { injecton = 1.2 }\n",
                                              "role.toml", base);
    REQUIRE(unknown_role.sweep);
    const PreparedSweep p = prepare_sweep(*unknown_role.sweep);
    REQUIRE(p.diagnostics.has_errors());
    CHECK(contains(format_diagnostic(p.diagnostics.items().front()),
                   "role.toml:5:11: error: [sweep.unknown_role] unknown role 'injecton'"));
}

TEST_CASE("sweep file: a grid is the product of its dimensions, labelled by what varies") {
    const auto base = std::filesystem::path(RIPOSTE_SCENARIO_DIR) / "centre-herault";
    const auto r = load_sweep_text("[sweep]\nworld = \"world.toml\"\nreplications = 3\n"
                                   "baseline = \"plan=plan staff.injection=1\"\n"
                                   "[grid]\nplan = [\"plan.toml\", \"plan-extra-line.toml\"]\n"
                                   "staff.injection = [0.8, 1, 1.2]\nabsence = 0.05\n",
                                   "grid.toml", base);
    REQUIRE(r.sweep);
    const SweepSpec& s = *r.sweep;
    REQUIRE(s.variants.size() == 6);
    CHECK(s.variants[0].label == "plan=plan staff.injection=0.8");
    CHECK(s.variants[5].label == "plan=plan-extra-line staff.injection=1.2");
    CHECK(s.baseline == 1);
    CHECK(s.replications == 3);
    for (const auto& v : s.variants) CHECK(v.overrides.absence == 0.05);
    CHECK(s.variants[3].plan.filename() == "plan-extra-line.toml");
}

TEST_CASE("riposte sweep: files byte-identical for 1 and 3 threads, shards merged, resumed") {
    TempDir dir;
    const std::string sweep = list_sweep.string();
    const auto a = run_cli({"sweep", sweep, "-j", "1", "--out", "a", "--quiet"}, dir.path());
    REQUIRE_MESSAGE(a.exit_code == 0, a.err);
    const auto b = run_cli({"sweep", sweep, "-j", "3", "--out", "b", "--quiet"}, dir.path());
    REQUIRE(b.exit_code == 0);
    const std::string csv = read_text(dir.path() / "a/sweep.csv");
    const std::string variants = read_text(dir.path() / "a/variants.csv");
    CHECK(csv == read_text(dir.path() / "b/sweep.csv"));
    CHECK(variants == read_text(dir.path() / "b/variants.csv"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "a.checkpoint"));
    CHECK(contains(csv, "variant,label,baseline,kpi,higher_is_better,replications,mean,ci95,"
                        "diff,diff_ci95,significant,verdict\n"));
    // 4 variants × the main KPIs; the identical variant differs by exactly 0
    CHECK(contains(csv, "\n2,same,false,wait_p90_min,false,4,"));
    CHECK(contains(csv, "1,base,true,vaccinations,true,4,"));
    CHECK(contains(variants, "4,\"extra line, absences, fridge\",false,../../../scenarios/"
                             "centre-herault/world.toml,../../../scenarios/centre-herault/"
                             "plan-extra-line.toml,../../../scenarios/stress/fridge-failure.toml,,"
                             "0.6,0.1\n"));
    CHECK(contains(variants, "3,\"more staff, less uptake\",false,"));
    CHECK(contains(variants, ",injection=1.5;medical_interview=0.5,18-64=0.4;75+=0.9,\n"));

    // shards (Slurm job array) then merge
    for (const char* s : {"1/3", "2/3", "3/3"}) {
        const auto o =
            run_cli({"sweep", sweep, "--shard", s, "--out", std::string("shard") + s[0], "--quiet"},
                    dir.path());
        REQUIRE_MESSAGE(o.exit_code == 0, o.err);
    }
    const auto m = run_cli({"merge", "shard3", "shard1", "shard2", "--out", "m"}, dir.path());
    REQUIRE_MESSAGE(m.exit_code == 0, m.err);
    CHECK(read_text(dir.path() / "m/sweep.csv") == csv);
    CHECK(read_text(dir.path() / "m/variants.csv") == variants);
    const auto missing = run_cli({"merge", "shard1", "shard2", "--out", "x"}, dir.path());
    CHECK(missing.exit_code == 2);
    CHECK(contains(missing.err, "riposte : erreur : parts manquantes : 3 sur 3"));
    const auto twice = run_cli({"merge", "shard1", "shard1", "shard2", "--out", "x"}, dir.path());
    CHECK(twice.exit_code == 2);

    // stopped twice, then resumed from the checkpoint: the same files
    const auto s1 =
        run_cli({"sweep", sweep, "--out", "r", "--stop-after", "5", "-j", "2"}, dir.path());
    CHECK(s1.exit_code == 1);
    CHECK(contains(s1.err, "5 tâche(s) sur 16"));
    const auto s2 =
        run_cli({"sweep", sweep, "--out", "r", "--stop-after", "4", "--lang", "en"}, dir.path());
    CHECK(s2.exit_code == 1);
    CHECK(contains(s2.err, "resuming: 5 of 16 tasks already finished"));
    CHECK(contains(s2.err, "stopped: 9 of 16 tasks finished"));
    const auto s3 = run_cli({"sweep", sweep, "--out", "r", "--quiet"}, dir.path());
    REQUIRE(s3.exit_code == 0);
    CHECK(read_text(dir.path() / "r/sweep.csv") == csv);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "r.checkpoint"));

    // a checkpoint of the same sweep with other replications is refused
    CHECK(run_cli({"sweep", sweep, "--out", "q", "--stop-after", "1", "--quiet"}, dir.path())
              .exit_code == 1);
    const auto other = run_cli({"sweep", sweep, "--out", "q", "-n", "3"}, dir.path());
    CHECK(other.exit_code == 2);
    CHECK(contains(other.err, "belongs to another sweep"));
}

TEST_CASE("riposte sweep: killed while running, it resumes and gives the same files") {
    TempDir dir;
    const std::string sweep = list_sweep.string();
    const auto ref = run_cli({"sweep", sweep, "--out", "ref", "--quiet", "-n", "6"}, dir.path());
    REQUIRE(ref.exit_code == 0);
    const auto checkpoint = dir.path() / "k.checkpoint";
    const auto lines = [&] {
        const std::string t = read_text(checkpoint);
        return static_cast<int>(std::count(t.begin(), t.end(), '\n'));
    };
    int kills = 0;
    for (int round = 0; round < 3; ++round) {
        CliProcess p({"sweep", sweep, "--out", "k", "--quiet", "-n", "6", "-j", "2"}, dir.path());
        // wait for a few more tasks to be recorded, then kill it without warning
        const int before = std::filesystem::exists(checkpoint) ? lines() : 0;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < deadline &&
               (!std::filesystem::exists(checkpoint) || lines() < before + 3))
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        p.signal(SIGKILL);
        const Outcome o = p.finish();
        if (o.exit_code == 0) break; // finished before the kill landed
        CHECK(o.exit_code == 128 + SIGKILL);
        ++kills;
    }
    CHECK(kills >= 1);
    // killed part-way: some tasks were recorded, not all
    CHECK(lines() > 0);
    const auto done = run_cli({"sweep", sweep, "--out", "k", "--quiet", "-n", "6"}, dir.path());
    REQUIRE_MESSAGE(done.exit_code == 0, done.err);
    CHECK(read_text(dir.path() / "k/sweep.csv") == read_text(dir.path() / "ref/sweep.csv"));
}

TEST_CASE("riposte sweep prints a bad sweep file's diagnostics in French by default") {
    TempDir dir;
    std::ofstream(dir.path() / "bad.toml")
        << "[sweep]\nworld = \"" << RIPOSTE_SCENARIO_DIR
        << "/centre-herault/world.toml\"\nreplicatons = 3\n[[variant]]\nplan = \""
        << RIPOSTE_SCENARIO_DIR << "/centre-herault/plan.toml\"\n";
    const auto fr = run_cli({"sweep", "bad.toml"}, dir.path());
    CHECK(fr.exit_code == 2);
    CHECK_MESSAGE(contains(fr.err, "bad.toml:3:1: erreur : [key.unknown] clé inconnue "
                                   "'replicatons' dans [sweep] ; vouliez-vous dire "
                                   "'replications' ?"),
                  fr.err);
    const auto en = run_cli({"sweep", "bad.toml", "--lang", "en"}, dir.path());
    CHECK(contains(en.err, "bad.toml:3:1: error: [key.unknown] unknown key 'replicatons'"));
}

TEST_CASE("riposte check reads a sweep file") {
    TempDir dir;
    const auto ok = run_cli({"check", list_sweep.string(), "--lang", "en"}, dir.path());
    CHECK(ok.exit_code == 0);
    CHECK(contains(ok.out, "ok: sweep: 4 variants × 4 replications"));
    std::ofstream(dir.path() / "bad.toml")
        << "[sweep]\nworld = \"" << RIPOSTE_SCENARIO_DIR
        << "/centre-herault/world.toml\"\n[[variant]]\nplan = \"" << RIPOSTE_SCENARIO_DIR
        << "/centre-herault/plan.toml\"\nuptake = { \"80+\" = 0.5 }\n";
    const auto bad = run_cli({"check", "bad.toml", "--lang", "en"}, dir.path());
    CHECK(bad.exit_code == 2);
    CHECK(contains(bad.err, "bad.toml:5:12: error: [sweep.unknown_group] unknown population "
                            "group '80+'"));
    CHECK(contains(bad.err, "1 error(s) in the sweep"));
}

TEST_CASE("sweep: the shipped sweep files read and prepare without a problem") {
    for (const char* f : {"centre-herault/sweep.toml", "metz-et-environs/sweep.toml"}) {
        const auto r = load_sweep(std::filesystem::path(RIPOSTE_SCENARIO_DIR) / f);
        REQUIRE_MESSAGE(r.sweep, f);
        CHECK(r.diagnostics.items().empty());
        const PreparedSweep p = prepare_sweep(*r.sweep);
        CHECK_MESSAGE(!p.diagnostics.has_errors(), f);
        CHECK(p.variants.size() == r.sweep->variants.size());
        CHECK(p.digest.size() == 64);
    }
}
