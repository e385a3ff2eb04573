// The office's profile sub-options (formats/profile_options): the shipped
// defaults, and every malformed file refused with its own problem key.
#include "formats/profile_options.hpp"

#include "formats/profile_detail.hpp"
#include "scoring/problem.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace skm::formats {
namespace {

const std::filesystem::path kDefaults = std::filesystem::path(SKM_SOURCE_DIR) / "assets" / "kiosk" / "profile-options.json";

std::string problem_of(const std::string& json) {
    try {
        parse_profile_options(json, "opsi.json");
    } catch (const Error& e) {
        EXPECT_EQ(e.problem().args.at(0), (std::pair<std::string, std::string>{"file", "opsi.json"}));
        return e.problem().key;
    }
    return "";
}

TEST(ProfileOptions, TheShippedDefaultsCountEachSubOptionUnderAnOfficialCode) {
    const auto options = load_profile_options(kDefaults);
    ASSERT_EQ(options.of("pendidikan").size(), 1u);
    const auto* none = options.find("pendidikan", "tidak_sekolah");
    ASSERT_NE(none, nullptr);
    EXPECT_EQ(none->code, "SD");
    EXPECT_EQ(none->label.at("id"), "Tidak sekolah");
    const char* under_lainnya[] = {"petani_nelayan", "pelajar_mahasiswa", "ibu_rumah_tangga", "pensiunan", "tidak_bekerja"};
    ASSERT_EQ(options.of("pekerjaan").size(), 5u);
    for (const char* key : under_lainnya) {
        const auto* option = options.find("pekerjaan", key);
        ASSERT_NE(option, nullptr) << key;
        EXPECT_EQ(option->code, "Lainnya") << key;
        EXPECT_EQ(option->label.size(), 3u) << key;
        // Every key is one profile_detail accepts.
        EXPECT_TRUE(parse_profile_detail(std::string("pekerjaan=") + key)) << key;
    }
    EXPECT_EQ(options.of("pekerjaan")[0].key, "petani_nelayan");  // screen order is file order
    EXPECT_TRUE(options.of("umur").empty());
    EXPECT_EQ(options.find("pekerjaan", "nelayan"), nullptr);
}

TEST(ProfileOptions, RefusesEachMistakeByName) {
    const std::string label = R"("label": {"id": "Petani", "en": "Farmer", "jv": "Tani"})";
    EXPECT_EQ(problem_of("{"), "profile_options.not_json");
    EXPECT_EQ(problem_of("[]"), "profile_options.bad_entry");
    EXPECT_EQ(problem_of(R"({"hobi": []})"), "profile_options.bad_field");
    EXPECT_EQ(problem_of(R"({"pekerjaan": {}})"), "profile_options.bad_field");
    EXPECT_EQ(problem_of(R"({"pekerjaan": ["petani"]})"), "profile_options.bad_entry");
    EXPECT_EQ(problem_of(R"({"pekerjaan": [{"key": "Petani", "code": "Lainnya", )" + label + "}]}"),
              "profile_options.bad_key");
    EXPECT_EQ(problem_of(R"({"pekerjaan": [{"key": "petani", "code": "Petani", )" + label + "}]}"),
              "profile_options.bad_code");
    EXPECT_EQ(problem_of(R"({"pekerjaan": [{"key": "petani", "code": "SD", )" + label + "}]}"),
              "profile_options.bad_code");  // a code of another field
    EXPECT_EQ(problem_of(R"({"pekerjaan": [{"key": "petani", "code": "Lainnya", "label": {"id": "Petani", "en": "Farmer"}}]})"),
              "profile_options.bad_label");
    EXPECT_EQ(problem_of(R"({"pekerjaan": [{"key": "petani", "code": "Lainnya", )" + label + R"(}, {"key": "petani", "code": "Wirausaha", )" + label + "}]}"),
              "profile_options.duplicate");
    EXPECT_EQ(problem_of(R"({"_comment": "x", "pekerjaan": []})"), "");
}

}  // namespace
}  // namespace skm::formats
