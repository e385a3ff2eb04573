// The hub's alerts: the same stream gives the same alert ids at the kiosk
// (kiosk/core/live_alerts over its own database) and at the hub
// (hub/alerts/hub_alerts over what the kiosk uploaded), and the alert store's
// contract on SQLite and PostgreSQL: an alert stored once, one outbox row per
// (alert, recipient) however often it is found, recipients added and removed.
#include "alert_test_support.hpp"
#include "hub/alerts/hub_alerts.hpp"
#include "hub/open_hub_store.hpp"
#include "kiosk/core/live_alerts.hpp"
#include "tests/kiosk/seeded_drop.hpp"
#include "tests/support/temp_dir.hpp"

#include <set>

namespace skm::hub::alerts {
namespace {

using namespace skm::hub::alerts::testing;
using skm::hub::testing::Backend;
using skm::hub::testing::BackendDb;

const scoring::LocalDate kToday{2026, 6, 5};

TEST(HubAlertsAgainstKiosk, SameIdsAtTheKioskAndTheHubForTheSameStream) {
    // A real drop on KTP-el (90 good days, then 40 bad responses) and a run of
    // ones on SKTM, stored at the kiosk and uploaded to the hub in batches.
    auto stream = skm::test::seeded_drop("KTP-el", 40, "antrian lama");
    for (auto& s : ones_run("sktm-", "SKTM", 6)) stream.push_back(std::move(s));

    skm::test::TempDir dir;
    store::ManualClock clock{scoring::Timestamp{kToday, 10, 0, 0, 420}};
    store::StoreOptions options;
    options.path = dir.path() / "skm.db";
    store::ResponseStore kiosk_db(options, scheme(), clock);
    kiosk_db.import(stream);
    std::set<std::string> kiosk_ids;
    for (const auto& a : kiosk::open_alerts(kiosk_db, kToday, 5)) kiosk_ids.insert(a.alert.id);

    BackendDb db(Backend::sqlite);
    auto hub = db.open(scheme());
    for (std::size_t i = 0; i < stream.size(); i += 500) {
        const auto end = std::min(stream.size(), i + 500);
        ingest(*hub, "kiosk-1", "Kecamatan A", {stream.begin() + static_cast<std::ptrdiff_t>(i), stream.begin() + static_cast<std::ptrdiff_t>(end)},
               "b" + std::to_string(i));
    }
    auto alert_store = AlertStore::open(db.db());
    std::set<std::string> hub_ids;
    for (const auto& a : find_alerts(*alert_store, scheme(), kToday, scoring::AlertThresholds{}, 5)) {
        EXPECT_EQ(a.kecamatan, "Kecamatan A");
        hub_ids.insert(a.alert_id);
    }

    EXPECT_EQ(hub_ids, kiosk_ids);
    // Both rules fired: a drop on KTP-el and the run of ones on SKTM, whose
    // window begins with the first SKTM response (the rule's documented id form).
    EXPECT_TRUE(hub_ids.count("ones:pengaduan:SKTM:sktm-0")) << ::testing::PrintToString(hub_ids);
    EXPECT_EQ(std::count_if(hub_ids.begin(), hub_ids.end(), [](const std::string& id) { return id.rfind("drop:KTP-el:KTP-el-r", 0) == 0; }), 1);
}

TEST(HubAlertsAgainstKiosk, DropFiguresOnlyForAWindowOfAtLeastMinN) {
    BackendDb db(Backend::sqlite);
    auto hub = db.open(scheme());
    ingest(*hub, "kiosk-1", "Kecamatan A", skm::test::seeded_drop("KTP-el", 40, ""), "b1");
    auto alert_store = AlertStore::open(db.db());
    const auto shown = find_alerts(*alert_store, scheme(), kToday, scoring::AlertThresholds{}, 30);
    ASSERT_EQ(shown.size(), 1u);
    ASSERT_TRUE(shown[0].now_ikm && shown[0].before_ikm);
    // The drop goes from IKM ~79 to ~70.5 (bench/alert_simulation.hpp): the
    // window's figure is well below the baseline's.
    EXPECT_LT(std::stod(*shown[0].now_ikm) + 5, std::stod(*shown[0].before_ikm));
    EXPECT_EQ(shown[0].respondents, 30);
    EXPECT_EQ(shown[0].since.substr(0, 10), "2026-05-29");
    const auto hidden = find_alerts(*alert_store, scheme(), kToday, scoring::AlertThresholds{}, 31);
    ASSERT_EQ(hidden.size(), 1u);
    EXPECT_FALSE(hidden[0].now_ikm.has_value());
    EXPECT_FALSE(hidden[0].before_ikm.has_value());
}

class AlertStoreContract : public ::testing::TestWithParam<Backend> {
protected:
    AlertStoreContract() : db_(GetParam()), hub_(db_.open(scheme())), store_(AlertStore::open(db_.db())) {}

    HubAlert alert(const std::string& id) const {
        return HubAlert{id, "Kecamatan A", "KTP-el", "ones", "pengaduan", "2026-06-05T09:00:00+07:00", 8, 5,
                        std::nullopt, std::nullopt, "2026-06-05T10:00:00+07:00"};
    }
    static std::vector<OutboxRow> one_row_each(const HubAlert& a, const std::vector<Recipient>& recipients) {
        std::vector<OutboxRow> rows;
        for (const auto& r : recipients) {
            OutboxRow row;
            row.alert_id = a.alert_id;
            row.channel = r.channel;
            row.address = r.address;
            row.kecamatan = a.kecamatan;
            row.digest = r.digest;
            row.subject = "s";
            row.body = "b";
            row.queued_at = a.found_at;
            row.queued_s = 100;
            row.next_attempt_s = 100;
            rows.push_back(row);
        }
        return rows;
    }

    BackendDb db_;
    std::unique_ptr<HubStore> hub_;
    std::unique_ptr<AlertStore> store_;
};

TEST_P(AlertStoreContract, AnAlertIsStoredOnceWithOneOutboxRowPerRecipient) {
    ASSERT_TRUE(store_->add_recipient({"Kecamatan A", Channel::email, "camat@a.go.id", false, "t", "admin"}));
    ASSERT_TRUE(store_->add_recipient({"Kecamatan A", Channel::telegram, "-100123", true, "t", "admin"}));
    ASSERT_TRUE(store_->add_recipient({"Kecamatan B", Channel::email, "camat@b.go.id", false, "t", "admin"}));
    EXPECT_FALSE(store_->add_recipient({"Kecamatan A", Channel::email, "camat@a.go.id", true, "t", "admin"}));

    const HubAlert a = alert("ones:pengaduan:KTP-el:r0");
    EXPECT_TRUE(store_->add_alert(a, [&](const auto& r) { return one_row_each(a, r); }));
    EXPECT_FALSE(store_->add_alert(a, [&](const auto& r) { return one_row_each(a, r); }));  // found again next round
    EXPECT_EQ(db_.count("SELECT count(*) FROM hub_alerts"), 1);
    EXPECT_EQ(db_.count("SELECT count(*) FROM alert_outbox"), 2);  // Kecamatan A's two recipients, not B's
    EXPECT_EQ(db_.count("SELECT count(*) FROM alert_outbox WHERE address = '-100123' AND digest = 1"), 1);

    const auto pending = store_->pending();
    ASSERT_EQ(pending.size(), 2u);
    store_->mark_failed(pending[0], "2026-06-05T10:01:00+07:00", "HTTP 503", 160);
    store_->mark_sent(pending[1], "2026-06-05T10:01:00+07:00");
    store_->mark_sent(pending[1], "2026-06-05T10:09:00+07:00");  // a second mark keeps the first
    const auto left = store_->pending();
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].attempts, 1);
    EXPECT_EQ(left[0].next_attempt_s, 160);
    EXPECT_EQ(left[0].last_error, "HTTP 503");
    EXPECT_EQ(db_.count("SELECT count(*) FROM alert_outbox WHERE sent_at = '2026-06-05T10:01:00+07:00'"), 1);
    EXPECT_EQ(store_->deliveries(10).size(), 2u);

    ASSERT_EQ(store_->alerts(std::string("Kecamatan A"), "2026-06-01").size(), 1u);
    EXPECT_TRUE(store_->alerts(std::string("Kecamatan B"), "2026-06-01").empty());
    EXPECT_TRUE(store_->alerts(std::nullopt, "2026-06-06").empty());  // begun before the day asked for
}

TEST_P(AlertStoreContract, RecipientsAreListedByKecamatanAndRemoved) {
    store_->add_recipient({"Kecamatan B", Channel::email, "b@b.go.id", false, "t", "admin"});
    store_->add_recipient({"Kecamatan A", Channel::telegram, "@kantor_a", true, "t", "admin"});
    const auto all = store_->recipients();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].kecamatan, "Kecamatan A");
    EXPECT_TRUE(all[0].digest);
    EXPECT_EQ(all[0].channel, Channel::telegram);
    const HubAlert a = alert("ones:pengaduan:KTP-el:r0");
    store_->add_alert(a, [&](const auto& r) { return one_row_each(a, r); });
    ASSERT_EQ(store_->pending().size(), 1u);
    EXPECT_TRUE(store_->remove_recipient("Kecamatan A", Channel::telegram, "@kantor_a"));
    EXPECT_TRUE(store_->pending().empty());  // its waiting message goes with it
    EXPECT_FALSE(store_->remove_recipient("Kecamatan A", Channel::telegram, "@kantor_a"));
    EXPECT_EQ(db_.count("SELECT count(*) FROM alert_recipients"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AlertStoreContract, SKM_ALL_HUB_BACKENDS);

}  // namespace
}  // namespace skm::hub::alerts
