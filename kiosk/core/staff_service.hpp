// What the staff screens read and change, over the device database: the
// dashboard, saran, storage health, the layanan list, populations, targets,
// kiosk timings, the privacy threshold and the PIN. Every change is
// validated (a Problem with an "office.*" key when refused) and written to
// the audit log; nothing is ever deleted.
#pragma once

#include "formats/kiosk_config.hpp"
#include "kiosk/core/dashboard.hpp"
#include "scoring/heat_map.hpp"
#include "kiosk/core/live_alerts.hpp"
#include "kiosk/core/staff_lock.hpp"
#include "kiosk/core/storage_watch.hpp"
#include "kiosk/core/survey_flow.hpp"
#include "store/office_data.hpp"
#include "store/response_store.hpp"
#include "sync/engine.hpp"

#include <functional>

#include <optional>
#include <string>
#include <vector>

namespace skm::kiosk {

struct StorageHealth {
    std::uint64_t disk_free_bytes = 0;
    std::uint64_t database_bytes = 0;
    std::int64_t responses = 0;
    std::int64_t pending_sync = 0;
    std::string last_backup;     // ISO time, "" when none yet
    std::string damaged_alert;   // moved-aside file waiting for salvage, "" when none
    // From the StorageWatch, when the kiosk runs one (kiosk/core/storage_watch):
    std::optional<Problem> trouble;         // answers cannot be stored now: the banner
    std::optional<Problem> backup_problem;  // the last scheduled backup failed
    std::optional<Problem> last_problem;    // the last problem a timer or the sync thread met
    std::int64_t dropped_answers = 0;       // left unsaved on the apology screen, ever
    std::int64_t dropped_unsaved = 0;       // of those, not yet counted in the database
    store::IntegrityStatus integrity;  // the full check, run in idle time after the first frame
};

class StaffService {
public:
    // Writes every refused PIN to the audit log (StaffLock::on_failure) while it lives.
    StaffService(store::ResponseStore& db, StaffLock& lock, const formats::KioskConfig& config);
    ~StaffService();
    StaffService(const StaffService&) = delete;
    StaffService& operator=(const StaffService&) = delete;

    Dashboard dashboard(DashboardPeriod period, const scoring::LocalDate& today) const;
    std::vector<store::SaranEntry> saran(std::size_t limit) const;
    StorageHealth health() const;

    std::string office_name() const;
    std::vector<store::LayananEntry> layanan() const;
    std::vector<std::string> active_layanan() const;
    // An integer entry of formats/settings_table: what staff set, else the
    // configuration file's value, else the table's default.
    std::uint64_t number(const formats::SettingSpec& setting) const;
    std::string hub_url() const;
    // The flow's settings: the configuration file's, overridden by what staff set.
    FlowSettings flow_settings() const;
    // How long the staff view stays open without a touch (same override rule).
    std::int64_t staff_lock_ms() const;

    std::optional<Problem> set_office_name(const std::string& name);
    std::optional<Problem> add_layanan(const std::string& name);
    std::optional<Problem> rename_layanan(const std::string& from, const std::string& to);
    std::optional<Problem> set_layanan_active(const std::string& name, bool active);
    std::optional<Problem> set_population(int year, const std::string& layanan, const std::string& digits);
    std::optional<Problem> set_target(int year, const std::string& layanan, const std::string& decimal);
    std::optional<Problem> set_number(const formats::SettingSpec& setting, const std::string& digits);
    std::optional<Problem> set_hub_url(const std::string& url);
    // A text entry of formats/settings_table (the office's address, the report's
    // signatory, the poster's texts): the stored value, else its default ("" for most).
    std::string text(const formats::SettingSpec& setting) const;
    std::optional<Problem> set_text(const formats::SettingSpec& setting, const std::string& value);
    std::string default_language() const;
    std::optional<Problem> set_default_language(const std::string& language);
    std::optional<Problem> change_pin(const std::string& pin, const std::string& repeated);

    std::optional<std::uint64_t> population(int year, const std::string& layanan) const;
    std::optional<std::string> target(int year, const std::string& layanan) const;
    const store::ResponseStore& store() const { return db_; }
    // The running sync worker's status, when the kiosk syncs at all.
    void set_sync_status_source(std::function<sync::SyncStatus()> source) { sync_status_ = std::move(source); }
    std::optional<sync::SyncStatus> sync_status() const;
    // Storage trouble, failed backups and dropped answers for the banner and Status.
    void set_storage_watch(const StorageWatch* watch) { storage_watch_ = watch; }
    // The StorageWatch's trouble: the banner above every staff tab.
    std::optional<Problem> storage_trouble() const;
    std::string device_token() const;
    std::optional<Problem> set_device_token(const std::string& token);
    // The first-run setup (kiosk/core/first_run) was finished on this device.
    bool setup_complete() const;
    void mark_setup_complete();
    // Live alerts not yet acknowledged (kiosk/core/live_alerts), recomputed
    // only when responses arrive or one is acknowledged, not every frame.
    const std::vector<LiveAlert>& open_alerts(const scoring::LocalDate& today) const;
    void acknowledge_alert(const std::string& alert_id, const std::string& at);
    // The hour × weekday heat map (scoring/heat_map, reports/report_heat_map) with min_n, rebuilt only when responses arrive.
    const scoring::HeatMap& heat_map(const scoring::DateRange& range) const;
    // Respondents of the range by channel, counted again only when responses arrive.
    const std::vector<store::ChannelCount>& channel_counts(const scoring::DateRange& range) const;

private:
    void audit(const std::string& action, const std::string& detail);
    std::int64_t milliseconds(const formats::SettingSpec& setting) const;

    store::ResponseStore& db_;
    StaffLock& lock_;
    const formats::KioskConfig& config_;
    std::function<sync::SyncStatus()> sync_status_;
    const StorageWatch* storage_watch_ = nullptr;
    struct AlertCache {
        std::int64_t responses = -1;
        scoring::LocalDate today;
        std::vector<LiveAlert> alerts;
    };
    mutable AlertCache alert_cache_;
    struct HeatCache {
        std::int64_t responses = -1;
        scoring::DateRange range;
        std::uint64_t min_n = 0;
        scoring::HeatMap map;
    };
    mutable HeatCache heat_cache_;
    struct ChannelCache {
        std::int64_t responses = -1;
        scoring::DateRange range;
        std::vector<store::ChannelCount> counts;
    };
    mutable ChannelCache channel_cache_;
    std::int64_t newest_seq() const;
};

}  // namespace skm::kiosk
