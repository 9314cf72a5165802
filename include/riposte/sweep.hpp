#pragma once
// Sweeps: many (variant, replication) tasks run on threads, across MPI ranks or in shards,
// gathered into one ReplicationSet per variant. A task's random streams belong to its
// (seed, replication), never to the thread or rank that runs it, so replication r of every
// variant sees the same draws (common random numbers) and the results are byte-identical
// whatever the threads, ranks or shards. Other commands (e.g. a staffing search) call
// run_sweep() to evaluate their candidates the same way.
#include "riposte/diagnostics.hpp"
#include "riposte/exercise.hpp"
#include "riposte/runner.hpp"
#include "riposte/scenario.hpp"
#include "riposte/text/strings.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace riposte {

/// Changes a sweep variant makes to its world and plan.
struct VariantOverrides {
    /// (role, factor): every shift's staff of that role (centres and mobile teams) × factor,
    /// rounded to the nearest whole person (halves up), never below 1 where the base is above 0.
    std::vector<std::pair<std::string, double>> staff;
    /// (group, uptake): the group's uptake share; an empty group name sets every group.
    std::vector<std::pair<std::string, double>> uptake;
    /// The world's daily absence probability (absenteeism baseline).
    std::optional<double> absence;
    [[nodiscard]] bool empty() const { return staff.empty() && uptake.empty() && !absence; }
};

/// The staff after a factor: round(base × factor), at least 1 when base > 0, 0 when base is 0.
int scale_staff(int base, double factor);

/// Applies `o` to `s`. Returns an error message in French and English ("rôle inconnu « x » ;
/// les rôles du monde sont ...") or nothing.
std::optional<Bilingual> apply_overrides(Scenario& s, const VariantOverrides& o);

/// One variant of a sweep: a scenario with its overrides applied, and a chronogramme run in
/// each of its replications (may be null).
struct SweepVariant {
    std::string label;
    std::shared_ptr<const Scenario> scenario;
    std::shared_ptr<const Exercise> exercise;
};

/// What a plan's target rules (TargetValidator) and the staffing search (evaluate_plans(),
/// sizing.hpp) read of one replication, and nothing else: the rows of the result tables they
/// use, with only the fields they use set (the others stay at their defaults), and only the rows
/// that can change what they compute (a row they would skip or add zero from is left out). A few
/// kilobytes, so that a task of the staffing search crosses MPI as a line of text. results_of()
/// turns it into a Results holding these rows, which gives the same verdicts and sums as the full
/// Results. The fields kept are listed once, in sweep.cpp (`evidence_fields`): evidence_of()
/// copies them and the task codec writes and reads them.
struct RunEvidence {
    std::vector<CentreDayRow> centre_days;   ///< days someone was served or a dose wasted
    std::vector<StationDayRow> station_days; ///< station-days with a p90 queue time above 0
    std::vector<StationRunRow> stations;     ///< every station (whole run)
    std::vector<CoverageRow> coverage;       ///< the days a coverage target is judged on
    std::vector<CommuneGroupRow> communes;   ///< replication 0, when a target lists communes
    std::vector<ProfessionRow> professions;  ///< replication 0 (the plan's rostered hours)
    /// Hours worked by replacements from the pool (Plan::replacement), by profession, every
    /// replication (professions with none left out: empty when the list is off)
    std::vector<ProfessionRow> replaced;
    std::int64_t doses_used = 0, doses_wasted = 0, unmet = 0; ///< Totals
};

/// The evidence of `r` (a replication of `s`).
RunEvidence evidence_of(const Scenario& s, const Results& r);
/// A Results holding the evidence's rows and totals (everything else empty).
Results results_of(const RunEvidence& e, std::uint64_t seed, int replication);

/// What one task (variant, replication) leaves: exactly what ReplicationSet::add() keeps, or,
/// for the staffing search (SweepOptions::evidence), its RunEvidence instead of KPIs and facts.
struct TaskResult {
    int variant = 0;
    ReplicationRecord record; ///< record.replication is the task's replication
    std::vector<double> kpis; ///< main_kpis() values, in their order
    RunFacts facts;
    std::optional<RunEvidence> evidence; ///< with SweepOptions::evidence only
};

/// One text line (no newline) holding `r` exactly (doubles in hexadecimal), and back. The
/// checkpoint, shard files and MPI messages carry tasks in this form.
std::string encode_task(const TaskResult& r);
std::optional<TaskResult> decode_task(std::string_view line);

/// Runs one task in this thread (what every worker does). With `evidence`, the result holds
/// the run's RunEvidence and no KPIs or facts.
TaskResult run_task(const SweepVariant& variant, int replication, std::uint64_t seed,
                    bool evidence = false);

/// The ordinal of task (variant, replication) among `variants` × replications: replication
/// major, so a shard or an interrupted run holds whole replications of every variant.
inline std::size_t task_index(int variant, int replication, int variants) {
    return static_cast<std::size_t>(replication) * static_cast<std::size_t>(variants) +
           static_cast<std::size_t>(variant);
}

struct SweepOptions {
    int replications = 1;
    std::uint64_t seed = 1;
    int threads = 1; ///< worker threads of this process (under MPI: of each rank)
    /// This process runs the tasks whose index i has i % shard_count == shard_index (0-based).
    int shard_index = 0, shard_count = 1;
    /// Tasks finished earlier (a checkpoint): kept as they are, never run again.
    std::vector<TaskResult> finished;
    /// Stop handing out tasks once this many have finished in this run (-1: no limit); the
    /// tasks already running still finish and are kept. For tests of restarts.
    int stop_after = -1;
    /// Set to true (a signal handler) to stop: tasks running are abandoned, finished ones kept.
    std::atomic<bool>* cancel = nullptr;
    /// Called, serialised, on the process that gathers (MPI rank 0), for each task finished in
    /// this run, in completion order (e.g. to append it to a checkpoint). Returning false stops
    /// the sweep as a cancel does.
    std::function<bool(const TaskResult&)> on_finished;
    /// Called, serialised, after each finished task: (done, total) over the tasks of the shard.
    std::function<void(int done, int total)> progress;
    /// Spread the tasks over the ranks of the MPI job (see mpi_job()); needs an MPI build and
    /// every rank calling run_sweep() with the same variants and options.
    bool mpi = false;
    /// Under MPI: rank 0 sends the gathered outcome (tasks, complete) to every rank, so that
    /// every rank holds it (the staffing search, run alike on every rank, takes its next step
    /// from it). A task's failure is rethrown on every rank.
    bool share = false;
    /// Tasks keep their RunEvidence (TaskResult::evidence) instead of KPIs and facts.
    bool evidence = false;
    /// When not empty, only these replications (each below `replications`) are tasks, for
    /// every variant (the staffing search screens its moves on the replications that fail).
    std::vector<int> replication_subset;
};

struct SweepOutcome {
    /// One per variant, replications in order (only the finished ones); empty on MPI ranks
    /// other than 0.
    std::vector<ReplicationSet> sets;
    /// Every finished task of the shard, by (variant, replication); empty on ranks other than 0.
    std::vector<TaskResult> tasks;
    int total = 0;         ///< tasks in the shard
    int ran = 0;           ///< tasks run by this call (over all ranks)
    bool complete = false; ///< every task of the shard is finished
    bool gathered = true;  ///< this process holds the results (false on MPI ranks > 0)
};

/// Runs the tasks of the shard not already finished, with dynamic load balancing: each idle
/// thread (or rank) takes the next task. An exception from a task stops the others and is
/// rethrown (on every rank under MPI).
SweepOutcome run_sweep(const std::vector<SweepVariant>& variants, const SweepOptions& options);

/// Rebuilds the per-variant sets from finished tasks (any order); tasks of unknown variants
/// are ignored.
std::vector<ReplicationSet> sets_from_tasks(const std::vector<SweepVariant>& variants,
                                            std::vector<TaskResult> tasks, int replications);
/// The same without scenarios: `kpi_names[v]` and `higher_is_better[v]` name variant v's KPIs.
std::vector<ReplicationSet>
sets_from_tasks(const std::vector<std::vector<std::pair<std::string, bool>>>& kpi_names,
                std::vector<TaskResult> tasks, int replications);

/// The MPI job this process belongs to.
struct MpiJob {
    int rank = 0, size = 1;
    bool active = false; ///< MPI was initialised (this build has MPI and runs under a launcher)
};
/// True when this build has the optional MPI component (CMake option RIPOSTE_MPI).
bool mpi_built();
/// True when the process was started by an MPI launcher (mpirun, srun): its environment holds
/// the launcher's rank variables.
bool under_mpi_launcher();
/// This process's rank as the MPI launcher gives it in the environment (Open MPI, PMIx, PMI),
/// before MPI is initialised; 0 outside a launcher. An error found while reading the command
/// line is printed by rank 0 only, not once per rank.
int launcher_rank();
/// Initialises MPI once (thread level "funneled"); later calls return the same job. Without an
/// MPI build, or outside a launcher, returns a job of one process, inactive.
MpiJob mpi_job();
/// True when `ok` is true on every rank of the job (a collective call: every rank must make
/// it); `ok` itself outside MPI.
bool mpi_all_agree(bool ok);
/// Finalises MPI if mpi_job() initialised it (call once, before exit).
void mpi_finish();

// ---- checkpoint ----------------------------------------------------------------------------

/// An append-only file of finished tasks: a header line naming the sweep (a digest of its
/// inputs), then one line per task, each written whole and fsync'ed before the next task is
/// recorded. A line cut short by a crash is ignored on reading.
class Checkpoint {
  public:
    Checkpoint() = default;
    ~Checkpoint();
    Checkpoint(const Checkpoint&) = delete;
    Checkpoint& operator=(const Checkpoint&) = delete;

    /// Opens `file` for the sweep `digest`: reads the tasks it holds (into `tasks`), or creates
    /// it. Returns an error (e.g. the file belongs to another sweep) or empty.
    std::string open(const std::filesystem::path& file, const std::string& digest,
                     std::vector<TaskResult>& tasks);
    /// Appends one task and fsyncs; false (with error()) on failure.
    bool append(const TaskResult& task);
    [[nodiscard]] const std::string& error() const { return error_; }
    void close();

  private:
    int fd_ = -1;
    std::filesystem::path file_;
    std::string error_;
};

/// Reads the tasks of a checkpoint or shard task file; error (empty when fine) and the digest
/// of its header are set.
std::vector<TaskResult> read_task_file(const std::filesystem::path& file, std::string& digest,
                                       std::string& error);
/// The text of a task file holding `tasks` (a shard's tasks.txt, written atomically).
std::string task_file_text(const std::string& digest, const std::vector<TaskResult>& tasks);

// ---- what a sweep's outputs need, without its scenarios (a merge reads it from the shards) --

/// A variant as the outputs describe it.
struct SweepVariantInfo {
    std::string label;
    std::string world_file, plan_file, exercise_file; ///< as given (exercise empty: none)
    std::string staff;   ///< "injection=1.2;medical_interview=0.8" (empty: unchanged)
    std::string uptake;  ///< "0.7" or "75+=0.9;18-74=0.6" (empty: unchanged)
    std::string absence; ///< "0.05" (empty: unchanged)
    std::vector<std::pair<std::string, bool>> kpis; ///< KPI names and higher_is_better
};

struct SweepInfo {
    std::string name;
    std::string digest; ///< of the sweep's inputs (PreparedSweep::digest)
    int replications = 1;
    std::uint64_t seed = 1;
    int baseline = 0;
    int shard_index = 0, shard_count = 1;
    std::vector<SweepVariantInfo> variants;
};

/// Text form of a SweepInfo (a shard folder's shard.txt), and back (nullopt and `error`).
std::string encode_sweep_info(const SweepInfo& info);
std::optional<SweepInfo> decode_sweep_info(std::string_view text, std::string& error);
/// Reads and decodes a shard.txt file.
std::optional<SweepInfo> read_sweep_info(const std::filesystem::path& file, std::string& error);

/// sweep.csv: one row per variant and KPI: mean and 95% CI over the replications, and the
/// paired difference to the baseline variant (common random numbers), as `riposte compare`.
std::string sweep_csv(const SweepInfo& info, const std::vector<ReplicationSet>& sets);
/// variants.csv: one row per variant: its label, files and overrides.
std::string sweep_variants_csv(const SweepInfo& info);
/// For people: the headline KPIs of every variant and their difference to the baseline.
std::string format_sweep(const SweepInfo& info, const std::vector<ReplicationSet>& sets,
                         Language language);

} // namespace riposte
