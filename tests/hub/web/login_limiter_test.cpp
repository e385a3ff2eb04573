// hub/web/login_limiter on a hand-moved clock: the free attempts, waits that
// double up to the cap with exact Retry-After seconds, forgetting after a quiet
// period, another address never affected, the per-address allowance across
// many accounts, a right password clearing its pair, reservations under
// parallel attempts, IPv6 by /64, and tables that stay bounded.
#include "hub/web/login_limiter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <latch>
#include <thread>
#include <vector>

namespace skm::hub::web {
namespace {

class LoginLimiterTest : public ::testing::Test {
protected:
    // Grants `n` attempts (each counted as a failure) and fails the test if one is refused.
    void fail(const std::string& account, const std::string& address, int n = 1) {
        for (int i = 0; i < n; ++i) ASSERT_TRUE(limiter.reserve(account, address).granted) << account << " " << i;
    }
    std::int64_t refused_for(const std::string& account, const std::string& address) {
        const LoginAdmission a = limiter.reserve(account, address);
        EXPECT_FALSE(a.granted) << account << " from " << address;
        return a.retry_after_s;
    }

    store::ManualClock clock{scoring::Timestamp{{2025, 7, 1}, 9, 0, 0, 420}};
    LoginLimiter limiter{clock};  // the shipped limits
};

TEST_F(LoginLimiterTest, FiveFreeFailuresThenWaitsDoublingFromTwoSecondsToTenMinutes) {
    fail("siti", "10.0.0.1", 5);
    EXPECT_EQ(refused_for("siti", "10.0.0.1"), 2);
    // Each failure granted the moment its wait ends starts the next, twice as long: 2 s · 2^k, at most 600 s.
    const std::vector<std::int64_t> waits = {2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600, 600};
    for (std::size_t k = 0; k + 1 < waits.size(); ++k) {
        clock.advance_ms(waits[k] * 1000 - 1);
        EXPECT_EQ(refused_for("siti", "10.0.0.1"), 1) << "1 ms before the end of wait " << k;
        clock.advance_ms(1);
        fail("siti", "10.0.0.1");
        EXPECT_EQ(refused_for("siti", "10.0.0.1"), waits[k + 1]) << "after failure " << 6 + k;
    }
}

TEST_F(LoginLimiterTest, RetryAfterIsTheRemainingWaitInWholeSecondsRoundedUp) {
    fail("siti", "10.0.0.1", 5);
    EXPECT_EQ(refused_for("siti", "10.0.0.1"), 2);  // 2000 ms left
    clock.advance_ms(1);
    EXPECT_EQ(refused_for("siti", "10.0.0.1"), 2);  // 1999 ms
    clock.advance_ms(999);
    EXPECT_EQ(refused_for("siti", "10.0.0.1"), 1);  // 1000 ms
    clock.advance_ms(999);
    EXPECT_EQ(refused_for("siti", "10.0.0.1"), 1);  // 1 ms
    clock.advance_ms(1);
    EXPECT_TRUE(limiter.reserve("siti", "10.0.0.1").granted);
}

TEST_F(LoginLimiterTest, RefusedAttemptsAreNotCountedAndOnlyTheFirstIsReportedPerWait) {
    fail("siti", "10.0.0.1", 5);
    const LoginAdmission first = limiter.reserve("siti", "10.0.0.1");
    EXPECT_FALSE(first.granted);
    EXPECT_TRUE(first.first_refusal);
    for (int i = 0; i < 50; ++i) {
        const LoginAdmission again = limiter.reserve("siti", "10.0.0.1");
        EXPECT_FALSE(again.first_refusal);
        EXPECT_EQ(again.retry_after_s, 2);  // fifty refusals did not lengthen the wait
    }
    clock.advance_ms(2000);
    fail("siti", "10.0.0.1");
    EXPECT_TRUE(limiter.reserve("siti", "10.0.0.1").first_refusal);  // a new wait, reported again
}

TEST_F(LoginLimiterTest, ARecordIsForgottenAfterAnHourWithoutAttempts) {
    // Two guessers driven to the ten-minute cap side by side; 10.0.0.2 then tries once more.
    fail("siti", "10.0.0.1", 5);
    fail("siti", "10.0.0.2", 5);
    for (int i = 0; i < 10; ++i) {
        clock.advance_ms(600'000);
        fail("siti", "10.0.0.1");
        fail("siti", "10.0.0.2");
    }
    clock.advance_ms(600'000);
    fail("siti", "10.0.0.2");
    // 10.0.0.1 has been quiet for one hour less 1 ms, 10.0.0.2 for 50 minutes: both remembered.
    clock.advance_ms(3000'000 - 1);
    fail("siti", "10.0.0.1");
    EXPECT_EQ(refused_for("siti", "10.0.0.1"), 600);
    fail("siti", "10.0.0.2");
    EXPECT_EQ(refused_for("siti", "10.0.0.2"), 600);
    // An hour of quiet: forgotten, five free failures again.
    clock.advance_ms(3600'000);
    fail("siti", "10.0.0.1", 5);
    EXPECT_EQ(refused_for("siti", "10.0.0.1"), 2);
}

TEST_F(LoginLimiterTest, AStrangersGuessesNeverStopTheUserFromAnotherAddress) {
    fail("admin", "203.0.113.5", 5);
    for (int i = 0; i < 30; ++i) {
        clock.advance_ms(600'000);
        fail("admin", "203.0.113.5");
    }
    EXPECT_EQ(refused_for("admin", "203.0.113.5"), 600);
    // The real admin, from the office.
    EXPECT_TRUE(limiter.reserve("admin", "198.51.100.7").granted);
    limiter.succeeded("admin", "198.51.100.7");
    EXPECT_EQ(refused_for("admin", "203.0.113.5"), 600) << "the stranger's record is untouched";
}

TEST_F(LoginLimiterTest, AnAddressGetsTwentyFreeFailuresAcrossAllAccounts) {
    for (int i = 0; i < 20; ++i) fail("user" + std::to_string(i), "10.0.0.1");
    EXPECT_EQ(refused_for("user20", "10.0.0.1"), 2);
    EXPECT_EQ(refused_for("user0", "10.0.0.1"), 2);
    EXPECT_TRUE(limiter.reserve("user20", "10.0.0.2").granted) << "another address";
    clock.advance_ms(2000);
    fail("user21", "10.0.0.1");
    EXPECT_EQ(refused_for("user22", "10.0.0.1"), 4);
}

TEST_F(LoginLimiterTest, ARightPasswordClearsItsPairAndReturnsOnlyItsOwnReservation) {
    LoginLimiter small(clock, LoginLimits{.free_failures_per_pair = 3, .free_failures_per_address = 5});
    // siti mistypes twice, then signs in (the third attempt): her pair is cleared.
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(small.reserve("siti", "10.0.0.1").granted);
    small.succeeded("siti", "10.0.0.1");
    EXPECT_EQ(small.pair_records(), 0u);
    // The address keeps siti's 2 failures, not her successful attempt: budi gets 3 more, then the
    // address is at 5.
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(small.reserve("budi", "10.0.0.1").granted) << i;
    EXPECT_FALSE(small.reserve("eko", "10.0.0.1").granted);
    // A right password does not wash the address: the guesser's failures still count there.
    clock.advance_ms(2000);
    ASSERT_TRUE(small.reserve("siti", "10.0.0.1").granted);
    small.succeeded("siti", "10.0.0.1");
    const LoginAdmission eko = small.reserve("eko", "10.0.0.1");
    EXPECT_FALSE(eko.granted);
    EXPECT_EQ(eko.retry_after_s, 2);
}

TEST_F(LoginLimiterTest, TwelveParallelAttemptsAreGrantedExactlyTheFreeFive) {
    std::atomic<int> granted{0};
    std::latch start(12);
    std::vector<std::thread> threads;
    for (int i = 0; i < 12; ++i) {
        threads.emplace_back([&] {
            start.arrive_and_wait();
            if (limiter.reserve("admin", "10.0.0.1").granted) ++granted;
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(granted.load(), 5);
}

TEST_F(LoginLimiterTest, IPv6ClientsAreCountedByTheirSlash64AndMappedIPv4AsIPv4) {
    EXPECT_EQ(LoginLimiter::address_key("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
    EXPECT_EQ(LoginLimiter::address_key("2001:DB8:1:2::ffff"), "2001:db8:1:2::/64");
    EXPECT_EQ(LoginLimiter::address_key("::ffff:10.0.0.1"), "10.0.0.1");
    EXPECT_EQ(LoginLimiter::address_key("10.0.0.1"), "10.0.0.1");
    EXPECT_EQ(LoginLimiter::address_key(std::string(1000, 'x')), std::string(64, 'x'));
    // Twenty failures from twenty addresses of one /64 use up that network's allowance.
    for (int i = 0; i < 20; ++i) fail("user" + std::to_string(i), "2001:db8:1:2::" + std::to_string(i + 1));
    EXPECT_EQ(refused_for("user20", "2001:db8:1:2:ffff::"), 2);
    EXPECT_TRUE(limiter.reserve("user20", "2001:db8:1:3::1").granted) << "the next /64";
    fail("user20", "::ffff:10.0.0.1", 5);
    EXPECT_EQ(refused_for("user20", "10.0.0.1"), 2);
}

TEST_F(LoginLimiterTest, TablesStayBoundedAndDropTheLeastRecentlyUsedFirst) {
    LoginLimiter small(clock, LoginLimits{.free_failures_per_pair = 1, .max_records = 64});
    ASSERT_TRUE(small.reserve("admin", "10.9.9.9").granted);  // the oldest record
    for (int i = 0; i < 10'000; ++i) {
        clock.advance_ms(1);
        ASSERT_TRUE(small.reserve("user" + std::to_string(i), "10.0." + std::to_string(i / 256) + "." +
                                                               std::to_string(i % 256)).granted);
        ASSERT_LE(small.pair_records(), 64u);
        ASSERT_LE(small.address_records(), 64u);
    }
    EXPECT_GE(small.pair_records(), 56u);  // an eighth dropped at a time
    // The most recent records are kept, the oldest went first.
    EXPECT_FALSE(small.reserve("user9999", "10.0.39.15").granted);
    EXPECT_TRUE(small.reserve("admin", "10.9.9.9").granted);
    // Records past the quiet period are dropped before any live one.
    clock.advance_ms(3600'000);
    ASSERT_TRUE(small.reserve("budi", "10.1.1.1").granted);
    for (int i = 0; i < 62; ++i) ASSERT_TRUE(small.reserve("siti", "10.2.0." + std::to_string(i)).granted);
    EXPECT_EQ(small.pair_records(), 63u);
    EXPECT_EQ(small.address_records(), 63u);
    EXPECT_FALSE(small.reserve("budi", "10.1.1.1").granted) << "kept while the stale ones went";
}

}  // namespace
}  // namespace skm::hub::web
