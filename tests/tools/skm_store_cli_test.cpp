// The store commands as a staff member runs them: import (idempotent,
// all-or-nothing, --skip-bad), export that `skm score` reads back to the same
// figures, `score --db`, `db check|backup|salvage`, and `simulate`.
#include "tests/support/count_rows.hpp"
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace skm::testing {
namespace {

const std::string kDemo = std::string(SKM_SOURCE_DIR) + "/assets/demo/responses.csv";

ProgramResult skm(std::vector<std::string> args) {
    args.insert(args.begin(), skm_binary());
    return run_program(args);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

const char* kHeader =
    "response_id,submitted_at,layanan,jenis_kelamin,umur,pendidikan,pekerjaan,persyaratan,prosedur,waktu,biaya,"
    "produk,kompetensi,perilaku,pengaduan,sarana,saran,flags\n";

TEST(SkmImport, StoresTheDemoYearOnceAndSaysSoTheSecondTime) {
    const std::string db = make_temp_dir() + "/skm.db";
    auto first = skm({"import", kDemo, "--db", db});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.out.find("2634"), std::string::npos) << first.out;
    EXPECT_EQ(count_rows(db), 2634);
    auto second = skm({"import", kDemo, "--db", db, "--lang", "en"});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_NE(second.out.find("nothing new"), std::string::npos) << second.out;
    EXPECT_EQ(count_rows(db), 2634);
}

TEST(SkmImport, ABadRowStoresNothingUnlessSkipBad) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    write_file(dir + "/bad.csv", std::string(kHeader) +
                                     "a1,2024-03-01T09:00:00+07:00,KTP-el,L,30-39,SMA,Swasta,4,4,3,4,3,4,4,3,3,,\n"
                                     "a2,2024-03-01T09:05:00+07:00,KTP-el,P,,,,4,5,3,4,3,4,4,3,3,,\n"
                                     "a3,2024-03-01T09:10:00+07:00,KK,P,,,,3,3,3,3,3,3,3,3,3,,\n");
    auto strict = skm({"import", dir + "/bad.csv", "--db", db});
    EXPECT_EQ(strict.exit_code, 3);
    EXPECT_NE(strict.err.find("bad.csv"), std::string::npos) << strict.err;
    EXPECT_NE(strict.err.find("3"), std::string::npos);  // line 3
    EXPECT_EQ(count_rows(db), 0);

    auto lenient = skm({"import", dir + "/bad.csv", "--db", db, "--skip-bad"});
    ASSERT_EQ(lenient.exit_code, 0) << lenient.err;
    EXPECT_EQ(count_rows(db), 2);
    EXPECT_EQ(count_rows(db, "response_id = 'a2'"), 0);
    EXPECT_NE(lenient.out.find("1"), std::string::npos);
}

// origin and channel: what the file records is kept; a row without an origin
// (or a file without the column) is stored with origin=import.
TEST(SkmImport, KeepsTheRecordedFieldsAndSetsOriginImportWhereTheFileHasNone) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    const std::string header = std::string(kHeader).substr(0, std::string(kHeader).size() - 1);
    write_file(dir + "/forms.csv",
               header + ",profile_detail,origin,channel\n"
                        "f1,2024-03-01T09:00:00+07:00,KTP-el,L,30-39,SMA,Lainnya,4,4,3,4,3,4,4,3,3,,,pekerjaan=petani,,form\n"
                        "f2,2024-03-01T09:05:00+07:00,KTP-el,P,,,,4,3,3,4,3,4,4,3,3,,,,kiosk,kiosk\n"
                        "f3,2024-03-01T09:10:00+07:00,KK,P,,,,3,3,3,3,3,3,3,3,3,,,,hub,link\n"
                        "f4,2024-03-01T09:15:00+07:00,KK,P,,,,3,3,3,3,3,3,3,3,3,,,,,\n");
    write_file(dir + "/old.csv", std::string(kHeader) + "o1,2024-03-01T09:00:00+07:00,KTP-el,L,,,,4,4,3,4,3,4,4,3,3,,\n");
    auto imported = skm({"import", dir + "/forms.csv", "--db", db});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    ASSERT_EQ(skm({"import", dir + "/old.csv", "--db", db}).exit_code, 0);
    EXPECT_EQ(count_rows(db), 5);
    EXPECT_EQ(count_rows(db, "response_id = 'f1' AND profile_detail = 'pekerjaan=petani' AND origin = 'import' AND "
                             "channel = 'form'"), 1);
    EXPECT_EQ(count_rows(db, "response_id = 'f2' AND origin = 'kiosk' AND channel = 'kiosk'"), 1);
    EXPECT_EQ(count_rows(db, "response_id = 'f3' AND origin = 'hub' AND channel = 'link'"), 1);
    EXPECT_EQ(count_rows(db, "response_id = 'f4' AND origin = 'import' AND channel = ''"), 1);
    EXPECT_EQ(count_rows(db, "response_id = 'o1' AND profile_detail = '' AND origin = 'import' AND channel = ''"), 1);

    // A value outside the vocabulary stores nothing and names the column.
    write_file(dir + "/bad.csv", header + ",origin\nb1,2024-03-01T09:00:00+07:00,KTP-el,L,,,,4,4,3,4,3,4,4,3,3,,,impor\n");
    auto bad = skm({"import", dir + "/bad.csv", "--db", db, "--lang", "en"});
    EXPECT_EQ(bad.exit_code, 3);
    EXPECT_NE(bad.err.find("origin \"impor\" is not known"), std::string::npos) << bad.err;
    EXPECT_EQ(count_rows(db), 5);
}

TEST(SkmExport, CsvIsByteIdenticalToTheImportedFormatsMdFile) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    ASSERT_EQ(skm({"import", kDemo, "--db", db}).exit_code, 0);
    auto exported = skm({"export", "--db", db, "-o", dir + "/out.csv"});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    EXPECT_EQ(read_file(dir + "/out.csv"), read_file(kDemo));
    EXPECT_FALSE(std::filesystem::exists(dir + "/out.csv.partial"));
}

TEST(SkmScore, FromTheDatabaseEqualsFromItsExport) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    ASSERT_EQ(skm({"import", kDemo, "--db", db}).exit_code, 0);
    ASSERT_EQ(skm({"simulate", "--db", db, "--count", "40", "--seed", "5"}).exit_code, 0);
    ASSERT_EQ(skm({"export", "--db", db, "-o", dir + "/all.csv"}).exit_code, 0);
    for (const std::vector<std::string>& extra : {std::vector<std::string>{"--by", "layanan"},
                                                 {"--by", "semester", "--exclude-flagged"},
                                                 {"--by", "month", "--legacy", "0.111"}}) {
        std::vector<std::string> from_db = {"score", "--db", db, "--json"};
        std::vector<std::string> from_csv = {"score", dir + "/all.csv", "--json"};
        from_db.insert(from_db.end(), extra.begin(), extra.end());
        from_csv.insert(from_csv.end(), extra.begin(), extra.end());
        auto a = skm(from_db);
        auto b = skm(from_csv);
        ASSERT_EQ(a.exit_code, 0) << a.err;
        ASSERT_EQ(b.exit_code, 0) << b.err;
        EXPECT_EQ(a.out, b.out) << extra[1];
        EXPECT_EQ(nlohmann::json::parse(a.out)["respondents"].get<int>() > 2000, true);
    }
}

TEST(SkmExport, FiltersAndFormats) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    ASSERT_EQ(skm({"import", kDemo, "--db", db}).exit_code, 0);
    auto json_out = skm({"export", "--db", db, "--format", "json", "--layanan", "SKTM", "--from", "2025-03-01", "--to",
                         "2025-03-31"});
    ASSERT_EQ(json_out.exit_code, 0) << json_out.err;
    const auto rows = nlohmann::json::parse(json_out.out);
    ASSERT_GT(rows.size(), 3u);
    for (const auto& row : rows) {
        EXPECT_EQ(row["layanan"], "SKTM");
        EXPECT_EQ(row["submitted_at"].get<std::string>().substr(0, 7), "2025-03");
        EXPECT_EQ(row["answers"].size(), 9u);
        EXPECT_EQ(row["sync_state"], "pending");
    }
    EXPECT_EQ(static_cast<long long>(rows.size()),
              count_rows(db, "layanan = 'SKTM' AND submitted_at LIKE '2025-03-%'"));

    auto excel = skm({"export", "--db", db, "--format", "csv-id", "--exclude-flagged"});
    ASSERT_EQ(excel.exit_code, 0);
    EXPECT_EQ(excel.out.substr(0, 3), "\xEF\xBB\xBF");
    const auto excel_lines = lines(excel.out);
    EXPECT_EQ(excel_lines[0].substr(3, 25), "response_id;submitted_at;");
    EXPECT_EQ(static_cast<long long>(excel_lines.size() - 1), count_rows(db, "flags = ''"));
    // The Indonesian dialect reads back through `skm score`.
    write_file(dir + "/excel.csv", excel.out);
    auto rescored = skm({"score", dir + "/excel.csv", "--json"});
    ASSERT_EQ(rescored.exit_code, 0) << rescored.err;
    auto direct = skm({"score", "--db", db, "--json", "--exclude-flagged"});
    EXPECT_EQ(rescored.out, direct.out);

    EXPECT_EQ(skm({"export", "--db", db, "--format", "xml"}).exit_code, 2);
    EXPECT_EQ(skm({"export", "--db", db, "--from", "2025-13-01"}).exit_code, 2);
}

TEST(SkmExport, JsonCarriesProfileDetailOriginAndChannel) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    write_file(dir + "/detail.csv",
               "response_id,submitted_at,layanan,jenis_kelamin,umur,pendidikan,pekerjaan,persyaratan,prosedur,waktu,biaya,"
               "produk,kompetensi,perilaku,pengaduan,sarana,saran,flags,profile_detail,origin,channel\n"
               "d1,2025-03-03T09:00:00+07:00,KTP-el,P,60+,SD,Lainnya,4,4,3,4,3,4,4,3,3,,,"
               "pendidikan=tidak_sekolah;pekerjaan=pensiunan,hub,paper\n"
               "d2,2025-03-03T09:05:00+07:00,KTP-el,L,30-39,SMA,Swasta,4,4,3,4,3,4,4,3,3,,,,,\n");
    ASSERT_EQ(skm({"import", dir + "/detail.csv", "--db", db}).exit_code, 0);
    auto out = skm({"export", "--db", db, "--format", "json"});
    ASSERT_EQ(out.exit_code, 0) << out.err;
    const auto rows = nlohmann::json::parse(out.out);
    ASSERT_EQ(rows.size(), 2u);
    std::map<std::string, nlohmann::json> by_id;
    for (const auto& row : rows) by_id[row["response_id"].get<std::string>()] = row;
    EXPECT_EQ(by_id["d1"]["profile_detail"], "pendidikan=tidak_sekolah;pekerjaan=pensiunan");
    EXPECT_EQ(by_id["d1"]["origin"], "hub");
    EXPECT_EQ(by_id["d1"]["channel"], "paper");
    EXPECT_EQ(by_id["d2"]["profile_detail"], "");
    EXPECT_EQ(by_id["d2"]["origin"], "import");  // the import's own mark where the file has none
    EXPECT_EQ(by_id["d2"]["channel"], "");
}

TEST(SkmSimulate, PrintsOnlyFreshIdsEachOneStored) {
    const std::string db = make_temp_dir() + "/skm.db";
    auto a = skm({"simulate", "--db", db, "--count", "25", "--seed", "9"});
    auto b = skm({"simulate", "--db", db, "--count", "25", "--seed", "9"});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    ASSERT_EQ(b.exit_code, 0) << b.err;
    std::set<std::string> ids;
    for (const auto& out : {a.out, b.out}) {
        for (const auto& id : lines(out)) {
            ASSERT_EQ(id.size(), 36u) << id;  // nothing but UUIDs on stdout
            EXPECT_EQ(id[14], '4');
            ids.insert(id);
            EXPECT_EQ(count_rows(db, ("response_id = '" + id + "'").c_str()), 1);
        }
    }
    EXPECT_EQ(ids.size(), 50u);  // same seed, still fresh ids
    EXPECT_EQ(count_rows(db), 50);
    // Same seed, same answers: the two runs' answer columns agree row by row.
    EXPECT_EQ(count_rows(db, "seq <= 25 AND answers IN (SELECT answers FROM responses WHERE seq > 25)"), 25);
    EXPECT_EQ(count_rows(db, "device_id = 'simulator' AND duration_ms >= 20000"), 50);
}

TEST(SkmDb, CheckBackupAndSalvageOfAMovedAsideFile) {
    const std::string dir = make_temp_dir();
    const std::string db = dir + "/skm.db";
    ASSERT_EQ(skm({"import", kDemo, "--db", db}).exit_code, 0);
    auto check = skm({"db", "check", "--db", db, "--lang", "en"});
    ASSERT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("2634"), std::string::npos);
    EXPECT_NE(check.out.find("Live tallies equal a full recount"), std::string::npos);

    auto backup = skm({"db", "backup", "--db", db, "-o", dir + "/copy.db"});
    ASSERT_EQ(backup.exit_code, 0) << backup.err;
    EXPECT_EQ(count_rows(dir + "/copy.db"), 2634);

    // Damage the live file: overwrite four pages in the middle (data pages;
    // the schema and the tables' root pages stay readable).
    {
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(db) / 4096 / 2 * 4096));
        const std::string junk(4096 * 4, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    auto reopened = skm({"db", "check", "--db", db, "--lang", "en"});
    EXPECT_NE(reopened.err.find("WARNING"), std::string::npos) << reopened.err;
    EXPECT_NE(reopened.out.find("damaged file is waiting"), std::string::npos) << reopened.out;
    EXPECT_EQ(count_rows(db), 0);  // a new database was started
    bool kept = false;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        kept = kept || entry.path().filename().string().rfind("skm.db.damaged-", 0) == 0;
    }
    EXPECT_TRUE(kept) << "the damaged file must be kept";

    auto salvaged = skm({"db", "salvage", "--db", db, "--lang", "en"});
    ASSERT_EQ(salvaged.exit_code, 0) << salvaged.out << salvaged.err;
    const long long recovered = count_rows(db);
    EXPECT_GT(recovered, 1000) << salvaged.out;  // most rows live outside the damaged pages
    EXPECT_LE(recovered, 2634);
    auto after = skm({"db", "check", "--db", db, "--lang", "en"});
    EXPECT_EQ(after.exit_code, 0) << after.out;
    EXPECT_EQ(after.out.find("damaged file is waiting"), std::string::npos);
    // Salvage again: idempotent.
    ASSERT_EQ(skm({"db", "salvage", "--db", db, "--from", dir + "/copy.db"}).exit_code, 0);
    EXPECT_EQ(count_rows(db), 2634);
}

TEST(SkmDb, UsageErrors) {
    EXPECT_EQ(skm({"db", "check"}).exit_code, 2);
    EXPECT_EQ(skm({"db", "explode", "--db", "x.db"}).exit_code, 2);
    EXPECT_EQ(skm({"simulate", "--db", make_temp_dir() + "/a.db"}).exit_code, 2);
    EXPECT_EQ(skm({"simulate", "--db", make_temp_dir() + "/a.db", "--count", "x"}).exit_code, 2);
    EXPECT_EQ(skm({"import", "--db", make_temp_dir() + "/a.db"}).exit_code, 2);
}

// Reading commands on a path that is not there: a typo, said in plain words,
// and no empty database is left behind.
TEST(SkmDb, ScoreExportAndReportRefuseADatabaseThatIsNotThere) {
    const std::string db = make_temp_dir() + "/tidak-ada.db";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"score", "--db", db}, {"export", "--db", db},
          {"report", "--db", db, "--period", "2025-S1", "--format", "pdf", "-o", make_temp_dir() + "/r.pdf"}}) {
        const auto result = skm(args);
        EXPECT_EQ(result.exit_code, 4) << args[0] << ": " << result.err;
        EXPECT_NE(result.err.find("basis data " + db + " tidak ada. Periksa nama berkas pada --db."), std::string::npos)
            << args[0] << ": " << result.err;
        EXPECT_FALSE(std::filesystem::exists(db)) << args[0];
    }
}

TEST(SkmDb, AnUnwritableDatabaseIsAStorageError) {
    auto result = skm({"simulate", "--db", "/proc/skm-cannot-exist/skm.db", "--count", "1"});
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_TRUE(result.out.empty());
}

}  // namespace
}  // namespace skm::testing
