// Strict reading of the wire's JSON objects, shared by the batch protocol and
// the published config: a missing field, a wrong type or a value out of bounds
// refuses the whole body with a "protocol.*" key and where it was found.
#pragma once

#include "sync/json_bounds.hpp"
#include "sync/protocol.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace skm::sync::json_fields {

using nlohmann::json;

// Thrown by the helpers below; decoders catch it and return its error.
struct Refused {
    ProtocolError error;
};

[[noreturn]] void refuse(std::string key, std::string where);
const json& field(const json& object, const char* name, const std::string& where);
// A string of at most max_bytes (and not empty unless may_be_empty).
std::string text(const json& object, const char* name, const std::string& where, std::size_t max_bytes,
                 bool may_be_empty = true);
// An integer in [low, high].
std::int64_t integer(const json& object, const char* name, const std::string& where, std::int64_t low,
                     std::int64_t high);
// A JSON object of at most max_bytes, within `bounds` (checked before it is
// built: sync/json_bounds), whose "protocol" is kProtocolVersion.
json parse_object(std::string_view body, std::size_t max_bytes, const JsonBounds& bounds);

}  // namespace skm::sync::json_fields
