// WebStore in the hub's PostgreSQL database (tables of migration 3 in
// hub/pg_schema), the same contract as SqliteWebStore. Each call takes a
// connection of its own from a small pool (hub/pg_pool), so a page being
// drawn does not wait for a sign-in or a kiosk's device report.
//
// for_each_response_after relies on responses committing in seq order:
// PgHubStore::ingest takes a transaction-level advisory lock before it
// inserts (hub/pg_hub_store.cpp says why), so a reader that has seen seq N
// has seen every committed row at or below N.
#pragma once

#include "hub/pg_pool.hpp"
#include "hub/web/web_store.hpp"

#include <string>

namespace skm::hub::web {

class PgWebStore final : public WebStore {
public:
    // uri: postgresql://… The database must already carry the hub schema
    // (open a HubStore on it first). Connects lazily; store.db_unreachable
    // comes from the first call.
    explicit PgWebStore(const std::string& uri);

    void add_user(const User& user) override;
    std::optional<User> user(std::string_view username) override;
    std::vector<User> users() override;
    std::int64_t user_count() override;
    void add_session(const Session& session) override;
    std::optional<Session> session(std::string_view id_hash) override;
    void delete_session(std::string_view id_hash) override;
    void delete_expired_sessions(std::int64_t now) override;
    void audit(const AuditEntry& entry) override;
    std::vector<AuditEntry> audit_log(std::size_t limit) override;
    void record_device_report(const DeviceReport& report) override;
    std::vector<DeviceReport> device_reports() override;
    void set_target(const Target& target) override;
    std::vector<Target> targets(int year) override;
    std::vector<SaranRow> saran(std::string_view kecamatan, const scoring::DateRange& dates,
                                std::size_t limit) override;
    void for_each_response_after(
        std::int64_t after_seq,
        const std::function<void(std::int64_t, std::string_view, std::string_view, std::string_view, std::string_view)>&
            visit) override;
    std::vector<std::pair<std::string, std::uint64_t>> profile(std::string_view kecamatan, const scoring::DateRange& dates,
                                                               std::string_view field) override;

private:
    PgPool pool_;
};

}  // namespace skm::hub::web
