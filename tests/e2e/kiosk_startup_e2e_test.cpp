// The real skm-kiosk on an X server (CTest runs this under xvfb-run) with a
// history: the full integrity check runs after the first frame and its
// result reaches the journal (stderr); a file whose damage only that check
// can see is moved aside between surveys, the kiosk carries on in a new one
// with the office's setup, and the damaged file keeps its answers.
#include "store/response_store.hpp"
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace skm::testing {
namespace {

namespace fs = std::filesystem;
const std::string kKiosk = std::string(SKM_BINARY_DIR) + "/kiosk/skm-kiosk";

// 300 stored responses and an office name, closed.
fs::path stored_database(const fs::path& dir) {
    const fs::path file = dir / "skm.db";
    store::ManualClock clock(scoring::Timestamp{{2025, 12, 1}, 9, 0, 0, 420});
    store::StoreOptions options;
    options.path = file;
    store::ResponseStore db(options, scoring::ScoringScheme::permenpan_2017(), clock);
    for (int i = 0; i < 300; ++i) {
        store::Submission s;
        s.response.response_id = "r-" + std::to_string(i);
        s.response.submitted_at = "2025-12-01T09:30:00+07:00";
        s.response.layanan = "KTP-el";
        s.response.answers.assign(9, static_cast<std::uint8_t>(1 + i % 4));
        s.questionnaire_id = "permenpan-14-2017";
        EXPECT_EQ(db.submit(s), std::nullopt);
    }
    db.set_setting("office_name", "Kantor Kecamatan Uji");
    return file;
}

std::int64_t query(const fs::path& file, const char* sql) {
    store::Connection raw(file.string(), SQLITE_OPEN_READONLY);
    return store::query_int(raw, sql);
}

ProgramResult run_kiosk(const fs::path& db) {
    // The welcome screen wakes every 5 s when nobody touches it: 14 s give it a few ticks.
    return run_program({kKiosk, "--windowed", "--size", "1280x800", "--db", db.string(), "--exit-after", "14"});
}

TEST(KioskStartupEndToEnd, ADatabaseThatCannotBeOpenedIsShownOnTheScreenThenTriedAgain) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display (CTest runs it under xvfb-run)";
    // A folder where the database should be: opening fails as on a full or broken disk.
    const fs::path dir = fs::temp_directory_path() / ("skm-startup-e2e-store-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "skm.db");
    const auto started = std::chrono::steady_clock::now();
    const ProgramResult r =
        run_program({kKiosk, "--windowed", "--size", "1280x800", "--db", (dir / "skm.db").string(), "--exit-after", "3"});
    const auto shown = std::chrono::steady_clock::now() - started;
    // Exit 4 (storage), so systemd starts it again; the message on stderr, and the
    // screen shown until --exit-after (at most one probe interval) instead of none.
    EXPECT_EQ(r.exit_code, 4) << r.err;
    EXPECT_NE(r.err.find((dir / "skm.db").string()), std::string::npos) << r.err;
    EXPECT_GE(shown, std::chrono::milliseconds(2500)) << r.err;
    fs::remove_all(dir);
}

TEST(KioskStartupEndToEnd, TheCheckRunsAfterTheFirstFrameAndReportsASoundFile) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display (CTest runs it under xvfb-run)";
    const fs::path dir = make_temp_dir();
    const fs::path db = stored_database(dir);
    const auto result = run_kiosk(db);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto first_frame = result.err.find("skm-kiosk: first frame after ");
    const auto checked = result.err.find("skm-kiosk: integrity check (quick_check) ok (");
    ASSERT_NE(first_frame, std::string::npos) << result.err;
    ASSERT_NE(checked, std::string::npos) << result.err;
    EXPECT_LT(first_frame, checked) << result.err;
    for (const auto& entry : fs::directory_iterator(dir)) {
        EXPECT_EQ(entry.path().filename().string().find("damaged"), std::string::npos) << entry.path();
    }
    EXPECT_EQ(query(db, "SELECT count(*) FROM responses"), 300);
}

TEST(KioskStartupEndToEnd, DamageOnlyTheFullCheckSeesIsMovedAsideAndTheKioskCarriesOn) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display (CTest runs it under xvfb-run)";
    const fs::path dir = make_temp_dir();
    const fs::path db = stored_database(dir);
    const auto page = query(db, "SELECT pageno FROM dbstat WHERE name = 'responses' AND pagetype = 'leaf' ORDER BY path LIMIT 1");
    const auto page_size = query(db, "PRAGMA page_size");
    {
        std::fstream io(db, std::ios::binary | std::ios::in | std::ios::out);
        io.seekp((page - 1) * page_size);
        io.write(std::string(64, '\x5C').data(), 64);
    }
    const auto result = run_kiosk(db);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("skm-kiosk: first frame after "), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("skm-kiosk: integrity check (quick_check) found damage:"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("PERHATIAN petugas: basis data rusak dan sudah dipindahkan ke " + db.string() + ".damaged-"),
              std::string::npos)
        << result.err;
    fs::path moved;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("skm.db.damaged-", 0) == 0 && name.find("-wal") == std::string::npos) moved = entry.path();
    }
    ASSERT_FALSE(moved.empty()) << "nothing was moved aside";
    // The new database: no responses, the alert, the office's setup carried over.
    EXPECT_EQ(query(db, "SELECT count(*) FROM responses"), 0);
    EXPECT_EQ(query(db, "SELECT count(*) FROM settings WHERE key = 'alert.damaged_database'"), 1);
    EXPECT_EQ(query(db, "SELECT count(*) FROM settings WHERE key = 'office_name' AND value = 'Kantor Kecamatan Uji'"), 1);
    EXPECT_GT(query(db, "SELECT count(*) FROM layanan"), 0);
    // The damaged file still holds the answers its readable pages had.
    EXPECT_GT(query(moved, "SELECT count(*) FROM responses WHERE seq > 200"), 0);
}

}  // namespace
}  // namespace skm::testing
