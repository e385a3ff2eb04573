// The settings table: every entry complete (labels in all three catalogs,
// a refusal message, a default it accepts itself), the checks at their
// edges, and the configuration file taking exactly the entries it may change.
#include "formats/kiosk_config.hpp"
#include "formats/settings_table.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

namespace skm::formats {
namespace {

nlohmann::json catalog(const std::string& language) {
    std::ifstream in(std::filesystem::path(SKM_SOURCE_DIR) / "assets" / "i18n" / (language + ".json"));
    return nlohmann::json::parse(in);
}

std::string arg(const Problem& p, const std::string& name) {
    for (const auto& [k, v] : p.args) {
        if (k == name) return v;
    }
    return "<none>";
}

TEST(SettingsTable, KeysAndStoredNamesAreUnique) {
    std::set<std::string> keys;
    std::set<std::string> stored;
    for (const SettingSpec* spec : kSettingsTable) {
        EXPECT_TRUE(keys.insert(spec->key).second) << spec->key;
        if (*spec->stored != '\0') {
            EXPECT_TRUE(stored.insert(spec->stored).second) << spec->stored;
        }
        EXPECT_EQ(find_setting(spec->key), spec);
    }
    EXPECT_EQ(find_setting("no_such_setting"), nullptr);
}

TEST(SettingsTable, EveryLabelIsInAllThreeCatalogsAndEveryRefusalInIdAndEn) {
    const auto id = catalog("id");
    const auto en = catalog("en");
    const auto jv = catalog("jv");
    for (const SettingSpec* spec : kSettingsTable) {
        for (const auto* texts : {&id, &en, &jv}) {
            EXPECT_TRUE(texts->contains(spec->label)) << spec->label;
        }
        EXPECT_TRUE(id.contains(spec->refusal)) << spec->key << ": " << spec->refusal;
        EXPECT_TRUE(en.contains(spec->refusal)) << spec->key << ": " << spec->refusal;
    }
}

TEST(SettingsTable, EveryDefaultPassesItsOwnCheck) {
    for (const SettingSpec* spec : kSettingsTable) {
        if (spec->per_year_layanan) continue;  // populations have no default
        const std::string fallback = default_text(*spec);
        if (fallback.empty() && spec->low > 0) continue;  // no default: the value must be given
        EXPECT_FALSE(check_setting(*spec, fallback)) << spec->key << " = \"" << fallback << "\"";
    }
}

TEST(SettingsTable, EverySettingSomeoneMayChangeIsReachable) {
    for (const SettingSpec* spec : kSettingsTable) {
        EXPECT_NE(spec->changed_by, 0u) << spec->key;
        // Staff, the hub and the CLI change what the database keeps.
        const unsigned needs_database = changed_by::kStaffPin | changed_by::kHub | changed_by::kCli;
        if ((spec->changed_by & needs_database) && !spec->per_year_layanan) {
            EXPECT_NE(*spec->stored, '\0') << spec->key;
        }
    }
}

TEST(SettingsTable, IntegersAreAcceptedOnlyInsideTheirRangeAsPlainDigits) {
    const SettingSpec& idle = setting::kIdlePromptSeconds;  // 10..3600
    for (const char* good : {"10", "60", "3600", "0060"}) EXPECT_FALSE(check_setting(idle, good)) << good;
    for (const char* bad : {"9", "3601", "", "-10", "+10", " 10", "10 ", "1e3", "10.0", "99999999999999999999"}) {
        const auto refused = check_setting(idle, bad);
        ASSERT_TRUE(refused) << bad;
        EXPECT_EQ(refused->key, "office.number_out_of_range");
        EXPECT_EQ(arg(*refused, "value"), bad);
        EXPECT_EQ(arg(*refused, "low"), "10");
        EXPECT_EQ(arg(*refused, "high"), "3600");
        EXPECT_EQ(arg(*refused, "setting"), "idle_prompt_seconds");
    }
    EXPECT_EQ(stored_form(idle, "0060"), "60");
    EXPECT_EQ(integer_value(idle, "0060"), 60);
    EXPECT_EQ(integer_value(idle, "9"), std::nullopt);
}

TEST(SettingsTable, TextsChoicesAndShapes) {
    EXPECT_FALSE(check_setting(setting::kDefaultLanguage, "jv"));
    const auto language = check_setting(setting::kDefaultLanguage, "fr");
    ASSERT_TRUE(language);
    EXPECT_EQ(language->key, "office.language_invalid");
    EXPECT_EQ(arg(*language, "choices"), "id, en, jv");

    EXPECT_FALSE(check_setting(setting::kHubUrl, ""));  // cleared: no syncing
    EXPECT_FALSE(check_setting(setting::kHubUrl, "https://hub.example/api/v1/batches"));
    EXPECT_TRUE(check_setting(setting::kHubUrl, "http://hub.example/api/v1/batches"));
    EXPECT_TRUE(check_setting(setting::kHubUrl, "https://"));  // no host
    EXPECT_FALSE(check_setting(setting::kHubUrl, "https://h"));

    EXPECT_FALSE(check_setting(setting::kDeviceToken, std::string(16, 'a')));
    EXPECT_TRUE(check_setting(setting::kDeviceToken, std::string(15, 'a')));
    EXPECT_TRUE(check_setting(setting::kDeviceToken, std::string(201, 'a')));
    EXPECT_TRUE(check_setting(setting::kDeviceToken, "aaaaaaaa aaaaaaaa"));

    EXPECT_TRUE(check_setting(setting::kOffice, ""));
    EXPECT_FALSE(check_setting(setting::kOffice, std::string(200, 'x')));
    EXPECT_TRUE(check_setting(setting::kOffice, std::string(201, 'x')));

    EXPECT_FALSE(check_setting(setting::kInitialStaffPin, ""));  // none: the kiosk asks staff to choose one
    EXPECT_FALSE(check_setting(setting::kInitialStaffPin, "2468"));
    EXPECT_TRUE(check_setting(setting::kInitialStaffPin, "246"));
    EXPECT_TRUE(check_setting(setting::kInitialStaffPin, "12ab"));
    EXPECT_TRUE(check_setting(setting::kInitialStaffPin, "1234567890123"));

    EXPECT_FALSE(check_setting(setting::kFirstRunSetup, "true"));
    EXPECT_TRUE(check_setting(setting::kFirstRunSetup, "yes"));

    EXPECT_FALSE(check_setting(setting::kPopulation, "1"));
    EXPECT_FALSE(check_setting(setting::kPopulation, "100000000"));
    EXPECT_TRUE(check_setting(setting::kPopulation, "0"));
    EXPECT_TRUE(check_setting(setting::kPopulation, "100000001"));
}

// The defaults the kiosk had before the table, written out here by hand.
TEST(SettingsTable, TheConfigFileAndItsDefaultsComeFromTheTable) {
    const KioskConfig c = parse_kiosk_config(R"({"office": "X"})", "x.json", "/a");
    EXPECT_EQ(c.idle_prompt_ms, 60'000);
    EXPECT_EQ(c.idle_reset_ms, 20'000);
    EXPECT_EQ(c.thanks_ms, 8'000);
    EXPECT_EQ(c.min_interval_ms, 30'000);
    EXPECT_EQ(c.min_duration_ms, 15'000);
    EXPECT_EQ(c.touch_settle_ms, 250);
    EXPECT_EQ(c.staff_lock_ms, 120'000);
    EXPECT_EQ(c.device_id, "kiosk");
    EXPECT_EQ(c.layanan_file, std::filesystem::path("/a/demo/layanan.json"));
    EXPECT_FALSE(c.first_run_setup);
    EXPECT_EQ(setting::kMinN.fallback_number, 5);
}

TEST(SettingsTable, TheConfigFileTakesOnlyItsOwnEntries) {
    for (const SettingSpec* spec : kSettingsTable) {
        if (spec->changed_by & changed_by::kConfigFile) continue;
        try {
            parse_kiosk_config(std::string(R"({"office": "X", ")") + spec->key + R"(": 7})", "x.json", "/a");
            ADD_FAILURE() << spec->key << " was taken from the config file";
        } catch (const Error& e) {
            EXPECT_EQ(e.problem().key, "config.unknown_field") << spec->key;
        }
    }
    const KioskConfig set = parse_kiosk_config(
        R"({"office": "X", "region": "", "idle_reset_seconds": 5, "min_duration_seconds": 600, "first_run_setup": true})",
        "x.json", "/a");
    EXPECT_EQ(set.idle_reset_ms, 5'000);
    EXPECT_EQ(set.min_duration_ms, 600'000);
    EXPECT_TRUE(set.first_run_setup);
}

}  // namespace
}  // namespace skm::formats
