// JSON from the network read with bounds: before a document is built in
// memory, a first pass (nlohmann's SAX interface, nothing kept but the path)
// refuses it as soon as it holds more values, nests deeper or carries a
// longer text than the document it claims to be can have. Without this, an
// 8 KiB gzip'd body unpacks to 8 MiB of `[{},{},…]`, and building that costs
// some 270 MB before any field is looked at. Each document states its own
// bounds from its protocol's limits (batch_json_bounds and kin beside it).
#pragma once

#include "sync/protocol_error.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace skm::sync {

// What every document's bounds allow beyond what it holds today, for fields a
// later version adds (a reader ignores fields it does not know): this many
// values per item and per body, this many levels below the deepest. A little
// room, not a way to swell a body.
inline constexpr std::size_t kRoomForNewFields = 16;
inline constexpr std::size_t kRoomForNewDepth = 2;

struct JsonBounds {
    std::size_t max_values = 0;        // objects, arrays, texts, numbers, true/false/null: each counts one
    std::size_t max_depth = 0;         // the outermost object is depth 1
    std::size_t max_string_bytes = 0;  // a text or a key, unescaped (UTF-8 bytes)
};

// Nothing when `body` is one JSON object within `bounds`; else protocol.not_json
// (not JSON, or not an object) or protocol.too_complex where the bound was
// crossed ("responses[2731]"). Memory: the path and one token; a token (a
// text as written, escapes and all, or a number) longer than any text within
// bounds can be is cut off while it is read.
std::optional<ProtocolError> check_json_bounds(std::string_view body, const JsonBounds& bounds);

}  // namespace skm::sync
