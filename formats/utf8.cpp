#include "formats/utf8.hpp"

#include <cstdint>
#include <cstring>
#include <utility>

namespace skm::formats {

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    // Eight ASCII bytes at a time.
    return first_invalid_utf8_with(text, [](const unsigned char* bytes, std::size_t i, std::size_t size) -> std::size_t {
        if (i + 8 > size) return 0;
        std::uint64_t word;
        std::memcpy(&word, bytes + i, 8);
        return (word & 0x8080808080808080ULL) == 0 ? 8 : 0;
    });
}

namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string cut_utf8(std::string text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    while (end > 0 && continuation_byte(text[end])) --end;
    text.resize(end);
    return text;
}

std::string without_last_utf8_character(std::string text) {
    if (text.empty()) return text;
    const std::size_t shorter = text.size() - 1;
    return cut_utf8(std::move(text), shorter);
}

std::size_t utf8_width(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) n += !continuation_byte(c);
    return n;
}

}  // namespace skm::formats
