#pragma once
// A vaccination centre's vaccine stock: sealed doses and the one opened vial, whose doses are
// wasted when it expires. Pure bookkeeping, like SlotBook: small change methods, no clock of its
// own and no random draws; the model gives it the time, schedules the expiry it asks for and
// counts the doses it reports used or wasted. Deliveries, a cold-chain failure, a reallocation
// and the live state all go through it.
#include "riposte/core/sim_time.hpp"

#include <cstdint>

namespace riposte {

class VialStock {
  public:
    /// What drawing one dose did.
    enum class Draw : std::uint8_t {
        FromOpenVial, ///< a dose of the vial already open
        OpenedVial,   ///< a new vial was opened (its expiry is `expires()`, its id `serial()`)
        Empty,        ///< no dose left
    };

    /// Sealed doses arrive (a delivery, a reallocation in).
    void receive(std::int64_t doses) { sealed_ += doses; }
    /// Takes `doses` sealed doses out (a reallocation); false, and nothing taken, when fewer
    /// are in stock.
    bool take_out(std::int64_t doses);

    /// Draws one dose at `now`. `wasted` gets the doses of an opened vial that expired at this
    /// very instant (they are counted wasted before a new vial is opened).
    Draw draw(SimTime now, int doses_per_vial, SimTime shelf_life_after_opening,
              std::int64_t& wasted);
    /// The opened vial `serial` expires: the doses it still holds, wasted (0 when that vial
    /// is already empty or was replaced).
    std::int64_t expire(std::uint32_t serial);
    /// Everything is destroyed (a cold-chain failure): the doses lost. A pending expiry of the
    /// opened vial becomes stale.
    std::int64_t destroy();

    [[nodiscard]] std::int64_t sealed() const { return sealed_; }
    [[nodiscard]] int open_vial_doses() const { return open_left_; }
    /// Sealed doses plus those left in the opened vial.
    [[nodiscard]] std::int64_t total() const { return sealed_ + open_left_; }
    [[nodiscard]] SimTime expires() const { return expires_; }
    [[nodiscard]] std::uint32_t serial() const { return serial_; }

  private:
    std::int64_t sealed_ = 0;
    int open_left_ = 0;
    SimTime expires_;
    std::uint32_t serial_ = 0;
};

} // namespace riposte
