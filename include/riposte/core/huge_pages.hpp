#pragma once
// Large arrays read at random (a national run's 45 million people) on 2 MB pages where the
// system offers them (Linux transparent huge pages, "madvise" mode): one TLB entry then covers
// 2 MB instead of 4 KB, and a random read of a 0.5 GB array stops costing a page walk as well
// as a cache miss. Only where the pages live changes, never what the array holds.
#include <cstddef>
#include <new>

namespace riposte {

/// Arrays below this size use the ordinary allocator.
inline constexpr std::size_t huge_page_min_bytes = std::size_t{8} << 20;

/// `bytes` (>= huge_page_min_bytes) aligned on 2 MB, advised for huge pages; throws
/// std::bad_alloc when the memory cannot be had.
void* huge_allocate(std::size_t bytes);
void huge_deallocate(void* p, std::size_t bytes) noexcept;

/// The malloc heap of the calling thread's arena on huge pages too, where the system offers them
/// (Linux, the main thread's heap: the one `riposte run --threads 1` uses). A national run's
/// small records (stations, their servers and queues, the centres' counters, the patients) are
/// spread over the heap and read at random: on 4 KB pages most reads also miss the TLB.
/// The heap is asked to grow by at least `grow_bytes` at a time, and what it spans now is
/// advised for transparent huge pages (`madvise(MADV_HUGEPAGE)`): pages not yet touched then
/// come as 2 MB pages. Call it again after the heap grew (each day of a run) to cover the new
/// part. A hint: without huge pages (or elsewhere than Linux) nothing changes; what the heap
/// holds never does.
void advise_heap_huge_pages(std::size_t grow_bytes);

/// A std::allocator that puts arrays of huge_page_min_bytes or more on huge pages.
template <class T> struct HugePageAllocator {
    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
    using value_type = T;
    HugePageAllocator() = default;
    template <class U> explicit HugePageAllocator(const HugePageAllocator<U>& /*o*/) noexcept {}
    T* allocate(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        if (bytes >= huge_page_min_bytes) return static_cast<T*>(huge_allocate(bytes));
        return static_cast<T*>(::operator new(bytes));
    }
    void deallocate(T* p, std::size_t n) noexcept {
        const std::size_t bytes = n * sizeof(T);
        if (bytes >= huge_page_min_bytes)
            huge_deallocate(p, bytes);
        else
            ::operator delete(p);
    }
    friend bool operator==(const HugePageAllocator& /*a*/, const HugePageAllocator& /*b*/) {
        return true;
    }
    friend bool operator!=(const HugePageAllocator& /*a*/, const HugePageAllocator& /*b*/) {
        return false;
    }
};

} // namespace riposte
