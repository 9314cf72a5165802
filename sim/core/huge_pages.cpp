#include "riposte/core/huge_pages.hpp"

#include <cstdint>

#if defined(__linux__)
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

#else

void* huge_allocate(std::size_t bytes) {
    return ::operator new (bytes, std::align_val_t{huge_page});
}
void huge_deallocate(void* p, std::size_t /*bytes*/) noexcept {
    ::operator delete (p, std::align_val_t{huge_page});
}

#endif

} // namespace riposte
