// Internal to formats/ (the response CSV reader): the value checks of one
// field, each accepting exactly what the plain check named above it accepts,
// written to run without branches on the value where rows vary at random.
#pragma once

#include "formats/response.hpp"
#include "scoring/period.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>

namespace skm::formats::csv_detail {

// Each accepts exactly what the plain check in the comment above it accepts.

// std::find(words.begin(), words.end(), value) without branches on the value
// (profile values are random from row to row). A value of up to 16 bytes, 16
// bytes from whose start may be read, is keyed by its length and two masked
// words; a multiplier found once puts each word of the vocabulary in a slot of
// its own, so a value is a word exactly when it equals the word in its slot.
template <const auto& Words>
class VocabularyTable {
    static_assert(std::all_of(Words.begin(), Words.end(), [](std::string_view w) { return w.size() <= 16; }));

public:
    VocabularyTable() {
        for (std::uint64_t seed = 1;; ++seed) {
            multiplier_ = (seed * 0x9E3779B97F4A7C15ULL) | 1;
            slots_.fill(Slot{});
            bool distinct = true;
            for (std::size_t i = 0; i < Words.size() && distinct; ++i) {
                char padded[16] = {};  // key_of reads 16 bytes
                std::memcpy(padded, Words[i].data(), std::min<std::size_t>(Words[i].size(), 16));
                const Key key = key_of(padded, Words[i].size());
                Slot& slot = slots_[slot_of(key)];
                distinct = slot.index < 0;
                slot = {key, static_cast<int>(i)};
            }
            if (distinct) return;
        }
    }

    // The index of value in Words, or -1. readable: 16 bytes from value.data() may be read.
    int find(std::string_view value, bool readable) const {
        if (!readable || value.size() > 16) [[unlikely]] {
            return slow_find(value, std::make_index_sequence<Words.size()>{});
        }
        const Key key = key_of(value.data(), value.size());
        const Slot& slot = slots_[slot_of(key)];
        return slot.key == key ? slot.index : -1;
    }

private:
    struct Key {
        std::uint64_t head = 0;
        std::uint64_t tail = 0;
        std::uint64_t size = 0;
        bool operator==(const Key&) const = default;
    };
    struct Slot {
        Key key;
        int index = -1;
    };

    static constexpr std::array<std::uint64_t, 9> kLowBytes = {
        0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF, ~std::uint64_t{0}};

    // size <= 16; reads 16 bytes from p.
    static Key key_of(const char* p, std::size_t size) {
        std::uint64_t head;
        std::uint64_t tail;
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + 8, 8);
        const std::size_t low = size < 8 ? size : 8;
        const std::size_t high = size > 8 ? size - 8 : 0;
        return {head & kLowBytes[low], tail & kLowBytes[high], size};
    }

    std::size_t slot_of(const Key& key) const {
        return static_cast<std::size_t>(((key.head ^ (key.tail * 31) ^ key.size) * multiplier_) >> 60);
    }

    template <std::size_t... I>
    static int slow_find(std::string_view value, std::index_sequence<I...>) {
        int found = -1;
        ((found < 0 && value == Words[I] ? found = static_cast<int>(I) : 0), ...);
        return found;
    }

    std::uint64_t multiplier_ = 0;
    std::array<Slot, 16> slots_{};
};

template <const auto& Words>
const VocabularyTable<Words>& vocabulary() {
    static const VocabularyTable<Words> table;
    return table;
}

// valid_flags: only a-z, '_' and ';'.
inline bool valid_flags(std::string_view flags) {
    for (char c : flags) {
        if (!((c >= 'a' && c <= 'z') || c == '_' || c == ';')) return false;
    }
    return true;
}

// normalize_umur(value), for a value that is not empty. The bands as written
// and two-digit ages are decided here, anything else by normalize_umur.
inline std::optional<std::string_view> umur_of(std::string_view value, bool readable) {
    const char* s = value.data();
    if (value.size() == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9') {
        return umur_band((s[0] - '0') * 10 + (s[1] - '0'));  // no band is two bytes long
    }
    const int band = vocabulary<kUmurBands>().find(value, readable);
    if (band >= 0) return kUmurBands[static_cast<std::size_t>(band)];
    return normalize_umur(value);
}

// Timestamps in the usual form, a word (eight bytes) at a time.
namespace ts_words {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;

// Byte masks (byte i of a word is text[8k + i]): where the digits are.
constexpr std::uint64_t kDigits0 = 0x00FFFF00FFFFFFFFULL;  // YYYY-MM-
constexpr std::uint64_t kDigits1 = 0xFFFF00FFFF00FFFFULL;  // DDTHH:MM
constexpr std::uint64_t kDigits2 = 0xFF00FFFF00FFFF00ULL;  // :SS+hh:m
constexpr std::uint64_t kDigits2Z = 0x0000000000FFFF00ULL;  // :SSZ

inline std::uint64_t load(const char* p, std::size_t n) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    return word;
}

// Every byte under the mask is '0'..'9': its high nibble is 3 before and
// after adding 6 (no carry can leave a byte whose high nibble was 3).
inline bool digits(std::uint64_t word, std::uint64_t mask) {
    const std::uint64_t x = word & mask;
    const std::uint64_t high = 0xF0 * kOnes & mask;
    const std::uint64_t three = 0x30 * kOnes & mask;
    return ((x & high) == three) & (((x + (0x06 * kOnes & mask)) & high) == three);
}

// Byte i of the result: 10 × digit i + digit i + 1 (for digits at i and i + 1).
inline std::uint64_t pairs(std::uint64_t word, std::uint64_t mask) {
    const std::uint64_t d = (word & mask) - (0x30 * kOnes & mask);
    return d * 10 + (d >> 8);
}

inline int byte(std::uint64_t word, int i) { return static_cast<int>((word >> (8 * i)) & 0xFF); }

}  // namespace ts_words

// scoring::parse_timestamp(value) for its usual forms, 2024-03-01T09:15:00+07:00
// and 2024-03-01T09:15:00Z (a space for the T, '-' for the '+'), read in place;
// anything else is left to parse_timestamp, which decides.
inline std::optional<scoring::Timestamp> timestamp_of(std::string_view value) {
    using namespace ts_words;
    const char* s = value.data();
    const bool with_offset = value.size() == 25;
    if (with_offset || value.size() == 20) [[likely]] {
        const std::uint64_t w0 = load(s, 8);
        const std::uint64_t w1 = load(s + 8, 8);
        const std::uint64_t w2 = with_offset ? load(s + 16, 8) : load(s + 16, 4);
        const std::uint64_t digits2 = with_offset ? kDigits2 : kDigits2Z;
        // The fixed punctuation: '-' at 4 and 7, ':' at 13 and 16 (and 22).
        const bool punctuation = (w0 & ~kDigits0) == (std::uint64_t{'-'} << 32 | std::uint64_t{'-'} << 56) &&
                                 byte(w1, 5) == ':' && byte(w2, 0) == ':' && (!with_offset || byte(w2, 6) == ':') &&
                                 (byte(w1, 2) == 'T' || byte(w1, 2) == ' ') &&
                                 (with_offset ? byte(w2, 3) == '+' || byte(w2, 3) == '-' : byte(w2, 3) == 'Z');
        const bool all_digits = digits(w0, kDigits0) & digits(w1, kDigits1) & digits(w2, digits2) &
                                (!with_offset || (s[24] >= '0' && s[24] <= '9'));
        if (punctuation && all_digits) [[likely]] {
            const std::uint64_t p0 = pairs(w0, kDigits0);
            const std::uint64_t p1 = pairs(w1, kDigits1);
            const std::uint64_t p2 = pairs(w2, digits2);
            scoring::Timestamp ts;
            ts.date = {byte(p0, 0) * 100 + byte(p0, 2), byte(p0, 5), byte(p1, 0)};
            ts.hour = byte(p1, 3);
            ts.minute = byte(p1, 6);
            ts.second = byte(p2, 1);
            const int offset_hours = with_offset ? byte(p2, 4) : 0;
            const int offset_minutes = with_offset ? (byte(w2, 7) - '0') * 10 + (s[24] - '0') : 0;
            if (!scoring::valid_date(ts.date.year, ts.date.month, ts.date.day) || ts.hour > 23 || ts.minute > 59 ||
                ts.second > 60 || offset_hours > 14 || offset_minutes > 59) {
                return std::nullopt;  // parse_timestamp refuses these too
            }
            ts.offset_minutes = (byte(w2, 3) == '-' ? -1 : 1) * (offset_hours * 60 + offset_minutes);
            return ts;
        }
    }
    return scoring::parse_timestamp(value);
}

}  // namespace skm::formats::csv_detail
