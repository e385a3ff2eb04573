// The kiosk configuration and the layanan list: defaults, path resolution,
// and every kind of bad file refused with the file and field named.
#include "formats/catalog.hpp"
#include "formats/json_position.hpp"
#include "formats/kiosk_config.hpp"
#include "formats/profile_options.hpp"
#include "formats/layanan_list.hpp"
#include "scoring/problem.hpp"

#include <gtest/gtest.h>

namespace skm::formats {
namespace {

Problem problem_of(const std::function<void()>& parse) {
    try {
        parse();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::input);
        return e.problem();
    }
    ADD_FAILURE() << "no error";
    return {};
}

std::string arg(const Problem& p, const std::string& name) {
    for (const auto& [k, v] : p.args) {
        if (k == name) return v;
    }
    return "";
}

TEST(KioskConfig, TheDemoFileLoadsWithItsPathsResolved) {
    const std::filesystem::path assets = std::filesystem::path(SKM_SOURCE_DIR) / "assets";
    const auto c = load_kiosk_config(assets / "kiosk" / "demo.json", assets);
    EXPECT_EQ(c.office, "Kantor Kecamatan Sukamaju");
    EXPECT_EQ(c.layanan_file, assets / "demo" / "layanan.json");
    EXPECT_EQ(c.questionnaire_file, assets / "questionnaire" / "permenpan-14-2017.json");
    EXPECT_TRUE(std::filesystem::exists(c.logo));
    EXPECT_EQ(c.idle_prompt_ms, 60'000);
    EXPECT_EQ(c.min_interval_ms, 30'000);
    EXPECT_EQ(c.initial_staff_pin, "246810");
    EXPECT_EQ(load_layanan_list(c.layanan_file).size(), 12u);
    EXPECT_EQ(c.profile_options_file, assets / "kiosk" / "profile-options.json");  // the default: shipped sub-options
    EXPECT_EQ(load_profile_options(c.profile_options_file).of("pekerjaan").size(), 5u);
}

TEST(KioskConfig, DefaultsAndAbsolutePaths) {
    const auto c = parse_kiosk_config(R"({"office": "Kecamatan X", "layanan": "/etc/skm/layanan.json",
                                          "thanks_seconds": 5})", "x.json", "/usr/share/skm");
    EXPECT_EQ(c.layanan_file, "/etc/skm/layanan.json");
    EXPECT_EQ(c.questionnaire_file, "/usr/share/skm/questionnaire/permenpan-14-2017.json");
    EXPECT_EQ(c.thanks_ms, 5'000);
    EXPECT_EQ(c.profile_options_file, "/usr/share/skm/kiosk/profile-options.json");
    EXPECT_EQ(parse_kiosk_config(R"({"office": "X", "profile_options": "/etc/skm/profil.json"})", "x.json", "/a")
                  .profile_options_file,
              "/etc/skm/profil.json");
    EXPECT_EQ(c.device_id, "kiosk");
    EXPECT_TRUE(c.logo.empty());
    EXPECT_FALSE(c.first_run_setup);
}

TEST(KioskConfig, ThePackagedTemplateAsksForTheFirstRunSetup) {
    const std::filesystem::path assets = std::filesystem::path(SKM_SOURCE_DIR) / "assets";
    const auto c = load_kiosk_config(std::filesystem::path(SKM_SOURCE_DIR) / "packaging" / "etc" / "kiosk.json", assets);
    EXPECT_TRUE(c.first_run_setup);
    EXPECT_TRUE(c.initial_staff_pin.empty());  // staff choose the PIN in the set-up, no PIN ships
    EXPECT_EQ(load_layanan_list(c.layanan_file).size(), 12u);
}

TEST(KioskConfig, BadFilesNameTheFieldAndTheFile) {
    struct Case {
        const char* json;
        const char* key;
        const char* field;
    };
    const Case cases[] = {
        {"not json", "config.not_json", ""},
        {"{}", "config.missing_field", "office"},
        {R"({"office": ""})", "config.bad_field", "office"},
        {R"({"office": "X", "ofice": "typo"})", "config.unknown_field", "ofice"},
        {R"({"office": "X", "idle_prompt_seconds": 3})", "config.bad_seconds", "idle_prompt_seconds"},
        {R"({"office": "X", "thanks_seconds": "8"})", "config.bad_seconds", "thanks_seconds"},
        {R"({"office": "X", "initial_staff_pin": "12ab"})", "config.bad_pin", "initial_staff_pin"},
        {R"({"office": "X", "initial_staff_pin": "12"})", "config.bad_pin", "initial_staff_pin"},
        {R"({"office": "X", "first_run_setup": "yes"})", "config.bad_boolean", "first_run_setup"},
        {R"({"office": "X", "hub_pin": "abc"})", "config.bad_hub_pin", "hub_pin"},
        {R"({"office": "X", "touch_settle_ms": 5000})", "config.bad_milliseconds", "touch_settle_ms"},
        {R"({"office": "X", "staff_lock_seconds": 5})", "config.bad_seconds", "staff_lock_seconds"},
        {R"(["office"])", "config.not_object", ""},
    };
    for (const auto& c : cases) {
        const auto p = problem_of([&] { parse_kiosk_config(c.json, "kantor.json", "/a"); });
        EXPECT_EQ(p.key, c.key) << c.json;
        EXPECT_EQ(arg(p, "field"), c.field) << c.json;
        EXPECT_EQ(arg(p, "file"), "kantor.json");
    }
}

TEST(KioskConfig, TheTouchAndStaffTimingsHaveDefaultsAndCanBeSet) {
    const auto defaults = parse_kiosk_config(R"({"office": "X"})", "x.json", "/a");
    EXPECT_EQ(defaults.touch_settle_ms, 250);
    EXPECT_EQ(defaults.staff_lock_ms, 120'000);
    const auto set = parse_kiosk_config(R"({"office": "X", "touch_settle_ms": 400, "staff_lock_seconds": 300})", "x.json", "/a");
    EXPECT_EQ(set.touch_settle_ms, 400);
    EXPECT_EQ(set.staff_lock_ms, 300'000);
}

// Line and column of every refusal, counted by hand from the texts below
// (1-based; columns in characters, so "é" counts once).
TEST(KioskConfig, BrokenFilesNameLineColumnAndTheKind) {
    struct Case {
        const char* what;
        std::string json;
        const char* key;
        const char* field;
        const char* line;
        const char* column;
    };
    const Case cases[] = {
        {"missing comma: at the next member", "{\n  \"office\": \"Kantor Kecamatan Sukamaju\"\n  \"region\": \"Kabupaten Contoh\"\n}\n",
         "config.json_missing_comma", "", "3", "3"},
        {"missing comma in one line", R"({"office": "X" "region": "Y"})", "config.json_missing_comma", "", "1", "16"},
        {"trailing comma: at the comma", "{\n  \"office\": \"X\",\n  \"thanks_seconds\": 5,\n}\n",
         "config.json_trailing_comma", "", "3", "22"},
        {"the file ends early", "{\n  \"office\": \"X\",\n  \"region\": \"Y\"\n", "config.json_truncated", "", "4", "1"},
        {"a string never closed", "{\n  \"office\": \"X\n", "config.json_truncated", "", "3", "1"},
        {"a word that is no JSON", "{\n  \"office\": Kantor\n}", "config.not_json", "", "2", "13"},
        {"a number in quotes: the value's place and the key path", "{\n  \"office\": \"X\",\n  \"idle_prompt_seconds\": \"60\"\n}\n",
         "config.bad_seconds", "idle_prompt_seconds", "3", "26"},
        {"a boolean where a number belongs, after a non-ASCII letter", R"({"office": "Désa", "thanks_seconds": true})",
         "config.bad_seconds", "thanks_seconds", "1", "38"},
        {"an unknown member", "{\n  \"office\": \"X\",\n\n  \"ofice\": \"typo\"\n}", "config.unknown_field", "ofice", "4", "12"},
        {"a number too large for any field", "{\"office\": \"X\",\n \"thanks_seconds\": 1e999}", "config.not_json", "", "2", "20"},
        {"a missing member: the object's start", "\n\n  {\"region\": \"Y\"}", "config.missing_field", "office", "3", "3"},
    };
    for (const auto& c : cases) {
        const auto p = problem_of([&] { parse_kiosk_config(c.json, "/etc/skm/kiosk.json", "/a"); });
        EXPECT_EQ(p.key, c.key) << c.what;
        EXPECT_EQ(arg(p, "file"), "/etc/skm/kiosk.json") << c.what;
        EXPECT_EQ(arg(p, "field"), c.field) << c.what;
        EXPECT_EQ(arg(p, "line"), c.line) << c.what;
        EXPECT_EQ(arg(p, "column"), c.column) << c.what;
    }
}

TEST(KioskConfig, TheMessageSaysWhereAndHowToFixItInTheStaffLanguage) {
    const auto p = problem_of([] { parse_kiosk_config("{\n  \"office\": \"X\",\n  \"thanks_seconds\": 5,\n}", "kiosk.json", "/a"); });
    const auto id = Catalog::load(std::filesystem::path(SKM_SOURCE_DIR) / "assets" / "i18n", "id");
    EXPECT_EQ(id.format(p),
              "berkas konfigurasi kiosk.json, baris 3, kolom 22: koma ini ada tepat sebelum kurung penutup. "
              "Perbaiki: hapus koma ini (isian terakhir tidak diberi koma).");
    const auto en = Catalog::load(std::filesystem::path(SKM_SOURCE_DIR) / "assets" / "i18n", "en");
    const auto bad = problem_of([] { parse_kiosk_config(R"({"office": "X", "idle_reset_seconds": 0})", "k.json", "/a"); });
    EXPECT_EQ(en.format(bad),
              "configuration k.json, line 1, column 39: \"idle_reset_seconds\" must be a whole number of seconds from 5 "
              "to 600. Fix: write the number without quotes, e.g. \"idle_reset_seconds\": 600.");
}

TEST(JsonPosition, LinesColumnsAndTopLevelValues) {
    EXPECT_EQ(position_at("ab\ncd", 0).line, 1u);
    EXPECT_EQ(position_at("ab\ncd", 4).line, 2u);
    EXPECT_EQ(position_at("ab\ncd", 4).column, 2u);
    EXPECT_EQ(position_at("\xC3\xA9x", 2).column, 2u);  // "é" is one character of two bytes
    const std::string doc = R"({"a": {"b": 1}, "b": [2, {"b": 3}], "c": "\"b\""})";
    EXPECT_EQ(top_level_value_offset(doc, "b"), doc.find("[2"));  // not the nested "b"s
    EXPECT_EQ(top_level_value_offset(doc, "c"), doc.find("\"\\\""));
    EXPECT_EQ(top_level_value_offset(doc, "z"), std::string_view::npos);
}

TEST(LayananList, BadListsAreRefused) {
    EXPECT_EQ(parse_layanan_list(R"({"layanan": ["KTP-el", "KK"]})", "l.json"), (std::vector<std::string>{"KTP-el", "KK"}));
    EXPECT_EQ(problem_of([] { parse_layanan_list("[", "l.json"); }).key, "layanan.not_json");
    EXPECT_EQ(problem_of([] { parse_layanan_list(R"({"layanan": []})", "l.json"); }).key, "layanan.no_list");
    EXPECT_EQ(problem_of([] { parse_layanan_list(R"({"layanan": ["KTP-el", ""]})", "l.json"); }).key, "layanan.bad_name");
    EXPECT_EQ(problem_of([] { parse_layanan_list(R"({"layanan": ["KTP-el", 3]})", "l.json"); }).key, "layanan.bad_name");
    EXPECT_EQ(problem_of([] { parse_layanan_list(R"({"layanan": ["KK", "KK"]})", "l.json"); }).key, "layanan.duplicate");
    EXPECT_EQ(problem_of([] { parse_layanan_list(R"({"layanan": [")" + std::string(201, 'x') + R"("]})", "l.json"); }).key,
              "layanan.bad_name");
}

}  // namespace
}  // namespace skm::formats
