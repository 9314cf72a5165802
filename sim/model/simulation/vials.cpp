// Vaccine stock and vials: doses drawn from opened vials, expiry and waste.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

bool Simulation::Impl::take_dose(int c) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    const Centre& def = plan_.centres[static_cast<std::size_t>(c)];
    if (rt.vial_left > 0 && sim_.now() < rt.vial_expires) {
        --rt.vial_left;
        RIPOSTE_INVARIANT(rt.vial_left >= 0);
        ++rt.acc.row.doses_used;
        return true;
    }
    if (rt.vial_left > 0) { // expired in the same instant: count it now
        rt.acc.row.doses_wasted += rt.vial_left;
        rt.vial_left = 0;
    }
    const VaccineType& v = w_.vaccines[static_cast<std::size_t>(def.vaccine)];
    if (rt.stock <= 0) {
        if (!rt.acc.stockout_logged) {
            LogEntry e = log_entry(LogKind::Stockout, LogEvent::StockOut);
            e.centre = c;
            log(std::move(e));
        }
        rt.acc.stockout_logged = true;
        return false;
    }
    const std::int64_t in_vial = std::min<std::int64_t>(v.doses_per_vial, rt.stock);
    rt.stock -= in_vial;
    RIPOSTE_INVARIANT(rt.stock >= 0 && in_vial > 0);
    rt.vial_left = static_cast<int>(in_vial) - 1;
    rt.vial_expires = sim_.now() + v.shelf_life_after_opening;
    ++rt.vial_serial;
    ++rt.acc.row.vials_opened;
    ++rt.acc.row.doses_used;
    sim_.schedule(rt.vial_expires, h_, VialExpiry, static_cast<std::uint32_t>(c), rt.vial_serial,
                  prio_vial);
    return true;
}

void Simulation::Impl::on_vial_expiry(int c, std::uint32_t serial) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    if (serial != rt.vial_serial || rt.vial_left <= 0) return;
    rt.acc.row.doses_wasted += rt.vial_left;
    rt.vial_left = 0;
}

} // namespace riposte
