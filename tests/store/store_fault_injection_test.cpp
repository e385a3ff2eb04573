// Fault injection, the store's "must show": through a test SQLite VFS whose
// n-th write, sync or truncate fails with an I/O error or a full disk, every
// submit either succeeded and is durable, or was reported and left no row;
// the file stays intact and no earlier row is ever lost.
#include "store/response_store.hpp"
#include "tests/store/fault_sweep.hpp"
#include "tests/store/faulty_vfs.hpp"
#include "tests/store/store_test_support.hpp"

#include <gtest/gtest.h>

#include <iostream>

namespace skm::store {
namespace {

using test::FaultKind;
using test::FaultPersistence;
using test::FaultyVfs;

class FaultyVfsTest : public test::StoreTest {
protected:
    void SetUp() override { FaultyVfs::install(); }
};

// The harness itself: transparent when not armed, counting what it sees, and
// able to tell a synced WAL from an unsynced one (so the sweep's durability
// assertion can fail).
TEST_F(FaultyVfsTest, UnarmedItIsTransparentAndSeesEveryWriteAndSync) {
    ResponseStore store(test::options_for(database, FaultyVfs::kName), scheme, clock);
    EXPECT_GE(FaultyVfs::open_files(), 2);  // the database and its WAL
    test::ArmedFault fault(1'000'000, FaultKind::io_error, FaultPersistence::once);
    for (int i = 0; i < 10; ++i) {
        ASSERT_EQ(store.submit(test::make_submission("t-" + std::to_string(i))), std::nullopt);
        EXPECT_EQ(FaultyVfs::unsynced_files(), std::vector<std::string>{});
    }
    EXPECT_GE(FaultyVfs::counts().writes, 10);
    EXPECT_GE(FaultyVfs::counts().syncs, 10);  // synchronous=FULL: one WAL fsync per commit at least
    EXPECT_EQ(FaultyVfs::counts().failures(), 0);
    EXPECT_EQ(store.count(), 10);
}

TEST_F(FaultyVfsTest, WithoutSynchronousFullACommitLeavesTheWalUnsynced) {
    ResponseStore store(test::options_for(database, FaultyVfs::kName), scheme, clock);
    store.connection().exec("PRAGMA synchronous = NORMAL");
    ASSERT_EQ(store.submit(test::make_submission("not-durable")), std::nullopt);
    const auto unsynced = FaultyVfs::unsynced_files();
    ASSERT_EQ(unsynced.size(), 1u);
    EXPECT_EQ(unsynced[0], std::filesystem::weakly_canonical(database).string() + "-wal");
}

TEST_F(FaultyVfsTest, AnArmedFaultFailsExactlyTheNthOperation) {
    ResponseStore store(test::options_for(database, FaultyVfs::kName), scheme, clock);
    {
        test::ArmedFault fault(1, FaultKind::disk_full, FaultPersistence::once);
        const auto problem = store.submit(test::make_submission("first"));
        ASSERT_TRUE(problem.has_value());
        EXPECT_EQ(problem->key, "store.disk_full");
        EXPECT_EQ(FaultyVfs::counts().failures(), 1);
        EXPECT_EQ(FaultyVfs::counts().failed_writes, 1);
        // Only once: the same submit now goes through.
        EXPECT_EQ(store.submit(test::make_submission("first")), std::nullopt);
        EXPECT_EQ(FaultyVfs::counts().failures(), 1);
    }
    {
        test::ArmedFault fault(1, FaultKind::io_error, FaultPersistence::sticky);
        const auto problem = store.submit(test::make_submission("second"));
        ASSERT_TRUE(problem.has_value());
        EXPECT_EQ(problem->key, "store.io_error");
        EXPECT_EQ(test::arg(*problem, "code"), std::to_string(SQLITE_IOERR_WRITE));
        EXPECT_TRUE(store.submit(test::make_submission("third")).has_value());
        EXPECT_GE(FaultyVfs::counts().failures(), 2);
    }
    EXPECT_EQ(store.submit(test::make_submission("second")), std::nullopt);
    EXPECT_EQ(store.count(), 2);
}

// The sweep over a store pre-filled with 20 rows: 8 submits, n = 1..88 (the
// submits and the close make up to about 83 writes, syncs and truncates), an
// I/O error or a full disk, failing once or from then on, disarmed before the
// store closes or not.
TEST_F(FaultyVfsTest, EverySubmitUnderAnyWriteFaultIsEitherDurableOrReportedAndAbsent) {
    test::SweepConfig config;
    config.first_n = 1;
    config.last_n = 88;
    config.armed_at_close = {false, true};
    config.persistences = {FaultPersistence::once, FaultPersistence::sticky};
    config.prefilled = 20;
    config.submits = 8;
    const auto totals = test::run_fault_sweep(config, scheme);
    std::cout << "[ fault sweep ] " << totals.summary() << "\n";
    RecordProperty("cases", totals.cases);
    RecordProperty("submits_ok", totals.submits_ok);
    RecordProperty("submits_failed", totals.submits_failed);
    // The sweep really covered the ground: writes and syncs failed, both
    // problem keys came out, some submits survived a fault, and the largest n
    // was past every operation (so no n in between was skipped over).
    EXPECT_EQ(totals.cases, 704);
    EXPECT_GT(totals.failed_writes, 0);
    EXPECT_GT(totals.failed_syncs, 0);
    EXPECT_GT(totals.problems.count("store.disk_full"), 0u);
    EXPECT_GT(totals.problems.count("store.io_error"), 0u);
    EXPECT_GT(totals.submits_ok, 0);
    EXPECT_GT(totals.submits_failed, 0);
    EXPECT_GT(totals.cases_without_fault, 0);
    // Only a failed fsync can leave a refused row in the files (its frames were
    // written; whether they are on the platter is unknown): never a failed write.
    EXPECT_LE(totals.failed_but_in_crash_image, totals.failed_syncs);
    EXPECT_LE(totals.failed_but_after_reopen, totals.failed_syncs);
}

// Faults while opening: a new database, a filled one, and a schema-1 one the
// open backs up and migrates; n from 1 to one past the last operation of the
// open and the close after it,
// an I/O error or a full disk, once or from then on.
TEST_F(FaultyVfsTest, AFaultWhileOpeningOrMigratingIsReportedAndTheNextStartFindsEveryRow) {
    const auto totals = test::run_open_fault_sweep(test::OpenSweepConfig{}, scheme);
    std::cout << "[ open fault sweep ] " << totals.summary() << "\n";
    int expected_cases = 0;
    for (const auto& [kind, operations] : totals.operations) expected_cases += 2 * 2 * (operations + 1);
    EXPECT_EQ(totals.cases, expected_cases);
    ASSERT_EQ(totals.operations.size(), 3u);
    // Creating and migrating write (the migration: a backup, then two migrations).
    EXPECT_GT(totals.operations.at("new database"), 5);
    EXPECT_GT(totals.operations.at("schema-1 database"), 5);
    EXPECT_GT(totals.opened, 0);
    EXPECT_GT(totals.refused, 0);
    EXPECT_EQ(totals.cases_without_fault, 3 * 2 * 2);  // exactly the n one past the last operation
}

}  // namespace
}  // namespace skm::store
