// WebStore on the hub's SQLite file (tables of the "web dashboard"
// migration in hub/hub_schema). Its own connection, behind a mutex; WAL lets
// it write beside HubStore's writer (busy timeout) and read beside uploads.
#pragma once

#include "hub/web/web_store.hpp"
#include "store/sqlite.hpp"

#include <filesystem>
#include <memory>
#include <mutex>

namespace skm::hub::web {

class SqliteWebStore final : public WebStore {
public:
    // The file must already carry the hub schema (open a HubStore on it first).
    explicit SqliteWebStore(const std::filesystem::path& path);

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
    std::mutex mutex_;
    std::unique_ptr<store::Connection> db_;
};

}  // namespace skm::hub::web
