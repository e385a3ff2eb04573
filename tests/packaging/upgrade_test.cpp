// The upgrade path of the packages without a chroot: a kiosk database as an
// older release left it (schema 1, responses in it, WAL mode), the packaged
// db-snapshot run as postinst runs it, then the new `skm` opening it as the
// upgraded kiosk does. Every response is still there at the latest schema, and
// two backups exist: the package's (the old schema, every row) and the store's
// own, made before it migrated. (The release tier's install test does a real
// dpkg upgrade in a Debian 12 root.)
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace skm::testing {
namespace {

const std::string kSnapshot = std::string(SKM_SOURCE_DIR) + "/packaging/lib/db-snapshot";
constexpr int kRows = 40;

std::vector<std::string> ids_in(const std::filesystem::path& db) {
    store::Connection connection(db.string(), SQLITE_OPEN_READONLY);
    store::Statement query(connection, "SELECT response_id FROM responses ORDER BY response_id");
    std::vector<std::string> ids;
    while (query.step()) ids.emplace_back(query.text(0));
    return ids;
}

int version_of(const std::filesystem::path& db) {
    store::Connection connection(db.string(), SQLITE_OPEN_READONLY);
    return store::schema_version(connection);
}

// /var/lib/skm/kiosk/skm.db of a release whose store was at schema 1.
std::vector<std::string> make_old_database(const std::filesystem::path& db) {
    store::Connection connection(db.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    connection.exec("PRAGMA journal_mode = WAL");
    EXPECT_EQ(store::migrate(connection, 1), 0);
    std::vector<std::string> ids;
    for (int i = 0; i < kRows; ++i) {
        const std::string id = "old-" + std::to_string(1000 + i);
        ids.push_back(id);
        const std::string sql =
            "INSERT INTO responses (response_id, device_id, layanan, questionnaire_id, questionnaire_version, "
            "jenis_kelamin, umur, pendidikan, pekerjaan, answers, saran, submitted_at, local_date, duration_ms, flags) "
            "VALUES ('" + id + "', 'kiosk-lama', 'Kartu Keluarga', 'permenpan-14-2017', 2, 'P', '30-39', 'SMA', "
            "'Swasta', 'persyaratan=4;prosedur=3;waktu=2;biaya=1;produk=4;kompetensi=3;perilaku=2;sarana=4', "
            "'saran " + std::to_string(i) + "', '2024-03-0" + std::to_string(1 + i % 9) + "T09:00:00+07:00', '2024-03-0" +
            std::to_string(1 + i % 9) + "', 60000, '')";
        connection.exec(sql.c_str());
    }
    return ids;
}

TEST(PackageUpgrade, PostinstBackupThenTheNewStoreMigratesWithEveryResponseKept) {
    const std::filesystem::path root = make_temp_dir();
    const auto data = root / "var/lib/skm/kiosk";
    std::filesystem::create_directories(data / "backups");
    const auto db = data / "skm.db";
    const auto ids = make_old_database(db);
    ASSERT_EQ(ids.size(), static_cast<std::size_t>(kRows));
    ASSERT_LT(1, store::latest_schema_version()) << "no migration left to test";

    // 1. postinst configure, upgrading from 0.0.9: the package's own copy first.
    const auto snapshot = run_program({kSnapshot, db.string(), (data / "backups").string(), "0.0.9"});
    ASSERT_EQ(snapshot.exit_code, 0) << snapshot.err;
    std::string copy = snapshot.out;
    while (!copy.empty() && copy.back() == '\n') copy.pop_back();
    ASSERT_TRUE(std::filesystem::is_regular_file(copy)) << snapshot.out;
    EXPECT_NE(copy.find("skm-before-upgrade-from-0.0.9-"), std::string::npos) << copy;
    EXPECT_FALSE(std::filesystem::exists(copy + ".part"));
    EXPECT_EQ(version_of(copy), 1) << "the package's backup is of the database as it was";
    EXPECT_EQ(ids_in(copy), ids);
    EXPECT_EQ(version_of(db), 1) << "taking the copy must not migrate the database";

    // 2. The upgraded program opens it (as the restarted kiosk would): it migrates.
    const auto check = run_program({skm_binary(), "db", "check", "--db", db.string()});
    ASSERT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_EQ(version_of(db), store::latest_schema_version());
    EXPECT_EQ(ids_in(db), ids) << "every response survives the upgrade";

    // 3. The store's own backup before migrating, also with every row.
    std::vector<std::filesystem::path> own;
    for (const auto& entry : std::filesystem::directory_iterator(db.string() + ".backups")) own.push_back(entry.path());
    ASSERT_EQ(own.size(), 1u);
    EXPECT_EQ(version_of(own[0]), 1);
    EXPECT_EQ(ids_in(own[0]), ids);

    // 4. The export of the upgraded database has every response once.
    const auto exported = run_program({skm_binary(), "export", "--db", db.string()});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    for (const auto& id : ids) {
        const auto first = exported.out.find(id);
        EXPECT_NE(first, std::string::npos) << id;
        EXPECT_EQ(exported.out.find(id, first + 1), std::string::npos) << id << " twice";
    }
}

TEST(PackageUpgrade, SnapshotOfAMissingDatabaseIsNothingToDo) {
    // A first install, or an upgrade of a kiosk that never ran: nothing to copy, no error.
    const std::filesystem::path root = make_temp_dir();
    const auto result = run_program({kSnapshot, (root / "none.db").string(), (root / "backups").string(), "0.0.9"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_FALSE(std::filesystem::exists(root / "backups"));
}

TEST(PackageUpgrade, ACopyThatFailsItsCheckIsNotPutInPlace) {
    // Not a database at all: sqlite3's .backup fails and no file carries the final name.
    const std::filesystem::path root = make_temp_dir();
    write_file((root / "skm.db").string(), std::string(8192, 'x'));
    const auto result = run_program({kSnapshot, (root / "skm.db").string(), (root / "backups").string(), "0.0.9"});
    EXPECT_NE(result.exit_code, 0);
    if (std::filesystem::exists(root / "backups")) {
        for (const auto& entry : std::filesystem::directory_iterator(root / "backups")) {
            EXPECT_EQ(entry.path().extension(), ".part") << entry.path();
        }
    }
}

}  // namespace
}  // namespace skm::testing
