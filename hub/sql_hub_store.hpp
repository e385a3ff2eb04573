// The hub's store (hub/hub_store.hpp has the contract), each query written
// once for SQLite and PostgreSQL (hub/sql_connection); hub/open_hub_store
// opens the database: a SQLite file (WAL with synchronous=FULL, so "accepted"
// is only replied for rows that survive a power cut; a writer and a reader
// connection) or PostgreSQL 15 (a pool: a long report read runs beside the
// uploads, and PostgreSQL's own locking keeps ingest exactly-once even when
// two kiosks send the same response at the same moment).
#pragma once

#include "hub/hub_store.hpp"
#include "hub/sql_connection.hpp"

#include <memory>

namespace skm::hub {

class SqlHubStore final : public HubStore {
public:
    // The transaction-level lock every ingest holds until it commits, so
    // responses commit in seq order (WebStore::for_each_response_after): an
    // identity value is taken at INSERT but seen only at COMMIT, so two
    // batches side by side on PostgreSQL could commit seq 12 before seq 11,
    // and the dashboard's tallies (hub/web/tally_cache), which read "every
    // row after the last seq I saw", would never see 11. The lock is released
    // only after the commit is visible, so the next batch's seqs all come
    // later. Reading only below the smallest seq still in flight would avoid
    // the wait, but uncommitted rows are invisible to the reader: it would
    // have to compare each row's inserting transaction (xmin) with
    // pg_current_snapshot(), subtle and easy to get wrong. A batch is a few
    // milliseconds of inserts, and the kiosks upload in the background, so
    // the wait costs little. Another number than the migrations' lock
    // (hub/pg_schema.cpp).
    static constexpr std::int64_t kIngestLockKey = 5384653;
    // Publications one after another, so versions never collide.
    static constexpr std::int64_t kPublishLockKey = 5384654;

    // `database` carries the hub schema already (hub/open_hub_store).
    SqlHubStore(std::unique_ptr<SqlDatabase> database, scoring::ScoringScheme scheme);

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
    void set_link_key(std::string_view device_id, std::string_view public_key) override;
    std::optional<Device> device(std::string_view device_id) override;
    bool link_used(std::string_view device_id, std::string_view link_id) override;
    LinkAnswerResult store_link_answer(const Device& device, std::string_view link_id, const store::Submission& answer,
                                       std::string_view received_at) override;
    std::vector<std::string> kecamatan_layanan(std::string_view kecamatan) override;
    std::vector<LinkAnswer> undelivered_link_answers(const Device& device, std::int64_t after_seq,
                                                     std::size_t limit) override;
    std::int64_t mark_link_answers_delivered(const Device& device, const std::vector<std::string>& ids,
                                             std::string_view now) override;

private:
    // One response's row (ON CONFLICT DO NOTHING): 1 inserted, 0 already there.
    std::int64_t insert_response(SqlConnection& connection, const Device& device, const store::Submission& s,
                                 std::string_view batch_id, std::string_view received_at);
    std::optional<std::string> revoke_where(std::string_view sql, std::string_view key, std::string_view now);

    std::unique_ptr<SqlDatabase> database_;
};

}  // namespace skm::hub
