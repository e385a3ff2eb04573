// The hub's SQLite database: enrolled devices (by token hash) and every
// response the kiosks delivered, exactly once. WAL with synchronous=FULL, so
// a reply of "accepted" is only sent for rows that survive a power cut.
// Statements are prepared with bound parameters, never built from input.
//
// The HTTP server calls in from several threads: writes share one connection
// behind a mutex; reports read through a second connection, so a long report
// never holds up a kiosk's upload (WAL lets readers and the writer overlap).
#pragma once

#include "scoring/period.hpp"
#include "scoring/scheme.hpp"
#include "store/published_config.hpp"
#include "store/sqlite.hpp"
#include "sync/protocol.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace skm::hub {

struct Device {
    std::string device_id;
    std::string kecamatan;
    std::string enrolled_at;
    std::optional<std::string> revoked_at;
    std::optional<std::string> last_contact;
};

struct ResponseFilter {
    scoring::DateRange dates;
    std::optional<std::string> kecamatan;
    std::optional<std::string> layanan;
};

class HubStore {
public:
    // Opens or creates the database and brings its schema up to date.
    // Throws skm::Error(storage) with a store.* problem.
    HubStore(const std::filesystem::path& path, scoring::ScoringScheme scheme);
    ~HubStore();
    HubStore(const HubStore&) = delete;
    HubStore& operator=(const HubStore&) = delete;

    // A new device, or a new token for a revoked one (its kecamatan may change).
    // Throws skm::Error(input, "hub.device_exists") while the device is active.
    void enroll(std::string_view device_id, std::string_view kecamatan, std::string_view token_hash,
                std::string_view now);
    // The device revoked (a second revoke keeps the first time); nothing when unknown.
    std::optional<std::string> revoke_device(std::string_view device_id, std::string_view now);
    std::optional<std::string> revoke_token(std::string_view token_hash, std::string_view now);
    // The enrolled, unrevoked device holding the token of this hash.
    std::optional<Device> active_device(std::string_view token_hash);
    void touch(std::string_view device_id, std::string_view now);
    std::vector<Device> devices();

    // One transaction: an id not yet stored is inserted and "accepted", one
    // already stored (from any device) is "duplicate" and left as it was. On
    // any failure nothing of the batch is stored and skm::Error(storage) is thrown.
    std::vector<sync::ItemResult> ingest(const Device& device, const sync::Batch& batch, std::string_view received_at);

    // Each stored response in the filter: its kecamatan, layanan and answers
    // in the scheme's order (0 = unanswered).
    void for_each_answers(const ResponseFilter& filter,
                          const std::function<void(std::string_view kecamatan, std::string_view layanan,
                                                   std::span<const std::uint8_t> answers)>& visit);
    std::int64_t response_count();

    // Publishes a config (its version is ignored) for one kecamatan, "" for
    // every kecamatan; returns the version given, greater than any before.
    std::int64_t publish_config(store::PublishedConfig config, std::string_view kecamatan, std::string_view now);
    // The newest config for a device of this kecamatan (its own or the all-kecamatan one).
    std::optional<store::PublishedConfig> published_config(std::string_view kecamatan);

    const scoring::ScoringScheme& scheme() const { return scheme_; }

private:
    std::optional<std::string> revoke_where(const char* sql, std::string_view key, std::string_view now);

    scoring::ScoringScheme scheme_;
    std::mutex write_mutex_;
    std::unique_ptr<store::Connection> writer_;
    std::unique_ptr<store::Statement> insert_;  // declared after writer_ so it is finalized first
    std::mutex read_mutex_;
    std::unique_ptr<store::Connection> reader_;
};

}  // namespace skm::hub
