// The hub's store in one SQLite file (hub/hub_store.hpp has the contract).
// WAL with synchronous=FULL, so a reply of "accepted" is only sent for rows
// that survive a power cut. Statements are prepared with bound parameters,
// never built from input.
//
// Writes share one connection behind a mutex; reads go through a second
// connection, so a long report never holds up a kiosk's upload (WAL lets
// readers and the writer overlap).
#pragma once

#include "hub/hub_store.hpp"
#include "store/sqlite.hpp"

#include <filesystem>
#include <memory>
#include <mutex>

namespace skm::hub {

class SqliteHubStore final : public HubStore {
public:
    // Opens or creates the database and brings its schema up to date (hub/hub_schema).
    SqliteHubStore(const std::filesystem::path& path, scoring::ScoringScheme scheme);
    ~SqliteHubStore() override;

    void enroll(std::string_view device_id, std::string_view kecamatan, std::string_view token_hash,
                std::string_view now) override;
    std::optional<std::string> revoke_device(std::string_view device_id, std::string_view now) override;
    std::optional<std::string> revoke_token(std::string_view token_hash, std::string_view now) override;
    std::optional<Device> active_device(std::string_view token_hash) override;
    void touch(std::string_view device_id, std::string_view now) override;
    std::vector<Device> devices() override;
    std::vector<sync::ItemResult> ingest(const Device& device, const sync::Batch& batch,
                                         std::string_view received_at) override;
    void for_each_answers(const ResponseFilter& filter,
                          const std::function<void(std::string_view kecamatan, std::string_view layanan,
                                                   std::span<const std::uint8_t> answers)>& visit) override;
    std::int64_t response_count() override;
    std::int64_t publish_config(store::PublishedConfig config, std::string_view kecamatan, std::string_view now) override;
    std::optional<store::PublishedConfig> published_config(std::string_view kecamatan) override;

private:
    std::optional<std::string> revoke_where(const char* sql, std::string_view key, std::string_view now);

    std::mutex write_mutex_;
    std::unique_ptr<store::Connection> writer_;
    std::unique_ptr<store::Statement> insert_;  // declared after writer_ so it is finalized first
    std::mutex read_mutex_;
    std::unique_ptr<store::Connection> reader_;
};

}  // namespace skm::hub
