#include "formats/settings_table.hpp"

#include <algorithm>
#include <charconv>

namespace skm::formats {
namespace {

bool shaped(TextForm form, std::string_view value) {
    switch (form) {
        case TextForm::any: return true;
        case TextForm::https_url: return value.rfind("https://", 0) == 0 && value.size() > 8;  // a host after it
        case TextForm::pin:
            return value.size() >= 4 && value.size() <= 12 && value.find_first_not_of("0123456789") == std::string_view::npos;
        case TextForm::sha256_pin: return value.rfind("sha256//", 0) == 0;
        case TextForm::no_spaces: return value.find_first_of(" \t\r\n") == std::string_view::npos;
        // A civil servant's NIP: 18 digits, written without the spaces some print between its parts.
        case TextForm::nip: return value.size() == 18 && value.find_first_not_of("0123456789") == std::string_view::npos;
    }
    return false;
}

bool acceptable(const SettingSpec& spec, std::string_view value) {
    switch (spec.type) {
        case SettingType::integer: return integer_value(spec, value).has_value();
        case SettingType::boolean: return value == "true" || value == "false";
        case SettingType::choice: return std::find(spec.choices.begin(), spec.choices.end(), value) != spec.choices.end();
        case SettingType::text:
        case SettingType::path: {
            const auto size = static_cast<std::int64_t>(value.size());
            // "" is "not set": its form is not checked.
            return size >= spec.low && size <= spec.high && (value.empty() || shaped(spec.form, value));
        }
    }
    return false;
}

}  // namespace

const SettingSpec* find_setting(std::string_view key) {
    for (const SettingSpec* spec : kSettingsTable) {
        if (key == spec->key) return spec;
    }
    return nullptr;
}

const SettingSpec* find_hub_setting(std::string_view key) {
    const SettingSpec* spec = find_setting(key);
    if (!spec || !(spec->changed_by & changed_by::kHub) || *spec->stored == '\0') return nullptr;
    return spec;
}

std::string default_text(const SettingSpec& spec) {
    switch (spec.type) {
        case SettingType::integer: return spec.per_year_layanan ? std::string() : std::to_string(spec.fallback_number);
        case SettingType::boolean: return spec.fallback_number != 0 ? "true" : "false";
        case SettingType::text:
        case SettingType::choice:
        case SettingType::path: return spec.fallback_text;
    }
    return {};
}

std::optional<std::int64_t> integer_value(const SettingSpec& spec, std::string_view text) {
    std::int64_t value = 0;
    // Plain digits only: no sign, no spaces, no "+5", so what is stored is what was typed.
    if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    if (value < spec.low || value > spec.high) return std::nullopt;
    return value;
}

std::optional<Problem> check_setting(const SettingSpec& spec, std::string_view value) {
    if (acceptable(spec, value)) return std::nullopt;
    std::string choices;
    for (const auto choice : spec.choices) choices += (choices.empty() ? "" : ", ") + std::string(choice);
    return Problem{spec.refusal,
                   {{"setting", spec.key},
                    {"value", std::string(value)},
                    {"low", std::to_string(spec.low)},
                    {"high", std::to_string(spec.high)},
                    {"choices", choices}}};
}

std::string stored_form(const SettingSpec& spec, std::string_view accepted) {
    if (spec.type == SettingType::integer) {
        if (const auto value = integer_value(spec, accepted)) return std::to_string(*value);
    }
    return std::string(accepted);
}

}  // namespace skm::formats
