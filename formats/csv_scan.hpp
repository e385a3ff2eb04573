// The byte-level fast paths of the response CSV reader (internal to formats/),
// in a header of their own so that tests can hold each one against the plain
// code it replaces.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace skm::formats::csv_scan {

// Exactly formats::first_invalid_utf8 (utf8.hpp), but runs of ASCII are
// skipped 64 bytes at a time.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The bytes a CSV reader must stop at: the separator, '\n', '\r' and '"'.
// Bit i of the result is set when p[i] is one of them; reads p[0..63].
std::uint64_t structural_mask(const char* p, char separator);
// The same without SIMD instructions (what structural_mask is without SSE2).
std::uint64_t structural_mask_swar(const char* p, char separator);
// The same, one byte at a time (the reference for tests and for the last,
// partial block of a file).
std::uint64_t structural_mask_bytewise(const char* p, std::size_t size, char separator);

// The structural bytes of a whole text, in order: the bit masks of a window
// of 64-byte blocks are turned into a list of offsets, so finding the end of
// a field is reading the next entry, not a chain of dependent loads.
class StructuralScanner {
public:
    StructuralScanner(std::string_view text, char separator)
        : begin_(text.data()), size_(text.size()), separator_(separator) {}

    // Where a reader is in the current window: a copy it keeps in registers
    // while it reads a record.
    struct Cursor {
        const char* window;
        const std::uint32_t* offsets;
        std::size_t index;
        std::size_t count;
        // The first structural byte at or after p in the window, or nullptr
        // when the window has none (then refill).
        const char* find(const char* p) {
            while (index < count) [[likely]] {
                const char* s = window + offsets[index++];
                if (s >= p) [[likely]] return s;
            }
            return nullptr;
        }
    };
    Cursor cursor() const { return {window_, offsets_, next_, count_}; }
    void commit(const Cursor& cursor) { next_ = cursor.index; }
    // After cursor.next(p) found nothing: the first structural byte at or
    // after p beyond the window (filling the windows on the way), or end.
    const char* refill(Cursor& cursor, const char* p) {
        for (;;) {
            const std::size_t wanted = static_cast<std::size_t>(p - begin_) / 64;
            const std::size_t block = wanted > window_end_ ? wanted : window_end_;
            if (block * 64 >= size_) {
                cursor = cursor_at_end();
                return begin_ + size_;
            }
            fill(block);
            cursor = this->cursor();
            if (const char* s = cursor.find(p)) return s;
        }
    }

    // The first structural byte at or after p (begin <= p <= end), or end.
    // The caller goes on after it: a later call must pass a p beyond it.
    const char* next(const char* p) {
        Cursor c = cursor();
        const char* s = c.find(p);
        if (!s) s = refill(c, p);
        commit(c);
        return s;
    }

    // The first structural byte at or after p, or end, without going past it.
    const char* peek(const char* p) {
        const char* s = next(p);
        if (s < begin_ + size_) --next_;
        return s;
    }

private:
    static constexpr std::size_t kWindowBlocks = 32;  // 2 KiB of text per fill
    void fill(std::size_t first_block);
    Cursor cursor_at_end() {
        next_ = count_;
        return cursor();
    }

    const char* begin_;
    std::size_t size_;
    char separator_;
    const char* window_ = nullptr;  // text of the window's first block
    std::size_t window_end_ = 0;    // the block after the window
    std::size_t next_ = 0;
    std::size_t count_ = 0;
    // Room for every byte of the window being structural, plus the entries
    // written past the count when a block's bits are turned into offsets.
    std::uint32_t offsets_[kWindowBlocks * 64 + 16] = {};
};

// A 64-bit hash of every byte (for the response_id set).
std::uint64_t hash_bytes(std::string_view bytes);

}  // namespace skm::formats::csv_scan
