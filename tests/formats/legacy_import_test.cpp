// formats/legacy_*: the column recogniser, the label matcher, the dates of
// old files, the XLSX table reader and MAP.json, each against values written
// here by hand (the whole command is tested in tests/tools/skm_import_legacy_test).
#include "formats/import_map.hpp"
#include "formats/import_table.hpp"
#include "formats/legacy_date.hpp"
#include "formats/legacy_import.hpp"
#include "formats/legacy_vocabulary.hpp"
#include "scoring/problem.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/xlsx_fixture.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace skm::formats {
namespace {

const Questionnaire& permenpan() {
    static const Questionnaire q = load_questionnaire(std::string(SKM_SOURCE_DIR) + "/assets/questionnaire/permenpan-14-2017.json");
    return q;
}

ColumnRole role(std::string_view header) {
    bool old = false;
    return recognise_column(header, permenpan(), old);
}

TEST(LegacyColumns, EveryQuestionInEveryLanguageWithOrWithoutNumbering) {
    for (std::size_t u = 0; u < permenpan().unsur.size(); ++u) {
        for (const auto& [language, text] : permenpan().unsur[u].question) {
            SCOPED_TRACE(text);
            EXPECT_EQ(role(text), (ColumnRole{ColumnKind::unsur, u}));
            EXPECT_EQ(role(std::to_string(u + 1) + ". " + text), (ColumnRole{ColumnKind::unsur, u}));
        }
        EXPECT_EQ(role("U" + std::to_string(u + 1)), (ColumnRole{ColumnKind::unsur, u}));
    }
    // The official annex's own wording, typo included.
    EXPECT_EQ(role("7. Bagamana pendapat saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?"),
              (ColumnRole{ColumnKind::unsur, 6}));
    EXPECT_EQ(role("U10").kind, ColumnKind::unknown);
    // Two unsur in one question: not guessed.
    EXPECT_EQ(role("Bagaimana biaya dan waktu pelayanan?").kind, ColumnKind::unknown);
}

TEST(LegacyColumns, ProfileTimestampPersonalAndTheRest) {
    EXPECT_EQ(role("Stempel waktu").kind, ColumnKind::timestamp);
    EXPECT_EQ(role("Timestamp").kind, ColumnKind::timestamp);
    EXPECT_EQ(role("Jenis Kelamin").kind, ColumnKind::jenis_kelamin);
    EXPECT_EQ(role("Usia (tahun)").kind, ColumnKind::umur);
    EXPECT_EQ(role("Umur").kind, ColumnKind::umur);
    EXPECT_EQ(role("Pendidikan terakhir").kind, ColumnKind::pendidikan);
    EXPECT_EQ(role("Pekerjaan").kind, ColumnKind::pekerjaan);
    EXPECT_EQ(role("Jenis layanan yang diterima").kind, ColumnKind::layanan);
    EXPECT_EQ(role("Nama layanan").kind, ColumnKind::layanan);
    EXPECT_EQ(role("Saran dan masukan").kind, ColumnKind::saran);
    for (const char* personal : {"Alamat email", "Email Address", "E-mail", "Nama", "Nama lengkap", "Nomor HP", "No. HP/WA",
                                 "Nomor telepon", "NIK", "Alamat", "Alamat rumah"}) {
        EXPECT_EQ(role(personal).kind, ColumnKind::personal) << personal;
    }
    EXPECT_EQ(role("No").kind, ColumnKind::ignored);
    EXPECT_EQ(role("Asal desa").kind, ColumnKind::unknown);
    bool old = false;
    recognise_column("Kedisiplinan petugas pelayanan", permenpan(), old);
    EXPECT_TRUE(old);
}

TEST(LegacyLabels, AnswersWithOrWithoutPrefixesAnyCaseOrDigits) {
    const UnsurDefinition& biaya = permenpan().unsur[3];
    EXPECT_EQ(match_answer("a. Sangat mahal", biaya), 1);
    EXPECT_EQ(match_answer("B. cukup MAHAL", biaya), 2);
    EXPECT_EQ(match_answer("Murah", biaya), 3);
    EXPECT_EQ(match_answer("d) Gratis", biaya), 4);
    EXPECT_EQ(match_answer("Free", biaya), 4);
    EXPECT_EQ(match_answer("4", biaya), 4);
    EXPECT_EQ(match_answer("", biaya), 0);
    EXPECT_EQ(match_answer("5", biaya), std::nullopt);
    EXPECT_EQ(match_answer("Sangat sesuai", biaya), std::nullopt);  // another unsur's label
    const UnsurDefinition& pengaduan = permenpan().unsur[7];
    EXPECT_EQ(match_answer("b. Ada tetapi tidak berfungsi", pengaduan), 2);
}

TEST(LegacyLabels, ProfileAnswersOntoTheOfficialCodesWithTheirDetail) {
    const auto p = [](const char* text, ColumnKind field) { return match_profile(text, field); };
    EXPECT_EQ(p("Laki-laki", ColumnKind::jenis_kelamin), (ProfileValue{"L", ""}));
    EXPECT_EQ(p("PEREMPUAN", ColumnKind::jenis_kelamin), (ProfileValue{"P", ""}));
    EXPECT_EQ(p("Tidak sekolah", ColumnKind::pendidikan), (ProfileValue{"SD", "tidak_sekolah"}));
    EXPECT_EQ(p("SMA/SMK/sederajat", ColumnKind::pendidikan), (ProfileValue{"SMA", ""}));
    EXPECT_EQ(p("D2", ColumnKind::pendidikan), (ProfileValue{"D1-D3", ""}));
    EXPECT_EQ(p("D4", ColumnKind::pendidikan), (ProfileValue{"S1", "d4"}));
    EXPECT_EQ(p("S3", ColumnKind::pendidikan), (ProfileValue{"S3", ""}));
    EXPECT_EQ(p("PNS/ASN", ColumnKind::pekerjaan), (ProfileValue{"PNS", ""}));
    EXPECT_EQ(p("Karyawan swasta", ColumnKind::pekerjaan), (ProfileValue{"Swasta", ""}));
    EXPECT_EQ(p("Wiraswasta", ColumnKind::pekerjaan), (ProfileValue{"Wirausaha", ""}));
    EXPECT_EQ(p("Nelayan", ColumnKind::pekerjaan), (ProfileValue{"Lainnya", "nelayan"}));
    EXPECT_EQ(p("Pelajar/Mahasiswa", ColumnKind::pekerjaan), (ProfileValue{"Lainnya", "pelajar_mahasiswa"}));
    EXPECT_EQ(p("Ibu rumah tangga", ColumnKind::pekerjaan), (ProfileValue{"Lainnya", "ibu_rumah_tangga"}));
    EXPECT_EQ(p("Guru", ColumnKind::pekerjaan), std::nullopt);
    EXPECT_EQ(p("TNI/POLRI", ColumnKind::pekerjaan), std::nullopt);  // two codes: not guessed
    EXPECT_EQ(p("34", ColumnKind::umur), (ProfileValue{"30-39", ""}));
    EXPECT_EQ(p("< 20 tahun", ColumnKind::umur), (ProfileValue{"<20", ""}));
    EXPECT_EQ(p("20 – 29 tahun", ColumnKind::umur), (ProfileValue{"20-29", ""}));
    EXPECT_EQ(p("60 tahun ke atas", ColumnKind::umur), (ProfileValue{"60+", ""}));
    EXPECT_EQ(p("17-25", ColumnKind::umur), std::nullopt);  // straddles two bands
    EXPECT_EQ(profile_from_map("Lainnya:guru", ColumnKind::pekerjaan), (ProfileValue{"Lainnya", "guru"}));
    EXPECT_EQ(profile_from_map("Guru", ColumnKind::pekerjaan), std::nullopt);
    EXPECT_EQ(profile_from_map("Lainnya:Guru Honorer", ColumnKind::pekerjaan), std::nullopt);
}

scoring::Timestamp resolved(std::string_view text, DateOrder order) {
    const auto written = parse_written_date(text);
    EXPECT_TRUE(written) << text;
    const auto moment = written ? resolve_date(*written, order, 420) : std::nullopt;
    EXPECT_TRUE(moment) << text;
    return moment.value_or(scoring::Timestamp{});
}

TEST(LegacyDates, TheFormsGoogleAndSpreadsheetsWrite) {
    EXPECT_EQ(scoring::iso8601(resolved("15/03/2024 9.05.07", DateOrder::dmy)), "2024-03-15T09:05:07+07:00");
    EXPECT_EQ(scoring::iso8601(resolved("3/15/2024 21:05:07", DateOrder::mdy)), "2024-03-15T21:05:07+07:00");
    EXPECT_EQ(scoring::iso8601(resolved("2024/03/15 9:05:07 PM GMT+8", DateOrder::unknown)), "2024-03-15T21:05:07+08:00");
    EXPECT_EQ(scoring::iso8601(resolved("2024/03/15 12:00:01 AM GMT+7", DateOrder::unknown)), "2024-03-15T00:00:01+07:00");
    EXPECT_EQ(scoring::iso8601(resolved("04-03-2024", DateOrder::dmy)), "2024-03-04T00:00:00+07:00");
    EXPECT_EQ(order_evidence(*parse_written_date("25/03/2024")), DateOrder::dmy);
    EXPECT_EQ(order_evidence(*parse_written_date("3/25/2024")), DateOrder::mdy);
    EXPECT_EQ(order_evidence(*parse_written_date("3/4/2024")), DateOrder::unknown);
    for (const char* bad : {"", "kemarin", "15/03/24", "2024/13/01 10:00", "15/03/2024 25:00", "15/03/2024 10:00 XM"}) {
        const auto written = parse_written_date(bad);
        EXPECT_FALSE(written && resolve_date(*written, DateOrder::dmy, 420)) << bad;
    }
    EXPECT_EQ(resolve_date(*parse_written_date("31/02/2024"), DateOrder::dmy, 420), std::nullopt);
    // 45366.5: noon on 15 March 2024.
    EXPECT_EQ(scoring::iso8601(*serial_date(45366.5, 480)), "2024-03-15T12:00:00+08:00");
    EXPECT_EQ(time_zone_offset_minutes("WIT"), 540);
}

TEST(LegacyTable, XlsxFirstSheetWithDateStylesAndSharedStrings) {
    const test::TempDir dir;
    const std::string path = (dir / "f.xlsx").string();
    ASSERT_TRUE(test::write_xlsx(path, {"Stempel waktu", "Nama", "U1"},
                                 {{{"", 45366.25, {}}, {"Siti, \"Bu\"\nRT 3", {}, {}}, {"", {}, 3.0}},
                                  {{"", 45367.0, {}}, {"", {}, {}}, {"", {}, 4.0}}}));
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const ImportTable table = read_import_table(bytes.str(), path);
    EXPECT_EQ(table.header, (std::vector<std::string>{"Stempel waktu", "Nama", "U1"}));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.row_numbers, (std::vector<std::size_t>{2, 3}));
    EXPECT_EQ(table.rows[0][0].date_serial, 45366.25);
    EXPECT_EQ(table.rows[0][1].text, "Siti, \"Bu\"\nRT 3");
    EXPECT_EQ(table.rows[0][2].text, "3");
    EXPECT_FALSE(table.rows[0][2].date_serial);
    EXPECT_EQ(table.rows[1][1].text, "");
    try {
        read_import_table(std::string("PK\x03\x04 not a zip", 14), "bad.xlsx");
        ADD_FAILURE() << "a broken workbook was read";
    } catch (const Error& e) {
        EXPECT_EQ(e.problem().key, "import.bad_xlsx");
    }
}

TEST(LegacyTable, CsvWithSemicolonsBomAndLineBreaksInCells) {
    const ImportTable table = read_import_table("\xEF\xBB\xBFNo;Saran\n1;\"a;b\nc\"\n\n2;x\n", "t.csv");
    EXPECT_EQ(table.header, (std::vector<std::string>{"No", "Saran"}));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0][1].text, "a;b\nc");
    EXPECT_EQ(table.row_numbers, (std::vector<std::size_t>{2, 3}));
}

TEST(LegacyMap, ReadBackWhatWasWrittenAndRefuseTheRest) {
    ImportMap map;
    map.source = "google-forms";
    map.columns = {{"Asal desa", "ignore"}, {"Stempel waktu", "timestamp"}};
    map.labels["Pekerjaan"]["Guru"] = "Lainnya:guru";
    const std::string text = format_import_map(map, {"Stempel waktu", "Asal desa", "Pekerjaan"});
    const ImportMap back = parse_import_map(text, "m.json");
    EXPECT_EQ(back.columns, map.columns);
    EXPECT_EQ(back.labels, map.labels);
    EXPECT_LT(text.find("Stempel waktu"), text.find("Asal desa"));  // the file's order
    for (const char* bad : {"[]", "{\"columns\": {\"a\": 1}}", "{\"colums\": {}}", "not json"}) {
        try {
            parse_import_map(bad, "m.json");
            ADD_FAILURE() << bad;
        } catch (const Error& e) {
            EXPECT_EQ(e.problem().key, "import.bad_map");
        }
    }
}

TEST(LegacyImportRows, PersonalColumnsNeverReachAResponse) {
    ImportTable table;
    table.header = {"Stempel waktu", "Nama", "Alamat email", "Nomor HP", "NIK", "Alamat"};
    for (std::size_t u = 0; u < 9; ++u) table.header.push_back("U" + std::to_string(u + 1));
    std::vector<TableCell> row = {{"15/03/2024 10.00.00", {}}, {"Siti Aminah", {}}, {"siti@contoh.id", {}},
                                  {"08123456789", {}},        {"3301010101010001", {}}, {"Jl. Mawar 3", {}}};
    for (std::size_t u = 0; u < 9; ++u) row.push_back({"3", {}});
    table.rows = {row};
    table.row_numbers = {2};
    LegacyImportOptions options;
    options.layanan = "KTP-el";
    const LegacyImport result = read_legacy_import(table, permenpan(), options, "f.csv");
    ASSERT_TRUE(result.unresolved.empty());
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_EQ(result.personal_columns, 5u);
    const Response& r = result.rows[0].response;
    std::string everything = r.submitted_at + r.layanan + r.jenis_kelamin + r.umur + r.pendidikan + r.pekerjaan + r.saran +
                             r.profile_detail + r.device_id + result.rows[0].identity;
    for (const char* value : {"Siti", "siti@", "0812", "3301", "Mawar"}) EXPECT_EQ(everything.find(value), std::string::npos) << value;
    EXPECT_EQ(r.submitted_at, "2024-03-15T10:00:00+07:00");
}

}  // namespace
}  // namespace skm::formats
