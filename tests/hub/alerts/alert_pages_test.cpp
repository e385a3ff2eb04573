// The dashboard's live alerts: a kecamatan's page and the overview show what
// the hub found (what, since when, which unsur), an admin sets recipients per
// kecamatan (audited; a bad address refused and nothing stored; viewers
// cannot), and the devices page shows each delivery's state and last error.
// The pages are also written with their stylesheet under
// test-artifacts/hub-alerts for a look in headless chromium.
#include "alert_test_support.hpp"
#include "hub/alerts/alert_worker.hpp"
#include "tests/hub/web/web_test_support.hpp"

#include <gtest/gtest.h>

namespace skm::hub::web::testing {
namespace {

using skm::hub::alerts::AlertStore;
using skm::hub::alerts::AlertWorker;
using skm::hub::alerts::AlertWorkerOptions;

// Saves a page with its stylesheet inlined, for a screenshot.
void keep_for_screenshot(const std::string& name, const std::string& html) {
    const fs::path dir = fs::path(SKM_BINARY_DIR) / "test-artifacts" / "hub-alerts";
    fs::create_directories(dir);
    std::string page = html;
    const auto link = page.find("<link rel=\"stylesheet\"");
    if (link != std::string::npos) {
        const auto end = page.find('>', link);
        page.replace(link, end + 1 - link, "<style>" + assets().stylesheet() + "</style>");
    }
    std::ofstream(dir / (name + ".html")) << page;
}

class HubAlertPages : public ::testing::Test {
protected:
    void SetUp() override {
        add_admin_viewer_and_kiosk(hub);
        hub.enroll("kiosk-2", "Cibodas");
        // To 2026-06-05 10:00 WIB, the day of the responses.
        hub.clock.advance_ms((scoring::unix_seconds({{2026, 6, 5}, 10, 0, 0, 420}) -
                              scoring::unix_seconds(hub.clock.wall_now())) * 1000);
        alert_store = AlertStore::open(hub.db());
        hub.app().alerts = alert_store.get();
    }
    void find_alerts_now(alerts::AlertDelivery delivery = {}) {
        AlertWorker worker(*alert_store, scheme(), catalog(), [](std::string_view code) { return std::string(code); },
                           hub.clock, std::move(delivery), AlertWorkerOptions{}, [](const Problem&) {});
        worker.run_once();
    }

    WebHub hub;
    std::unique_ptr<AlertStore> alert_store;
};

TEST_F(HubAlertPages, KecamatanPageAndOverviewShowWhatSinceWhenAndWhichUnsur) {
    hub.ingest("kiosk-1", "Sukamaju", alerts::testing::ones_run("r", "KTP-el", 5));
    hub.ingest("kiosk-2", "Cibodas", alerts::testing::ones_run("c", "SKTM", 3));  // no alert: 3 ones
    Browser viewer = sign_in(hub, "viewer", kViewerPassword);
    Reply page = viewer.get("/kecamatan?name=Sukamaju&period=2026");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("id=\"no-alerts\""), std::string::npos);  // nothing found yet

    find_alerts_now();
    page = viewer.get("/kecamatan?name=Sukamaju&period=2026");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("data-alert-id=\"ones:pengaduan:KTP-el:r0\""), std::string::npos) << page.body;
    EXPECT_NE(page.body.find("KTP-el di Sukamaju: 5 jawaban &quot;1&quot; untuk unsur"), std::string::npos) << page.body;
    EXPECT_NE(page.body.find("<td>2026-06-05 09:00</td>"), std::string::npos);
    EXPECT_EQ(page.body.find("id=\"no-alerts\""), std::string::npos);
    keep_for_screenshot("kecamatan", page.body);

    const Reply other = viewer.get("/kecamatan?name=Cibodas&period=2026");
    EXPECT_EQ(other.body.find("data-alert-id="), std::string::npos);

    const Reply overview = viewer.get("/overview?period=2026");
    ASSERT_EQ(overview.status, 200);
    EXPECT_NE(overview.body.find("data-alert-id=\"ones:pengaduan:KTP-el:r0\""), std::string::npos);
    EXPECT_NE(overview.body.find("<a href=\"/kecamatan?name=Sukamaju\">Sukamaju</a>"), std::string::npos);
    keep_for_screenshot("overview", overview.body);

    // Thirty days on, the alert is no longer listed.
    hub.clock.advance_ms(31LL * 86'400 * 1000);
    EXPECT_EQ(viewer.get("/overview?period=2026").body.find("data-alert-id="), std::string::npos);
}

TEST_F(HubAlertPages, AdminSetsRecipientsPerKecamatanAuditedViewersCannot) {
    Browser viewer = sign_in(hub, "viewer", kViewerPassword);
    EXPECT_EQ(viewer.get("/alerts").status, 403);
    EXPECT_EQ(viewer.post("/alerts", {{"kecamatan", "Sukamaju"}, {"channel", "email"}, {"address", "a@b.go.id"}}).status, 403);

    Browser admin = sign_in(hub, "admin", kAdminPassword);
    ASSERT_EQ(admin.get("/alerts").status, 200);
    Reply r = admin.post("/alerts", {{"action", "add"}, {"kecamatan", "Sukamaju"}, {"channel", "email"},
                                     {"address", "camat@sukamaju.go.id"}, {"digest", "0"}});
    EXPECT_EQ(r.status, 200) << r.body;
    r = admin.post("/alerts", {{"action", "add"}, {"kecamatan", "Sukamaju"}, {"channel", "telegram"},
                               {"address", "-1001234567890"}, {"digest", "1"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("-1001234567890"), std::string::npos);
    keep_for_screenshot("recipients", r.body);
    EXPECT_EQ(hub.count("SELECT count(*) FROM alert_recipients WHERE kecamatan = 'Sukamaju' AND channel = 'telegram' "
                        "AND address = '-1001234567890' AND digest = 1 AND added_by = 'admin'"),
              1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'alert_recipient_add' AND username = 'admin'"), 2);

    // A header-injecting address and a chat id that is no number: refused, nothing stored.
    r = admin.post("/alerts", {{"kecamatan", "Sukamaju"}, {"channel", "email"}, {"address", "a@b.go.id\r\nBcc: x@y.id"}});
    EXPECT_EQ(r.status, 400);
    r = admin.post("/alerts", {{"kecamatan", "Sukamaju"}, {"channel", "telegram"}, {"address", "12ab"}});
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(hub.count("SELECT count(*) FROM alert_recipients"), 2);
    r = admin.post("/alerts", {{"action", "add"}, {"kecamatan", "Sukamaju"}, {"channel", "email"}, {"address", "camat@sukamaju.go.id"}});
    EXPECT_EQ(r.status, 409);

    r = admin.post("/alerts", {{"action", "remove"}, {"kecamatan", "Sukamaju"}, {"channel", "email"}, {"address", "camat@sukamaju.go.id"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(hub.count("SELECT count(*) FROM alert_recipients"), 1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'alert_recipient_remove' AND "
                        "detail = 'Sukamaju email camat@sukamaju.go.id'"),
              1);
}

TEST_F(HubAlertPages, DevicesPageShowsEachDeliveryWithItsLastError) {
    alert_store->add_recipient({"Sukamaju", alerts::Channel::email, "camat@sukamaju.go.id", false, "t", "admin"});
    hub.ingest("kiosk-1", "Sukamaju", alerts::testing::ones_run("r", "KTP-el", 5));
    find_alerts_now();  // no SMTP server configured: the row waits with the reason
    Browser viewer = sign_in(hub, "viewer", kViewerPassword);
    const Reply page = viewer.get("/devices");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("id=\"deliveries\""), std::string::npos);
    EXPECT_NE(page.body.find("E-mail camat@sukamaju.go.id"), std::string::npos) << page.body;
    EXPECT_NE(page.body.find("gagal 1×, dicoba lagi 2026-06-05 10:01"), std::string::npos) << page.body;
    EXPECT_NE(page.body.find("server SMTP belum diatur"), std::string::npos);
    keep_for_screenshot("devices", page.body);
}

}  // namespace
}  // namespace skm::hub::web::testing
