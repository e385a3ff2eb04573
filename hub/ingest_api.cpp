#include "hub/ingest_api.hpp"

#include "hub/clock_correction.hpp"
#include "hub/device_token.hpp"
#include "sync/gzip.hpp"

namespace skm::hub {
namespace {

bool looks_like_gzip(std::string_view body) {
    return body.size() >= 18 && static_cast<unsigned char>(body[0]) == 0x1f && static_cast<unsigned char>(body[1]) == 0x8b;
}

}  // namespace

IngestApi::IngestApi(HubStore& store, store::Clock& clock, IngestLimits limits,
                     std::function<void(const DeviceReportIn&)> on_report)
    : store_(store), clock_(clock), limits_(limits), on_report_(std::move(on_report)) {}

std::variant<Device, ApiReply> IngestApi::authenticate(std::string_view authorization) {
    const auto token = bearer_token(authorization);
    if (!token) return error_reply(401, "hub.unauthorized", "Authorization");
    auto device = store_.active_device(token_hash(*token));
    if (!device) return error_reply(401, "hub.unauthorized", "Authorization");
    store_.touch(device->device_id, store::iso8601(clock_.wall_now()));
    return std::move(*device);
}

ApiReply IngestApi::ingest(const Device& device, std::string_view gzip_body) {
    if (gzip_body.size() > limits_.max_compressed_bytes) return error_reply(413, "hub.too_large", "body");
    if (!looks_like_gzip(gzip_body)) return error_reply(400, "hub.not_gzip", "body");
    std::variant<sync::Batch, sync::ProtocolError> decoded;
    {
        // A few KiB of gzip may unpack to the whole unpacked limit: only a few
        // bodies are unpacked and checked at once, so parallel uploads cannot
        // multiply that (storing is one writer at a time anyway).
        const UnpackSlot slot(unpacking_);
        const auto json = sync::gzip_decompress(gzip_body, limits_.protocol.max_body_bytes);
        // Damaged, cut short, or larger than the limit once unpacked (a gzip bomb):
        // gzip_decompress stops at the limit and does not say which, nor can the
        // gzip trailer's size field, which a cut or forged body makes up.
        if (!json) return error_reply(400, "hub.bad_gzip", "body");
        decoded = sync::decode_batch(*json, store_.scheme(), limits_.protocol);
    }
    if (const auto* refused = std::get_if<sync::ProtocolError>(&decoded)) {
        return error_reply(400, refused->key, refused->where);
    }
    sync::Batch& batch = std::get<sync::Batch>(decoded);
    // The device is the one the token names; the body's own device_id is the
    // kiosk's claim and is not trusted for where a response belongs.
    const scoring::Timestamp received = clock_.wall_now();
    correct_clock(batch, received);  // periods follow the hub's clock
    const std::string now = store::iso8601(received);
    sync::Reply reply{batch.batch_id, store_.ingest(device, batch, now), now};
    // Survey links (#21): the key this device signs its links with, registered
    // for the device the token names. The reply says so, then and with every
    // later batch, so the kiosk stops sending it and its links name this id;
    // a reply without it (the device enrolled anew) has the kiosk send it again.
    if (batch.link_public_key) {
        store_.set_link_key(device.device_id, *batch.link_public_key);
        reply.link_key_device = device.device_id;
    } else if (device.link_public_key) {
        reply.link_key_device = device.device_id;
    }
    if (on_report_) {
        on_report_({device.device_id, batch.app_version, batch.pending, batch.sent_at, received, device.kecamatan,
                    std::move(batch.office_profile)});
    }
    return {200, sync::encode_reply(reply)};
}

}  // namespace skm::hub
