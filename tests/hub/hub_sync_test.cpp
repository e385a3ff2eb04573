// The kiosk's real sync path (outbox, engine, libcurl over TLS) against the
// real hub on loopback, on each storage backend: after a drain the hub holds
// every response exactly once (counted in its database) and the kiosk marked every one sent; a
// batch posted twice is all "duplicate" the second time; a hub restarted in
// the middle of a drain loses and doubles nothing; a revoked device is refused.
#include "tests/hub/hub_test_support.hpp"

#include "sync/gzip.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace skm::hub::testing {
namespace {

class HubSync : public ::testing::TestWithParam<Backend> {};
INSTANTIATE_TEST_SUITE_P(Backends, HubSync, SKM_ALL_HUB_BACKENDS);

void expect_exactly_once(const TestHub& hub, const Kiosk& kiosk) {
    const auto stored = hub.stored_ids();
    EXPECT_EQ(stored.size(), kiosk.ids.size());
    for (const auto& id : kiosk.ids) EXPECT_EQ(stored.count(id), 1u) << id;
    for (const auto& [id, state] : kiosk.sync_states()) EXPECT_EQ(state, "sent") << id;
}

TEST_P(HubSync, ADrainDeliversEveryResponseExactlyOnce) {
    TestHub hub(GetParam());
    const std::string token = hub.enroll("kiosk-sukamaju-01", "Sukamaju");
    Kiosk kiosk(make_responses("r", 450));
    sync::CurlTransport transport(transport_to(hub, token));
    KioskSync sync(kiosk, transport, 100, "kiosk-sukamaju-01");
    const auto outcome = sync.engine.drain();
    EXPECT_FALSE(outcome.failed) << (sync.engine.status().last_error ? sync.engine.status().last_error->key : "");
    EXPECT_EQ(outcome.batches, 5u);
    EXPECT_EQ(outcome.sent, 450u);
    EXPECT_EQ(sync.outbox.pending(), 0);
    expect_exactly_once(hub, kiosk);
    EXPECT_EQ(hub.count("SELECT count(*) FROM responses WHERE kecamatan = 'Sukamaju' AND device_id = 'kiosk-sukamaju-01'"), 450);
    EXPECT_EQ(sync.engine.status().clock_ahead_s, 0);  // the hub's reply carries its time; both clocks agree here
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices WHERE last_contact = '2025-07-01T09:00:00+07:00'"), 1);
    EXPECT_TRUE(hub.log().empty());
}

TEST_P(HubSync, TheSameBatchPostedTwiceIsAllDuplicateTheSecondTime) {
    TestHub hub(GetParam());
    const std::string token = hub.enroll("kiosk-01", "Sukamaju");
    sync::Batch batch{"kiosk-01", "b-twice", make_responses("t", 40)};
    const std::string body = sync::gzip_compress(sync::encode_batch(batch, scheme()));
    sync::CurlTransport transport(transport_to(hub, token));
    for (const auto expected : {sync::ItemStatus::accepted, sync::ItemStatus::duplicate}) {
        const auto result = transport.post_batch(body);
        ASSERT_TRUE(result.connected) << result.detail;
        ASSERT_EQ(result.status, 200) << result.body;
        const auto reply = sync::decode_reply(result.body);
        ASSERT_TRUE(std::holds_alternative<sync::Reply>(reply));
        EXPECT_EQ(std::get<sync::Reply>(reply).batch_id, "b-twice");
        ASSERT_EQ(std::get<sync::Reply>(reply).results.size(), 40u);
        for (const auto& item : std::get<sync::Reply>(reply).results) {
            EXPECT_EQ(item.status, expected) << item.response_id;
        }
    }
    EXPECT_EQ(hub.count(), 40);
    EXPECT_EQ(hub.count("SELECT count(DISTINCT response_id) FROM responses"), 40);
}

// Passes batches on to the real transport, running `before` ahead of the n-th.
class Interrupting final : public sync::Transport {
public:
    Interrupting(sync::Transport& inner, int at, std::function<void()> before)
        : inner_(inner), at_(at), before_(std::move(before)) {}
    sync::HttpResult post_batch(const std::string& body) override {
        if (++calls_ == at_) before_();
        return inner_.post_batch(body);
    }

private:
    sync::Transport& inner_;
    int at_;
    std::function<void()> before_;
    int calls_ = 0;
};

TEST_P(HubSync, AHubRestartedMidDrainLosesAndDoublesNothing) {
    TestHub hub(GetParam());
    const std::string token = hub.enroll("kiosk-01", "Sukamaju");
    const int port = hub.port();
    Kiosk kiosk(make_responses("r", 500));
    sync::CurlTransport curl(transport_to(hub, token));
    Interrupting transport(curl, 3, [&] { hub.stop(); });  // two batches in, the hub goes down
    KioskSync sync(kiosk, transport, 100, "kiosk-01");

    const auto first = sync.engine.drain();
    EXPECT_TRUE(first.failed);
    ASSERT_TRUE(sync.engine.status().last_error);
    EXPECT_EQ(sync.engine.status().last_error->key, "sync.unreachable");
    EXPECT_EQ(first.sent, 200u);
    EXPECT_EQ(sync.outbox.pending(), 300);
    EXPECT_EQ(hub.count(), 200);

    hub.start();
    ASSERT_EQ(hub.port(), port);
    const auto second = sync.engine.drain();
    EXPECT_FALSE(second.failed);
    EXPECT_EQ(second.sent, 300u);
    EXPECT_EQ(sync.engine.status().consecutive_failures, 0);
    expect_exactly_once(hub, kiosk);
}

TEST_P(HubSync, ARevokedOrUnknownTokenIsRefusedAndNothingIsStored) {
    TestHub hub(GetParam());
    const std::string token = hub.enroll("kiosk-01", "Sukamaju");
    // Revoked from another connection, as `skm-hub revoke` does while the hub serves.
    {
        const auto admin = hub.open_another();
        ASSERT_TRUE(admin->revoke_device("kiosk-01", "2025-07-01T10:00:00+07:00"));
    }
    Kiosk kiosk(make_responses("r", 30));
    for (const std::string& t : {token, new_token(), std::string()}) {
        sync::CurlTransport transport(transport_to(hub, t));
        KioskSync sync(kiosk, transport, 10, "kiosk-01");
        const auto outcome = sync.engine.drain();
        EXPECT_TRUE(outcome.failed);
        ASSERT_TRUE(sync.engine.status().last_error);
        EXPECT_EQ(sync.engine.status().last_error->key, "sync.unauthorized");
        EXPECT_EQ(sync.outbox.pending(), 30);
    }
    EXPECT_EQ(hub.count(), 0);
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices WHERE last_contact IS NOT NULL"), 0);

    // A new token for the same kiosk, and the same responses go through.
    const std::string renewed = hub.enroll("kiosk-01", "Sukamaju");
    sync::CurlTransport transport(transport_to(hub, renewed));
    KioskSync sync(kiosk, transport, 10, "kiosk-01");
    EXPECT_FALSE(sync.engine.drain().failed);
    expect_exactly_once(hub, kiosk);
}

TEST_P(HubSync, TwoKiosksAtOnceEachGetTheirOwnKecamatan) {
    TestHub hub(GetParam());
    const std::string token_a = hub.enroll("kiosk-a", "Sukamaju");
    const std::string token_b = hub.enroll("kiosk-b", "Sukamakmur");
    Kiosk a(make_responses("a", 300));
    Kiosk b(make_responses("b", 300));
    sync::CurlTransport transport_a(transport_to(hub, token_a));
    sync::CurlTransport transport_b(transport_to(hub, token_b));
    KioskSync sync_a(a, transport_a, 20, "kiosk-a");
    KioskSync sync_b(b, transport_b, 20, "kiosk-b");
    std::thread other([&] { EXPECT_FALSE(sync_b.engine.drain().failed); });
    EXPECT_FALSE(sync_a.engine.drain().failed);
    other.join();
    EXPECT_EQ(hub.count("SELECT count(*) FROM responses WHERE kecamatan = 'Sukamaju' AND response_id LIKE 'a%'"), 300);
    EXPECT_EQ(hub.count("SELECT count(*) FROM responses WHERE kecamatan = 'Sukamakmur' AND response_id LIKE 'b%'"), 300);
    EXPECT_EQ(hub.count(), 600);
}

TEST(HubTls, OnlyTls12OrNewerIsSpoken) {
    TestHub hub;
    const std::string connect = "openssl s_client -connect 127.0.0.1:" + std::to_string(hub.port()) + " -CAfile '" +
                                skm::testing::test_pki().ca.string() + "' </dev/null >/dev/null 2>&1";
    EXPECT_EQ(std::system((connect + " -tls1_2").c_str()), 0);
    // The client is allowed the old versions (security level 0) so that the refusal is the hub's.
    EXPECT_NE(std::system((connect + " -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0'").c_str()), 0);
    EXPECT_NE(std::system((connect + " -tls1 -cipher 'DEFAULT:@SECLEVEL=0'").c_str()), 0);
}

}  // namespace
}  // namespace skm::hub::testing
