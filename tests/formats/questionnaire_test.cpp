// formats/questionnaire: the regulation questionnaire loads as docs/reference/file-formats.md#questionnaire defines
// it; broken definitions are refused with a problem naming the file.
#include "formats/questionnaire.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace skm::formats {
namespace {

using nlohmann::json;
using test::arg;
using test::caught;

const std::filesystem::path kPermenpanFile =
    std::filesystem::path(SKM_SOURCE_DIR) / "assets" / "questionnaire" / "permenpan-14-2017.json";

json unsur_json(const std::string& code, const std::string& weight) {
    json labels = json::array({"Tidak baik", "Kurang baik", "Baik", "Sangat baik"});
    return json{{"code", code},
                {"weight", weight},
                {"name", {{"id", "Nama " + code}, {"en", "Name " + code}, {"jv", "Asma " + code}}},
                {"text", {{"id", "Tanya " + code + "?"}, {"en", "Ask " + code + "?"}, {"jv", "Pitaken " + code + "?"}}},
                {"answers", {{"id", labels}, {"en", {"Bad", "Less good", "Good", "Very good"}}, {"jv", labels}}}};
}

json questionnaire_json(const std::vector<std::pair<std::string, std::string>>& code_weights) {
    json root{{"id", "kustom"}, {"version", 3}, {"unsur", json::array()}};
    for (const auto& [code, weight] : code_weights) root["unsur"].push_back(unsur_json(code, weight));
    return root;
}

json nine_equal(const std::string& weight = "1/9") {
    std::vector<std::pair<std::string, std::string>> items;
    for (auto code : scoring::kPermenpan2017Codes) items.emplace_back(std::string(code), weight);
    return questionnaire_json(items);
}

Problem refusal(const std::string& text, const std::string& file = "kustom.json");

// The refusal of nine_equal() once `change` has spoiled it.
template <typename Change>
Problem refusal_after(Change change) {
    json root = nine_equal();
    change(root);
    return refusal(root.dump());
}

Problem refusal(const std::string& text, const std::string& file) {
    auto error = caught([&] { parse_questionnaire(text, file); });
    if (!error) {
        ADD_FAILURE() << "parse_questionnaire did not throw skm::Error";
        return {};
    }
    EXPECT_EQ(error->kind, ErrorKind::input);
    EXPECT_EQ(arg(error->problem, "file"), file) << error->problem.key;
    return error->problem;
}

// ---- the shipped questionnaire --------------------------------------------------

TEST(Questionnaire, PermenpanFileHasNineCodesInOrderWithWeightOneNinth) {
    const auto q = load_questionnaire(kPermenpanFile);
    EXPECT_EQ(q.id, "permenpan-14-2017");
    EXPECT_EQ(q.version, 1);
    EXPECT_EQ(q.codes(), test::permenpan_codes());
    ASSERT_EQ(q.scheme.size(), 9u);
    mpq_class total = 0;
    for (std::size_t i = 0; i < 9; ++i) {
        EXPECT_EQ(q.scheme.code(i), scoring::kPermenpan2017Codes[i]);
        EXPECT_EQ(q.scheme.weight(i), mpq_class(1, 9)) << q.scheme.code(i);
        EXPECT_EQ(q.unsur[i].weight_text, "1/9");
        total += q.scheme.weight(i);
    }
    EXPECT_EQ(total, 1);
}

TEST(Questionnaire, PermenpanFileHasEveryTextInEveryLanguage) {
    const auto q = load_questionnaire(kPermenpanFile);
    for (const auto& u : q.unsur) {
        for (auto lang : kLanguages) {
            const std::string l(lang);
            EXPECT_FALSE(u.name.at(l).empty()) << u.code << " " << l;
            EXPECT_FALSE(u.question.at(l).empty()) << u.code << " " << l;
            for (const auto& label : u.answers.at(l)) EXPECT_FALSE(label.empty()) << u.code << " " << l;
        }
    }
    EXPECT_EQ(q.unsur[0].answers.at("id")[0], "Tidak sesuai");
    EXPECT_EQ(q.unsur[0].answers.at("id")[3], "Sangat sesuai");
}

TEST(Questionnaire, MissingFileIsUnreadable) {
    auto error = caught([] { load_questionnaire(std::filesystem::path(SKM_SOURCE_DIR) / "assets" / "no-such.json"); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, ErrorKind::input);
    EXPECT_EQ(error->problem.key, "file.unreadable");
}

// ---- custom questionnaires that load -------------------------------------------

TEST(Questionnaire, TenUnsurOfOneTenthLoad) {
    std::vector<std::pair<std::string, std::string>> items;
    for (int i = 0; i < 10; ++i) items.emplace_back("unsur_" + std::to_string(i), "1/10");
    const auto q = parse_questionnaire(questionnaire_json(items).dump(), "sepuluh.json");
    EXPECT_EQ(q.id, "kustom");
    EXPECT_EQ(q.version, 3);
    ASSERT_EQ(q.scheme.size(), 10u);
    for (std::size_t i = 0; i < 10; ++i) EXPECT_EQ(q.scheme.weight(i), mpq_class(1, 10));
    EXPECT_EQ(q.codes().back(), "unsur_9");
}

TEST(Questionnaire, TenUnsurOfMixedExactFractionsLoad) {
    // 2 × 1/6 + 8 × 1/12 = 1, and no decimal rounding may be involved.
    std::vector<std::pair<std::string, std::string>> items = {{"a", "1/6"}, {"b", "2/12"}};
    for (int i = 0; i < 8; ++i) items.emplace_back("c" + std::to_string(i), "1/12");
    const auto q = parse_questionnaire(questionnaire_json(items).dump(), "campuran.json");
    ASSERT_EQ(q.scheme.size(), 10u);
    EXPECT_EQ(q.scheme.weight(0), mpq_class(1, 6));
    EXPECT_EQ(q.scheme.weight(1), mpq_class(1, 6));
    EXPECT_EQ(q.scheme.weight(9), mpq_class(1, 12));
    EXPECT_EQ(q.unsur[1].weight_text, "2/12");
}

TEST(Questionnaire, ScreenOrderIsListOrder) {
    const auto q = parse_questionnaire(questionnaire_json({{"zeta", "1/2"}, {"alfa", "1/2"}}).dump(), "urutan.json");
    EXPECT_EQ(q.codes(), (std::vector<std::string>{"zeta", "alfa"}));
    EXPECT_EQ(q.scheme.code(0), "zeta");
}

// ---- refusals ----------------------------------------------------------------------

TEST(Questionnaire, WeightsNotSummingToOneNameTheFile) {
    const auto problem = refusal(nine_equal("1/10").dump());
    EXPECT_EQ(problem.key, "scheme.weights_not_one");
    EXPECT_EQ(arg(problem, "sum"), "9/10");
}

TEST(Questionnaire, LegacyDecimalWeightsDoNotSumToOne) {
    const auto problem = refusal(nine_equal("0.111").dump());
    EXPECT_EQ(problem.key, "scheme.weights_not_one");
    EXPECT_EQ(arg(problem, "sum"), "999/1000");
}

TEST(Questionnaire, WeightsNotOneFromAFileNameTheRealPath) {
    test::TempDir dir;
    const auto path = dir.write("salah.json", nine_equal("1/8").dump());
    auto error = caught([&] { load_questionnaire(path); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->problem.key, "scheme.weights_not_one");
    EXPECT_EQ(arg(error->problem, "file"), path.string());
}

TEST(Questionnaire, DuplicateCode) {
    const auto problem = refusal_after([](json& root) { root["unsur"][4]["code"] = "persyaratan"; });
    EXPECT_EQ(problem.key, "scheme.duplicate_code");
    EXPECT_EQ(arg(problem, "unsur"), "persyaratan");
}

TEST(Questionnaire, MissingJavaneseText) {
    const auto problem = refusal_after([](json& root) { root["unsur"][2]["text"].erase("jv"); });
    EXPECT_EQ(problem.key, "questionnaire.missing_text");
    EXPECT_EQ(arg(problem, "detail"), "jv");
    EXPECT_NE(arg(problem, "where").find("waktu"), std::string::npos) << arg(problem, "where");
}

TEST(Questionnaire, EmptyEnglishNameIsMissing) {
    const auto problem = refusal_after([](json& root) { root["unsur"][0]["name"]["en"] = ""; });
    EXPECT_EQ(problem.key, "questionnaire.missing_text");
    EXPECT_EQ(arg(problem, "detail"), "en");
}

TEST(Questionnaire, ThreeAnswersInsteadOfFour) {
    const auto problem =
        refusal_after([](json& root) { root["unsur"][8]["answers"]["en"] = json::array({"Bad", "Good", "Very good"}); });
    EXPECT_EQ(problem.key, "questionnaire.answers_not_four");
    EXPECT_EQ(arg(problem, "detail"), "en");
    EXPECT_NE(arg(problem, "where").find("sarana"), std::string::npos) << arg(problem, "where");
}

TEST(Questionnaire, FiveAnswersOrAnEmptyLabel) {
    auto five = nine_equal();
    five["unsur"][0]["answers"]["id"].push_back("Luar biasa");
    EXPECT_EQ(refusal(five.dump()).key, "questionnaire.answers_not_four");
    auto empty_label = nine_equal();
    empty_label["unsur"][0]["answers"]["jv"][2] = "";
    EXPECT_EQ(refusal(empty_label.dump()).key, "questionnaire.answers_not_four");
}

TEST(Questionnaire, BadWeightText) {
    const auto problem = refusal_after([](json& root) { root["unsur"][1]["weight"] = "abc"; });
    EXPECT_EQ(problem.key, "questionnaire.bad_weight");
    EXPECT_EQ(arg(problem, "where"), "prosedur");
    EXPECT_EQ(arg(problem, "detail"), "abc");
}

TEST(Questionnaire, WeightGivenAsJsonNumberIsRefused) {
    auto root = nine_equal();
    root["unsur"][1]["weight"] = 0.111;
    EXPECT_EQ(refusal(root.dump()).key, "questionnaire.bad_field");
}

TEST(Questionnaire, ZeroWeightIsRefused) {
    auto root = questionnaire_json({{"a", "1/1"}, {"b", "0/5"}});
    const auto problem = refusal(root.dump());
    EXPECT_EQ(problem.key, "scheme.weight_not_positive");
    EXPECT_EQ(arg(problem, "unsur"), "b");
}

TEST(Questionnaire, BadCodeIsRefused) {
    auto root = nine_equal();
    root["unsur"][0]["code"] = "Persyaratan Pelayanan";
    EXPECT_EQ(refusal(root.dump()).key, "scheme.bad_code");
}

TEST(Questionnaire, NotJson) {
    for (const std::string text : {"", "{\"id\": \"x\", ", "id: permenpan", "<xml/>"}) {
        EXPECT_EQ(refusal(text).key, "questionnaire.not_json") << text;
    }
}

TEST(Questionnaire, MissingTopLevelFields) {
    auto no_unsur = nine_equal();
    no_unsur.erase("unsur");
    EXPECT_EQ(refusal(no_unsur.dump()).key, "questionnaire.bad_field");
    auto empty_unsur = nine_equal();
    empty_unsur["unsur"] = json::array();
    EXPECT_EQ(refusal(empty_unsur.dump()).key, "questionnaire.bad_field");
    auto no_version = nine_equal();
    no_version["version"] = "1";
    EXPECT_EQ(arg(refusal(no_version.dump()), "where"), "version");
    EXPECT_EQ(refusal("[1, 2]").key, "questionnaire.bad_field");
}

TEST(Questionnaire, VersionBeyondIntIsRefusedNotWrapped) {
    // 2^32 + 1 would wrap to version 1.
    const auto problem = refusal_after([](json& root) { root["version"] = 4294967297LL; });
    EXPECT_EQ(problem.key, "questionnaire.bad_field");
    EXPECT_EQ(arg(problem, "where"), "version");
}

}  // namespace
}  // namespace skm::formats
