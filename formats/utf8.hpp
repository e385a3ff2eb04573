// UTF-8 validation (docs/reference/file-formats.md#response-csv refuses any other encoding).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace skm::formats {

// Offset of the first byte that is not valid UTF-8, or nothing if all valid.
// Rejects overlong forms, surrogates and code points above U+10FFFF.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The length of the well-formed multi-byte sequence at bytes[i] (whose first
// byte is 0x80 or above), or 0 when it is not one: the rule every UTF-8 check
// here shares, whatever way it skips ASCII.
inline std::size_t utf8_sequence_at(const unsigned char* bytes, std::size_t i, std::size_t size) {
    const unsigned char c = bytes[i];
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0) low = 0xA0;
        if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0) low = 0x90;
        if (c == 0xF4) high = 0x8F;
    } else {
        return 0;
    }
    if (i + length > size) return 0;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return 0;
    }
    return length;
}

// first_invalid_utf8 with the caller's way of skipping ASCII:
// skip_ascii(bytes, i, size) returns how many bytes from i are surely ASCII
// (0 when it cannot tell), so a fast scanner shares the rule above.
template <typename SkipAscii>
std::optional<std::size_t> first_invalid_utf8_with(std::string_view text, SkipAscii skip_ascii) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        if (const std::size_t ascii = skip_ascii(bytes, i, size); ascii > 0) {
            i += ascii;
            continue;
        }
        if (bytes[i] < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = utf8_sequence_at(bytes, i, size);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

// Cuts and width: the one home of these rules, which the kiosk, reports and
// the CLI all call.

// The longest prefix of `text` of at most `max_bytes` bytes that does not end
// inside a character (a saran cut to its byte limit, a label cut to fit).
std::string cut_utf8(std::string text, std::size_t max_bytes);
// `text` without its last character (backspace), however many bytes it has.
std::string without_last_utf8_character(std::string text);
// Width in characters (code points), for padding columns of text.
std::size_t utf8_width(std::string_view text);

}  // namespace skm::formats
