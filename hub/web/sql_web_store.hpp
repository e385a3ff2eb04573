// WebStore (hub/web/web_store.hpp) on the hub's database, each query written
// once for SQLite and PostgreSQL (hub/sql_connection); hub/web/open_web_store
// opens it beside the HubStore: on SQLite one connection of its own behind a
// mutex (WAL lets it write beside HubStore's writer, with a busy timeout, and
// read beside uploads); on PostgreSQL a small pool of its own, so a page
// being drawn does not wait for a sign-in or a kiosk's device report.
//
// for_each_response_after relies on responses committing in seq order:
// SqlHubStore::ingest holds the ingest lock until it commits (hub/sql_hub_store.hpp
// says why), so a reader that has seen seq N has seen every committed row at
// or below N.
#pragma once

#include "hub/sql_connection.hpp"
#include "hub/web/web_store.hpp"

#include <memory>

namespace skm::hub::web {

class SqlWebStore final : public WebStore {
public:
    // `database` carries the hub schema already (open a HubStore on it first).
    explicit SqlWebStore(std::unique_ptr<SqlDatabase> database);

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
    void record_device_profile(const DeviceProfile& profile) override;
    std::vector<DeviceProfile> device_profiles() override;
    std::optional<DeviceProfile> latest_profile(std::string_view kecamatan) override;
    void set_target(const Target& target) override;
    std::vector<Target> targets(int year) override;
    bool add_public_period(const PublicPeriod& period) override;
    bool remove_public_period(std::string_view period) override;
    std::vector<PublicPeriod> public_periods() override;
    std::vector<SaranRow> saran(std::string_view kecamatan, const scoring::DateRange& dates,
                                std::size_t limit) override;
    void for_each_response_after(
        std::int64_t after_seq,
        const std::function<void(std::int64_t, std::string_view, std::string_view, std::string_view, std::string_view)>&
            visit) override;
    std::vector<std::pair<std::string, std::uint64_t>> profile(std::string_view kecamatan, const scoring::DateRange& dates,
                                                               std::string_view field) override;
    std::vector<ProfileDetailRow> profile_details(std::string_view kecamatan, const scoring::DateRange& dates,
                                                  std::string_view field) override;
    void for_each_timed_response(std::string_view kecamatan, const scoring::DateRange& dates,
                                 const std::function<void(std::string_view, std::string_view, std::string_view)>& visit) override;

private:
    std::unique_ptr<SqlDatabase> database_;
};

}  // namespace skm::hub::web
