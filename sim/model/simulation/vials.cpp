// Vaccine stock and vials: doses drawn from opened vials, expiry and waste (the bookkeeping is
// the VialStock component; here the model logs, counts and schedules).
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

bool Simulation::Impl::take_dose(CentreId c) {
    CentreRt& rt = centres_[c];
    const VaccineType& v = w_.vaccines[static_cast<std::size_t>(rt.vaccine)];
    std::int64_t wasted = 0;
    const VialStock::Draw d =
        rt.vials.draw(sim_.now(), v.doses_per_vial, v.shelf_life_after_opening, wasted);
    rt.acc.row.doses_wasted += wasted;
    switch (d) {
    case VialStock::Draw::FromOpenVial:
        ++rt.acc.row.doses_used;
        return true;
    case VialStock::Draw::OpenedVial:
        ++rt.acc.row.vials_opened;
        ++rt.acc.row.doses_used;
        rt.vial_expiries.schedule(sim_, rt.vials.expires(), prio_vial, h_, VialExpiry,
                                  static_cast<std::uint32_t>(c.value()), rt.vials.serial());
        return true;
    case VialStock::Draw::Empty:
        break;
    }
    if (!rt.acc.stockout_logged) {
        LogEntry e = log_entry(LogKind::Stockout, LogEvent::StockOut);
        e.centre = c.value();
        log(std::move(e));
    }
    rt.acc.stockout_logged = true;
    return false;
}

void Simulation::Impl::on_vial_expiry(CentreId c, std::uint32_t serial) {
    CentreRt& rt = centres_[c];
    rt.acc.row.doses_wasted += rt.vials.expire(serial);
}

} // namespace riposte
