// The staff PIN: stored only as an argon2id hash, checked, locked after
// repeated wrong tries, and never opened by an empty (unset) hash.
#include "kiosk/core/staff_lock.hpp"

#include <gtest/gtest.h>

namespace skm::kiosk {
namespace {

TEST(StaffLock, StoresOnlyAnArgon2idHash) {
    const std::string hash = StaffLock::hash_pin("246810");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_EQ(hash.find("246810"), std::string::npos);
    EXPECT_NE(StaffLock::hash_pin("246810"), hash);  // salted
}

TEST(StaffLock, RightWrongAndLockout) {
    store::ManualClock clock(scoring::Timestamp{{2025, 1, 2}, 8, 0, 0, 420});
    StaffLock lock(StaffLock::hash_pin("2468"), clock, 3, 60'000);
    EXPECT_EQ(lock.try_pin("2468"), PinResult::ok);
    EXPECT_EQ(lock.try_pin("1111"), PinResult::wrong);
    EXPECT_EQ(lock.try_pin("2222"), PinResult::wrong);
    EXPECT_EQ(lock.try_pin("3333"), PinResult::locked);
    EXPECT_EQ(lock.try_pin("2468"), PinResult::locked);  // even the right one while locked
    EXPECT_EQ(lock.locked_seconds(), 60);
    clock.advance_ms(59'001);
    EXPECT_EQ(lock.locked_seconds(), 1);
    clock.advance_ms(1'000);
    EXPECT_FALSE(lock.locked());
    EXPECT_EQ(lock.try_pin("2468"), PinResult::ok);
}

TEST(StaffLock, NoStoredPinOpensNothing) {
    store::ManualClock clock(scoring::Timestamp{{2025, 1, 2}, 8, 0, 0, 420});
    StaffLock lock("", clock);
    EXPECT_EQ(lock.try_pin(""), PinResult::wrong);
    EXPECT_EQ(lock.try_pin("0000"), PinResult::wrong);
}

}  // namespace
}  // namespace skm::kiosk
