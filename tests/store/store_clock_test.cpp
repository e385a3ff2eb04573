// The injected clock: ManualClock moves wall time and the monotonic counter
// together (days and months roll over, short steps add up), and iso8601
// writes what parse_timestamp reads.
#include "store/clock.hpp"
#include "tests/store/store_test_support.hpp"

#include <gtest/gtest.h>

namespace skm::store {
namespace {

TEST(ManualClock, WallTimeAndMonotonicMoveTogetherAcrossDaysAndMonths) {
    scoring::Timestamp start = test::start_time();
    start.date = {2024, 2, 29};
    start.hour = 23;
    start.minute = 59;
    start.second = 30;
    ManualClock clock{start};
    EXPECT_EQ(iso8601(clock.wall_now()), "2024-02-29T23:59:30+07:00");
    EXPECT_EQ(clock.monotonic_ms(), 0);
    clock.advance_ms(45'000);
    EXPECT_EQ(iso8601(clock.wall_now()), "2024-03-01T00:00:15+07:00");  // leap day into March, offset kept
    clock.advance_ms(31LL * 24 * 3'600'000);
    EXPECT_EQ(iso8601(clock.wall_now()), "2024-04-01T00:00:15+07:00");
    EXPECT_EQ(clock.monotonic_ms(), 45'000 + 31LL * 24 * 3'600'000);
}

TEST(ManualClock, ShortStepsAddUpInWallTimeToo) {
    ManualClock clock{test::start_time()};
    for (int i = 0; i < 10; ++i) clock.advance_ms(400);
    EXPECT_EQ(clock.monotonic_ms(), 4'000);
    EXPECT_EQ(iso8601(clock.wall_now()), "2024-03-01T09:15:04+07:00");
    clock.advance_ms(999);
    EXPECT_EQ(iso8601(clock.wall_now()), "2024-03-01T09:15:04+07:00");
    clock.advance_ms(1);
    EXPECT_EQ(iso8601(clock.wall_now()), "2024-03-01T09:15:05+07:00");
}

TEST(Iso8601, WritesWhatParseTimestampReads) {
    for (int offset : {420, 480, 540, 0, -300, -330, 345}) {
        scoring::Timestamp ts = test::start_time();
        ts.offset_minutes = offset;
        const std::string text = iso8601(ts);
        const auto parsed = scoring::parse_timestamp(text);
        ASSERT_TRUE(parsed.has_value()) << text;
        EXPECT_EQ(parsed->offset_minutes, offset) << text;
        EXPECT_EQ(parsed->date, ts.date);
        EXPECT_EQ(parsed->hour * 3600 + parsed->minute * 60 + parsed->second, 9 * 3600 + 15 * 60) << text;
    }
    scoring::Timestamp west = test::start_time();
    west.offset_minutes = -330;
    EXPECT_EQ(iso8601(west), "2024-03-01T09:15:00-05:30");
}

}  // namespace
}  // namespace skm::store
