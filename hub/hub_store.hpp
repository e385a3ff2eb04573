// What the hub keeps, whatever holds it: enrolled devices (by token hash) and
// every response the kiosks delivered, exactly once. hub/sql_hub_store keeps
// it in a SQLite file or in PostgreSQL with the same guarantees;
// hub/open_hub_store picks the database from the --db value.
//
// Every method may be called from several threads at once (the HTTP server
// does), and a long report read never holds up a kiosk's upload. Failures are
// skm::Error(storage) with a store.* problem.
#pragma once

#include "scoring/period.hpp"
#include "scoring/scheme.hpp"
#include "store/published_config.hpp"
#include "sync/protocol.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skm::hub {

struct Device {
    std::string device_id;
    std::string kecamatan;
    std::string enrolled_at;
    std::optional<std::string> revoked_at;
    std::optional<std::string> last_contact;
    // Its Ed25519 key for one-time survey links (base64url, sync/link_token), once registered.
    std::optional<std::string> link_public_key = std::nullopt;
};

// What storing a survey link's answer did (store_link_answer).
enum class LinkAnswerResult { stored, already_used };
// A response waiting to go down to a kiosk (sync/link_answers_protocol), with
// its place in the hub's order (the page's cursor).
struct LinkAnswer {
    std::int64_t seq = 0;
    store::Submission submission;
};

struct ResponseFilter {
    scoring::DateRange dates;
    std::optional<std::string> kecamatan;
    std::optional<std::string> layanan;
};

class HubStore {
public:
    virtual ~HubStore() = default;
    HubStore(const HubStore&) = delete;
    HubStore& operator=(const HubStore&) = delete;

    // A new device, or a new token for a revoked one (its kecamatan may change).
    // Throws skm::Error(input, "hub.device_exists") while the device is active.
    virtual void enroll(std::string_view device_id, std::string_view kecamatan, std::string_view token_hash,
                        std::string_view now) = 0;
    // The device revoked (a second revoke keeps the first time); nothing when unknown.
    virtual std::optional<std::string> revoke_device(std::string_view device_id, std::string_view now) = 0;
    virtual std::optional<std::string> revoke_token(std::string_view token_hash, std::string_view now) = 0;
    // The enrolled, unrevoked device holding the token of this hash.
    virtual std::optional<Device> active_device(std::string_view token_hash) = 0;
    virtual void touch(std::string_view device_id, std::string_view now) = 0;
    // Ordered by kecamatan, then device id.
    virtual std::vector<Device> devices() = 0;

    // One transaction: an id not yet stored is inserted and "accepted", one
    // already stored (from any device, or earlier in the same batch) is
    // "duplicate" and left as it was. On any failure nothing of the batch is
    // stored and skm::Error is thrown. Every field of the response is kept;
    // the optional profile_detail, origin and channel as "" when not given.
    virtual std::vector<sync::ItemResult> ingest(const Device& device, const sync::Batch& batch,
                                                 std::string_view received_at) = 0;

    // Each stored response in the filter, in the order received: its
    // kecamatan, layanan and answers in the scheme's order (0 = unanswered).
    virtual void for_each_answers(const ResponseFilter& filter,
                                  const std::function<void(std::string_view kecamatan, std::string_view layanan,
                                                           std::span<const std::uint8_t> answers)>& visit) = 0;
    virtual std::int64_t response_count() = 0;

    // Publishes a config (its version is ignored) for one kecamatan, "" for
    // every kecamatan; returns the version given, greater than any before.
    virtual std::int64_t publish_config(store::PublishedConfig config, std::string_view kecamatan,
                                        std::string_view now) = 0;
    // The newest config for a device of this kecamatan (its own or the all-kecamatan one).
    virtual std::optional<store::PublishedConfig> published_config(std::string_view kecamatan) = 0;

    // ---- one-time survey links (#21, hub/link_check) ----
    // The device's link key (checked by sync::decode_batch), replacing any before.
    virtual void set_link_key(std::string_view device_id, std::string_view public_key) = 0;
    // The device of this id, revoked or not; nothing when unknown.
    virtual std::optional<Device> device(std::string_view device_id) = 0;
    virtual bool link_used(std::string_view device_id, std::string_view link_id) = 0;
    // One transaction: the link marked used and its response stored (for
    // `device`, its kecamatan), or nothing at all when the link was used
    // before. The response's id must be new (derived from the link).
    virtual LinkAnswerResult store_link_answer(const Device& device, std::string_view link_id,
                                               const store::Submission& answer, std::string_view received_at) = 0;
    // The layanan a kecamatan's responses name, in byte order (the choices of
    // a link that names none when the hub published no layanan list).
    virtual std::vector<std::string> kecamatan_layanan(std::string_view kecamatan) = 0;
    // The download direction: responses with channel "link" of the device's
    // kecamatan, after `after_seq` in the order received, that were not yet
    // marked delivered to this device; at most `limit`, oldest first.
    virtual std::vector<LinkAnswer> undelivered_link_answers(const Device& device, std::int64_t after_seq,
                                                             std::size_t limit) = 0;
    // Marks the ids delivered to this device, in one transaction; ids that are
    // not its kecamatan's link answers, or were marked before, change nothing.
    // Returns how many were newly marked.
    virtual std::int64_t mark_link_answers_delivered(const Device& device, const std::vector<std::string>& ids,
                                                     std::string_view now) = 0;

    const scoring::ScoringScheme& scheme() const { return scheme_; }

protected:
    explicit HubStore(scoring::ScoringScheme scheme) : scheme_(std::move(scheme)) {}

private:
    scoring::ScoringScheme scheme_;
};

}  // namespace skm::hub
