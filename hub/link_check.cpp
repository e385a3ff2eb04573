#include "hub/link_check.hpp"

#include "store/ids.hpp"

namespace skm::hub {

std::variant<CheckedLink, LinkRefusal> check_link(HubStore& store, std::string_view token, std::int64_t now) {
    auto claims = sync::parse_link_token(token);
    if (!claims) return LinkRefusal::invalid;
    auto device = store.device(claims->device_id);
    if (!device || !device->link_public_key) return LinkRefusal::invalid;
    const auto key = sync::decode_link_public_key(*device->link_public_key);
    // The signature before anything else is told: a forged link learns nothing of the device.
    if (!key || !sync::verify_link_token(token, *key)) return LinkRefusal::invalid;
    if (device->revoked_at) return LinkRefusal::revoked;
    if (now > claims->expires_at) return LinkRefusal::expired;
    if (store.link_used(device->device_id, claims->link_id)) return LinkRefusal::used;
    return CheckedLink{std::move(*device), std::move(*claims)};
}

std::string link_response_id(const sync::LinkClaims& claims) {
    return store::derived_uuid("survey link " + claims.device_id + " " + claims.link_id);
}

}  // namespace skm::hub
