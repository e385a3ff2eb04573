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

}  // namespace skm::store
