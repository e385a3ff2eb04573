// `skm poster` as staff run it on the imported demo year: the PDF's text
// holds the IKM, mutu and respondents `skm score --json` gives for the
// period, in each language; A4 and A3 pages; the PNG is 1080×1080; a layanan
// under min-n shows no figure; the settings reach the poster; bad arguments
// are usage errors (exit 2) that write nothing.
#include "report_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

namespace skm::reports {
namespace {

using test::comma;
using test::skm;

class SkmPoster : public test::DemoYearSuite {
protected:
    static std::string config() { return (test::kSource / "assets" / "kiosk" / "demo.json").string(); }

    // `skm score --db --by semester --json`: the group of 2025-S2.
    static nlohmann::json second_semester() {
        const auto score = skm({"score", "--db", db(), "--by", "semester", "--json"});
        EXPECT_EQ(score.exit_code, 0) << score.err;
        const auto json = nlohmann::json::parse(score.out);  // kept: a loop over a temporary's member dangles
        for (const auto& group : json["groups"]) {
            if (group["key"] == "2025-S2") return group;
        }
        ADD_FAILURE() << score.out;
        return {};
    }
};

TEST_F(SkmPoster, PdfHoldsWhatSkmScoreSaysInEachLanguage) {
    const auto group = second_semester();
    const std::string ikm = group["ikm"].get<std::string>();
    const std::string mutu = group["mutu"].get<std::string>();
    const std::string respondents = std::to_string(group["respondents"].get<std::uint64_t>());
    const std::map<std::string, std::vector<std::string>> expected = {
        {"id", {comma(ikm), respondents + " responden", "Mutu pelayanan", "Yang kami tindak lanjuti", "SP4N-LAPOR"}},
        {"en", {ikm, respondents + " respondents", "Service quality", "What we are following up", "SP4N-LAPOR"}},
        {"jv", {comma(ikm), respondents + " responden", "Ingkang kawula tindak lajengi", "SP4N-LAPOR"}},
    };
    ASSERT_EQ(skm({"settings", "set", "follow_up", "Menambah loket pada hari Senin.", "--db", db()}).exit_code, 0);
    ASSERT_EQ(skm({"settings", "set", "office_contact", "WA 0812-0000-1111", "--db", db()}).exit_code, 0);
    for (const auto& [lang, words] : expected) {
        const std::string out = file("poster-" + lang + ".pdf");
        const auto result = skm({"--lang", lang, "poster", "--db", db(), "--period", "2025-S2", "--config", config(), "-o", out});
        ASSERT_EQ(result.exit_code, 0) << lang << ": " << result.err;
        EXPECT_EQ(result.err, "") << lang;  // everything set: nothing left out
        const std::string text = test::pdf_text(out);
        for (const auto& word : words) EXPECT_NE(text.find(word), std::string::npos) << lang << ": " << word << "\n" << text;
        // The mutu letter stands alone in its panel, its words under it.
        const std::map<std::string, std::string> words_of_b = {{"id", "Baik"}, {"en", "Good"}, {"jv", "Sae"}};
        ASSERT_EQ(mutu, "B");
        EXPECT_TRUE(std::regex_search(text, std::regex("(^|\\s)B\\s*" + words_of_b.at(lang) + "(\\s|$)"))) << lang << "\n" << text;
        EXPECT_NE(text.find("Kantor Kecamatan Sukamaju"), std::string::npos);
        EXPECT_NE(text.find("WA 0812-0000-1111"), std::string::npos);
        EXPECT_NE(result.out.find(lang == "en" ? ikm : comma(ikm)), std::string::npos) << result.out;
        EXPECT_EQ(test::pdf_pages(out), 1);
    }
    // The previous semester's IKM is quoted for the change.
    const auto score = skm({"score", "--db", db(), "--by", "semester", "--json"});
    const std::string s1 = nlohmann::json::parse(score.out)["groups"][0]["ikm"].get<std::string>();
    EXPECT_NE(test::pdf_text(file("poster-id.pdf")).find(comma(s1)), std::string::npos) << s1;
}

TEST_F(SkmPoster, A4AndA3Pages) {
    for (const auto& [paper, size] : std::vector<std::pair<std::string, std::string>>{{"a4", "595.276 x 841.89"}, {"a3", "841.89 x 1190.55"}}) {
        const std::string out = file("poster-" + paper + ".pdf");
        const auto result = skm({"poster", "--db", db(), "--period", "2025", "--paper", paper, "-o", out});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const auto info = testing::run_program({test::tool("pdfinfo"), out});
        EXPECT_NE(info.out.find(size), std::string::npos) << info.out;
    }
}

TEST_F(SkmPoster, ThePngIs1080By1080) {
    const auto result = skm({"poster", "--db", db(), "--period", "2025-S2", "--config", config(), "-o", file("poster.png")});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string png = test::read_file(file("poster.png"));
    ASSERT_GT(png.size(), 24u);
    EXPECT_EQ(png.substr(1, 3), "PNG");
    EXPECT_EQ(png.substr(12, 4), "IHDR");
    const auto u32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
               (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
    };
    EXPECT_EQ(u32(16), 1080);
    EXPECT_EQ(u32(20), 1080);
}

TEST_F(SkmPoster, ALayananUnderMinNShowsNoFigure) {
    // Informasi has 49 respondents in 2025: enough at min-n 5, not at 50.
    const auto score = skm({"score", "--db", db(), "--by", "layanan", "--json"});
    std::string informasi;
    const auto json = nlohmann::json::parse(score.out);
    for (const auto& group : json["groups"]) {
        if (group["key"] == "Informasi") informasi = comma(group["ikm"].get<std::string>());
    }
    ASSERT_FALSE(informasi.empty());
    const auto enough = skm({"poster", "--db", db(), "--period", "2025", "--layanan", "Informasi", "-o", file("info.pdf")});
    ASSERT_EQ(enough.exit_code, 0) << enough.err;
    EXPECT_NE(test::pdf_text(file("info.pdf")).find(informasi), std::string::npos);

    ASSERT_EQ(skm({"settings", "set", "min_n", "50", "--db", db()}).exit_code, 0);
    const auto small = skm({"poster", "--db", db(), "--period", "2025", "--layanan", "Informasi", "-o", file("small.pdf")});
    ASSERT_EQ(skm({"settings", "set", "min_n", "5", "--db", db()}).exit_code, 0);
    ASSERT_EQ(small.exit_code, 0) << small.err;
    const std::string text = test::pdf_text(file("small.pdf"));
    EXPECT_NE(text.find("Belum cukup data"), std::string::npos) << text;
    EXPECT_NE(text.find("50 responden"), std::string::npos) << text;
    EXPECT_EQ(text.find(informasi), std::string::npos);
    EXPECT_EQ(text.find("49"), std::string::npos);  // not even the count
    // No IKM-like number and no NRR at all: no "dd,dd" nor "d,ddd".
    EXPECT_FALSE(std::regex_search(text, std::regex("\\d,\\d\\d"))) << text;
    EXPECT_NE(small.out.find("belum cukup data"), std::string::npos) << small.out;
}

TEST_F(SkmPoster, ASampleNotReachedCarriesACaveat) {
    ASSERT_EQ(skm({"settings", "set", "population", "2000", "--year", "2025", "--layanan", "Pengaduan", "--db", db()}).exit_code, 0);
    const auto result = skm({"poster", "--db", db(), "--period", "2025", "--layanan", "Pengaduan", "-o", file("caveat.pdf")});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string text = test::pdf_text(file("caveat.pdf"));
    // Krejcie–Morgan for 2000 is 322; Pengaduan has 92 respondents in 2025.
    EXPECT_NE(text.find("Sampel minimal 322 responden belum tercapai (kurang 230)"), std::string::npos) << text;
}

TEST_F(SkmPoster, UnsetSettingsAreSaidNotInvented) {
    const auto result = skm({"poster", "--db", db(), "--period", "2025-S1", "-o", file("bare.pdf")});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("office"), std::string::npos) << result.err;
    EXPECT_EQ(test::pdf_text(file("bare.pdf")).find("nama kantor belum diisi"), std::string::npos);
}

TEST_F(SkmPoster, UsageErrorsExitTwoAndWriteNothing) {
    const std::vector<std::vector<std::string>> bad = {
        {"poster", "--db", db(), "--period", "2025", "-o", file("x.png"), "--paper", "a4"},
        {"poster", "--db", db(), "--period", "2025", "-o", file("x.pdf"), "--paper", "a5"},
        {"poster", "--db", db(), "--period", "2025", "-o", file("x.jpg")},
        {"poster", "--db", db(), "--period", "2025"},
        {"poster", "--db", db(), "-o", file("x.pdf")},
        {"poster", "--period", "2025", "-o", file("x.pdf")},
        {"poster", "--db", db(), "--period", "2025-S3", "-o", file("x.pdf")},
        {"poster", "--db", db(), "--period", "2025", "--layanan", "Tidak Ada", "-o", file("x.pdf")},
        {"poster", "--db", db(), "--period", "2025", "-o", file("x.pdf"), "--format", "pdf"},
    };
    test::expect_usage_errors(bad);
    for (const char* name : {"x.png", "x.pdf", "x.jpg"}) EXPECT_FALSE(std::filesystem::exists(file(name))) << name;
    const auto png = skm({"poster", "--db", db(), "--period", "2025", "-o", file("x.png"), "--paper", "a3"});
    EXPECT_NE(png.err.find("1080"), std::string::npos) << png.err;
    // An office without a single answer in the period: input error (3), no poster.
    const auto empty = skm({"poster", "--db", db(), "--period", "2019", "-o", file("x.pdf")});
    EXPECT_EQ(empty.exit_code, 3) << empty.err;
    EXPECT_FALSE(std::filesystem::exists(file("x.pdf")));
}

}  // namespace
}  // namespace skm::reports
