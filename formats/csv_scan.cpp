#include "formats/csv_scan.hpp"

#include "formats/utf8.hpp"

#include <algorithm>
#include <cstring>

// SIMD through the compiler's vector extensions and its pmovmskb builtins
// (GCC and Clang): the same instructions as <emmintrin.h>, which formats/
// does not include.
#if defined(__SSE2__) && defined(__GNUC__)
#define SKM_CSV_SCAN_SSE2 1
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#define SKM_CSV_SCAN_AVX2 1
#endif

namespace skm::formats::csv_scan {
namespace {

std::uint64_t load8(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    return word;
}

#if defined(SKM_CSV_SCAN_SSE2)
using Bytes16 = char __attribute__((vector_size(16)));

Bytes16 load16(const char* p) {
    Bytes16 v;
    std::memcpy(&v, p, 16);
    return v;
}

// Bit i set when the high bit of byte i is (a comparison gives all ones).
unsigned high_bits(Bytes16 v) { return static_cast<unsigned>(__builtin_ia32_pmovmskb128(v)); }
#endif

// True when none of the 64 bytes at p has its high bit set.
bool ascii64(const char* p) {
#if defined(SKM_CSV_SCAN_SSE2)
    return high_bits(load16(p) | load16(p + 16) | load16(p + 32) | load16(p + 48)) == 0;
#else
    std::uint64_t any = 0;
    for (int i = 0; i < 64; i += 8) any |= load8(p + i);
    return (any & 0x8080808080808080ULL) == 0;
#endif
}

// std::popcount is a library call on x86-64 without POPCNT.
std::size_t bit_count(std::uint64_t x) {
#if defined(__POPCNT__)
    return static_cast<std::size_t>(__builtin_popcountll(x));
#else
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return static_cast<std::size_t>((x * 0x0101010101010101ULL) >> 56);
#endif
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    // The rule of formats/utf8; only the ASCII skipping differs (64 bytes, then 8).
    const char* data = text.data();
    return first_invalid_utf8_with(text, [data](const unsigned char*, std::size_t i, std::size_t size) -> std::size_t {
        if (i + 64 <= size && ascii64(data + i)) return 64;
        if (i + 8 <= size && (load8(data + i) & 0x8080808080808080ULL) == 0) return 8;
        return 0;
    });
}

std::uint64_t structural_mask_bytewise(const char* p, std::size_t size, char separator) {
    std::uint64_t mask = 0;
    for (std::size_t i = 0; i < size && i < 64; ++i) {
        const char c = p[i];
        if (c == separator || c == '\n' || c == '\r' || c == '"') mask |= std::uint64_t{1} << i;
    }
    return mask;
}

std::uint64_t structural_mask_swar(const char* p, char separator) {
    // Eight bytes at a time: a byte equal to c becomes zero after the xor, and
    // the exact zero-byte test sets its high bit (no false positives).
    auto zero_bytes = [](std::uint64_t x) {
        constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
        return ~(((x & low7) + low7) | x | low7);
    };
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    std::uint64_t mask = 0;
    for (int i = 0; i < 8; ++i) {
        const std::uint64_t w = load8(p + 8 * i);
        const std::uint64_t hit = zero_bytes(w ^ (ones * static_cast<unsigned char>(separator))) |
                                  zero_bytes(w ^ (ones * '\n')) | zero_bytes(w ^ (ones * '\r')) |
                                  zero_bytes(w ^ (ones * '"'));
        // The high bit of byte k becomes bit k.
        const std::uint64_t bits = ((hit >> 7) * 0x0102040810204080ULL) >> 56;
        mask |= bits << (8 * i);
    }
    return mask;
}

std::uint64_t structural_mask(const char* p, char separator) {
#if defined(SKM_CSV_SCAN_SSE2)
    std::uint64_t mask = 0;
    for (int i = 0; i < 4; ++i) {
        const Bytes16 v = load16(p + 16 * i);
        const auto hit = (v == separator) | (v == '\n') | (v == '\r') | (v == '"');
        mask |= static_cast<std::uint64_t>(high_bits(reinterpret_cast<const Bytes16&>(hit))) << (16 * i);
    }
    return mask;
#else
    return structural_mask_swar(p, separator);
#endif
}

namespace {

// structural_mask for `blocks` whole blocks from p, into out.
void structural_masks(const char* p, std::size_t blocks, char separator, std::uint64_t* out) {
    for (std::size_t b = 0; b < blocks; ++b) out[b] = structural_mask(p + 64 * b, separator);
}

#if defined(SKM_CSV_SCAN_AVX2)
// The same with 32-byte compares, for processors that have them (checked once).
using Bytes32 = char __attribute__((vector_size(32)));

[[gnu::target("avx2")]] void structural_masks_avx2(const char* p, std::size_t blocks, char separator,
                                                    std::uint64_t* out) {
    for (std::size_t b = 0; b < blocks; ++b) {
        std::uint64_t mask = 0;
        for (int half = 0; half < 2; ++half) {
            Bytes32 v;
            std::memcpy(&v, p + 64 * b + 32 * half, 32);
            const auto hit = (v == separator) | (v == '\n') | (v == '\r') | (v == '"');
            const auto bits =
                static_cast<std::uint32_t>(__builtin_ia32_pmovmskb256(reinterpret_cast<const Bytes32&>(hit)));
            mask |= static_cast<std::uint64_t>(bits) << (32 * half);
        }
        out[b] = mask;
    }
}

const bool kHaveAvx2 = (__builtin_cpu_init(), __builtin_cpu_supports("avx2"));
#endif

// The lowest set bit of a mask that is not zero, without the branch
// std::countr_zero needs for zero (an empty mask gives 63, never used).
std::uint32_t lowest_bit(std::uint64_t mask) {
    return static_cast<std::uint32_t>(__builtin_ctzll(mask | std::uint64_t{1} << 63));
}

}  // namespace

void StructuralScanner::fill(std::size_t first_block) {
    window_ = begin_ + first_block * 64;
    next_ = 0;
    count_ = 0;
    const std::size_t total_blocks = (size_ + 63) / 64;
    const std::size_t blocks = std::min(kWindowBlocks, total_blocks - first_block);
    const std::size_t whole = std::min(blocks, size_ / 64 - std::min(size_ / 64, first_block));
    std::uint64_t masks[kWindowBlocks];
#if defined(SKM_CSV_SCAN_AVX2)
    if (kHaveAvx2) {
        structural_masks_avx2(window_, whole, separator_, masks);
    } else {
        structural_masks(window_, whole, separator_, masks);
    }
#else
    structural_masks(window_, whole, separator_, masks);
#endif
    if (whole < blocks) {  // the last, partial block of the text
        masks[whole] = structural_mask_bytewise(window_ + whole * 64, size_ - (first_block + whole) * 64, separator_);
    }
    for (std::size_t b = 0; b < blocks; ++b) {
        std::uint64_t mask = masks[b];
        const auto base = static_cast<std::uint32_t>(b * 64);
        // Eight offsets unconditionally (a text block usually has about that
        // many structural bytes), so the loop rarely mispredicts; entries past
        // the count are overwritten by the next block or never read.
        std::uint32_t* out = offsets_ + count_;
        count_ += bit_count(mask);
        for (int i = 0; i < 8; ++i) {
            out[i] = base + lowest_bit(mask);
            mask &= mask - 1;
        }
        for (out += 8; mask != 0; ++out) {
            *out = base + lowest_bit(mask);
            mask &= mask - 1;
        }
    }
    window_end_ = first_block + blocks;
}

std::uint64_t hash_bytes(std::string_view bytes) {
    __extension__ using u128 = unsigned __int128;
    auto mum = [](std::uint64_t a, std::uint64_t b) {
        const u128 product = static_cast<u128>(a) * b;
        return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
    };
    constexpr std::uint64_t k0 = 0xA0761D6478BD642FULL;
    constexpr std::uint64_t k1 = 0xE7037ED1A0B428DBULL;
    const char* p = bytes.data();
    const std::size_t n = bytes.size();
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    if (n >= 16) {
        // Two lanes of 16 bytes, then the last 16 (overlapping what came before).
        std::uint64_t h = n * k1;
        std::size_t i = 0;
        for (; i + 16 < n; i += 16) h = mum(load8(p + i) ^ k0, load8(p + i + 8) ^ h);
        a = load8(p + n - 16) ^ h;
        b = load8(p + n - 8);
    } else if (n >= 8) {
        a = load8(p);
        b = load8(p + n - 8);
    } else if (n >= 4) {
        std::uint32_t x;
        std::uint32_t y;
        std::memcpy(&x, p, 4);
        std::memcpy(&y, p + n - 4, 4);
        a = x;
        b = y;
    } else if (n > 0) {
        a = static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
            static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
            static_cast<unsigned char>(p[n - 1]);
    }
    return mum(mum(a ^ k0, b ^ k1 ^ n), k0 ^ n);
}

}  // namespace skm::formats::csv_scan
