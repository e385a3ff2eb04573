// The form of a response id, the one rule every producer meets and the hub
// checks (sync/protocol): 1 to kMaxResponseIdBytes ASCII letters, digits,
// '-' or '_'. A kiosk's id is a random UUID (store/ids: 36 characters of
// lowercase hex and '-'); ids derived for imported rows are UUIDs too.
// The set is safe wherever an id ends up unescaped: a URL, a file name, a CSV
// cell, a log line, an HTML attribute. Rows stored before the rule stay as
// they are: it is checked where ids arrive, never on what is already kept.
// The texts of protocol.bad_response_id (assets/i18n) and docs/hub.md state it.
#pragma once

#include <cstddef>
#include <string_view>

namespace skm::formats {

// A UUID is 36; the room above it is for a derived form with a short prefix.
inline constexpr std::size_t kMaxResponseIdBytes = 64;

bool is_valid_response_id(std::string_view id);

}  // namespace skm::formats
