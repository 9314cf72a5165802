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
