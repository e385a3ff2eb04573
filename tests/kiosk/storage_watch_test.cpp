// The kiosk's storage watch on a real database whose writes fail through the
// fault-injecting VFS of tests/store: trouble is entered on a failed submit,
// said once on the journal, probed every 30 s and left on the first probe
// that succeeds; dropped answers are counted in memory and written when
// storage allows; a backup into an unwritable folder or with a failed rename
// is shown and retried while the timer keeps running.
#include "kiosk_assets.hpp"
#include "kiosk/core/storage_watch.hpp"
#include "kiosk/core/store_sink.hpp"
#include "store/setting_keys.hpp"
#include "tests/store/faulty_vfs.hpp"
#include "tests/support/minimal_submission.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace skm::kiosk {
namespace {

namespace fs = std::filesystem;
using test::ArmedFault;
using test::FaultKind;
using test::FaultPersistence;

std::vector<std::string> lines_of(const std::ostringstream& journal) {
    std::vector<std::string> lines;
    std::istringstream in(journal.str());
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// A device database (through the fault VFS) and the watch over it, at 10:00:00 WIB.
class StorageWatchOnFaultyDisk : public ::testing::Test {
protected:
    StorageWatchOnFaultyDisk() : dir_(fs::temp_directory_path() / ("skm-watch-" + std::to_string(::getpid()) + "-" + std::to_string(++made_))) {
        test::FaultyVfs::install();
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    ~StorageWatchOnFaultyDisk() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    void open(const fs::path& backup_dir = {}) {
        store::StoreOptions options;
        options.path = dir_ / "skm.db";
        options.backup_dir = backup_dir;
        options.vfs = test::FaultyVfs::kName;
        db_ = std::make_unique<store::ResponseStore>(options, questionnaire().scheme, clock_);
        watch_ = std::make_unique<StorageWatch>(*db_, clock_, words_, journal_);
        sink_ = std::make_unique<StoreSink>(*db_, *watch_);
    }
    store::Submission submission(const std::string& id) {
        store::Submission s = test::minimal_submission(id);
        s.response.device_id = "kiosk-test";
        s.response.submitted_at = store::iso8601(clock_.wall_now());
        return s;
    }
    // The kiosk's timer, once a second for `seconds`.
    void run_timer(int seconds) {
        for (int i = 0; i < seconds; ++i) {
            clock_.advance_ms(1000);
            watch_->tick();
        }
    }
    int durable_operations() const { return test::FaultyVfs::counts().operations(); }

    fs::path dir_;
    store::ManualClock clock_{scoring::Timestamp{{2025, 12, 20}, 10, 0, 0, 420}};
    const formats::Catalog words_ = formats::Catalog::load(kAssets / "i18n", "id");
    std::ostringstream journal_;
    std::unique_ptr<store::ResponseStore> db_;
    std::unique_ptr<StorageWatch> watch_;
    std::unique_ptr<StoreSink> sink_;
    static inline int made_ = 0;
};

TEST_F(StorageWatchOnFaultyDisk, AFullDiskPausesSaysSoOnceAndTheProbeEvery30SecondsEndsIt) {
    open();
    watch_->tick();  // the probe at start: the disk is fine
    EXPECT_FALSE(watch_->troubled());
    EXPECT_EQ(db_->setting(store::setting_key::kStorageProbe), "2025-12-20T10:00:00+07:00");
    EXPECT_EQ(journal_.str(), "");
    {
        ArmedFault full(1, FaultKind::disk_full, FaultPersistence::sticky);
        const auto problem = sink_->submit(submission("a1"));
        ASSERT_TRUE(problem);
        EXPECT_EQ(problem->key, "store.disk_full");
        EXPECT_TRUE(watch_->troubled());
        EXPECT_FALSE(sink_->accepting());
        const int after_submit = durable_operations();
        run_timer(29);
        EXPECT_EQ(durable_operations(), after_submit) << "probed before 30 s";
        run_timer(1);
        EXPECT_GT(durable_operations(), after_submit) << "no probe at 30 s";
        EXPECT_TRUE(watch_->troubled());  // the probe failed too
        EXPECT_TRUE(sink_->submit(submission("a2")));
        run_timer(30);  // and another failed probe
        ASSERT_EQ(lines_of(journal_).size(), 1u) << journal_.str();  // once per change of state, not per failure
        EXPECT_TRUE(starts_with(lines_of(journal_)[0],
                                "skm-kiosk: PERHATIAN petugas: jawaban tidak dapat disimpan (penyimpanan penuh: jawaban "
                                "tidak dapat disimpan di "))
            << lines_of(journal_)[0];
    }
    // Space again. The last probe was at 60 s: the next one, at 90 s, ends the trouble.
    run_timer(29);
    EXPECT_TRUE(watch_->troubled());
    run_timer(1);
    EXPECT_FALSE(watch_->troubled());
    EXPECT_TRUE(sink_->accepting());
    EXPECT_EQ(db_->setting(store::setting_key::kStorageProbe), "2025-12-20T10:01:30+07:00");
    ASSERT_EQ(lines_of(journal_).size(), 2u);
    EXPECT_EQ(lines_of(journal_)[1], "skm-kiosk: Penyimpanan pulih: tulisan percobaan berhasil, undangan survei dibuka kembali.");
    EXPECT_FALSE(sink_->submit(submission("a3")));
    EXPECT_TRUE(db_->contains("a3"));
    EXPECT_FALSE(db_->contains("a1"));
}

TEST_F(StorageWatchOnFaultyDisk, DroppedAnswersAreKeptInMemoryWhileStorageFailsThenWritten) {
    open();
    {
        ArmedFault full(1, FaultKind::disk_full, FaultPersistence::sticky);
        ASSERT_TRUE(sink_->submit(submission("d1")));
        sink_->dropped(submission("d1"));
        ASSERT_TRUE(sink_->submit(submission("d2")));
        sink_->dropped(submission("d2"));
        EXPECT_EQ(watch_->dropped(), 2);
        EXPECT_EQ(watch_->dropped_unsaved(), 2);
    }
    EXPECT_FALSE(db_->setting(store::setting_key::kDroppedAnswers));
    run_timer(30);  // the probe succeeds and writes the count
    EXPECT_EQ(db_->setting(store::setting_key::kDroppedAnswers), "2");
    EXPECT_EQ(watch_->dropped(), 2);
    EXPECT_EQ(watch_->dropped_unsaved(), 0);
    watch_->count_dropped();  // storage is fine: written at once
    EXPECT_EQ(db_->setting(store::setting_key::kDroppedAnswers), "3");
    const StorageWatch after_restart(*db_, clock_, words_, journal_);
    EXPECT_EQ(after_restart.dropped(), 3);
}

TEST_F(StorageWatchOnFaultyDisk, AnotherPartsStorageErrorMakesTheWatchProbe) {
    open();
    watch_->tick();
    ArmedFault full(1, FaultKind::disk_full, FaultPersistence::sticky);
    watch_->met(Problem{"sync.unreachable", {}});  // not storage: kept for Status, no probe
    run_timer(45);  // past the probe interval, before the first backup check
    EXPECT_EQ(durable_operations(), 0);
    ASSERT_TRUE(watch_->last_problem());
    EXPECT_EQ(watch_->last_problem()->key, "sync.unreachable");
    watch_->met(Problem{"store.disk_full", {}});  // the sync thread's own connection met it
    run_timer(1);
    EXPECT_TRUE(watch_->troubled());
    EXPECT_TRUE(is_storage_trouble(Problem{"store.locked", {}}));
    EXPECT_FALSE(is_storage_trouble(Problem{"store.duplicate", {}}));
}

TEST_F(StorageWatchOnFaultyDisk, ABackupIntoAnUnwritableFolderIsShownAndRetriedWhileSurveysGoOn) {
    const fs::path backups = dir_ / "backups";
    std::ofstream(backups) << "a file where the backup folder should be";
    open(backups);
    EXPECT_NO_THROW(run_timer(5 * 60));
    ASSERT_TRUE(watch_->backup_problem());
    EXPECT_EQ(watch_->backup_problem()->key, "store.read_only");
    EXPECT_FALSE(watch_->troubled());  // answers are still stored
    EXPECT_FALSE(sink_->submit(submission("b1")));
    ASSERT_EQ(lines_of(journal_).size(), 1u) << journal_.str();
    EXPECT_TRUE(starts_with(lines_of(journal_)[0], "skm-kiosk: Cadangan terjadwal gagal: berkas basis data "))
        << lines_of(journal_)[0];
    fs::remove(backups);
    fs::create_directories(backups);
    EXPECT_NO_THROW(run_timer(61 * 60));  // the retry waits at most an hour
    EXPECT_FALSE(watch_->backup_problem());
    int files = 0;
    for (const auto& entry : fs::directory_iterator(backups)) files += entry.path().extension() == ".db" ? 1 : 0;
    EXPECT_EQ(files, 1);
    EXPECT_TRUE(db_->setting(store::setting_key::kLastBackup));
}

TEST_F(StorageWatchOnFaultyDisk, AFailedRenameOfTheBackupIsShownAndTheKioskCarriesOn) {
    const fs::path backups = dir_ / "backups";
    // The first backup is due at the first check, a minute after start: 10:01:00.
    // A folder with that name, not empty, makes the rename into place fail.
    fs::create_directories(backups / "skm-20251220-100100.db" / "occupied");
    open(backups);
    EXPECT_NO_THROW(run_timer(60));
    ASSERT_TRUE(watch_->backup_problem());
    // The rename goes through store::FileOps, which names the file and the system's reason.
    EXPECT_EQ(watch_->backup_problem()->key, "store.io_error");
    const auto& args = watch_->backup_problem()->args;
    EXPECT_TRUE(std::any_of(args.begin(), args.end(), [](const auto& arg) {
        return arg.first == "file" && arg.second.find("skm-20251220-100100.db") != std::string::npos;
    }));
    EXPECT_FALSE(watch_->troubled());
    EXPECT_FALSE(sink_->submit(submission("r1")));
    fs::remove_all(backups / "skm-20251220-100100.db");
    EXPECT_NO_THROW(run_timer(10 * 60));
    EXPECT_FALSE(watch_->backup_problem());
    EXPECT_TRUE(db_->setting(store::setting_key::kLastBackup));
}

}  // namespace
}  // namespace skm::kiosk
