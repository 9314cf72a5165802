#include "riposte/core/huge_pages.hpp"

#include <doctest/doctest.h>

#include <algorithm>
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

#if defined(__linux__) && defined(__GLIBC__)
#include <fstream>
#include <sstream>
#include <string>

namespace {

// Under AddressSanitizer malloc is the sanitizer's own, not glibc's heap: there is no [heap]
// for the advice to cover, and only "still allocates" can be checked.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool glibc_malloc = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool glibc_malloc = false;
#else
constexpr bool glibc_malloc = true;
#endif
#else
constexpr bool glibc_malloc = true;
#endif

/// The transparent huge page mode offers pages to advised memory ("always" or "madvise").
bool thp_offered() {
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string mode;
    std::getline(f, mode);
    return mode.find("[always]") != std::string::npos ||
           mode.find("[madvise]") != std::string::npos;
}

/// The mapping that holds `p` is advised for huge pages ("hg" in its VmFlags).
bool advised(const void* p) {
    const auto at = reinterpret_cast<std::uintptr_t>(p);
    std::ifstream f("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(f, line)) {
        unsigned long from = 0, to = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> from >> dash >> to && dash == '-') { // a mapping's header
            inside = at >= from && at < to;
            continue;
        }
        if (inside && line.rfind("VmFlags:", 0) == 0) return line.find(" hg") != std::string::npos;
    }
    return false;
}

/// Whether the 2 MB page holding `p` lies wholly inside the process's [heap] (only those
/// pages are advised: the heap's first and last partial 2 MB are not).
bool in_whole_heap_page(const void* p) {
    constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
    const std::uintptr_t page = reinterpret_cast<std::uintptr_t>(p) / huge * huge;
    std::ifstream f("/proc/self/maps");
    std::string line;
    std::uintptr_t lo = 0, hi = 0; // the advice splits [heap] into several mappings
    while (std::getline(f, line)) {
        if (line.find("[heap]") == std::string::npos) continue;
        unsigned long from = 0, to = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> from >> dash >> to && dash == '-') {
            lo = lo == 0 ? from : std::min<std::uintptr_t>(lo, from);
            hi = std::max<std::uintptr_t>(hi, to);
        }
    }
    return lo != 0 && page >= lo && page + huge <= hi;
}

/// Every block on a whole 2 MB page of the heap is advised; returns how many were checked.
int check_blocks_advised(const std::vector<std::vector<char>>& blocks, std::size_t from) {
    int checked = 0;
    for (std::size_t i = from; i < blocks.size(); ++i) {
        if (!in_whole_heap_page(blocks[i].data())) continue;
        ++checked;
        CHECK_MESSAGE(advised(blocks[i].data()), "block ", i);
    }
    return checked;
}

} // namespace

TEST_CASE("the malloc heap of a large run is advised for huge pages, and still allocates") {
    if (!thp_offered()) return; // nothing to check where the system offers no huge pages
    // the first call sets the heap's growth (64 MB at a time): the blocks allocated next lie
    // well inside the heap, which is advised again once they are there
    advise_heap_huge_pages(std::size_t{64} << 20);
    // blocks below the mmap threshold come from the heap: 4 MB of them, then the advice
    std::vector<std::vector<char>> blocks;
    const auto fill = [&blocks](int n) {
        for (int i = 0; i < n; ++i)
            blocks.emplace_back(std::size_t{100} << 10, static_cast<char>(blocks.size()));
    };
    fill(40);
    advise_heap_huge_pages(std::size_t{64} << 20);
    // (a block may reuse freed room in the heap's first, unadvised, partial 2 MB when earlier
    // tests of this process used the heap: only blocks on whole 2 MB pages are checked)
    if (glibc_malloc) CHECK(check_blocks_advised(blocks, 0) > 0);
    // the heap grows past what was advised (100 MB more) and is advised again, as each day
    // of a run does: the new part too
    fill(1000);
    advise_heap_huge_pages(std::size_t{64} << 20);
    if (glibc_malloc) CHECK(check_blocks_advised(blocks, 40) > 500);
    bool same = true;
    for (std::size_t i = 0; i < blocks.size(); ++i)
        same = same && blocks[i].front() == static_cast<char>(i) &&
               blocks[i].back() == static_cast<char>(i);
    CHECK(same);
}
#endif
