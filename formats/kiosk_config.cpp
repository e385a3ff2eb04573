#include "formats/kiosk_config.hpp"

#include "formats/file_content.hpp"
#include "scoring/problem.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace skm::formats {
namespace {

using nlohmann::json;

[[noreturn]] void bad(std::string_view file, std::string field, std::string key = "config.bad_field") {
    throw Error(ErrorKind::input, Problem{std::move(key), {{"file", std::string(file)}, {"field", std::move(field)}}});
}

std::string text_field(const json& doc, const char* name, std::string_view file, bool required) {
    if (!doc.contains(name)) {
        if (required) bad(file, name, "config.missing_field");
        return {};
    }
    if (!doc[name].is_string() || (required && doc[name].get<std::string>().empty())) bad(file, name);
    return doc[name].get<std::string>();
}

// Seconds in [low, high] → milliseconds.
void seconds_field(const json& doc, const char* name, std::string_view file, std::int64_t low, std::int64_t high,
                   std::int64_t& ms) {
    if (!doc.contains(name)) return;
    const auto& value = doc[name];
    if (!value.is_number_integer() || value.get<std::int64_t>() < low || value.get<std::int64_t>() > high) {
        bad(file, name, "config.bad_seconds");
    }
    ms = value.get<std::int64_t>() * 1000;
}

std::filesystem::path resolve(const std::string& text, const std::filesystem::path& assets_dir) {
    const std::filesystem::path p(text);
    return p.is_absolute() ? p : assets_dir / p;
}

}  // namespace

KioskConfig parse_kiosk_config(std::string_view json_text, std::string_view file, const std::filesystem::path& assets_dir) {
    const json doc = json::parse(json_text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) bad(file, "", "config.not_json");
    static const std::set<std::string> known = {"office", "region", "logo", "device_id", "layanan", "questionnaire",
                                                "idle_prompt_seconds", "idle_reset_seconds", "thanks_seconds",
                                                "min_interval_seconds", "min_duration_seconds", "initial_staff_pin",
                                                "hub_ca_file", "hub_pin", "first_run_setup"};
    for (const auto& [key, value] : doc.items()) {
        if (!known.count(key)) bad(file, key, "config.unknown_field");
    }
    KioskConfig config;
    config.office = text_field(doc, "office", file, true);
    config.region = text_field(doc, "region", file, false);
    if (doc.contains("logo")) config.logo = resolve(text_field(doc, "logo", file, true), assets_dir);
    if (doc.contains("device_id")) config.device_id = text_field(doc, "device_id", file, true);
    config.layanan_file = resolve(doc.contains("layanan") ? text_field(doc, "layanan", file, true) : "demo/layanan.json", assets_dir);
    config.questionnaire_file = resolve(
        doc.contains("questionnaire") ? text_field(doc, "questionnaire", file, true) : "questionnaire/permenpan-14-2017.json",
        assets_dir);
    seconds_field(doc, "idle_prompt_seconds", file, 10, 3600, config.idle_prompt_ms);
    seconds_field(doc, "idle_reset_seconds", file, 5, 600, config.idle_reset_ms);
    seconds_field(doc, "thanks_seconds", file, 2, 60, config.thanks_ms);
    seconds_field(doc, "min_interval_seconds", file, 0, 3600, config.min_interval_ms);
    seconds_field(doc, "min_duration_seconds", file, 0, 600, config.min_duration_ms);
    config.initial_staff_pin = text_field(doc, "initial_staff_pin", file, false);
    if (!config.initial_staff_pin.empty() &&
        (config.initial_staff_pin.size() < 4 || config.initial_staff_pin.size() > 12 ||
         config.initial_staff_pin.find_first_not_of("0123456789") != std::string::npos)) {
        bad(file, "initial_staff_pin", "config.bad_pin");
    }
    if (doc.contains("hub_ca_file")) config.hub_ca_file = resolve(text_field(doc, "hub_ca_file", file, true), assets_dir);
    config.hub_pin = text_field(doc, "hub_pin", file, false);
    if (!config.hub_pin.empty() && config.hub_pin.rfind("sha256//", 0) != 0) bad(file, "hub_pin");
    if (doc.contains("first_run_setup")) {
        if (!doc["first_run_setup"].is_boolean()) bad(file, "first_run_setup");
        config.first_run_setup = doc["first_run_setup"].get<bool>();
    }
    return config;
}

KioskConfig load_kiosk_config(const std::filesystem::path& path, const std::filesystem::path& assets_dir) {
    const FileContent content(path);
    return parse_kiosk_config(content.view(), path.string(), assets_dir);
}

}  // namespace skm::formats
