// The USB export through store::FileOps, on the simulated disk of the
// power-loss tests: once export_responses_csv() reports the file, a power cut
// (or a stick pulled out) leaves the whole CSV under its final name, because
// the export fsyncs the file and then its folder after the rename.
#include "kiosk/core/usb_export.hpp"
#include "tests/store/power_loss_disk.hpp"
#include "tests/store/store_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace skm::kiosk {
namespace {

using test::CutMode;
using test::PowerLossDisk;

TEST(PowerLossUsbExport, AReportedExportIsWholeUnderItsFinalNameAfterAPowerCut) {
    test::TempDir data;
    test::TempDir stick;
    test::TempDir images;
    store::ManualClock clock{test::start_time()};
    const auto scheme = scoring::ScoringScheme::permenpan_2017();
    store::ResponseStore db(test::options_for(data / "skm.db"), scheme, clock);
    for (const auto& s : test::varied_submissions("usb", 30, 3)) ASSERT_EQ(db.submit(s), std::nullopt);
    const std::vector<std::string> codes = {"u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"};

    PowerLossDisk& disk = PowerLossDisk::instance();
    disk.begin(stick.path());
    int cuts = 0;
    // A cut before each operation of the export, the disk having written everything it was given.
    std::vector<test::PowerCutImage> before_each;
    disk.set_hook([&](int) { before_each.push_back(disk.cut(CutMode::keep_unsynced, 1)); });
    const auto outcome = export_responses_csv(db, codes, stick.path(), "kiosk-01", test::start_time(), disk);
    disk.set_hook(nullptr);
    ASSERT_FALSE(outcome.problem.has_value()) << outcome.problem->key;
    ASSERT_TRUE(outcome.file.has_value());
    EXPECT_EQ(outcome.rows, 30u);
    EXPECT_EQ(disk.operations(), 4);  // write, fsync, rename, folder fsync
    const std::string final_name = outcome.file->filename().string();
    const std::string written = test::read_bytes(*outcome.file);
    EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), 31);  // the header and 30 rows

    // Before the export is reported: no file under the final name, or the whole one.
    int whole_before_reported = 0;
    for (const auto& image : before_each) {
        ++cuts;
        if (image.files.count(final_name) == 0) continue;
        EXPECT_TRUE(test::same_bytes(image.files.at(final_name), written));
        ++whole_before_reported;
    }
    EXPECT_EQ(whole_before_reported, 1);  // the cut between the rename and the folder's fsync
    for (CutMode mode : {CutMode::drop_unsynced, CutMode::random_subset, CutMode::torn_sectors}) {
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            const auto image = disk.cut(mode, seed);
            ++cuts;
            ASSERT_EQ(image.files.count(final_name), 1u) << to_string(mode);
            EXPECT_TRUE(test::same_bytes(image.files.at(final_name), written)) << to_string(mode);
            EXPECT_EQ(image.files.count(final_name + ".partial"), 0u) << to_string(mode);
        }
    }
    disk.end();
    EXPECT_EQ(cuts, 4 + 15);
}

TEST(PowerLossUsbExport, AFailedFsyncIsReportedAndLeavesNoFileUnderTheFinalName) {
    test::TempDir data;
    test::TempDir stick;
    store::ManualClock clock{test::start_time()};
    store::ResponseStore db(test::options_for(data / "skm.db"), scoring::ScoringScheme::permenpan_2017(), clock);
    ASSERT_EQ(db.submit(test::make_submission("one")), std::nullopt);
    PowerLossDisk& disk = PowerLossDisk::instance();
    disk.begin(stick.path());
    disk.fail_next_sync();
    const auto outcome = export_responses_csv(db, {"u1"}, stick.path(), "kiosk-01", test::start_time(), disk);
    ASSERT_TRUE(outcome.problem.has_value());
    EXPECT_EQ(outcome.problem->key, "export.cannot_write");
    EXPECT_FALSE(outcome.file.has_value());
    EXPECT_EQ(test::file_names(stick.path()), std::vector<std::string>{});  // the .partial removed too
    disk.end();
}

}  // namespace
}  // namespace skm::kiosk
