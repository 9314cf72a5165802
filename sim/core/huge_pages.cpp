#include "riposte/core/huge_pages.hpp"

#include <cstdint>

#if defined(__linux__)
#include <cstdio>
#include <cstring>
#include <malloc.h>
#include <sys/mman.h>
#endif

namespace riposte {

namespace {
constexpr std::size_t huge_page = std::size_t{2} << 20;
constexpr std::size_t round_up(std::size_t n, std::size_t to) {
    return (n + to - 1) / to * to;
}
} // namespace

#if defined(__linux__) && defined(MADV_HUGEPAGE)

void* huge_allocate(std::size_t bytes) {
    // over-map by one huge page, then give back the ends so that the array starts on a 2 MB
    // boundary: every 2 MB of it can then be one huge page
    const std::size_t size = round_up(bytes, huge_page);
    const std::size_t mapped = size + huge_page;
    void* m = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) throw std::bad_alloc();
    const auto base = reinterpret_cast<std::uintptr_t>(m);
    const std::uintptr_t start = round_up(base, huge_page);
    if (start > base) ::munmap(m, start - base);
    const std::uintptr_t end = start + size;
    if (base + mapped > end) ::munmap(reinterpret_cast<void*>(end), base + mapped - end);
    auto* p = reinterpret_cast<void*>(start);
    ::madvise(p, size, MADV_HUGEPAGE); // a hint: without huge pages the array works the same
    return p;
}

void huge_deallocate(void* p, std::size_t bytes) noexcept {
    ::munmap(p, round_up(bytes, huge_page));
}

void advise_heap_huge_pages(std::size_t grow_bytes) {
#if defined(__GLIBC__)
    // the heap grows (sbrk) by this much at least, so that the pages the run will touch are
    // there, untouched, when they are advised; and its top is not given back when freed
    static const bool padded = [grow_bytes] {
        ::mallopt(M_TOP_PAD, static_cast<int>(grow_bytes));
        ::mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * grow_bytes));
        ::free(::malloc(1)); // a first heap extension under the new pad
        return true;
    }();
    (void)padded;
#else
    (void)grow_bytes;
#endif
    // the heap's extent, from the process's own map: "start-end rw-p ... [heap]"
    std::FILE* maps = std::fopen("/proc/self/maps", "r");
    if (maps == nullptr) return;
    char line[512];
    std::uintptr_t start = 0, end = 0;
    while (std::fgets(line, sizeof line, maps) != nullptr) {
        if (std::strstr(line, "[heap]") == nullptr) continue;
        unsigned long a = 0, b = 0;
        if (std::sscanf(line, "%lx-%lx", &a, &b) == 2) {
            start = start == 0 ? a : start;
            end = b;
        }
    }
    std::fclose(maps);
    const std::uintptr_t from = round_up(start, huge_page), to = end / huge_page * huge_page;
    if (start != 0 && to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
}

#else

void advise_heap_huge_pages(std::size_t /*grow_bytes*/) {}

void* huge_allocate(std::size_t bytes) {
    return ::operator new (bytes, std::align_val_t{huge_page});
}
void huge_deallocate(void* p, std::size_t /*bytes*/) noexcept {
    ::operator delete (p, std::align_val_t{huge_page});
}

#endif

} // namespace riposte
