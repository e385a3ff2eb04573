// Recovery: a damaged file found at startup is moved aside byte for byte
// (never deleted), a new database started, and the alert raised; a write
// error or a full disk during submit or import is reported and leaves the
// stored rows alone; scheduled backups rotate and hold the same rows; live
// tallies always equal a recount.
#include "store/response_store.hpp"
#include "store/schema.hpp"
#include "tests/store/faulty_vfs.hpp"
#include "tests/store/store_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace skm::store {
namespace {

using test::arg;
using test::make_submission;
using test::RawDb;

class StoreRecovery : public test::StoreTest {
protected:
    std::unique_ptr<ResponseStore> open(const char* vfs = nullptr) {
        return std::make_unique<ResponseStore>(test::options_for(database, vfs), scheme, clock);
    }

    // A closed database of `rows` responses.
    void fill(int rows) {
        auto store = open();
        for (int i = 0; i < rows; ++i) {
            ASSERT_EQ(store->submit(make_submission("old-" + std::to_string(i))), std::nullopt);
        }
    }

    // What startup must leave behind after finding `database` damaged.
    void expect_moved_aside(const ResponseStore& store, const std::string& damaged_bytes) {
        const OpenReport& report = store.open_report();
        ASSERT_TRUE(report.moved_aside.has_value());
        EXPECT_TRUE(report.created);
        EXPECT_EQ(report.moved_aside->parent_path(), database.parent_path());
        EXPECT_EQ(report.moved_aside->filename().string().rfind("skm.db.damaged-", 0), 0u) << *report.moved_aside;
        ASSERT_TRUE(std::filesystem::exists(*report.moved_aside));
        EXPECT_TRUE(test::same_bytes(test::read_bytes(*report.moved_aside), damaged_bytes));  // kept, byte for byte
        EXPECT_EQ(store.setting("alert.damaged_database"), report.moved_aside->string());
        EXPECT_EQ(store.count(), 0);
        EXPECT_TRUE(store.check().ok());
    }

    std::vector<std::string> audit_rows() {
        return RawDb(database).column("SELECT at || '|' || actor || '|' || action || '|' || detail FROM audit_log");
    }
};

// ---- damaged files -------------------------------------------------------------

TEST_F(StoreRecovery, AFileOfGarbageIsMovedAsideAndANewDatabaseStarted) {
    std::string garbage;
    for (int i = 0; i < 10'000; ++i) garbage.push_back(static_cast<char>((i * 7919 + 13) % 251));
    test::write_bytes(database, garbage);

    auto store = open();
    expect_moved_aside(*store, garbage);
    EXPECT_EQ(store->open_report().moved_aside->filename().string(), "skm.db.damaged-20240301-091500");
    EXPECT_EQ(audit_rows(), std::vector<std::string>{"2024-03-01T09:15:00+07:00|system|database_moved_aside|" +
                                                     store->open_report().moved_aside->string()});
    // The new database works, and survives a reopen without a second alarm.
    ASSERT_EQ(store->submit(make_submission("after")), std::nullopt);
    store.reset();
    store = open();
    EXPECT_FALSE(store->open_report().moved_aside.has_value());
    EXPECT_TRUE(store->contains("after"));
    EXPECT_EQ(RawDb(database).integrity(), "ok");
}

TEST_F(StoreRecovery, ADatabaseWithOverwrittenPagesIsMovedAside) {
    fill(300);
    if (HasFatalFailure()) return;
    const auto size = std::filesystem::file_size(database);
    const std::string header = test::read_bytes(database).substr(0, 100);
    ASSERT_EQ(header.substr(0, 16), std::string("SQLite format 3\0", 16));
    const std::size_t page_size = (static_cast<unsigned char>(header[16]) << 8) | static_cast<unsigned char>(header[17]);
    const std::size_t pages = size / page_size;
    ASSERT_GE(pages, 6u);
    // Pages 3 and 4 (from 1) hold responses and index b-trees: overwrite them.
    test::overwrite_bytes(database, 2 * page_size, std::string(2 * page_size, '\xA5'));
    const std::string damaged = test::read_bytes(database);

    auto store = open();
    expect_moved_aside(*store, damaged);
    EXPECT_EQ(audit_rows().size(), 1u);
}

TEST_F(StoreRecovery, ADatabaseWhoseSchemaPageIsOverwrittenIsMovedAside) {
    fill(50);
    if (HasFatalFailure()) return;
    // Keep the 100-byte header (so it still looks like SQLite); spoil the rest of page 1.
    test::overwrite_bytes(database, 100, std::string(1000, '\x7F'));
    const std::string damaged = test::read_bytes(database);
    auto store = open();
    expect_moved_aside(*store, damaged);
}

TEST_F(StoreRecovery, ATruncatedDatabaseIsMovedAside) {
    fill(300);
    if (HasFatalFailure()) return;
    const std::string whole = test::read_bytes(database);
    const std::string half = whole.substr(0, whole.size() / 2);
    test::write_bytes(database, half);
    auto store = open();
    expect_moved_aside(*store, half);
}

TEST_F(StoreRecovery, TheWalOfADamagedFileMovesWithIt) {
    const std::string garbage(8192, '\x5A');
    const std::string wal = "not a WAL, but the salvage tool wants it anyway";
    test::write_bytes(database, garbage);
    test::write_bytes(database.string() + "-wal", wal);
    auto store = open();
    expect_moved_aside(*store, garbage);
    const auto moved_wal = store->open_report().moved_aside->string() + "-wal";
    ASSERT_TRUE(std::filesystem::exists(moved_wal));
    EXPECT_TRUE(test::same_bytes(test::read_bytes(moved_wal), wal));
}

// The realistic case: power was cut with responses still in the WAL, and the
// database file is damaged. Startup must keep both files as they were: not
// checkpoint the WAL into the damaged file on the way, not delete it.
TEST_F(StoreRecovery, ADamagedDatabaseAndItsUncheckpointedWalAreKeptByteForByte) {
    fill(300);
    if (HasFatalFailure()) return;
    const auto crash = dir / "crash";
    std::filesystem::create_directories(crash);
    {
        auto store = open();
        for (int i = 0; i < 5; ++i) ASSERT_EQ(store->submit(make_submission("in-wal-" + std::to_string(i))), std::nullopt);
        // The files as a power cut would leave them, taken while the store is open.
        std::filesystem::copy_file(database, crash / "skm.db");
        std::filesystem::copy_file(database.string() + "-wal", crash / "skm.db-wal");
    }
    database = crash / "skm.db";
    const auto size = std::filesystem::file_size(database);
    ASSERT_GT(std::filesystem::file_size(database.string() + "-wal"), 0u);
    test::overwrite_bytes(database, size / 2, std::string(3 * 4096, '\xC3'));
    const std::string damaged = test::read_bytes(database);
    const std::string wal = test::read_bytes(database.string() + "-wal");

    auto store = open();
    expect_moved_aside(*store, damaged);
    const auto moved_wal = store->open_report().moved_aside->string() + "-wal";
    ASSERT_TRUE(std::filesystem::exists(moved_wal));
    EXPECT_TRUE(test::same_bytes(test::read_bytes(moved_wal), wal));
    EXPECT_FALSE(std::filesystem::exists(database.string() + "-wal") &&
                 test::read_bytes(database.string() + "-wal") == wal);  // the new database has its own WAL
}

TEST_F(StoreRecovery, TwoDamagedFilesFoundInTheSameSecondAreBothKept) {
    const std::string first(4096, '\x11');
    const std::string second(4096, '\x22');
    test::write_bytes(database, first);
    std::filesystem::path first_moved;
    {
        auto store = open();
        ASSERT_TRUE(store->open_report().moved_aside.has_value());
        first_moved = *store->open_report().moved_aside;
    }
    test::write_bytes(database, second);  // the clock has not moved
    auto store = open();
    expect_moved_aside(*store, second);
    EXPECT_NE(*store->open_report().moved_aside, first_moved);
    ASSERT_TRUE(std::filesystem::exists(first_moved));
    EXPECT_TRUE(test::same_bytes(test::read_bytes(first_moved), first));
}

TEST_F(StoreRecovery, AHealthyDatabaseIsNeverMovedAside) {
    fill(20);
    if (HasFatalFailure()) return;
    for (int i = 0; i < 3; ++i) {
        auto store = open();
        EXPECT_FALSE(store->open_report().moved_aside.has_value());
        EXPECT_FALSE(store->open_report().created);
        EXPECT_EQ(store->count(), 20);
        EXPECT_EQ(store->setting("alert.damaged_database"), std::nullopt);
    }
    for (const auto& name : test::file_names(dir.path())) EXPECT_EQ(name.find("damaged"), std::string::npos) << name;
}

// ---- write errors ----------------------------------------------------------------

TEST_F(StoreRecovery, AFullDiskOrAnIoErrorDuringSubmitIsReportedAndNothingStoredIsTouched) {
    test::FaultyVfs::install();
    auto store = open(test::FaultyVfs::kName);
    std::set<std::string> stored;
    for (int i = 0; i < 5; ++i) {
        const std::string id = "before-" + std::to_string(i);
        ASSERT_EQ(store->submit(make_submission(id)), std::nullopt);
        stored.insert(id);
    }
    for (const auto kind : {test::FaultKind::disk_full, test::FaultKind::io_error}) {
        SCOPED_TRACE(test::to_string(kind));
        const auto tallies = store->tallies();
        {
            test::ArmedFault fault(1, kind, test::FaultPersistence::sticky);
            const std::string id = std::string("during-") + test::to_string(kind);
            const auto problem = store->submit(make_submission(id));
            ASSERT_TRUE(problem.has_value());
            EXPECT_EQ(problem->key, kind == test::FaultKind::disk_full ? "store.disk_full" : "store.io_error");
            EXPECT_EQ(arg(*problem, "file"), database.string());
            EXPECT_GT(test::FaultyVfs::counts().failures(), 0);
            EXPECT_FALSE(store->contains(id));
            EXPECT_EQ(store->count(), static_cast<std::int64_t>(stored.size()));
            EXPECT_TRUE(store->tallies() == tallies);
            EXPECT_TRUE(store->check().ok());
            // It stays refused while the disk stays full.
            EXPECT_TRUE(store->submit(make_submission(id + "-again")).has_value());
        }
        // Space freed: the next submit goes through.
        const std::string id = std::string("after-") + test::to_string(kind);
        ASSERT_EQ(store->submit(make_submission(id)), std::nullopt);
        stored.insert(id);
    }
    store.reset();
    RawDb raw(database);
    EXPECT_EQ(raw.integrity(), "ok");
    EXPECT_EQ(raw.response_ids(), stored);
}

TEST_F(StoreRecovery, AFullDiskDuringImportStoresNoneOfTheBatch) {
    test::FaultyVfs::install();
    auto store = open(test::FaultyVfs::kName);
    ASSERT_EQ(store->submit(make_submission("kept")), std::nullopt);
    const auto batch = test::varied_submissions("batch", 50, 3);
    const auto tallies = store->tallies();
    for (const auto kind : {test::FaultKind::disk_full, test::FaultKind::io_error}) {
        for (int n : {1, 2, 3, 5, 8}) {
            SCOPED_TRACE(std::string(test::to_string(kind)) + " at " + std::to_string(n));
            test::ArmedFault fault(n, kind, test::FaultPersistence::sticky);
            try {
                store->import(batch);
                ADD_FAILURE() << "import went through a full disk";
            } catch (const Error& error) {
                EXPECT_EQ(error.kind(), ErrorKind::storage);
                EXPECT_EQ(error.problem().key, kind == test::FaultKind::disk_full ? "store.disk_full" : "store.io_error");
            }
            EXPECT_EQ(store->count(), 1);
            EXPECT_TRUE(store->tallies() == tallies);
        }
    }
    const ImportResult result = store->import(batch);
    EXPECT_EQ(result.inserted, 50u);
    EXPECT_TRUE(store->check().ok());
    store.reset();
    EXPECT_EQ(RawDb(database).integer("SELECT count(*) FROM responses"), 51);
}

// ---- backups -----------------------------------------------------------------------

TEST_F(StoreRecovery, BackupsFollowTheScheduleRotateAndHoldTheSameRows) {
    StoreOptions options = test::options_for(database);
    options.keep_backups = 3;
    options.backup_every_hours = 24;
    ResponseStore store(options, scheme, clock);
    const auto backup_dir = std::filesystem::path(database.string() + ".backups");
    EXPECT_EQ(test::file_names(backup_dir), std::vector<std::string>{});

    std::vector<std::string> made;
    std::set<std::string> ids;
    auto check_backup = [&](const std::filesystem::path& file) {
        RawDb backup(test::copy_for_inspection(file, dir));
        EXPECT_EQ(backup.integrity(), "ok");
        EXPECT_EQ(backup.integer("PRAGMA user_version"), latest_schema_version());
        EXPECT_EQ(backup.response_ids(), ids);
        EXPECT_EQ(backup.column("SELECT answers FROM responses ORDER BY seq"),
                  RawDb(database).column("SELECT answers FROM responses ORDER BY seq"));
    };
    for (int day = 0; day < 6; ++day) {
        SCOPED_TRACE("day " + std::to_string(day));
        const std::string id = "day-" + std::to_string(day);
        ASSERT_EQ(store.submit(make_submission(id)), std::nullopt);  // in the WAL, not yet checkpointed
        ids.insert(id);
        const auto backup = store.backup_if_due();
        ASSERT_TRUE(backup.has_value());
        EXPECT_EQ(backup->parent_path(), backup_dir);
        made.push_back(backup->filename().string());
        EXPECT_EQ(store.setting("backup.last"), iso8601(clock.wall_now()));
        check_backup(*backup);
        // Not due again until a whole day has passed.
        clock.advance_ms(3'600'000);
        EXPECT_EQ(store.backup_if_due(), std::nullopt);
        clock.advance_ms(22 * 3'600'000 + 59 * 60'000);
        EXPECT_EQ(store.backup_if_due(), std::nullopt);
        clock.advance_ms(60'000);  // exactly 24 h after the last backup: due
        const std::vector<std::string> newest(made.end() - std::min<std::ptrdiff_t>(3, std::ssize(made)), made.end());
        EXPECT_EQ(test::file_names(backup_dir), newest);
    }
    EXPECT_EQ(made.front(), "skm-20240301-091500.db");
    EXPECT_EQ(made.back(), "skm-20240306-091500.db");
    EXPECT_EQ(test::file_names(backup_dir),
              (std::vector<std::string>{"skm-20240304-091500.db", "skm-20240305-091500.db", "skm-20240306-091500.db"}));
}

TEST_F(StoreRecovery, BackupToWritesACompleteDatabaseUnderTheFinalNameOnly) {
    auto store = open();
    const auto rows = test::varied_submissions("b", 40, 11);
    for (const auto& s : rows) ASSERT_EQ(store->submit(s), std::nullopt);
    const auto target = dir / "elsewhere" / "copy.db";
    store->backup_to(target);
    EXPECT_EQ(test::file_names(target.parent_path()), std::vector<std::string>{"copy.db"});
    RawDb copy(test::copy_for_inspection(target, dir));
    EXPECT_EQ(copy.integrity(), "ok");
    EXPECT_EQ(copy.response_ids(), RawDb(database).response_ids());
    EXPECT_EQ(copy.integer("SELECT count(*) FROM responses"), 40);
    // The copy opens as a store with the same tallies.
    ManualClock other_clock{test::start_time()};
    ResponseStore reopened(test::options_for(test::copy_for_inspection(target, dir)), scheme, other_clock);
    EXPECT_TRUE(reopened.tallies() == store->tallies());
}

// ---- tallies -----------------------------------------------------------------------

TEST_F(StoreRecovery, LiveTalliesEqualARecountAfterEverySubmit) {
    auto store = open();
    const auto submissions = test::varied_submissions("t", 150, 42);
    std::int64_t sktm = 0;
    std::int64_t unflagged = 0;
    for (std::size_t i = 0; i < submissions.size(); ++i) {
        ASSERT_EQ(store->submit(submissions[i]), std::nullopt);
        if (submissions[i].response.layanan == "SKTM") ++sktm;
        if (submissions[i].response.flags.empty()) ++unflagged;
        if (i % 10 == 0) {
            // Refusals in between change nothing.
            EXPECT_TRUE(store->submit(submissions[i]).has_value());
            Submission invalid = submissions[i];
            invalid.response.response_id += "-invalid";
            invalid.response.answers[0] = 9;
            EXPECT_TRUE(store->submit(invalid).has_value());
            EXPECT_TRUE(store->tallies() == store->recount()) << "after " << i + 1;
        }
    }
    ASSERT_GT(sktm, 0);
    ASSERT_LT(unflagged, 150);
    const CheckReport report = store->check();
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(report.integrity, std::vector<std::string>{"ok"});
    EXPECT_EQ(report.responses, 150);
    EXPECT_EQ(report.pending_sync, 150);
    EXPECT_TRUE(report.tallies_match_recount);

    scoring::CubeFilter only_sktm;
    only_sktm.layanan = "SKTM";
    EXPECT_EQ(static_cast<std::int64_t>(store->tallies().total(only_sktm).respondents()), sktm);
    scoring::CubeFilter without_flagged;
    without_flagged.include_flagged = false;
    EXPECT_EQ(static_cast<std::int64_t>(store->tallies().total(without_flagged).respondents()), unflagged);

    // Rebuilt from the rows on open.
    const auto live = store->tallies();
    store.reset();
    store = open();
    EXPECT_TRUE(store->tallies() == live);
    EXPECT_TRUE(store->check().ok());
}

TEST_F(StoreRecovery, CheckNoticesTalliesThatNoLongerMatchTheRows) {
    auto store = open();
    for (const auto& s : test::varied_submissions("c", 10, 5)) ASSERT_EQ(store->submit(s), std::nullopt);
    ASSERT_TRUE(store->check().ok());
    // Change a row behind the store's back.
    store->connection().exec("UPDATE responses SET answers = 'persyaratan=1' WHERE response_id = 'c-3'");
    const CheckReport report = store->check();
    EXPECT_FALSE(report.tallies_match_recount);
    EXPECT_FALSE(report.ok());
    EXPECT_EQ(report.integrity, std::vector<std::string>{"ok"});
}

TEST_F(StoreRecovery, FlagsThatCannotBeStoredAsWrittenAreRefused) {
    auto store = open();
    for (const std::vector<std::string>& flags :
         {std::vector<std::string>{""}, std::vector<std::string>{"too_fast", ""}, std::vector<std::string>{"a;b"}}) {
        Submission s = make_submission("r-flags");
        s.response.flags = flags;
        const auto problem = store->submit(s);
        ASSERT_TRUE(problem.has_value());
        EXPECT_EQ(problem->key, "store.invalid_response");
        EXPECT_EQ(arg(*problem, "field"), "flags");
    }
    EXPECT_EQ(store->count(), 0);
    EXPECT_TRUE(store->check().ok());
}

}  // namespace
}  // namespace skm::store
