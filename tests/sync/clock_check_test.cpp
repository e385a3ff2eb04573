// The kiosk's clock against the hub's: the hub's time in each reply, the
// difference kept in the device database (it survives a restart) and in the
// status staff read; and the instant arithmetic underneath.
#include "tests/store/store_test_support.hpp"
#include "store/outbox.hpp"
#include "store/setting_keys.hpp"
#include "sync/engine.hpp"
#include "sync/gzip.hpp"
#include "scoring/period.hpp"
#include "tests/support/permenpan_scheme.hpp"

#include <gtest/gtest.h>

namespace skm::sync {
namespace {

const scoring::ScoringScheme& scheme() { return test::permenpan_scheme(); }

TEST(UnixSeconds, TheSameMomentInTwoTimeZonesIsTheSameSecond) {
    const auto jakarta = scoring::parse_timestamp("2025-03-04T09:00:00+07:00");
    const auto utc = scoring::parse_timestamp("2025-03-04T02:00:00Z");
    const auto jayapura = scoring::parse_timestamp("2025-03-04T11:00:00+09:00");
    ASSERT_TRUE(jakarta && utc && jayapura);
    EXPECT_EQ(scoring::unix_seconds(*jakarta), scoring::unix_seconds(*utc));
    EXPECT_EQ(scoring::unix_seconds(*jayapura), scoring::unix_seconds(*utc));
    EXPECT_EQ(scoring::unix_seconds(*utc), 1741053600);  // date -d 2025-03-04T02:00:00Z +%s
    const auto new_year = scoring::parse_timestamp("2025-01-01T06:59:59+07:00");
    EXPECT_EQ(scoring::unix_seconds(*new_year), 1735689599);  // 2024-12-31T23:59:59Z
}

// A hub whose clock reads `hub_time`, answering every item accepted.
class ClockHub final : public Transport {
public:
    explicit ClockHub(std::optional<std::string> time) : hub_time(std::move(time)) {}
    HttpResult post_batch(const std::string& gzip_body) override {
        const auto decoded = decode_batch(*gzip_decompress(gzip_body, 8u << 20), scheme());
        if (const auto* error = std::get_if<ProtocolError>(&decoded)) return {true, 400, "", error->key + " " + error->where};
        Reply reply{std::get<Batch>(decoded).batch_id, {}, hub_time};
        for (const auto& s : std::get<Batch>(decoded).responses) {
            reply.results.push_back({s.response.response_id, ItemStatus::accepted, ""});
        }
        return {true, 200, encode_reply(reply), ""};
    }
    std::optional<std::string> hub_time;
};

EngineOptions kiosk_options() {
    EngineOptions o;
    o.device_id = "kiosk-1";
    return o;
}

class ClockCheck : public ::testing::Test {
protected:
    void SetUp() override {
        store::StoreOptions options;
        options.path = dir.path() / "skm.db";
        store::ResponseStore db(options, scheme(), clock);
        db.import({test::make_submission("r1")});
    }
    test::TempDir dir;
    store::ManualClock clock{scoring::Timestamp{{2025, 3, 4}, 9, 12, 30, 420}};
};

TEST_F(ClockCheck, ADeviceTwelveMinutesFastIsSeenAndRemembered) {
    {
        store::Outbox outbox(dir.path() / "skm.db", scheme());
        ClockHub hub("2025-03-04T02:00:30Z");  // 09:00:30 in Jakarta
        SyncEngine engine(outbox, hub, scheme(), clock, [] { return 0.5; }, kiosk_options());
        EXPECT_FALSE(engine.status().clock_ahead_s.has_value());
        EXPECT_FALSE(engine.drain().failed);
        ASSERT_TRUE(engine.status().clock_ahead_s.has_value());
        EXPECT_EQ(*engine.status().clock_ahead_s, 12 * 60);
        EXPECT_GT(*engine.status().clock_ahead_s, kClockToleranceSeconds);
    }
    store::Outbox reopened(dir.path() / "skm.db", scheme());
    EXPECT_EQ(reopened.setting(store::setting_key::kClockAhead), "720");
    ClockHub silent(std::nullopt);  // an older hub says nothing: the last reading stays
    SyncEngine engine(reopened, silent, scheme(), clock, [] { return 0.5; }, kiosk_options());
    EXPECT_EQ(engine.status().clock_ahead_s, 720);
}

TEST_F(ClockCheck, AnyTimeZoneOfTheHubAndASlowClock) {
    store::Outbox outbox(dir.path() / "skm.db", scheme());
    ClockHub hub("2025-03-04T10:12:30+08:00");  // Makassar time: the same instant as the device's 09:12:30+07:00
    SyncEngine engine(outbox, hub, scheme(), clock, [] { return 0.5; }, kiosk_options());
    engine.drain();
    EXPECT_EQ(engine.status().clock_ahead_s, 0);

    store::StoreOptions options;
    options.path = dir.path() / "skm.db";
    store::ResponseStore db(options, scheme(), clock);
    db.import({test::make_submission("r2")});
    hub.hub_time = "2025-03-04T09:20:30+07:00";
    engine.drain();
    EXPECT_EQ(engine.status().clock_ahead_s, -8 * 60);
}

}  // namespace
}  // namespace skm::sync
