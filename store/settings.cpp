#include "store/settings.hpp"

namespace skm::store {

std::optional<std::string> stored_setting(const ResponseStore& db, const formats::SettingSpec& spec) {
    if (*spec.stored == '\0') return std::nullopt;
    return db.setting(spec.stored);
}

std::int64_t integer_setting(const ResponseStore& db, const formats::SettingSpec& spec, std::int64_t fallback) {
    if (const auto stored = stored_setting(db, spec)) {
        if (const auto value = formats::integer_value(spec, *stored)) return *value;
    }
    return fallback;
}

std::int64_t integer_setting(const ResponseStore& db, const formats::SettingSpec& spec) {
    return integer_setting(db, spec, spec.fallback_number);
}

std::optional<Problem> change_setting(ResponseStore& db, const formats::SettingSpec& spec, std::string_view value) {
    if (*spec.stored == '\0') {
        throw Error(ErrorKind::internal, Problem{"error.internal", {{"detail", std::string("setting not stored: ") + spec.key}}});
    }
    if (auto refused = formats::check_setting(spec, value)) return refused;
    db.set_setting(spec.stored, formats::stored_form(spec, value));
    return std::nullopt;
}

std::optional<std::string> setting_row(const Connection& db, std::string_view key) {
    Statement query(db, "SELECT value FROM settings WHERE key = ?1");
    query.bind(1, key);
    if (!query.step()) return std::nullopt;
    return std::string(query.text(0));
}

std::string keep_first_setting(Connection& db, std::string_view key, std::string_view value) {
    Statement insert(db, "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING");
    insert.bind(1, key).bind(2, value);
    insert.step();
    return setting_row(db, key).value_or(std::string(value));
}

}  // namespace skm::store
