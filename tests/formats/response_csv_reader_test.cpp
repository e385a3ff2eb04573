// formats/response_csv_reader: what docs/reference/file-formats.md#response-csv promises for imported CSV, and
// the file/line/column of every refusal (keys and arguments, never wording).
#include "formats/response_csv_reader.hpp"

#include "test_support.hpp"
#include "tests/support/response_rows.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace skm::formats {
namespace {

using test::arg;
using test::caught;
using test::permenpan_codes;
using test::standard_header;

// A copy of a delivered row (the reader's views live only during the callback).
using Owned = test::OwnedRow;

struct Read {
    std::vector<Owned> rows;
    CsvReadSummary summary;
};

Read read(std::string_view content, CsvReadOptions options = {},
          const std::vector<std::string>& codes = permenpan_codes()) {
    Read result;
    result.summary = read_response_csv(
        content, "jawaban.csv", codes,
        [&](const ResponseRow& row) {
            result.rows.push_back(test::owned_row(row));
        },
        options);
    return result;
}

// The problem of the skm::Error(input) the read throws; a failed expectation otherwise.
Problem refusal(std::string_view content, const std::vector<std::string>& codes = permenpan_codes()) {
    auto error = caught([&] { read(content, {}, codes); });
    if (!error) {
        ADD_FAILURE() << "the read did not throw skm::Error";
        return {};
    }
    EXPECT_EQ(error->kind, ErrorKind::input);
    return error->problem;
}

void expect_location(const Problem& problem, const std::string& key, const std::string& line, const std::string& column) {
    EXPECT_EQ(problem.key, key);
    EXPECT_EQ(arg(problem, "file"), "jawaban.csv") << problem.key;
    EXPECT_EQ(arg(problem, "line"), line) << problem.key;
    EXPECT_EQ(arg(problem, "column"), column) << problem.key;
}

// One data row in docs/reference/file-formats.md#response-csv column order. answers: the nine unsur fields.
std::string row(const std::string& id, const std::string& answers = "4,3,3,4,3,4,4,3,4", const std::string& saran = "",
                const std::string& submitted_at = "2024-03-01T09:15:00+07:00", const std::string& umur = "30-39") {
    return id + "," + submitted_at + ",KTP-el,L," + umur + ",S1,PNS," + answers + "," + saran + ",,kiosk-01,1";
}

const std::string kHeader = standard_header();

// ---- valid input -----------------------------------------------------------

TEST(ResponseCsvReader, BomCrlfQuotedSaranWithCommaQuotesAndNewline) {
    const std::string content = "\xEF\xBB\xBF" + kHeader + "\r\n" +
                                row("r1", "4,3,3,4,3,4,4,3,4", "\"Antre lama, tapi \"\"ramah\"\"\nterima kasih\"") +
                                "\r\n" + row("r2", "1,2,3,4,1,2,3,4,1", "Cepat") + "\r\n";
    const auto result = read(content);
    ASSERT_EQ(result.rows.size(), 2u);
    EXPECT_EQ(result.summary.rows, 2u);
    EXPECT_TRUE(result.summary.skipped.empty());
    EXPECT_EQ(result.summary.separator, ',');

    const auto& first = result.rows[0];
    EXPECT_EQ(first.line, 2u);
    EXPECT_EQ(first.response_id, "r1");  // the BOM is not part of the first header name
    EXPECT_EQ(first.submitted_at, "2024-03-01T09:15:00+07:00");
    EXPECT_EQ(first.timestamp.date.year, 2024);
    EXPECT_EQ(first.timestamp.date.month, 3);
    EXPECT_EQ(first.timestamp.hour, 9);
    EXPECT_EQ(first.timestamp.offset_minutes, 420);
    EXPECT_EQ(first.layanan, "KTP-el");
    EXPECT_EQ(first.jenis_kelamin, "L");
    EXPECT_EQ(first.umur, "30-39");
    EXPECT_EQ(first.pendidikan, "S1");
    EXPECT_EQ(first.pekerjaan, "PNS");
    EXPECT_EQ(first.answers, (std::vector<std::uint8_t>{4, 3, 3, 4, 3, 4, 4, 3, 4}));
    EXPECT_EQ(first.saran, "Antre lama, tapi \"ramah\"\nterima kasih");
    EXPECT_EQ(first.device_id, "kiosk-01");
    EXPECT_EQ(first.questionnaire_version, "1");

    const auto& second = result.rows[1];
    EXPECT_EQ(second.line, 4u);  // the first row spans lines 2 and 3
    EXPECT_EQ(second.response_id, "r2");
    EXPECT_EQ(second.answers, (std::vector<std::uint8_t>{1, 2, 3, 4, 1, 2, 3, 4, 1}));
    EXPECT_EQ(second.saran, "Cepat");
    // No CR leaks into the last field of a CRLF file.
    EXPECT_EQ(second.questionnaire_version, "1");
}

TEST(ResponseCsvReader, LastRowWithoutLineBreak) {
    const auto result = read(kHeader + "\n" + row("r1") + "\n" + row("r2", "1,1,1,1,1,1,1,1,1", "\"a,b\""));
    ASSERT_EQ(result.rows.size(), 2u);
    EXPECT_EQ(result.rows[1].saran, "a,b");
    EXPECT_EQ(result.rows[1].questionnaire_version, "1");
}

TEST(ResponseCsvReader, ColumnsMatchedByNameInAnyOrder) {
    const std::string header =
        "sarana,saran,pengaduan,layanan,perilaku,umur,kompetensi,response_id,produk,biaya,jenis_kelamin,"
        "waktu,submitted_at,prosedur,pekerjaan,persyaratan,pendidikan";
    // Values chosen so that each unsur has a distinct, recognisable answer.
    const std::string data = "1,Ramah,2,Akta Kelahiran,3,41,4,id-9,1,2,P,3,2024-07-15T10:00:00+08:00,4,Swasta,1,SMA";
    const auto result = read(header + "\n" + data + "\n");
    ASSERT_EQ(result.rows.size(), 1u);
    const auto& r = result.rows[0];
    EXPECT_EQ(r.response_id, "id-9");
    EXPECT_EQ(r.layanan, "Akta Kelahiran");
    EXPECT_EQ(r.jenis_kelamin, "P");
    EXPECT_EQ(r.umur, "40-49");
    EXPECT_EQ(r.pendidikan, "SMA");
    EXPECT_EQ(r.pekerjaan, "Swasta");
    EXPECT_EQ(r.saran, "Ramah");
    EXPECT_EQ(r.timestamp.offset_minutes, 480);
    // persyaratan prosedur waktu biaya produk kompetensi perilaku pengaduan sarana
    EXPECT_EQ(r.answers, (std::vector<std::uint8_t>{1, 4, 3, 2, 1, 4, 3, 2, 1}));
    // The optional columns are absent: empty.
    EXPECT_EQ(r.flags, "");
    EXPECT_EQ(r.device_id, "");
    EXPECT_EQ(r.questionnaire_version, "");
}

TEST(ResponseCsvReader, HeaderCellsPaddedWithSpacesStillMatch) {
    std::string header = kHeader;
    header.replace(header.find("layanan"), 7, "  layanan ");
    const auto result = read(header + "\n" + row("r1") + "\n");
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_EQ(result.rows[0].layanan, "KTP-el");
}

TEST(ResponseCsvReader, SemicolonDialectOfIndonesianExcel) {
    const std::string content = "\xEF\xBB\xBF" + standard_header(';') + "\r\n" +
                                "r1;2024-03-01T09:15:00+07:00;KTP-el;P;25;SMA;Wirausaha;4;4;3;;2;1;4;3;2;"
                                "Bagus, cepat;too_fast;kiosk-01;2\r\n" +
                                "r2;2024-03-02T09:15:00+07:00;KK;L;60+;S2;TNI;1;2;3;4;1;2;3;4;1;\"kata \"\"x\"\"; y\";;;\r\n";
    const auto result = read(content);
    EXPECT_EQ(result.summary.separator, ';');
    ASSERT_EQ(result.rows.size(), 2u);
    const auto& first = result.rows[0];
    EXPECT_EQ(first.response_id, "r1");
    EXPECT_EQ(first.umur, "20-29");
    EXPECT_EQ(first.answers, (std::vector<std::uint8_t>{4, 4, 3, 0, 2, 1, 4, 3, 2}));
    EXPECT_EQ(first.saran, "Bagus, cepat");  // a comma is plain text in this dialect
    EXPECT_EQ(first.flags, "too_fast");
    EXPECT_EQ(first.questionnaire_version, "2");
    const auto& second = result.rows[1];
    EXPECT_EQ(second.saran, "kata \"x\"; y");
    EXPECT_EQ(second.questionnaire_version, "");
}

TEST(ResponseCsvReader, IntegerAgeMapsToItsBand) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"17", "<20"},   {"19", "<20"},   {"20", "20-29"}, {"29", "20-29"}, {"30", "30-39"}, {"45", "40-49"},
        {"50", "50-59"}, {"59", "50-59"}, {"60", "60+"},   {"87", "60+"},   {"<20", "<20"},  {"60+", "60+"},
        {"", ""}};
    std::string content = kHeader + "\n";
    for (std::size_t i = 0; i < cases.size(); ++i) {
        content += row("r" + std::to_string(i), "4,3,3,4,3,4,4,3,4", "", "2024-03-01T09:15:00+07:00", cases[i].first) + "\n";
    }
    const auto result = read(content);
    ASSERT_EQ(result.rows.size(), cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        EXPECT_EQ(result.rows[i].umur, cases[i].second) << "umur written as \"" << cases[i].first << "\"";
    }
}

TEST(ResponseCsvReader, UnknownAgeTextIsRefused) {
    const auto problem = refusal(kHeader + "\n" + row("r1", "4,3,3,4,3,4,4,3,4", "", "2024-03-01T09:15:00+07:00", "tua") + "\n");
    expect_location(problem, "csv.bad_umur", "2", "umur");
    EXPECT_EQ(arg(problem, "value"), "tua");
}

TEST(ResponseCsvReader, EmptyAnswersReadAsZero) {
    const auto result = read(kHeader + "\n" + row("r1", ",3,,4,,,,,1") + "\n" + row("r2", ",,,,,,,,") + "\n");
    ASSERT_EQ(result.rows.size(), 2u);
    EXPECT_EQ(result.rows[0].answers, (std::vector<std::uint8_t>{0, 3, 0, 4, 0, 0, 0, 0, 1}));
    EXPECT_EQ(result.rows[1].answers, (std::vector<std::uint8_t>(9, 0)));
}

TEST(ResponseCsvReader, HeaderOnlyGivesNoRowsAndNoError) {
    for (const std::string& content : {kHeader, kHeader + "\n", kHeader + "\r\n", "\xEF\xBB\xBF" + kHeader + "\r\n\r\n"}) {
        const auto result = read(content);
        EXPECT_EQ(result.summary.rows, 0u);
        EXPECT_TRUE(result.rows.empty());
        EXPECT_TRUE(result.summary.skipped.empty());
    }
}

TEST(ResponseCsvReader, BlankLinesAreSkippedAndLinesStillCounted) {
    const auto result = read(kHeader + "\n\n" + row("r1") + "\n\n\n" + row("r2") + "\n");
    ASSERT_EQ(result.rows.size(), 2u);
    EXPECT_EQ(result.rows[0].line, 3u);
    EXPECT_EQ(result.rows[1].line, 6u);
}

TEST(ResponseCsvReader, CustomQuestionnaireCodes) {
    const std::vector<std::string> codes = {"kebersihan", "keramahan"};
    const auto result = read("response_id,submitted_at,layanan,keramahan,kebersihan\nx,2024-01-01T08:00:00Z,A,2,4\n", {}, codes);
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_EQ(result.rows[0].answers, (std::vector<std::uint8_t>{4, 2}));
}

// ---- refusals: header --------------------------------------------------------

TEST(ResponseCsvReader, UnknownColumn) {
    const auto problem = refusal(kHeader + ",nama\n" + row("r1") + ",Budi\n");
    expect_location(problem, "csv.unknown_column", "1", "nama");
}

TEST(ResponseCsvReader, UnknownColumnNameWithEscapedQuote) {
    const auto problem = refusal("\"na\"\"me\"," + kHeader + "\n");
    expect_location(problem, "csv.unknown_column", "1", "na\"me");
}

TEST(ResponseCsvReader, HeaderProblemAfterLeadingBlankLinesNamesTheHeaderLine) {
    const auto problem = refusal("\r\n\n" + kHeader + ",nama\n");
    expect_location(problem, "csv.unknown_column", "3", "nama");
    const auto result = read("\n" + kHeader + "\n" + row("r1") + "\n");
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_EQ(result.rows[0].line, 3u);
    // The dialect is detected from the header, not from the blank line before it.
    const auto semicolons = read("\r\n" + standard_header(';') + "\r\n");
    EXPECT_EQ(semicolons.summary.separator, ';');
}

TEST(ResponseCsvReader, MissingUnsurColumn) {
    std::string header = kHeader;
    header.erase(header.find(",biaya"), 6);
    const auto problem = refusal(header + "\n");
    expect_location(problem, "csv.missing_column", "1", "biaya");
}

TEST(ResponseCsvReader, MissingRequiredFixedColumn) {
    std::string header = kHeader;
    header.erase(header.find(",submitted_at"), 13);
    expect_location(refusal(header + "\n"), "csv.missing_column", "1", "submitted_at");
}

TEST(ResponseCsvReader, DuplicateColumn) {
    const auto problem = refusal(kHeader + ",layanan\n");
    expect_location(problem, "csv.duplicate_column", "1", "layanan");
}

// ---- refusals: values --------------------------------------------------------

TEST(ResponseCsvReader, AnswerFiveIsOutOfRange) {
    const auto problem = refusal(kHeader + "\n" + row("r1") + "\n" + row("r2", "4,3,5,4,3,4,4,3,4") + "\n");
    expect_location(problem, "csv.answer_out_of_range", "3", "waktu");
    EXPECT_EQ(arg(problem, "value"), "5");
}

TEST(ResponseCsvReader, AnswerZeroIsOutOfRange) {
    const auto problem = refusal(kHeader + "\n" + row("r1", "0,3,3,4,3,4,4,3,4") + "\n");
    expect_location(problem, "csv.answer_out_of_range", "2", "persyaratan");
}

TEST(ResponseCsvReader, TextInUnsurColumnIsNotANumber) {
    const auto problem = refusal(kHeader + "\n" + row("r1", "4,baik,3,4,3,4,4,3,4") + "\n");
    expect_location(problem, "csv.answer_not_number", "2", "prosedur");
    EXPECT_EQ(arg(problem, "value"), "baik");
}

TEST(ResponseCsvReader, NotUtf8ReportsTheLineOfTheBadByte) {
    const std::string content = kHeader + "\n" + row("r1") + "\n" + row("r2", "4,3,3,4,3,4,4,3,4", "Pelayanan \xE9l\xE9gan") + "\n";
    const auto problem = refusal(content);
    expect_location(problem, "csv.not_utf8", "3", "-");
}

TEST(ResponseCsvReader, NotUtf8AfterBomAndMultiLineField) {
    const std::string content = "\xEF\xBB\xBF" + kHeader + "\r\n" + row("r1", "4,3,3,4,3,4,4,3,4", "\"satu\r\ndua\"") +
                                "\r\n" + row("r2", "4,3,3,4,3,4,4,3,4", "\xFF") + "\r\n";
    expect_location(refusal(content), "csv.not_utf8", "4", "-");
}

TEST(ResponseCsvReader, EmptyFile) {
    for (const std::string& content : {std::string(), std::string("\xEF\xBB\xBF"), std::string("\r\n \n")}) {
        expect_location(refusal(content), "csv.empty_file", "1", "-");
    }
}

TEST(ResponseCsvReader, DuplicateResponseId) {
    const auto problem = refusal(kHeader + "\n" + row("abc") + "\n" + row("def") + "\n" + row("abc") + "\n");
    expect_location(problem, "csv.duplicate_id", "4", "response_id");
    EXPECT_EQ(arg(problem, "first_line"), "2");
    EXPECT_EQ(arg(problem, "value"), "abc");
}

TEST(ResponseCsvReader, DuplicateResponseIdWrittenWithEscapedQuotes) {
    // The unescaped id lives in a scratch buffer that later rows overwrite.
    const auto problem = refusal(kHeader + "\n" + row("\"a\"\"1\"") + "\n" + row("\"b\"\"2\"") + "\n" +
                                 row("\"a\"\"1\"") + "\n");
    expect_location(problem, "csv.duplicate_id", "4", "response_id");
    EXPECT_EQ(arg(problem, "first_line"), "2");
    EXPECT_EQ(arg(problem, "value"), "a\"1");
}

TEST(ResponseCsvReader, BadTimestamp) {
    for (const std::string bad : {"2024-13-01T09:15:00+07:00", "2024-03-01T09:15:00", "01/03/2024 09:15", "kemarin"}) {
        const auto problem = refusal(kHeader + "\n" + row("r1") + "\n" + row("r2", "4,3,3,4,3,4,4,3,4", "", bad) + "\n");
        expect_location(problem, "csv.bad_timestamp", "3", "submitted_at");
        EXPECT_EQ(arg(problem, "value"), bad);
    }
}

TEST(ResponseCsvReader, WrongFieldCount) {
    const auto problem = refusal(kHeader + "\n" + row("r1") + "\n" + row("r2") + ",extra\n");
    expect_location(problem, "csv.field_count", "3", "-");
    EXPECT_EQ(arg(problem, "expected"), "20");
    EXPECT_EQ(arg(problem, "found"), "21");

    const auto fewer = refusal(kHeader + "\nr1,2024-03-01T09:15:00+07:00,KTP-el\n");
    expect_location(fewer, "csv.field_count", "2", "-");
    EXPECT_EQ(arg(fewer, "found"), "3");
}

TEST(ResponseCsvReader, UnterminatedQuote) {
    // saran is the 17th column of the standard header.
    const auto problem = refusal(kHeader + "\n" + row("r1") + "\n" + row("r2", "4,3,3,4,3,4,4,3,4", "\"tidak ditutup") +
                                 "\n" + row("r3") + "\n");
    expect_location(problem, "csv.unterminated_quote", "3", "17");
}

TEST(ResponseCsvReader, StrayQuoteInsideUnquotedField) {
    const auto problem = refusal(kHeader + "\n" + row("r1", "4,3,3,4,3,4,4,3,4", "kata \"x\"") + "\n");
    expect_location(problem, "csv.stray_quote", "2", "17");
}

TEST(ResponseCsvReader, EmptyRequiredValue) {
    const auto problem = refusal(kHeader + "\n" + row("") + "\n");
    expect_location(problem, "csv.empty_value", "2", "response_id");
}

TEST(ResponseCsvReader, VocabularyFieldsAreChecked) {
    auto with = [&](const std::string& profile) {
        return kHeader + "\nr1,2024-03-01T09:15:00+07:00,KTP-el," + profile + ",4,3,3,4,3,4,4,3,4,,,,\n";
    };
    expect_location(refusal(with("X,30-39,S1,PNS")), "csv.bad_jenis_kelamin", "2", "jenis_kelamin");
    expect_location(refusal(with("L,30-39,SLTA,PNS")), "csv.bad_pendidikan", "2", "pendidikan");
    expect_location(refusal(with("L,30-39,S1,Petani")), "csv.bad_pekerjaan", "2", "pekerjaan");
    EXPECT_EQ(read(with(",,,")).rows.size(), 1u);  // all profile fields may be empty
}

TEST(ResponseCsvReader, FlagsAndVersionAreChecked) {
    const std::string base = kHeader + "\nr1,2024-03-01T09:15:00+07:00,KTP-el,L,30-39,S1,PNS,4,3,3,4,3,4,4,3,4,,";
    expect_location(refusal(base + "Too Fast,,1\n"), "csv.bad_flags", "2", "flags");
    expect_location(refusal(base + ",,v1\n"), "csv.bad_version", "2", "questionnaire_version");
    const auto ok = read(base + "\"too_fast;straight_line\",kiosk-02,3\n");
    ASSERT_EQ(ok.rows.size(), 1u);
    EXPECT_EQ(ok.rows[0].flags, "too_fast;straight_line");
}

TEST(ResponseCsvReader, OverlongSaranIsRefused) {
    const std::string saran(kMaxSaranBytes + 1, 'a');
    expect_location(refusal(kHeader + "\n" + row("r1", "4,3,3,4,3,4,4,3,4", saran) + "\n"), "csv.too_long", "2", "saran");
    EXPECT_EQ(read(kHeader + "\n" + row("r1", "4,3,3,4,3,4,4,3,4", std::string(kMaxSaranBytes, 'a')) + "\n").rows.size(), 1u);
}

// ---- the recorded columns: profile_detail, origin, channel -------------------

const std::string kRecordedHeader = test::written_header();

TEST(ResponseCsvReader, RecordedColumnsAreReadInTheWritersOrderAndAnyOther) {
    const std::string rows = "\n" + row("r1") + ",\"pendidikan=tidak_sekolah;pekerjaan=petani\",import,paper\n" +
                             row("r2") + ",,,\n" + row("r3") + ",pekerjaan=petani,kiosk,kiosk\n";
    const auto got = read(kRecordedHeader + rows);
    ASSERT_EQ(got.rows.size(), 3u);
    EXPECT_EQ(got.rows[0].profile_detail, "pendidikan=tidak_sekolah;pekerjaan=petani");
    EXPECT_EQ(got.rows[0].origin, "import");
    EXPECT_EQ(got.rows[0].channel, "paper");
    EXPECT_EQ(got.rows[1].profile_detail, "");  // not recorded
    EXPECT_EQ(got.rows[1].origin, "");
    EXPECT_EQ(got.rows[1].channel, "");
    EXPECT_EQ(got.rows[2].profile_detail, "pekerjaan=petani");
    EXPECT_EQ(got.rows[2].origin, "kiosk");
    EXPECT_EQ(got.rows[2].channel, "kiosk");

    // Only some of them, before the others: matched by name.
    const auto some = read("channel,response_id,submitted_at,layanan,persyaratan,prosedur,waktu,biaya,produk,kompetensi,"
                           "perilaku,pengaduan,sarana\nlink,r9,2024-03-01T09:15:00+07:00,KTP-el,4,3,3,4,3,4,4,3,4\n");
    ASSERT_EQ(some.rows.size(), 1u);
    EXPECT_EQ(some.rows[0].channel, "link");
    EXPECT_EQ(some.rows[0].origin, "");
    EXPECT_EQ(some.rows[0].profile_detail, "");
}

TEST(ResponseCsvReader, AFileWithoutTheRecordedColumnsReadsThemEmpty) {
    const auto got = read(kHeader + "\n" + row("r1") + "\n" + row("r2") + "\n");
    ASSERT_EQ(got.rows.size(), 2u);
    for (const auto& r : got.rows) {
        EXPECT_EQ(r.profile_detail, "");
        EXPECT_EQ(r.origin, "");
        EXPECT_EQ(r.channel, "");
    }
}

TEST(ResponseCsvReader, RecordedValuesAreChecked) {
    auto with = [&](const std::string& recorded) { return kRecordedHeader + "\n" + row("r1") + "," + recorded + "\n"; };
    expect_location(refusal(with("pekerjaan=Petani,,")), "csv.bad_profile_detail", "2", "profile_detail");
    expect_location(refusal(with("alamat=rumah,,")), "csv.bad_profile_detail", "2", "profile_detail");
    expect_location(refusal(with("\"umur=a;umur=b\",,")), "csv.bad_profile_detail", "2", "profile_detail");
    expect_location(refusal(with("pekerjaan=" + std::string(33, 'p') + ",,")), "csv.bad_profile_detail", "2",
                    "profile_detail");  // an option of 33 bytes
    expect_location(refusal(with(",impor,")), "csv.bad_origin", "2", "origin");
    expect_location(refusal(with(",Kiosk,")), "csv.bad_origin", "2", "origin");
    expect_location(refusal(with(",,kertas")), "csv.bad_channel", "2", "channel");
    const auto bad = refusal(with(",,forms"));
    EXPECT_EQ(arg(bad, "value"), "forms");
    // The longest detail there can be: every field, each option of 32 bytes (171 bytes; quoted for its ';').
    const std::string longest_detail = "jenis_kelamin=" + std::string(32, 'j') + ";umur=" + std::string(32, 'u') +
                                       ";pendidikan=" + std::string(32, 'd') + ";pekerjaan=" + std::string(32, 'p');
    const auto longest = read(with("\"" + longest_detail + "\",hub,link"));
    ASSERT_EQ(longest.rows.size(), 1u);
    EXPECT_EQ(longest.rows[0].profile_detail, longest_detail);
    EXPECT_EQ(longest.rows[0].origin, "hub");
    EXPECT_EQ(longest.rows[0].channel, "link");
}

// ---- skip_bad_rows -----------------------------------------------------------

TEST(ResponseCsvReader, SkipBadRowsDeliversGoodRowsAndReportsBadOnes) {
    const std::string content = kHeader + "\n" +
                                row("g1") + "\n" +                                        // 2
                                row("b1", "4,3,5,4,3,4,4,3,4") + "\n" +                   // 3 out of range
                                row("g2") + "\n" +                                        // 4
                                row("b2") + ",extra\n" +                                  // 5 field count
                                row("b3", "4,3,3,4,3,4,4,3,4", "", "2024-02-30T08:00:00+07:00") + "\n" +  // 6 bad date
                                row("g1") + "\n" +                                        // 7 duplicate of line 2
                                row("g3", "4,3,3,4,3,4,4,3,4", "\"ok, \"\"ya\"\"\"") + "\n";  // 8
    const auto result = read(content, CsvReadOptions{.skip_bad_rows = true});
    ASSERT_EQ(result.rows.size(), 3u);
    EXPECT_EQ(result.summary.rows, 3u);
    EXPECT_EQ(result.rows[0].response_id, "g1");
    EXPECT_EQ(result.rows[1].response_id, "g2");
    EXPECT_EQ(result.rows[2].response_id, "g3");
    EXPECT_EQ(result.rows[2].saran, "ok, \"ya\"");
    EXPECT_EQ(result.rows[2].line, 8u);

    const auto& skipped = result.summary.skipped;
    ASSERT_EQ(skipped.size(), 4u);
    expect_location(skipped[0], "csv.answer_out_of_range", "3", "waktu");
    expect_location(skipped[1], "csv.field_count", "5", "-");
    expect_location(skipped[2], "csv.bad_timestamp", "6", "submitted_at");
    expect_location(skipped[3], "csv.duplicate_id", "7", "response_id");
    EXPECT_EQ(arg(skipped[3], "first_line"), "2");
}

TEST(ResponseCsvReader, SkippedRowDoesNotReserveItsId) {
    // A refused row's id is not "used": a later good row with that id is delivered.
    const std::string content = kHeader + "\n" + row("x", "9,3,3,4,3,4,4,3,4") + "\n" + row("x") + "\n";
    const auto result = read(content, CsvReadOptions{.skip_bad_rows = true});
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_EQ(result.rows[0].line, 3u);
    ASSERT_EQ(result.summary.skipped.size(), 1u);
    EXPECT_EQ(result.summary.skipped[0].key, "csv.answer_out_of_range");
}

TEST(ResponseCsvReader, WithoutSkipTheFirstBadRowStopsTheRead) {
    std::size_t delivered = 0;
    const std::string content = kHeader + "\n" + row("g1") + "\n" + row("b1", "4,3,5,4,3,4,4,3,4") + "\n" + row("g2") + "\n";
    auto error = caught([&] {
        read_response_csv(content, "jawaban.csv", permenpan_codes(), [&](const ResponseRow&) { ++delivered; });
    });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->problem.key, "csv.answer_out_of_range");
    EXPECT_LE(delivered, 1u);  // nothing after the bad row
}

}  // namespace
}  // namespace skm::formats
