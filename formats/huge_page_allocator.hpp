// An allocator for the CSV reader's large tables (internal to formats/). A
// table of tens of megabytes is filled in random order, page by page; in
// 4 KiB pages that is thousands of page faults (about 20 ms for 40 MB here),
// in transparent huge pages of 2 MiB a few dozen. Blocks of 2 MiB and more
// are mapped 2 MiB-aligned and advised MADV_HUGEPAGE where the system has it;
// smaller ones come from operator new. Only an advice: the memory is the same.
#pragma once

#include <cstddef>
#include <new>

namespace skm::formats {

namespace huge_pages {
inline constexpr std::size_t kThreshold = std::size_t{2} << 20;
void* allocate(std::size_t bytes);               // bytes >= kThreshold; throws std::bad_alloc
void deallocate(void* p, std::size_t bytes) noexcept;
}  // namespace huge_pages

template <class T>
struct HugePageAllocator {
    using value_type = T;

    HugePageAllocator() = default;
    template <class U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
        const std::size_t bytes = n * sizeof(T);
        if (bytes < huge_pages::kThreshold) return static_cast<T*>(::operator new(bytes, std::align_val_t{alignof(T)}));
        return static_cast<T*>(huge_pages::allocate(bytes));
    }
    void deallocate(T* p, std::size_t n) noexcept {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < huge_pages::kThreshold) {
            ::operator delete(p, std::align_val_t{alignof(T)});
        } else {
            huge_pages::deallocate(p, bytes);
        }
    }
    template <class U>
    bool operator==(const HugePageAllocator<U>&) const noexcept {
        return true;
    }
};

}  // namespace skm::formats
