#include "sync/json_fields.hpp"

namespace skm::sync::json_fields {

void refuse(std::string key, std::string where) { throw Refused{ProtocolError{std::move(key), std::move(where)}}; }

const json& field(const json& object, const char* name, const std::string& where) {
    const auto it = object.find(name);
    if (it == object.end()) refuse("protocol.missing_field", where + "." + name);
    return *it;
}

std::string text(const json& object, const char* name, const std::string& where, std::size_t max_bytes,
                 bool may_be_empty) {
    const json& value = field(object, name, where);
    if (!value.is_string()) refuse("protocol.wrong_type", where + "." + name);
    std::string out = value.get<std::string>();
    // NUL: JSON allows it ("\u0000"), no kiosk types it, and PostgreSQL text cannot hold it.
    if (out.size() > max_bytes || (!may_be_empty && out.empty()) || out.find('\0') != std::string::npos) {
        refuse("protocol.bad_value", where + "." + name);
    }
    return out;
}

std::int64_t integer(const json& object, const char* name, const std::string& where, std::int64_t low,
                     std::int64_t high) {
    const json& value = field(object, name, where);
    if (!value.is_number_integer()) refuse("protocol.wrong_type", where + "." + name);
    const auto number = value.get<std::int64_t>();
    if (number < low || number > high) refuse("protocol.bad_value", where + "." + name);
    return number;
}

json parse_object(std::string_view body, std::size_t max_bytes, const JsonBounds& bounds) {
    if (body.size() > max_bytes) refuse("protocol.too_large", "");
    if (auto refusal = check_json_bounds(body, bounds)) throw Refused{std::move(*refusal)};
    json doc = json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) refuse("protocol.not_json", "");
    const json& version = field(doc, "protocol", "");
    if (!version.is_number_integer() || version.get<std::int64_t>() != kProtocolVersion) refuse("protocol.version", "protocol");
    return doc;
}

}  // namespace skm::sync::json_fields
