// Migrations: a database of every earlier schema version opens, keeps its
// rows, ends at the latest schema (the same schema a new database gets), and
// was backed up before migrating; a newer database is refused untouched; a
// migration interrupted by a write error leaves the previous version whole.
#include "formats/profile_detail.hpp"
#include "store/response_store.hpp"
#include "store/salvage.hpp"
#include "store/schema.hpp"
#include "tests/store/faulty_vfs.hpp"
#include "tests/store/old_schema_database.hpp"
#include "tests/store/store_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>

namespace skm::store {
namespace {

using test::RawDb;
using test::TempDir;

constexpr const char* kV1Row =
    "INSERT INTO responses (response_id, device_id, layanan, questionnaire_id, questionnaire_version, jenis_kelamin, "
    "umur, pendidikan, pekerjaan, answers, saran, submitted_at, local_date, duration_ms, flags) VALUES "
    "('v1-row', 'kiosk-lama', 'Kartu Keluarga', 'permenpan-14-2017', 2, 'L', '40-49', 'S1', 'PNS', "
    "'persyaratan=4;prosedur=3;waktu=2;biaya=1;produk=4;kompetensi=3;perilaku=2;sarana=4', 'lama', "
    "'2023-12-31T23:00:00+07:00', '2023-12-31', 60000, 'too_fast')";

formats::Response v1_row_response() {
    formats::Response r;
    r.response_id = "v1-row";
    r.device_id = "kiosk-lama";
    r.layanan = "Kartu Keluarga";
    r.questionnaire_version = "2";
    r.jenis_kelamin = "L";
    r.umur = "40-49";
    r.pendidikan = "S1";
    r.pekerjaan = "PNS";
    r.answers = {4, 3, 2, 1, 4, 3, 2, 0, 4};
    r.saran = "lama";
    r.submitted_at = "2023-12-31T23:00:00+07:00";
    r.flags = {"too_fast"};
    return r;
}

// A database as an older build left it: schema `version`, in `journal` mode,
// with one response and one setting when the schema has those tables.
void build_database(const std::filesystem::path& file, int version, const char* journal) {
    Connection connection(file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (version == 0) return;  // an empty file, as a first start would find it
    const std::string mode = std::string("PRAGMA journal_mode = ") + journal;
    connection.exec(mode.c_str());
    ASSERT_EQ(migrate(connection, version), 0);
    ASSERT_EQ(schema_version(connection), version);
    connection.exec(kV1Row);
    connection.exec("INSERT INTO settings (key, value) VALUES ('kiosk.layanan', 'KTP-el;Kartu Keluarga')");
}

std::vector<std::string> schema_of(const std::filesystem::path& file) {
    return RawDb(file).column(
        "SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || coalesce(sql, '') FROM sqlite_schema "
        "ORDER BY type, name");
}

class StoreMigration : public ::testing::Test {
protected:
    TempDir dir;
    ManualClock clock{test::start_time()};
    const scoring::ScoringScheme scheme = scoring::ScoringScheme::permenpan_2017();

    // The schema a brand-new database gets.
    std::vector<std::string> latest_schema() {
        const auto fresh = dir / "fresh.db";
        { ResponseStore store(test::options_for(fresh), scheme, clock); }
        return schema_of(fresh);
    }
};

TEST_F(StoreMigration, TheMigrationsAreNumberedOneUpWithoutGaps) {
    const auto all = migrations();
    ASSERT_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].version, static_cast<int>(i) + 1);
    EXPECT_EQ(latest_schema_version(), static_cast<int>(all.size()));
}

TEST_F(StoreMigration, ADatabaseOfEveryEarlierVersionIsMigratedWithItsRowsKept) {
    const auto expected_schema = latest_schema();
    ASSERT_GE(expected_schema.size(), 5u);
    for (const char* journal : {"wal", "delete"}) {
        for (int version = 0; version < latest_schema_version(); ++version) {
            SCOPED_TRACE("version " + std::to_string(version) + ", journal " + journal);
            const auto file = dir / ("v" + std::to_string(version) + "-" + journal + ".db");
            build_database(file, version, journal);
            if (HasFatalFailure()) return;

            StoreOptions options = test::options_for(file);
            options.backup_dir = dir / ("backups-" + std::to_string(version) + "-" + journal);
            ResponseStore store(options, scheme, clock);
            const OpenReport& report = store.open_report();
            EXPECT_FALSE(report.created);
            EXPECT_FALSE(report.moved_aside.has_value());
            EXPECT_EQ(report.schema_version_found, version);
            EXPECT_EQ(schema_version(store.connection()), latest_schema_version());
            EXPECT_EQ(schema_of(file), expected_schema);
            EXPECT_TRUE(store.check().ok());

            if (version == 0) {
                EXPECT_EQ(store.count(), 0);
                EXPECT_FALSE(report.migration_backup.has_value());  // nothing to lose
                continue;
            }
            // The row survives, with the columns later versions added at their defaults.
            EXPECT_TRUE(store.contains("v1-row"));
            const auto rows = test::all_rows(store);
            ASSERT_EQ(rows.size(), 1u);
            EXPECT_EQ(rows[0].submission.response, v1_row_response());
            EXPECT_EQ(rows[0].submission.questionnaire_id, "permenpan-14-2017");
            EXPECT_EQ(rows[0].submission.duration_ms, 60'000);
            EXPECT_EQ(rows[0].sync_state, "pending");
            EXPECT_EQ(store.setting("kiosk.layanan"), "KTP-el;Kartu Keluarga");
            EXPECT_EQ(store.tallies().total().respondents(), 1u);
            EXPECT_EQ(store.check().pending_sync, 1);

            // A backup was made before migrating: the old version, whole.
            ASSERT_TRUE(report.migration_backup.has_value());
            ASSERT_TRUE(std::filesystem::exists(*report.migration_backup));
            EXPECT_EQ(report.migration_backup->parent_path(), options.backup_dir);
            RawDb backup(test::copy_for_inspection(*report.migration_backup, dir));
            EXPECT_EQ(backup.integrity(), "ok");
            EXPECT_EQ(backup.integer("PRAGMA user_version"), version);
            EXPECT_EQ(backup.response_ids(), std::set<std::string>{"v1-row"});
            EXPECT_EQ(backup.column("SELECT value FROM settings WHERE key = 'kiosk.layanan'"),
                      std::vector<std::string>{"KTP-el;Kartu Keluarga"});
            const auto old_columns = backup.columns_of("responses");
            // sync_state came with version 2: the backup has it exactly when it was made from 2 or later.
            EXPECT_EQ(std::count(old_columns.begin(), old_columns.end(), "sync_state"), version >= 2 ? 1 : 0);
        }
    }
}

// Version 4 (profile_detail, origin, channel) on a small database of version
// 3; the release tier does the same with a million rows (store_migration_1m_test).
TEST_F(StoreMigration, Version4AddsTheRecordedColumnsEmptyOnEveryOldRowAfterABackup) {
    const auto file = dir / "v3.db";
    constexpr std::int64_t kRows = 1000;
    test::build_old_schema_database(file, kRows, scheme);
    StoreOptions options = test::options_for(file);
    options.backup_dir = dir / "backups";
    ResponseStore store(options, scheme, clock);
    EXPECT_EQ(store.open_report().schema_version_found, 3);
    EXPECT_EQ(schema_version(store.connection()), latest_schema_version());
    EXPECT_EQ(store.count(), kRows);
    EXPECT_EQ(store.check_counts().second, kRows / 5);  // every fifth was still waiting to be sent
    for (std::int64_t seq : {std::int64_t{1}, std::int64_t{10}, std::int64_t{13}, std::int64_t{500}, kRows}) {
        test::expect_same_row(test::stored_row_at(store.connection(), seq, scheme), test::expected_old_row(seq, scheme));
    }
    RawDb raw(file);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM responses WHERE profile_detail = '' AND origin = '' AND channel = ''"), kRows);
    // Version 5: the per-period populations, empty.
    EXPECT_EQ(raw.integer("SELECT count(*) FROM period_populations"), 0);
    EXPECT_TRUE(store.check().ok());
    // The migration skipped testing its new CHECKs on the old rows; the store's
    // own connection enforces them again for every row written after it.
    EXPECT_EQ(query_int(store.connection(), "PRAGMA ignore_check_constraints"), 0);
    EXPECT_THROW(store.connection().exec("UPDATE responses SET origin = 'impor' WHERE seq = 1"), Error);
    EXPECT_THROW(store.connection().exec("UPDATE responses SET channel = 'kertas' WHERE seq = 2"), Error);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM responses WHERE origin = '' AND channel = ''"), kRows);

    ASSERT_TRUE(store.open_report().migration_backup.has_value());
    RawDb backup(test::copy_for_inspection(*store.open_report().migration_backup, dir));
    EXPECT_EQ(backup.integrity(), "ok");
    EXPECT_EQ(backup.integer("PRAGMA user_version"), 3);
    EXPECT_EQ(backup.integer("SELECT count(*) FROM responses"), kRows);
    const auto old_columns = backup.columns_of("responses");
    EXPECT_EQ(std::count(old_columns.begin(), old_columns.end(), "origin"), 0);
}

TEST_F(StoreMigration, TheRecordedColumnsRefuseValuesOutsideTheirVocabulariesAndLongDetails) {
    const auto file = dir / "skm.db";
    { ResponseStore store(test::options_for(file), scheme, clock); }
    RawDb raw(file, /*writable=*/true);
    auto insert = [&](const std::string& id, const std::string& recorded) {
        const std::string sql =
            "INSERT INTO responses (response_id, device_id, layanan, questionnaire_id, questionnaire_version, answers, "
            "submitted_at, local_date, profile_detail, origin, channel) VALUES ('" + id +
            "', 'k', 'KTP-el', 'q', 1, '', '2024-03-01T09:00:00+07:00', '2024-03-01', " + recorded + ")";
        try {
            raw.connection().exec(sql.c_str());
            return true;
        } catch (const Error&) {
            return false;
        }
    };
    // The schema's CHECKs agree with the one home of each rule (formats/response.hpp, formats/profile_detail.hpp).
    int id = 0;
    for (const std::string_view origin : formats::kOrigins) {
        EXPECT_TRUE(insert("o-" + std::to_string(++id), "'', '" + std::string(origin) + "', ''")) << origin;
    }
    for (const std::string_view channel : formats::kChannels) {
        EXPECT_TRUE(insert("c-" + std::to_string(++id), "'', '', '" + std::string(channel) + "'")) << channel;
    }
    const std::string longest(formats::kMaxProfileDetailBytes, 'x');
    EXPECT_TRUE(insert("longest", "'" + longest + "', '', ''"));
    EXPECT_TRUE(insert("none", "'', '', ''"));
    EXPECT_FALSE(insert("bad-1", "'', 'impor', ''"));
    EXPECT_FALSE(insert("bad-2", "'', '', 'kertas'"));
    EXPECT_FALSE(insert("bad-3", "'" + longest + "x', '', ''"));
    EXPECT_FALSE(insert("bad-4", "NULL, '', ''"));
    EXPECT_EQ(raw.integer("SELECT count(*) FROM responses"),
              static_cast<std::int64_t>(formats::kOrigins.size() + formats::kChannels.size() + 2));
}

// A damaged file an older build left has no recorded columns: salvage still
// reads its rows (with the columns empty) into the live database.
TEST_F(StoreMigration, SalvageReadsADatabaseOfTheVersionBeforeTheRecordedColumns) {
    const auto old_file = dir / "old.damaged";
    test::build_old_schema_database(old_file, 20, scheme);
    ResponseStore live(test::options_for(dir / "skm.db"), scheme, clock);
    const SalvageResult result = salvage(live, old_file);
    EXPECT_TRUE(result.opened);
    EXPECT_EQ(result.rows_read, 20u);
    EXPECT_EQ(result.imported.inserted, 20u);
    EXPECT_EQ(live.count(), 20);
    const auto rows = test::all_rows(live);
    ASSERT_EQ(rows.size(), 20u);
    EXPECT_EQ(rows[6].submission.response, test::expected_old_row(7, scheme).submission.response);
}

TEST_F(StoreMigration, ReopeningAMigratedDatabaseMigratesNothingAndBacksUpNothing) {
    const auto file = dir / "skm.db";
    build_database(file, 1, "wal");
    { ResponseStore first(test::options_for(file), scheme, clock); }
    const auto backups = test::file_names(file.string() + ".backups");
    ASSERT_EQ(backups.size(), 1u);
    clock.advance_ms(3'600'000);
    ResponseStore again(test::options_for(file), scheme, clock);
    EXPECT_EQ(again.open_report().schema_version_found, latest_schema_version());
    EXPECT_FALSE(again.open_report().migration_backup.has_value());
    EXPECT_EQ(test::file_names(file.string() + ".backups"), backups);
    EXPECT_TRUE(again.contains("v1-row"));
}

TEST_F(StoreMigration, MigrateStopsAtTheTargetAndReportsTheVersionFound) {
    Connection connection((dir / "steps.db").string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    EXPECT_EQ(migrate(connection, 1), 0);
    EXPECT_EQ(schema_version(connection), 1);
    EXPECT_EQ(migrate(connection, 1), 1);  // nothing to do
    EXPECT_EQ(migrate(connection), 1);
    EXPECT_EQ(schema_version(connection), latest_schema_version());
    EXPECT_EQ(migrate(connection), latest_schema_version());
}

TEST_F(StoreMigration, ANewerDatabaseIsRefusedAndLeftWhereItIs) {
    const auto file = dir / "skm.db";
    {
        ResponseStore store(test::options_for(file), scheme, clock);
        ASSERT_EQ(store.submit(test::make_submission("from-the-future")), std::nullopt);
        const std::string newer = "PRAGMA user_version = " + std::to_string(latest_schema_version() + 1);
        store.connection().exec(newer.c_str());
    }
    try {
        ResponseStore store(test::options_for(file), scheme, clock);
        ADD_FAILURE() << "a database of a newer schema was opened";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::storage);
        EXPECT_EQ(error.problem().key, "store.newer_schema");
        EXPECT_EQ(test::arg(error.problem(), "version"), std::to_string(latest_schema_version() + 1));
        EXPECT_EQ(test::arg(error.problem(), "supported"), std::to_string(latest_schema_version()));
    }
    EXPECT_EQ(test::file_names(dir.path()), std::vector<std::string>{"skm.db"});
    RawDb raw(file);
    EXPECT_EQ(raw.integer("PRAGMA user_version"), latest_schema_version() + 1);
    EXPECT_EQ(raw.response_ids(), std::set<std::string>{"from-the-future"});
}

// Each migration is one transaction: whichever write fails while a v1
// database is being opened and migrated, the file afterwards is either
// still v1 (no trace of v2) or fully v2, never damaged, never moved aside,
// and its row is there; the next normal open finishes the job.
TEST_F(StoreMigration, AMigrationInterruptedByAWriteErrorLeavesTheOldVersionWhole) {
    test::FaultyVfs::install();
    const auto template_file = dir / "template.db";
    build_database(template_file, 1, "delete");
    if (HasFatalFailure()) return;

    int cases = 0;
    int opens_failed = 0;
    int left_at_v1 = 0;
    for (const auto kind : {test::FaultKind::io_error, test::FaultKind::disk_full}) {
        for (int n = 1; n <= 60; ++n) {
            SCOPED_TRACE(std::string(test::to_string(kind)) + " at operation " + std::to_string(n));
            const auto case_dir = dir / ("case-" + std::to_string(cases));
            std::filesystem::create_directories(case_dir);
            const auto file = case_dir / "skm.db";
            std::filesystem::copy_file(template_file, file);
            bool reached = false;
            {
                test::ArmedFault fault(n, kind, test::FaultPersistence::sticky);
                try {
                    ResponseStore store(test::options_for(file, test::FaultyVfs::kName), scheme, clock);
                } catch (const Error& error) {
                    ++opens_failed;
                    EXPECT_EQ(error.kind(), ErrorKind::storage);
                    EXPECT_EQ(error.problem().key, kind == test::FaultKind::disk_full ? "store.disk_full" : "store.io_error");
                }
                reached = test::FaultyVfs::counts().failures() > 0;
            }
            ++cases;
            EXPECT_EQ(test::FaultyVfs::open_files(), 0);
            {
                RawDb raw(file, /*writable=*/true);  // rolls back a journal the failed open left hot
                EXPECT_EQ(raw.integrity(), "ok");
                const auto version = raw.integer("PRAGMA user_version");
                const auto columns = raw.columns_of("responses");
                const bool has_sync_state = std::count(columns.begin(), columns.end(), "sync_state") == 1;
                const bool has_audit_log = raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'") == 1;
                // Each migration is one transaction: the file is whole at some version from 1 to the
                // latest, with exactly that version's tables and columns.
                const bool has_populations =
                    raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'populations'") == 1;
                EXPECT_GE(version, 1);
                EXPECT_LE(version, latest_schema_version());
                if (version == 1) ++left_at_v1;
                EXPECT_EQ(has_sync_state, version >= 2);
                EXPECT_EQ(has_audit_log, version >= 2);
                EXPECT_EQ(has_populations, version >= 3);
                EXPECT_EQ(raw.response_ids(), std::set<std::string>{"v1-row"});
            }
            // Never mistaken for a damaged file.
            for (const auto& name : test::file_names(case_dir)) EXPECT_EQ(name.find("damaged"), std::string::npos) << name;

            ResponseStore store(test::options_for(file), scheme, clock);
            EXPECT_FALSE(store.open_report().moved_aside.has_value());
            EXPECT_EQ(schema_version(store.connection()), latest_schema_version());
            EXPECT_TRUE(store.contains("v1-row"));
            EXPECT_TRUE(store.check().ok());
            if (!reached) break;  // n is past the last write of an open: larger n changes nothing
        }
    }
    std::cout << "[ migration faults ] " << cases << " cases, " << opens_failed << " opens failed, " << left_at_v1
              << " left at v1\n";
    // The sweep really interrupted migrations, and really reached the end.
    EXPECT_GT(opens_failed, 0);
    EXPECT_GT(left_at_v1, 0);
    EXPECT_LT(opens_failed, cases);
}

}  // namespace
}  // namespace skm::store
