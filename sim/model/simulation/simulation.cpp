// The Simulation facade: event dispatch and the public API.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

void Simulation::Impl::handle(const Event& e) {
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
        on_service_end(static_cast<int>(e.target), static_cast<std::int32_t>(e.data));
        break;
    case AreaEnd:
        on_area_end(static_cast<int>(e.target), static_cast<std::int32_t>(e.data));
        break;
    case VialExpiry:
        on_vial_expiry(static_cast<int>(e.target), static_cast<std::uint32_t>(e.data));
        break;
    case TestArrival:
        on_test_arrival(static_cast<int>(e.target));
        break;
    case WalkInArrival:
        on_walk_in(static_cast<int>(e.target));
        break;
    case Sample:
        sample_queues();
        break;
    case CentreClose:
        on_centre_close(static_cast<int>(e.target));
        break;
    case CentreOpen:
        on_centre_open(static_cast<int>(e.target));
        break;
    default:
        RIPOSTE_INVARIANT(false && "unknown event kind");
    }
}

Simulation::Simulation(const Scenario& scenario, RunOptions options, Observer* observer)
    : impl_(std::make_unique<Impl>(scenario, options, observer)) {}
Simulation::~Simulation() = default;

bool Simulation::advance_to(SimTime t) {
    const SimTime until = std::min(t, impl_->horizon_);
    impl_->sim_.run_until(until);
    if (until >= impl_->horizon_) {
        impl_->finalise();
        return false;
    }
    return true;
}

bool Simulation::step() {
    if (impl_->finalised_) return false;
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
    out.test_kits = m.test_kits_;
    out.centres.resize(m.centres_.size());
    for (std::size_t c = 0; c < m.centres_.size(); ++c) {
        const CentreRt& rt = m.centres_[c];
        CentreLive& cl = out.centres[c];
        cl.centre = static_cast<int>(c);
        cl.doors_open = rt.doors_open;
        cl.waiting = rt.waiting;
        cl.in_centre = rt.in_centre;
        cl.staff_by_role = rt.role_on_site;
        cl.stock = rt.stock;
        cl.open_vial_doses = rt.vial_left;
        cl.today = rt.acc.row;
    }
    for (const StationRt& s : m.stations_) {
        StationLive sl;
        sl.station = s.local;
        if (s.def->kind == StationKind::Area) {
            sl.queued = static_cast<int>(s.area_queue.size());
            sl.servers_present = s.watchers;
            sl.places_used = s.area_used;
            sl.stopped = s.def->role >= 0 && s.watchers == 0;
        } else {
            sl.queued = static_cast<int>(s.pool.queue_length());
            sl.servers_present = s.pool.active_count();
            sl.servers_busy = s.pool.busy_count();
            sl.stopped = s.pool.active_count() == 0;
        }
        out.centres[static_cast<std::size_t>(s.centre)].stations.push_back(sl);
    }
    out.teams.resize(m.teams_.size());
    for (std::size_t t = 0; t < m.teams_.size(); ++t) {
        out.teams[t].team = static_cast<int>(t);
        out.teams[t].stock = m.teams_[t].stock;
        out.teams[t].communes_done = static_cast<int>(m.teams_[t].next);
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
