// The min-n privacy rule and the sample for the report's own period, read
// back from what a reader gets: pdftotext of the PDF, the XLSX cells out of
// the zip, the CSV text. A layanan answered by one citizen and that citizen's
// saran must not be in any of them; saran carry their month, never the day;
// the caveat "belum mewakili" is there exactly when respondents fall short of
// the required sample for the period. Expected values are worked out here by
// hand (Krejcie–Morgan from its published table), not by calling the code.
#include "reports/csv_report.hpp"
#include "reports/pdf_report.hpp"
#include "reports/report_data.hpp"
#include "reports/xlsx_report.hpp"
#include "report_test_support.hpp"
#include "store/office_data.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace skm::reports {
namespace {

using test::TestStore;

const std::string kSecretSaran = "SARAN-SATU-WARGA-LEGALISIR";
const std::string kSaran = "antrean terlalu panjang";

std::string row(const std::string& id, const std::string& at, const std::string& layanan, const std::string& answers,
                const std::string& saran = "") {
    return id + "," + at + "," + layanan + ",L,30-39,SMA,PNS," + answers + "," + saran + ",\n";
}

// Semester I 2024: KTP-el 12 respondents (all 3: IKM 75,00), KK 6 (all 4:
// 100,00), Legalisir 1 (all 1: 25,00, with a saran on 17 March).
// Overall (12·3 + 6·4 + 1)/19 = 61/19 per unsur → 80,26.
std::string semester_rows() {
    std::string csv = test::kHeader;
    for (int i = 0; i < 12; ++i) {
        const std::string day = std::to_string(10 + i);
        csv += row("k" + std::to_string(i), "2024-0" + std::to_string(1 + i % 6) + "-" + day + "T09:00:00+07:00", "KTP-el",
                   "3,3,3,3,3,3,3,3,3", i == 3 ? kSaran : "");
    }
    for (int i = 0; i < 6; ++i) {
        csv += row("c" + std::to_string(i), "2024-0" + std::to_string(1 + i) + "-05T09:00:00+07:00", "KK", "4,4,4,4,4,4,4,4,4");
    }
    csv += row("x", "2024-03-17T11:12:00+07:00", "Legalisir", "1,1,1,1,1,1,1,1,1", kSecretSaran);
    return csv;
}

std::vector<std::string> lines_with(const std::string& text, const std::string& needle) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.find(needle) != std::string::npos) out.push_back(line);
    }
    return out;
}

// One space for every run of white space: a phrase matches whatever the PDF's line breaks.
std::string flat(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out.push_back(space ? ' ' : c);
    }
    return out;
}

std::string pdf_of(const ReportData& data, const std::filesystem::path& file, std::string_view lang = "id") {
    write_pdf_report(data, test::catalog(lang), file);
    return test::pdf_text(file);
}

TEST(ReportPrivacy, OneRespondentLayananAndItsSaranAreAbsentFromThePdf) {
    TestStore db(semester_rows());
    const ReportData data = test::gather(db, "2024-S1");
    EXPECT_EQ(data.min_n, 5u);  // the office's setting, default
    const std::string text = pdf_of(data, db.dir() / "s1.pdf");

    EXPECT_EQ(text.find(kSecretSaran), std::string::npos);
    EXPECT_NE(text.find(kSaran), std::string::npos);
    // Legalisir's own IKM (25,00) and KK's (100,00: withheld too, or Legalisir's
    // would follow from the total) are on no line that names them.
    bool legalisir_row = false;
    for (const auto& line : lines_with(text, "Legalisir")) {
        EXPECT_EQ(line.find("25,00"), std::string::npos) << line;
        legalisir_row = legalisir_row || line.find("belum cukup data") != std::string::npos;
    }
    EXPECT_TRUE(legalisir_row);
    for (const auto& line : lines_with(text, "KK  ")) EXPECT_EQ(line.find("100,00"), std::string::npos) << line;
    bool ktp = false;
    for (const auto& line : lines_with(text, "KTP-el")) ktp = ktp || line.find("75,00") != std::string::npos;
    EXPECT_TRUE(ktp);
    EXPECT_NE(flat(text).find("80,26"), std::string::npos);
    // The rule and its value are stated.
    EXPECT_NE(flat(text).find("kurang dari 5 responden"), std::string::npos);
}

TEST(ReportPrivacy, SaranCarryTheirMonthNeverTheirDay) {
    TestStore db(semester_rows());
    const ReportData data = test::gather(db, "2024-S1");
    const std::string text = flat(pdf_of(data, db.dir() / "s1.pdf"));
    // The KTP-el saran was given on 13 April 2024 (k3: month 4, day 13).
    const auto saran_at = text.find(kSaran);
    ASSERT_NE(saran_at, std::string::npos);
    EXPECT_NE(text.find("April 2024"), std::string::npos);
    EXPECT_EQ(text.find("13 April 2024"), std::string::npos);

    const std::string csv = csv_report(data, test::catalog("id"), formats::CsvDialect::indonesian_excel);
    EXPECT_NE(csv.find("1;April 2024;KTP-el;" + kSaran), std::string::npos) << csv;
    EXPECT_EQ(csv.find("13 April"), std::string::npos);
}

TEST(ReportPrivacy, XlsxAndCsvLeaveTheOneRespondentOutToo) {
    TestStore db(semester_rows());
    const ReportData data = test::gather(db, "2024-S1");
    const auto xlsx = db.dir() / "s1.xlsx";
    write_xlsx_report(data, test::catalog("id"), xlsx);
    for (int sheet = 1; sheet <= 8; ++sheet) {
        for (const auto& [ref, cell] : test::xlsx_sheet(xlsx, sheet)) {
            EXPECT_EQ(cell.text.find(kSecretSaran), std::string::npos) << sheet << " " << ref;
            EXPECT_EQ(cell.text.find("17 Maret"), std::string::npos) << sheet << " " << ref;
        }
    }
    // Sheet 3, per layanan: Legalisir keeps its count and reads "belum cukup data".
    const auto layanan = test::xlsx_sheet(xlsx, 3);
    const std::string r = test::xlsx_row_of(layanan, 'A', "Legalisir");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(layanan.at("B" + r).text, "1");
    EXPECT_EQ(layanan.at("C" + r).text, "belum cukup data");
    EXPECT_FALSE(layanan.at("C" + r).number);
    const std::string k = test::xlsx_row_of(layanan, 'A', "KTP-el");
    ASSERT_FALSE(k.empty());
    EXPECT_EQ(layanan.at("C" + k).text, "75");
    // Sheet 6, saran: one, with its month.
    const auto saran = test::xlsx_sheet(xlsx, 6);
    // (below the saran-by-unsur table, which this one saran is too few to fill)
    const std::string sr = test::xlsx_row_of(saran, 'D', kSaran);
    ASSERT_FALSE(sr.empty());
    EXPECT_EQ(saran.at("B" + sr).text, "April 2024");

    for (const auto dialect : {formats::CsvDialect::standard, formats::CsvDialect::indonesian_excel}) {
        const std::string csv = csv_report(data, test::catalog("id"), dialect);
        EXPECT_EQ(csv.find(kSecretSaran), std::string::npos);
        const char sep = dialect == formats::CsvDialect::standard ? ',' : ';';
        EXPECT_NE(csv.find(std::string("Legalisir") + sep + "1" + sep + "belum cukup data" + sep + sep), std::string::npos) << csv;
        EXPECT_EQ(csv.find(std::string("Legalisir") + sep + "1" + sep + "25"), std::string::npos);
    }
}

TEST(ReportPrivacy, APeriodUnderMinNShowsNoIkmAtAll) {
    TestStore db(test::kHeader + row("a", "2024-02-01T09:00:00+07:00", "KTP-el", "4,4,4,4,4,4,4,4,4", "rahasia sekali") +
                 row("b", "2024-02-02T09:00:00+07:00", "KTP-el", "2,2,2,2,2,2,2,2,2"));
    const ReportData data = test::gather(db, "2024-02");
    EXPECT_TRUE(data.overall.hidden);
    EXPECT_FALSE(data.headline().ikm);
    EXPECT_TRUE(data.saran.empty());
    const std::string text = flat(pdf_of(data, db.dir() / "feb.pdf"));
    EXPECT_EQ(text.find("rahasia sekali"), std::string::npos);
    EXPECT_EQ(text.find("75,00"), std::string::npos);  // (4 + 2) / 2 × 25
    EXPECT_NE(text.find("baru ada 2 responden, kurang dari 5"), std::string::npos);
}

// ---- the sample for the report's own period ------------------------------------

std::string caveat(std::uint64_t respondents, std::uint64_t needed) {
    return "hasil ini belum mewakili: responden " + std::to_string(respondents) + " dari minimal " + std::to_string(needed);
}

TEST(ReportSample, SemesterUsesHalfTheYearAndSaysSo) {
    TestStore db(semester_rows());
    ASSERT_FALSE(store::set_population(db.store().connection(), 2024, "", 1000));
    const ReportData s1 = test::gather(db, "2024-S1");
    ASSERT_TRUE(s1.period_population);
    EXPECT_EQ(s1.period_population->population, 500u);  // 1000 × 6/12
    EXPECT_EQ(s1.sample->needed, 217u);                  // Krejcie–Morgan table: N 500 → 217
    const std::string text = flat(pdf_of(s1, db.dir() / "s1.pdf"));
    EXPECT_NE(text.find("dipakai 6/12 dari jumlah pengguna layanan tahun 2024 (1.000), yaitu 500"), std::string::npos) << text;
    // In the IKM box, the conclusion and beside the IKM in the layanan table.
    std::size_t times = 0;
    for (auto at = text.find(caveat(19, 217)); at != std::string::npos; at = text.find(caveat(19, 217), at + 1)) ++times;
    EXPECT_GE(times, 3u) << text;
    EXPECT_NE(text.find("margin kesalahan IKM ini ±"), std::string::npos);

    // The annual report measures the year against the year's figure: N 1000 → 278.
    const ReportData year = test::gather(db, "2024");
    EXPECT_EQ(year.period_population->population, 1000u);
    EXPECT_EQ(year.sample->needed, 278u);
    const std::string annual = flat(pdf_of(year, db.dir() / "y.pdf"));
    EXPECT_NE(annual.find("jumlah pengguna layanan tahun 2024 (1.000)"), std::string::npos);
    EXPECT_NE(annual.find(caveat(19, 278)), std::string::npos);
    // Semester II has nobody: flagged against its own minimum (N 500 → 217).
    EXPECT_NE(annual.find("Semester II: hasil semester ini belum mewakili: responden 0 dari minimal 217"), std::string::npos);
}

TEST(ReportSample, SemesterWithItsOwnPopulationUsesItAndSaysSo) {
    TestStore db(semester_rows());
    auto& conn = db.store().connection();
    ASSERT_FALSE(store::set_population(conn, 2024, "", 1000));
    ASSERT_FALSE(store::set_period_population(conn, "2024-S1", "", 300));
    const ReportData s1 = test::gather(db, "2024-S1");
    EXPECT_EQ(s1.period_population->basis, PopulationBasis::own_period);
    EXPECT_EQ(s1.sample->needed, 169u);  // Krejcie–Morgan table: N 300 → 169
    const std::string text = flat(pdf_of(s1, db.dir() / "s1.pdf"));
    EXPECT_NE(text.find("jumlah pengguna layanan pada periode ini yang diisi petugas (300)"), std::string::npos) << text;
    EXPECT_NE(text.find(caveat(19, 169)), std::string::npos);
    EXPECT_EQ(text.find("6/12"), std::string::npos);
    // Semester II has no own figure: its report takes half the year's.
    const ReportData s2 = test::gather(db, "2024-S2");
    EXPECT_EQ(s2.period_population->basis, PopulationBasis::share_of_year);
    EXPECT_EQ(s2.period_population->population, 500u);
    // The annual report flags Semester I against its own 169, Semester II against 217.
    const ReportData year = test::gather(db, "2024");
    EXPECT_EQ(year.semester_samples[0]->needed, 169u);
    EXPECT_EQ(year.semester_samples[1]->needed, 217u);
    EXPECT_EQ(year.sample->needed, 278u);
}

TEST(ReportSample, PeriodPopulationOwnFigureFirstElseTheYearsShare) {
    const auto s1 = parse_report_period("2024-S1");
    // The staff's own figure for the semester wins over half the year's, and says so.
    const auto own = period_population(s1.range, s1.id, false, 1000, 123);
    ASSERT_TRUE(own);
    EXPECT_EQ(own->population, 123u);
    EXPECT_EQ(own->basis, PopulationBasis::own_period);
    EXPECT_EQ(population_basis_text(*own, test::catalog("id"), 2024),
              "Populasi: jumlah pengguna layanan pada periode ini yang diisi petugas (123).");
    // Without it: 1001 × 6/12 = 500,5 → 501 (half up); a triwulan 3/12, a month 1/12.
    EXPECT_EQ(period_population(s1.range, s1.id, false, 1001, std::nullopt)->population, 501u);
    const auto tw = parse_report_period("2024-TW3");
    EXPECT_EQ(period_population(tw.range, tw.id, false, 1000, std::nullopt)->population, 250u);
    const auto march = parse_report_period("2024-03");
    EXPECT_EQ(period_population(march.range, march.id, false, 1200, std::nullopt)->population, 100u);
    // A date range by its days: 1–31 January 2024 is 31 of 366 days; 366 × 31/366 = 31.
    const auto range = parse_report_period("2024-01-01..2024-01-31");
    const auto days = period_population(range.range, range.id, false, 366, std::nullopt);
    EXPECT_EQ(days->population, 31u);
    EXPECT_EQ(days->share_num, 31u);
    EXPECT_EQ(days->share_den, 366u);
    // A year uses the year's figure; nothing known, nothing to compare.
    const auto year = parse_report_period("2024");
    EXPECT_EQ(period_population(year.range, year.id, true, 1000, 7)->basis, PopulationBasis::year);
    EXPECT_FALSE(period_population(s1.range, s1.id, false, std::nullopt, std::nullopt));
    // Never 0: a tiny year still asks for one respondent.
    EXPECT_EQ(period_population(march.range, march.id, false, 1, std::nullopt)->population, 1u);
}

TEST(ReportSample, NoCaveatWhenTheSampleIsReached) {
    TestStore db(semester_rows());
    // 40 a year → 20 in a semester → Krejcie–Morgan 19: the 19 respondents are enough.
    ASSERT_FALSE(store::set_population(db.store().connection(), 2024, "", 40));
    const ReportData s1 = test::gather(db, "2024-S1");
    EXPECT_EQ(s1.sample->needed, 19u);
    const std::string text = flat(pdf_of(s1, db.dir() / "s1.pdf"));
    EXPECT_EQ(text.find("belum mewakili"), std::string::npos);
    EXPECT_NE(text.find("sampel minimal tercapai"), std::string::npos);
}

TEST(ReportSample, MoreRespondentsThanThePopulationIsNotCalledReached) {
    TestStore db(semester_rows());
    // 20 a year → 10 in the semester, which had 19 respondents.
    ASSERT_FALSE(store::set_population(db.store().connection(), 2024, "", 20));
    const ReportData s1 = test::gather(db, "2024-S1");
    const std::string text = flat(pdf_of(s1, db.dir() / "s1.pdf"));
    EXPECT_NE(text.find("responden lebih banyak daripada populasi 10"), std::string::npos);
    EXPECT_EQ(text.find("tercapai"), std::string::npos);
    // The LKjIP note of a semester speaks of the semester's respondents, not the year's.
    EXPECT_EQ(text.find("setahun"), std::string::npos);
    EXPECT_NE(text.find("gabungan seluruh responden periode ini"), std::string::npos);
}

TEST(ReportSample, AnnualMeanOfSemestersLeavesOutAThinSemester) {
    TestStore db(semester_rows() + row("z", "2024-09-01T09:00:00+07:00", "KTP-el", "2,2,2,2,2,2,2,2,2"));
    const ReportData year = test::gather(db, "2024", AnnualMethod::semesters);
    EXPECT_EQ(year.overall.semester_respondents[0], 19u);
    EXPECT_EQ(year.overall.semester_respondents[1], 1u);
    // One person's semester would count as much as the other 19: not averaged, not shown.
    EXPECT_FALSE(year.overall.mean_of_semesters);
    EXPECT_FALSE(year.headline().ikm);
}

TEST(ReportNumbers, ThousandsAreGroupedTheWayTheLanguageWritesThem) {
    TestStore db(semester_rows());
    ASSERT_FALSE(store::set_population(db.store().connection(), 2024, "", 1899));
    const ReportData year = test::gather(db, "2024");
    const std::string id = flat(pdf_of(year, db.dir() / "id.pdf", "id"));
    EXPECT_NE(id.find("(1.899)"), std::string::npos);
    EXPECT_EQ(id.find("1899"), std::string::npos);
    const std::string en = flat(pdf_of(year, db.dir() / "en.pdf", "en"));
    EXPECT_NE(en.find("(1,899)"), std::string::npos);
    // The Indonesian spreadsheet CSV groups like a reader; the standard one keeps digits for programs.
    EXPECT_NE(csv_report(year, test::catalog("id"), formats::CsvDialect::indonesian_excel).find(";1.899;"), std::string::npos);
    EXPECT_NE(csv_report(year, test::catalog("id"), formats::CsvDialect::standard).find(",1899,"), std::string::npos);
}

TEST(ReportNumbers, ProfilePercentagesAddUpToExactlyOneHundred) {
    // 1 + 3 + 3 respondents in three layanan: half-up would print 14,29 + 42,86 + 42,86 = 100,01.
    std::string csv = test::kHeader + row("a", "2024-03-01T09:00:00+07:00", "A", "3,3,3,3,3,3,3,3,3");
    for (int i = 0; i < 3; ++i) {
        csv += row("b" + std::to_string(i), "2024-03-02T09:00:00+07:00", "B", "3,3,3,3,3,3,3,3,3");
        csv += row("c" + std::to_string(i), "2024-03-03T09:00:00+07:00", "C", "3,3,3,3,3,3,3,3,3");
    }
    TestStore db(csv);
    const std::string out = csv_report(test::gather(db, "2024-03"), test::catalog("id"), formats::CsvDialect::indonesian_excel);
    EXPECT_NE(out.find("A;1;14,28"), std::string::npos) << out;
    EXPECT_NE(out.find("B;3;42,86"), std::string::npos);
    EXPECT_NE(out.find("C;3;42,86"), std::string::npos);
    EXPECT_NE(out.find("Jumlah;7;100,00"), std::string::npos);
    // "—" is explained wherever it is printed.
    EXPECT_NE(out.find("Tanda “—” berarti"), std::string::npos);
}

}  // namespace
}  // namespace skm::reports
