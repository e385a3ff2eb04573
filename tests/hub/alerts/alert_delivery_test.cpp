// Delivering the hub's alerts through real servers on loopback: an e-mail to
// a local SMTP server (python3-aiosmtpd, STARTTLS required, a certificate of
// the test PKI) and a Telegram Bot API call to a local HTTPS endpoint, each
// exactly once and retried after a refused first attempt; a digest recipient's
// alerts in one message after the digest period; uploads not held up while
// the mail server hangs; the worker thread surviving a broken database.
#include "alert_test_support.hpp"
#include "formats/catalog.hpp"
#include "hub/alerts/alert_worker.hpp"
#include "tests/support/temp_dir.hpp"

#include <sqlite3.h>

#include <mutex>

namespace skm::hub::alerts {
namespace {

using namespace skm::hub::alerts::testing;
using skm::hub::testing::Backend;
using skm::hub::testing::BackendDb;

const formats::Catalog& indonesian() {
    static const auto c = formats::Catalog::load(fs::path(SKM_SOURCE_DIR) / "assets" / "i18n", "id");
    return c;
}

std::string unsur_code(std::string_view code) { return std::string(code); }

class HubAlertDelivery : public ::testing::Test {
protected:
    HubAlertDelivery() : db_(Backend::sqlite), hub_(db_.open(scheme())), store_(AlertStore::open(db_.db())) {
        options_.retry_base_s = 30;
        options_.limits.timeout_s = 20;
    }

    std::unique_ptr<AlertWorker> worker(alerts::AlertDelivery delivery) {
        return std::make_unique<AlertWorker>(*store_, scheme(), indonesian(), unsur_code, clock_, std::move(delivery), options_,
                                             [this](const Problem& p) {
                                                 const std::lock_guard lock(log_mutex_);
                                                 log_.push_back(p.key);
                                             });
    }
    SmtpConfig smtp(int port) const {
        return {"smtp://127.0.0.1:" + std::to_string(port), "", "", "skm-hub@kabupaten.go.id",
                skm::testing::test_pki().ca.string()};
    }
    TelegramConfig telegram(int port) const {
        return {"https://127.0.0.1:" + std::to_string(port), "123456:TEST-token", skm::testing::test_pki().ca.string()};
    }
    void advance_s(std::int64_t s) { clock_.advance_ms(s * 1000); }

    skm::test::TempDir dir_;
    BackendDb db_;
    std::unique_ptr<HubStore> hub_;
    std::unique_ptr<AlertStore> store_;
    store::ManualClock clock_{scoring::Timestamp{{2026, 6, 5}, 10, 0, 0, 420}};
    AlertWorkerOptions options_;
    std::mutex log_mutex_;
    std::vector<std::string> log_;
};

TEST_F(HubAlertDelivery, EmailOverStarttlsExactlyOnceAfterARefusedFirstAttempt) {
    LocalServer mail("smtp_server.py", "refuse-first", dir_.path() / "smtp");
    ingest(*hub_, "kiosk-1", "Kecamatan A", ones_run("r", "KTP-el", 5), "b1");
    store_->add_recipient({"Kecamatan A", Channel::email, "camat@kec-a.go.id", false, "t", "admin"});
    auto w = worker({smtp(mail.port()), std::nullopt});

    w->run_once();  // found, queued, refused (451)
    EXPECT_TRUE(mail.received().empty());
    auto pending = store_->pending();
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].attempts, 1);
    ASSERT_TRUE(pending[0].last_error);
    EXPECT_NE(pending[0].last_error->find("451"), std::string::npos) << *pending[0].last_error;

    w->run_once();  // before the retry time: nothing sent
    EXPECT_TRUE(mail.received().empty());
    advance_s(31);
    w->run_once();  // retried: delivered
    advance_s(3600);
    w->run_once();  // and never again, though the alert is found again each round
    w->run_once();

    const auto got = mail.received();
    ASSERT_EQ(got.size(), 1u);
    EXPECT_TRUE(got[0]["tls"].get<bool>());  // STARTTLS before MAIL
    EXPECT_EQ(got[0]["rcpt_tos"], nlohmann::json::array({"camat@kec-a.go.id"}));
    EXPECT_EQ(got[0]["mail_from"], "skm-hub@kabupaten.go.id");
    EXPECT_EQ(got[0]["subject"], "Peringatan SKM: Kecamatan A · KTP-el");
    const std::string body = got[0]["body"];
    EXPECT_NE(body.find("KTP-el di Kecamatan A: 5 jawaban \"1\" untuk unsur pengaduan dalam 5 responden terakhir."),
              std::string::npos)
        << body;
    EXPECT_NE(body.find("Sejak 2026-06-05 09:00"), std::string::npos) << body;
    EXPECT_NE(body.find("Kode peringatan: ones:pengaduan:KTP-el:r0"), std::string::npos) << body;
    EXPECT_TRUE(store_->pending().empty());
    EXPECT_EQ(db_.count("SELECT count(*) FROM alert_outbox WHERE sent_at IS NOT NULL AND attempts = 2"), 1);
}

TEST_F(HubAlertDelivery, TelegramWebhookExactlyOnceAfterARefusedFirstAttempt) {
    LocalServer bot("telegram_server.py", "refuse-first", dir_.path() / "telegram");
    ingest(*hub_, "kiosk-1", "Kecamatan A", ones_run("r", "KTP-el", 5), "b1");
    store_->add_recipient({"Kecamatan A", Channel::telegram, "-1001234567890", false, "t", "admin"});
    auto w = worker({std::nullopt, telegram(bot.port())});

    w->run_once();
    EXPECT_TRUE(bot.received().empty());
    ASSERT_EQ(store_->pending().size(), 1u);
    EXPECT_EQ(store_->pending()[0].last_error, "pengiriman peringatan gagal: HTTP 503: Service Unavailable: retry later");
    advance_s(31);
    w->run_once();
    advance_s(3600);
    w->run_once();

    const auto got = bot.received();
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0]["path"], "/bot123456:TEST-token/sendMessage");
    EXPECT_EQ(got[0]["content_type"], "application/json");
    EXPECT_EQ(got[0]["body"]["chat_id"], -1001234567890);  // a group's id, as a number
    const std::string text = got[0]["body"]["text"];
    EXPECT_EQ(text.rfind("Peringatan SKM: Kecamatan A · KTP-el\n\n", 0), 0u) << text;
    EXPECT_NE(text.find("Kode peringatan: ones:pengaduan:KTP-el:r0"), std::string::npos) << text;
    EXPECT_TRUE(store_->pending().empty());
}

TEST_F(HubAlertDelivery, DigestRecipientGetsTheDaysAlertsInOneMessage) {
    LocalServer bot("telegram_server.py", "ok", dir_.path() / "telegram");
    store_->add_recipient({"Kecamatan A", Channel::telegram, "@kantor_kec_a", true, "t", "admin"});
    store_->add_recipient({"Kecamatan A", Channel::telegram, "777", false, "t", "admin"});
    auto w = worker({std::nullopt, telegram(bot.port())});
    ingest(*hub_, "kiosk-1", "Kecamatan A", ones_run("a", "KTP-el", 5), "b1");
    w->run_once();
    advance_s(3 * 3600);
    ingest(*hub_, "kiosk-1", "Kecamatan A", ones_run("b", "SKTM", 5), "b2");
    w->run_once();
    // The immediate recipient has both; the digest recipient nothing yet.
    ASSERT_EQ(bot.received().size(), 2u);
    advance_s(21 * 3600);
    w->run_once();  // a day after the first alert: one digest with both
    advance_s(86'400);
    w->run_once();
    const auto got = bot.received();
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got[2]["body"]["chat_id"], "@kantor_kec_a");
    const std::string text = got[2]["body"]["text"];
    EXPECT_EQ(text.rfind("Ringkasan harian peringatan SKM: 2 peringatan", 0), 0u) << text;
    EXPECT_NE(text.find("ones:pengaduan:KTP-el:a0"), std::string::npos) << text;
    EXPECT_NE(text.find("ones:pengaduan:SKTM:b0"), std::string::npos) << text;
}

TEST_F(HubAlertDelivery, UploadsAreNotHeldUpWhileTheSmtpServerHangs) {
    LocalServer mail("smtp_server.py", "hang", dir_.path() / "smtp");
    ingest(*hub_, "kiosk-1", "Kecamatan A", ones_run("r", "KTP-el", 5), "b1");
    store_->add_recipient({"Kecamatan A", Channel::email, "camat@kec-a.go.id", false, "t", "admin"});
    options_.interval_s = 1;
    options_.limits.timeout_s = 60;
    auto w = worker({smtp(mail.port()), std::nullopt});
    w->start();
    ASSERT_TRUE(wait_until([&] { return mail.accepted() > 0; })) << "the worker never reached the mail server";
    // The worker now waits for a greeting that never comes; kiosks keep uploading.
    for (int i = 0; i < 5; ++i) {
        const auto started = std::chrono::steady_clock::now();
        ingest(*hub_, "kiosk-1", "Kecamatan A", ones_run("up" + std::to_string(i) + "-", "SKTM", 20), "u" + std::to_string(i));
        EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
    }
    EXPECT_EQ(hub_->response_count(), 105);
    EXPECT_EQ(mail.accepted(), 1u);  // still the one transfer, still hanging
    const auto stopping = std::chrono::steady_clock::now();
    w->stop();  // ends the hanging transfer rather than waiting out its timeout
    EXPECT_LT(std::chrono::steady_clock::now() - stopping, std::chrono::seconds(10));
    ASSERT_EQ(store_->pending().size(), 1u);
    EXPECT_EQ(store_->pending()[0].attempts, 1);  // kept, to be tried again
}

TEST_F(HubAlertDelivery, WorkerThreadSurvivesABrokenDatabaseAndLogsIt) {
    ingest(*hub_, "kiosk-1", "Kecamatan A", ones_run("r", "KTP-el", 5), "b1");
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db_.db().c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "DROP TABLE hub_alerts", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);
    options_.interval_s = 1;
    auto w = worker({std::nullopt, std::nullopt});
    w->start();
    ASSERT_TRUE(wait_until([&] {
        const std::lock_guard lock(log_mutex_);
        return log_.size() >= 2;  // two rounds failed, each logged; the program goes on
    }));
    w->stop();
    const std::lock_guard lock(log_mutex_);
    EXPECT_EQ(log_[0].rfind("store.", 0), 0u) << log_[0];
}

}  // namespace
}  // namespace skm::hub::alerts
