#pragma once
// The live-run service: one replication driven from a worker thread for a front end (the GUI,
// the CLI, the tests). Concurrency lives in sim/runner only; the engine stays single-threaded.
//
// The caller sends commands (play, pause, step, run to a time, speed, restart, rewind, post a
// change); they are queued and taken by the worker between small batches of events, so a pause
// or a cancel takes effect within a few milliseconds of engine work (a single event that runs
// long, such as a day start on a very large territory, is the only delay the worker cannot cut).
//
// The worker publishes an immutable LiveFrame at most `max_frames_per_second` times a second.
// The rows the engine added to its series (queue samples, day rows, coverage, log) are handed
// over with the frame by poll(): a single consumer gets every row exactly once, in order, in
// step with the frame it receives them with. A failure inside the run is published as a status
// with a message, never thrown across the thread.
#include "riposte/results.hpp"
#include "riposte/runner.hpp"
#include "riposte/scenario.hpp"
#include "riposte/session.hpp"
#include "riposte/simulation.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace riposte {

enum class LiveStatus {
    Idle,    ///< no scenario started yet
    Paused,  ///< waiting for a command
    Playing, ///< advancing at the chosen speed
    Running, ///< carrying out a step, a run-to or a rewind (pauses when it is reached)
    Done,    ///< the horizon is reached: results are final
    Failed,  ///< the engine reported an error (see LiveFrame::error)
};

/// Simulated seconds per wall second meaning "as fast as possible".
inline constexpr double as_fast_as_possible = 0.0;

/// A change made to the running model, as applied: stamped with the simulated time and the
/// number of events processed when it was applied, so a rewind replays it at the same point.
struct PostedChange {
    SimTime time;
    std::uint64_t events = 0; ///< applied after this many events
    std::string label;        ///< for the log and the journal
    std::function<void(Simulation&)> apply;
};

/// What became of one exercise command (a decision, an inject handled by the facilitator, an
/// observation), for the form that sent it: `request` is the number the caller chose.
struct SessionReply {
    std::uint64_t request = 0;
    bool journaled = false; ///< written to the journal (and applied unless refused)
    /// The engine refused it: journaled as refused with the reason (when `journaled`), never
    /// applied.
    std::optional<Refusal> refusal;
    std::string error;     ///< the journal could not be written, or nothing to act on
    ChangeOutcome outcome; ///< when applied: what it did
};

/// One line of the main courante: a journal entry (a refused decision is one too, marked
/// `refused`); `journaled` is false only for a line the journal could not take.
struct CourseLine {
    JournalEntry entry;
    bool journaled = true;
};

/// The exercise session of a live run (LiveRun::start_session), as of one frame.
struct SessionView {
    std::filesystem::path journal; ///< the journal written now (a branch after a rewind)
    std::string parent;            ///< header of that journal: parent, and the entry it follows
    std::uint64_t parent_entry = 0;
    std::shared_ptr<const Exercise> exercise;
    std::vector<UpcomingInject> upcoming; ///< scripted injects still to come, in time order
    std::vector<CourseLine> course;       ///< the main courante: the journal so far, in order
    std::vector<SessionReply> replies;    ///< the latest replies (the last 64)
    bool pause_at_injects = false;
    std::string error; ///< the last session error (cannot start, cannot write, cannot branch)
};

/// An immutable picture of the run, published by the worker.
struct LiveFrame {
    std::uint64_t serial = 0;     ///< increases by one per published frame
    std::uint64_t generation = 0; ///< increases on every restart and rewind (series restart)
    LiveStatus status = LiveStatus::Idle;
    std::uint64_t seed = 0;
    double speed = as_fast_as_possible; ///< simulated seconds per wall second
    SimTime horizon;
    LiveState state;                        ///< now, events processed, per centre and team
    std::size_t changes = 0;                ///< changes applied so far (PostedChange list length)
    double wall_seconds = 0;                ///< real time since the service started
    std::string error;                      ///< set when Failed
    std::shared_ptr<const Results> results; ///< set when Done
    /// Set while an exercise session runs (start_session); null for a plain run.
    std::shared_ptr<const SessionView> session;
};

/// What poll() hands over: the latest frame, and every series row added since the last poll.
struct LiveUpdate {
    std::shared_ptr<const LiveFrame> frame; ///< never null
    /// True when a restart or rewind happened since the last poll: drop the rows kept so far,
    /// `added` starts from the beginning of the new run.
    bool reset = false;
    SeriesDelta added;
};

class LiveRun {
  public:
    static constexpr double max_frames_per_second = 30.0;

    LiveRun();
    ~LiveRun(); ///< stops the worker and joins it
    LiveRun(const LiveRun&) = delete;
    LiveRun& operator=(const LiveRun&) = delete;

    /// Builds a fresh replication (paused at time 0) with `seed`; the list of posted changes is
    /// cleared. Also how a run is restarted with another seed. Null scenario: ignored.
    void restart(std::shared_ptr<const Scenario> scenario, std::uint64_t seed);
    /// Restarts the current scenario with another seed.
    void restart(std::uint64_t seed);
    void play();
    void pause();
    /// Simulated seconds per wall second (×1 … ×10,000), or as_fast_as_possible.
    void set_speed(double sim_seconds_per_wall_second);
    /// Runs exactly one event, then pauses.
    void step_event();
    /// Runs until now ≥ (now + d) (all events up to that instant), then pauses.
    void step(SimTime d);
    /// Runs until `t` (clamped to the horizon) then pauses. A time in the past rewinds.
    void run_to(SimTime t);
    /// Rebuilds the replication from time 0, re-applies the changes posted before `t` at the
    /// point they were applied, and advances to `t`: the state equals a straight run to `t`.
    /// Changes posted after `t` are dropped (the timeline branches).
    void rewind_to(SimTime t);
    /// Runs `change` on the worker thread between two events: at once when paused, between the
    /// next two events while playing, after it when a step / run-to / rewind is under way.
    /// Commands keep their order: a step, run-to, rewind, play or change sent while a step,
    /// run-to or rewind is under way waits for it; pause, speed and restart act at once (a pause
    /// drops the steps waiting, keeps the changes).
    void post(std::string label, std::function<void(Simulation&)> change);

    // ---- exercise sessions (DESIGN.md "The journal"): LiveSession semantics on the worker.
    /// Starts an exercise session (paused at time 0, the exercise's scripted injects and
    /// triggers run inside the engine), writing a new journal at `journal`; or, with `resume`,
    /// rebuilds the session from that journal and appends to it. Ends a plain run. Failure is
    /// published as SessionView::error (and status Failed).
    void start_session(SessionInputs inputs, std::filesystem::path journal, bool resume);
    /// A decision or an ad-hoc inject: checked on a fork first; a refusal is replied and
    /// journaled as refused (never applied); else journaled (fsync'ed) then applied. `source` is
    /// Decision or AdHocInject.
    void decide(std::uint64_t request, Change change, EntrySource source, std::string author,
                std::string text);
    void skip_inject(std::uint64_t request, std::string id, std::string author);
    void delay_inject(std::uint64_t request, std::string id, SimTime at, std::string author);
    void edit_inject(std::uint64_t request, std::string id, Change change, std::string author);
    void fire_inject_now(std::uint64_t request, std::string id, std::string author);
    /// An evaluator's observation, about an objective (its id; may be empty) and rated on the
    /// HSEEP scale ("P", "S", "M", "U"; may be empty).
    void observe(std::uint64_t request, std::string author, std::string text,
                 std::string objective = {}, std::string rating = {});
    /// Pause the run each time a scripted inject or a trigger fires (playing or running to a
    /// time), so that the facilitator can play it out.
    void set_pause_at_injects(bool on);
    // In a session, rewind_to(t) (and run_to a past time) branches: a new journal next to the
    // current one (NAME-branch-N.journal.toml) naming its parent and the entry it follows,
    // holding the entries up to t, then the run goes on from there. post() is refused in a
    // session (it would not be journaled); restart() ends the session.

    /// Lowers the worker thread's scheduling priority (nice 10, Linux): a window drawing its
    /// frames gets the processor first, the run goes on with what the frames leave. Effective
    /// at once, or as soon as the worker starts. Elsewhere: does nothing.
    void lower_worker_priority();

    /// The latest frame (never null). Cheap: takes a lock and copies a pointer.
    [[nodiscard]] std::shared_ptr<const LiveFrame> latest() const;
    /// The latest frame and the rows added since the last poll (single consumer).
    LiveUpdate poll();
    /// Changes applied so far, in order (copied).
    [[nodiscard]] std::vector<PostedChange> changes() const;

  private:
    struct Restart {
        std::shared_ptr<const Scenario> scenario; ///< null: the current one
        std::uint64_t seed = 0;
    };
    struct Play {};
    struct Pause {};
    struct Speed {
        double value = 0;
    };
    struct StepEvents {
        std::uint64_t n = 1;
    };
    struct StepTime {
        SimTime d;
    };
    struct RunTo {
        SimTime t;
    };
    struct Rewind {
        SimTime t;
    };
    struct Post {
        std::string label;
        std::function<void(Simulation&)> change;
    };
    struct Stop {};
    struct StartSession {
        SessionInputs inputs;
        std::filesystem::path journal;
        bool resume = false;
    };
    struct SessionAct {
        enum class Kind { Decide, Skip, Delay, Edit, FireNow, Observe };
        Kind kind = Kind::Decide;
        std::uint64_t request = 0;
        std::optional<Change> change;
        EntrySource source = EntrySource::Decision;
        std::string id, author, text;
        std::string objective, rating; ///< Observe
        SimTime at;
    };
    struct PauseAtInjects {
        bool on = false;
    };
    using Command = std::variant<Restart, Play, Pause, Speed, StepEvents, StepTime, RunTo, Rewind,
                                 Post, Stop, StartSession, SessionAct, PauseAtInjects>;

    class Worker; // the worker thread's own state (never touched by the caller)

    void send(Command c);
    void body();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Command> commands_;
    std::shared_ptr<const LiveFrame> latest_;
    /// Rows published but not yet polled, one chunk per frame: the worker only moves a chunk in
    /// under the lock, and poll() joins them after it lets go, so that neither side holds the
    /// lock for longer than a few pointer moves (the GUI thread never waits on the engine).
    std::vector<SeriesDelta> pending_;
    bool pending_reset_ = false; ///< a restart/rewind was published since the last poll
    std::vector<PostedChange> changes_;
    std::atomic<int> worker_tid_{0};        ///< the worker's thread id (0 until it starts)
    std::atomic<bool> low_priority_{false}; ///< lower_worker_priority() was called
    std::thread thread_;                    // last: started after the rest is built
};

/// Lowers the calling thread's scheduling priority to nice 10 (Linux; elsewhere nothing):
/// background work (a run, a check of the plan) leaves the processor to the window's frames.
void lower_this_thread_priority();

/// One plan in a background comparison.
struct BatchPlan {
    std::string label;
    std::shared_ptr<const Scenario> scenario;
    std::shared_ptr<const Exercise> exercise; ///< a chronogramme run in every replication
};

enum class BatchStatus { Idle, Running, Done, Cancelled, Failed };

/// Progress and outcome of a batch of replications (immutable once published).
struct BatchState {
    BatchStatus status = BatchStatus::Idle;
    int done = 0, total = 0; ///< replications finished / to run (all plans)
    std::string error;
    /// Set when Done (or Cancelled with every plan having finished the same replications):
    /// per plan, its replications (in order) and the summaries of its main KPIs.
    std::vector<ReplicationSet> sets;
    std::vector<std::vector<KpiSummary>> summaries;
    /// Paired differences of each plan against the first (index 0 is empty).
    std::vector<std::vector<PairedDifference>> differences;
};

/// N replications of several plans on background threads, with common random numbers (the
/// same seeds for replication r of every plan), as `riposte compare` runs them. Progress and
/// cancel; a cancel is honoured between small batches of events.
class BatchRun {
  public:
    BatchRun();
    ~BatchRun(); ///< cancels and joins
    BatchRun(const BatchRun&) = delete;
    BatchRun& operator=(const BatchRun&) = delete;

    /// Starts unless a batch is running (then returns false).
    bool start(std::vector<BatchPlan> plans, int replications, std::uint64_t seed, int threads);
    void cancel();
    [[nodiscard]] std::shared_ptr<const BatchState> latest() const;
    [[nodiscard]] bool running() const;

  private:
    void publish(BatchState state);

    mutable std::mutex mutex_;
    std::shared_ptr<const BatchState> latest_;
    std::atomic<bool> cancel_{false};
    std::thread thread_;
};

/// Runs `sim` to its horizon in small batches of events, asking `stop` between batches.
/// Returns true when the run completed, false when stopped. Used by the batch runs so that a
/// cancel is honoured within milliseconds, not at the end of a simulated day.
bool run_until_done(Simulation& sim, const std::function<bool()>& stop);

} // namespace riposte
