// The download direction without the HTTP library (sync/link_answers_protocol):
//   GET  /api/v1/link-answers?after=SEQ&limit=N  the device's kecamatan's link
//        answers it has not acknowledged, oldest first, a page at a time;
//   POST /api/v1/link-answers/ack                 marks ids delivered to the device.
// Both for an enrolled, unrevoked device token (IngestApi::authenticate);
// a bad parameter or body is a 400 and changes nothing.
#pragma once

#include "hub/api_reply.hpp"
#include "hub/hub_store.hpp"
#include "sync/protocol.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace skm::hub {

ApiReply link_answers_reply(HubStore& store, const Device& device, const std::optional<std::string>& after,
                            const std::optional<std::string>& limit, const sync::Limits& limits = {});
ApiReply link_ack_reply(HubStore& store, const Device& device, std::string_view body, std::string_view now,
                        const sync::Limits& limits = {});

}  // namespace skm::hub
