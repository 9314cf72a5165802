// The VialStock component (issue 8 §1, components): sealed doses, the opened vial, its expiry
// and waste, a cold-chain failure and a reallocation, driven without the model.
#include "riposte/model/vial_stock.hpp"

#include <doctest/doctest.h>

using namespace riposte;

TEST_CASE("vial stock: doses come from the opened vial until it is empty or expires") {
    VialStock s;
    std::int64_t wasted = -1;
    CHECK(s.draw(SimTime{}, 10, hours(6), wasted) == VialStock::Draw::Empty);
    CHECK(wasted == 0);
    s.receive(25);
    CHECK(s.total() == 25);
    // a 10-dose vial opened at 08:00, good for 6 h
    CHECK(s.draw(hours(8), 10, hours(6), wasted) == VialStock::Draw::OpenedVial);
    CHECK(s.serial() == 1);
    CHECK(s.expires() == hours(14));
    CHECK(s.sealed() == 15);
    CHECK(s.open_vial_doses() == 9);
    for (int k = 0; k < 9; ++k)
        CHECK(s.draw(hours(9), 10, hours(6), wasted) == VialStock::Draw::FromOpenVial);
    CHECK(s.open_vial_doses() == 0);
    // the next dose opens the second vial; its expiry at 16:00 wastes what is left
    CHECK(s.draw(hours(10), 10, hours(6), wasted) == VialStock::Draw::OpenedVial);
    CHECK(s.serial() == 2);
    CHECK(s.expire(1) == 0); // the first vial's expiry is stale
    CHECK(s.expire(2) == 9);
    CHECK(s.open_vial_doses() == 0);
    CHECK(s.expire(2) == 0); // counted once
    // the last vial holds what is left: 5 doses, not 10
    CHECK(s.draw(hours(17), 10, hours(6), wasted) == VialStock::Draw::OpenedVial);
    CHECK(s.sealed() == 0);
    CHECK(s.open_vial_doses() == 4);
}

TEST_CASE("vial stock: a vial expiring at the very instant of a draw is wasted, then a new one") {
    VialStock s;
    s.receive(20);
    std::int64_t wasted = 0;
    REQUIRE(s.draw(hours(8), 10, hours(6), wasted) == VialStock::Draw::OpenedVial);
    // at 14:00 exactly the vial has expired, its expiry event not yet run
    CHECK(s.draw(hours(14), 10, hours(6), wasted) == VialStock::Draw::OpenedVial);
    CHECK(wasted == 9);
    CHECK(s.expire(1) == 0); // the old vial's expiry finds nothing more to waste
    CHECK(s.total() == 9);
}

TEST_CASE("vial stock: a cold-chain failure destroys everything, a reallocation needs the doses") {
    VialStock s;
    s.receive(30);
    std::int64_t wasted = 0;
    REQUIRE(s.draw(hours(8), 10, hours(6), wasted) == VialStock::Draw::OpenedVial);
    CHECK_FALSE(s.take_out(21)); // 20 sealed
    CHECK(s.sealed() == 20);
    CHECK(s.take_out(5));
    CHECK(s.sealed() == 15);
    CHECK(s.destroy() == 15 + 9);
    CHECK(s.total() == 0);
    CHECK(s.expire(1) == 0); // the destroyed vial's expiry is stale
    CHECK(s.draw(hours(9), 10, hours(6), wasted) == VialStock::Draw::Empty);
}
