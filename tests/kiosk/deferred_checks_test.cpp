// The kiosk's deferred startup checks (kiosk/core/deferred_checks): nothing
// runs before the first frame; the quick_check's result reaches the staff
// Status (StaffService::health) and, once, stderr; damage it finds is moved
// aside only between surveys, after the other connections were closed, and
// the new database is then set up again.
#include "kiosk/core/deferred_checks.hpp"
#include "kiosk/core/staff_service.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace skm::kiosk {
namespace {

namespace fs = std::filesystem;

store::Submission submission(int i) {
    store::Submission s;
    formats::Response& r = s.response;
    r.response_id = "r-" + std::to_string(i);
    r.submitted_at = "2025-03-01T09:30:00+07:00";
    r.layanan = "KTP-el";
    r.answers = {3, 4, 3, 2, 1, 4, 3, 4, static_cast<std::uint8_t>(1 + i % 4)};
    r.device_id = "kiosk-01";
    r.questionnaire_version = "1";
    s.questionnaire_id = "permenpan-14-2017";
    return s;
}

class KioskDeferredChecks : public ::testing::Test {
protected:
    KioskDeferredChecks()
        : dir_(fs::temp_directory_path() / ("skm-deferred-" + std::to_string(::getpid()) + "-" + std::to_string(++count_))) {
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        auto store = open(store::StartupChecks::full);
        for (int i = 0; i < 300; ++i) EXPECT_EQ(store->submit(submission(i)), std::nullopt);
    }
    ~KioskDeferredChecks() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    std::unique_ptr<store::ResponseStore> open(store::StartupChecks startup) {
        store::StoreOptions options;
        options.path = database();
        options.startup = startup;
        return std::make_unique<store::ResponseStore>(options, scoring::ScoringScheme::permenpan_2017(), clock_);
    }
    fs::path database() const { return dir_ / "skm.db"; }

    // Spoils the first leaf page of the responses table: the oldest rows.
    void damage_oldest_rows() {
        std::int64_t page = 0;
        std::int64_t page_size = 0;
        {
            store::Connection raw(database().string(), SQLITE_OPEN_READONLY);
            page = store::query_int(raw, "SELECT pageno FROM dbstat WHERE name = 'responses' AND pagetype = 'leaf' ORDER BY path LIMIT 1");
            page_size = store::query_int(raw, "PRAGMA page_size");
        }
        ASSERT_GT(page, 1);
        std::fstream io(database(), std::ios::binary | std::ios::in | std::ios::out);
        io.seekp((page - 1) * page_size);
        const std::string junk(64, '\x5C');
        io.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }

    DeferredCheckHooks recording_hooks() {
        DeferredCheckHooks hooks;
        hooks.close_other_connections = [this] { events.push_back("close"); };
        hooks.after_move_aside = [this](bool moved) { events.push_back(moved ? "moved" : "not moved"); };
        hooks.log = [this](const std::string& line) { log.push_back(line); };
        return hooks;
    }

    fs::path dir_;
    store::ManualClock clock_{scoring::Timestamp{{2025, 3, 1}, 10, 0, 0, 420}};
    formats::KioskConfig config_;
    std::vector<std::string> events;
    std::vector<std::string> log;
    static inline int count_ = 0;
};

TEST_F(KioskDeferredChecks, AnOkCheckReachesTheStatusAndTheLogOnce) {
    auto db = open(store::StartupChecks::deferred);
    StaffLock lock("", clock_);
    StaffService service(*db, lock, config_);
    DeferredChecks checks(*db, recording_hooks());
    EXPECT_EQ(service.health().integrity.state, store::IntegrityStatus::State::waiting);
    EXPECT_FALSE(checks.tick(true));  // before the first frame nothing runs
    EXPECT_EQ(service.health().integrity.state, store::IntegrityStatus::State::waiting);

    checks.first_frame_drawn();
    db->wait_for_deferred_checks();
    EXPECT_FALSE(checks.tick(true));
    EXPECT_FALSE(checks.tick(true));
    const StorageHealth health = service.health();
    EXPECT_EQ(health.integrity.state, store::IntegrityStatus::State::ok);
    EXPECT_EQ(health.integrity.finished_at, "2025-03-01T10:00:00+07:00");
    EXPECT_EQ(health.responses, 300);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].rfind("integrity check (quick_check) ok (", 0), 0u) << log[0];
    EXPECT_TRUE(events.empty());
    EXPECT_EQ(db->tallies().total().respondents(), 300u);
}

TEST_F(KioskDeferredChecks, DamageReachesTheStatusAndIsMovedAsideOnlyBetweenSurveys) {
    damage_oldest_rows();
    if (HasFatalFailure()) return;
    auto db = open(store::StartupChecks::deferred);
    StaffLock lock("", clock_);
    StaffService service(*db, lock, config_);
    DeferredChecks checks(*db, recording_hooks());
    EXPECT_FALSE(db->open_report().moved_aside.has_value());
    ASSERT_EQ(db->submit(submission(1000)), std::nullopt);  // a citizen answers meanwhile

    checks.first_frame_drawn();
    db->wait_for_deferred_checks();
    EXPECT_FALSE(checks.tick(false));  // mid-survey: found, reported, not moved
    EXPECT_EQ(service.health().integrity.state, store::IntegrityStatus::State::damaged);
    EXPECT_FALSE(service.health().integrity.findings.empty());
    EXPECT_EQ(service.health().damaged_alert, "");
    EXPECT_TRUE(events.empty());
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].rfind("integrity check (quick_check) found damage:", 0), 0u) << log[0];
    EXPECT_TRUE(fs::exists(database()));

    EXPECT_TRUE(checks.tick(true));  // between surveys
    EXPECT_EQ(events, (std::vector<std::string>{"close", "moved"}));
    const StorageHealth health = service.health();
    ASSERT_TRUE(db->open_report().moved_aside.has_value());
    EXPECT_EQ(health.damaged_alert, db->open_report().moved_aside->string());
    EXPECT_EQ(health.integrity.state, store::IntegrityStatus::State::damaged);  // the finding stays shown
    EXPECT_EQ(health.responses, 0);
    EXPECT_TRUE(fs::exists(*db->open_report().moved_aside));
    EXPECT_FALSE(checks.tick(true));  // once
    EXPECT_EQ(events.size(), 2u);
    EXPECT_EQ(log.size(), 1u);
    // The answer given meanwhile is in the moved-aside file (and its WAL), for skm db salvage.
    store::Connection moved(db->open_report().moved_aside->string(), SQLITE_OPEN_READONLY);
    EXPECT_EQ(store::query_int(moved, "SELECT count(*) FROM responses WHERE response_id = 'r-1000'"), 1);
}

}  // namespace
}  // namespace skm::kiosk
