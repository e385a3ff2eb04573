#include "kiosk/core/staff_service.hpp"

#include "scoring/privacy.hpp"
#include "store/setting_keys.hpp"

#include <algorithm>
#include <charconv>
#include <system_error>

namespace skm::kiosk {
namespace {

struct NumberRule {
    const char* key;
    std::uint64_t low;
    std::uint64_t high;
};

NumberRule rule_of(NumberSetting setting) {
    switch (setting) {
        case NumberSetting::idle_prompt_seconds: return {"kiosk_idle_prompt_seconds", 10, 3600};
        case NumberSetting::idle_reset_seconds: return {"kiosk_idle_reset_seconds", 5, 600};
        case NumberSetting::min_interval_seconds: return {"kiosk_min_interval_seconds", 0, 3600};
        case NumberSetting::min_n: return {"staff_min_n", 2, 100};
        case NumberSetting::touch_settle_ms: return {store::setting_key::kTouchSettleMs, 0, 2000};
        case NumberSetting::staff_lock_seconds: return {store::setting_key::kStaffLockSeconds, 30, 3600};
    }
    return {"", 0, 0};
}

std::optional<std::uint64_t> parse_digits(const std::string& text) {
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

StaffService::StaffService(store::ResponseStore& db, StaffLock& lock, const formats::KioskConfig& config)
    : db_(db), lock_(lock), config_(config) {}

void StaffService::audit(const std::string& action, const std::string& detail) { db_.audit("staff", action, detail); }

Dashboard StaffService::dashboard(DashboardPeriod period, const scoring::LocalDate& today) const {
    DashboardSource source;
    source.tallies = &db_.tallies();
    source.scheme = &db_.scheme();
    source.layanan = active_layanan();
    source.population = [this](int year, const std::string& layanan) { return population(year, layanan); };
    source.target = [this](int year, const std::string& layanan) { return target(year, layanan); };
    source.min_n = number(NumberSetting::min_n);
    return build_dashboard(source, period, today);
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

std::string StaffService::office_name() const { return db_.setting("office_name").value_or(config_.office); }

std::vector<store::LayananEntry> StaffService::layanan() const { return store::layanan_entries(db_.connection()); }

std::vector<std::string> StaffService::active_layanan() const { return store::active_layanan(db_.connection()); }

std::uint64_t StaffService::number(NumberSetting setting) const {
    const NumberRule rule = rule_of(setting);
    if (const auto stored = db_.setting(rule.key)) {
        if (const auto value = parse_digits(*stored)) return *value;
    }
    switch (setting) {
        case NumberSetting::idle_prompt_seconds: return static_cast<std::uint64_t>(config_.idle_prompt_ms / 1000);
        case NumberSetting::idle_reset_seconds: return static_cast<std::uint64_t>(config_.idle_reset_ms / 1000);
        case NumberSetting::min_interval_seconds: return static_cast<std::uint64_t>(config_.min_interval_ms / 1000);
        case NumberSetting::min_n: return scoring::kDefaultMinN;
        case NumberSetting::touch_settle_ms: return static_cast<std::uint64_t>(config_.touch_settle_ms);
        case NumberSetting::staff_lock_seconds: return static_cast<std::uint64_t>(config_.staff_lock_ms / 1000);
    }
    return 0;
}

std::string StaffService::hub_url() const { return db_.setting(store::setting_key::kHubUrl).value_or(""); }

FlowSettings StaffService::flow_settings() const {
    FlowSettings s;
    s.idle_prompt_ms = static_cast<std::int64_t>(number(NumberSetting::idle_prompt_seconds)) * 1000;
    s.idle_reset_ms = static_cast<std::int64_t>(number(NumberSetting::idle_reset_seconds)) * 1000;
    s.min_interval_ms = static_cast<std::int64_t>(number(NumberSetting::min_interval_seconds)) * 1000;
    s.touch_settle_ms = static_cast<std::int64_t>(number(NumberSetting::touch_settle_ms));
    s.thanks_ms = config_.thanks_ms;
    s.quality.min_duration_ms = config_.min_duration_ms;
    s.default_language = default_language();
    return s;
}

std::int64_t StaffService::staff_lock_ms() const {
    return static_cast<std::int64_t>(number(NumberSetting::staff_lock_seconds)) * 1000;
}

std::optional<Problem> StaffService::set_office_name(const std::string& name) {
    if (name.empty() || name.size() > 200) return Problem{"office.name_invalid", {}};
    db_.set_setting("office_name", name);
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
    const auto value = parse_digits(digits);
    if (!value) return Problem{"office.population_invalid", {{"value", digits}}};
    if (auto p = store::set_population(db_.connection(), year, layanan, *value)) return p;
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

std::optional<Problem> StaffService::set_number(NumberSetting setting, const std::string& digits) {
    const NumberRule rule = rule_of(setting);
    const auto value = parse_digits(digits);
    if (!value || *value < rule.low || *value > rule.high) {
        return Problem{"office.number_out_of_range",
                       {{"value", digits}, {"low", std::to_string(rule.low)}, {"high", std::to_string(rule.high)}}};
    }
    db_.set_setting(rule.key, std::to_string(*value));
    audit(rule.key, std::to_string(*value));
    return std::nullopt;
}

std::optional<Problem> StaffService::set_hub_url(const std::string& url) {
    if (!url.empty() && url.rfind("https://", 0) != 0) return Problem{"office.hub_url_invalid", {{"value", url}}};
    db_.set_setting(store::setting_key::kHubUrl, url);
    audit("hub_url", url);
    return std::nullopt;
}

std::optional<sync::SyncStatus> StaffService::sync_status() const {
    if (!sync_status_) return std::nullopt;
    return sync_status_();
}

std::string StaffService::device_token() const { return db_.setting(store::setting_key::kDeviceToken).value_or(""); }

std::optional<Problem> StaffService::set_device_token(const std::string& token) {
    if (token.size() < 16 || token.size() > 200 || token.find_first_of(" \t\r\n") != std::string::npos) {
        return Problem{"office.token_invalid", {}};
    }
    db_.set_setting(store::setting_key::kDeviceToken, token);
    audit("device_token", "set");  // never the token itself
    return std::nullopt;
}

bool StaffService::setup_complete() const { return db_.setting(store::setting_key::kSetupComplete).has_value(); }

void StaffService::mark_setup_complete() {
    db_.set_setting(store::setting_key::kSetupComplete, "1");
    audit("setup_complete", "");
}

std::string StaffService::default_language() const { return db_.setting("kiosk_default_language").value_or("id"); }

std::optional<Problem> StaffService::set_default_language(const std::string& language) {
    if (std::find(formats::kLanguages.begin(), formats::kLanguages.end(), language) == formats::kLanguages.end()) {
        return Problem{"office.language_invalid", {{"value", language}}};
    }
    db_.set_setting("kiosk_default_language", language);
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

}  // namespace skm::kiosk
