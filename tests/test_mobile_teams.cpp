// The mobile teams component (issue 8 §1): stock and deliveries, the day's round one visit at a
// time, second doses owed, a decision sending a team elsewhere.
#include "riposte/model/mobile_teams.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace riposte;

namespace {

// A team is named by a TeamId, a commune by a CommuneId, a group by a GroupId: none of them
// (nor a bare integer, nor a centre) is accepted for another.
template <class T, class M>
concept drive_with = requires(MobileTeams& teams, T t, M m) {
    teams.drive_to(t, m, 0.0, 0.0);
};
static_assert(drive_with<TeamId, CommuneId>);
static_assert(!drive_with<CommuneId, TeamId>, "team and commune cannot be swapped");
static_assert(!drive_with<int, CommuneId>, "a bare integer is not a team");
static_assert(!drive_with<CentreId, CommuneId>, "a centre is not a mobile team");
static_assert(!drive_with<TeamId, int>, "a bare integer is not a commune");
template <class G>
concept group_with = requires(MobileTeams& teams, G g) {
    teams.set_group(TeamId{0}, g);
};
static_assert(group_with<GroupId>);
static_assert(!group_with<CommuneId>, "a commune is not a group");
static_assert(!group_with<std::size_t>);
static_assert(std::is_same_v<decltype(MobileTeams::Round::at), CommuneId>);
static_assert(std::is_same_v<decltype(MobileTeams::Due::group), GroupId>);

const TeamId T0{0}, T1{1};

std::vector<CommuneId> communes(std::initializer_list<int> ids) {
    std::vector<CommuneId> out;
    for (int m : ids) out.emplace_back(m);
    return out;
}

} // namespace

TEST_CASE("mobile teams: deliveries, a round of visits within the day, the vial thrown away") {
    MobileTeams teams;
    teams.reset(2, 7);
    teams.set_round(T0, communes({5, 6, 7}));
    std::vector<std::int64_t> doses(7, 0);
    doses[1] = 8;
    teams.set_deliveries(T0, doses);
    CHECK(teams.deliver(T0, 0) == 0);
    CHECK(teams.deliver(T0, 1) == 8);
    CHECK(teams.stock(T0) == 8);
    CHECK(teams.stock(T1) == 0);
    CHECK(teams.last_round_day(T0) == -1);

    MobileDayRow row;
    row.team = 0;
    row.day = 1;
    // 09:00-10:00 from base commune 3
    teams.start_round(T0, row, 1, 9 * 3600.0, 10 * 3600.0, CommuneId{3},
                      Rng(1, 0, 0, Purpose::Service));
    CHECK(teams.round(T0).active);
    CHECK(teams.last_round_day(T0) == 1);
    CHECK(teams.round(T0).at == CommuneId{3});
    CommuneId m;
    GroupId g{9};
    REQUIRE(teams.current_commune(T0, m, g));
    CHECK(m == CommuneId{5});
    CHECK(g == GroupId{0});
    // too far to come back in time: nothing changes
    CHECK_FALSE(teams.drive_to(T0, CommuneId{5}, 1800, 1801));
    CHECK(teams.round(T0).now == 9 * 3600.0);
    CHECK(teams.drive_to(T0, CommuneId{5}, 600, 600));
    CHECK(teams.round(T0).at == CommuneId{5});
    CHECK(teams.row(T0).communes_visited == 1);
    CHECK(teams.row(T0).drive_minutes == 10.0);
    // a 6-dose vial is opened at the first visit
    CHECK(teams.visit(T0, 600, 600, 120, 6, 3600));
    teams.count_dose(T0, false);
    CHECK(teams.stock(T0) == 2);
    CHECK(teams.round(T0).vial_left == 5);
    CHECK(teams.row(T0).vials_opened == 1);
    CHECK(teams.row(T0).doses_used == 1);
    CHECK(teams.row(T0).first_doses == 1);
    CHECK(teams.round(T0).now == 9 * 3600.0 + 600 + 600 + 120);
    // no time left for another visit and the drive back (09:22 + 30 + 10 min > 10:00)
    CHECK_FALSE(teams.visit(T0, 1800, 600, 0, 6, 3600));
    teams.end_round(T0);
    CHECK_FALSE(teams.round(T0).active);
    CHECK(teams.row(T0).doses_wasted == 5); // not kept overnight
    CHECK(teams.row(T0).stock_end == 2);
    MobileDayRow out;
    REQUIRE(teams.take_row(T0, out));
    CHECK(out.day == 1);
    CHECK(out.doses_used == 1);
    CHECK_FALSE(teams.take_row(T0, out)); // once
    CHECK_FALSE(teams.take_row(T1, out));
    teams.stay_in(T1, MobileDayRow{});
    CHECK(teams.take_row(T1, out));
}

TEST_CASE("mobile teams: communes along the round, second doses owed, a team sent elsewhere") {
    MobileTeams teams;
    teams.reset(1, 7);
    teams.set_round(T0, communes({5, 6}));
    teams.owe_second_dose(T0, {3, CommuneId{6}, GroupId{1}});
    CHECK(teams.second_dose_due(T0, 2) == nullptr);
    REQUIRE(teams.second_dose_due(T0, 3) != nullptr);
    CHECK(teams.second_dose_due(T0, 3)->commune == CommuneId{6});
    teams.second_dose_given(T0);
    CHECK(teams.second_dose_due(T0, 9) == nullptr);

    teams.start_round(T0, MobileDayRow{}, 2, 0, 86400, CommuneId{5}, Rng{});
    CommuneId m;
    GroupId g{0};
    REQUIRE(teams.current_commune(T0, m, g));
    CHECK(m == CommuneId{5});
    teams.set_group(T0, GroupId{2});
    REQUIRE(teams.current_commune(T0, m, g));
    CHECK(g == GroupId{2});
    teams.commune_done(T0);
    REQUIRE(teams.current_commune(T0, m, g));
    CHECK(m == CommuneId{6});
    CHECK(g == GroupId{0});
    CHECK(teams.round_position(T0) == 1);
    // sent to communes 8 and 9 today: the round turns there at once
    teams.send(T0, 2, communes({8, 9}));
    REQUIRE(teams.current_commune(T0, m, g));
    CHECK(m == CommuneId{8});
    teams.commune_done(T0);
    REQUIRE(teams.current_commune(T0, m, g));
    CHECK(m == CommuneId{9});
    teams.commune_done(T0);
    CHECK_FALSE(teams.current_commune(T0, m, g)); // every commune tried today
    CHECK(teams.round_position(T0) == 1);         // the usual round keeps its place
    teams.end_round(T0);
    // sent for day 4: that day's round goes there, day 3's does not
    teams.send(T0, 4, communes({7}));
    teams.start_round(T0, MobileDayRow{}, 3, 0, 86400, CommuneId{5}, Rng{});
    REQUIRE(teams.current_commune(T0, m, g));
    CHECK(m == CommuneId{6});
    teams.end_round(T0);
    teams.start_round(T0, MobileDayRow{}, 4, 0, 86400, CommuneId{5}, Rng{});
    REQUIRE(teams.current_commune(T0, m, g));
    CHECK(m == CommuneId{7});
}
