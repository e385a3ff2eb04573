// GET /api/v1/config?have=N without the HTTP library: the config the
// kabupaten published for the asking device's kecamatan (sync/config_protocol).
// 200 with it when it is newer than version N, 304 when N is current, 204
// when nothing is published; a bad "have" is a 400.
#pragma once

#include "hub/api_reply.hpp"
#include "hub/hub_store.hpp"

#include <optional>
#include <string>

namespace skm::hub {

ApiReply config_reply(HubStore& store, const Device& device, const std::optional<std::string>& have);

}  // namespace skm::hub
