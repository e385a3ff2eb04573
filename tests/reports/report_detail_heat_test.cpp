// The profile's sub-options (issue #17) and the hour × weekday heat map
// (issue #20) in the semester report, read back from pdftotext and the CSV:
// a sub-option picked by at least min-n respondents has its own indented row
// under its official code, one picked by fewer is folded into "lainnya /
// tanpa rincian", and the official code's count is unchanged; the heat map's
// cells are the recount of the rows written here, a cell under min-n without
// its IKM. Expected numbers are counted in this file from the rows it makes.
#include "reports/csv_report.hpp"
#include "reports/pdf_report.hpp"
#include "reports/report_data.hpp"
#include "reports/report_privacy.hpp"
#include "reports/xlsx_report.hpp"
#include "report_test_support.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

namespace skm::reports {
namespace {

using test::TestStore;

const std::string kHeaderWithDetail =
    "response_id,submitted_at,layanan,jenis_kelamin,umur,pendidikan,pekerjaan,persyaratan,prosedur,waktu,biaya,"
    "produk,kompetensi,perilaku,pengaduan,sarana,saran,flags,profile_detail\n";

struct Made {
    std::string csv;
    std::map<std::string, int> pekerjaan;                     // official code → respondents
    std::map<std::string, int> lainnya_detail;                // sub-option under Lainnya → respondents ("" none)
    std::map<std::pair<int, int>, std::vector<int>> cells;    // (weekday Monday 0, hour) → each respondent's answer (all nine the same)
};

// 2025-03-03 is a Monday (2025-01-01 was a Wednesday; 31 + 28 + 2 days later).
// Monday 09:xx: 18 × Lainnya, all answers 4 (7 petani_nelayan, 6 pensiunan,
// 2 ibu_rumah_tangga, 3 without a sub-option). Tuesday 10:xx: 7 × PNS, all 3.
// Wednesday 14:xx: 3 × PNS, all 2, and Thursday 15:xx: 2 × PNS, all 1: two
// cells under min-n 5 (so no third is withheld beside them).
Made make_rows() {
    Made m;
    m.csv = kHeaderWithDetail;
    int n = 0;
    auto add = [&](const std::string& date, int weekday, int hour, const std::string& pekerjaan, const std::string& option,
                   int answer) {
        const std::string a = std::to_string(answer);
        const std::string minute = (n % 60 < 10 ? "0" : "") + std::to_string(n % 60);
        const std::string detail = option.empty() ? "" : "pekerjaan=" + option;
        m.csv += "r" + std::to_string(n) + "," + date + "T" + (hour < 10 ? "0" : "") + std::to_string(hour) + ":" + minute +
                 ":00+07:00,KTP-el,P,40-49,SMA," + pekerjaan + "," + a + "," + a + "," + a + "," + a + "," + a + "," + a + "," +
                 a + "," + a + "," + a + ",,," + detail + "\n";
        ++n;
        ++m.pekerjaan[pekerjaan];
        if (pekerjaan == "Lainnya") ++m.lainnya_detail[option];
        m.cells[{weekday, hour}].push_back(answer);
    };
    for (int i = 0; i < 7; ++i) add("2025-03-03", 0, 9, "Lainnya", "petani_nelayan", 4);
    for (int i = 0; i < 6; ++i) add("2025-03-03", 0, 9, "Lainnya", "pensiunan", 4);
    for (int i = 0; i < 2; ++i) add("2025-03-03", 0, 9, "Lainnya", "ibu_rumah_tangga", 4);
    for (int i = 0; i < 3; ++i) add("2025-03-03", 0, 9, "Lainnya", "", 4);
    for (int i = 0; i < 7; ++i) add("2025-03-04", 1, 10, "PNS", "", 3);
    for (int i = 0; i < 3; ++i) add("2025-03-05", 2, 14, "PNS", "", 2);
    for (int i = 0; i < 2; ++i) add("2025-03-06", 3, 15, "PNS", "", 1);
    return m;
}

// One space for every run of white space.
std::string flat(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out.push_back(space ? ' ' : c);
    }
    return out;
}

// The first line that starts with `start` after its indentation (a table row).
std::string row_starting(const std::string& text, const std::string& start) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const auto first = line.find_first_not_of(' ');
        if (first != std::string::npos && line.compare(first, start.size(), start) == 0) return line;
    }
    return {};
}

ReportData gather_with_options(TestStore& db) {
    ReportRequest request;
    request.period = parse_report_period("2025-S1");
    request.generated_on = {2025, 7, 1};
    request.min_n = 5;
    request.profile_options = formats::load_profile_options(test::kSource / "assets" / "kiosk" / "profile-options.json");
    return gather_report(db.store(), test::questionnaire(), request);
}

const ProfileCount& count_of(const ReportData& data, const std::string& field, const std::string& value) {
    for (const auto& table : data.profile) {
        if (table.field != field) continue;
        for (const auto& c : table.counts) {
            if (c.value == value) return c;
        }
    }
    static const ProfileCount kNone;
    return kNone;
}

TEST(ReportProfileDetail, SubOptionsAtMinNHaveRowsTheRestFoldedCodeCountUnchanged) {
    const Made m = make_rows();
    TestStore db(m.csv);
    const ReportData data = gather_with_options(db);

    const int petani = m.lainnya_detail.at("petani_nelayan");
    const int pensiunan = m.lainnya_detail.at("pensiunan");
    const int rest = m.lainnya_detail.at("") + m.lainnya_detail.at("ibu_rumah_tangga");  // 2 < min-n 5: folded
    ASSERT_EQ(petani, 7);
    ASSERT_EQ(rest, 5);

    // The data every writer gets.
    const ProfileCount& lainnya = count_of(data, "pekerjaan", "Lainnya");
    EXPECT_EQ(lainnya.count, static_cast<std::uint64_t>(m.pekerjaan.at("Lainnya")));
    ASSERT_EQ(lainnya.details.size(), 3u);
    EXPECT_EQ(lainnya.details[0].option, "pensiunan");  // by key; the remainder last
    EXPECT_EQ(lainnya.details[0].count, static_cast<std::uint64_t>(pensiunan));
    EXPECT_EQ(lainnya.details[1].option, "petani_nelayan");
    EXPECT_EQ(lainnya.details[1].count, static_cast<std::uint64_t>(petani));
    EXPECT_EQ(lainnya.details[2].option, "");
    EXPECT_EQ(lainnya.details[2].count, static_cast<std::uint64_t>(rest));
    EXPECT_TRUE(count_of(data, "pekerjaan", "PNS").details.empty());  // nobody picked a sub-option there

    // The PDF.
    const auto pdf = db.dir() / "detail.pdf";
    write_pdf_report(data, test::catalog("id"), pdf);
    const std::string text = flat(test::pdf_text(pdf));
    EXPECT_NE(text.find("Lainnya " + std::to_string(m.pekerjaan.at("Lainnya")) + " "), std::string::npos) << text;
    EXPECT_NE(text.find("Petani / Nelayan " + std::to_string(petani)), std::string::npos) << text;
    EXPECT_NE(text.find("Pensiunan " + std::to_string(pensiunan)), std::string::npos) << text;
    EXPECT_NE(text.find("lainnya / tanpa rincian " + std::to_string(rest)), std::string::npos) << text;
    EXPECT_EQ(text.find("Ibu rumah tangga"), std::string::npos) << "a sub-option under min-n is folded";
    EXPECT_NE(text.find("PNS " + std::to_string(m.pekerjaan.at("PNS")) + " "), std::string::npos) << text;

    // The XLSX's profile sheet (5th: after summary, NRR, layanan, months): the same rows.
    const auto xlsx = db.dir() / "detail.xlsx";
    write_xlsx_report(data, test::catalog("id"), xlsx);
    const auto cells = test::xlsx_sheet(xlsx, 5);
    const std::string petani_row = test::xlsx_row_of(cells, 'A', "\u2003\u2013 Petani / Nelayan");
    ASSERT_FALSE(petani_row.empty());
    EXPECT_EQ(cells.at("B" + petani_row).text, std::to_string(petani));
    const std::string rest_row = test::xlsx_row_of(cells, 'A', "\u2003\u2013 lainnya / tanpa rincian");
    ASSERT_FALSE(rest_row.empty());
    EXPECT_EQ(cells.at("B" + rest_row).text, std::to_string(rest));
    for (const auto& [ref, cell] : cells) EXPECT_EQ(cell.text.find("Ibu rumah tangga"), std::string::npos) << ref;

    // The CSV: the same rows, labels in English from the options file.
    const std::string csv = csv_report(data, test::catalog("en"), formats::CsvDialect::standard);
    EXPECT_NE(csv.find("Farmer / Fisher," + std::to_string(petani) + ","), std::string::npos) << csv;
    EXPECT_NE(csv.find("other / no detail," + std::to_string(rest) + ","), std::string::npos) << csv;
    EXPECT_EQ(csv.find("Homemaker"), std::string::npos);
}

TEST(ReportProfileDetail, PublishableDetailsNeverLeaveOneWithheldSubOptionAlone) {
    // No respondents without a sub-option: the one under min-n (3) alone would be
    // the remainder, so the next smallest (6) goes with it; 9 keeps its row.
    auto out = publishable_details({{"a", 3}, {"b", 9}, {"c", 6}}, 5);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].option, "b");
    EXPECT_EQ(out[0].count, 9u);
    EXPECT_EQ(out[1].option, "");
    EXPECT_EQ(out[1].count, 3u + 6u);
    // Folding again changes nothing.
    const auto again = publishable_details(out, 5);
    ASSERT_EQ(again.size(), 2u);
    EXPECT_EQ(again[1].count, 9u);
    // Those without a sub-option already hide a withheld one: only it is folded.
    out = publishable_details({{"a", 3}, {"b", 9}, {"", 1}}, 5);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].option, "b");
    EXPECT_EQ(out[1].count, 4u);
    // Nothing can be shown: no detail rows at all.
    EXPECT_TRUE(publishable_details({{"a", 3}, {"", 8}}, 5).empty());
    EXPECT_TRUE(publishable_details({{"a", 4}}, 5).empty());
}

TEST(ReportHeatMap, CellsAreTheRecountAndTheSectionIsInThePdf) {
    const Made m = make_rows();
    TestStore db(m.csv);
    const ReportData data = gather_with_options(db);
    std::uint64_t total = 0;
    for (int w = 0; w < scoring::kWeekdays; ++w) {
        for (int h = 0; h < scoring::kHours; ++h) {
            const auto found = m.cells.find({w, h});
            const auto& cell = data.heat_map.at(w, h);
            const std::size_t expected = found == m.cells.end() ? 0 : found->second.size();
            EXPECT_EQ(cell.respondents, expected) << w << " " << h;
            total += cell.respondents;
            if (expected < 5) {
                EXPECT_FALSE(cell.ikm) << w << " " << h;
                continue;
            }
            // Every respondent of the cell gave one answer to all nine unsur: IKM = mean answer × 25.
            int sum = 0;
            for (const int a : found->second) sum += a;
            mpq_class ikm(sum * 25, static_cast<unsigned long>(expected));
            ikm.canonicalize();
            ASSERT_TRUE(cell.ikm) << w << " " << h;
            EXPECT_EQ(cell.ikm->str(), scoring::round_half_up(ikm, 2).str());
        }
    }
    EXPECT_EQ(total, 30u);
    EXPECT_EQ(data.heat_map.first_hour, 9);
    EXPECT_EQ(data.heat_map.last_hour, 15);

    const auto pdf = db.dir() / "heat.pdf";
    write_pdf_report(data, test::catalog("id"), pdf);
    const std::string raw = test::pdf_text(pdf);
    const std::string text = flat(raw);
    EXPECT_NE(text.find("5.5 IKM menurut Jam dan Hari Pelayanan"), std::string::npos) << text;
    EXPECT_NE(text.find("Paling ramai: Senin pukul 09.00 (18 responden)"), std::string::npos) << text;
    // The rows: 09.00 Monday 100,00 over n=18; 10.00 Tuesday 75,00 over n=7; 14.00 Wednesday n=3 without IKM.
    const std::string nine = row_starting(raw, "09.00 ");
    EXPECT_NE(nine.find("100,00"), std::string::npos) << raw;
    EXPECT_NE(raw.find("n=18"), std::string::npos);
    EXPECT_NE(row_starting(raw, "10.00 ").find("75,00"), std::string::npos) << raw;
    EXPECT_NE(raw.find("n=7"), std::string::npos);
    const std::string two = row_starting(raw, "14.00 ");
    EXPECT_NE(two.find("n=3"), std::string::npos) << raw;
    EXPECT_EQ(two.find(','), std::string::npos) << "no IKM under min-n: " << two;
    EXPECT_EQ(raw.find("50,00"), std::string::npos);  // the hidden cell's IKM (all answers 2)
    EXPECT_NE(row_starting(raw, "15.00 ").find("n=2"), std::string::npos) << raw;
}

}  // namespace
}  // namespace skm::reports
