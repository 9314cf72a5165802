#include "help.hpp"

#include "territory_command.hpp"

namespace riposte::cli {

namespace {

constexpr std::string_view main_text =
    R"(riposte - simulate a CPTS plan for vaccination and testing centres

Usage:
  riposte run [WORLD PLAN | DIR] [options]       run replications, print the KPIs (mean and
                                                 95% CI) and write CSV/JSON result files
  riposte compare WORLD PLAN_A PLAN_B [...]      compare plans on the same world with common
                                                 random numbers
  riposte validate [WORLD PLAN | DIR] [options]  check a plan against the rules and its targets
  riposte size [WORLD PLAN | DIR] [options]      find the least staffing that passes every rule
  riposte report RESULTS_DIR [options]           write the HTML report of a results folder
  riposte check [WORLD PLAN | DIR] [--exercise FILE]
                                                 load a scenario (and an exercise) and report
                                                 every problem
  riposte exercise replay WORLD PLAN JOURNAL [--out DIR]
                                                 re-run a live session from its journal
  riposte exercise report JOURNAL [--out FILE.html]
                                                 the RETEX of a session (HTML, French)
  riposte territory (--epci S | --insee ... | --departement D | --around INSEE --radius-km R)
                                                 build a territory from the national table
  riposte sweep SWEEP.toml [--out DIR] [options] run a list or grid of plan variants with
                                                 common random numbers (threads or mpirun)
  riposte merge SHARD_DIR... --out DIR           gather the shards of a sweep (--shard i/n)
  riposte help [COMMAND]                         show help for a command
  riposte --version                              print the version
  riposte --help                                 show this help

Commands:
  run       simulate N replications of a scenario (a world file and a plan file)
  compare   run several plans of one world with the same seeds; paired differences
  validate  pass/fail per rule: structural rules and the plan's targets
  size      staffing search: the least staffing per centre, shift and role that passes
            every rule of validate within the pool, written as a plan; or what to recruit
  report    one self-contained HTML file with charts (French by default, --lang en)
  check     parse and lint a scenario without simulating it
  exercise  replay the journal of a live session (exercise, crisis meeting), or its RETEX
  territory communes and road graph (and optionally a world and plan) from the national
            commune table
  sweep     variants (plan, staff ×factor, uptake, absence, exercise) × N replications:
            KPI means and CIs per variant, paired differences to a baseline
  merge     gather the shard folders of a sweep run as a Slurm job array
  help      show help for a command

What run, compare, validate, check and report write for people, and this help, are in French
by default; --lang en gives English. Result files (CSV columns, JSON keys) are the same in both.

Scenario arguments (run, validate, check):
  WORLD PLAN   a world file (territory, population, pool, supply) and a plan file
               (centres, hours, staffing, booking, targets)
  DIR          a directory holding world.toml and plan.toml
  (none)       the bundled default scenario

Exit codes:
  0  success; validate: every rule passes
  1  run error (the simulation failed, was interrupted with Ctrl-C, or files could not
     be written); validate: at least one rule fails
  2  bad input or usage (scenario errors, unknown command or option, bad value)

Run 'riposte COMMAND --help' for the options of a command.
)";

constexpr std::string_view run_text =
    R"(riposte run - simulate replications of a scenario

Usage:
  riposte run [WORLD PLAN | DIR] [--replications N] [--threads T] [--seed S]
              [--replication K] [--out DIR] [--no-files] [--quiet] [--report] [--lang fr|en]
              [--exercise FILE]

Loads the scenario (the bundled default when no WORLD and PLAN are given; DIR is a
directory holding world.toml and plan.toml), runs the replications, prints a summary on
standard output and writes the result tables into an output directory. Scenario problems
are printed as file:line:column: error: message on standard error and nothing is run
(exit code 2). Warnings are printed and the run goes on.

With one replication the summary is the detailed KPI summary of that run. With N > 1 it
is a table of every KPI: mean, half-width of the 95% confidence interval of the mean,
min and max over the replications. Both end with a VERDICT: what is off (unmet demand,
a day's p90 wait, waste, stations short of staff) and its cause (supply, staff, opening
hours, booking horizon, travel), one sentence each. Results do not depend on --threads: replication k
always draws the same random numbers for a given seed.

Options:
  --replications N  number of replications, 1 to 100000 (default 1); replications 0 to
                    N-1 of the seed are run
  --threads T       worker threads, 1 to 256 (default: the number of processors)
  --seed S          master random seed, a whole number from 0 to 18446744073709551615
                    (default 1); the same seed gives byte-identical results
  --replication K   run the single replication K (a whole number from 0; default 0);
                    only with one replication
  --out DIR         write the result files into DIR. The folder is replaced as a
                    whole, atomically: a crash leaves the old set or the new one,
                    never a mix. Default: riposte-out/<world>/<plan> in the current
                    directory
  --force           replace DIR even if it holds files riposte did not write
                    (refused otherwise, exit 2)
  --csv FORMAT      standard (default: ',' and '.', for R and pandas) or excel (';',
                    decimal comma, UTF-8 byte order mark: what French Excel opens)
  --no-files        write no result files, only print the summary
  --quiet           print nothing on success (no summary, no progress); errors and
                    scenario diagnostics are still printed on standard error
  --report          also write DIR/report.html (see 'riposte report --help')
  --lang fr|en      language of what is printed and of the report: French (default)
                    or English. Result files (CSV columns, JSON keys) are the same in both
  --exercise FILE   run under a chronogramme: its scripted injects fire at their times
                    and its triggers when their condition holds, in every replication
                    (docs/exercise.md); each one applied or refused is a line of events.csv
  -h, --help        show this help
  -n, -j, -o        short for --replications, --threads and --out

A progress bar (replications done, rate, time left) is drawn on standard error when it
is a terminal. Ctrl-C stops the run: the replications already finished are kept and
written, summary.json says "partial": true, a line on standard error says so, and the
exit code is 1. A second Ctrl-C quits at once.

Files written (see docs/cli.md for every column):
  centre_day.csv  role_day.csv  queue.csv  coverage.csv  commune_group.csv
  profession.csv  shortfall.csv  testing_day.csv  mobile_day.csv  events.csv
      one tidy table per kind; the first column 'replication' holds the replication
      index, the rows of every replication follow each other in replication order
  kpi_summary.csv       one row per KPI: mean, ci95, ci_low, ci_high, min, max
  kpi_replications.csv  one row per replication and KPI: replication, kpi, value
  summary.json          scenario, seed, replications, partial, targets, KPIs, totals

Exit codes: 0 success, 1 run error, interrupted or files not written, 2 bad input or
usage.
)";

constexpr std::string_view compare_text =
    R"(riposte compare - compare plans on the same world with common random numbers

Usage:
  riposte compare WORLD PLAN_A PLAN_B [PLAN_C ...] [--replications N] [--threads T]
                  [--seed S] [--out DIR] [--report] [--lang fr|en] [--quiet]
                  [--exercise FILE]

Loads every plan against the same world and runs each with the same seeds, replication by
replication (common random numbers: a plan's change does not change the other draws).
Prints the plans (A is the reference), then one row per KPI: the mean and 95% CI of every
plan, and for each other plan the mean paired difference to plan A with its 95% CI. A
difference whose CI excludes 0 is significant: it is marked '*' with 'better' or 'worse'
according to the KPI's direction (e.g. lower waits are better).

Options:
  --replications N  replications per plan, 2 to 100000 (default 10)
  --threads T       worker threads, 1 to 256 (default: the number of processors)
  --seed S          master random seed (default 1)
  --out DIR         write compare.csv and compare.json into DIR (the folder is
                    replaced as a whole)
  --force           replace DIR even if it holds files riposte did not write
  --report          also write DIR/report.html (needs --out)
  --lang fr|en      language of what is printed and of the report: French (default)
                    or English. Result files (CSV columns, JSON keys) are the same in both
  --exercise FILE   run every plan under the same chronogramme (a stress case, e.g.
                    scenarios/stress/absence-wave.toml): which plan holds under it
  --quiet           print nothing on success
  -h, --help        show this help
  -n, -j, -o        short for --replications, --threads and --out

Files written with --out (see docs/cli.md):
  compare.csv   one row per KPI and plan: mean, ci95, diff, diff_ci95, significant, verdict
  compare.json  the same, with the plans (format riposte-compare/1)

Ctrl-C stops: the replications every plan finished are compared, the output is marked
partial and the exit code is 1.

Exit codes: 0 success, 1 run error or interrupted, 2 bad input or usage.
)";

constexpr std::string_view validate_text =
    R"(riposte validate - check a plan against the rules and its targets

Usage:
  riposte validate [WORLD PLAN | DIR] [--replications N] [--threads T] [--seed S]
                   [--format text|json] [--structural-only] [--out DIR]
                   [--report] [--lang fr|en] [--quiet]

Structural rules (no simulation): every station of an open centre staffed on every shift;
every role filled by qualified professions of the pool within their weekly hours, days and
commute; a médecin on site whenever a vaccination centre is open; the hours asked each
week within the pool's hours; slots within the doses allocated; every commune within the
maximum travel time of an open centre or served by a mobile team; test kits never planned
below zero. Target rules come from the plan's targets (p90 wait, coverage, wasted doses,
unmet demand) and are judged over N replications; they are skipped when the plan has no
target or with --structural-only.

Text output: per rule a line 'CONFORME  id : titre' or 'NON CONFORME  id : titre'
('PASS  id: title' / 'FAIL  id: title' with --lang en), then the measured value (with its
95% CI for targets) and the requirement, and for a failing rule where it fails (centre,
date, commune, profession; 'et N autre(s)' when only the first are listed); last a line
'VERDICT : CONFORME' or 'VERDICT : NON CONFORME (...)' ('RESULT: PASS' / 'RESULT: FAIL'
in English). A plan without targets reads 'structure OK, aucune cible vérifiée' and lists
the targets a plan usually states; it still exits 0.

Options:
  --replications N   replications for the target rules, 1 to 100000 (default 10)
  --threads T        worker threads, 1 to 256 (default: the number of processors)
  --seed S           master random seed (default 1)
  --format text|json text (default) or JSON (format riposte-validation/1) on stdout
  --structural-only  check the structural rules only (no simulation)
  --out DIR          write validation.json into DIR, and the result files of the
                     replications (as 'riposte run' writes them) when there were any;
                     the folder is replaced as a whole
  --force            replace DIR even if it holds files riposte did not write
  --report           also write DIR/report.html (needs --out)
  --lang fr|en       language of what is printed and of the report: French (default)
                     or English. Result files are the same in both
  --quiet            print nothing; only the exit code tells the verdict
  --stress FILE[,FILE...]
                     also judge the targets under these stress cases (exercise files of
                     injects, e.g. scenarios/stress/absence-wave.toml), after the plan's
                     own [[validation.stress]] cases; each is run with the same seeds
  -h, --help         show this help
  -n, -j, -o         short for --replications, --threads and --out

Stress cases: the plan's targets judged again under each disruption; a section 'Stress
cases' says PASS or FAIL per case and, for a failing case, which target fails and where.
A plan that fails a stress case does not pass (exit 1).

Exit codes: 0 every rule passes, 1 at least one rule fails (or the run failed or was
interrupted: a partial validation never passes), 2 bad input or usage.
)";

constexpr std::string_view report_help_text =
    R"(riposte report - write the HTML report of a results folder

Usage:
  riposte report RESULTS_DIR [--lang fr|en] [--out FILE] [--quiet]

Reads the files that 'riposte run', 'compare' or 'validate' wrote into RESULTS_DIR
(summary.json and the CSV tables, compare.json, validation.json: whichever are there) and
writes one self-contained HTML file: no network access, no script, charts drawn as inline
SVG. It shows the weak points first, then the validation verdicts, the comparison, the
KPI table and the charts: daily throughput per centre, wait percentiles per day and
centre against the p90 target, queue length over time, coverage per group, staff hours
per profession, doses used and wasted, communes by travel time. See docs/report.md.

Options:
  --lang fr|en  language of the report: French (default) or English
  --out FILE    the HTML file to write (default RESULTS_DIR/report.html); written
                atomically
  --quiet       print nothing on success
  -h, --help    show this help

Exit codes: 0 success, 1 the file could not be written, 2 bad usage, a folder without
riposte results, or a malformed result file (named with its line).
)";

constexpr std::string_view check_text =
    R"(riposte check - parse and lint a scenario without simulating it

Usage:
  riposte check [WORLD PLAN | DIR] [--exercise FILE] [--lang fr|en]
  riposte check SWEEP.toml [--lang fr|en]

Loads the world and plan files (the bundled default when none are given; DIR is a
directory holding world.toml and plan.toml) and prints every problem found, as
file:line:column: error|warning: message, on standard error. When there is no error it
prints one line on standard output (in French unless --lang en):
  ok : communes : N (population P), liaisons routières : M, ... jours : D à partir du
  YYYY-MM-DD

With --exercise, also reads an exercise file (a chronogramme: scripted injects, triggers,
objectives; docs/exercise.md) and checks the centres, stations, professions, roles and
communes it names against the scenario, then prints a second line:
  ok: exercise 'NAME': N scripted injects, M triggers, K objectives

Given one file, a sweep file (docs/sweeps.md), reads it, loads every variant's world and
plan, applies its overrides and reads its exercise, and prints every problem, then:
  ok: sweep: N variants × R replications

Options:
  --exercise FILE   an exercise file to check with the scenario
  --lang fr|en      language of the line: French (default) or English
  -h, --help        show this help

Exit codes: 0 no error (warnings allowed), 2 at least one error or bad usage.
)";

constexpr std::string_view help_text =
    R"(riposte help - show help

Usage:
  riposte help [COMMAND] [--lang fr|en]

  riposte help            list the commands
  riposte help COMMAND    show the help of COMMAND (same as 'riposte COMMAND --help')

Options:
  --lang fr|en  language of the help: French (default) or English

Exit codes: 0 success, 2 unknown command.
)";

constexpr std::string_view exercise_text =
    R"(riposte exercise - live sessions: replay a journal, or write its RETEX

Usage:
  riposte exercise replay WORLD PLAN JOURNAL [--exercise FILE] [--until "J3 14:00"]
                          [--out DIR] [--force] [--lang fr|en] [--quiet]
  riposte exercise report JOURNAL [--out FILE.html] [--lang fr|en] [--quiet]

A live session (a tabletop exercise, a crisis-cell meeting) appends every change applied
live to its journal before the change takes effect: decisions, ad-hoc injects, scripted
injects skipped, delayed or edited, triggers that fired (docs/exercise.md). 'replay'
rebuilds the session from the world, the plan, the exercise and the journal, and writes
the same result files as 'riposte run' (one replication, the journal's seed): they are
byte-identical to the live session's.

The journal's header holds the SHA-256 of the world, plan and exercise files and the seed:
other inputs are refused (exit 1), naming the file that differs. A journal entry the run
cannot follow (its event or time no longer matches, an inject that no longer exists) stops
the replay with the journal's file:line and what differs (exit 1), never silently.

'report' replays the journal to the end, finding the world, plan and exercise files through
the journal's header (paths relative to the journal's folder, checked by SHA-256), and
writes the RETEX: one self-contained HTML page (French by default) with the timeline of
injects and decisions drawn over the KPI charts, the objectives met or not (and where they
failed), what broke (worst waits, people turned away, stock-outs), staff hours by
profession, the decisions the model refused (journaled with their reasons, never applied),
the evaluators' observations and a corrective action plan pre-filled from the decisions. Default output: NAME-retex.html next to the journal (NAME.journal.toml).

Options:
  --exercise FILE   the exercise of the session (default: the one the journal names,
                    relative to the journal's folder)
  --until TIME      replay the entries up to TIME only ("J3 14:00": day index and time),
                    then run on to the end without the later ones: what would have
                    happened without the decisions taken after TIME
  --out DIR|FILE    replay: write the result files into DIR (replaced as a whole,
                    atomically); report: the HTML file (written atomically)
  --lang fr|en      replay: the language of its diagnostics, summary and messages;
                    report: the language of the RETEX (default: fr)
  --force           replace DIR even if it holds files riposte did not write
  --quiet           print nothing on success
  -h, --help        show this help

Exit codes: 0 replayed (or written), 1 divergence or inputs differ, 2 bad input or usage.
)";

constexpr std::string_view sweep_text =
    R"(riposte sweep - run a list or a grid of plan variants with common random numbers

Usage:
  riposte sweep SWEEP.toml [--out DIR] [--replications N] [--seed S] [-j T]
                [--shard i/n] [--checkpoint FILE | --no-checkpoint] [--stop-after K]
                [--force] [--quiet] [--lang fr|en]
  mpirun -n R riposte sweep SWEEP.toml --out DIR [...]

A sweep file (docs/sweeps.md) names a world and a list ([[variant]]) and/or a grid ([grid])
of variants; a variant is a plan file, staff factors per role (staff.injection = 1.2: every
shift's people of that role × 1.2, rounded to the nearest whole person, never below 1 where
the plan has some), an uptake share, a daily absence rate and an exercise file. Each of its
N replications (a task) uses the seed of its replication, whatever runs it, so every variant
sees the same random draws and the results are byte-identical for any number of threads,
MPI ranks or shards.

Under mpirun (a build with the MPI component), rank 0 hands the next task to whichever rank
is free (dynamic load balancing), runs tasks too, and alone prints and writes the results.

Options:
  --out DIR          write sweep.csv and variants.csv into DIR (replaced as a whole,
                     atomically); with --shard: the shard's tasks
  -n, --replications N  replications per variant (default: the sweep file's, else 10)
  --seed S           base seed (default: the sweep file's, else 1)
  -j, --threads T    worker threads (default: the number of processors; under mpirun: 1
                     per rank)
  --shard i/n        run only the tasks of shard i of n (1 <= i <= n) and write them into
                     --out DIR; gather the n folders with 'riposte merge'
  --checkpoint FILE  record every finished task in FILE (appended, fsync'ed) and skip the
                     tasks it already holds: an interrupted sweep resumes where it stopped
                     (default with --out: DIR.checkpoint; removed once the results are written)
  --no-checkpoint    keep no checkpoint
  --stop-after K     hand out at most K tasks in this run, then stop (tests of resuming)
  --force            replace DIR even if it holds files riposte did not write
  --quiet            print nothing on success
  --lang fr|en       language of what is printed (default: fr); files are the same
  -h, --help         show this help

Files:
  sweep.csv     one row per variant and KPI: mean, ci95 (95% CI half-width), and for the
                variants other than the baseline the paired difference to it: diff,
                diff_ci95, significant, verdict (better/worse)
  variants.csv  one row per variant: label, files, staff factors, uptake, absence rate

Exit codes: 0 done, 1 run error or stopped before the end (the checkpoint keeps the finished
tasks), 2 bad input or usage.
)";

constexpr std::string_view merge_text =
    R"(riposte merge - gather the shards of a sweep

Usage:
  riposte merge SHARD_DIR... --out DIR [--force] [--quiet] [--lang fr|en]

Reads the folders written by 'riposte sweep SWEEP.toml --shard i/n --out SHARD_DIR' (for
example by the n tasks of a Slurm job array, see docs/sweeps.md), checks that they are the n
shards of one sweep (same inputs, by SHA-256) and that every task is there once, and writes
sweep.csv and variants.csv: byte-identical to a sweep run in one go.

Options:
  --out DIR      the results folder (replaced as a whole, atomically)
  --force        replace DIR even if it holds files riposte did not write
  --quiet        print nothing on success
  --lang fr|en   language of what is printed (default: fr)
  -h, --help     show this help

Exit codes: 0 written, 1 files could not be written, 2 a shard is missing, doubled or from
another sweep.
)";
constexpr std::string_view size_text =
    R"help(riposte size - find the least staffing that passes every rule (docs/sizing.md)

Usage:
  riposte size [WORLD PLAN | DIR] [--replications N] [--confirm M] [--threads T]
               [--seed S] [--cost hours|eur] [--rates PROF=EUR,...] [--max-steps K]
               [--hours] [--recruit K [--recruit-hours H]] [--out FILE] [--force]
               [--lang fr|en] [--quiet]
  mpirun -n R riposte size WORLD PLAN [...]

Searches the number of people of each role on each shift of each centre (the roles that
staff one of the centre's stations) for the least cost such that every structural rule and
every target rule of 'riposte validate' passes, within the pool (weekly hours, scope of
practice, days, commute). Opening hours and days are kept as written unless --hours is
given; mobile teams always are.

Method (simulation optimisation with common random numbers: every candidate plan is run
with the same seeds): a station's role with nobody on a shift first gets one person; then,
while a target fails, one person is added where it lowers the distance to the targets most
per hour (or euro) it costs, among the roles and shifts of the centres that fail (greedy
marginal allocation driven by the binding target; each step's moves are screened on a
quarter of the replications, or on those where the centre fails when that quarter shows
none, and the 4 most promising judged on all; replications already run are reused); then
people are taken
away, largest saving first, wherever every rule still passes (removal pass); last, the plan
is judged on M replications (confirming run), and the search goes on from there if it fails.

Every (candidate plan, replication) is a task of the runner of 'riposte sweep': on T
threads, or under mpirun (a build with the MPI component) over the ranks, rank 0 handing
the next task to whichever rank is free and every rank taking the same steps. The plan
found, the steps and the verdict are byte-identical whatever the threads or ranks.

Output: each step on standard error; what changed and why, e.g. "Clermont-l'Hérault ·
entretien médical 1 → 4, lun.–sam. 08:30–13:00 : attente p90 (pire jour) 245 → 36 min ;
occupation du poste 99 % → 44 %" (the centre's worst-day p90 wait and the station's
utilisation, before and after);
the cost before and after; the confirming verdict (as 'riposte validate' prints it); the
plan written to FILE, which 'riposte check' accepts (the plan file as written, comments
kept, with only the shifts' staff changed, and with --hours the centres' opens, closes and
days and the shifts' start, end and days). When no plan within the pool passes, nothing
is written and the limiting resource is named: "le vivier donne 16 h par semaine de
médecin ; un plan conforme en demande au moins 129 (entretien médical) : recruter au moins
113 h par semaine", or, when the pool has the hours but cannot roster them where and when
a passing plan needs them, the hours it leaves unfilled: "the pool (doctor) fills only 318
of the 403 h a week (medical interview) a passing plan asks in its busiest week, at
Clermont-l'Hérault (...): recruit at least 85 h a week".
When the plan found staffs the rota but fails on absences, it is judged again with the
plan's replacement list on ([replacement]: an absent person replaced from the pool within
reach and weekly hours); if that passes, the plan written gets the [replacement] table and
the change table a line "replacement list: off → on: holds in 83% → 97% of replications",
the replacements' hours (mean over the replications) counted in the cost; if not, the
output says how far the list got. A plan given with the list on is searched with it.
With --recruit K, when no plan within the pool passes, people are recruited (K at most).
First, without simulating: the plan that passes with a pool twenty times larger (confirmed
on the M replications) is rostered with the real pool, and one person at a time is recruited
for the (centre, role) its roster leaves shortest, until the roster is whole; then the
search is run once with them, from that plan. While nothing passes, one person at a time and
the search run again with the world plus the recruits (the same seeds, from the plan found).
Each of these recruits comes from what limits the plan: the profession group the pool lacks
(the limits above) at the centre it leaves short, or else the centre failing the wait target
in the most confirming replications and the role of its station where people wait most on
the days that fail; the scope's first profession allowed for that role; home: that centre's
commune; hours: the most any pool line of that profession gives a week (or H); days: every
day the centre opens; commute: the usual limit of the profession in the pool. A recruit who
brings the plan no closer to passing is not kept, and the next role (or centre) is tried.
When it passes: "À recruter : 1 médecin, 20 h par semaine, lun.–sam., dans les 30 min de
Clermont-l'Hérault (34079). Avec cette recrue, le plan trouvé tient dans 97 % des
réplications (coût ...)", the change table and the verdict against the world with the
recruits, the plan judged on M replications of another seed (S + 1) that no step of the
search saw, and three files: the plan (FILE), the recruits in the pool.csv format
(WORLD-recrues.csv, next to WORLD) and a world file (WORLD-recrues.toml) that is WORLD's
text plus a [[pool]] naming that CSV; 'riposte check WORLD-recrues.toml FILE' accepts them.
The exit code stays 1: the plan written passes only with the recruits. When K recruits are
not enough, the best share reached is said and nothing is written.

Options:
  --replications N   replications per candidate plan during the search (default 20)
  --confirm M        replications of the confirming run (default 100, at least N)
  --threads T        worker threads, 1 to 256 (default: the number of processors; under
                     mpirun: 1 per rank, start one rank per core)
  --seed S           master random seed (default 1)
  --cost hours|eur   what is minimised: professional hours (default), or euros at
                     hourly rates per profession (médecin 105, infirmier 55,
                     chirurgien-dentiste 70, étudiant 12, bénévole 0; others the world's
                     [cost] hourly_eur), see docs/sizing.md for the sources
  --rates PROF=EUR,...  hourly rates replacing those defaults (with --cost eur)
  --max-steps K      people added at most (default 60)
  --hours            also search opening hours and days: a centre opening an hour earlier
                     or closing an hour later (the shifts at that end follow), or opening
                     one more weekday (worked by the shifts of its nearest open day), each
                     at its cost in professional hours, chosen by the same gain-per-cost
                     rule as one person more
  --recruit K        when no plan within the pool passes, recruit up to K people (1 to
                     20), one at a time, until a plan passes (default: off)
  --recruit-hours H  each recruit's hours a week, 1 to 80 (default: the most any pool line
                     of the recruit's profession gives)
  --out FILE         where the sized plan goes (default: PLAN-sized.toml next to PLAN);
                     written atomically
  --force            replace FILE (and with --recruit the recruits' files) if it exists
  --lang fr|en       language of what is printed: French (default) or English
  --quiet            print nothing; only the exit code tells the outcome
  -h, --help         show this help

Exit codes: 0 a plan that passes was found and written, 1 no plan within the pool passes
(or interrupted; with --recruit, also when the plan written passes with the recruits),
2 bad input or usage.
)help";

} // namespace

std::string_view main_help(Language language) {
    return language == Language::French ? *french_help("") : main_text;
}

std::optional<std::string_view> command_help(std::string_view command, Language language) {
    if (language == Language::French) return french_help(command);
    if (command == "run") return run_text;
    if (command == "compare") return compare_text;
    if (command == "validate") return validate_text;
    if (command == "size") return size_text;
    if (command == "report") return report_help_text;
    if (command == "check") return check_text;
    if (command == "exercise") return exercise_text;
    if (command == "territory") return territory_help();
    if (command == "sweep") return sweep_text;
    if (command == "merge") return merge_text;
    if (command == "help") return help_text;
    return std::nullopt;
}

} // namespace riposte::cli
