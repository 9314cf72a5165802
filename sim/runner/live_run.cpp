#include "riposte/live_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <optional>
#include <utility>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace riposte {
namespace {

using Clock = std::chrono::steady_clock;

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

/// Wall time one batch of events should take: the worker looks at its commands between
/// batches, so this bounds the delay of a pause (plus the one event that may run long).
constexpr auto batch_target = std::chrono::milliseconds(2);
constexpr std::uint64_t batch_min = 1, batch_max = 1 << 16;

const auto frame_period = std::chrono::duration_cast<Clock::duration>(
    std::chrono::duration<double>(1.0 / LiveRun::max_frames_per_second));

template <class T> void append(std::vector<T>& into, std::vector<T>&& rows) {
    if (into.empty()) {
        into = std::move(rows);
        return;
    }
    into.insert(into.end(), std::make_move_iterator(rows.begin()),
                std::make_move_iterator(rows.end()));
}

void append(SeriesDelta& into, SeriesDelta&& d) {
    append(into.queue, std::move(d.queue));
    append(into.centre_days, std::move(d.centre_days));
    append(into.coverage, std::move(d.coverage));
    append(into.station_days, std::move(d.station_days));
    append(into.log, std::move(d.log));
}

/// Events per batch, adapted so that a batch takes about batch_target of wall time.
class BatchSize {
  public:
    [[nodiscard]] std::uint64_t get() const { return n_; }
    void adapt(Clock::duration took) {
        if (took < batch_target / 2)
            n_ = std::min(batch_max, n_ * 2);
        else if (took > batch_target * 2)
            n_ = std::max(batch_min, n_ / 2);
    }

  private:
    std::uint64_t n_ = 64;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// The worker thread's state: only body() touches it.

class LiveRun::Worker {
  public:
    explicit Worker(LiveRun& owner) : owner_(owner), started_(Clock::now()) {}

    /// Applies one command; returns false on Stop.
    bool apply(Command& c);
    /// Does one slice of work (a batch of events) if there is any; returns true when it did.
    bool work();
    /// How long the worker may sleep before it has something to do (publish or play on).
    [[nodiscard]] Clock::duration idle_wait() const;
    /// Publishes a frame when one is due and allowed (at most max_frames_per_second).
    void maybe_publish(bool force = false);
    /// Takes a command from the queue: steps, run-tos, rewinds, plays and changes sent while a
    /// step / run-to / rewind is under way wait for it (commands keep their order); pause,
    /// speed and restart act at once. Returns false on Stop.
    bool take(Command& c) {
        const bool waits = std::holds_alternative<StepEvents>(c) ||
                           std::holds_alternative<StepTime>(c) ||
                           std::holds_alternative<RunTo>(c) || std::holds_alternative<Rewind>(c) ||
                           std::holds_alternative<Post>(c) || std::holds_alternative<Play>(c) ||
                           std::holds_alternative<SessionAct>(c);
        if (waits && (goal_ != Goal::None || !blocked_.empty())) {
            blocked_.push_back(std::move(c));
            return true;
        }
        return apply(c);
    }
    /// Applies the commands that waited, once no step / run-to / rewind is under way.
    void resume_blocked() {
        while (goal_ == Goal::None && !blocked_.empty()) {
            Command c = std::move(blocked_.front());
            blocked_.pop_front();
            apply(c);
        }
    }

  private:
    enum class Goal { None, Events, Time };

    [[nodiscard]] LiveStatus status() const;
    [[nodiscard]] bool can_advance() const { return sim_ && !done_ && !failed_; }
    void build(std::shared_ptr<const Scenario> scenario, std::uint64_t seed);
    /// Resets what a new run (plain or session) starts from.
    void reset_run_state();
    // exercise sessions
    void start_session(StartSession& s);
    void act(SessionAct& a);
    void branch_to(SimTime t);
    void reply(SessionReply r);
    /// Journals the injects fired since the last look and takes new entries into the course;
    /// true when an inject fired.
    bool sync_session();
    void publish_session();
    void reanchor() {
        anchor_wall_ = Clock::now();
        anchor_sim_ = sim_ ? sim_->now() : SimTime{};
    }
    void set_time_goal(SimTime t) {
        goal_ = Goal::Time;
        goal_time_ = std::min(t, sim_->horizon());
    }
    void finish_goal() {
        goal_ = Goal::None;
        dirty_ = true;
    }
    void apply_change(PostedChange change);
    void replay_due_changes();
    /// Runs at most `n` events towards the goal (or towards the play clock).
    void run_batch(std::uint64_t n);
    void mark_done();
    void fail(const std::string& what);
    void mirror_changes();

    LiveRun& owner_;
    Clock::time_point started_;
    std::shared_ptr<const Scenario> scenario_;
    std::optional<Simulation> own_sim_;  ///< a plain run's replication
    std::optional<LiveSession> session_; ///< an exercise session (owns its replication)
    Simulation* sim_ = nullptr;          ///< the replication being run: one of the two
    std::vector<CourseLine> course_;     ///< the main courante
    std::size_t entries_seen_ = 0;       ///< session journal entries already in course_
    std::size_t fired_seen_ = 0;         ///< engine changes already looked at
    std::deque<SessionReply> replies_;
    bool pause_at_injects_ = false;
    std::string session_error_;
    bool session_dirty_ = false;
    std::shared_ptr<const SessionView> session_view_;
    std::uint64_t seed_ = 0;
    std::uint64_t generation_ = 0;
    std::uint64_t serial_ = 0;
    SeriesCursor cursor_;
    bool reset_ = false; ///< the series restart with the next publish
    bool playing_ = false;
    double speed_ = as_fast_as_possible;
    Clock::time_point anchor_wall_;
    SimTime anchor_sim_;
    Goal goal_ = Goal::None;
    std::uint64_t goal_events_ = 0;
    SimTime goal_time_;
    std::vector<PostedChange> applied_; ///< in the order applied
    std::vector<PostedChange> replay_;  ///< to re-apply during a rewind, in order
    std::size_t replay_next_ = 0;
    std::deque<Command> blocked_; ///< waiting for the step / run-to / rewind under way
    bool done_ = false, failed_ = false;
    std::string error_;
    std::shared_ptr<const Results> results_;
    bool dirty_ = true;
    Clock::time_point last_publish_{};
    BatchSize batch_;
};

LiveStatus LiveRun::Worker::status() const {
    if (failed_) return LiveStatus::Failed;
    if (!sim_) return LiveStatus::Idle;
    if (done_) return LiveStatus::Done;
    if (goal_ != Goal::None) return LiveStatus::Running;
    if (playing_) return LiveStatus::Playing;
    return LiveStatus::Paused;
}

void LiveRun::Worker::build(std::shared_ptr<const Scenario> scenario, std::uint64_t seed) {
    RunOptions options;
    options.seed = seed;
    options.replication = 0;
    scenario_ = std::move(scenario);
    seed_ = seed;
    sim_ = nullptr;
    own_sim_.reset();
    session_.reset();
    session_view_.reset();
    course_.clear();
    replies_.clear();
    session_error_.clear();
    done_ = failed_ = false;
    error_.clear();
    results_.reset();
    try {
        own_sim_.emplace(scenario_, options);
        sim_ = &*own_sim_;
    } catch (const std::exception& e) {
        fail(e.what());
    }
    reset_run_state();
}

void LiveRun::Worker::reset_run_state() {
    ++generation_;
    cursor_ = {};
    reset_ = true;
    playing_ = false;
    goal_ = Goal::None;
    replay_.clear();
    replay_next_ = 0;
    dirty_ = true;
}

void LiveRun::Worker::mirror_changes() {
    std::lock_guard lock(owner_.mutex_);
    owner_.changes_ = applied_;
}

void LiveRun::Worker::fail(const std::string& what) {
    failed_ = true;
    error_ = what.empty() ? "unknown error" : what;
    playing_ = false;
    goal_ = Goal::None;
    dirty_ = true;
}

void LiveRun::Worker::mark_done() {
    done_ = true;
    playing_ = false;
    goal_ = Goal::None;
    results_ = std::make_shared<const Results>(sim_->results());
    dirty_ = true;
}

void LiveRun::Worker::apply_change(PostedChange change) {
    change.time = sim_->now();
    change.events = sim_->events_processed();
    try {
        if (change.apply) change.apply(*sim_);
    } catch (const std::exception& e) {
        fail("the change '" + change.label + "' failed: " + e.what());
        return;
    }
    applied_.push_back(std::move(change));
    mirror_changes();
    dirty_ = true;
}

void LiveRun::Worker::replay_due_changes() {
    while (replay_next_ < replay_.size() &&
           replay_[replay_next_].events == sim_->events_processed()) {
        const PostedChange& c = replay_[replay_next_];
        // Applied while the clock stood past its last event (after a step or run-to): move
        // the clock there first. No event can lie in between, or the run has diverged.
        if (sim_->now() < c.time) {
            if (sim_->next_event_time() <= c.time) {
                fail("rewind: the change '" + c.label +
                     "' no longer applies at the same point (the run diverged)");
                return;
            }
            sim_->advance_to(c.time);
        }
        apply_change(c);
        if (failed_) return;
        ++replay_next_;
    }
}

// ---------------------------------------------------------------------------------------------
// Exercise sessions

void LiveRun::Worker::start_session(StartSession& st) {
    scenario_ = st.inputs.scenario;
    seed_ = st.inputs.seed;
    applied_.clear();
    blocked_.clear();
    mirror_changes();
    sim_ = nullptr;
    own_sim_.reset();
    session_.reset();
    course_.clear();
    replies_.clear();
    session_error_.clear();
    done_ = failed_ = false;
    error_.clear();
    results_.reset();
    std::string error;
    try {
        if (st.resume)
            session_ = LiveSession::resume(st.inputs, st.journal, &error);
        else
            session_ = LiveSession::start(st.inputs, st.journal, &error);
    } catch (const std::exception& e) {
        session_.reset();
        error = e.what();
    }
    if (session_) {
        sim_ = &session_->sim();
        fired_seen_ = sim_->changes().size();
        entries_seen_ = 0;
        sync_session();
    } else {
        session_error_ = error.empty() ? "the session could not start" : error;
        fail(session_error_);
    }
    session_dirty_ = true;
    reset_run_state();
}

void LiveRun::Worker::reply(SessionReply r) {
    replies_.push_back(std::move(r));
    while (replies_.size() > 64) replies_.pop_front();
    session_dirty_ = dirty_ = true;
}

bool LiveRun::Worker::sync_session() {
    if (!session_) return false;
    bool fired = false;
    if (sim_->changes().size() != fired_seen_) {
        for (std::size_t k = fired_seen_; k < sim_->changes().size(); ++k)
            if (sim_->changes()[k].source != ChangeSource::Api) fired = true;
        fired_seen_ = sim_->changes().size();
        std::string error;
        if (!session_->record_fired(&error)) {
            session_error_ = error;
            fail("the journal cannot be written: " + error);
        }
    }
    const auto& entries = session_->journal_entries();
    for (; entries_seen_ < entries.size(); ++entries_seen_) {
        course_.push_back(CourseLine{entries[entries_seen_], true});
        session_dirty_ = true;
    }
    if (session_dirty_) dirty_ = true;
    return fired;
}

void LiveRun::Worker::act(SessionAct& a) {
    SessionReply r;
    r.request = a.request;
    if (!session_) {
        r.error = "no exercise session";
        reply(std::move(r));
        return;
    }
    if (!can_advance()) {
        r.error = done_ ? "the run is over" : "the run has failed";
        reply(std::move(r));
        return;
    }
    sync_session();
    std::string error;
    bool ok = false;
    try {
        switch (a.kind) {
        case SessionAct::Kind::Decide: {
            if (!a.change) break;
            // checked on a fork first: a refusal is journaled as refused (main courante,
            // RETEX), not applied
            const LiveSession::Decided d =
                session_->decide(*a.change, a.source, a.author, a.text, &error);
            ok = d.journaled;
            r.outcome = d.outcome;
            if (d.journaled && d.outcome.refusal) r.refusal = d.outcome.refusal;
            break;
        }
        case SessionAct::Kind::Skip:
            ok = session_->skip_inject(a.id, a.author, &error);
            break;
        case SessionAct::Kind::Delay:
            ok = session_->delay_inject(a.id, a.at, a.author, &error);
            break;
        case SessionAct::Kind::Edit:
            ok = a.change && session_->edit_inject(a.id, *a.change, a.author, &error);
            break;
        case SessionAct::Kind::FireNow:
            ok = session_->fire_inject_now(a.id, a.author, &error);
            fired_seen_ = sim_->changes().size();
            break;
        case SessionAct::Kind::Observe:
            ok = session_->observe(a.author, a.text, a.objective, a.rating, &error);
            break;
        }
    } catch (const std::exception& e) {
        error = e.what();
    }
    r.journaled = ok;
    if (!ok && !r.refusal && error.empty()) error = "nothing to act on (the inject has fired?)";
    r.error = error;
    if (!error.empty() && !ok && a.kind == SessionAct::Kind::Decide) session_error_ = error;
    fired_seen_ = sim_->changes().size();
    sync_session();
    reply(std::move(r));
    dirty_ = true;
}

void LiveRun::Worker::branch_to(SimTime t) {
    // Entries stamped up to t form a prefix of the journal (stamps never go back).
    const auto& entries = session_->journal_entries();
    std::uint64_t keep = 0;
    for (const JournalEntry& e : entries) {
        if (e.stamp.time > t) break;
        keep = e.ordinal;
    }
    const std::filesystem::path parent = session_->journal_file();
    const std::filesystem::path dir = parent.parent_path();
    std::string stem = parent.filename().string();
    const std::string ext = ".journal.toml";
    if (stem.size() > ext.size() && stem.ends_with(ext))
        stem.resize(stem.size() - ext.size());
    else if (stem.ends_with(".toml"))
        stem.resize(stem.size() - 5);
    std::filesystem::path child;
    for (int n = 1;; ++n) {
        child = dir / (stem + "-branch-" + std::to_string(n) + ext);
        std::error_code ec;
        if (!std::filesystem::exists(child, ec)) break;
    }
    const SessionInputs inputs = session_->inputs();
    std::string error;
    std::optional<LiveSession> next;
    try {
        next = LiveSession::branch(inputs, parent, keep, child, &error);
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (!next) {
        session_error_ = "rewind: " + error;
        session_dirty_ = dirty_ = true;
        return; // the session goes on where it was
    }
    std::vector<CourseLine> kept;
    for (CourseLine& l : course_)
        if (l.entry.stamp.time <= t) kept.push_back(std::move(l));
    session_.reset(); // the old journal is closed; the branch goes on
    session_ = std::move(next);
    sim_ = &session_->sim();
    course_ = std::move(kept);
    entries_seen_ = session_->journal_entries().size();
    fired_seen_ = sim_->changes().size();
    session_error_.clear();
    done_ = failed_ = false;
    error_.clear();
    results_.reset();
    blocked_.clear();
    reset_run_state();
    session_dirty_ = true;
    set_time_goal(t);
}

void LiveRun::Worker::publish_session() {
    auto v = std::make_shared<SessionView>();
    if (session_) {
        v->journal = session_->journal_file();
        v->parent = session_->header().parent;
        v->parent_entry = session_->header().parent_entry;
        v->exercise = session_->inputs().exercise;
        v->upcoming = sim_->upcoming_injects();
        std::sort(v->upcoming.begin(), v->upcoming.end(),
                  [](const UpcomingInject& a, const UpcomingInject& b) {
                      return a.at != b.at ? a.at < b.at : a.index < b.index;
                  });
    }
    v->course = course_;
    v->replies.assign(replies_.begin(), replies_.end());
    v->pause_at_injects = pause_at_injects_;
    v->error = session_error_;
    session_view_ = std::move(v);
    session_dirty_ = false;
}

bool LiveRun::Worker::apply(Command& command) {
    bool keep_going = true;
    std::visit(Overloaded{
                   [&](Restart& r) {
                       auto scenario = r.scenario ? std::move(r.scenario) : scenario_;
                       if (!scenario) return;
                       applied_.clear();
                       blocked_.clear();
                       mirror_changes();
                       build(std::move(scenario), r.seed);
                   },
                   [&](Play&) {
                       if (!can_advance()) return;
                       playing_ = true;
                       goal_ = Goal::None;
                       reanchor();
                       dirty_ = true;
                   },
                   [&](Pause&) {
                       // Stops what is under way and drops the steps that waited for it; changes
                       // that waited are applied at the point where the run stopped.
                       playing_ = false;
                       goal_ = Goal::None;
                       std::erase_if(blocked_, [](const Command& c) {
                           return !std::holds_alternative<Post>(c) &&
                                  !std::holds_alternative<SessionAct>(c);
                       });
                       dirty_ = true;
                   },
                   [&](Speed& s) {
                       speed_ = s.value > 0 ? s.value : as_fast_as_possible;
                       reanchor();
                       dirty_ = true;
                   },
                   [&](StepEvents& s) {
                       if (!can_advance()) return;
                       playing_ = false;
                       goal_ = Goal::Events;
                       goal_events_ = sim_->events_processed() + s.n;
                       dirty_ = true;
                   },
                   [&](StepTime& s) {
                       if (!can_advance()) return;
                       playing_ = false;
                       set_time_goal(sim_->now() + s.d);
                       dirty_ = true;
                   },
                   [&](RunTo& r) {
                       if (!sim_) return;
                       if (r.t < sim_->now()) {
                           Command rewind = Rewind{r.t};
                           apply(rewind);
                           return;
                       }
                       if (!can_advance()) return;
                       playing_ = false;
                       set_time_goal(r.t);
                       dirty_ = true;
                   },
                   [&](Rewind& r) {
                       if (session_) {
                           branch_to(std::max(r.t, SimTime{}));
                           return;
                       }
                       if (!scenario_) return;
                       std::vector<PostedChange> keep;
                       for (PostedChange& c : applied_)
                           if (c.time <= r.t) keep.push_back(std::move(c));
                       applied_.clear();
                       mirror_changes();
                       build(scenario_, seed_);
                       if (!sim_) return;
                       replay_ = std::move(keep);
                       replay_next_ = 0;
                       set_time_goal(std::max(r.t, SimTime{}));
                   },
                   [&](Post& p) {
                       if (!can_advance()) return;
                       if (session_) {
                           session_error_ = "'" + p.label +
                                            "': a change in a session goes through decide() "
                                            "(it must be journaled)";
                           session_dirty_ = dirty_ = true;
                           return;
                       }
                       apply_change(PostedChange{{}, 0, std::move(p.label), std::move(p.change)});
                   },
                   [&](Stop&) { keep_going = false; },
                   [&](StartSession& st) { start_session(st); },
                   [&](SessionAct& a) { act(a); },
                   [&](PauseAtInjects& p) {
                       pause_at_injects_ = p.on;
                       session_dirty_ = dirty_ = true;
                   },
               },
               command);
    return keep_going;
}

void LiveRun::Worker::run_batch(std::uint64_t n) {
    Simulation& sim = *sim_;
    SimTime limit = SimTime::max();
    if (goal_ == Goal::Time) limit = goal_time_;
    if (goal_ == Goal::None && playing_ && speed_ != as_fast_as_possible) {
        const double wall = std::chrono::duration<double>(Clock::now() - anchor_wall_).count();
        const double t = static_cast<double>(anchor_sim_.seconds()) + wall * speed_;
        limit = std::min(sim.horizon(), SimTime{static_cast<std::int64_t>(t)});
    }
    for (std::uint64_t i = 0; i < n; ++i) {
        replay_due_changes();
        if (failed_) return;
        if (goal_ == Goal::Events && sim.events_processed() >= goal_events_) {
            finish_goal();
            return;
        }
        if (sim.next_event_time() > limit) {
            // Nothing left before the limit: move the clock to it (a step of an hour ends at
            // now + 1 h exactly; at a finite speed the clock runs smoothly between events).
            if (limit >= sim.horizon()) {
                sim.advance_to(sim.horizon());
                mark_done();
                return;
            }
            if (limit != SimTime::max() && sim.now() < limit) sim.advance_to(limit);
            replay_due_changes();
            if (goal_ == Goal::Time) finish_goal();
            dirty_ = true;
            return;
        }
        const std::size_t changes_before = sim.changes().size();
        const std::uint64_t events_before = sim.events_processed();
        if (!sim.step()) {
            sync_session();
            mark_done();
            return;
        }
        dirty_ = true;
        if (sim.events_processed() == events_before) {
            // a slice of a long day start (tens of ms on France): end the batch, so that a
            // pause or a cancel waits for one slice, not for the whole day start
            return;
        }
        if (session_ && sim.changes().size() != changes_before) {
            // an inject or a trigger fired: journal it now, and pause there when asked
            if (sync_session() && pause_at_injects_ && (playing_ || goal_ != Goal::None)) {
                playing_ = false;
                goal_ = Goal::None;
                std::erase_if(blocked_, [](const Command& c) {
                    return !std::holds_alternative<Post>(c) &&
                           !std::holds_alternative<SessionAct>(c);
                });
                return;
            }
        }
    }
}

bool LiveRun::Worker::work() {
    if (!can_advance()) return false;
    if (goal_ == Goal::None && !playing_) return false;
    if (goal_ == Goal::None && playing_ && speed_ != as_fast_as_possible) {
        // At a finite speed: nothing to do until the play clock reaches the next event.
        const double wall = std::chrono::duration<double>(Clock::now() - anchor_wall_).count();
        const double t = static_cast<double>(anchor_sim_.seconds()) + wall * speed_;
        const SimTime clock = std::min(sim_->horizon(), SimTime{static_cast<std::int64_t>(t)});
        if (sim_->next_event_time() > clock) {
            // No event is due yet: move the clock smoothly and sleep until the next frame.
            if (clock >= sim_->horizon()) {
                sim_->advance_to(sim_->horizon());
                mark_done();
            } else if (sim_->now() < clock) {
                sim_->advance_to(clock);
                dirty_ = true;
            }
            return false;
        }
    }
    const auto t0 = Clock::now();
    try {
        run_batch(batch_.get());
    } catch (const std::exception& e) {
        fail(std::string{"the run failed at "} + std::to_string(sim_->now().seconds()) +
             " s: " + e.what());
    } catch (...) {
        fail("the run failed: unknown error");
    }
    batch_.adapt(Clock::now() - t0);
    sync_session();
    return true;
}

Clock::duration LiveRun::Worker::idle_wait() const {
    Clock::duration wait = std::chrono::seconds(1);
    if (dirty_)
        wait = std::max(Clock::duration::zero(), last_publish_ + frame_period - Clock::now());
    if (can_advance() && playing_ && goal_ == Goal::None) wait = std::min(wait, frame_period);
    return wait;
}

void LiveRun::Worker::maybe_publish(bool force) {
    if (!dirty_ && !force) return;
    const auto now = Clock::now();
    if (now - last_publish_ < frame_period) return; // never more than ~30 frames a second
    auto frame = std::make_shared<LiveFrame>();
    frame->serial = ++serial_;
    frame->generation = generation_;
    frame->status = status();
    frame->seed = seed_;
    frame->speed = speed_;
    frame->changes = applied_.size();
    frame->wall_seconds = std::chrono::duration<double>(now - started_).count();
    frame->error = error_;
    frame->results = results_;
    if (session_ || !session_error_.empty()) {
        if (session_dirty_ || !session_view_) publish_session();
        frame->session = session_view_;
    }
    SeriesDelta added;
    if (sim_) {
        frame->horizon = sim_->horizon();
        frame->state = sim_->live_state();
        added = sim_->series_since(cursor_);
    }
    std::vector<SeriesDelta> dropped; // freed after the lock is let go
    {
        std::lock_guard lock(owner_.mutex_);
        owner_.latest_ = std::move(frame);
        if (reset_) {
            dropped.swap(owner_.pending_);
            owner_.pending_reset_ = true;
        }
        owner_.pending_.push_back(std::move(added));
    }
    reset_ = false;
    dirty_ = false;
    last_publish_ = now;
}

// ---------------------------------------------------------------------------------------------

LiveRun::LiveRun() : latest_(std::make_shared<const LiveFrame>()) {
    thread_ = std::thread([this] { body(); });
}

LiveRun::~LiveRun() {
    send(Stop{});
    if (thread_.joinable()) thread_.join();
}

void LiveRun::send(Command c) {
    {
        std::lock_guard lock(mutex_);
        commands_.push_back(std::move(c));
    }
    wake_.notify_one();
}

void LiveRun::restart(std::shared_ptr<const Scenario> scenario, std::uint64_t seed) {
    if (scenario) send(Restart{std::move(scenario), seed});
}
void LiveRun::restart(std::uint64_t seed) {
    send(Restart{nullptr, seed});
}
void LiveRun::play() {
    send(Play{});
}
void LiveRun::pause() {
    send(Pause{});
}
void LiveRun::set_speed(double sim_seconds_per_wall_second) {
    send(Speed{sim_seconds_per_wall_second});
}
void LiveRun::step_event() {
    send(StepEvents{1});
}
void LiveRun::step(SimTime d) {
    send(StepTime{d});
}
void LiveRun::run_to(SimTime t) {
    send(RunTo{t});
}
void LiveRun::rewind_to(SimTime t) {
    send(Rewind{t});
}
void LiveRun::post(std::string label, std::function<void(Simulation&)> change) {
    send(Post{std::move(label), std::move(change)});
}

void LiveRun::start_session(SessionInputs inputs, std::filesystem::path journal, bool resume) {
    if (inputs.scenario) send(StartSession{std::move(inputs), std::move(journal), resume});
}
void LiveRun::decide(std::uint64_t request, Change change, EntrySource source, std::string author,
                     std::string text) {
    SessionAct a;
    a.kind = SessionAct::Kind::Decide;
    a.request = request;
    a.change = std::move(change);
    a.source = source;
    a.author = std::move(author);
    a.text = std::move(text);
    send(std::move(a));
}
void LiveRun::skip_inject(std::uint64_t request, std::string id, std::string author) {
    SessionAct a;
    a.kind = SessionAct::Kind::Skip;
    a.request = request;
    a.id = std::move(id);
    a.author = std::move(author);
    send(std::move(a));
}
void LiveRun::delay_inject(std::uint64_t request, std::string id, SimTime at, std::string author) {
    SessionAct a;
    a.kind = SessionAct::Kind::Delay;
    a.request = request;
    a.id = std::move(id);
    a.at = at;
    a.author = std::move(author);
    send(std::move(a));
}
void LiveRun::edit_inject(std::uint64_t request, std::string id, Change change,
                          std::string author) {
    SessionAct a;
    a.kind = SessionAct::Kind::Edit;
    a.request = request;
    a.id = std::move(id);
    a.change = std::move(change);
    a.author = std::move(author);
    send(std::move(a));
}
void LiveRun::fire_inject_now(std::uint64_t request, std::string id, std::string author) {
    SessionAct a;
    a.kind = SessionAct::Kind::FireNow;
    a.request = request;
    a.id = std::move(id);
    a.author = std::move(author);
    send(std::move(a));
}
void LiveRun::observe(std::uint64_t request, std::string author, std::string text,
                      std::string objective, std::string rating) {
    SessionAct a;
    a.kind = SessionAct::Kind::Observe;
    a.request = request;
    a.author = std::move(author);
    a.text = std::move(text);
    a.objective = std::move(objective);
    a.rating = std::move(rating);
    send(std::move(a));
}
void LiveRun::set_pause_at_injects(bool on) {
    send(PauseAtInjects{on});
}

std::shared_ptr<const LiveFrame> LiveRun::latest() const {
    std::lock_guard lock(mutex_);
    return latest_;
}

LiveUpdate LiveRun::poll() {
    LiveUpdate u;
    std::vector<SeriesDelta> chunks;
    {
        std::lock_guard lock(mutex_);
        u.frame = latest_;
        u.reset = pending_reset_;
        chunks.swap(pending_);
        pending_reset_ = false;
    }
    for (SeriesDelta& d : chunks) append(u.added, std::move(d));
    return u;
}

std::vector<PostedChange> LiveRun::changes() const {
    std::lock_guard lock(mutex_);
    return changes_;
}

namespace {

void set_thread_nice([[maybe_unused]] int tid) {
#if defined(__linux__)
    // Linux threads have their own nice value; failure (a sandbox refusing it) changes nothing.
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(tid), 10);
#endif
}

int this_thread_id() {
#if defined(__linux__)
    return static_cast<int>(::syscall(SYS_gettid));
#else
    return 0;
#endif
}

} // namespace

void lower_this_thread_priority() {
    set_thread_nice(this_thread_id());
}

void LiveRun::lower_worker_priority() {
    low_priority_.store(true);
    if (const int tid = worker_tid_.load(); tid != 0) set_thread_nice(tid);
}

void LiveRun::body() {
    worker_tid_.store(this_thread_id());
    if (low_priority_.load()) set_thread_nice(worker_tid_.load());
    Worker worker(*this);
    std::deque<Command> taken;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            taken.swap(commands_);
        }
        for (Command& c : taken)
            if (!worker.take(c)) return;
        taken.clear();
        const bool worked = worker.work();
        worker.resume_blocked();
        worker.maybe_publish();
        if (!worked) {
            std::unique_lock lock(mutex_);
            if (commands_.empty())
                wake_.wait_for(lock, worker.idle_wait(), [&] { return !commands_.empty(); });
        }
    }
}

// ---------------------------------------------------------------------------------------------

bool run_until_done(Simulation& sim, const std::function<bool()>& stop) {
    BatchSize batch;
    for (;;) {
        if (stop && stop()) return false;
        const auto t0 = Clock::now();
        const std::uint64_t target = sim.events_processed() + batch.get();
        if (!sim.run_to_event(target)) return true;
        batch.adapt(Clock::now() - t0);
    }
}

BatchRun::BatchRun() : latest_(std::make_shared<const BatchState>()) {}

BatchRun::~BatchRun() {
    cancel();
    if (thread_.joinable()) thread_.join();
}

void BatchRun::publish(BatchState state) {
    auto next = std::make_shared<const BatchState>(std::move(state));
    std::lock_guard lock(mutex_);
    latest_ = std::move(next);
}

std::shared_ptr<const BatchState> BatchRun::latest() const {
    std::lock_guard lock(mutex_);
    return latest_;
}

bool BatchRun::running() const {
    return latest()->status == BatchStatus::Running;
}

void BatchRun::cancel() {
    cancel_ = true;
}

bool BatchRun::start(std::vector<BatchPlan> plans, int replications, std::uint64_t seed,
                     int threads) {
    if (running() || plans.empty() || replications < 1) return false;
    for (const BatchPlan& p : plans)
        if (!p.scenario) return false;
    if (thread_.joinable()) thread_.join();
    cancel_ = false;
    BatchState starting;
    starting.status = BatchStatus::Running;
    starting.total = replications * static_cast<int>(plans.size());
    publish(starting);
    thread_ = std::thread([this, plans = std::move(plans), replications, seed, threads] {
        const int n_plans = static_cast<int>(plans.size());
        const int total = replications * n_plans;
        // slots[plan][replication]: the same seeds for replication r of every plan (CRN).
        // (a one-run set each: a record and its KPI values, never the whole Results)
        std::vector<std::vector<std::optional<ReplicationSet>>> slots(
            plans.size(),
            std::vector<std::optional<ReplicationSet>>(static_cast<std::size_t>(replications)));
        std::atomic<int> next{0}, done{0};
        std::mutex error_mutex, progress_mutex;
        std::string error;
        auto stop = [this] { return cancel_.load(); };
        auto worker = [&] {
            for (;;) {
                const int job = next.fetch_add(1);
                if (job >= total || stop()) return;
                const int plan = job / replications, rep = job % replications;
                try {
                    RunOptions ro;
                    ro.seed = seed;
                    ro.replication = rep;
                    ro.exercise = plans[static_cast<std::size_t>(plan)].exercise;
                    Simulation sim(plans[static_cast<std::size_t>(plan)].scenario, ro);
                    if (!run_until_done(sim, stop)) return;
                    ReplicationSet one;
                    one.add(*plans[static_cast<std::size_t>(plan)].scenario, sim.results());
                    slots[static_cast<std::size_t>(plan)][static_cast<std::size_t>(rep)] =
                        std::move(one);
                } catch (const std::exception& e) {
                    std::lock_guard lock(error_mutex);
                    if (error.empty())
                        error = plans[static_cast<std::size_t>(plan)].label + ": " + e.what();
                    cancel_ = true;
                    return;
                }
                std::lock_guard lock(progress_mutex);
                const int k = done.fetch_add(1) + 1;
                BatchState progress;
                progress.status = BatchStatus::Running;
                progress.done = k;
                progress.total = total;
                publish(std::move(progress));
            }
        };
        const int n_threads = std::clamp(threads, 1, std::max(1, total));
        std::vector<std::thread> pool;
        for (int t = 1; t < n_threads; ++t) pool.emplace_back(worker);
        worker();
        for (auto& t : pool) t.join();

        BatchState out;
        out.total = total;
        out.done = done.load();
        out.error = error;
        out.status = !error.empty()      ? BatchStatus::Failed
                     : out.done == total ? BatchStatus::Done
                                         : BatchStatus::Cancelled;
        // Only the replications every plan finished are paired (as riposte compare does).
        std::vector<bool> common(static_cast<std::size_t>(replications), true);
        for (const auto& plan : slots)
            for (std::size_t r = 0; r < plan.size(); ++r)
                if (!plan[r]) common[r] = false;
        const bool any = std::find(common.begin(), common.end(), true) != common.end();
        if (any && error.empty()) {
            for (std::size_t p = 0; p < slots.size(); ++p) {
                ReplicationSet set;
                set.requested = replications;
                for (std::size_t r = 0; r < slots[p].size(); ++r) {
                    if (!common[r]) continue;
                    const ReplicationSet& one = *slots[p][r];
                    set.runs.push_back(one.runs.front());
                    set.facts.push_back(one.facts.front());
                    if (set.kpis.empty())
                        for (const auto& k : one.kpis)
                            set.kpis.push_back({k.name, k.higher_is_better, {}, 0, 0});
                    for (std::size_t j = 0; j < set.kpis.size() && j < one.kpis.size(); ++j)
                        set.kpis[j].values.push_back(one.kpis[j].values.front());
                }
                set.partial = static_cast<int>(set.runs.size()) < replications;
                out.summaries.push_back(summarise(*plans[p].scenario, set));
                out.sets.push_back(std::move(set));
            }
            out.differences.resize(slots.size());
            for (std::size_t p = 1; p < slots.size(); ++p)
                out.differences[p] = paired_differences(out.summaries[0], out.summaries[p]);
        }
        publish(std::move(out));
    });
    return true;
}

} // namespace riposte
