// The kiosk configuration and the layanan list: defaults, path resolution,
// and every kind of bad file refused with the file and field named.
#include "formats/kiosk_config.hpp"
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
}

TEST(KioskConfig, DefaultsAndAbsolutePaths) {
    const auto c = parse_kiosk_config(R"({"office": "Kecamatan X", "layanan": "/etc/skm/layanan.json",
                                          "thanks_seconds": 5})", "x.json", "/usr/share/skm");
    EXPECT_EQ(c.layanan_file, "/etc/skm/layanan.json");
    EXPECT_EQ(c.questionnaire_file, "/usr/share/skm/questionnaire/permenpan-14-2017.json");
    EXPECT_EQ(c.thanks_ms, 5'000);
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
        {R"({"office": "X", "first_run_setup": "yes"})", "config.bad_field", "first_run_setup"},
    };
    for (const auto& c : cases) {
        const auto p = problem_of([&] { parse_kiosk_config(c.json, "kantor.json", "/a"); });
        EXPECT_EQ(p.key, c.key) << c.json;
        EXPECT_EQ(arg(p, "field"), c.field) << c.json;
        EXPECT_EQ(arg(p, "file"), "kantor.json");
    }
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
