// Bytes as base64 text (the standard alphabet, padded) and back, through
// libsodium: for the PNG logo of the office profile on the wire
// (sync/protocol) and in the hub's database text column.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace skm::sync {

std::string to_base64(std::string_view bytes);
// Nothing when `text` is not whole, padded base64.
std::optional<std::string> from_base64(std::string_view text);

}  // namespace skm::sync
