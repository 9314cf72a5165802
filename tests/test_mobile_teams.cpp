// The mobile teams component (issue 8 §1): stock and deliveries, the day's round one visit at a
// time, second doses owed, a decision sending a team elsewhere.
#include "riposte/model/mobile_teams.hpp"

#include <doctest/doctest.h>

using namespace riposte;

TEST_CASE("mobile teams: deliveries, a round of visits within the day, the vial thrown away") {
    MobileTeams teams;
    teams.reset(2, 7);
    teams.set_round(0, {5, 6, 7});
    std::vector<std::int64_t> doses(7, 0);
    doses[1] = 8;
    teams.set_deliveries(0, doses);
    CHECK(teams.deliver(0, 0) == 0);
    CHECK(teams.deliver(0, 1) == 8);
    CHECK(teams.stock(0) == 8);
    CHECK(teams.stock(1) == 0);
    CHECK(teams.last_round_day(0) == -1);

    MobileDayRow row;
    row.team = 0;
    row.day = 1;
    // 09:00-10:00 from base commune 3
    teams.start_round(0, row, 1, 9 * 3600.0, 10 * 3600.0, 3, Rng(1, 0, 0, Purpose::Service));
    CHECK(teams.round(0).active);
    CHECK(teams.last_round_day(0) == 1);
    CHECK(teams.round(0).at == 3);
    int m = -1;
    std::size_t g = 9;
    REQUIRE(teams.current_commune(0, m, g));
    CHECK(m == 5);
    CHECK(g == 0);
    // too far to come back in time: nothing changes
    CHECK_FALSE(teams.drive_to(0, 5, 1800, 1801));
    CHECK(teams.round(0).now == 9 * 3600.0);
    CHECK(teams.drive_to(0, 5, 600, 600));
    CHECK(teams.round(0).at == 5);
    CHECK(teams.row(0).communes_visited == 1);
    CHECK(teams.row(0).drive_minutes == 10.0);
    // a 6-dose vial is opened at the first visit
    CHECK(teams.visit(0, 600, 600, 120, 6, 3600));
    teams.count_dose(0, false);
    CHECK(teams.stock(0) == 2);
    CHECK(teams.round(0).vial_left == 5);
    CHECK(teams.row(0).vials_opened == 1);
    CHECK(teams.row(0).doses_used == 1);
    CHECK(teams.row(0).first_doses == 1);
    CHECK(teams.round(0).now == 9 * 3600.0 + 600 + 600 + 120);
    // no time left for another visit and the drive back (09:22 + 30 + 10 min > 10:00)
    CHECK_FALSE(teams.visit(0, 1800, 600, 0, 6, 3600));
    teams.end_round(0);
    CHECK_FALSE(teams.round(0).active);
    CHECK(teams.row(0).doses_wasted == 5); // not kept overnight
    CHECK(teams.row(0).stock_end == 2);
    MobileDayRow out;
    REQUIRE(teams.take_row(0, out));
    CHECK(out.day == 1);
    CHECK(out.doses_used == 1);
    CHECK_FALSE(teams.take_row(0, out)); // once
    CHECK_FALSE(teams.take_row(1, out));
    teams.stay_in(1, MobileDayRow{});
    CHECK(teams.take_row(1, out));
}

TEST_CASE("mobile teams: communes along the round, second doses owed, a team sent elsewhere") {
    MobileTeams teams;
    teams.reset(1, 7);
    teams.set_round(0, {5, 6});
    teams.owe_second_dose(0, {3, 6, 1});
    CHECK(teams.second_dose_due(0, 2) == nullptr);
    REQUIRE(teams.second_dose_due(0, 3) != nullptr);
    CHECK(teams.second_dose_due(0, 3)->commune == 6);
    teams.second_dose_given(0);
    CHECK(teams.second_dose_due(0, 9) == nullptr);

    teams.start_round(0, MobileDayRow{}, 2, 0, 86400, 5, Rng{});
    int m = -1;
    std::size_t g = 0;
    REQUIRE(teams.current_commune(0, m, g));
    CHECK(m == 5);
    teams.set_group(0, 2);
    REQUIRE(teams.current_commune(0, m, g));
    CHECK(g == 2);
    teams.commune_done(0);
    REQUIRE(teams.current_commune(0, m, g));
    CHECK(m == 6);
    CHECK(g == 0);
    CHECK(teams.round_position(0) == 1);
    // sent to communes 8 and 9 today: the round turns there at once
    teams.send(0, 2, {8, 9});
    REQUIRE(teams.current_commune(0, m, g));
    CHECK(m == 8);
    teams.commune_done(0);
    REQUIRE(teams.current_commune(0, m, g));
    CHECK(m == 9);
    teams.commune_done(0);
    CHECK_FALSE(teams.current_commune(0, m, g)); // every commune tried today
    CHECK(teams.round_position(0) == 1);         // the usual round keeps its place
    teams.end_round(0);
    // sent for day 4: that day's round goes there, day 3's does not
    teams.send(0, 4, {7});
    teams.start_round(0, MobileDayRow{}, 3, 0, 86400, 5, Rng{});
    REQUIRE(teams.current_commune(0, m, g));
    CHECK(m == 6);
    teams.end_round(0);
    teams.start_round(0, MobileDayRow{}, 4, 0, 86400, 5, Rng{});
    REQUIRE(teams.current_commune(0, m, g));
    CHECK(m == 7);
}
