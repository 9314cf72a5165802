#pragma once
// A FIFO queue of small trivially copyable values (patient indices) in one ring buffer whose
// capacity is a power of two and only grows. A station's queue is read and written at each of a
// national run's 44 million services: std::deque spreads it over an 80-byte header, a block map
// and 512-byte blocks; here it is a 40-byte header and one array, in the order of arrival.
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace riposte {

template <class T> class RingQueue {
    static_assert(std::is_trivially_copyable_v<T>);

  public:
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] std::size_t capacity() const { return items_.size(); }
    /// The oldest value (the queue is not empty).
    [[nodiscard]] const T& front() const { return items_[head_]; }
    /// The i-th oldest value, 0 the front (i < size()).
    [[nodiscard]] const T& operator[](std::size_t i) const { return items_[(head_ + i) & mask_]; }
    void push_back(const T& v) {
        if (size_ == capacity_) grow();
        items_[(head_ + size_) & mask_] = v;
        ++size_;
    }
    void pop_front() {
        head_ = (head_ + 1) & mask_;
        --size_;
    }
    void clear() {
        head_ = 0;
        size_ = 0;
    }

  private:
    void grow() {
        std::vector<T> bigger(items_.empty() ? 8 : 2 * items_.size());
        for (std::uint32_t i = 0; i < size_; ++i) bigger[i] = items_[(head_ + i) & mask_];
        items_.swap(bigger);
        head_ = 0;
        capacity_ = static_cast<std::uint32_t>(items_.size());
        mask_ = capacity_ - 1;
    }
    std::vector<T> items_;
    std::uint32_t head_ = 0, size_ = 0, capacity_ = 0, mask_ = 0;
};

} // namespace riposte
