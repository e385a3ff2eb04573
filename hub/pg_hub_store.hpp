// The hub's store in a PostgreSQL 15 database (hub/hub_store.hpp has the
// contract; hub/pg_schema the tables). For a kabupaten whose hub should live
// on its existing database server, with its backups and replication.
//
// Each call takes a connection of its own from a small pool (hub/pg_pool), so
// the server's threads do not wait for one another: a long report read runs
// beside the uploads, and PostgreSQL's own locking keeps ingest exactly-once
// even when two kiosks send the same response at the same moment.
#pragma once

#include "hub/hub_store.hpp"
#include "hub/pg_pool.hpp"

#include <string>

namespace skm::hub {

class PgHubStore final : public HubStore {
public:
    // The transaction-level advisory lock every ingest holds until it commits,
    // so responses commit in seq order (WebStore::for_each_response_after).
    // Another number than the migrations' lock (hub/pg_schema.cpp).
    static constexpr std::int64_t kIngestLockKey = 5384653;

    // uri: postgresql://… (hub/pg_conninfo). Connects, and brings the schema
    // up to date. Throws store.db_unreachable, store.newer_schema, store.failed.
    PgHubStore(const std::string& uri, scoring::ScoringScheme scheme);
    ~PgHubStore() override;

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

    PgPool pool_;
};

}  // namespace skm::hub
