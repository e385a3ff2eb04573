#include "sync/config_protocol.hpp"

#include "formats/response_csv_reader.hpp"
#include "formats/settings_table.hpp"
#include "scoring/decimal.hpp"
#include "scoring/period.hpp"
#include "sync/json_fields.hpp"

#include <set>

namespace skm::sync {
namespace {

using namespace json_fields;

// A target as staff may type it: 25–100 with at most two decimals.
bool valid_target(const std::string& text) {
    const auto dot = text.find('.');
    if (dot != std::string::npos && text.size() - dot - 1 > 2) return false;
    const auto value = scoring::parse_decimal(text);
    return value && value->value() >= 25 && value->value() <= 100;
}

}  // namespace

JsonBounds config_json_bounds() {
    // The body and its 7 fields; each layanan name; the questionnaire's 2
    // fields; each target with its 3; each setting the table has.
    constexpr std::size_t kBodyValues = 1 + 7 + 2 + kRoomForNewFields;
    constexpr std::size_t kTargetValues = 1 + 3 + kRoomForNewFields;
    // body → targets → target.
    constexpr std::size_t kDepth = 3;
    // Every text is a short field (names, ids, times, targets).
    return {kBodyValues + kMaxPublishedLayanan + kMaxPublishedTargets * kTargetValues + formats::kSettingsTable.size(),
            kDepth + kRoomForNewDepth,
            formats::kMaxShortFieldBytes};
}

std::string encode_config(const store::PublishedConfig& config) {
    json targets = json::array();
    for (const auto& t : config.targets) targets.push_back({{"year", t.year}, {"layanan", t.layanan}, {"target", t.target}});
    json doc{{"protocol", kProtocolVersion},
             {"config_version", config.version},
             {"published_at", config.published_at},
             {"layanan", config.layanan},
             {"questionnaire", {{"id", config.questionnaire_id}, {"version", config.questionnaire_version}}},
             {"targets", targets}};
    // Optional: a kiosk from before settings were published ignores it.
    if (!config.settings.empty()) {
        json settings = json::object();
        for (const auto& [key, value] : config.settings) settings[key] = value;
        doc["settings"] = std::move(settings);
    }
    return doc.dump();
}

std::variant<store::PublishedConfig, ProtocolError> decode_config(std::string_view body) {
    try {
        const json doc = parse_object(body, 1u << 20, config_json_bounds());
        store::PublishedConfig config;
        config.version = integer(doc, "config_version", "", 1, std::int64_t{1} << 52);
        config.published_at = text(doc, "published_at", "", 64, false);
        if (!scoring::parse_timestamp(config.published_at)) refuse("protocol.bad_value", ".published_at");

        const json& layanan = field(doc, "layanan", "");
        if (!layanan.is_array()) refuse("protocol.wrong_type", ".layanan");
        if (layanan.empty() || layanan.size() > kMaxPublishedLayanan) refuse("protocol.bad_value", ".layanan");
        std::set<std::string> names;
        for (std::size_t i = 0; i < layanan.size(); ++i) {
            const std::string where = ".layanan[" + std::to_string(i) + "]";
            if (!layanan[i].is_string()) refuse("protocol.wrong_type", where);
            std::string name = layanan[i].get<std::string>();
            if (name.empty() || name.size() > formats::kMaxShortFieldBytes || !names.insert(name).second) {
                refuse("protocol.bad_value", where);
            }
            config.layanan.push_back(std::move(name));
        }

        const json& questionnaire = field(doc, "questionnaire", "");
        if (!questionnaire.is_object()) refuse("protocol.wrong_type", ".questionnaire");
        config.questionnaire_id = text(questionnaire, "id", ".questionnaire", formats::kMaxShortFieldBytes, false);
        config.questionnaire_version = integer(questionnaire, "version", ".questionnaire", 1, 1'000'000);

        const json& targets = field(doc, "targets", "");
        if (!targets.is_array()) refuse("protocol.wrong_type", ".targets");
        if (targets.size() > kMaxPublishedTargets) refuse("protocol.too_large", ".targets");
        for (std::size_t i = 0; i < targets.size(); ++i) {
            const std::string where = ".targets[" + std::to_string(i) + "]";
            if (!targets[i].is_object()) refuse("protocol.wrong_type", where);
            store::PublishedTarget t;
            t.year = static_cast<int>(integer(targets[i], "year", where, 2000, 2100));
            t.layanan = text(targets[i], "layanan", where, formats::kMaxShortFieldBytes);
            if (!t.layanan.empty() && !names.count(t.layanan)) refuse("protocol.bad_value", where + ".layanan");
            t.target = text(targets[i], "target", where, 16, false);
            if (!valid_target(t.target)) refuse("protocol.bad_value", where + ".target");
            config.targets.push_back(std::move(t));
        }

        // Settings the hub may change (formats/settings_table), as text; optional.
        if (const auto settings = doc.find("settings"); settings != doc.end()) {
            if (!settings->is_object()) refuse("protocol.wrong_type", ".settings");
            for (const auto& [key, value] : settings->items()) {
                const std::string where = ".settings." + key;
                if (!value.is_string()) refuse("protocol.wrong_type", where);
                const formats::SettingSpec* spec = formats::find_hub_setting(key);
                if (!spec || formats::check_setting(*spec, value.get<std::string>())) {
                    refuse("protocol.bad_value", where);
                }
                config.settings.emplace_back(key, value.get<std::string>());
            }
        }
        return config;
    } catch (const Refused& refused) {
        return refused.error;
    }
}

std::string config_url_for(std::string_view batches_url) {
    constexpr std::string_view kBatches = "/batches";
    std::string_view base = batches_url;
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    if (base.size() >= kBatches.size() && base.substr(base.size() - kBatches.size()) == kBatches) {
        base.remove_suffix(kBatches.size());
    }
    return std::string(base) + "/config";
}

}  // namespace skm::sync
