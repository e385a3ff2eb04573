// POST /api/v1/batches without the HTTP library: who is sending (a device
// token, looked up by its hash), then the body, refused whole with a clear
// 4xx before anything is stored, or stored in one transaction and answered
// per item (sync/protocol). The server (hub/server) reads the body within
// max_compressed_bytes and hands it over as received, still gzip'd, so that
// the unpacked limit is applied here, by our own bounded gzip.
#pragma once

#include "hub/api_reply.hpp"
#include "hub/hub_store.hpp"
#include "store/clock.hpp"
#include "sync/protocol.hpp"

#include <functional>
#include <optional>
#include <semaphore>
#include <string_view>
#include <variant>

namespace skm::hub {

struct IngestLimits {
    std::size_t max_compressed_bytes = 4u << 20;  // a batch of 500 is far below this
    sync::Limits protocol;                        // items per batch, unpacked bytes (8 MiB)
};

// What a kiosk said about itself in a batch it was answered for (the
// optional fields of sync/protocol), with the hub's time of receipt.
struct DeviceReportIn {
    std::string device_id;
    std::optional<std::string> app_version;
    std::optional<std::int64_t> pending;
    std::optional<std::string> sent_at;
    scoring::Timestamp received;
    std::string kecamatan;                              // the device's enrolment's
    std::optional<sync::OfficeProfile> office_profile;  // sent now and then, for the hub's posters
};

class IngestApi {
public:
    // The clock is read from the server's threads: it must allow that.
    // `on_report` (may be empty) is called after each stored batch.
    IngestApi(HubStore& store, store::Clock& clock, IngestLimits limits,
              std::function<void(const DeviceReportIn&)> on_report = {});

    // The enrolled, unrevoked device of the "Authorization: Bearer …" header
    // (its last contact recorded), or the 401 to send.
    std::variant<Device, ApiReply> authenticate(std::string_view authorization);
    ApiReply ingest(const Device& device, std::string_view gzip_body);

    const IngestLimits& limits() const { return limits_; }

private:
    // The most bodies unpacked at once (each up to sync::Limits::max_body_bytes).
    static constexpr std::ptrdiff_t kConcurrentUnpacks = 2;
    struct UnpackSlot {
        explicit UnpackSlot(std::counting_semaphore<kConcurrentUnpacks>& s) : slots(s) { slots.acquire(); }
        ~UnpackSlot() { slots.release(); }
        UnpackSlot(const UnpackSlot&) = delete;
        UnpackSlot& operator=(const UnpackSlot&) = delete;
        std::counting_semaphore<kConcurrentUnpacks>& slots;
    };

    HubStore& store_;
    store::Clock& clock_;
    IngestLimits limits_;
    std::function<void(const DeviceReportIn&)> on_report_;
    std::counting_semaphore<kConcurrentUnpacks> unpacking_{kConcurrentUnpacks};
};

}  // namespace skm::hub
