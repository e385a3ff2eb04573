// Helpers shared by the report tests: a device database filled from a
// response CSV through ResponseStore::import, the shipped questionnaire and
// texts, the golden cases, and readers for what the writers produce (PDF text
// through pdftotext, XLSX cells out of the zip through unzip).
#pragma once

#include "formats/catalog.hpp"
#include "formats/questionnaire.hpp"
#include "formats/response_csv_reader.hpp"
#include "reports/report_data.hpp"
#include "store/clock.hpp"
#include "store/response_store.hpp"
#include "tests/support/response_rows.hpp"
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skm::reports::test {

inline const std::filesystem::path kSource = SKM_SOURCE_DIR;
inline const std::filesystem::path kBinary = SKM_BINARY_DIR;

inline std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Static: `for (auto& c : golden()["ikm"])` must not iterate a destroyed temporary.
inline const nlohmann::json& golden() {
    static const nlohmann::json cases = nlohmann::json::parse(read_file(kSource / "tests" / "golden" / "ikm-cases.json"));
    return cases;
}

inline const formats::Questionnaire& questionnaire() {
    static const formats::Questionnaire q =
        formats::load_questionnaire(kSource / "assets" / "questionnaire" / "permenpan-14-2017.json");
    return q;
}

inline formats::Catalog catalog(std::string_view lang = "id") {
    return formats::Catalog::load(kSource / "assets" / "i18n", lang);
}

// A device database in a fresh folder (removed at the end), filled with the
// rows of a response CSV the way `skm import` stores them.
class TestStore {
public:
    explicit TestStore(std::string_view csv = {}) : dir_(testing::make_temp_dir()), clock_(start()) {
        store::StoreOptions options;
        options.path = dir_ / "skm.db";
        store_ = std::make_unique<store::ResponseStore>(options, questionnaire().scheme, clock_);
        if (!csv.empty()) import(csv);
    }
    ~TestStore() {
        store_.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    TestStore(const TestStore&) = delete;
    TestStore& operator=(const TestStore&) = delete;

    void import(std::string_view csv) {
        std::vector<store::Submission> submissions;
        formats::read_response_csv(csv, "test.csv", questionnaire().codes(), [&](const formats::ResponseRow& row) {
            store::Submission s;
            formats::Response& r = s.response;
            r = skm::test::response_of(row);
            r.device_id = "test";
            r.questionnaire_version = std::to_string(questionnaire().version);
            s.questionnaire_id = questionnaire().id;
            submissions.push_back(std::move(s));
        });
        store_->import(submissions);
    }

    store::ResponseStore& store() { return *store_; }
    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path db() const { return dir_ / "skm.db"; }

private:
    static scoring::Timestamp start() {
        scoring::Timestamp ts;
        ts.date = {2025, 1, 15};
        ts.hour = 10;
        ts.offset_minutes = 420;
        return ts;
    }

    std::filesystem::path dir_;
    store::ManualClock clock_;
    std::unique_ptr<store::ResponseStore> store_;
};

// The report data of `period` from the test store, made on 2025-01-15.
// min_n 1 shows every group that has respondents: for tests of the figures
// themselves on a handful of rows, not of the privacy rule.
inline ReportData gather(TestStore& db, std::string_view period, AnnualMethod method = AnnualMethod::pooled,
                         std::string office = {}, std::optional<std::uint64_t> min_n = std::nullopt) {
    ReportRequest request;
    request.min_n = min_n;
    request.period = parse_report_period(period);
    request.annual = method;
    request.office = std::move(office);
    request.generated_on = {2025, 1, 15};
    return gather_report(db.store(), questionnaire(), request);
}

inline const std::string kHeader =
    "response_id,submitted_at,layanan,jenis_kelamin,umur,pendidikan,pekerjaan,persyaratan,prosedur,waktu,biaya,"
    "produk,kompetensi,perilaku,pengaduan,sarana,saran,flags\n";

// ---- the demo year, for the command-line tests ---------------------------------

inline testing::ProgramResult skm(std::vector<std::string> args) {
    args.insert(args.begin(), testing::skm_binary());
    return testing::run_program(args);
}

// Each command line is a usage error: exit 2 with a message.
inline void expect_usage_errors(const std::vector<std::vector<std::string>>& command_lines) {
    for (const auto& args : command_lines) {
        const auto result = skm(args);
        std::string joined;
        for (const auto& a : args) joined += a + " ";
        EXPECT_EQ(result.exit_code, 2) << joined << "\n" << result.err;
        EXPECT_FALSE(result.err.empty()) << joined;
    }
}

// "80.79" as the Indonesian texts print it.
inline std::string comma(std::string text) {
    for (char& c : text) {
        if (c == '.') c = ',';
    }
    return text;
}

// A suite over the demo year (assets/demo/responses.csv, exactly 2025)
// imported once with `skm import` into a folder removed at the end.
class DemoYearSuite : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new std::string(testing::make_temp_dir());
        const auto imported = skm({"import", (kSource / "assets" / "demo" / "responses.csv").string(), "--db", db()});
        ASSERT_EQ(imported.exit_code, 0) << imported.err;
    }
    static void TearDownTestSuite() {
        std::error_code ignored;
        std::filesystem::remove_all(*dir_, ignored);
        delete dir_;
        dir_ = nullptr;
    }
    static std::string db() { return *dir_ + "/skm.db"; }
    static std::string file(const std::string& name) { return *dir_ + "/" + name; }

    inline static std::string* dir_ = nullptr;
};

// ---- reading what the writers made -------------------------------------------

inline std::string tool(const std::string& name) { return "/usr/bin/" + name; }

// The PDF's text with its layout (pdftotext -layout); pages from..to when given.
inline std::string pdf_text(const std::filesystem::path& pdf, int first = 0, int last = 0) {
    std::vector<std::string> argv = {tool("pdftotext"), "-layout"};
    if (first > 0) argv.insert(argv.end(), {"-f", std::to_string(first), "-l", std::to_string(last)});
    argv.insert(argv.end(), {pdf.string(), "-"});
    const auto result = testing::run_program(argv);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
}

inline int pdf_pages(const std::filesystem::path& pdf) {
    const auto result = testing::run_program({tool("pdfinfo"), pdf.string()});
    const auto at = result.out.find("Pages:");
    if (at == std::string::npos) return 0;
    return std::stoi(result.out.substr(at + 6));
}

// One member of a zip file (unzip -p).
inline std::string zip_member(const std::filesystem::path& zip, const std::string& member) {
    const auto result = testing::run_program({tool("unzip"), "-p", zip.string(), member});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
}

inline std::string xml_unescape(std::string text) {
    const std::vector<std::pair<std::string, std::string>> entities = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, plain] : entities) {
        for (std::size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + plain.size())) {
            text.replace(at, entity.size(), plain);
        }
    }
    return text;
}

// The text between the first `open` and the following `close` from `at`.
inline std::string between(const std::string& xml, const std::string& open, const std::string& close, std::size_t& at) {
    const auto start = xml.find(open, at);
    if (start == std::string::npos) {
        at = std::string::npos;
        return {};
    }
    const auto end = xml.find(close, start + open.size());
    at = end == std::string::npos ? std::string::npos : end + close.size();
    return xml.substr(start + open.size(), end - start - open.size());
}

struct XlsxCell {
    std::string text;   // shared string, or the number as written
    bool number = false;
};

// Cells of sheet N ("B9" → cell) with shared strings resolved.
inline std::map<std::string, XlsxCell> xlsx_sheet(const std::filesystem::path& xlsx, int sheet) {
    std::vector<std::string> shared;
    const std::string strings = zip_member(xlsx, "xl/sharedStrings.xml");
    for (std::size_t at = 0; at != std::string::npos;) {
        const std::string si = between(strings, "<si>", "</si>", at);
        if (at == std::string::npos) break;
        std::size_t t = 0;
        std::string text = between(si, ">", "</t>", t);  // <t> or <t xml:space="preserve">
        shared.push_back(xml_unescape(text));
    }
    std::map<std::string, XlsxCell> cells;
    const std::string xml = zip_member(xlsx, "xl/worksheets/sheet" + std::to_string(sheet) + ".xml");
    for (std::size_t at = 0; at != std::string::npos;) {
        const auto start = xml.find("<c r=\"", at);
        if (start == std::string::npos) break;
        const auto tag_end = xml.find('>', start);
        const std::string tag = xml.substr(start, tag_end - start);
        const std::string ref = tag.substr(6, tag.find('"', 6) - 6);
        if (xml[tag_end - 1] == '/') {  // an empty styled cell
            at = tag_end;
            continue;
        }
        std::size_t v = tag_end;
        const std::string value = between(xml, "<v>", "</v>", v);
        at = v;
        if (tag.find("t=\"s\"") != std::string::npos) {
            cells[ref] = XlsxCell{shared.at(std::stoul(value)), false};
        } else {
            cells[ref] = XlsxCell{value, true};
        }
    }
    return cells;
}

// The row number (as text) of the first cell in `column` whose text is `label`.
inline std::string xlsx_row_of(const std::map<std::string, XlsxCell>& cells, char column, const std::string& label) {
    for (const auto& [ref, cell] : cells) {
        if (ref.size() > 1 && ref[0] == column && ref[1] >= '0' && ref[1] <= '9' && cell.text == label) return ref.substr(1);
    }
    return "";
}

}  // namespace skm::reports::test
