// formats/response_csv_writer: what it writes reads back unchanged, in both
// dialects; the header is the column order of docs/reference/file-formats.md#response-csv; LF line endings.
#include "formats/response_csv_writer.hpp"

#include "formats/response_csv_reader.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace skm::formats {
namespace {

using test::permenpan_codes;
using test::written_header;

std::vector<std::string> split_flags(std::string_view flags) {
    std::vector<std::string> result;
    while (!flags.empty()) {
        const auto semicolon = flags.find(';');
        result.emplace_back(flags.substr(0, semicolon));
        if (semicolon == std::string_view::npos) break;
        flags.remove_prefix(semicolon + 1);
    }
    return result;
}

std::vector<Response> sample_responses() {
    std::vector<Response> responses;
    Response plain;
    plain.response_id = "0b6f6a52-5c1e-4e39-9a4c-6f0a2a1d9b01";
    plain.submitted_at = "2024-03-01T09:15:00+07:00";
    plain.layanan = "KTP-el";
    plain.jenis_kelamin = "P";
    plain.umur = "30-39";
    plain.pendidikan = "S1";
    plain.pekerjaan = "PNS";
    plain.answers = {4, 3, 3, 4, 3, 4, 4, 3, 4};
    plain.device_id = "kiosk-sukamaju-01";
    plain.questionnaire_version = "1";
    plain.origin = "kiosk";
    plain.channel = "kiosk";
    responses.push_back(plain);

    Response tricky = plain;
    tricky.response_id = "impor-\"2\"";
    tricky.submitted_at = "2024-07-31T23:59:59+09:00";
    tricky.layanan = "Akta Kelahiran, Kematian; dan \"KK\"";
    tricky.jenis_kelamin = "";
    tricky.umur = "60+";
    tricky.pendidikan = "";
    tricky.pekerjaan = "";
    tricky.answers = {1, 0, 2, 0, 0, 4, 0, 0, 1};  // unanswered unsur are empty fields
    tricky.saran = "Antre lama, petugas \"ramah\";\nruang tunggu panas\r\nmatur nuwun 🙏 ꦱꦼꦩ꧀";
    tricky.flags = {"too_fast", "straight_line"};
    tricky.device_id = "kiosk;2, lantai \"1\"";
    tricky.questionnaire_version = "12";
    // ';' is the Indonesian dialect's separator: the detail is quoted there.
    tricky.profile_detail = "pendidikan=tidak_sekolah;pekerjaan=petani";
    tricky.origin = "import";
    tricky.channel = "paper";
    responses.push_back(tricky);

    Response empty = plain;
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
    responses.push_back(empty);
    return responses;
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
        Response r;
        r.response_id = row.response_id;
        r.submitted_at = row.submitted_at;
        r.layanan = row.layanan;
        r.jenis_kelamin = row.jenis_kelamin;
        r.umur = row.umur;
        r.pendidikan = row.pendidikan;
        r.pekerjaan = row.pekerjaan;
        r.answers.assign(row.answers.begin(), row.answers.end());
        r.saran = row.saran;
        r.flags = split_flags(row.flags);
        r.device_id = row.device_id;
        r.questionnaire_version = row.questionnaire_version;
        r.profile_detail = row.profile_detail;
        r.origin = row.origin;
        r.channel = row.channel;
        back.push_back(std::move(r));
    });
    EXPECT_EQ(summary.separator, expected_separator);
    EXPECT_TRUE(summary.skipped.empty());
    return back;
}

void expect_same(const Response& written, const Response& read) {
    EXPECT_EQ(read.response_id, written.response_id);
    EXPECT_EQ(read.submitted_at, written.submitted_at);
    EXPECT_EQ(read.layanan, written.layanan);
    EXPECT_EQ(read.jenis_kelamin, written.jenis_kelamin);
    EXPECT_EQ(read.umur, written.umur);
    EXPECT_EQ(read.pendidikan, written.pendidikan);
    EXPECT_EQ(read.pekerjaan, written.pekerjaan);
    EXPECT_EQ(read.answers, written.answers);
    EXPECT_EQ(read.saran, written.saran);
    EXPECT_EQ(read.flags, written.flags);
    EXPECT_EQ(read.device_id, written.device_id);
    EXPECT_EQ(read.questionnaire_version, written.questionnaire_version);
    EXPECT_EQ(read.profile_detail, written.profile_detail);
    EXPECT_EQ(read.origin, written.origin);
    EXPECT_EQ(read.channel, written.channel);
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
