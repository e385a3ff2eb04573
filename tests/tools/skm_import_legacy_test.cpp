// `skm import --from google-forms|spreadsheet` as an office runs it: exports
// written the way Google Forms and Sheets write them (Indonesian and English
// locales, CSV and XLSX with serial dates), the SKM spreadsheet template, and
// the IKM of what was stored compared with an exact computation made here;
// every refusal names the column and writes a MAP.json that, filled in, is
// accepted; a second import adds nothing; personal columns reach neither the
// database file, nor `skm export`, nor what sync would send.
#include "formats/questionnaire.hpp"
#include "store/outbox.hpp"
#include "sync/protocol.hpp"
#include "tests/support/count_rows.hpp"
#include "tests/support/run_program.hpp"
#include "tests/support/xlsx_fixture.hpp"

#include <gmpxx.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace skm::testing {
namespace {

using nlohmann::json;

ProgramResult skm(std::vector<std::string> args) {
    args.insert(args.begin(), skm_binary());
    return run_program(args);
}

const formats::Questionnaire& questionnaire() {
    static const formats::Questionnaire q =
        formats::load_questionnaire(std::string(SKM_SOURCE_DIR) + "/assets/questionnaire/permenpan-14-2017.json");
    return q;
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string csv_quoted(const std::vector<std::string>& cells, char separator = ',') {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) line += separator;
        line += '"';
        for (const char c : cells[i]) line += c == '"' ? std::string("\"\"") : std::string(1, c);
        line += '"';
    }
    return line + "\n";
}

// One respondent as the test made it: what the form shows and what must be stored.
struct Respondent {
    std::array<int, 9> answers{};  // questionnaire order, 1–4
    int day = 1, month = 1, year = 2024, hour = 0, minute = 0, second = 0;
    std::string email, jenis_kelamin, umur, pendidikan, pekerjaan, saran;
    std::string stored_pekerjaan, stored_detail;
};

struct ProfileCase {
    const char* written;
    const char* code;
    const char* detail;
};
constexpr std::array<ProfileCase, 11> kPekerjaan = {{{"PNS/ASN", "PNS", ""},
                                                     {"TNI", "TNI", ""},
                                                     {"POLRI", "POLRI", ""},
                                                     {"Karyawan swasta", "Swasta", ""},
                                                     {"Wiraswasta", "Wirausaha", ""},
                                                     {"Petani", "Lainnya", "pekerjaan=petani"},
                                                     {"Nelayan", "Lainnya", "pekerjaan=nelayan"},
                                                     {"Pelajar/Mahasiswa", "Lainnya", "pekerjaan=pelajar_mahasiswa"},
                                                     {"Ibu rumah tangga", "Lainnya", "pekerjaan=ibu_rumah_tangga"},
                                                     {"Pensiunan", "Lainnya", "pekerjaan=pensiunan"},
                                                     {"Lainnya", "Lainnya", ""}}};
constexpr std::array<const char*, 11> kPendidikan = {"SD", "SMP", "SMA/SMK/sederajat", "D1", "D3", "S1", "S2", "S3",
                                                     "D4", "Tidak sekolah", "SMA"};

std::vector<Respondent> respondents(std::size_t n, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<Respondent> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        Respondent& r = out[i];
        for (int& a : r.answers) a = static_cast<int>(random() % 4) + 1;
        r.day = static_cast<int>(i % 28) + 1;
        r.month = static_cast<int>(i % 12) + 1;
        r.hour = static_cast<int>(i % 24);
        r.minute = static_cast<int>(random() % 60);
        r.second = static_cast<int>(random() % 60);
        r.email = "warga" + std::to_string(i) + "@contoh.id";
        r.jenis_kelamin = i % 2 ? "Perempuan" : "Laki-laki";
        r.umur = i % 3 ? std::to_string(18 + i) : "30 - 39 tahun";
        r.pendidikan = kPendidikan[i % kPendidikan.size()];
        const ProfileCase& job = kPekerjaan[i % kPekerjaan.size()];
        r.pekerjaan = job.written;
        r.stored_pekerjaan = job.code;
        r.stored_detail = job.detail;
        if (r.pendidikan == std::string("Tidak sekolah")) {
            r.stored_detail = std::string("pendidikan=tidak_sekolah") + (r.stored_detail.empty() ? "" : ";" + r.stored_detail);
        } else if (r.pendidikan == std::string("D4")) {
            r.stored_detail = std::string("pendidikan=d4") + (r.stored_detail.empty() ? "" : ";" + r.stored_detail);
        }
        // Quotes, commas and line breaks, as citizens type them.
        r.saran = i % 4 == 0 ? "Antrian \"lama\", mohon\ndiperbaiki ke-" + std::to_string(i) : "";
    }
    return out;
}

// The konversi IKM of the answers, computed here from the definition (Permenpan 14/2017:
// each unsur's mean, weighted 1/9, times 25) with exact rationals.
mpq_class exact_ikm(const std::vector<Respondent>& rows) {
    mpq_class total = 0;
    for (std::size_t u = 0; u < 9; ++u) {
        mpq_class sum = 0;
        for (const auto& r : rows) sum += r.answers[u];
        total += sum / mpq_class(static_cast<long>(rows.size())) / 9;
    }
    total *= 25;
    total.canonicalize();
    return total;
}

// A positive exact value to two places, half up, with a point.
std::string two_places(const mpq_class& value) {
    const mpq_class scaled = value * 100 + mpq_class(1, 2);
    const mpz_class hundredths = scaled.get_num() / scaled.get_den();
    return mpz_class(hundredths / 100).get_str() + "." + (hundredths % 100 < 10 ? "0" : "") + mpz_class(hundredths % 100).get_str();
}

mpq_class stored_ikm(const std::string& db) {
    const auto scored = skm({"score", "--db", db, "--json"});
    EXPECT_EQ(scored.exit_code, 0) << scored.err;
    return mpq_class(json::parse(scored.out)["ikm_exact"].get<std::string>());
}

// An answer as a form shows it: the label with "a."–"d.", in capitals, plain, or the digit.
std::string answer_label(std::size_t row, std::size_t unsur, int value, const std::string& language) {
    const std::string& label = questionnaire().unsur[unsur].answers.at(language)[static_cast<std::size_t>(value - 1)];
    switch ((row + unsur) % 4) {
        case 0: return std::string(1, static_cast<char>('a' + value - 1)) + ". " + label;
        case 1: {
            std::string upper = label;
            std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            return upper;
        }
        case 2: return label;
        default: return std::to_string(value);
    }
}

struct FormLayout {
    std::string language = "id";  // question texts and answer labels
    std::string timestamp_header = "Stempel waktu";
    std::vector<std::size_t> question_order;  // shuffled unsur indexes
};

FormLayout shuffled_layout(std::string language, std::string timestamp_header, unsigned seed) {
    FormLayout layout{std::move(language), std::move(timestamp_header), {0, 1, 2, 3, 4, 5, 6, 7, 8}};
    std::mt19937 random(seed);
    std::shuffle(layout.question_order.begin(), layout.question_order.end(), random);
    return layout;
}

std::vector<std::string> form_header(const FormLayout& layout) {
    std::vector<std::string> header = {layout.timestamp_header, "Alamat email", "Jenis kelamin", "Usia", "Pendidikan terakhir",
                                       "Pekerjaan utama"};
    for (std::size_t k = 0; k < layout.question_order.size(); ++k) {
        const auto& unsur = questionnaire().unsur[layout.question_order[k]];
        // Numbered or not, as offices wrote them.
        header.push_back((k % 2 ? std::to_string(k + 1) + ". " : "") + unsur.question.at(layout.language));
    }
    header.push_back("Saran dan masukan");
    return header;
}

std::vector<std::string> form_cells(const FormLayout& layout, const Respondent& r, std::size_t i, const std::string& timestamp) {
    std::vector<std::string> cells = {timestamp, r.email, r.jenis_kelamin, r.umur, r.pendidikan, r.pekerjaan};
    for (const std::size_t u : layout.question_order) cells.push_back(answer_label(i, u, r.answers[u], layout.language));
    cells.push_back(r.saran);
    return cells;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Google Forms / Sheets in Indonesian: day first, "." between the parts of the time.
std::string indonesian_timestamp(const Respondent& r) {
    return std::to_string(r.day) + "/" + two(r.month) + "/" + std::to_string(r.year) + " " + std::to_string(r.hour) + "." +
           two(r.minute) + "." + two(r.second);
}
// en-US: month first.
std::string english_timestamp(const Respondent& r) {
    return std::to_string(r.month) + "/" + std::to_string(r.day) + "/" + std::to_string(r.year) + " " + std::to_string(r.hour) +
           ":" + two(r.minute) + ":" + two(r.second);
}
std::string stored_timestamp(const Respondent& r, const std::string& offset = "+07:00") {
    return std::to_string(r.year) + "-" + two(r.month) + "-" + two(r.day) + "T" + two(r.hour) + ":" + two(r.minute) + ":" +
           two(r.second) + offset;
}

std::string google_forms_csv(const FormLayout& layout, const std::vector<Respondent>& rows,
                             std::string (*timestamp)(const Respondent&)) {
    std::string csv = csv_quoted(form_header(layout));
    for (std::size_t i = 0; i < rows.size(); ++i) csv += csv_quoted(form_cells(layout, rows[i], i, timestamp(rows[i])));
    return csv;
}

std::string google_forms_xlsx(const std::string& path, const FormLayout& layout, const std::vector<Respondent>& rows) {
    std::vector<std::vector<test::XlsxCell>> cells;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Respondent& r = rows[i];
        std::vector<test::XlsxCell> row;
        for (const auto& text : form_cells(layout, r, i, "")) row.push_back({text, {}, {}});
        const auto days = scoring::days_since_epoch({r.year, r.month, r.day});
        row[0].date_serial = test::xlsx_serial(static_cast<int>(days), r.hour, r.minute, r.second);
        cells.push_back(std::move(row));
    }
    EXPECT_TRUE(test::write_xlsx(path, form_header(layout), cells));
    return path;
}

// Nothing of any personal column anywhere: the database (and its WAL), both
// export formats, the JSON sync would post.
void expect_no_personal_data(const std::string& db, const std::vector<Respondent>& rows) {
    const std::string raw = read_bytes(db) + read_bytes(db + "-wal");
    const auto csv = skm({"export", "--db", db});
    const auto exported_json = skm({"export", "--db", db, "--format", "json"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    ASSERT_EQ(exported_json.exit_code, 0) << exported_json.err;
    store::Outbox outbox(db, questionnaire().scheme);
    const auto batch = outbox.next_batch(500);
    ASSERT_EQ(batch.size(), rows.size());
    const std::string sent = sync::encode_batch({"kiosk", "b1", batch}, questionnaire().scheme);
    for (const auto& r : rows) {
        for (const std::string* place : {&raw, &csv.out, &exported_json.out, &sent}) {
            EXPECT_EQ(place->find(r.email), std::string::npos) << r.email;
        }
    }
    EXPECT_EQ(raw.find("@contoh.id"), std::string::npos);
    EXPECT_NE(sent.find("\"origin\":\"import\""), std::string::npos);
}

TEST(SkmImportGoogleForms, IndonesianCsvStoresEveryRowWithTheExactIkmAndNoEmail) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    auto rows = respondents(48, 1);
    rows[5].day = 25;  // a day above 12 settles day-first
    const auto layout = shuffled_layout("id", "Stempel waktu", 7);
    write_file(dir + "/jawaban.csv", google_forms_csv(layout, rows, indonesian_timestamp));

    const auto result = skm({"import", "--from", "google-forms", dir + "/jawaban.csv", "--db", db, "--layanan", "KTP-el"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("48"), std::string::npos) << result.out;
    EXPECT_EQ(count_rows(db), 48);
    EXPECT_EQ(count_rows(db, "origin = 'import' AND channel = 'form' AND layanan = 'KTP-el'"), 48);
    EXPECT_EQ(stored_ikm(db), exact_ikm(rows));
    for (const Respondent& r : rows) {
        SCOPED_TRACE(r.email);
        EXPECT_EQ(count_rows(db, "submitted_at = '" + stored_timestamp(r) + "' AND pekerjaan = '" + r.stored_pekerjaan +
                                     "' AND profile_detail = '" + r.stored_detail + "'"),
                  1);
    }
    const auto thirties = std::count_if(rows.begin(), rows.end(), [](const Respondent& r) {
        return r.umur == "30 - 39 tahun" || (r.umur.size() == 2 && r.umur[0] == '3');
    });
    EXPECT_EQ(count_rows(db, "umur = '30-39'"), thirties);
    // Saran with quotes, a comma and a line break, kept whole.
    const auto exported = skm({"export", "--db", db, "--format", "json"});
    EXPECT_NE(exported.out.find(json("Antrian \"lama\", mohon\ndiperbaiki ke-4").dump()), std::string::npos);
    // The imported year is in the report like kiosk answers.
    const auto report = skm({"report", "--db", db, "--period", "2024", "--format", "csv", "-o", dir + "/r.csv"});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    EXPECT_NE(read_bytes(dir + "/r.csv").find("Jumlah responden,48\n"), std::string::npos);
    expect_no_personal_data(db, rows);
    EXPECT_EQ(read_bytes(dir + "/r.csv").find("@contoh.id"), std::string::npos);
}

TEST(SkmImportGoogleForms, ImportingTwiceOrTheSameDataAsXlsxAddsNothingButTwinRowsStayTwo) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    auto rows = respondents(20, 2);
    rows[1].day = 20;
    rows.push_back(rows[3]);  // two identical answers in one file
    const auto layout = shuffled_layout("id", "Stempel waktu", 3);
    write_file(dir + "/a.csv", google_forms_csv(layout, rows, indonesian_timestamp));
    ASSERT_EQ(skm({"import", "--from", "google-forms", dir + "/a.csv", "--db", db, "--layanan", "KTP-el"}).exit_code, 0);
    EXPECT_EQ(count_rows(db), 21);
    // Derived ids: UUIDs in the version-5 form, in the allowed id form.
    EXPECT_EQ(count_rows(db, "response_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-"
                             "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-5[0-9a-f][0-9a-f][0-9a-f]-[89ab][0-9a-f][0-9a-f][0-9a-f]-*' "
                             "AND length(response_id) = 36"),
              21);
    const std::string before = skm({"export", "--db", db}).out;

    const auto again = skm({"import", "--from", "google-forms", dir + "/a.csv", "--db", db, "--layanan", "KTP-el", "--lang", "en"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("nothing new"), std::string::npos) << again.out;
    // The linked Sheet of the same form, downloaded as XLSX: the same rows.
    google_forms_xlsx(dir + "/a.xlsx", layout, rows);
    const auto sheet = skm({"import", "--from", "google-forms", dir + "/a.xlsx", "--db", db, "--layanan", "KTP-el"});
    ASSERT_EQ(sheet.exit_code, 0) << sheet.err;
    EXPECT_EQ(count_rows(db), 21);
    EXPECT_EQ(skm({"export", "--db", db}).out, before);
}

TEST(SkmImportGoogleForms, EnglishLocaleIsMonthFirstInTheOfficesTimeZone) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    auto rows = respondents(30, 3);
    rows[2].day = 27;  // 3/27/2024 can only be month-first
    const auto layout = shuffled_layout("en", "Timestamp", 11);
    write_file(dir + "/responses.csv", google_forms_csv(layout, rows, english_timestamp));
    ASSERT_EQ(skm({"settings", "set", "time_zone", "WITA", "--db", db}).exit_code, 0);

    const auto result = skm({"import", "--from", "google-forms", dir + "/responses.csv", "--db", db, "--layanan", "Paspor"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(stored_ikm(db), exact_ikm(rows));
    for (const Respondent& r : rows) EXPECT_EQ(count_rows(db, "submitted_at = '" + stored_timestamp(r, "+08:00") + "'"), 1);
}

TEST(SkmImportGoogleForms, DatesNoValueSettlesNeedDateOrder) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    auto rows = respondents(10, 4);  // days and months 1–12 only
    const auto layout = shuffled_layout("en", "Timestamp", 5);
    write_file(dir + "/r.csv", google_forms_csv(layout, rows, english_timestamp));
    const auto refused = skm({"import", "--from", "google-forms", dir + "/r.csv", "--db", db, "--layanan", "Paspor", "--lang", "en"});
    EXPECT_EQ(refused.exit_code, 3);
    EXPECT_NE(refused.err.find("--date-order"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("\"Timestamp\""), std::string::npos) << refused.err;
    const auto given = skm({"import", "--from", "google-forms", dir + "/r.csv", "--db", db, "--layanan", "Paspor", "--date-order", "mdy"});
    ASSERT_EQ(given.exit_code, 0) << given.err;
    for (const Respondent& r : rows) EXPECT_EQ(count_rows(db, "submitted_at = '" + stored_timestamp(r) + "'"), 1);
}

TEST(SkmImportGoogleForms, XlsxWithSerialDates) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    const auto rows = respondents(25, 5);
    const auto layout = shuffled_layout("id", "Stempel waktu", 9);
    google_forms_xlsx(dir + "/sheet.xlsx", layout, rows);
    // --period keeps the rows inside it (January: rows 0, 12 and 24).
    const auto january = skm({"import", "--from", "google-forms", dir + "/sheet.xlsx", "--db", db, "--layanan", "KTP-el",
                              "--period", "2024-01", "--dry-run", "--lang", "en"});
    ASSERT_EQ(january.exit_code, 0) << january.err;
    EXPECT_NE(january.out.find("3 would be added, 0 already present, 22 outside the period"), std::string::npos) << january.out;
    const auto result = skm({"import", "--from", "google-forms", dir + "/sheet.xlsx", "--db", db, "--layanan", "KTP-el"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(stored_ikm(db), exact_ikm(rows));
    for (const Respondent& r : rows) EXPECT_EQ(count_rows(db, "submitted_at = '" + stored_timestamp(r) + "'"), 1);
    expect_no_personal_data(db, rows);
}

TEST(SkmImportGoogleForms, DryRunPrintsMappingCountsAndIkmAndStoresNothing) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    const std::vector<Respondent> rows = respondents(12, 6);
    const auto layout = shuffled_layout("id", "Stempel waktu", 1);
    write_file(dir + "/f.csv", google_forms_csv(layout, rows, indonesian_timestamp));
    const auto dry = skm({"import", "--from", "google-forms", dir + "/f.csv", "--db", db, "--layanan", "KTP-el", "--dry-run", "--lang", "en"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("Alamat email → personal"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("12 would be added"), std::string::npos) << dry.out;
    const std::string shown = two_places(exact_ikm(rows));
    EXPECT_NE(dry.out.find(shown), std::string::npos) << shown << "\n" << dry.out;
    EXPECT_FALSE(std::filesystem::exists(db));
}

// A form with a column nobody can name, an answer no list has, and a
// pekerjaan typed under "Other": refused round by round, each time naming
// header and row (never the cell), with a MAP.json that, filled, is accepted.
TEST(SkmImportGoogleForms, EveryRefusalNamesTheColumnAndWritesAUsableMap) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    auto rows = respondents(6, 7);
    rows[0].day = 30;
    rows[2].pekerjaan = "Guru honorer";
    const auto layout = shuffled_layout("id", "Stempel waktu", 2);
    auto header = form_header(layout);
    header.push_back("Asal desa");
    std::string csv = csv_quoted(header);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto cells = form_cells(layout, rows[i], i, indonesian_timestamp(rows[i]));
        if (i == 4) cells[6] = "Lumayan deh";  // the first question, answered off the list
        cells.push_back("Desa Sukamaju");
        csv += csv_quoted(cells);
    }
    const std::string file = dir + "/form.csv";
    write_file(file, csv);
    const std::string map = file + ".map.json";
    const std::vector<std::string> import = {"import", "--from", "google-forms", file, "--db", db, "--layanan", "KTP-el", "--lang", "en"};

    const auto first = skm(import);
    EXPECT_EQ(first.exit_code, 3);
    EXPECT_NE(first.err.find("column 17 \"Asal desa\""), std::string::npos) << first.err;
    EXPECT_EQ(first.err.find("Sukamaju"), std::string::npos) << first.err;
    EXPECT_FALSE(std::filesystem::exists(db) && count_rows(db) != 0);
    json filled = json::parse(read_bytes(map));
    EXPECT_EQ(filled["columns"]["Asal desa"], "");
    EXPECT_EQ(filled["columns"]["Alamat email"], "personal");
    filled["columns"]["Asal desa"] = "ignore";
    write_file(map, filled.dump());

    auto with_map = import;
    with_map.insert(with_map.end(), {"--map", map});
    const auto second = skm(with_map);
    EXPECT_EQ(second.exit_code, 3);
    EXPECT_NE(second.err.find("row 4: the answer in column \"Pekerjaan utama\""), std::string::npos) << second.err;
    EXPECT_NE(second.err.find("row 6: the answer in column \"" + header[6] + "\""), std::string::npos) << second.err;
    for (const char* value : {"Guru honorer", "Lumayan deh", "Sukamaju"}) EXPECT_EQ(second.err.find(value), std::string::npos) << value;
    filled = json::parse(read_bytes(map));
    EXPECT_EQ(filled["columns"]["Asal desa"], "ignore");
    EXPECT_EQ(filled["labels"]["Pekerjaan utama"]["Guru honorer"], "");
    filled["labels"]["Pekerjaan utama"]["Guru honorer"] = "Lainnya:guru";
    filled["labels"][header[6]]["Lumayan deh"] = "3";
    write_file(map, filled.dump());

    const auto third = skm(with_map);
    ASSERT_EQ(third.exit_code, 0) << third.err;
    EXPECT_EQ(count_rows(db), 6);
    EXPECT_EQ(count_rows(db, "pekerjaan = 'Lainnya' AND profile_detail LIKE '%pekerjaan=guru%'"), 1);
    rows[4].answers[layout.question_order[0]] = 3;
    EXPECT_EQ(stored_ikm(db), exact_ikm(rows));
    EXPECT_EQ(read_bytes(db).find("Sukamaju"), std::string::npos);
}

TEST(SkmImportGoogleForms, AFourteenUnsurQuestionnaireIsRefusedWithItsReason) {
    const std::string dir = make_temp_dir();
    std::vector<std::string> header = {"Timestamp"};
    for (const char* q : {"Kemudahan prosedur pelayanan", "Kesesuaian persyaratan", "Kejelasan petugas pelayanan",
                          "Kedisiplinan petugas pelayanan", "Tanggung jawab petugas pelayanan", "Kemampuan petugas pelayanan",
                          "Kecepatan pelayanan", "Keadilan mendapatkan pelayanan", "Kesopanan dan keramahan petugas",
                          "Kewajaran biaya pelayanan", "Kepastian biaya pelayanan", "Kepastian jadwal pelayanan",
                          "Kenyamanan lingkungan", "Keamanan pelayanan"}) {
        header.push_back(q);
    }
    write_file(dir + "/2004.csv", csv_quoted(header) + csv_quoted(std::vector<std::string>(15, "3")));
    const auto refused = skm({"import", "--from", "google-forms", dir + "/2004.csv", "--db", dir + "/skm.db", "--lang", "en"});
    EXPECT_EQ(refused.exit_code, 3);
    EXPECT_NE(refused.err.find("Kepmenpan 25/2004"), std::string::npos) << refused.err;
}

// The template kecamatan pass around: No, profile columns, U1..U9 as 1–4, saran; no dates.
std::vector<std::string> template_header() {
    return {"No", "Jenis Kelamin", "Umur", "Pendidikan", "Pekerjaan", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "Saran"};
}
std::vector<std::string> template_cells(const Respondent& r, std::size_t i) {
    std::vector<std::string> cells = {std::to_string(i + 1), i % 2 ? "P" : "L", r.umur, r.pendidikan, r.pekerjaan};
    for (const int a : r.answers) cells.push_back(std::to_string(a));
    cells.push_back(r.saran);
    return cells;
}

TEST(SkmImportSpreadsheet, TemplateAsSemicolonCsvNeedsThePeriodAndGivesTheExactIkm) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    const auto rows = respondents(33, 8);
    std::string csv = "\xEF\xBB\xBF" + csv_quoted(template_header(), ';');  // as Excel in Indonesian saves it
    for (std::size_t i = 0; i < rows.size(); ++i) csv += csv_quoted(template_cells(rows[i], i), ';');
    write_file(dir + "/rekap.csv", csv);
    const std::vector<std::string> import = {"import", "--from", "spreadsheet", dir + "/rekap.csv", "--db", db, "--layanan", "Akta"};

    const auto undated = skm(import);
    EXPECT_EQ(undated.exit_code, 3);
    EXPECT_NE(undated.err.find("--period"), std::string::npos) << undated.err;
    auto with_period = import;
    with_period.insert(with_period.end(), {"--period", "2023-S2"});
    const auto result = skm(with_period);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(count_rows(db, "submitted_at = '2023-07-01T12:00:00+07:00' AND channel = 'paper' AND origin = 'import'"), 33);
    EXPECT_EQ(stored_ikm(db), exact_ikm(rows));
}

TEST(SkmImportSpreadsheet, TemplateAsXlsxWithNumbers) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    const auto rows = respondents(17, 9);
    std::vector<std::vector<test::XlsxCell>> cells;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<test::XlsxCell> row;
        for (const auto& text : template_cells(rows[i], i)) row.push_back({text, {}, {}});
        for (std::size_t u = 0; u < 9; ++u) row[5 + u] = {"", {}, static_cast<double>(rows[i].answers[u])};
        cells.push_back(std::move(row));
    }
    ASSERT_TRUE(test::write_xlsx(dir + "/rekap.xlsx", template_header(), cells));
    const auto result = skm({"import", "--from", "spreadsheet", dir + "/rekap.xlsx", "--db", db, "--layanan", "Akta", "--period", "2022"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(count_rows(db, "submitted_at = '2022-01-01T12:00:00+07:00'"), 17);
    EXPECT_EQ(stored_ikm(db), exact_ikm(rows));
}

// An office's history: the 2022 spreadsheet and the 2024 form; the 2024
// report's comparison with earlier years shows 2022 from the spreadsheet.
TEST(SkmImportSpreadsheet, AnImportedYearIsInTheComparisonWithEarlierYears) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    const auto old_rows = respondents(15, 10);
    std::string csv = csv_quoted(template_header());
    for (std::size_t i = 0; i < old_rows.size(); ++i) csv += csv_quoted(template_cells(old_rows[i], i));
    write_file(dir + "/2022.csv", csv);
    ASSERT_EQ(skm({"import", "--from", "spreadsheet", dir + "/2022.csv", "--db", db, "--layanan", "KTP-el", "--period", "2022"}).exit_code, 0);
    auto rows = respondents(9, 11);
    rows[0].day = 13;
    write_file(dir + "/2024.csv", google_forms_csv(shuffled_layout("id", "Stempel waktu", 4), rows, indonesian_timestamp));
    ASSERT_EQ(skm({"import", "--from", "google-forms", dir + "/2024.csv", "--db", db, "--layanan", "KTP-el"}).exit_code, 0);
    const auto report = skm({"report", "--db", db, "--period", "2024", "--format", "csv", "-o", dir + "/r.csv"});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    const std::string text = read_bytes(dir + "/r.csv");
    EXPECT_NE(text.find("Indeks Kepuasan Masyarakat,2022,—," + two_places(exact_ikm(old_rows))), std::string::npos) << text;
}

TEST(SkmImportSpreadsheet, OptionsOfFromAreRefusedWithoutIt) {
    const std::string dir = make_temp_dir();
    write_file(dir + "/x.csv", "a\n");
    EXPECT_EQ(skm({"import", dir + "/x.csv", "--db", dir + "/skm.db", "--dry-run"}).exit_code, 2);
    EXPECT_EQ(skm({"import", "--from", "typeform", dir + "/x.csv", "--db", dir + "/skm.db"}).exit_code, 2);
}

}  // namespace
}  // namespace skm::testing
