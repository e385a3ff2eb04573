// `skm report` as staff run it: on the imported demo year it writes every
// format with the figures `skm score --db --json` gives; bad arguments are
// usage errors (exit 2), an empty period a clear input error (exit 3), a
// missing database or an unwritable file a storage error (exit 4), and no
// half-written file is ever left behind.
#include "report_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace skm::reports {
namespace {

using test::comma;
using test::skm;

bool no_partial_files(const std::filesystem::path& dir) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".partial") return false;
    }
    return true;
}

class SkmReport : public test::DemoYearSuite {};

TEST_F(SkmReport, PdfHoldsWhatSkmScoreSays) {
    const auto score = skm({"score", "--db", db(), "--json"});
    ASSERT_EQ(score.exit_code, 0) << score.err;
    const auto json = nlohmann::json::parse(score.out);  // the demo data is exactly one year: 2025

    const auto report = skm({"report", "--db", db(), "--period", "2025", "--format", "pdf", "-o", file("laporan.pdf"), "--config",
                             (test::kSource / "assets" / "kiosk" / "demo.json").string()});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    EXPECT_NE(report.out.find(comma(json["ikm"].get<std::string>())), std::string::npos) << report.out;
    const std::string text = test::pdf_text(file("laporan.pdf"));
    EXPECT_NE(text.find(comma(json["ikm"].get<std::string>())), std::string::npos);
    EXPECT_NE(text.find(comma(json["ikm_unit"].get<std::string>())), std::string::npos);
    for (const auto& [code, unsur] : json["unsur"].items()) {
        EXPECT_NE(text.find(comma(unsur["nrr"].get<std::string>())), std::string::npos) << code;
    }
    EXPECT_NE(text.find("Kantor Kecamatan Sukamaju"), std::string::npos);
    EXPECT_NE(text.find("Kabupaten Contoh"), std::string::npos);
    EXPECT_TRUE(no_partial_files(*dir_));
}

TEST_F(SkmReport, EveryFormatWithEveryPeriodForm) {
    for (const std::string period : {"2025", "2025-S2", "2025-TW3", "2025-03", "2025-02-01..2025-04-15"}) {
        for (const std::string format : {"pdf", "xlsx", "csv", "csv-id"}) {
            const std::string out = file("r-" + format + "." + (format == "csv-id" ? "csv" : format));
            const auto result = skm({"report", "--db", db(), "--period", period, "--format", format, "-o", out});
            ASSERT_EQ(result.exit_code, 0) << period << " " << format << ": " << result.err;
            EXPECT_GT(std::filesystem::file_size(out), 200u) << period << " " << format;
        }
    }
    const auto semesters = skm({"report", "--db", db(), "--period", "2025", "--annual", "semesters", "--format", "csv", "-o", file("s.csv")});
    ASSERT_EQ(semesters.exit_code, 0) << semesters.err;
    EXPECT_NE(test::read_file(file("s.csv")).find("rata-rata IKM dua semester"), std::string::npos);
    EXPECT_TRUE(no_partial_files(*dir_));
}

TEST_F(SkmReport, CsvIdIsTheIndonesianExcelDialect) {
    const auto result = skm({"report", "--db", db(), "--period", "2025-S1", "--format", "csv-id", "-o", file("id.csv")});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string csv = test::read_file(file("id.csv"));
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
    const auto score = skm({"score", "--db", db(), "--by", "semester", "--json"});
    const auto json = nlohmann::json::parse(score.out);
    const std::string ikm = json["groups"][0]["ikm"].get<std::string>();  // 2025-S1
    EXPECT_NE(csv.find(";" + comma(ikm) + "\n"), std::string::npos) << ikm;
}

TEST_F(SkmReport, UsageErrorsExitTwo) {
    const std::vector<std::vector<std::string>> bad = {
        {"report", "--db", db(), "--period", "2025-S3", "--format", "pdf", "-o", file("x.pdf")},
        {"report", "--db", db(), "--period", "2025-13", "--format", "pdf", "-o", file("x.pdf")},
        {"report", "--db", db(), "--period", "2025-06-30..2025-01-01", "--format", "pdf", "-o", file("x.pdf")},
        {"report", "--db", db(), "--period", "2025", "--format", "docx", "-o", file("x.pdf")},
        {"report", "--db", db(), "--period", "2025", "--format", "pdf", "-o", file("x.pdf"), "--annual", "mean"},
        {"report", "--db", db(), "--format", "pdf", "-o", file("x.pdf")},
        {"report", "--db", db(), "--period", "2025", "-o", file("x.pdf")},
        {"report", "--db", db(), "--period", "2025", "--format", "pdf"},
        {"report", "--period", "2025", "--format", "pdf", "-o", file("x.pdf")},
        {"report", "--db", db(), "--period", "2025", "--format", "pdf", "-o", file("x.pdf"), "--by", "layanan"},
    };
    test::expect_usage_errors(bad);
    EXPECT_FALSE(std::filesystem::exists(file("x.pdf")));
}

TEST_F(SkmReport, AnEmptyPeriodSaysSoAndWritesNothing) {
    const auto result = skm({"report", "--db", db(), "--period", "2019-S1", "--format", "pdf", "-o", file("kosong.pdf")});
    EXPECT_EQ(result.exit_code, 3) << result.err;
    EXPECT_NE(result.err.find("2019-S1"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("1 Januari 2019 s.d. 30 Juni 2019"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(file("kosong.pdf")));
    const auto english = skm({"report", "--db", db(), "--period", "2019", "--format", "pdf", "-o", file("kosong.pdf"), "--lang", "en"});
    EXPECT_EQ(english.exit_code, 3);
    EXPECT_NE(english.err.find("no survey responses"), std::string::npos) << english.err;
}

TEST_F(SkmReport, StorageProblemsExitFour) {
    const auto missing = skm({"report", "--db", file("tidak-ada.db"), "--period", "2025", "--format", "pdf", "-o", file("x.pdf")});
    EXPECT_EQ(missing.exit_code, 4) << missing.err;
    EXPECT_FALSE(std::filesystem::exists(file("tidak-ada.db"))) << "a report must not create a database";

    const auto unwritable = skm({"report", "--db", db(), "--period", "2025", "--format", "pdf", "-o", file("no-folder/x.pdf")});
    EXPECT_EQ(unwritable.exit_code, 4) << unwritable.err;
    EXPECT_TRUE(no_partial_files(*dir_));
}

TEST_F(SkmReport, AnExistingReportIsReplacedWhole) {
    testing::write_file(file("lama.csv"), "isi lama");
    const auto result = skm({"report", "--db", db(), "--period", "2025-03", "--format", "csv", "-o", file("lama.csv")});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string csv = test::read_file(file("lama.csv"));
    EXPECT_EQ(csv.find("isi lama"), std::string::npos);
    EXPECT_NE(csv.find("Maret 2025"), std::string::npos);
}

}  // namespace
}  // namespace skm::reports
