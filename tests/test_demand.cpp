// The demand component (issue 8 §1): people numbered pair by pair, requests per day, waiting
// queues of id runs with booked copies dropped from the front, walk-in lists.
#include "riposte/model/demand.hpp"

#include <doctest/doctest.h>
#include <type_traits>

using namespace riposte;

// A person of the demand stays 12 packed bytes (tens of millions on France); their commune,
// group and second-dose centre are read as ids, not interchangeable with each other.
static_assert(sizeof(Demand::Person) == 12);
static_assert(std::is_same_v<decltype(Demand::Person{}.commune_id()), CommuneId>);
static_assert(std::is_same_v<decltype(Demand::Person{}.group_id()), GroupId>);
static_assert(std::is_same_v<decltype(Demand::Person{}.dose2_centre_id()), CentreId>);
static_assert(!std::is_convertible_v<GroupId, CommuneId>);
static_assert(!std::is_convertible_v<CommuneId, GroupId>);

TEST_CASE("demand: people are numbered (commune, group) after (commune, group), in runs") {
    Demand d;
    d.reset(2, 3, 10, 2); // 2 communes × 3 groups, 10 days, people retry every 2 days
    CHECK(d.pairs() == 6);
    CHECK(d.retry_days() == 2);
    CHECK(d.queues() == 12);
    for (std::size_t k = 0; k < 6; ++k) {
        d.begin_pair(k, 1000 + k);
        if (k == 1) {
            CHECK(d.add_people(0, 1, 3) == 0);
            CHECK(d.add_people(0, 1, 2) == 3); // a later request day: the next ids
        }
        if (k == 4) CHECK(d.add_people(1, 1, 4) == 5);
    }
    CHECK(d.people() == 9);
    CHECK(d.first(0) == 0);
    CHECK(d.end(0) == 0); // nobody
    CHECK(d.first(1) == 0);
    CHECK(d.end(1) == 5);
    CHECK(d.first(4) == 5);
    CHECK(d.end(4) == 9);
    CHECK(d.end(5) == 9);
    CHECK(d.person(6).commune == 1);
    CHECK(d.person(6).group == 1);
    CHECK(d.person(6).state == Demand::Waiting);
    CHECK(d.person(6).dose2_centre == Demand::none);
    CHECK(d.person(6).commune_id() == CommuneId{1});
    CHECK(d.person(6).group_id() == GroupId{1});
    CHECK(d.person(1).group_id() == GroupId{1});
    CHECK_FALSE(d.person(6).dose2_centre_id().valid());
    // a person's key depends on their pair's key and their rank in it, nothing else
    CHECK(d.key(6, 4) == mix64(1004 + 1));
    CHECK(d.key(0, 1) != d.key(1, 1));
    CHECK(d.key_base(4) == 1004);
}

TEST_CASE("demand: requests are taken once, queues drop booked people from their front") {
    Demand d;
    d.reset(1, 1, 5, 1);
    d.begin_pair(0, 7);
    CHECK(d.add_people(0, 0, 40) == 0);
    d.request(2, {0, 10});
    d.request(2, {10, 5});
    CHECK(d.take_requests(1).empty());
    const std::vector<Demand::IdRun> today = d.take_requests(2);
    REQUIRE(today.size() == 2);
    CHECK(today[1].first == 10);
    CHECK(d.take_requests(2).empty()); // taken

    for (const Demand::IdRun& r : today) d.join(0, r);
    CHECK(d.queue(0).size == 15);
    // the first three are booked meanwhile, and number 5 has had a dose
    for (std::int32_t p = 0; p < 3; ++p) d.person(p).state = Demand::Booked;
    d.person(5).doses = 1;
    d.drop_stale(0);
    CHECK(d.queue(0).size == 12);
    CHECK(d.queue(0).runs[d.queue(0).head].first == 3); // the front: the first still waiting
    // number 5 is further in: dropped only once it reaches the front
    for (std::int32_t p = 3; p < 5; ++p) d.person(p).state = Demand::Booked;
    d.drop_stale(0);
    CHECK(d.queue(0).runs[d.queue(0).head].first == 6);
    CHECK(d.queue(0).size == 9);
    // everyone booked: the queue gives its storage back
    for (std::int32_t p = 6; p < 15; ++p) d.person(p).state = Demand::Booked;
    d.drop_stale(0);
    CHECK(d.queue(0).size == 0);
    CHECK(d.queue(0).runs.empty());
    CHECK(d.queue(0).runs.capacity() == 0);

    d.list_for_walk_in(20);
    CHECK(d.person(20).state == Demand::Listed);
    CHECK(d.walk_in_list(0) == std::vector<std::int32_t>{20});
}
