#include "riposte/core/huge_pages.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

using namespace riposte;

TEST_CASE("a vector on huge pages holds what it is given, through growth and copies") {
    // 3 M × 4 bytes: past huge_page_min_bytes after some growth, below it at first
    std::vector<std::uint32_t, HugePageAllocator<std::uint32_t>> v;
    for (std::uint32_t i = 0; i < 3'000'000; ++i) v.push_back(i * 2654435761U);
    REQUIRE(v.size() == 3'000'000);
    CHECK(v.capacity() * sizeof(std::uint32_t) >= huge_page_min_bytes);
    // a large block starts on a 2 MB boundary (every 2 MB of it can be one huge page)
    CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % (std::uintptr_t{2} << 20) == 0);
    bool same = true;
    for (std::uint32_t i = 0; i < v.size(); ++i) same = same && v[i] == i * 2654435761U;
    CHECK(same);
    const auto copy = v;
    CHECK(copy == v);
    v.resize(10);
    v.shrink_to_fit();
    CHECK(v.size() == 10);
    CHECK(v[9] == 9 * 2654435761U);
}
