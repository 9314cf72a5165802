// A centre's vaccine stock and its opened vial (see riposte/model/vial_stock.hpp).
#include "riposte/model/vial_stock.hpp"

#include "riposte/core/invariant.hpp"

#include <algorithm>

namespace riposte {

bool VialStock::take_out(std::int64_t doses) {
    if (doses < 0 || sealed_ < doses) return false;
    sealed_ -= doses;
    return true;
}

VialStock::Draw VialStock::draw(SimTime now, int doses_per_vial, SimTime shelf_life_after_opening,
                                std::int64_t& wasted) {
    wasted = 0;
    if (open_left_ > 0 && now < expires_) {
        --open_left_;
        return Draw::FromOpenVial;
    }
    if (open_left_ > 0) { // expired in the same instant: count it now
        wasted = open_left_;
        open_left_ = 0;
    }
    if (sealed_ <= 0) return Draw::Empty;
    const std::int64_t in_vial = std::min<std::int64_t>(doses_per_vial, sealed_);
    sealed_ -= in_vial;
    RIPOSTE_INVARIANT(sealed_ >= 0 && in_vial > 0);
    open_left_ = static_cast<int>(in_vial) - 1;
    expires_ = now + shelf_life_after_opening;
    ++serial_;
    return Draw::OpenedVial;
}

std::int64_t VialStock::expire(std::uint32_t serial) {
    if (serial != serial_ || open_left_ <= 0) return 0;
    const std::int64_t wasted = open_left_;
    open_left_ = 0;
    return wasted;
}

std::int64_t VialStock::destroy() {
    const std::int64_t lost = total();
    sealed_ = 0;
    open_left_ = 0;
    ++serial_; // the opened vial's expiry is stale
    return lost;
}

} // namespace riposte
