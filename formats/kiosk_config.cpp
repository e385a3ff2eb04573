#include "formats/kiosk_config.hpp"

#include "formats/file_content.hpp"
#include "formats/json_position.hpp"
#include "scoring/problem.hpp"

#include <nlohmann/json.hpp>

#include <set>

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

std::string text_field(const json& doc, const char* name, const ConfigText& at, bool required) {
    if (!doc.contains(name)) {
        if (required) at.fail(name, "config.missing_field");
        return {};
    }
    if (!doc[name].is_string() || (required && doc[name].get<std::string>().empty())) at.fail(name, "config.bad_field");
    return doc[name].get<std::string>();
}

// A whole number in [low, high] of `unit` milliseconds (1000: seconds) → milliseconds.
void duration_field(const json& doc, const char* name, const ConfigText& at, std::int64_t low, std::int64_t high,
                    std::int64_t unit, std::int64_t& ms) {
    if (!doc.contains(name)) return;
    const auto& value = doc[name];
    if (!value.is_number_integer() || value.get<std::int64_t>() < low || value.get<std::int64_t>() > high) {
        at.fail(name, unit == 1000 ? "config.bad_seconds" : "config.bad_milliseconds",
                {{"low", std::to_string(low)}, {"high", std::to_string(high)}});
    }
    ms = value.get<std::int64_t>() * unit;
}

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
    static const std::set<std::string> known = {"office", "region", "logo", "device_id", "layanan", "questionnaire",
                                                "idle_prompt_seconds", "idle_reset_seconds", "thanks_seconds",
                                                "min_interval_seconds", "min_duration_seconds", "touch_settle_ms",
                                                "staff_lock_seconds", "initial_staff_pin", "hub_ca_file", "hub_pin",
                                                "first_run_setup"};
    for (const auto& [key, value] : doc.items()) {
        if (!known.count(key)) at.fail(key, "config.unknown_field");
    }
    KioskConfig config;
    config.office = text_field(doc, "office", at, true);
    config.region = text_field(doc, "region", at, false);
    if (doc.contains("logo")) config.logo = resolve(text_field(doc, "logo", at, true), assets_dir);
    if (doc.contains("device_id")) config.device_id = text_field(doc, "device_id", at, true);
    config.layanan_file = resolve(doc.contains("layanan") ? text_field(doc, "layanan", at, true) : "demo/layanan.json", assets_dir);
    config.questionnaire_file = resolve(
        doc.contains("questionnaire") ? text_field(doc, "questionnaire", at, true) : "questionnaire/permenpan-14-2017.json",
        assets_dir);
    duration_field(doc, "idle_prompt_seconds", at, 10, 3600, 1000, config.idle_prompt_ms);
    duration_field(doc, "idle_reset_seconds", at, 5, 600, 1000, config.idle_reset_ms);
    duration_field(doc, "thanks_seconds", at, 2, 60, 1000, config.thanks_ms);
    duration_field(doc, "min_interval_seconds", at, 0, 3600, 1000, config.min_interval_ms);
    duration_field(doc, "min_duration_seconds", at, 0, 600, 1000, config.min_duration_ms);
    duration_field(doc, "touch_settle_ms", at, 0, 2000, 1, config.touch_settle_ms);
    duration_field(doc, "staff_lock_seconds", at, 30, 3600, 1000, config.staff_lock_ms);
    config.initial_staff_pin = text_field(doc, "initial_staff_pin", at, false);
    if (!config.initial_staff_pin.empty() &&
        (config.initial_staff_pin.size() < 4 || config.initial_staff_pin.size() > 12 ||
         config.initial_staff_pin.find_first_not_of("0123456789") != std::string::npos)) {
        at.fail("initial_staff_pin", "config.bad_pin");
    }
    if (doc.contains("hub_ca_file")) config.hub_ca_file = resolve(text_field(doc, "hub_ca_file", at, true), assets_dir);
    config.hub_pin = text_field(doc, "hub_pin", at, false);
    if (!config.hub_pin.empty() && config.hub_pin.rfind("sha256//", 0) != 0) at.fail("hub_pin", "config.bad_hub_pin");
    if (doc.contains("first_run_setup")) {
        if (!doc["first_run_setup"].is_boolean()) at.fail("first_run_setup", "config.bad_boolean");
        config.first_run_setup = doc["first_run_setup"].get<bool>();
    }
    return config;
}

KioskConfig load_kiosk_config(const std::filesystem::path& path, const std::filesystem::path& assets_dir) {
    const FileContent content(path);
    return parse_kiosk_config(content.view(), path.string(), assets_dir);
}

}  // namespace skm::formats
