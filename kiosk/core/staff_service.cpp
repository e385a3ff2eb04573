#include "kiosk/core/staff_service.hpp"

#include "reports/report_heat_map.hpp"

#include "scoring/privacy.hpp"
#include "store/sqlite.hpp"
#include "store/setting_keys.hpp"
#include "store/settings.hpp"

#include <system_error>

namespace skm::kiosk {

StaffService::StaffService(store::ResponseStore& db, StaffLock& lock, const formats::KioskConfig& config)
    : db_(db), lock_(lock), config_(config) {
    lock_.on_failure([this](const PinFailure& failure) {
        // Who typed it is unknown: the actor is the pad. A disk that refuses
        // the row must not keep staff out, so a failed audit is dropped.
        const std::string detail = failure.result == PinResult::wrong
                                       ? "wrong PIN " + std::to_string(failure.failures) + " in a row, wait " +
                                             std::to_string(failure.wait_ms / 1000) + " s"
                                       : "tried while waiting, " + std::to_string((failure.wait_ms + 999) / 1000) + " s left";
        try {
            db_.audit("pin_pad", failure.result == PinResult::wrong ? "pin_wrong" : "pin_while_waiting", detail);
        } catch (const std::exception&) {
        }
    });
}

StaffService::~StaffService() { lock_.on_failure({}); }

void StaffService::audit(const std::string& action, const std::string& detail) { db_.audit("staff", action, detail); }

Dashboard StaffService::dashboard(DashboardPeriod period, const scoring::LocalDate& today) const {
    DashboardSource source;
    source.tallies = &db_.tallies();
    source.scheme = &db_.scheme();
    source.layanan = active_layanan();
    source.population = [this](int year, const std::string& layanan) { return population(year, layanan); };
    source.target = [this](int year, const std::string& layanan) { return target(year, layanan); };
    source.min_n = number(formats::setting::kMinN);
    Dashboard d = build_dashboard(source, period, today);
    d.channels = channel_counts(d.range);
    return d;
}

std::vector<store::SaranEntry> StaffService::saran(std::size_t limit) const {
    return store::recent_saran(db_.connection(), limit);
}

StorageHealth StaffService::health() const {
    StorageHealth h;
    std::error_code error;
    const auto space = std::filesystem::space(db_.path().parent_path().empty() ? "." : db_.path().parent_path(), error);
    if (!error) h.disk_free_bytes = space.available;
    h.database_bytes = std::filesystem::file_size(db_.path(), error);
    if (error) h.database_bytes = 0;
    const auto wal = std::filesystem::file_size(db_.path().string() + "-wal", error);
    if (!error) h.database_bytes += wal;
    try {
        const auto report = db_.check_counts();
        h.responses = report.first;
        h.pending_sync = report.second;
        h.last_backup = db_.setting(store::setting_key::kLastBackup).value_or("");
        h.damaged_alert = db_.setting(store::setting_key::kDamagedDatabase).value_or("");
        h.integrity = db_.integrity_status();
    } catch (const Error& failure) {
        h.trouble = failure.problem();  // locked or damaged right now: the Status tab says so instead of closing
    }
    if (storage_watch_) {
        if (storage_watch_->trouble()) h.trouble = storage_watch_->trouble();
        h.backup_problem = storage_watch_->backup_problem();
        h.last_problem = storage_watch_->last_problem();
        h.dropped_answers = storage_watch_->dropped();
        h.dropped_unsaved = storage_watch_->dropped_unsaved();
    }
    return h;
}

std::optional<Problem> StaffService::storage_trouble() const {
    return storage_watch_ ? storage_watch_->trouble() : std::nullopt;
}

std::string StaffService::office_name() const {
    return store::stored_setting(db_, formats::setting::kOffice).value_or(config_.office);
}

std::vector<store::LayananEntry> StaffService::layanan() const { return store::layanan_entries(db_.connection()); }

std::vector<std::string> StaffService::active_layanan() const { return store::active_layanan(db_.connection()); }

std::uint64_t StaffService::number(const formats::SettingSpec& setting) const {
    // Before staff change it: the configuration file's value, or the table's default.
    std::int64_t fallback = setting.fallback_number;
    if (&setting == &formats::setting::kIdlePromptSeconds) fallback = config_.idle_prompt_ms / 1000;
    if (&setting == &formats::setting::kIdleResetSeconds) fallback = config_.idle_reset_ms / 1000;
    if (&setting == &formats::setting::kMinIntervalSeconds) fallback = config_.min_interval_ms / 1000;
    if (&setting == &formats::setting::kTouchSettleMs) fallback = config_.touch_settle_ms;
    if (&setting == &formats::setting::kStaffLockSeconds) fallback = config_.staff_lock_ms / 1000;
    return static_cast<std::uint64_t>(store::integer_setting(db_, setting, fallback));
}

std::string StaffService::hub_url() const { return store::stored_setting(db_, formats::setting::kHubUrl).value_or(""); }

FlowSettings StaffService::flow_settings() const {
    FlowSettings s;
    s.idle_prompt_ms = milliseconds(formats::setting::kIdlePromptSeconds);
    s.idle_reset_ms = milliseconds(formats::setting::kIdleResetSeconds);
    s.min_interval_ms = milliseconds(formats::setting::kMinIntervalSeconds);
    s.touch_settle_ms = milliseconds(formats::setting::kTouchSettleMs);
    s.thanks_ms = config_.thanks_ms;
    s.quality.min_duration_ms = config_.min_duration_ms;
    s.default_language = default_language();
    return s;
}

std::int64_t StaffService::staff_lock_ms() const { return milliseconds(formats::setting::kStaffLockSeconds); }

std::int64_t StaffService::milliseconds(const formats::SettingSpec& setting) const {
    return formats::milliseconds(setting, static_cast<std::int64_t>(number(setting)));
}

std::optional<Problem> StaffService::set_office_name(const std::string& name) {
    if (auto refused = store::change_setting(db_, formats::setting::kOffice, name)) return refused;
    audit("office_name", name);
    return std::nullopt;
}

std::optional<Problem> StaffService::add_layanan(const std::string& name) {
    if (auto p = store::add_layanan(db_.connection(), name)) return p;
    audit("layanan_add", name);
    return std::nullopt;
}

std::optional<Problem> StaffService::rename_layanan(const std::string& from, const std::string& to) {
    if (auto p = store::rename_layanan(db_.connection(), from, to)) return p;
    audit("layanan_rename", from + " -> " + to);
    return std::nullopt;
}

std::optional<Problem> StaffService::set_layanan_active(const std::string& name, bool active) {
    if (!active && store::active_layanan(db_.connection()).size() <= 1) {
        return Problem{"office.layanan_last", {{"name", name}}};  // the kiosk needs at least one tile
    }
    if (auto p = store::set_layanan_active(db_.connection(), name, active)) return p;
    audit(active ? "layanan_restore" : "layanan_retire", name);
    return std::nullopt;
}

std::optional<Problem> StaffService::set_population(int year, const std::string& layanan, const std::string& digits) {
    const auto value = formats::integer_value(formats::setting::kPopulation, digits);
    if (!value) return formats::check_setting(formats::setting::kPopulation, digits);
    if (auto p = store::set_population(db_.connection(), year, layanan, static_cast<std::uint64_t>(*value))) return p;
    audit("population", std::to_string(year) + " " + layanan + " = " + digits);
    return std::nullopt;
}

std::optional<Problem> StaffService::set_target(int year, const std::string& layanan, const std::string& decimal) {
    std::string normalized = decimal;
    for (char& c : normalized) {
        if (c == ',') c = '.';  // "85,50" as staff write it
    }
    if (auto p = store::set_target(db_.connection(), year, layanan, normalized)) return p;
    audit("target", std::to_string(year) + " " + (layanan.empty() ? "*" : layanan) + " = " + normalized);
    return std::nullopt;
}

std::optional<Problem> StaffService::set_number(const formats::SettingSpec& setting, const std::string& digits) {
    if (auto refused = store::change_setting(db_, setting, digits)) return refused;
    audit(setting.stored, formats::stored_form(setting, digits));
    return std::nullopt;
}

std::string StaffService::text(const formats::SettingSpec& setting) const {
    return store::stored_setting(db_, setting).value_or(formats::default_text(setting));
}

std::optional<Problem> StaffService::set_text(const formats::SettingSpec& setting, const std::string& value) {
    if (auto refused = store::change_setting(db_, setting, value)) return refused;
    audit(setting.stored, value);
    return std::nullopt;
}

std::optional<Problem> StaffService::set_hub_url(const std::string& url) {
    if (auto refused = store::change_setting(db_, formats::setting::kHubUrl, url)) return refused;
    audit("hub_url", url);
    return std::nullopt;
}

std::optional<sync::SyncStatus> StaffService::sync_status() const {
    if (!sync_status_) return std::nullopt;
    return sync_status_();
}

std::string StaffService::device_token() const {
    return store::stored_setting(db_, formats::setting::kDeviceToken).value_or("");
}

std::optional<Problem> StaffService::set_device_token(const std::string& token) {
    if (auto refused = store::change_setting(db_, formats::setting::kDeviceToken, token)) {
        return Problem{refused->key, {}};  // never the token itself
    }
    audit("device_token", "set");  // never the token itself
    return std::nullopt;
}

bool StaffService::setup_complete() const { return db_.setting(store::setting_key::kSetupComplete).has_value(); }

void StaffService::mark_setup_complete() {
    db_.set_setting(store::setting_key::kSetupComplete, "1");
    audit("setup_complete", "");
}

std::string StaffService::default_language() const {
    return store::stored_setting(db_, formats::setting::kDefaultLanguage).value_or(formats::setting::kDefaultLanguage.fallback_text);
}

std::optional<Problem> StaffService::set_default_language(const std::string& language) {
    if (auto refused = store::change_setting(db_, formats::setting::kDefaultLanguage, language)) return refused;
    audit("default_language", language);
    return std::nullopt;
}

std::optional<Problem> StaffService::change_pin(const std::string& pin, const std::string& repeated) {
    if (pin.size() < 4 || pin.size() > 12 || pin.find_first_not_of("0123456789") != std::string::npos) {
        return Problem{"office.pin_invalid", {}};
    }
    if (pin != repeated) return Problem{"office.pin_mismatch", {}};
    const std::string hash = StaffLock::hash_pin(pin);
    db_.set_setting(store::setting_key::kStaffPinHash, hash);
    lock_.set_hash(hash);
    audit("pin_changed", "");
    return std::nullopt;
}

std::optional<std::uint64_t> StaffService::population(int year, const std::string& layanan) const {
    return store::population(db_.connection(), year, layanan);
}

std::optional<std::string> StaffService::target(int year, const std::string& layanan) const {
    return store::target(db_.connection(), year, layanan);
}

const std::vector<LiveAlert>& StaffService::open_alerts(const scoring::LocalDate& today) const {
    const std::int64_t responses = newest_seq();
    if (alert_cache_.responses != responses || alert_cache_.today != today) {
        alert_cache_ = {responses, today, kiosk::open_alerts(db_, today, number(formats::setting::kMinN))};
    }
    return alert_cache_.alerts;
}

void StaffService::acknowledge_alert(const std::string& alert_id, const std::string& at) {
    kiosk::acknowledge_alert(db_, alert_id, at);
    alert_cache_.responses = -1;
}

const scoring::HeatMap& StaffService::heat_map(const scoring::DateRange& range) const {
    const std::int64_t responses = newest_seq();
    const std::uint64_t min_n = number(formats::setting::kMinN);
    if (heat_cache_.responses != responses || heat_cache_.range.first != range.first ||
        heat_cache_.range.last != range.last || heat_cache_.min_n != min_n) {
        heat_cache_ = {responses, range, min_n, reports::build_heat_map(db_, range, min_n)};
    }
    return heat_cache_.map;
}

const std::vector<store::ChannelCount>& StaffService::channel_counts(const scoring::DateRange& range) const {
    const std::int64_t responses = newest_seq();
    if (channel_cache_.responses != responses || channel_cache_.range.first != range.first ||
        channel_cache_.range.last != range.last) {
        channel_cache_ = {responses, range, store::count_by_channel(db_.connection(), range)};
    }
    return channel_cache_.counts;
}

// The newest row's seq (an index lookup) rather than count(*), which reads
// every row: the dashboard asks on every frame whether its caches are stale.
std::int64_t StaffService::newest_seq() const {
    return store::query_int(db_.connection(), "SELECT coalesce(max(seq), 0) FROM responses");
}

}  // namespace skm::kiosk
