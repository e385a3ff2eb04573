// UTF-8 validation (formats.md refuses any other encoding).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace skm::formats {

// Offset of the first byte that is not valid UTF-8, or nothing if all valid.
// Rejects overlong forms, surrogates and code points above U+10FFFF.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

}  // namespace skm::formats
