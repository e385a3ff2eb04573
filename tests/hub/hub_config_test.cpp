// Config publish and pull over real HTTPS: the kiosk's engine and libcurl
// transport fetch what the hub published for their kecamatan, apply it to
// the device database in one go, are answered 304 once current, and a
// revoked token gets nothing.
#include "hub/config_api.hpp"
#include "hub_test_support.hpp"
#include "store/office_data.hpp"
#include "store/published_config.hpp"

#include <gtest/gtest.h>

namespace skm::hub::testing {
namespace {

store::PublishedConfig config_with(std::vector<std::string> layanan, std::string target) {
    store::PublishedConfig c;
    c.layanan = std::move(layanan);
    c.questionnaire_id = "permenpan-14-2017";
    c.questionnaire_version = 1;
    c.targets = {{2025, "", std::move(target)}};
    return c;
}

std::vector<std::string> kiosk_layanan(const Kiosk& kiosk) {
    store::Connection c(kiosk.db().string(), SQLITE_OPEN_READONLY);
    return store::active_layanan(c);
}

class HubConfig : public ::testing::TestWithParam<Backend> {};
INSTANTIATE_TEST_SUITE_P(Backends, HubConfig, SKM_ALL_HUB_BACKENDS);

TEST_P(HubConfig, AKioskPullsItsKecamatansConfigOverHttpsAndAppliesItOnce) {
    TestHub hub(GetParam());
    const std::string token = hub.enroll("kiosk-1", "Sukamaju");
    const auto all = hub.store().publish_config(config_with({"KTP-el", "KK"}, "80.00"), "", "2025-07-01T08:00:00+07:00");
    const auto own = hub.store().publish_config(config_with({"KTP-el", "SKTM", "Pindah"}, "86.50"), "Sukamaju",
                                                "2025-07-01T08:05:00+07:00");
    hub.store().publish_config(config_with({"Nikah"}, "90"), "Sukamakmur", "2025-07-01T08:10:00+07:00");
    EXPECT_EQ(all, 1);
    EXPECT_EQ(own, 2);

    Kiosk kiosk({});
    sync::CurlTransport transport(transport_to(hub, token));
    KioskSync sync(kiosk, transport, 100, "kiosk-1");
    ASSERT_TRUE(sync.engine.pull_config_if_due())
        << (sync.engine.status().last_error ? sync.engine.status().last_error->key : "");
    EXPECT_EQ(sync.engine.status().config_version, 2);
    EXPECT_EQ(kiosk_layanan(kiosk), (std::vector<std::string>{"KTP-el", "SKTM", "Pindah"}));
    {
        store::Connection c(kiosk.db().string(), SQLITE_OPEN_READONLY);
        EXPECT_EQ(store::target(c, 2025, ""), "86.50");
    }

    // Current now: the hub answers 304 and nothing changes.
    auto again = transport.get_config(2);
    EXPECT_TRUE(again.connected);
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());

    // A newer all-kecamatan publication reaches this kecamatan too.
    hub.store().publish_config(config_with({"KTP-el", "Akta"}, "82.00"), "", "2025-07-02T08:00:00+07:00");
    kiosk.clock.advance_ms(16 * 60'000);
    ASSERT_TRUE(sync.engine.pull_config_if_due());
    EXPECT_EQ(sync.engine.status().config_version, 4);
    EXPECT_EQ(kiosk_layanan(kiosk), (std::vector<std::string>{"KTP-el", "Akta"}));
}

TEST_P(HubConfig, NothingPublishedIsNoContentAndABadHaveIsRefused) {
    TestHub hub(GetParam());
    const std::string token = hub.enroll("kiosk-1", "Sukamaju");
    sync::CurlTransport transport(transport_to(hub, token));
    const auto none = transport.get_config(0);
    EXPECT_EQ(none.status, 204);
    const Device device{"kiosk-1", "Sukamaju", "", std::nullopt, std::nullopt};
    EXPECT_EQ(config_reply(hub.store(), device, std::string("x1")).status, 400);
    EXPECT_EQ(config_reply(hub.store(), device, std::string("-1")).status, 400);
    EXPECT_EQ(config_reply(hub.store(), device, std::nullopt).status, 204);
}

TEST_P(HubConfig, ARevokedOrUnknownTokenGetsNoConfig) {
    TestHub hub(GetParam());
    const std::string token = hub.enroll("kiosk-1", "Sukamaju");
    hub.store().publish_config(config_with({"KTP-el"}, "80"), "", "2025-07-01T08:00:00+07:00");
    hub.store().revoke_device("kiosk-1", "2025-07-01T08:30:00+07:00");
    for (const std::string& t : {token, std::string("not-a-token")}) {
        sync::CurlTransport transport(transport_to(hub, t));
        const auto reply = transport.get_config(0);
        EXPECT_EQ(reply.status, 401);
        EXPECT_EQ(reply.body.find("KTP-el"), std::string::npos);
    }
}

}  // namespace
}  // namespace skm::hub::testing
