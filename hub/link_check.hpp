// A one-time survey link (#21) as the hub checks it before showing or storing
// anything: its form (sync/link_token), the device it names (enrolled, not
// revoked, with a registered key), the signature with that key, the expiry,
// and whether it was answered before. The phone survey (hub/web/link_survey)
// calls this for each GET and POST of /l/<token>.
#pragma once

#include "hub/hub_store.hpp"
#include "sync/link_token.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace skm::hub {

enum class LinkRefusal {
    invalid,  // malformed, unknown device, no key, another key's or an altered signature: one answer for all
    revoked,  // the device was revoked, and with it its links
    expired,
    used,     // answered before
};

struct CheckedLink {
    Device device;
    sync::LinkClaims claims;
};

// `now`: unix seconds. Reads the store (skm::Error(storage) on failure).
std::variant<CheckedLink, LinkRefusal> check_link(HubStore& store, std::string_view token, std::int64_t now);

// The id of the response a link brings: a UUID derived from the device and
// the link (store::derived_uuid), so a link can never bring two.
std::string link_response_id(const sync::LinkClaims& claims);

}  // namespace skm::hub
