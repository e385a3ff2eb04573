// Power cuts, the way SQLite tests itself (test6.c's crash VFS): the
// simulated disk of tests/store/power_loss_disk.hpp, and the sweep of
// tests/store/power_loss_sweep.hpp over every write and sync of a submit, a
// migration, a backup and a sync mark. The default tier cuts at least 1,000
// times in the optimised build (SKM_POWER_LOSS_MIN_CUTS: about 200 under the
// sanitizers); PowerLossLong (release tier) 20,000 and more.
#include "store/response_store.hpp"
#include "tests/store/power_loss_disk.hpp"
#include "tests/store/power_loss_sweep.hpp"
#include "tests/store/store_test_support.hpp"

#include <gtest/gtest.h>

#include <iostream>

namespace skm::store {
namespace {

using test::CutMode;
using test::PowerLossDisk;

class PowerLoss : public ::testing::Test {
protected:
    void SetUp() override { disk.begin(dir.path()); }
    void TearDown() override { disk.end(); }

    // The image a cut leaves, written out to a folder of its own.
    std::filesystem::path image_of(CutMode mode, std::uint64_t seed = 1) {
        disk.cut(mode, seed).write_to(images.path() / std::to_string(++image_count));
        return images.path() / std::to_string(image_count);
    }

    test::TempDir dir;
    test::TempDir images;
    int image_count = 0;
    PowerLossDisk& disk = PowerLossDisk::instance();
    ManualClock clock{test::start_time()};
    const scoring::ScoringScheme scheme = scoring::ScoringScheme::permenpan_2017();
};

// The simulated disk itself: a rename is durable only after its folder's
// fsync, and file contents only after the file's own (so the sweep's checks
// can fail: without publish_file's folder fsync a backup reported done would
// be missing from the drop_unsynced image).
TEST_F(PowerLoss, TheDiskKeepsOnlyWhatWasSyncedAndNamesOnlyOnceTheFolderIsSynced) {
    const auto partial = dir / "a.partial";
    const auto target = dir / "a.txt";
    disk.write_file(partial, [](std::ostream& out) { out << "whole"; });
    EXPECT_EQ(test::file_names(image_of(CutMode::drop_unsynced)), std::vector<std::string>{});
    EXPECT_EQ(test::read_bytes(image_of(CutMode::keep_unsynced) / "a.partial"), "whole");

    disk.sync_file(partial);
    disk.rename(partial, target);
    // The contents are durable, the new name is not: the old name survives, empty of nothing lost.
    EXPECT_EQ(test::file_names(image_of(CutMode::drop_unsynced)), std::vector<std::string>{});
    EXPECT_EQ(test::file_names(image_of(CutMode::keep_unsynced)), std::vector<std::string>{"a.txt"});

    disk.sync_directory(dir.path());
    const auto after = image_of(CutMode::drop_unsynced);
    EXPECT_EQ(test::file_names(after), std::vector<std::string>{"a.txt"});
    EXPECT_EQ(test::read_bytes(after / "a.txt"), "whole");
    EXPECT_EQ(disk.operations(), 4);  // write, fsync, rename, folder fsync

    disk.remove(target);
    EXPECT_EQ(test::file_names(image_of(CutMode::drop_unsynced)), std::vector<std::string>{"a.txt"});
    disk.sync_directory(dir.path());
    EXPECT_EQ(test::file_names(image_of(CutMode::drop_unsynced)), std::vector<std::string>{});
}

// publish_file is what makes a name durable; the same steps without the
// folder fsync leave nothing under the final name in a drop_unsynced image.
TEST_F(PowerLoss, PublishFileMakesTheFinalNameSurvive) {
    disk.write_file(dir / "b.partial", [](std::ostream& out) { out << "report"; });
    publish_file(disk, dir / "b.partial", dir / "b.csv");
    const auto image = image_of(CutMode::drop_unsynced);
    EXPECT_EQ(test::file_names(image), std::vector<std::string>{"b.csv"});
    EXPECT_EQ(test::read_bytes(image / "b.csv"), "report");
}

// Through the VFS: with synchronous=FULL an acknowledged submit is in every
// image; with synchronous=OFF (no fsync) it is missing from the
// drop_unsynced one, which is what the sweep would catch.
TEST_F(PowerLoss, AnAcknowledgedSubmitSurvivesOnlyBecauseItWasSynced) {
    auto options = test::options_for(dir / "skm.db", PowerLossDisk::kVfsName);
    options.file_ops = &disk;
    ResponseStore store(options, scheme, clock);
    ASSERT_EQ(store.submit(test::make_submission("synced")), std::nullopt);
    store.connection().exec("PRAGMA synchronous = OFF");
    ASSERT_EQ(store.submit(test::make_submission("not-synced")), std::nullopt);
    for (CutMode mode : {CutMode::drop_unsynced, CutMode::keep_unsynced}) {
        test::RawDb image(image_of(mode) / "skm.db", /*writable=*/true);
        EXPECT_EQ(image.integrity(), "ok");
        const auto ids = image.response_ids();
        EXPECT_EQ(ids.count("synced"), 1u) << to_string(mode);
        EXPECT_EQ(ids.count("not-synced"), mode == CutMode::keep_unsynced ? 1u : 0u) << to_string(mode);
    }
}

TEST_F(PowerLoss, TornSectorImagesAreDeterministicPerSeed) {
    disk.write_file(dir / "c.bin", [](std::ostream& out) { out << std::string(4096, 'x'); });
    const auto a = disk.cut(CutMode::torn_sectors, 7);
    const auto b = disk.cut(CutMode::torn_sectors, 7);
    EXPECT_EQ(a.files, b.files);
    int torn = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) torn += disk.cut(CutMode::torn_sectors, seed).torn ? 1 : 0;
    EXPECT_GT(torn, 10);  // 8 sectors, each kept, lost or garbage: almost always torn
}

// The sweep: every write and sync of a submit, a migration, a backup and a sync mark.
TEST_F(PowerLoss, EveryCutLeavesEveryAcknowledgedResponseAndAWholeDatabase) {
    disk.end();
    test::PowerLossConfig config;
    config.images_per_cut = SKM_POWER_LOSS_IMAGES_PER_CUT;
    const auto totals = test::run_power_loss_sweep(config, scheme);
    std::cout << "[ power-loss sweep ] " << totals.summary() << "\n";
    RecordProperty("cuts", totals.cuts);
    EXPECT_GE(totals.cuts, SKM_POWER_LOSS_MIN_CUTS);
    for (const char* stage : {"submit", "migration", "backup", "sync_mark"}) {
        EXPECT_GT(totals.cut_points.count(stage) ? totals.cut_points.at(stage) : 0, 2) << stage;
    }
    EXPECT_GT(totals.acknowledged_checked, 0);
    EXPECT_GT(totals.refused_checked_absent, 0);
    EXPECT_GT(totals.backups_checked, 0);
    EXPECT_GT(totals.marks_checked, 0);
    EXPECT_GT(totals.images_keeping_unsynced, 0);
    EXPECT_GT(totals.torn_images, 0);
}

}  // namespace
}  // namespace skm::store
