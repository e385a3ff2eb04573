// The PDF, XLSX and CSV reports carry exactly the figures of scoring (the
// golden cases, which `skm score --json` is checked against), in Indonesian
// format where a person reads them. The PDF is read back with pdftotext, the
// XLSX cell by cell out of its zip; the demo year's pages are rendered to PNG
// in build/<kind>/test-artifacts/reports/ for a person to look at.
#include "reports/csv_report.hpp"
#include "reports/pdf_report.hpp"
#include "reports/report_data.hpp"
#include "reports/write_report.hpp"
#include "report_test_support.hpp"
#include "store/office_data.hpp"
#include "store/outbox.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <regex>
#include <sstream>

namespace skm::reports {
namespace {

using test::TestStore;

// The report data as the writers get it, for a named office.
ReportData office_report(TestStore& db, std::string_view period, AnnualMethod method = AnnualMethod::pooled) {
    return test::gather(db, period, method, "Kantor Kecamatan Uji");
}

std::string comma(std::string text) {
    for (char& c : text) {
        if (c == '.') c = ',';
    }
    return text;
}

double number(const std::string& text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    EXPECT_TRUE(error == std::errc() && end == text.data() + text.size()) << text;
    return value;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// Without any white space: a phrase matches whatever the line breaks of the PDF.
std::string squeeze(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') out.push_back(c);
    }
    return out;
}

bool has_phrase(const std::string& text, const std::string& phrase) { return squeeze(text).find(squeeze(phrase)) != std::string::npos; }

// Some line holds both texts (a table row: the unsur's name and its NRR).
bool same_line(const std::string& text, const std::string& a, const std::string& b) {
    for (const auto& line : lines_of(text)) {
        const auto at = line.find(a);
        if (at != std::string::npos && line.find(b, at + a.size()) != std::string::npos) return true;
    }
    return false;
}

std::string unsur_name(std::size_t i) { return test::questionnaire().unsur[i].name.at("id"); }

std::vector<nlohmann::json> golden_totals() {
    std::vector<nlohmann::json> out;
    for (const auto& c : test::golden()["ikm"]) {
        if (c["expect"].contains("ikm")) out.push_back(c);
    }
    return out;
}

// ---- PDF -------------------------------------------------------------------------

TEST(PdfReport, TextHoldsTheGoldenIkmNrrAndMutuInIndonesianFormat) {
    const auto catalog = test::catalog("id");
    for (const auto& c : golden_totals()) {
        SCOPED_TRACE(c["name"].get<std::string>());
        const auto& expect = c["expect"];
        TestStore db(c["csv"].get<std::string>());
        const auto pdf = db.dir() / "laporan.pdf";
        write_pdf_report(office_report(db, "2024"), catalog, pdf);
        const std::string text = test::pdf_text(pdf);

        const std::string ikm = comma(expect["ikm"].get<std::string>());
        EXPECT_NE(text.find(ikm), std::string::npos) << ikm;
        EXPECT_EQ(text.find(expect["ikm"].get<std::string>()), std::string::npos) << "a decimal point instead of a comma";
        EXPECT_NE(text.find(comma(expect["ikm_unit"].get<std::string>())), std::string::npos);
        const std::string mutu = expect["mutu"].get<std::string>();
        EXPECT_TRUE(has_phrase(text, "Mutu pelayanan " + mutu + " — " + expect["kinerja"].get<std::string>()));
        for (std::size_t i = 0; i < test::questionnaire().unsur.size(); ++i) {
            const std::string code = test::questionnaire().unsur[i].code;
            const std::string nrr = comma(expect["unsur"][code]["nrr"].get<std::string>());
            EXPECT_TRUE(same_line(text, unsur_name(i), nrr)) << code << " " << nrr;
        }
        EXPECT_NE(text.find(comma(expect["legacy"]["0.111"].get<std::string>())), std::string::npos);
        EXPECT_TRUE(has_phrase(text, "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT"));
        EXPECT_TRUE(has_phrase(text, "Kantor Kecamatan Uji"));
    }
}

TEST(PdfReport, EveryPageHasContentAndItsNumber) {
    const auto c = golden_totals()[3];  // 500 respondents over a year
    TestStore db(c["csv"].get<std::string>());
    const auto pdf = db.dir() / "laporan.pdf";
    write_pdf_report(office_report(db, "2024"), test::catalog("id"), pdf);
    const int pages = test::pdf_pages(pdf);
    ASSERT_GE(pages, 3);
    for (int page = 1; page <= pages; ++page) {
        const std::string text = test::pdf_text(pdf, page, page);
        EXPECT_TRUE(has_phrase(text, "Halaman " + std::to_string(page) + " dari " + std::to_string(pages))) << page;
        EXPECT_GT(text.size(), 400u) << "page " << page << " is nearly empty:\n" << text;
    }
    // Noto Sans embedded, so the report looks the same on every computer.
    const auto fonts = testing::run_program({test::tool("pdffonts"), pdf.string()});
    EXPECT_NE(fonts.out.find("NotoSans-Regular"), std::string::npos) << fonts.out;
    EXPECT_NE(fonts.out.find("NotoSans-Bold"), std::string::npos) << fonts.out;
}

TEST(PdfReport, AnnualReportSaysWhichMethodAndShowsTheOther) {
    for (const auto& c : test::golden()["ikm"]) {
        if (!c["expect"].contains("groups_by_year")) continue;
        const auto& year = c["expect"]["groups_by_year"][0];
        const std::string pooled = comma(year["ikm"].get<std::string>());
        const std::string mean = comma(year["ikm_mean_of_semesters"].get<std::string>());
        TestStore db(c["csv"].get<std::string>());
        const auto pdf = db.dir() / "laporan.pdf";

        write_pdf_report(office_report(db, "2024", AnnualMethod::semesters), test::catalog("id"), pdf);
        std::string text = test::pdf_text(pdf);
        EXPECT_TRUE(has_phrase(text, "dihitung dengan cara rata-rata IKM dua semester: " + mean)) << text;
        EXPECT_TRUE(has_phrase(text, "gabungan seluruh responden setahun, hasilnya " + pooled));
        EXPECT_TRUE(has_phrase(text, "Mutu pelayanan C — Kurang baik"));

        write_pdf_report(office_report(db, "2024", AnnualMethod::pooled), test::catalog("id"), pdf);
        text = test::pdf_text(pdf);
        EXPECT_TRUE(has_phrase(text, "dihitung dengan cara gabungan seluruh responden setahun: " + pooled));
        EXPECT_TRUE(has_phrase(text, "rata-rata IKM dua semester, hasilnya " + mean));
        EXPECT_TRUE(has_phrase(text, "Mutu pelayanan B — Baik"));
        return;
    }
    FAIL() << "no golden case with groups_by_year";
}

// A semester's respondents by how they answered: the kiosk's own and the
// phone-link answers the kiosk downloaded from the hub (store::Outbox).
TEST(PdfReport, TheRespondentsByChannelIncludeTheDownloadedLinkAnswers) {
    TestStore db;
    auto answer = [](const std::string& id, const std::string& date, const std::string& channel) {
        store::Submission s;
        s.response.response_id = id;
        s.response.submitted_at = date + "T10:00:00+07:00";
        s.response.layanan = "KTP-el";
        s.response.answers = {4, 3, 3, 4, 4, 3, 4, 3, 4};
        s.response.questionnaire_version = std::to_string(test::questionnaire().version);
        s.response.origin = "kiosk";
        s.response.channel = channel;
        s.questionnaire_id = test::questionnaire().id;
        return s;
    };
    std::vector<store::Submission> own;
    for (int i = 0; i < 7; ++i) own.push_back(answer("k" + std::to_string(i), "2025-02-1" + std::to_string(i), "kiosk"));
    own.push_back(answer("before", "2025-03-01", ""));  // stored before the channel was recorded
    ASSERT_EQ(db.store().import(own).inserted, 8u);
    std::vector<store::Submission> links;
    for (int i = 0; i < 3; ++i) links.push_back(answer("l" + std::to_string(i), "2025-04-0" + std::to_string(i + 1), ""));
    store::Outbox outbox(db.db(), test::questionnaire().scheme);
    ASSERT_EQ(outbox.store_downloaded(links).inserted, 3u);
    links.push_back(answer("next-semester", "2025-07-01", "link"));
    ASSERT_EQ(outbox.store_downloaded({links.back()}).inserted, 1u);

    const auto data = office_report(db, "2025-S1");
    EXPECT_EQ(data.respondents(), 11u);
    const auto pdf = db.dir() / "laporan.pdf";
    write_pdf_report(data, test::catalog("id"), pdf);
    const std::string text = test::pdf_text(pdf);
    EXPECT_TRUE(has_phrase(text, "Saluran pengisian")) << text;
    EXPECT_TRUE(same_line(text, "Kios", "7")) << text;
    EXPECT_TRUE(same_line(text, "Tautan HP", "3")) << text;
    EXPECT_TRUE(same_line(text, "Tidak tercatat", "1")) << text;
}

TEST(PdfReport, EnglishWhenAskedWithADecimalPoint) {
    const auto c = golden_totals()[3];
    TestStore db(c["csv"].get<std::string>());
    const auto pdf = db.dir() / "report.pdf";
    write_pdf_report(office_report(db, "2024"), test::catalog("en"), pdf);
    const std::string text = test::pdf_text(pdf);
    EXPECT_NE(text.find(c["expect"]["ikm"].get<std::string>()), std::string::npos);
    EXPECT_TRUE(has_phrase(text, "Page 1 of"));
    EXPECT_TRUE(has_phrase(text, "Follow-up plan"));
}

// Renders the demo year as a sekcam would print it, for a person to look at.
TEST(PdfReport, DemoYearPagesRenderedForReview) {
    TestStore db;
    db.import(test::read_file(test::kSource / "assets" / "demo" / "responses.csv"));
    auto& conn = db.store().connection();
    ASSERT_FALSE(store::set_target(conn, 2025, "", "82.00"));
    ASSERT_FALSE(store::set_population(conn, 2025, "KTP-el", 1899));
    ASSERT_FALSE(store::set_population(conn, 2025, "Kartu Keluarga", 1639));
    const auto out = test::kBinary / "test-artifacts" / "reports";
    std::filesystem::create_directories(out);
    struct Case {
        const char* name;
        const char* period;
        AnnualMethod method;
        const char* lang;
    };
    for (const Case& k : {Case{"demo-2025", "2025", AnnualMethod::pooled, "id"},
                          Case{"demo-2025-semesters", "2025", AnnualMethod::semesters, "id"},
                          Case{"demo-2025-S1", "2025-S1", AnnualMethod::pooled, "id"},
                          Case{"demo-2025-en", "2025", AnnualMethod::pooled, "en"},
                          Case{"demo-two-years", "2024-01-01..2025-12-31", AnnualMethod::pooled, "id"}}) {
        SCOPED_TRACE(k.name);
        for (const auto& entry : std::filesystem::directory_iterator(out)) {
            if (entry.path().filename().string().rfind(std::string(k.name) + "-", 0) == 0) std::filesystem::remove(entry.path());
        }
        const auto pdf = out / (std::string(k.name) + ".pdf");
        write_pdf_report(office_report(db, k.period, k.method), test::catalog(k.lang), pdf);
        const auto rendered = testing::run_program({test::tool("pdftoppm"), "-png", "-r", "60", pdf.string(), (out / k.name).string()});
        ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
        const int pages = test::pdf_pages(pdf);
        EXPECT_GE(pages, 4);
        EXPECT_LE(pages, 10);  // seven chapters and the lampiran
        for (int page = 1; page <= pages; ++page) {
            EXPECT_GT(test::pdf_text(pdf, page, page).size(), 400u) << "page " << page << " is nearly empty";
        }
        EXPECT_TRUE(std::filesystem::exists(out / (std::string(k.name) + "-1.png")));
    }
}

// ---- XLSX ------------------------------------------------------------------------

TEST(XlsxReport, CellsHoldTheGoldenFiguresAsNumbers) {
    const auto catalog = test::catalog("id");
    for (const auto& c : golden_totals()) {
        SCOPED_TRACE(c["name"].get<std::string>());
        const auto& expect = c["expect"];
        TestStore db(c["csv"].get<std::string>());
        const auto xlsx = db.dir() / "laporan.xlsx";
        write_report(ReportFormat::xlsx, office_report(db, "2024"), catalog, xlsx);

        const auto summary = test::xlsx_sheet(xlsx, 1);
        auto value = [&](const std::string& label) -> test::XlsxCell {
            const std::string row = test::xlsx_row_of(summary, 'A', label);
            EXPECT_FALSE(row.empty()) << label;
            const auto it = summary.find("B" + row);
            return it == summary.end() ? test::XlsxCell{} : it->second;
        };
        const auto ikm = value(catalog.text("report.row.ikm"));
        EXPECT_TRUE(ikm.number);
        EXPECT_EQ(number(ikm.text), number(expect["ikm"].get<std::string>()));
        EXPECT_EQ(number(value(catalog.text("report.row.ikm_unit")).text), number(expect["ikm_unit"].get<std::string>()));
        EXPECT_EQ(value(catalog.text("report.row.mutu")).text, expect["mutu"].get<std::string>());
        EXPECT_EQ(value(catalog.text("report.row.kinerja")).text, expect["kinerja"].get<std::string>());
        EXPECT_EQ(number(value(catalog.text("report.row.respondents")).text), expect["respondents"].get<double>());

        const auto unsur = test::xlsx_sheet(xlsx, 2);
        for (std::size_t i = 0; i < test::questionnaire().unsur.size(); ++i) {
            const std::string code = test::questionnaire().unsur[i].code;
            const std::string row = test::xlsx_row_of(unsur, 'B', unsur_name(i));
            ASSERT_FALSE(row.empty()) << code;
            // C answered, D the sum of answer values, E the NRR.
            ASSERT_TRUE(unsur.count("E" + row)) << code;
            EXPECT_TRUE(unsur.at("E" + row).number);
            EXPECT_TRUE(unsur.at("D" + row).number);
            EXPECT_EQ(number(unsur.at("E" + row).text), number(expect["unsur"][code]["nrr"].get<std::string>())) << code;
            EXPECT_EQ(number(unsur.at("C" + row).text), expect["unsur"][code]["answered"].get<double>()) << code;
        }
    }
}

TEST(XlsxReport, NumberFormatsHaveTheirPlaces) {
    const auto c = golden_totals()[3];
    TestStore db(c["csv"].get<std::string>());
    const auto xlsx = db.dir() / "laporan.xlsx";
    write_report(ReportFormat::xlsx, office_report(db, "2024"), test::catalog("id"), xlsx);
    const std::string styles = test::zip_member(xlsx, "xl/styles.xml");
    EXPECT_NE(styles.find("formatCode=\"0.00\""), std::string::npos);
    EXPECT_NE(styles.find("formatCode=\"0.000\""), std::string::npos);
    const std::string workbook = test::zip_member(xlsx, "xl/workbook.xml");
    EXPECT_NE(workbook.find("name=\"Ringkasan\""), std::string::npos);
    EXPECT_NE(workbook.find("name=\"LKjIP\""), std::string::npos);
}

// ---- CSV -------------------------------------------------------------------------

TEST(CsvReport, BothDialectsCarryTheRoundedGoldenFigures) {
    const auto catalog = test::catalog("id");
    for (const auto& c : golden_totals()) {
        SCOPED_TRACE(c["name"].get<std::string>());
        const auto& expect = c["expect"];
        TestStore db(c["csv"].get<std::string>());
        const ReportData data = office_report(db, "2024");
        const std::string plain = csv_report(data, catalog, formats::CsvDialect::standard);
        const std::string excel = csv_report(data, catalog, formats::CsvDialect::indonesian_excel);

        const std::string ikm = expect["ikm"].get<std::string>();
        EXPECT_NE(plain.find("\n" + catalog.text("report.row.ikm") + "," + ikm + "\n"), std::string::npos);
        EXPECT_NE(excel.find("\n" + catalog.text("report.row.ikm") + ";" + comma(ikm) + "\n"), std::string::npos);
        EXPECT_EQ(excel.rfind("\xEF\xBB\xBF", 0), 0u) << "csv-id starts with a UTF-8 BOM";
        EXPECT_NE(plain.rfind("\xEF\xBB\xBF", 0), 0u);
        for (std::size_t i = 0; i < test::questionnaire().unsur.size(); ++i) {
            const std::string code = test::questionnaire().unsur[i].code;
            const auto& u = expect["unsur"][code];
            const std::string n = std::to_string(i + 1);
            const std::string answered = std::to_string(u["answered"].get<int>());
            const std::string nrr = u["nrr"].get<std::string>();
            // Names with a comma are quoted in csv, not in csv-id.
            const std::string name = unsur_name(i);
            const std::string quoted = name.find(',') != std::string::npos ? "\"" + name + "\"" : name;
            // Between answered and NRR: the sum of answer values.
            EXPECT_TRUE(std::regex_search(plain, std::regex("\n" + n + "," + quoted + "," + answered + ",[0-9]+," + nrr + ",1/9,")))
                << code;
            EXPECT_TRUE(std::regex_search(excel, std::regex("\n" + n + ";" + name + ";" + answered + ";[0-9.]+;" + comma(nrr) + ";1/9;")))
                << code;
        }
    }
}

TEST(WriteReport, FormatNames) {
    EXPECT_EQ(parse_report_format("pdf"), ReportFormat::pdf);
    EXPECT_EQ(parse_report_format("xlsx"), ReportFormat::xlsx);
    EXPECT_EQ(parse_report_format("csv"), ReportFormat::csv);
    EXPECT_EQ(parse_report_format("csv-id"), ReportFormat::csv_id);
    try {
        parse_report_format("docx");
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::usage);
        EXPECT_EQ(error.problem().key, "report.bad_format");
    }
}

TEST(WriteReport, AnUnwritablePlaceIsAStorageError) {
    TestStore db(test::kHeader + "a,2024-03-01T09:00:00+07:00,KTP-el,L,,,,3,3,3,3,3,3,3,3,3,,\n");
    const ReportData data = office_report(db, "2024");
    for (const auto format : {ReportFormat::pdf, ReportFormat::xlsx, ReportFormat::csv}) {
        try {
            write_report(format, data, test::catalog("id"), db.dir() / "no-such-folder" / "laporan");
            FAIL();
        } catch (const Error& error) {
            EXPECT_EQ(error.kind(), ErrorKind::storage);
            EXPECT_EQ(error.problem().key, "report.cannot_write");
        }
    }
}

}  // namespace
}  // namespace skm::reports
