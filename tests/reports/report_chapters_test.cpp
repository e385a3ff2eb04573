// The Laporan Hasil SKM chapters as a reader gets them from the PDF
// (pdftotext): the chapter list in order, the sums per unsur and the
// tabulation against a recount of the inserted rows, the words for a real
// drop and for noise, the saran under the unsur their keywords name, and the
// signatory block from the office's settings.
#include "reports/pdf_report.hpp"
#include "reports/xlsx_report.hpp"
#include "reports/report_analysis.hpp"
#include "reports/report_chapter_tables.hpp"
#include "reports/report_labels.hpp"
#include "report_test_support.hpp"
#include "formats/settings_table.hpp"
#include "store/settings.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <regex>

namespace skm::reports {
namespace {

using test::TestStore;

struct Rows {
    std::string csv = test::kHeader;
    // Independent recount: per unsur, how many of each value 0 (skipped) .. 4.
    std::array<std::array<std::uint64_t, 5>, 9> counts{};
    int next_id = 0;

    void add(const std::string& at, const std::array<int, 9>& answers, const std::string& saran = "") {
        std::string values;
        for (std::size_t u = 0; u < answers.size(); ++u) {
            ++counts[u][static_cast<std::size_t>(answers[u])];
            values += (u ? "," : "") + (answers[u] == 0 ? std::string() : std::to_string(answers[u]));
        }
        csv += "r" + std::to_string(++next_id) + "," + at + ",KTP-el,L,30-39,SMA,PNS," + values + "," + saran + ",\n";
    }
};

// A small deterministic generator, so the recount owes nothing to the code under test.
struct Lcg {
    std::uint32_t state;
    int next(int low, int high) {
        state = state * 1664525u + 1013904223u;
        return low + static_cast<int>((state >> 16) % static_cast<std::uint32_t>(high - low + 1));
    }
};

std::string date_in_month(int year, int month, int day) {
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT09:00:00+07:00", year, month, day);
    return text;
}

// Rows in S1 and S2 of 2024: answers between low and high, every 7th unsur-answer skipped.
void fill(Rows& rows, int year, int first_month, int count, int low, int high, std::uint32_t seed) {
    Lcg random{seed};
    for (int i = 0; i < count; ++i) {
        std::array<int, 9> answers{};
        for (int u = 0; u < 9; ++u) answers[static_cast<std::size_t>(u)] = (i * 9 + u) % 7 == 3 ? 0 : random.next(low, high);
        rows.add(date_in_month(year, first_month + i % 6, 1 + i % 28), answers);
    }
}

std::filesystem::path write_pdf(TestStore& db, std::string_view period, const std::string& name,
                                std::string_view lang = "id") {
    const auto pdf = db.dir() / name;
    write_pdf_report(test::gather(db, period, AnnualMethod::pooled, "Kecamatan Uji"), test::catalog(lang), pdf);
    return pdf;
}

// The semester report of these rows as pdftotext reads it.
std::string report_text(const Rows& rows, std::string_view period) {
    TestStore db(rows.csv);
    return test::pdf_text(write_pdf(db, period, "report.pdf"));
}

// pdftotext's lines after the first occurrence of `from`.
std::vector<std::string> lines_after(const std::string& text, const std::string& from) {
    std::vector<std::string> lines;
    const auto at = text.find(from);
    if (at == std::string::npos) return lines;
    std::istringstream in(text.substr(at));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// "3,303": sum / n rounded half-up to 3 places, from integers alone.
std::string nrr_text(std::uint64_t sum, std::uint64_t n) {
    const std::uint64_t thousandths = (sum * 2000 + n) / (2 * n);
    const std::string fraction = std::to_string(1000 + thousandths % 1000).substr(1);
    return std::to_string(thousandths / 1000) + "," + fraction;
}

const std::array<const char*, 9> kFirstWords = {"Persyaratan", "Sistem,",    "Waktu",      "Biaya/Tarif", "Produk",
                                                 "Kompetensi",  "Perilaku", "Penanganan", "Sarana"};

TEST(ReportChapters, PdfListsTheChaptersOfALaporanHasilSkmInOrder) {
    Rows rows;
    fill(rows, 2024, 7, 40, 2, 4, 7);
    const std::string text = report_text(rows, "2024-S2");
    const std::vector<std::string> chapters = {
        "BAB I\\s+PENDAHULUAN", "1\\.1 Latar Belakang", "1\\.2 Tujuan", "BAB II\\s+METODE DAN PELAKSANAAN SURVEI",
        "2\\.1 Pelaksanaan Pengumpulan Data", "2\\.2 Metode Penghitungan", "BAB III\\s+RESPONDEN DAN SAMPEL",
        "3\\.1 Jumlah Responden dan Sampel", "3\\.2 Profil Responden", "BAB IV\\s+HASIL SURVEI",
        "4\\.1 Nilai per Unsur Pelayanan", "4\\.2 IKM dan Mutu per Jenis Layanan", "4\\.3 Perkembangan IKM per Bulan",
        "4\\.4 Indikator Kinerja untuk LKjIP", "BAB V\\s+ANALISIS HASIL SURVEI", "5\\.1 Unsur Terkuat dan Terlemah",
        "5\\.2 Perbandingan dengan Periode Sebelumnya", "5\\.3 Saran menurut Unsur Pelayanan", "5\\.4 Daftar Saran Masyarakat",
        "BAB VI\\s+RENCANA TINDAK LANJUT", "6\\.1 Rencana Tindak Lanjut per Unsur", "BAB VII\\s+KESIMPULAN",
        "\\n\\s*LAMPIRAN\\s*\\n", "Lampiran 1\\. Kuesioner", "Lampiran 2\\. Tabulasi Jawaban per Unsur"};
    std::size_t last = 0;
    for (const auto& chapter : chapters) {
        std::smatch match;
        const std::string rest = text.substr(last);
        ASSERT_TRUE(std::regex_search(rest, match, std::regex(chapter))) << chapter << " missing after offset " << last;
        last += static_cast<std::size_t>(match.position(0)) + static_cast<std::size_t>(match.length(0));
    }
    // The collection: the kiosk at the counter, where, when, who, and the min-n rule.
    EXPECT_NE(text.find("kios survei layar sentuh"), std::string::npos);
    EXPECT_NE(text.find("Aturan kerahasiaan: layanan atau bulan dengan kurang dari 5 responden"), std::string::npos);
}

TEST(ReportChapters, SumsPerUnsurAndTabulationEqualARecountOfTheRows) {
    Rows rows;
    fill(rows, 2024, 1, 83, 1, 4, 11);
    const std::string text = report_text(rows, "2024-S1");

    // BAB IV: No, unsur, n answered, sum, NRR = sum / n.
    const auto results = lines_after(text, "4.1 Nilai per Unsur Pelayanan");
    for (std::size_t u = 0; u < 9; ++u) {
        const auto& c = rows.counts[u];
        const std::uint64_t n = c[1] + c[2] + c[3] + c[4];
        const std::uint64_t sum = c[1] + 2 * c[2] + 3 * c[3] + 4 * c[4];
        const std::regex line("^\\s*" + std::to_string(u + 1) + " " + kFirstWords[u] + ".*\\s" + std::to_string(n) + "\\s+" +
                              std::to_string(sum) + "\\s+" + nrr_text(sum, n) + "\\s+1/9\\s");
        const bool found = std::any_of(results.begin(), results.end(), [&](const std::string& l) { return std::regex_search(l, line); });
        EXPECT_TRUE(found) << "unsur " << u + 1 << ": n " << n << ", sum " << sum;
    }

    // Lampiran 2: values 1..4, skipped, answered, sum.
    const auto tabulation = lines_after(text, "Lampiran 2. Tabulasi");
    ASSERT_FALSE(tabulation.empty());
    for (std::size_t u = 0; u < 9; ++u) {
        const auto& c = rows.counts[u];
        std::string numbers;
        for (std::size_t v = 1; v <= 4; ++v) numbers += "\\s+" + std::to_string(c[v]);
        numbers += "\\s+" + std::to_string(c[0]) + "\\s+" + std::to_string(c[1] + c[2] + c[3] + c[4]) + "\\s+" +
                   std::to_string(c[1] + 2 * c[2] + 3 * c[3] + 4 * c[4]) + "\\s*$";
        const std::regex line("^\\s*" + std::to_string(u + 1) + " " + kFirstWords[u] + ".*" + numbers);
        const bool found =
            std::any_of(tabulation.begin(), tabulation.end(), [&](const std::string& l) { return std::regex_search(l, line); });
        EXPECT_TRUE(found) << "tabulation of unsur " << u + 1;
    }
    // The questionnaire as shown: a question and its four answer labels.
    EXPECT_NE(text.find("Tidak sesuai"), std::string::npos);
    EXPECT_NE(text.find("Sangat sesuai"), std::string::npos);
    EXPECT_NE(text.find("Bagaimana pendapat Saudara tentang kewajaran"), std::string::npos);
}

TEST(ReportChapters, IntervalsThatDoNotOverlapAreAChangeAndOverlappingOnesAreNot) {
    using scoring::Interval;
    const auto at = [](const char* low, const char* high) {
        return Interval{*scoring::parse_decimal(low), *scoring::parse_decimal(high)};
    };
    EXPECT_EQ(judge_change(at("80.00", "84.00"), at("70.00", "79.99")), Significance::fall);
    EXPECT_EQ(judge_change(at("70.00", "79.99"), at("80.00", "84.00")), Significance::rise);
    EXPECT_EQ(judge_change(at("80.00", "84.00"), at("78.00", "80.00")), Significance::not_significant);
    EXPECT_EQ(judge_change(std::nullopt, at("78.00", "80.00")), Significance::unknown);
}

TEST(ReportChapters, AClearDropIsTurunBermaknaAndNoiseIsTidakBermakna) {
    {
        Rows rows;
        fill(rows, 2024, 1, 60, 3, 4, 5);   // S1: mostly satisfied
        fill(rows, 2024, 7, 60, 1, 3, 6);   // S2: clearly worse
        const std::string text = report_text(rows, "2024-S2");
        const auto change = text.substr(text.find("5.2 Perbandingan"));
        EXPECT_NE(change.find("Dibandingkan Semester I Tahun 2024"), std::string::npos);
        EXPECT_NE(change.find("turun bermakna"), std::string::npos);
        EXPECT_EQ(change.find("tidak bermakna"), std::string::npos);
    }
    {
        Rows rows;
        fill(rows, 2024, 1, 60, 2, 4, 5);   // the same spread both semesters:
        fill(rows, 2024, 7, 60, 2, 4, 9);   // a difference of chance only
        const std::string text = report_text(rows, "2024-S2");
        const auto change = text.substr(text.find("5.2 Perbandingan"));
        EXPECT_NE(change.find("tidak bermakna"), std::string::npos);
        EXPECT_EQ(change.find("turun bermakna"), std::string::npos);
        EXPECT_EQ(change.find("naik bermakna"), std::string::npos);
    }
}

TEST(ReportChapters, SaranAreGroupedUnderTheUnsurTheirKeywordsNameOnlyFromMinN) {
    EXPECT_TRUE(mentions("Antriannya lama sekali", "antri"));
    EXPECT_FALSE(mentions("Para santri datang", "antri"));
    EXPECT_TRUE(mentions("RUANG TUNGGU panas", "ruang tunggu"));

    Rows rows;
    const std::array<int, 9> fine = {3, 3, 3, 3, 3, 3, 3, 3, 3};
    for (int i = 0; i < 6; ++i) rows.add(date_in_month(2024, 3, 1 + i), fine, "Antrean terlalu lama nomor " + std::to_string(i));
    for (int i = 0; i < 5; ++i) rows.add(date_in_month(2024, 3, 10 + i), fine, "Ruang tunggu panas " + std::to_string(i));
    for (int i = 0; i < 3; ++i) rows.add(date_in_month(2024, 3, 20 + i), fine, "Petugas kurang ramah " + std::to_string(i));
    TestStore db(rows.csv);
    const ReportData data = test::gather(db, "2024-S1");
    const auto groups = published_saran_groups(data, test::catalog("id"));
    ASSERT_EQ(groups.size(), 2u);  // perilaku has 3 saran: under min-n 5, not published
    EXPECT_EQ(data.questionnaire.unsur[groups[0].unsur].code, "waktu");
    EXPECT_EQ(groups[0].saran.size(), 6u);
    EXPECT_EQ(data.questionnaire.unsur[groups[1].unsur].code, "sarana");
    EXPECT_EQ(groups[1].saran.size(), 5u);

    const std::string text = test::pdf_text(write_pdf(db, "2024-S1", "saran.pdf"));
    const auto section = text.substr(text.find("5.3 Saran menurut"), text.find("5.4 Daftar") - text.find("5.3 Saran menurut"));
    EXPECT_TRUE(std::regex_search(section, std::regex("Waktu Penyelesaian\\s+6\\s+\\S*Antrean terlalu lama")));
    EXPECT_TRUE(std::regex_search(section, std::regex("Sarana dan Prasarana\\s+5\\s+\\S*Ruang tunggu panas")));
    EXPECT_EQ(section.find("Petugas kurang ramah"), std::string::npos);
    EXPECT_EQ(section.find("Perilaku Pelaksana"), std::string::npos);
}

TEST(ReportChapters, XlsxLampiranSheetHoldsTheTabulationAsNumbers) {
    Rows rows;
    fill(rows, 2024, 1, 31, 1, 4, 17);
    TestStore db(rows.csv);
    const auto xlsx = db.dir() / "report.xlsx";
    write_xlsx_report(test::gather(db, "2024-S1"), test::catalog("id"), xlsx);
    const auto sheet = test::xlsx_sheet(xlsx, 9);  // after summary, NRR, layanan, months, profile, saran, RTL, LKjIP
    const auto names = test::questionnaire();
    for (std::size_t u = 0; u < 9; ++u) {
        const std::string row = test::xlsx_row_of(sheet, 'B', unsur_name(names, u, test::catalog("id")));
        ASSERT_FALSE(row.empty()) << u;
        const auto& c = rows.counts[u];
        // The questionnaire above writes name and question in one cell: this row is the tabulation's.
        const std::string& last = row;
        for (std::size_t v = 1; v <= 4; ++v) {
            const std::string ref = std::string(1, static_cast<char>('B' + v)) + last;
            ASSERT_TRUE(sheet.count(ref)) << ref;
            EXPECT_TRUE(sheet.at(ref).number) << ref;
            EXPECT_EQ(sheet.at(ref).text, std::to_string(c[v])) << ref;
        }
        EXPECT_EQ(sheet.at("I" + last).text, std::to_string(c[1] + 2 * c[2] + 3 * c[3] + 4 * c[4])) << u;
    }
}

TEST(ReportChapters, SignatoryBlockFromTheSettingsOrDottedLinesWhenUnset) {
    Rows rows;
    fill(rows, 2024, 1, 12, 2, 4, 3);
    TestStore db(rows.csv);
    {
        const std::string text = test::pdf_text(write_pdf(db, "2024-S1", "unsigned.pdf"));
        EXPECT_TRUE(std::regex_search(text, std::regex("\\.{10,}, 15 Januari 2025\\s*\\n\\s*Camat,")));
        EXPECT_NE(text.find("(......................................)"), std::string::npos);
        EXPECT_NE(text.find("NIP. ......"), std::string::npos);
    }
    using namespace formats::setting;
    ASSERT_FALSE(store::change_setting(db.store(), kSignatoryTitle, "Camat Uji"));
    ASSERT_FALSE(store::change_setting(db.store(), kSignatoryName, "Dra. Siti Rahayu, M.Si."));
    ASSERT_FALSE(store::change_setting(db.store(), kSignatoryNip, "197203151998032004"));
    ASSERT_FALSE(store::change_setting(db.store(), kSignatoryPlace, "Sukamaju"));
    ASSERT_FALSE(store::change_setting(db.store(), kOfficeAddress, "Jl. Merdeka No. 1"));
    const std::string text = test::pdf_text(write_pdf(db, "2024-S1", "signed.pdf"));
    EXPECT_TRUE(std::regex_search(text, std::regex("Sukamaju, 15 Januari 2025\\s*\\n\\s*Camat Uji,")));
    EXPECT_NE(text.find("Dra. Siti Rahayu, M.Si."), std::string::npos);
    EXPECT_NE(text.find("NIP. 19720315 199803 2 004"), std::string::npos);
    EXPECT_NE(text.find("Alamat: Jl. Merdeka No. 1."), std::string::npos);
    EXPECT_EQ(text.find("(......................................)"), std::string::npos);
    EXPECT_EQ(nip_text("12345"), "12345");
}

}  // namespace
}  // namespace skm::reports
