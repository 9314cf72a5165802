// The station network component (issue 8 §1): every centre's stations at run time, the paths
// through them, staff coming and going, areas, outages.
#include "fixtures.hpp"
#include "riposte/model/station_network.hpp"

#include <doctest/doctest.h>
#include <type_traits>
#include <utility>

using namespace riposte;

namespace {

// A centre of the network is named by a CentreId: not a bare integer, a station or a role.
template <class... A>
concept first_with = requires(const StationNetwork& n, A... a) {
    n.first(a...);
};
template <class... A>
concept of_role_with = requires(const StationNetwork& n, A... a) {
    n.of_role(a...);
};
static_assert(first_with<CentreId>);
static_assert(!first_with<int>, "a bare integer is not a centre");
static_assert(!first_with<StationId>);
static_assert(of_role_with<CentreId, RoleId>);
static_assert(!of_role_with<RoleId, CentreId>, "centre and role cannot be swapped");
static_assert(!of_role_with<int, RoleId>);
static_assert(!of_role_with<CentreId, ProfessionId>, "a profession is not a role");
static_assert(
    std::is_same_v<decltype(std::declval<const StationNetwork::Node&>().centre()), CentreId>);

// A station of the run is a StationNodeId, distinct from a StationId (the index within its
// centre): the network is indexed only by the first, and a node gives its local index as the
// second.
template <class A>
concept node_with = requires(const StationNetwork& n, A a) {
    n[a];
};
static_assert(node_with<StationNodeId>);
static_assert(!node_with<StationId>, "a station's index within its centre is not a node");
static_assert(!node_with<int>, "a bare integer is not a node");
static_assert(!node_with<CentreId>);
static_assert(!std::is_convertible_v<StationId, StationNodeId>);
static_assert(!std::is_convertible_v<StationNodeId, StationId>);
static_assert(
    std::is_same_v<decltype(std::declval<const StationNetwork::Node&>().local()), StationId>);
static_assert(std::is_same_v<decltype(std::declval<const StationNetwork&>().first(CentreId{0})),
                             StationNodeId>);
static_assert(
    std::is_same_v<decltype(std::declval<const StationNetwork&>().of_role(CentreId{0}, RoleId{0})),
                   const std::vector<StationNodeId>&>);

/// A centre that vaccinates and tests: reception (both flows), interview, injection and an
/// observation area for vaccination; a swab station and a result desk for tests.
Centre both_centre() {
    Centre c = test::vaccination_centre("Both");
    c.kind = CentreKind::Both;
    c.stations.push_back(
        {"swab", StationKind::Servers, Flow::Testing, RoleId{5}, test::dist("3"), 0, false, true});
    c.stations.push_back({"result", StationKind::Servers, Flow::Testing, RoleId{0}, test::dist("2"),
                          0, false, false});
    return c;
}

std::vector<StationNodeId> nodes(std::initializer_list<int> ids) {
    std::vector<StationNodeId> out;
    for (int k : ids) out.emplace_back(k);
    return out;
}

std::vector<Rng> rngs(std::size_t n) {
    std::vector<Rng> out;
    for (std::size_t k = 0; k < n; ++k) out.emplace_back(1, 0, k, Purpose::Service);
    return out;
}

} // namespace

TEST_CASE("station network: centres' stations are numbered in order, with their paths") {
    const Centre a = test::vaccination_centre("A");
    const Centre b = both_centre();
    StationNetwork net;
    net.add_centre(a, 6, rngs(a.stations.size()));
    net.add_centre(b, 6, rngs(b.stations.size()));
    REQUIRE(net.size() == 4 + 6);
    CHECK(net.first(CentreId{0}) == StationNodeId{0});
    CHECK(net.last(CentreId{0}) == StationNodeId{4});
    CHECK(net.first(CentreId{1}) == StationNodeId{4});
    CHECK(net.last(CentreId{1}) == StationNodeId{10});
    CHECK(net[StationNodeId{5}].centre() == CentreId{1});
    CHECK(net[StationNodeId{5}].local() == StationId{1});
    CHECK(net[StationNodeId{5}].def().name == "interview");
    using P = StationNetwork::Path;
    CHECK(net.path(CentreId{0}, P::Vaccination) == nodes({0, 1, 2, 3}));
    CHECK(net.path(CentreId{0}, P::Antigen).empty());
    CHECK(net.path(CentreId{1}, P::Vaccination) == nodes({4, 5, 6, 7}));
    CHECK(net.path(CentreId{1}, P::Antigen) == nodes({4, 8, 9}));
    CHECK(net.path(CentreId{1}, P::Pcr) == nodes({4, 8}));       // PCR patients leave once sampled
    CHECK(net.of_role(CentreId{1}, RoleId{0}) == nodes({4, 9})); // reception and the result desk
    CHECK(net.of_role(CentreId{1}, RoleId{4}).empty());          // supervision: no station
    CHECK(net.of_role(CentreId{0}, RoleId{3}) == nodes({3}));
}

TEST_CASE("station network: staff present, queues, a stopped station, sending the queue home") {
    const Centre a = test::vaccination_centre("A");
    StationNetwork net;
    net.add_centre(a, 6, rngs(a.stations.size()));
    StationNetwork::Node& desk = net[StationNodeId{0}];
    CHECK_FALSE(desk.is_area());
    CHECK(desk.stopped());
    CHECK(desk.present() == 0);
    desk.enqueue(11);
    desk.enqueue(12);
    desk.enqueue(13);
    CHECK(desk.queued() == 3);
    const std::int32_t slot = desk.pool().add_server(7, hours(17), 0);
    CHECK(desk.present() == 1);
    CHECK_FALSE(desk.stopped());
    CHECK(desk.pool().dequeue() == 11);
    desk.pool().retire(slot);
    CHECK(desk.stopped());
    CHECK(desk.send_home() == std::vector<std::int32_t>{12, 13});
    CHECK(desk.queued() == 0);

    // the observation area: watched by role 3, 30 places
    StationNetwork::Node& area = net[StationNodeId{3}];
    REQUIRE(area.is_area());
    area.enqueue(21);
    area.enqueue(22);
    CHECK(area.stopped());
    CHECK_FALSE(area.place_ready()); // nobody watches
    area.watch();
    CHECK(area.present() == 1);
    REQUIRE(area.place_ready());
    CHECK(area.take_place() == 21);
    CHECK(area.take_place() == 22);
    CHECK(area.places_used() == 2);
    CHECK_FALSE(area.place_ready()); // nobody queued
    area.free_place();
    CHECK(area.places_used() == 1);
    area.enqueue(23);
    area.unwatch();
    CHECK(area.stopped());
    CHECK_FALSE(area.place_ready());
    CHECK(area.send_home() == std::vector<std::int32_t>{23});
    CHECK(area.places_used() == 1); // a patient in place stays until the end of their time
}

TEST_CASE("station network: an outage stretches services at the stations named, until its end") {
    const Centre a = test::vaccination_centre("A");
    const Centre b = both_centre();
    StationNetwork net;
    net.add_centre(a, 6, rngs(a.stations.size()));
    net.add_centre(b, 6, rngs(b.stations.size()));
    CHECK(net.slow(CentreId{1}, "reception", 2.5, hours(12)) == 1);
    CHECK(net.slow(CentreId{1}, "nowhere", 2.5, hours(12)) == 0);
    CHECK(net[StationNodeId{4}].service_time(seconds(100), hours(11)) == seconds(250));
    CHECK(net[StationNodeId{4}].service_time(seconds(100), hours(12)) == seconds(100)); // over
    CHECK(net[StationNodeId{0}].service_time(seconds(100), hours(11)) ==
          seconds(100)); // another centre
    CHECK(net[StationNodeId{5}].service_time(seconds(100), hours(11)) ==
          seconds(100));                                   // another station
    CHECK(net.slow(CentreId{0}, "", 1.5, hours(10)) == 4); // every station of the centre
    CHECK(net[StationNodeId{3}].service_time(seconds(101), hours(9)) ==
          seconds(152)); // 151.5, rounded
}
