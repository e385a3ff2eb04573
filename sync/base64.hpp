// Bytes as base64 text and back, through libsodium, in the two forms the
// wire uses: the standard alphabet, padded, for the PNG logo of the office
// profile (sync/protocol, the hub's database text column); base64url without
// padding for the parts of a survey link (sync/link_token).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace skm::sync {

std::string to_base64(std::string_view bytes);
// Nothing when `text` is not whole, padded base64.
std::optional<std::string> from_base64(std::string_view text);

// base64url without padding, and back: nothing for text that is not the
// canonical encoding of some bytes (one link, one spelling).
std::string base64url(std::span<const unsigned char> bytes);
std::optional<std::vector<unsigned char>> from_base64url(std::string_view text);

}  // namespace skm::sync
