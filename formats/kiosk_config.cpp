#include "formats/kiosk_config.hpp"

#include "formats/file_content.hpp"
#include "formats/json_position.hpp"
#include "scoring/problem.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace skm::formats {
namespace {

using nlohmann::json;

// Every refusal names the file, the line and the column, so staff can open
// the file at the right place; `field` is the member's name (the key path of
// this flat file).
class ConfigText {
public:
    ConfigText(std::string_view text, std::string_view file) : text_(text), file_(file) {}

    [[noreturn]] void fail_at(std::size_t offset, std::string key, std::vector<std::pair<std::string, std::string>> more = {}) const {
        const TextPosition at = position_at(text_, offset);
        Problem problem{std::move(key),
                        {{"file", file_}, {"line", std::to_string(at.line)}, {"column", std::to_string(at.column)}}};
        for (auto& arg : more) problem.args.push_back(std::move(arg));
        throw Error(ErrorKind::input, std::move(problem));
    }
    // A refused value: points at the value, or at the object's start when the field is absent.
    [[noreturn]] void fail(const std::string& field, std::string key,
                           std::vector<std::pair<std::string, std::string>> more = {}) const {
        more.insert(more.begin(), {"field", field});
        fail_at(value_offset(field), std::move(key), std::move(more));
    }

    json parse() const {
        try {
            return json::parse(text_);
        } catch (const json::parse_error& e) {
            const JsonSyntaxError error = diagnose_json_syntax(text_, e.byte);
            switch (error.kind) {
                case JsonSyntaxKind::missing_comma: fail_at(error.offset, "config.json_missing_comma");
                case JsonSyntaxKind::trailing_comma: fail_at(error.offset, "config.json_trailing_comma");
                case JsonSyntaxKind::truncated: fail_at(error.offset, "config.json_truncated");
                case JsonSyntaxKind::other: break;
            }
            fail_at(error.offset, "config.not_json");
        } catch (const json::exception& e) {
            // A number too large for a double ("1e999"): no byte offset, but
            // the message quotes the token, which points at it in the text.
            const std::string what = e.what();
            const auto open = what.find('\'');
            const auto close = what.rfind('\'');
            const auto token = open < close ? what.substr(open + 1, close - open - 1) : std::string();
            const std::size_t at = token.empty() ? std::string_view::npos : text_.find(token);
            fail_at(at == std::string_view::npos ? 0 : at, "config.not_json");
        }
    }

private:
    std::size_t value_offset(const std::string& field) const {
        const std::size_t at = top_level_value_offset(text_, field);
        if (at != std::string_view::npos) return at;
        const std::size_t object = text_.find('{');
        return object == std::string_view::npos ? 0 : object;
    }

    std::string_view text_;
    std::string file_;
};

// The config file's own refusal of a table entry: it names the file, line
// and column and says how to write the value in JSON.
const char* config_refusal(const SettingSpec& spec) {
    switch (spec.type) {
        case SettingType::integer: return spec.unit == SettingUnit::milliseconds ? "config.bad_milliseconds" : "config.bad_seconds";
        case SettingType::boolean: return "config.bad_boolean";
        case SettingType::text:
        case SettingType::choice:
        case SettingType::path: break;
    }
    switch (spec.form) {
        case TextForm::pin: return "config.bad_pin";
        case TextForm::sha256_pin: return "config.bad_hub_pin";
        case TextForm::any:
        case TextForm::https_url:
        case TextForm::no_spaces:
        case TextForm::nip: break;  // not a config-file setting
    }
    return "config.bad_field";
}

// The fields of one config file, each checked against its table entry.
class ConfigFields {
public:
    ConfigFields(const json& doc, const ConfigText& at) : doc_(doc), at_(at) {}

    bool has(const SettingSpec& spec) const { return doc_.contains(spec.key); }

    // A text value; absent: nullopt (or, when required, refused).
    std::optional<std::string> text(const SettingSpec& spec, bool required = false) const {
        if (!has(spec)) {
            if (required) at_.fail(spec.key, "config.missing_field");
            return std::nullopt;
        }
        const json& value = doc_[spec.key];
        if (!value.is_string()) at_.fail(spec.key, "config.bad_field");
        std::string result = value.get<std::string>();
        if (result.empty() && spec.low > 0) at_.fail(spec.key, "config.bad_field");
        if (check_setting(spec, result)) at_.fail(spec.key, config_refusal(spec));
        return result;
    }

    // A whole number of the entry's unit in its range → milliseconds.
    void milliseconds(const SettingSpec& spec, std::int64_t& ms) const {
        if (!has(spec)) return;
        const json& value = doc_[spec.key];
        if (!value.is_number_integer() || value.get<std::int64_t>() < spec.low || value.get<std::int64_t>() > spec.high) {
            at_.fail(spec.key, config_refusal(spec), {{"low", std::to_string(spec.low)}, {"high", std::to_string(spec.high)}});
        }
        ms = formats::milliseconds(spec, value.get<std::int64_t>());
    }

    void boolean(const SettingSpec& spec, bool& out) const {
        if (!has(spec)) return;
        if (!doc_[spec.key].is_boolean()) at_.fail(spec.key, config_refusal(spec));
        out = doc_[spec.key].get<bool>();
    }

private:
    const json& doc_;
    const ConfigText& at_;
};

std::filesystem::path resolve(const std::string& text, const std::filesystem::path& assets_dir) {
    const std::filesystem::path p(text);
    return p.is_absolute() ? p : assets_dir / p;
}

}  // namespace

KioskConfig parse_kiosk_config(std::string_view json_text, std::string_view file, const std::filesystem::path& assets_dir) {
    const ConfigText at(json_text, file);
    const json doc = at.parse();
    if (!doc.is_object()) {
        const std::size_t first = json_text.find_first_not_of(" \t\r\n");
        at.fail_at(first == std::string_view::npos ? 0 : first, "config.not_object");
    }
    for (const auto& [key, value] : doc.items()) {
        const SettingSpec* spec = find_setting(key);
        if (!spec || !(spec->changed_by & changed_by::kConfigFile)) at.fail(key, "config.unknown_field");
    }
    const ConfigFields fields(doc, at);
    KioskConfig config;
    config.office = *fields.text(setting::kOffice, true);
    config.region = fields.text(setting::kRegion).value_or("");
    if (const auto logo = fields.text(setting::kLogo)) config.logo = resolve(*logo, assets_dir);
    config.device_id = fields.text(setting::kDeviceId).value_or(config.device_id);
    config.layanan_file = resolve(fields.text(setting::kLayananFile).value_or(setting::kLayananFile.fallback_text), assets_dir);
    config.questionnaire_file =
        resolve(fields.text(setting::kQuestionnaireFile).value_or(setting::kQuestionnaireFile.fallback_text), assets_dir);
    config.profile_options_file = resolve(
        fields.text(setting::kProfileOptionsFile).value_or(setting::kProfileOptionsFile.fallback_text), assets_dir);
    fields.milliseconds(setting::kIdlePromptSeconds, config.idle_prompt_ms);
    fields.milliseconds(setting::kIdleResetSeconds, config.idle_reset_ms);
    fields.milliseconds(setting::kThanksSeconds, config.thanks_ms);
    fields.milliseconds(setting::kMinIntervalSeconds, config.min_interval_ms);
    fields.milliseconds(setting::kMinDurationSeconds, config.min_duration_ms);
    fields.milliseconds(setting::kTouchSettleMs, config.touch_settle_ms);
    fields.milliseconds(setting::kStaffLockSeconds, config.staff_lock_ms);
    config.initial_staff_pin = fields.text(setting::kInitialStaffPin).value_or("");
    if (const auto ca = fields.text(setting::kHubCaFile)) config.hub_ca_file = resolve(*ca, assets_dir);
    config.hub_pin = fields.text(setting::kHubPin).value_or("");
    fields.boolean(setting::kFirstRunSetup, config.first_run_setup);
    return config;
}

KioskConfig load_kiosk_config(const std::filesystem::path& path, const std::filesystem::path& assets_dir) {
    const FileContent content(path);
    return parse_kiosk_config(content.view(), path.string(), assets_dir);
}

}  // namespace skm::formats
