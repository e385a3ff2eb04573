// The kiosk's side of survey links (sync/link_keys): its key pair made once
// and kept, a link's URL and claims from the device's settings, and the sync
// engine registering the public key (with an empty batch when nothing else
// waits) until the hub names the device it stored the key for.
#include "store/outbox.hpp"
#include "store/response_store.hpp"
#include "store/setting_keys.hpp"
#include "sync/engine.hpp"
#include "sync/gzip.hpp"
#include "sync/link_keys.hpp"
#include "tests/support/minimal_submission.hpp"
#include "tests/support/permenpan_scheme.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace skm::sync {
namespace {

namespace fs = std::filesystem;

const scoring::ScoringScheme& scheme() { return test::permenpan_scheme(); }

// 2025-12-02 23:30 UTC: already 3 December in WIB (+7), WITA and WIT.
constexpr std::int64_t kNow = 1764718200;

struct KioskDb {
    KioskDb() {
        dir = fs::temp_directory_path() / ("skm-link-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
        fs::remove_all(dir);
        fs::create_directories(dir);
        store::StoreOptions options;
        options.path = dir / "skm.db";
        db = std::make_unique<store::ResponseStore>(options, scheme(), clock);
    }
    ~KioskDb() {
        db.reset();
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    store::Connection& connection() { return db->connection(); }

    fs::path dir;
    store::ManualClock clock{scoring::Timestamp{{2025, 12, 3}, 6, 30, 0, 420}};
    std::unique_ptr<store::ResponseStore> db;
    static inline int count = 0;
};

std::string problem_of(const std::function<void()>& call) {
    try {
        call();
    } catch (const Error& e) {
        return e.problem().key;
    }
    return "";
}

TEST(LinkKeys, KeyPairIsMadeOnceAndKept) {
    KioskDb kiosk;
    EXPECT_FALSE(kiosk.db->setting(store::setting_key::kLinkSecretKey));
    const LinkSecretKey first = link_secret_key(kiosk.connection());
    const auto stored = kiosk.db->setting(store::setting_key::kLinkSecretKey);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->size(), 86u);  // 64 bytes in base64url
    EXPECT_EQ(link_secret_key(kiosk.connection()), first);
    // The sync thread's own connection finds the same key.
    store::Outbox outbox(kiosk.dir / "skm.db", scheme());
    EXPECT_EQ(link_secret_key(outbox), first);
    // A damaged row is reported, never replaced by a new key (links already out would die).
    kiosk.db->set_setting(store::setting_key::kLinkSecretKey, "not-a-key");
    EXPECT_EQ(problem_of([&] { link_secret_key(kiosk.connection()); }), "store.bad_link_key");
    EXPECT_EQ(kiosk.db->setting(store::setting_key::kLinkSecretKey), "not-a-key");
}

TEST(LinkKeys, SecondKeyMadeElsewhereLosesToTheFirst) {
    KioskDb kiosk;
    store::Outbox outbox(kiosk.dir / "skm.db", scheme());
    const LinkSecretKey from_sync = link_secret_key(outbox);
    EXPECT_EQ(link_secret_key(kiosk.connection()), from_sync);
}

TEST(LinkKeys, IssueNeedsAHubAndARegisteredKey) {
    KioskDb kiosk;
    EXPECT_EQ(problem_of([&] { issue_link_url(kiosk.connection(), std::nullopt, kNow); }), "sync.link_no_hub");
    kiosk.db->set_setting(store::setting_key::kHubUrl, "https://skm.example.go.id/api/v1/batches");
    EXPECT_EQ(problem_of([&] { issue_link_url(kiosk.connection(), std::nullopt, kNow); }), "sync.link_not_registered");
    // The key is made meanwhile, for the next sync to register.
    EXPECT_TRUE(kiosk.db->setting(store::setting_key::kLinkSecretKey));
}

TEST(LinkKeys, IssuedLinkCarriesTheClaimsAndVerifies) {
    KioskDb kiosk;
    kiosk.db->set_setting(store::setting_key::kHubUrl, "https://skm.example.go.id/api/v1/batches");
    kiosk.db->set_setting(store::setting_key::kLinkDeviceId, "kios-sukamaju-1");
    const std::string url = issue_link_url(kiosk.connection(), std::string("KTP-el"), kNow);
    const std::string prefix = "https://skm.example.go.id/l/";
    ASSERT_EQ(url.substr(0, prefix.size()), prefix) << url;
    const std::string token = url.substr(prefix.size());
    const auto claims = parse_link_token(token);
    ASSERT_TRUE(claims) << token;
    EXPECT_EQ(claims->device_id, "kios-sukamaju-1");
    EXPECT_EQ(claims->issued_day, "20251203");  // the office's date (WIB), not UTC's 2 December
    EXPECT_EQ(claims->expires_at, kNow + 2 * 86400);  // link_valid_days' default
    EXPECT_EQ(claims->layanan, "KTP-el");
    EXPECT_TRUE(verify_link_token(token, public_key_of(link_secret_key(kiosk.connection()))));

    // Another link: another id, the same key; the setting and no layanan.
    kiosk.db->set_setting(formats::setting::kLinkValidDays.stored, "5");
    const std::string other = issue_link_url(kiosk.connection(), std::nullopt, kNow);
    const auto other_claims = parse_link_token(other.substr(prefix.size()));
    ASSERT_TRUE(other_claims);
    EXPECT_NE(other_claims->link_id, claims->link_id);
    EXPECT_EQ(other_claims->expires_at, kNow + 5 * 86400);
    EXPECT_EQ(other_claims->layanan, "");
    EXPECT_TRUE(verify_link_token(other.substr(prefix.size()), public_key_of(link_secret_key(kiosk.connection()))));
}

TEST(LinkKeys, HubBaseOfTheBatchesUrl) {
    EXPECT_EQ(hub_base_url("https://skm.example.go.id/api/v1/batches"), "https://skm.example.go.id");
    EXPECT_EQ(hub_base_url("https://skm.example.go.id/skm/api/v1/batches/"), "https://skm.example.go.id/skm");
    EXPECT_EQ(hub_base_url("https://skm.example.go.id"), "https://skm.example.go.id");
}

// A hub that stores keys per device and acknowledges them as hub/ingest_api does.
class KeyHub final : public Transport {
public:
    HttpResult post_batch(const std::string& gzip_body) override {
        ++calls;
        const auto json = gzip_decompress(gzip_body, 8u << 20);
        const auto decoded = decode_batch(*json, scheme());
        if (!std::holds_alternative<Batch>(decoded)) return {true, 400, "", std::get<ProtocolError>(decoded).key};
        const Batch& batch = std::get<Batch>(decoded);
        keys_sent.push_back(batch.link_public_key.value_or(""));
        items += batch.responses.size();
        Reply reply{batch.batch_id, {}, std::nullopt};
        for (const auto& s : batch.responses) reply.results.push_back({s.response.response_id, ItemStatus::accepted, ""});
        if (batch.link_public_key && acknowledge) stored_key = *batch.link_public_key;
        if (!stored_key.empty()) reply.link_key_device = "kios-hub-id";
        return {true, 200, encode_reply(reply), ""};
    }
    int calls = 0;
    std::size_t items = 0;
    bool acknowledge = true;
    std::vector<std::string> keys_sent;
    std::string stored_key;
};

EngineOptions registering() {
    EngineOptions o;
    o.device_id = "kiosk-own-name";
    o.register_link_key = true;
    return o;
}

TEST(LinkKeys, EngineRegistersTheKeyOnItsNextSyncEvenWithNothingToSend) {
    KioskDb kiosk;
    store::Outbox outbox(kiosk.dir / "skm.db", scheme());
    KeyHub hub;
    SyncEngine engine(outbox, hub, scheme(), kiosk.clock, [] { return 0.5; }, registering());
    const auto outcome = engine.drain();
    EXPECT_FALSE(outcome.failed);
    ASSERT_EQ(hub.calls, 1);  // one empty batch, only for the key
    EXPECT_EQ(hub.items, 0u);
    EXPECT_EQ(hub.keys_sent.at(0), encode_link_public_key(public_key_of(link_secret_key(kiosk.connection()))));
    EXPECT_EQ(kiosk.db->setting(store::setting_key::kLinkDeviceId), "kios-hub-id");
    // Registered: nothing more is sent, and links name the hub's id for this device.
    engine.drain();
    EXPECT_EQ(hub.calls, 1);
    kiosk.db->set_setting(store::setting_key::kHubUrl, "https://skm.example.go.id/api/v1/batches");
    const auto claims = parse_link_token(issue_link_url(kiosk.connection(), std::nullopt, kNow).substr(28));
    ASSERT_TRUE(claims);
    EXPECT_EQ(claims->device_id, "kios-hub-id");
}

TEST(LinkKeys, EngineKeepsSendingUntilAcknowledgedAndAgainWhenTheHubForgets) {
    KioskDb kiosk;
    kiosk.db->import({test::minimal_submission("r1", "KTP-el")});
    store::Outbox outbox(kiosk.dir / "skm.db", scheme());
    KeyHub hub;
    hub.acknowledge = false;  // a hub from before survey links
    SyncEngine engine(outbox, hub, scheme(), kiosk.clock, [] { return 0.5; }, registering());
    engine.drain();
    ASSERT_EQ(hub.calls, 1);  // the response's batch carries the key: no extra batch
    EXPECT_FALSE(hub.keys_sent.at(0).empty());
    EXPECT_FALSE(kiosk.db->setting(store::setting_key::kLinkDeviceId));
    kiosk.db->import({test::minimal_submission("r2", "KTP-el")});
    hub.acknowledge = true;
    engine.drain();
    ASSERT_EQ(hub.calls, 2);
    EXPECT_EQ(hub.keys_sent.at(1), hub.keys_sent.at(0));
    EXPECT_EQ(kiosk.db->setting(store::setting_key::kLinkDeviceId), "kios-hub-id");
    // The device enrolled anew at the hub: its reply names no key, so the next batch sends it again.
    hub.stored_key.clear();
    kiosk.db->import({test::minimal_submission("r3", "KTP-el")});
    engine.drain();
    EXPECT_EQ(hub.keys_sent.at(2), "");
    EXPECT_FALSE(kiosk.db->setting(store::setting_key::kLinkDeviceId));
    engine.drain();  // nothing pending: an empty batch with the key
    ASSERT_EQ(hub.calls, 4);
    EXPECT_EQ(hub.keys_sent.at(3), hub.keys_sent.at(0));
    EXPECT_EQ(kiosk.db->setting(store::setting_key::kLinkDeviceId), "kios-hub-id");
}

TEST(LinkKeys, DamagedKeyNeverHoldsUpTheResponses) {
    KioskDb kiosk;
    kiosk.db->set_setting(store::setting_key::kLinkSecretKey, "damaged");
    kiosk.db->import({test::minimal_submission("r1", "KTP-el")});
    store::Outbox outbox(kiosk.dir / "skm.db", scheme());
    KeyHub hub;
    SyncEngine engine(outbox, hub, scheme(), kiosk.clock, [] { return 0.5; }, registering());
    EXPECT_FALSE(engine.drain().failed);
    EXPECT_EQ(hub.items, 1u);
    EXPECT_EQ(hub.keys_sent.at(0), "");
    EXPECT_EQ(outbox.pending(), 0);
    EXPECT_EQ(kiosk.db->setting(store::setting_key::kLinkSecretKey), "damaged");  // left for staff to see
}

TEST(LinkKeys, EngineWithoutRegistrationSendsNoKey) {
    KioskDb kiosk;
    kiosk.db->import({test::minimal_submission("r1", "KTP-el")});
    store::Outbox outbox(kiosk.dir / "skm.db", scheme());
    KeyHub hub;
    EngineOptions o = registering();
    o.register_link_key = false;
    SyncEngine engine(outbox, hub, scheme(), kiosk.clock, [] { return 0.5; }, o);
    engine.drain();
    engine.drain();
    ASSERT_EQ(hub.calls, 1);
    EXPECT_EQ(hub.keys_sent.at(0), "");
    EXPECT_FALSE(kiosk.db->setting(store::setting_key::kLinkSecretKey));
}

}  // namespace
}  // namespace skm::sync
