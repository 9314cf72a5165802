// Strong ids (core/ids.hpp): construction, none(), comparisons, hashing, ranges, and an
// IdVector that only its own id type can index.
#include "riposte/core/ids.hpp"
#include "riposte/scenario.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <vector>

using namespace riposte;

namespace {

template <class V, class I>
concept indexable_by = requires(V v, I i) {
    v[i];
};

template <class A, class B>
concept equality_comparable_with_ = requires(A a, B b) {
    a == b;
};

// Compile-time properties: same size as the integer, trivially copyable, no implicit
// conversion in either direction, no mixing of kinds.
static_assert(sizeof(CentreId) == sizeof(std::int32_t));
static_assert(sizeof(Id<PersonTag, std::int64_t>) == sizeof(std::int64_t));
static_assert(std::is_trivially_copyable_v<CentreId>);
static_assert(std::is_standard_layout_v<CentreId>);
static_assert(!std::is_convertible_v<int, CentreId>, "construction from an integer is explicit");
static_assert(!std::is_convertible_v<CentreId, int>, "no implicit way back to an integer");
static_assert(!std::is_convertible_v<StationId, CentreId>);
static_assert(!std::is_constructible_v<CentreId, StationId>);
static_assert(std::is_constructible_v<CentreId, int>);
static_assert(std::is_constructible_v<CentreId, std::size_t>);
static_assert(!equality_comparable_with_<CentreId, StationId>);
static_assert(!equality_comparable_with_<RoleId, ProfessionId>);
static_assert(!equality_comparable_with_<CentreId, int>);

static_assert(indexable_by<IdVector<CentreId, int>, CentreId>);
static_assert(!indexable_by<IdVector<CentreId, int>, StationId>,
              "a vector of centres cannot be indexed by a station");
static_assert(!indexable_by<IdVector<CentreId, int>, int>, "nor by a bare integer");
static_assert(!indexable_by<IdVector<CentreId, int>, std::size_t>);
static_assert(!indexable_by<const IdVector<RoleId, double>, ProfessionId>);
// The world's names: a role's name is found by a RoleId only, a profession's by a ProfessionId.
static_assert(indexable_by<const decltype(World::roles)&, RoleId>);
static_assert(!indexable_by<const decltype(World::roles)&, ProfessionId>,
              "world.roles[ProfessionId{0}] does not compile");
static_assert(!indexable_by<const decltype(World::roles)&, int>, "nor world.roles[0]");
static_assert(!indexable_by<const decltype(World::roles)&, std::size_t>);
static_assert(indexable_by<const decltype(World::professions)&, ProfessionId>);
static_assert(!indexable_by<const decltype(World::professions)&, RoleId>);
static_assert(!indexable_by<const decltype(World::professions)&, int>);
// People required per role on a shift or a mobile team: indexed by a RoleId only.
static_assert(indexable_by<decltype(Shift::staff)&, RoleId>);
static_assert(!indexable_by<decltype(Shift::staff)&, CentreId>,
              "shift.staff[CentreId{0}] does not compile");
static_assert(!indexable_by<decltype(Shift::staff)&, ProfessionId>);
static_assert(!indexable_by<decltype(Shift::staff)&, int>, "nor shift.staff[0]");
static_assert(indexable_by<decltype(MobileTeam::staff)&, RoleId>);
static_assert(!indexable_by<decltype(MobileTeam::staff)&, std::size_t>);

// constexpr use
static_assert(CentreId{3}.value() == 3);
static_assert(CentreId{3}.index() == 3u);
static_assert(CentreId::none().value() == -1);
static_assert(!CentreId::none().valid());
static_assert(CentreId{} == CentreId::none());
static_assert(CentreId{0}.valid());
static_assert(CentreId{1} < CentreId{2});
static_assert(id_range<RoleId>(4).size() == 4);

} // namespace

TEST_CASE("ids: value, index, none and comparisons") {
    const StationId s{7};
    CHECK(s.value() == 7);
    CHECK(s.index() == 7u);
    CHECK(s.valid());
    CHECK(StationId{std::size_t{7}} == s);
    CHECK(StationId{6} != s);
    CHECK(StationId{6} < s);
    CHECK(StationId{8} > s);
    CHECK((StationId{8} <=> s) == std::strong_ordering::greater);

    const RoleId r;
    CHECK(r == RoleId::none());
    CHECK_FALSE(r.valid());
    CHECK(r.value() == -1);
    CHECK_FALSE(RoleId{-5}.valid());

    ProfessionId p{2};
    CHECK((p++).value() == 2);
    CHECK(p.value() == 3);
    CHECK((++p).value() == 4);
}

TEST_CASE("ids: hashing") {
    std::unordered_set<PersonId> seen;
    seen.insert(PersonId{1});
    seen.insert(PersonId{2});
    seen.insert(PersonId{1});
    CHECK(seen.size() == 2);
    CHECK(seen.count(PersonId{2}) == 1);
    CHECK(seen.count(PersonId{3}) == 0);
    CHECK(std::hash<PersonId>{}(PersonId{42}) == std::hash<std::int32_t>{}(42));
}

TEST_CASE("ids: ranges") {
    std::vector<int> seen;
    for (const CentreId c : id_range<CentreId>(3)) seen.push_back(c.value());
    CHECK(seen == std::vector<int>{0, 1, 2});
    CHECK(id_range<CentreId>(0).empty());
    CHECK(IdRange<CentreId>{CentreId{5}, CentreId{2}}.size() == 0);
    int n = 0;
    for ([[maybe_unused]] const CentreId c : IdRange<CentreId>{CentreId{2}, CentreId{5}}) ++n;
    CHECK(n == 3);
}

TEST_CASE("ids: IdVector is indexed by its id") {
    IdVector<CentreId, std::string> names{"Gignac", "Lodève", "Clermont"};
    REQUIRE(names.size() == 3);
    CHECK(names[CentreId{1}] == "Lodève");
    names[CentreId{2}] = "Clermont-l'Hérault";
    CHECK(names.vector()[2] == "Clermont-l'Hérault");
    CHECK(names.at(CentreId{0}) == "Gignac");
    CHECK_THROWS_AS((void)names.at(CentreId{3}), std::out_of_range);
    CHECK(names.contains(CentreId{2}));
    CHECK_FALSE(names.contains(CentreId{3}));
    CHECK_FALSE(names.contains(CentreId::none()));

    CHECK(names.next_id() == CentreId{3});
    names.push_back("Aniane");
    CHECK(names[CentreId{3}] == "Aniane");
    CHECK(names.back() == "Aniane");

    std::vector<int> ids;
    for (const CentreId c : names.ids()) ids.push_back(c.value());
    CHECK(ids == std::vector<int>{0, 1, 2, 3});

    std::string all;
    for (const std::string& s : names) all += s.substr(0, 1);
    CHECK(all == "GLCA");

    CHECK(names.find(std::string("Lodève")) == CentreId{1});
    CHECK(names.find("Aniane") == CentreId{3});
    CHECK_FALSE(names.find("Montpellier").valid());
    CHECK(names.id_of(names.begin() + 2) == CentreId{2});
    CHECK(names.id_of(names.end()) == names.next_id());

    IdVector<RoleId, bool> flags(3, false);
    flags[RoleId{1}] = true;
    CHECK_FALSE(flags[RoleId{0}]);
    CHECK(flags[RoleId{1}]);
    flags.resize(5);
    CHECK(flags.size() == 5);
    CHECK_FALSE(flags[RoleId{4}]);

    IdVector<RoleId, bool> copy = flags;
    CHECK(copy == flags);
    copy[RoleId{4}] = true;
    CHECK_FALSE(copy == flags);

    IdVector<PersonId, int> from_vector{std::vector<int>{4, 5}};
    CHECK(from_vector[PersonId{1}] == 5);
    CHECK(from_vector.emplace_back(6) == 6);
    from_vector.clear();
    CHECK(from_vector.empty());
}
