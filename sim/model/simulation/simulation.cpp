// The Simulation facade: event dispatch and the public API.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

void Simulation::Impl::handle(const Event& e) {
    if (!prefetch_next_) {
        dispatch(e);
        return;
    }
    // The national run is memory-bound: the records an event reads first are fetched ahead of
    // it. Hints only: nothing is read or changed. Only on a large territory: on a small one
    // everything is in the caches and the hints are pure instructions.
    // Far ahead, one event of the next second that holds events (on a national day about as
    // many events away as a second holds), for the hints one event ahead to find its records
    // in the caches; then the next event's, while this one is handled.
    if (const Event* far = sim_.peek_ahead(); far != nullptr && far->handler == h_)
        prefetch_first(*far);
    if (const Event* next = sim_.next_event(); next != nullptr && next->handler == h_) {
        prefetch_first(*next);
        // the record an arriving patient will get (new_patient())
        if (next->kind == BookedArrival && !free_patients_.empty())
            __builtin_prefetch(&patients_[static_cast<std::size_t>(free_patients_.back())]);
    }
    dispatch(e);
    // What the next event reads through the records fetched when this one began (they are in
    // the caches now, so reading them costs no wait): a service end's server, its centre and
    // its station's service law; an area end's centre and the person who may leave; a booked
    // arrival's entry in the centre's day of arrivals.
    if (const Event* next = sim_.next_event(); next != nullptr && next->handler == h_) {
        switch (next->kind) {
        case ServiceEnd:
        case AreaEnd: {
            if (next->target >= stations_.size()) break;
            const StationRt& s = stations_[StationNodeId{next->target}];
            if (s.centre().index() < centres_.size()) prefetch_centre(s.centre());
            const auto* law = reinterpret_cast<const char*>(&s.def().service);
            __builtin_prefetch(law);
            __builtin_prefetch(law + 63);
            if (next->kind == ServiceEnd) {
                const ServerPool& pool = s.pool();
                if (const auto slot = static_cast<std::size_t>(next->data >> 32);
                    slot < pool.slots())
                    __builtin_prefetch(&pool.server(static_cast<std::int32_t>(slot)));
            }
            if (const std::uint64_t p = next->data & 0xffffffffU; p < patients_.size()) {
                const Patient& pt = patients_[p];
                // the station the patient goes to next, or the person who leaves
                if (const std::int32_t to = s.next_on(static_cast<int>(path_kind(pt)));
                    to >= 0 && static_cast<std::size_t>(to) < stations_.size()) {
                    const auto* n = reinterpret_cast<const char*>(&stations_[StationNodeId{to}]);
                    for (int line = 0; line < station_hot_lines; ++line)
                        __builtin_prefetch(n + 64 * line);
                } else if (pt.person >= 0 &&
                           static_cast<std::size_t>(pt.person) < demand_.people()) {
                    __builtin_prefetch(&demand_.person(pt.person));
                }
            }
            break;
        }
        case BookedArrival:
            if (next->target < centres_.size()) {
                const CentreRt& rt = centres_[CentreId{next->target}];
                if (rt.next_arrival < rt.arrivals.size())
                    __builtin_prefetch(&rt.arrivals[rt.next_arrival]);
            }
            break;
        default:
            break;
        }
    }
}

void Simulation::Impl::dispatch(const Event& e) {
    switch (e.kind) {
    case DayStart:
        on_day_start(static_cast<int>(e.data));
        break;
    case DayEnd:
        on_day_end(static_cast<int>(e.data));
        break;
    case ShiftStart:
        on_shift_start(static_cast<int>(e.target));
        break;
    case ShiftEnd:
        on_shift_end(static_cast<int>(e.target));
        break;
    case Arrival:
        on_arrival(static_cast<std::int32_t>(e.target));
        break;
    case ServiceEnd:
        on_service_end(StationNodeId{e.target}, static_cast<std::int32_t>(e.data & 0xffffffffU),
                       static_cast<std::int32_t>(e.data >> 32));
        break;
    case AreaEnd:
        if ((e.data & EventLane::lane_bit) != 0)
            area_ends_[e.target].ran(sim_, prio_area_end, h_, AreaEnd, e.target);
        on_area_end(StationNodeId{e.target}, static_cast<std::int32_t>(e.data));
        break;
    case VialExpiry:
        if ((e.data & EventLane::lane_bit) != 0)
            centres_[CentreId{e.target}].vial_expiries.ran(sim_, prio_vial, h_, VialExpiry,
                                                           e.target);
        on_vial_expiry(CentreId{e.target}, static_cast<std::uint32_t>(e.data));
        break;
    case BookedArrival:
        on_booked_arrival(CentreId{e.target});
        break;
    case TestArrival:
        on_test_arrival(CentreId{e.target});
        break;
    case WalkInArrival:
        on_walk_in(CentreId{e.target});
        break;
    case Sample:
        sample_queues();
        break;
    case CentreClose: // a close moved later today by change_hours leaves a stale one
        if (static_cast<std::uint32_t>(e.data) == centres_[CentreId{e.target}].close_gen)
            on_centre_close(CentreId{e.target});
        break;
    case CentreOpen:
        on_centre_open(CentreId{e.target});
        break;
    case Reopen:
        on_reopen(CentreId{e.target}, static_cast<std::uint32_t>(e.data));
        break;
    case RoadReopen:
        on_road_reopen(static_cast<std::uint32_t>(e.data));
        break;
    case TeamStep:
        on_team_step(TeamId{e.target});
        break;
    case ScheduledMove:
        on_scheduled_move(static_cast<int>(e.target));
        break;
    case InjectFire:
        on_inject(static_cast<std::size_t>(e.target), static_cast<std::uint32_t>(e.data));
        break;
    default:
        RIPOSTE_INVARIANT(false && "unknown event kind");
    }
}

Simulation::Simulation(const Scenario& scenario, RunOptions options, Observer* observer)
    : impl_(std::make_unique<Impl>(
          std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &scenario), options,
          observer)) {}
Simulation::Simulation(std::shared_ptr<const Scenario> scenario, RunOptions options,
                       Observer* observer)
    : impl_(std::make_unique<Impl>(std::move(scenario), options, observer)) {}
Simulation::~Simulation() = default;

Simulation::Simulation(const Simulation& other) : impl_(std::make_unique<Impl>(*other.impl_)) {
    impl_->sim_.set_handler(impl_->h_, impl_.get());
    impl_->obs_ = nullptr; // a fork reports to nobody until told
}

Simulation& Simulation::operator=(const Simulation& other) {
    if (this != &other) *this = Simulation(other);
    return *this;
}

Simulation::Simulation(Simulation&&) noexcept = default;
Simulation& Simulation::operator=(Simulation&&) noexcept = default;

void Simulation::set_observer(Observer* observer) {
    impl_->obs_ = observer;
}

bool Simulation::advance_to(SimTime t) {
    impl_->finish_day_start();
    const SimTime until = std::min(t, impl_->horizon_);
    impl_->sim_.run_until(until);
    if (until >= impl_->horizon_) {
        impl_->finalise();
        return false;
    }
    return true;
}

namespace {
/// Work items of one slice of a day start when stepping (at most ~75 ms on France): a pause
/// of the live run waits for one slice at most, not for the whole day start.
constexpr std::uint64_t day_start_slice = 50'000;

/// Slices the day start while it lives (Simulation::step only).
struct Slicing {
    explicit Slicing(std::uint64_t& budget, std::uint64_t& used) : budget_(budget) {
        budget = day_start_slice;
        used = 0;
    }
    ~Slicing() { budget_ = 0; }
    Slicing(const Slicing&) = delete;
    Slicing& operator=(const Slicing&) = delete;
    std::uint64_t& budget_;
};
} // namespace

bool Simulation::step() {
    if (impl_->finalised_) return false;
    const Slicing slicing(impl_->slice_budget_, impl_->slice_used_);
    if (impl_->day_start_pending()) { // a day start under way: its next slice, no new event
        impl_->continue_day_start();
        return true;
    }
    if (impl_->sim_.next_time() > impl_->horizon_ || !impl_->sim_.step()) {
        impl_->sim_.run_until(impl_->horizon_);
        impl_->finalise();
        return false;
    }
    return true;
}

bool Simulation::run_to_event(std::uint64_t n) {
    while (impl_->sim_.events_processed() < n)
        if (!step()) return false;
    return !impl_->finalised_;
}

SimTime Simulation::next_event_time() const {
    if (impl_->day_start_pending()) return impl_->sim_.now(); // its next slice is due now
    const SimTime t = impl_->sim_.next_time();
    return t > impl_->horizon_ ? SimTime::max() : t;
}

std::uint64_t Simulation::events_processed() const {
    return impl_->sim_.events_processed();
}

LiveState Simulation::live_state() const {
    const Impl& m = *impl_;
    LiveState out;
    out.now = m.sim_.now();
    out.events = m.sim_.events_processed();
    out.totals = m.res_.totals;
    out.changes_applied =
        static_cast<int>(std::count_if(m.changes_.begin(), m.changes_.end(),
                                       [](const AppliedChange& c) { return c.outcome.applied(); }));
    out.test_kits = m.test_kits_;
    out.centres.resize(m.centres_.size());
    for (std::size_t c = 0; c < m.centres_.size(); ++c) {
        const CentreRt& rt = m.centres_[CentreId{c}];
        CentreLive& cl = out.centres[c];
        cl.centre = CentreId{c};
        cl.doors_open = rt.doors_open;
        cl.waiting = rt.waiting;
        cl.in_centre = rt.in_centre;
        cl.staff_by_role = IdVector<RoleId, int>(rt.role_on_site);
        cl.stock = rt.vials.sealed();
        cl.open_vial_doses = rt.vials.open_vial_doses();
        cl.today = rt.acc.row;
    }
    for (const StationRt& s : m.stations_) {
        StationLive sl;
        sl.station = s.local();
        sl.queued = static_cast<int>(s.queued());
        sl.servers_present = s.present();
        sl.stopped = s.stopped();
        if (s.is_area())
            sl.places_used = s.places_used();
        else
            sl.servers_busy = s.pool().busy_count();
        out.centres[s.centre().index()].stations.push_back(sl);
    }
    out.teams.reserve(m.teams_.size());
    for (const TeamId t : m.teams_.ids()) {
        TeamLive& tl = out.teams.emplace_back();
        tl.team = t.value();
        tl.stock = m.teams_.stock(t);
        tl.communes_done = static_cast<int>(m.teams_.round_position(t));
        const MobileTeams::Round& round = m.teams_.round(t);
        tl.out = round.active;
        tl.commune = round.active ? round.at.value() : m.plan_.mobile_teams[t.index()].base_commune;
        tl.vial_left = round.active ? round.vial_left : 0;
    }
    return out;
}

SeriesDelta Simulation::series_since(SeriesCursor& cursor) const {
    const Results& r = impl_->res_;
    SeriesDelta d;
    auto take = [](const auto& all, std::size_t& from, auto& into) {
        if (from < all.size())
            into.assign(all.begin() + static_cast<std::ptrdiff_t>(from), all.end());
        from = all.size();
    };
    take(r.queue, cursor.queue, d.queue);
    take(r.centre_days, cursor.centre_days, d.centre_days);
    take(r.coverage, cursor.coverage, d.coverage);
    take(r.station_days, cursor.station_days, d.station_days);
    take(r.log, cursor.log, d.log);
    return d;
}

SimTime Simulation::now() const {
    return impl_->sim_.now();
}

SimTime Simulation::horizon() const {
    return impl_->horizon_;
}

ChangeOutcome Simulation::apply(const Change& change, std::uint64_t identity) {
    impl_->finish_day_start(); // a change lands between two events, never inside one
    return impl_->fire(change, identity, ChangeSource::Api, {}, CentreId::none()).outcome;
}

ChangeStamp Simulation::next_stamp() const {
    const Impl& m = *impl_;
    const std::uint64_t ord = m.sim_.events_processed();
    return ChangeStamp{m.sim_.now(), ord, ord == m.change_ordinal_ ? m.change_order_ : 0};
}

void Simulation::Impl::set_exercise(std::shared_ptr<const Exercise> exercise) {
    Impl& m = *this;
    m.exercise_ = std::move(exercise);
    m.injects_.clear();
    // the plan's escalation rules stay; an earlier exercise's triggers go
    m.triggers_.erase(
        std::remove_if(m.triggers_.begin(), m.triggers_.end(),
                       [](const TriggerRt& t) { return t.source == ChangeSource::Trigger; }),
        m.triggers_.end());
    if (!m.exercise_) return;
    for (std::size_t i = 0; i < m.exercise_->injects.size(); ++i) {
        const ScriptedInject& in = m.exercise_->injects[i];
        m.injects_.push_back({in.change, in.at, 0, false, false});
        if (in.at < m.horizon_ && in.at >= m.sim_.now())
            m.sim_.schedule(in.at, m.h_, InjectFire, static_cast<std::uint32_t>(i), 0, prio_inject);
    }
    for (const TriggeredInject& t : m.exercise_->triggers)
        m.add_trigger(t.id, t.when, {t.change}, t.once, true, ChangeSource::Trigger);
}

void Simulation::Impl::add_trigger(std::string id, const Condition& when,
                                   std::vector<Change> changes, bool once, bool per_day,
                                   ChangeSource source) {
    TriggerRt t;
    t.id = std::move(id);
    t.when = when;
    t.changes = std::move(changes);
    t.once = once;
    t.per_day = per_day;
    t.source = source;
    t.above_since.assign(centres_.size(), SimTime::max());
    t.fired_day.assign(std::max<std::size_t>(1, centres_.size()), -1);
    triggers_.push_back(std::move(t));
}

void Simulation::set_exercise(std::shared_ptr<const Exercise> exercise) {
    impl_->finish_day_start();
    impl_->set_exercise(std::move(exercise));
}

namespace {
template <class Impl> std::size_t find_upcoming(const Impl& m, std::string_view id) {
    if (!m.exercise_) return SIZE_MAX;
    for (std::size_t i = 0; i < m.injects_.size(); ++i)
        if (m.exercise_->injects[i].id == id && !m.injects_[i].fired && !m.injects_[i].skipped)
            return i;
    return SIZE_MAX;
}
} // namespace

bool Simulation::skip_inject(std::string_view id) {
    impl_->finish_day_start();
    const std::size_t i = find_upcoming(*impl_, id);
    if (i == SIZE_MAX) return false;
    impl_->injects_[i].skipped = true;
    return true;
}

bool Simulation::delay_inject(std::string_view id, SimTime at) {
    impl_->finish_day_start();
    Impl& m = *impl_;
    const std::size_t i = find_upcoming(m, id);
    if (i == SIZE_MAX || at < m.sim_.now()) return false;
    auto& in = m.injects_[i];
    // its end moves with it: an outage of 2 h stays 2 h long
    in.change = shift_times(in.change, at - in.at, at.day() - in.at.day());
    in.at = at;
    ++in.gen; // the event already in the calendar is stale
    if (at < m.horizon_)
        m.sim_.schedule(at, m.h_, InjectFire, static_cast<std::uint32_t>(i), in.gen, prio_inject);
    return true;
}

bool Simulation::edit_inject(std::string_view id, const Change& change) {
    impl_->finish_day_start();
    const std::size_t i = find_upcoming(*impl_, id);
    if (i == SIZE_MAX) return false;
    impl_->injects_[i].change = change;
    return true;
}

std::vector<UpcomingInject> Simulation::upcoming_injects() const {
    const Impl& m = *impl_;
    std::vector<UpcomingInject> out;
    for (std::size_t i = 0; i < m.injects_.size(); ++i) {
        const auto& in = m.injects_[i];
        if (in.fired || in.skipped) continue;
        out.push_back({i, m.exercise_->injects[i].id, in.at, in.change});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const UpcomingInject& a, const UpcomingInject& b) { return a.at < b.at; });
    return out;
}

const std::vector<AppliedChange>& Simulation::changes() const {
    return impl_->changes_;
}

Results Simulation::run() {
    advance_to(impl_->horizon_);
    return impl_->res_;
}

Results Simulation::results() const {
    return impl_->res_;
}

Results run_replication(const Scenario& scenario, const RunOptions& options, Observer* observer) {
    Simulation s(scenario, options, observer);
    return s.run();
}

} // namespace riposte
