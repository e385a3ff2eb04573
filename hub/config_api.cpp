#include "hub/config_api.hpp"

#include "sync/config_protocol.hpp"

#include <charconv>

namespace skm::hub {

ApiReply config_reply(HubStore& store, const Device& device, const std::optional<std::string>& have) {
    std::int64_t applied = 0;
    if (have) {
        const auto [end, error] = std::from_chars(have->data(), have->data() + have->size(), applied);
        if (error != std::errc() || end != have->data() + have->size() || applied < 0) {
            return error_reply(400, "hub.bad_parameter", "have");
        }
    }
    const auto config = store.published_config(device.kecamatan);
    if (!config) return {204, ""};
    if (config->version <= applied) return {304, ""};
    return {200, sync::encode_config(*config)};
}

}  // namespace skm::hub
