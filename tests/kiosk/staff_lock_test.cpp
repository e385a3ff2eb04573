// The staff PIN: stored only as an argon2id hash, checked, the wait after
// wrong tries growing per try up to its one-minute cap and forgotten after ten
// quiet minutes, every refused try in the audit log, and never opened by an
// empty (unset) hash. All on a manual clock: no test sleeps.
#include "kiosk/core/staff_lock.hpp"
#include "kiosk/core/staff_service.hpp"
#include "kiosk_assets.hpp"
#include "store/sqlite.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace skm::kiosk {
namespace {

namespace fs = std::filesystem;

TEST(StaffLock, StoresOnlyAnArgon2idHash) {
    const std::string hash = StaffLock::hash_pin("246810");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_EQ(hash.find("246810"), std::string::npos);
    EXPECT_NE(StaffLock::hash_pin("246810"), hash);  // salted
}

TEST(StaffLock, WaitGrowsPerWrongTryAndIsCappedAtOneMinute) {
    // The documented schedule (docs/en/kiosk.md, docs/id/kios.md).
    const std::int64_t expected[] = {0, 0, 0, 5'000, 15'000, 30'000, 60'000, 60'000, 60'000};
    for (int n = 1; n <= 9; ++n) EXPECT_EQ(StaffLock::wait_after(n), expected[n - 1]) << n;
    for (int n = 1; n <= 1000; ++n) EXPECT_LE(StaffLock::wait_after(n), StaffLock::kMaxWaitMs);
    EXPECT_EQ(StaffLock::kMaxWaitMs, 60'000);
}

TEST(StaffLock, RightWrongAndGrowingLockout) {
    store::ManualClock clock(scoring::Timestamp{{2025, 1, 2}, 8, 0, 0, 420});
    StaffLock lock(StaffLock::hash_pin("2468"), clock);
    EXPECT_EQ(lock.try_pin("2468"), PinResult::ok);
    // Three slips cost nothing.
    EXPECT_EQ(lock.try_pin("1111"), PinResult::wrong);
    EXPECT_EQ(lock.try_pin("2222"), PinResult::wrong);
    EXPECT_EQ(lock.try_pin("3333"), PinResult::wrong);
    EXPECT_FALSE(lock.locked());
    // The fourth: 5 s, during which even the right PIN is refused.
    EXPECT_EQ(lock.try_pin("4444"), PinResult::locked);
    EXPECT_EQ(lock.locked_seconds(), 5);
    EXPECT_EQ(lock.try_pin("2468"), PinResult::locked);
    clock.advance_ms(4'001);
    EXPECT_EQ(lock.locked_seconds(), 1);
    clock.advance_ms(1'000);
    EXPECT_FALSE(lock.locked());
    EXPECT_EQ(lock.try_pin("5555"), PinResult::locked);
    EXPECT_EQ(lock.locked_seconds(), 15);
    clock.advance_ms(15'000);
    EXPECT_EQ(lock.try_pin("6666"), PinResult::locked);
    EXPECT_EQ(lock.locked_seconds(), 30);
    clock.advance_ms(30'000);
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(lock.try_pin("7777"), PinResult::locked);
        EXPECT_EQ(lock.locked_seconds(), 60) << "capped";
        clock.advance_ms(60'000);
    }
    // The right PIN after the wait opens, and starts the count again.
    EXPECT_EQ(lock.try_pin("2468"), PinResult::ok);
    EXPECT_EQ(lock.try_pin("1111"), PinResult::wrong);
    EXPECT_FALSE(lock.locked());
}

TEST(StaffLock, TenQuietMinutesForgetEarlierWrongTries) {
    store::ManualClock clock(scoring::Timestamp{{2025, 1, 2}, 8, 0, 0, 420});
    StaffLock lock(StaffLock::hash_pin("2468"), clock);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(lock.try_pin("1111"), PinResult::wrong);
    clock.advance_ms(StaffLock::kForgetMs - 1);
    EXPECT_EQ(lock.try_pin("1111"), PinResult::locked) << "the fourth within ten minutes waits";
    clock.advance_ms(StaffLock::kForgetMs);
    EXPECT_EQ(lock.try_pin("1111"), PinResult::wrong) << "counted from one again";
}

TEST(StaffLock, NoStoredPinOpensNothing) {
    store::ManualClock clock(scoring::Timestamp{{2025, 1, 2}, 8, 0, 0, 420});
    StaffLock lock("", clock);
    EXPECT_EQ(lock.try_pin(""), PinResult::wrong);
    EXPECT_EQ(lock.try_pin("0000"), PinResult::wrong);
}

TEST(StaffLock, EveryRefusedTryIsAudited) {
    const fs::path dir = fs::temp_directory_path() / ("skm-pin-audit-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    store::ManualClock clock(scoring::Timestamp{{2025, 1, 2}, 8, 0, 0, 420});
    {
        store::StoreOptions options;
        options.path = dir / "skm.db";
        store::ResponseStore db(options, questionnaire().scheme, clock);
        formats::KioskConfig config;
        StaffLock lock(StaffLock::hash_pin("2468"), clock);
        {
            StaffService service(db, lock, config);
            for (int i = 0; i < 4; ++i) lock.try_pin("1111");
            lock.try_pin("2468");  // still waiting: refused unchecked, audited too
            clock.advance_ms(5'000);
            EXPECT_EQ(lock.try_pin("2468"), PinResult::ok);  // a right PIN is not a failure
        }
        lock.try_pin("9999");  // the service is gone: no listener left dangling
        std::vector<std::string> rows;
        store::Statement select(db.connection(), "SELECT actor, action, detail FROM audit_log WHERE actor = 'pin_pad' ORDER BY seq");
        while (select.step()) {
            rows.push_back(std::string(select.text(0)) + "|" + std::string(select.text(1)) + "|" + std::string(select.text(2)));
        }
        const std::vector<std::string> expected = {
            "pin_pad|pin_wrong|wrong PIN 1 in a row, wait 0 s", "pin_pad|pin_wrong|wrong PIN 2 in a row, wait 0 s",
            "pin_pad|pin_wrong|wrong PIN 3 in a row, wait 0 s", "pin_pad|pin_wrong|wrong PIN 4 in a row, wait 5 s",
            "pin_pad|pin_while_waiting|tried while waiting, 5 s left"};
        EXPECT_EQ(rows, expected);
    }
    fs::remove_all(dir);
}

}  // namespace
}  // namespace skm::kiosk
