// The config the kabupaten publishes, from the wire to the device database:
// the strict decoder (every bad document refused, never half applied), the
// store's apply (order, retire never delete, targets, audit, only newer) and
// the engine asking a scripted hub (200, 304, 204, refused, garbage).
#include "tests/store/store_test_support.hpp"
#include "store/office_data.hpp"
#include "store/outbox.hpp"
#include "store/published_config.hpp"
#include "sync/config_protocol.hpp"
#include "sync/engine.hpp"
#include "tests/support/permenpan_scheme.hpp"

#include <gtest/gtest.h>

#include <deque>

namespace skm::sync {
namespace {

const scoring::ScoringScheme& scheme() { return test::permenpan_scheme(); }

store::PublishedConfig sample_config(std::int64_t version) {
    store::PublishedConfig c;
    c.version = version;
    c.published_at = "2026-11-23T10:00:00+07:00";
    c.layanan = {"KTP-el", "Kartu Keluarga", "Surat Pindah"};
    c.questionnaire_id = "permenpan-14-2017";
    c.questionnaire_version = 1;
    c.targets = {{2026, "", "85.00"}, {2026, "KTP-el", "88.5"}};
    return c;
}

TEST(ConfigProtocol, RoundTripsEveryField) {
    const auto config = sample_config(7);
    const auto decoded = decode_config(encode_config(config));
    ASSERT_TRUE(std::holds_alternative<store::PublishedConfig>(decoded)) << std::get<ProtocolError>(decoded).key;
    const auto& c = std::get<store::PublishedConfig>(decoded);
    EXPECT_EQ(c.version, 7);
    EXPECT_EQ(c.published_at, config.published_at);
    EXPECT_EQ(c.layanan, config.layanan);
    EXPECT_EQ(c.questionnaire_id, "permenpan-14-2017");
    EXPECT_EQ(c.questionnaire_version, 1);
    ASSERT_EQ(c.targets.size(), 2u);
    EXPECT_EQ(c.targets[1].layanan, "KTP-el");
    EXPECT_EQ(c.targets[1].target, "88.5");
}

TEST(ConfigProtocol, RefusesEveryBadDocumentSayingWhere) {
    const std::string good = encode_config(sample_config(3));
    auto with = [&](const std::string& from, const std::string& to) {
        std::string s = good;
        const auto at = s.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return s.replace(at, from.size(), to);
    };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "protocol.not_json"},
        {"[1,2]", "protocol.not_json"},
        {with("\"protocol\":1", "\"protocol\":2"), "protocol.version"},
        {with("\"config_version\":3", "\"config_version\":0"), "protocol.bad_value"},
        {with("\"config_version\":3", "\"config_version\":\"3\""), "protocol.wrong_type"},
        {with("\"2026-11-23T10:00:00+07:00\"", "\"yesterday\""), "protocol.bad_value"},
        {with("[\"KTP-el\",", "[\"KTP-el\",\"KTP-el\","), "protocol.bad_value"},
        {with("[\"KTP-el\",", "[\"\","), "protocol.bad_value"},
        {with("[\"KTP-el\",", "[7,"), "protocol.wrong_type"},
        {with("\"target\":\"85.00\"", "\"target\":\"101\""), "protocol.bad_value"},
        {with("\"target\":\"85.00\"", "\"target\":\"85.001\""), "protocol.bad_value"},
        {with("\"target\":\"85.00\"", "\"target\":\"x\""), "protocol.bad_value"},
        {with("\"year\":2026", "\"year\":1999"), "protocol.bad_value"},
        {with("\"layanan\":\"KTP-el\",\"target\"", "\"layanan\":\"Nikah\",\"target\""), "protocol.bad_value"},
        {with("\"version\":1", "\"version\":0"), "protocol.bad_value"},
        {with("\"targets\":[", "\"targetz\":["), "protocol.missing_field"},
    };
    for (const auto& [body, key] : cases) {
        const auto decoded = decode_config(body);
        ASSERT_TRUE(std::holds_alternative<ProtocolError>(decoded)) << body;
        EXPECT_EQ(std::get<ProtocolError>(decoded).key, key) << body;
    }
}

TEST(ConfigProtocol, SettingsTheHubMayChangeTravelAndAreOptional) {
    auto config = sample_config(4);
    EXPECT_EQ(encode_config(config).find("settings"), std::string::npos);  // none: the member is left out
    config.settings = {{"min_n", "10"}};
    const std::string body = encode_config(config);
    EXPECT_NE(body.find("\"settings\":{\"min_n\":\"10\"}"), std::string::npos) << body;
    const auto decoded = decode_config(body);
    ASSERT_TRUE(std::holds_alternative<store::PublishedConfig>(decoded)) << std::get<ProtocolError>(decoded).key;
    EXPECT_EQ(std::get<store::PublishedConfig>(decoded).settings,
              (std::vector<std::pair<std::string, std::string>>{{"min_n", "10"}}));
}

TEST(ConfigProtocol, RefusesASettingTheHubMayNotChangeOrTheTableRefuses) {
    auto config = sample_config(4);
    config.settings = {{"min_n", "10"}};
    const std::string good = encode_config(config);
    auto with = [&](const std::string& to) {
        std::string s = good;
        const std::string from = "\"settings\":{\"min_n\":\"10\"}";
        return s.replace(s.find(from), from.size(), to);
    };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {with("\"settings\":{\"min_n\":\"1\"}"), "protocol.bad_value"},        // below the table's range
        {with("\"settings\":{\"min_n\":\"lima\"}"), "protocol.bad_value"},     // not a number
        {with("\"settings\":{\"min_n\":10}"), "protocol.wrong_type"},           // settings travel as text
        {with("\"settings\":{\"hub_url\":\"https://x.id\"}"), "protocol.bad_value"},  // staff only
        {with("\"settings\":{\"no_such\":\"1\"}"), "protocol.bad_value"},
        {with("\"settings\":[]"), "protocol.wrong_type"},
    };
    for (const auto& [body, key] : cases) {
        const auto decoded = decode_config(body);
        ASSERT_TRUE(std::holds_alternative<ProtocolError>(decoded)) << body;
        EXPECT_EQ(std::get<ProtocolError>(decoded).key, key) << body;
    }
}

TEST(ConfigProtocol, ConfigAddressSitsBesideTheBatchesAddress) {
    EXPECT_EQ(config_url_for("https://hub.example/api/v1/batches"), "https://hub.example/api/v1/config");
    EXPECT_EQ(config_url_for("https://hub.example/api/v1/batches/"), "https://hub.example/api/v1/config");
    EXPECT_EQ(config_url_for("https://hub.example/skm"), "https://hub.example/skm/config");
}

class DeviceDb : public ::testing::Test {
protected:
    void SetUp() override {
        store::StoreOptions options;
        options.path = dir.path() / "skm.db";
        db = std::make_unique<store::ResponseStore>(options, scheme(), clock);
        store::seed_layanan(db->connection(), {"KTP-el", "Akta Kelahiran", "Kartu Keluarga"});
    }
    std::vector<store::LayananEntry> layanan() { return store::layanan_entries(db->connection()); }
    std::int64_t audit_rows() { return store::query_int(db->connection(), "SELECT count(*) FROM audit_log WHERE actor = 'hub'"); }

    test::TempDir dir;
    store::ManualClock clock{scoring::Timestamp{{2026, 11, 23}, 9, 0, 0, 420}};
    std::unique_ptr<store::ResponseStore> db;
};

TEST_F(DeviceDb, ApplyingPutsThePublishedOrderFirstAndRetiresTheRestWithoutDeleting) {
    ASSERT_TRUE(store::apply_published_config(db->connection(), sample_config(1), "2026-11-23T09:00:00+07:00"));
    const auto entries = layanan();
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries[0].name, "KTP-el");
    EXPECT_EQ(entries[1].name, "Kartu Keluarga");
    EXPECT_EQ(entries[2].name, "Surat Pindah");
    EXPECT_TRUE(entries[0].active && entries[1].active && entries[2].active);
    EXPECT_EQ(entries[3].name, "Akta Kelahiran");
    EXPECT_FALSE(entries[3].active);
    EXPECT_EQ(store::active_layanan(db->connection()),
              (std::vector<std::string>{"KTP-el", "Kartu Keluarga", "Surat Pindah"}));
    EXPECT_EQ(store::target(db->connection(), 2026, ""), "85.00");
    EXPECT_EQ(store::target(db->connection(), 2026, "KTP-el"), "88.5");
    EXPECT_EQ(store::applied_config_version(db->connection()), 1);
    EXPECT_EQ(store::published_questionnaire(db->connection()), "permenpan-14-2017:1");
    EXPECT_EQ(audit_rows(), 1);
}

TEST_F(DeviceDb, OnlyANewerConfigIsApplied) {
    ASSERT_TRUE(store::apply_published_config(db->connection(), sample_config(5), "t"));
    auto older = sample_config(5);
    older.layanan = {"Nikah"};
    EXPECT_FALSE(store::apply_published_config(db->connection(), older, "t"));
    older.version = 4;
    EXPECT_FALSE(store::apply_published_config(db->connection(), older, "t"));
    EXPECT_EQ(store::active_layanan(db->connection()).front(), "KTP-el");
    EXPECT_EQ(audit_rows(), 1);
}

TEST_F(DeviceDb, AFailureHalfWayChangesNothing) {
    auto bad = sample_config(2);
    bad.layanan.push_back(std::string(300, 'x'));  // the layanan table's CHECK refuses it, after the others went in
    EXPECT_THROW(store::apply_published_config(db->connection(), bad, "t"), Error);
    const auto entries = layanan();
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[1].name, "Akta Kelahiran");
    EXPECT_TRUE(entries[1].active);
    EXPECT_EQ(store::applied_config_version(db->connection()), 0);
    EXPECT_FALSE(store::target(db->connection(), 2026, "").has_value());
    EXPECT_EQ(audit_rows(), 0);
}

// The hub's config endpoint behind a scripted network.
class ConfigHub final : public Transport {
public:
    HttpResult post_batch(const std::string&) override { return {true, 500, "", "not in this test"}; }
    HttpResult get_config(std::int64_t applied) override {
        asked_with.push_back(applied);
        HttpResult r = replies.empty() ? HttpResult{true, 204, "", ""} : replies.front();
        if (!replies.empty()) replies.pop_front();
        return r;
    }
    std::deque<HttpResult> replies;
    std::vector<std::int64_t> asked_with;
};

TEST_F(DeviceDb, EngineAppliesANewConfigThenAsksAgainOnlyWhenDue) {
    store::Outbox outbox(dir.path() / "skm.db", scheme());
    ConfigHub hub;
    hub.replies.push_back({true, 200, encode_config(sample_config(3)), ""});
    hub.replies.push_back({true, 304, "", ""});
    EngineOptions options;
    options.device_id = "kiosk-1";
    options.config_every_ms = 60'000;
    options.questionnaire = "permenpan-14-2017:1";
    SyncEngine engine(outbox, hub, scheme(), clock, [] { return 0.5; }, options);

    EXPECT_TRUE(engine.pull_config_if_due());
    EXPECT_EQ(engine.status().config_version, 3);
    EXPECT_FALSE(engine.status().last_error.has_value());
    EXPECT_EQ(store::active_layanan(db->connection()).back(), "Surat Pindah");

    EXPECT_FALSE(engine.pull_config_if_due());  // not due yet: the hub is not asked
    EXPECT_EQ(hub.asked_with.size(), 1u);
    clock.advance_ms(60'000);
    EXPECT_FALSE(engine.pull_config_if_due());  // 304
    EXPECT_EQ(hub.asked_with, (std::vector<std::int64_t>{0, 3}));
}

TEST_F(DeviceDb, EngineKeepsTheOldConfigWhenTheNewOneIsBadOrUnreachable) {
    store::Outbox outbox(dir.path() / "skm.db", scheme());
    ConfigHub hub;
    hub.replies.push_back({false, 0, "", "connection refused"});
    hub.replies.push_back({true, 200, "{\"protocol\":1,\"config_version\":9}", ""});
    hub.replies.push_back({true, 401, "", ""});
    EngineOptions options;
    options.config_every_ms = 60'000;
    SyncEngine engine(outbox, hub, scheme(), clock, [] { return 0.5; }, options);
    const auto before = layanan();

    EXPECT_FALSE(engine.pull_config_if_due());
    ASSERT_TRUE(engine.status().last_error.has_value());
    EXPECT_EQ(engine.status().last_error->key, "sync.unreachable");
    EXPECT_EQ(engine.status().consecutive_failures, 1);

    EXPECT_FALSE(engine.pull_config_if_due());  // a failed ask is retried at once (after the worker's backoff)
    ASSERT_TRUE(engine.status().last_error.has_value());
    EXPECT_EQ(engine.status().last_error->key, "sync.config_rejected");
    EXPECT_EQ(engine.status().consecutive_failures, 0);

    clock.advance_ms(60'000);
    EXPECT_FALSE(engine.pull_config_if_due());
    EXPECT_EQ(engine.status().last_error->key, "sync.unauthorized");

    const auto after = layanan();
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        EXPECT_EQ(after[i].name, before[i].name);
        EXPECT_EQ(after[i].active, before[i].active);
    }
    EXPECT_EQ(store::applied_config_version(db->connection()), 0);
}

TEST_F(DeviceDb, EngineWarnsWhenTheHubExpectsAnotherQuestionnaire) {
    store::Outbox outbox(dir.path() / "skm.db", scheme());
    ConfigHub hub;
    auto config = sample_config(1);
    config.questionnaire_version = 2;
    hub.replies.push_back({true, 200, encode_config(config), ""});
    EngineOptions options;
    options.questionnaire = "permenpan-14-2017:1";
    SyncEngine engine(outbox, hub, scheme(), clock, [] { return 0.5; }, options);
    EXPECT_TRUE(engine.pull_config_if_due());
    ASSERT_TRUE(engine.status().last_error.has_value());
    EXPECT_EQ(engine.status().last_error->key, "sync.questionnaire_mismatch");
    EXPECT_EQ(test::arg(*engine.status().last_error, "expected"), "permenpan-14-2017:2");
    // The next round's download (nothing offered) keeps the warning on the Status tab.
    EXPECT_FALSE(engine.download().failed);
    ASSERT_TRUE(engine.status().last_error.has_value());
    EXPECT_EQ(engine.status().last_error->key, "sync.questionnaire_mismatch");
}

}  // namespace
}  // namespace skm::sync
