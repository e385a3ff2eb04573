#include "formats/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace skm::formats {

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        // Fast path: eight ASCII bytes at a time.
        if (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = utf8_sequence_at(bytes, i, size);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

}  // namespace skm::formats
