#include "store/published_config.hpp"

#include "formats/settings_table.hpp"
#include "store/setting_keys.hpp"

namespace skm::store {
namespace {

std::optional<std::string> setting(const Connection& db, const char* key) {
    Statement q(db, "SELECT value FROM settings WHERE key = ?1");
    q.bind(1, std::string_view(key));
    if (!q.step()) return std::nullopt;
    return std::string(q.text(0));
}

void set_setting(Connection& db, const char* key, const std::string& value) {
    Statement upsert(db, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, std::string_view(key)).bind(2, value);
    upsert.step();
}

void apply_layanan(Connection& db, const std::vector<std::string>& names) {
    // Retired first, behind every published one; then each published one
    // active at its place (added when new).
    Statement retire(db, "UPDATE layanan SET active = 0, position = position + ?1");
    retire.bind(1, static_cast<std::int64_t>(names.size()) + 1);
    retire.step();
    Statement upsert(db, "INSERT INTO layanan (name, position, active) VALUES (?1, ?2, 1) "
                         "ON CONFLICT (name) DO UPDATE SET position = excluded.position, active = 1");
    std::int64_t position = 0;
    for (const auto& name : names) {
        upsert.reset();
        upsert.bind(1, name).bind(2, ++position);
        upsert.step();
    }
}

void apply_targets(Connection& db, const std::vector<PublishedTarget>& targets) {
    Statement upsert(db, "INSERT INTO targets (year, layanan, target) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (year, layanan) DO UPDATE SET target = excluded.target");
    for (const auto& t : targets) {
        upsert.reset();
        upsert.bind(1, static_cast<std::int64_t>(t.year)).bind(2, t.layanan).bind(3, t.target);
        upsert.step();
    }
}

void apply_settings(Connection& db, const std::vector<std::pair<std::string, std::string>>& settings) {
    for (const auto& [key, value] : settings) {
        const formats::SettingSpec* spec = formats::find_hub_setting(key);
        if (!spec) {
            throw Error(ErrorKind::input, Problem{"protocol.bad_value", {{"where", ".settings." + key}}});
        }
        if (auto refused = formats::check_setting(*spec, value)) throw Error(ErrorKind::input, std::move(*refused));
        set_setting(db, spec->stored, formats::stored_form(*spec, value));
    }
}

}  // namespace

std::int64_t applied_config_version(const Connection& db) {
    const auto value = setting(db, setting_key::kConfigVersion);
    return value ? std::stoll(*value) : 0;  // only ever written from an int64 below
}

std::optional<std::string> published_questionnaire(const Connection& db) {
    return setting(db, setting_key::kPublishedQuestionnaire);
}

bool apply_published_config(Connection& db, const PublishedConfig& config, std::string_view now) {
    Transaction transaction(db);
    if (config.version <= applied_config_version(db)) return false;
    apply_layanan(db, config.layanan);
    apply_targets(db, config.targets);
    apply_settings(db, config.settings);
    set_setting(db, setting_key::kConfigVersion, std::to_string(config.version));
    set_setting(db, setting_key::kPublishedQuestionnaire,
                config.questionnaire_id + ":" + std::to_string(config.questionnaire_version));
    Statement audit(db, "INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, 'hub', 'config_applied', ?2)");
    audit.bind(1, now).bind(2, "version " + std::to_string(config.version) + ", published " + config.published_at);
    audit.step();
    transaction.commit();
    return true;
}

}  // namespace skm::store
