// A kiosk whose clock is wrong: the hub dates its responses by its own clock
// (moved by the kiosk's lead, flagged), so they land in the right period; a
// clock within the tolerance, or a kiosk that does not say when it sent, is
// left as it was. And the instant arithmetic both ways.
#include "hub/clock_correction.hpp"
#include "hub_test_support.hpp"
#include "scoring/period.hpp"
#include "store/clock.hpp"
#include "sync/gzip.hpp"

#include <gtest/gtest.h>

namespace skm::hub::testing {
namespace {

scoring::Timestamp at(const char* text) { return *scoring::parse_timestamp(text); }

TEST(TimestampAt, IsTheInverseOfUnixSecondsInAnyZone) {
    for (const char* text : {"2025-03-04T09:00:00+07:00", "2024-12-31T23:59:59+09:00", "2024-02-29T00:00:00Z",
                             "1999-12-31T18:30:00-05:00"}) {
        const auto ts = at(text);
        EXPECT_EQ(store::iso8601(scoring::timestamp_at(scoring::unix_seconds(ts), ts.offset_minutes)),
                  std::string(text).back() == 'Z' ? std::string(text).substr(0, 19) + "+00:00" : text);
    }
}

sync::Batch batch_sent_at(std::optional<std::string> sent_at) {
    sync::Batch b{"kiosk-1", "b1", {make_response("r1"), make_response("r2")}};
    b.responses[1].response.submitted_at = "2025-06-30T23:50:00+07:00";
    b.sent_at = std::move(sent_at);
    return b;
}

TEST(ClockCorrection, AKioskTwoDaysFastIsDatedByTheHubsClock) {
    // The kiosk thinks it is 2 July 10:00; the hub knows it is 30 June 10:00 (both +07:00).
    auto batch = batch_sent_at("2025-07-02T10:00:00+07:00");
    EXPECT_EQ(correct_clock(batch, at("2025-06-30T10:00:00+07:00")), 2 * 86'400);
    EXPECT_EQ(batch.responses[0].response.submitted_at, "2025-03-02T09:00:00+07:00");
    EXPECT_EQ(batch.responses[1].response.submitted_at, "2025-06-28T23:50:00+07:00");
    EXPECT_EQ(batch.responses[0].response.flags, std::vector<std::string>{"clock_corrected"});
}

TEST(ClockCorrection, WithinToleranceOrUnsaidNothingMoves) {
    auto close = batch_sent_at("2025-06-30T10:04:00+07:00");
    EXPECT_EQ(correct_clock(close, at("2025-06-30T10:00:00+07:00")), 0);
    EXPECT_EQ(close.responses[0].response.submitted_at, "2025-03-04T09:00:00+07:00");
    EXPECT_TRUE(close.responses[0].response.flags.empty());
    auto silent = batch_sent_at(std::nullopt);
    EXPECT_EQ(correct_clock(silent, at("2020-01-01T00:00:00+07:00")), 0);
    EXPECT_EQ(silent.responses[1].response.submitted_at, "2025-06-30T23:50:00+07:00");
    // The same instant written in another zone is no lead at all.
    auto zone = batch_sent_at("2025-06-30T11:00:00+08:00");
    EXPECT_EQ(correct_clock(zone, at("2025-06-30T10:00:00+07:00")), 0);
}

class HubClock : public ::testing::TestWithParam<Backend> {};
INSTANTIATE_TEST_SUITE_P(Backends, HubClock, SKM_ALL_HUB_BACKENDS);

TEST_P(HubClock, AFastKiosksResponseLandsInTheHubsPeriod) {
    TestHub hub(GetParam());  // the hub's clock: 2025-07-01 09:00 +07:00
    const std::string token = hub.enroll("kiosk-1", "Sukamaju");
    // A kiosk one month fast: it dates its answer 1 August, sends it "1 August".
    sync::Batch batch{"kiosk-1", "b-fast", {make_response("fast-1")}};
    batch.responses[0].response.submitted_at = "2025-08-01T08:30:00+07:00";
    batch.sent_at = "2025-08-01T09:00:00+07:00";
    sync::CurlTransport transport(transport_to(hub, token));
    const auto result = transport.post_batch(sync::gzip_compress(sync::encode_batch(batch, scheme())));
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(hub.count("SELECT count(*) FROM responses WHERE local_date = '2025-07-01' AND "
                        "submitted_at = '2025-07-01T08:30:00+07:00' AND flags = 'clock_corrected'"),
              1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM responses WHERE local_date LIKE '2025-08%'"), 0);
}

}  // namespace
}  // namespace skm::hub::testing
