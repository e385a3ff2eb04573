// formats/response_csv_writer: what it writes reads back unchanged, in both
// dialects; the header is the column order of docs/reference/file-formats.md#response-csv; LF line endings.
#include "formats/response_csv_writer.hpp"

#include "formats/response_csv_reader.hpp"
#include "test_support.hpp"
#include "tests/support/response_rows.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace skm::formats {
namespace {

using test::permenpan_codes;
using test::written_header;

// The four profile answers of `r`, in the file's column order.
void set_profile(Response& r, std::string jenis_kelamin, std::string umur, std::string pendidikan, std::string pekerjaan) {
    r.jenis_kelamin = std::move(jenis_kelamin);
    r.umur = std::move(umur);
    r.pendidikan = std::move(pendidikan);
    r.pekerjaan = std::move(pekerjaan);
}

std::vector<Response> sample_responses() {
    Response plain;
    plain.response_id = "0b6f6a52-5c1e-4e39-9a4c-6f0a2a1d9b01";
    plain.submitted_at = "2024-03-01T09:15:00+07:00";
    plain.layanan = "KTP-el";
    set_profile(plain, "P", "30-39", "S1", "PNS");
    plain.answers = {4, 3, 3, 4, 3, 4, 4, 3, 4};
    plain.device_id = "kiosk-sukamaju-01";
    plain.questionnaire_version = "1";
    plain.origin = "kiosk";
    plain.channel = "kiosk";

    // Separators, quotes and line breaks inside fields; unanswered unsur are empty fields.
    Response tricky;
    set_profile(tricky, "", "60+", "", "");  // only the age given
    tricky.response_id = "impor-\"2\"";
    tricky.submitted_at = "2024-07-31T23:59:59+09:00";
    tricky.layanan = "Akta Kelahiran, Kematian; dan \"KK\"";
    tricky.answers = {1, 0, 2, 0, 0, 4, 0, 0, 1};
    tricky.saran = "Antre lama, petugas \"ramah\";\nruang tunggu panas\r\nmatur nuwun 🙏 ꦱꦼꦩ꧀";
    tricky.flags = {"too_fast", "straight_line"};
    tricky.device_id = "kiosk;2, lantai \"1\"";
    tricky.questionnaire_version = "12";
    // ';' is the Indonesian dialect's separator: the detail is quoted there.
    tricky.profile_detail = "pendidikan=tidak_sekolah;pekerjaan=petani";
    tricky.origin = "import";
    tricky.channel = "paper";

    Response empty = plain;  // nothing answered, a lone quote for saran, no device or version
    empty.response_id = "kosong";
    empty.submitted_at = "2024-12-31T08:00:00+08:00";
    empty.umur = "<20";
    empty.answers.assign(9, 0);
    empty.saran = "\"";
    empty.flags = {"straight_line"};
    empty.device_id = "";
    empty.questionnaire_version = "";
    empty.origin = "";  // not recorded (written before the field existed)
    empty.channel = "";
    return {plain, tricky, empty};
}

std::string write_all(const std::vector<Response>& responses, CsvDialect dialect) {
    std::ostringstream out;
    write_response_csv_header(out, permenpan_codes(), dialect);
    for (const auto& response : responses) write_response_csv_row(out, response, dialect);
    return out.str();
}

std::vector<Response> read_all(std::string_view content, char expected_separator) {
    std::vector<Response> back;
    const auto summary = read_response_csv(content, "roundtrip.csv", permenpan_codes(), [&](const ResponseRow& row) {
        back.push_back(test::response_of(row));
    });
    EXPECT_EQ(summary.separator, expected_separator);
    EXPECT_TRUE(summary.skipped.empty());
    return back;
}

void expect_same(const Response& written, const Response& read) {
    // Field by field first, so that a failure names the field.
    for (const auto field : {&Response::response_id, &Response::submitted_at, &Response::layanan,
                             &Response::jenis_kelamin, &Response::umur, &Response::pendidikan, &Response::pekerjaan,
                             &Response::saran, &Response::device_id, &Response::questionnaire_version,
                             &Response::profile_detail, &Response::origin, &Response::channel}) {
        EXPECT_EQ(read.*field, written.*field) << "of " << written.response_id;
    }
    EXPECT_EQ(read.answers, written.answers);
    EXPECT_EQ(read.flags, written.flags);
    EXPECT_EQ(read, written);  // and nothing else differs
}

class ResponseCsvRoundTrip : public ::testing::TestWithParam<CsvDialect> {};

TEST_P(ResponseCsvRoundTrip, WhatIsWrittenReadsBackFieldByField) {
    const auto responses = sample_responses();
    const std::string content = write_all(responses, GetParam());
    const char separator = GetParam() == CsvDialect::indonesian_excel ? ';' : ',';
    const auto back = read_all(content, separator);
    ASSERT_EQ(back.size(), responses.size()) << content;
    for (std::size_t i = 0; i < responses.size(); ++i) {
        SCOPED_TRACE("response " + std::to_string(i));
        expect_same(responses[i], back[i]);
    }
}

TEST_P(ResponseCsvRoundTrip, HeaderIsTheDocumentedColumnOrderWithLf) {
    std::ostringstream out;
    write_response_csv_header(out, permenpan_codes(), GetParam());
    const char separator = GetParam() == CsvDialect::indonesian_excel ? ';' : ',';
    EXPECT_EQ(out.str(), written_header(separator) + "\n");
}

TEST_P(ResponseCsvRoundTrip, RowsEndWithLfAndNoCr) {
    auto responses = sample_responses();
    responses.resize(1);
    const std::string content = write_all(responses, GetParam());
    EXPECT_EQ(content.find('\r'), std::string::npos);
    ASSERT_FALSE(content.empty());
    EXPECT_EQ(content.back(), '\n');
}

INSTANTIATE_TEST_SUITE_P(Dialects, ResponseCsvRoundTrip,
                         ::testing::Values(CsvDialect::standard, CsvDialect::indonesian_excel),
                         [](const auto& param_info) {
                             return param_info.param == CsvDialect::standard ? std::string("Standard")
                                                                       : std::string("IndonesianExcel");
                         });

TEST(ResponseCsvWriter, ExactRowForPlainResponse) {
    std::ostringstream out;
    write_response_csv_row(out, sample_responses()[0]);
    EXPECT_EQ(out.str(),
              "0b6f6a52-5c1e-4e39-9a4c-6f0a2a1d9b01,2024-03-01T09:15:00+07:00,KTP-el,P,30-39,S1,PNS,"
              "4,3,3,4,3,4,4,3,4,,,kiosk-sukamaju-01,1,,kiosk,kiosk\n");
}

TEST(ResponseCsvWriter, ExactRowsWithAProfileDetailInBothDialects) {
    const Response tricky = sample_responses()[1];
    std::ostringstream standard;
    write_response_csv_row(standard, tricky);
    const std::string standard_row = standard.str();
    EXPECT_EQ(standard_row.substr(standard_row.rfind(",12,")),
              ",12,pendidikan=tidak_sekolah;pekerjaan=petani,import,paper\n");
    std::ostringstream excel;
    write_response_csv_row(excel, tricky, CsvDialect::indonesian_excel);
    const std::string excel_row = excel.str();
    EXPECT_EQ(excel_row.substr(excel_row.rfind(";12;")),
              ";12;\"pendidikan=tidak_sekolah;pekerjaan=petani\";import;paper\n");
}

TEST(ResponseCsvWriter, CsvFieldQuotesOnlyWhenNeeded) {
    EXPECT_EQ(csv_field("biasa"), "biasa");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("a;b"), "a;b");
    EXPECT_EQ(csv_field("a;b", ';'), "\"a;b\"");
    EXPECT_EQ(csv_field("a,b", ';'), "a,b");
    EXPECT_EQ(csv_field("kata \"x\""), "\"kata \"\"x\"\"\"");
    EXPECT_EQ(csv_field("satu\ndua"), "\"satu\ndua\"");
    EXPECT_EQ(csv_field("satu\rdua"), "\"satu\rdua\"");
}

}  // namespace
}  // namespace skm::formats
