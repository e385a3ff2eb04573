// The phone survey of a one-time link (#21) over real HTTPS: a link a kiosk
// made (its key registered through the real sync path) is answered once and
// counted in the kecamatan's IKM at GET /api/v1/ikm; reuse, expiry, an altered
// or forged signature, another kiosk's key, a revoked kiosk and an incomplete
// form are refused with nothing stored (rows counted behind the store's back);
// the page speaks id, en and jv and carries the questionnaire's questions.
#include "tests/hub/web/web_test_support.hpp"

#include "hub/link_check.hpp"
#include "store/response_store.hpp"
#include "store/setting_keys.hpp"
#include "sync/engine.hpp"
#include "sync/link_keys.hpp"
#include "sync/transport.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace skm::hub::web::testing {
namespace {

using nlohmann::json;

const std::string kResponses = "SELECT count(*) FROM responses";
const std::string kUsed = "SELECT count(*) FROM used_links";

class LinkSurvey : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        hub.enroll("kiosk-1", "Sukamaju");
        hub.enroll("kiosk-2", "Sukamakmur");
        key1 = sync::new_link_secret_key();
        key2 = sync::new_link_secret_key();
        hub.hub().set_link_key("kiosk-1", sync::encode_link_public_key(sync::public_key_of(key1)));
        hub.hub().set_link_key("kiosk-2", sync::encode_link_public_key(sync::public_key_of(key2)));
    }

    std::int64_t now() { return scoring::unix_seconds(hub.clock.wall_now()); }

    std::string token(const std::string& device, const sync::LinkSecretKey& key, const std::string& layanan = "KTP-el",
                      std::int64_t valid_s = 2 * 86400) {
        return sync::make_link_token({device, sync::new_link_id(), "20250701", now() + valid_s, layanan}, key);
    }

    // Every unsur answered with `value`, and what else is given.
    static httplib::Params answers(int value, httplib::Params more = {}) {
        httplib::Params form = std::move(more);
        for (const auto& u : questionnaire().unsur) form.emplace("q_" + u.code, std::to_string(value));
        return form;
    }

    // GET the form, wait `read_ms` on the hub's clock, POST it with `form`.
    Reply answer(const std::string& link, httplib::Params form, std::int64_t read_ms = 90'000) {
        const Reply page = browser.get("/l/" + link);
        EXPECT_EQ(page.status, 200) << page.body;
        std::smatch m;
        static const std::regex kStarted(R"re(name="started" value="([0-9]+\.[0-9a-f]+)")re");
        if (std::regex_search(page.body, m, kStarted)) form.emplace("started", m[1]);
        hub.clock.advance_ms(read_ms);
        return browser.post("/l/" + link, form, false);
    }

    json ikm(const std::string& query) {
        httplib::SSLClient client("127.0.0.1", hub.port());
        client.set_ca_cert_path(skm::testing::test_pki().ca.c_str());
        client.enable_server_certificate_verification(true);
        const auto result = client.Get(("/api/v1/ikm" + query).c_str(), {{"Authorization", "Bearer " + hub.admin_token}});
        EXPECT_TRUE(result);
        EXPECT_EQ(result->status, 200) << result->body;
        return json::parse(result->body);
    }

    void expect_nothing_stored() {
        EXPECT_EQ(hub.count(kResponses), 0);
        EXPECT_EQ(hub.count(kUsed), 0);
    }

    WebHub hub{GetParam()};
    Browser browser{hub};
    sync::LinkSecretKey key1{}, key2{};
};

INSTANTIATE_TEST_SUITE_P(Backends, LinkSurvey, SKM_ALL_HUB_BACKENDS);

TEST_P(LinkSurvey, KioskMadeLinkIsAnsweredOnceAndCountedInTheKecamatansIkm) {
    // The kiosk's side as it runs: its database, its engine registering the
    // key over the authenticated sync, then a link from issue_link_url.
    const std::string token_text = hub.enroll("kiosk-3", "Cibodas");
    const std::string dir = skm::testing::make_temp_dir();
    store::ManualClock kiosk_clock{scoring::Timestamp{{2025, 7, 1}, 9, 0, 0, 420}};
    store::StoreOptions options;
    options.path = dir + "/skm.db";
    store::ResponseStore kiosk(options, scheme(), kiosk_clock);
    kiosk.set_setting(store::setting_key::kHubUrl, hub.batches_url());
    {
        store::Outbox outbox(options.path, scheme());
        sync::TransportOptions t;
        t.url = hub.batches_url();
        t.device_token = token_text;
        t.ca_file = skm::testing::test_pki().ca.string();
        sync::CurlTransport transport(t);
        sync::EngineOptions o;
        o.device_id = "name-the-kiosk-gives-itself";
        o.register_link_key = true;
        sync::SyncEngine engine(outbox, transport, scheme(), kiosk_clock, [] { return 0.5; }, o);
        EXPECT_FALSE(engine.drain().failed);
    }
    EXPECT_EQ(kiosk.setting(store::setting_key::kLinkDeviceId), "kiosk-3");  // the hub's name for it
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices WHERE device_id = 'kiosk-3' AND link_public_key IS NOT NULL"), 1);
    const std::string url = sync::issue_link_url(kiosk.connection(), std::string("KTP-el"), now());
    const std::string base = "https://127.0.0.1:" + std::to_string(hub.port()) + "/l/";
    ASSERT_EQ(url.substr(0, base.size()), base);
    const std::string link = url.substr(base.size());

    const Reply page = browser.get("/l/" + link);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find(questionnaire().unsur.front().question.at("id")), std::string::npos);
    EXPECT_NE(page.body.find("Kecamatan Cibodas"), std::string::npos);
    EXPECT_NE(page.body.find("KTP-el"), std::string::npos);
    EXPECT_EQ(page.body.find("<script"), std::string::npos);

    // Every unsur 3: NRR 3 for each, IKM 3 × 25 = 75.00; straight line, read for 90 s.
    const Reply done = answer(link, answers(3, {{"jenis_kelamin", "P"}, {"umur", "30-39"}, {"saran", "Antrean\r\nrapi"}}));
    EXPECT_EQ(done.status, 200) << done.body;
    EXPECT_NE(done.body.find("Terima kasih"), std::string::npos);
    EXPECT_EQ(hub.count(kResponses), 1);
    const auto rows = hub.rows("SELECT device_id, kecamatan, layanan, origin, channel, flags, jenis_kelamin, umur, "
                               "pendidikan, saran, batch_id, duration_ms FROM responses");
    ASSERT_EQ(rows.size(), 1u);
    const std::vector<std::optional<std::string>> want = {"kiosk-3", "Cibodas", "KTP-el", "hub", "link", "straight_line",
                                                          "P", "30-39", "", "Antrean\nrapi"};
    for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(rows[0].at(i), want[i]) << i;
    EXPECT_EQ(rows[0].at(10), "link:" + sync::parse_link_token(link)->link_id);
    EXPECT_EQ(rows[0].at(11), "90000");

    const json report = ikm("?period=2025&kecamatan=Cibodas");
    EXPECT_EQ(report["respondents"], 1);
    EXPECT_EQ(report["ikm"], "75.00");
    ASSERT_EQ(report["kecamatan"].size(), 1u);
    EXPECT_EQ(report["kecamatan"][0]["kecamatan"], "Cibodas");

    // Used: the form is not shown again, and a second submission stores nothing.
    const Reply again = browser.get("/l/" + link);
    EXPECT_EQ(again.status, 200);
    EXPECT_NE(again.body.find("sudah diisi"), std::string::npos);
    EXPECT_EQ(again.body.find("name=\"q_"), std::string::npos);
    const Reply second = browser.post("/l/" + link, answers(1), false);
    EXPECT_NE(second.body.find("sudah diisi"), std::string::npos);
    EXPECT_EQ(hub.count(kResponses), 1);
    EXPECT_EQ(hub.count(kUsed), 1);
    EXPECT_EQ(ikm("?period=2025&kecamatan=Cibodas")["ikm"], "75.00");
    std::filesystem::remove_all(dir);
}

TEST_P(LinkSurvey, QuickAnswersAreFlaggedAsTheKioskFlagsThem) {
    const std::string link = token("kiosk-1", key1);
    httplib::Params form = answers(4);
    form.erase("q_" + questionnaire().unsur.back().code);
    form.emplace("q_" + questionnaire().unsur.back().code, "2");
    const Reply done = answer(link, form, 5'000);  // 5 s: below min_duration_seconds' 15
    EXPECT_EQ(done.status, 200) << done.body;
    const auto rows = hub.rows("SELECT flags, duration_ms, submitted_at, local_date FROM responses");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].at(0), "too_fast");
    EXPECT_EQ(rows[0].at(1), "5000");
    EXPECT_EQ(rows[0].at(3), "2025-07-01");
}

TEST_P(LinkSurvey, ExpiredLinkIsRefusedWithNothingStored) {
    const std::string link = token("kiosk-1", key1, "KTP-el", 60);
    hub.clock.advance_ms(61'000);
    const Reply page = browser.get("/l/" + link);
    EXPECT_EQ(page.status, 410);
    EXPECT_NE(page.body.find("kedaluwarsa"), std::string::npos);
    const Reply post = browser.post("/l/" + link, answers(4), false);
    EXPECT_EQ(post.status, 410);
    expect_nothing_stored();
}

TEST_P(LinkSurvey, AlteredForgedOrOtherKeysLinksAreRefusedWithNothingStored) {
    const std::string good = token("kiosk-1", key1);
    std::vector<std::string> bad;
    std::string altered = good;
    altered.back() = altered.back() == 'A' ? 'B' : 'A';  // the signature
    bad.push_back(altered);
    altered = good;
    altered[good.find(".20250701.") + 8] = '2';  // the day: 20250702
    bad.push_back(altered);
    bad.push_back(token("kiosk-1", key2));                  // kiosk-2's key, naming kiosk-1
    bad.push_back(token("kiosk-1", sync::new_link_secret_key()));  // a key nobody registered
    bad.push_back(token("kiosk-9", key1));                  // a device the hub does not know
    bad.push_back("1.kiosk-1.not-a-link");
    for (const auto& link : bad) {
        SCOPED_TRACE(link);
        const Reply page = browser.get("/l/" + link);
        EXPECT_EQ(page.status, 404);
        EXPECT_NE(page.body.find("Tautan tidak sah"), std::string::npos);
        EXPECT_EQ(browser.post("/l/" + link, answers(4, {{"layanan", "KTP-el"}}), false).status, 404);
    }
    expect_nothing_stored();
    // The same link unaltered is fine.
    EXPECT_EQ(browser.get("/l/" + good).status, 200);
}

TEST_P(LinkSurvey, RevokedKioskTakesItsLinksWithIt) {
    const std::string link = token("kiosk-1", key1);
    EXPECT_EQ(browser.get("/l/" + link).status, 200);
    ASSERT_TRUE(hub.hub().revoke_device("kiosk-1", "2025-07-01T09:30:00+07:00"));
    const Reply page = browser.get("/l/" + link);
    EXPECT_EQ(page.status, 410);
    EXPECT_NE(page.body.find("tidak berlaku lagi"), std::string::npos);
    EXPECT_EQ(browser.post("/l/" + link, answers(4), false).status, 410);
    expect_nothing_stored();
    // Enrolled again with a new token: the old key is gone, and so are the old links.
    hub.hub().enroll("kiosk-1", "Sukamaju", token_hash(new_token()), "2025-07-01T10:00:00+07:00");
    EXPECT_EQ(browser.get("/l/" + link).status, 404);
    expect_nothing_stored();
}

TEST_P(LinkSurvey, IncompleteOrBadFormIsShownAgainWithNothingStored) {
    const std::string link = token("kiosk-1", key1);
    httplib::Params missing = answers(4);
    missing.erase("q_" + questionnaire().unsur[3].code);
    Reply r = answer(link, missing);
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find("Mohon jawab setiap pertanyaan"), std::string::npos);
    EXPECT_NE(r.body.find("value=\"4\" required checked"), std::string::npos);  // what was chosen stays chosen
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"umur", "17"}, {"pekerjaan", "Petani"}, {"saran", std::string(2001, 'x')}, {"saran", "\xff"},
             {"q_" + questionnaire().unsur[0].code, "5"}}) {
        httplib::Params form = answers(4);
        if (name.rfind("q_", 0) == 0) form.erase(name);
        form.emplace(name, value);
        EXPECT_EQ(browser.post("/l/" + link, form, false).status, 400) << name << "=" << value;
    }
    expect_nothing_stored();
}

TEST_P(LinkSurvey, LinkWithoutLayananOffersThePublishedListAndTakesOnlyItsNames) {
    store::PublishedConfig config;
    config.layanan = {"Kartu Keluarga", "Akta Kelahiran"};
    config.questionnaire_id = questionnaire().id;
    config.questionnaire_version = questionnaire().version;
    hub.hub().publish_config(config, "Sukamaju", "2025-07-01T08:00:00+07:00");
    const std::string link = token("kiosk-1", key1, "");
    const Reply page = browser.get("/l/" + link);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("value=\"Kartu Keluarga\""), std::string::npos);
    EXPECT_NE(page.body.find("value=\"Akta Kelahiran\""), std::string::npos);
    EXPECT_EQ(browser.post("/l/" + link, answers(4, {{"layanan", "Paspor"}}), false).status, 400);
    EXPECT_EQ(hub.count(kResponses), 0);
    EXPECT_EQ(answer(link, answers(4, {{"layanan", "Akta Kelahiran"}})).status, 200);
    EXPECT_EQ(hub.rows("SELECT layanan FROM responses").at(0).at(0), "Akta Kelahiran");
}

TEST_P(LinkSurvey, LinkWithoutLayananAndNoPublishedListOffersTheKecamatansLayanan) {
    hub.ingest("kiosk-1", "Sukamaju", {response("s1", "2025-06-01", "SKTM", {4, 4, 4, 4, 4, 4, 4, 4, 4}),
                                       response("s2", "2025-06-01", "Akta Kelahiran", {4, 4, 4, 4, 4, 4, 4, 4, 4}),
                                       response("s3", "2025-06-02", "SKTM", {3, 3, 3, 3, 3, 3, 3, 3, 3})});
    hub.ingest("kiosk-2", "Sukamakmur", {response("m1", "2025-06-01", "Paspor", {4, 4, 4, 4, 4, 4, 4, 4, 4})});
    const std::string link = token("kiosk-1", key1, "");
    const Reply page = browser.get("/l/" + link);
    ASSERT_EQ(page.status, 200);
    const auto akta = page.body.find("value=\"Akta Kelahiran\"");
    const auto sktm = page.body.find("value=\"SKTM\"");
    EXPECT_NE(akta, std::string::npos);
    EXPECT_NE(sktm, std::string::npos);
    EXPECT_LT(akta, sktm);  // byte order
    EXPECT_EQ(page.body.find("Paspor"), std::string::npos);  // another kecamatan's
}

TEST_P(LinkSurvey, UseMarkAndResponseAreOneTransaction) {
    // The link's response id already taken (as if a row had been written but
    // not its mark): storing the answer fails as a whole, the mark included.
    const std::string link = token("kiosk-1", key1);
    const auto claims = *sync::parse_link_token(link);
    hub.ingest("kiosk-1", "Sukamaju", {response(link_response_id(claims), "2025-07-01", "KTP-el", {4, 4, 4, 4, 4, 4, 4, 4, 4})});
    ASSERT_EQ(hub.count(kResponses), 1);
    const Device device = *hub.hub().device("kiosk-1");
    store::Submission answer = response(link_response_id(claims), "2025-07-01", "KTP-el", {1, 1, 1, 1, 1, 1, 1, 1, 1});
    EXPECT_EQ(hub.hub().store_link_answer(device, claims.link_id, answer, "2025-07-01T09:00:00+07:00"),
              LinkAnswerResult::already_used);
    EXPECT_EQ(hub.count(kUsed), 0);
    EXPECT_EQ(hub.count(kResponses), 1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM responses WHERE answers LIKE '%=1%'"), 0);
    // With a fresh id it is stored with its mark; the same link a second time stores nothing.
    answer.response.response_id = "fresh-id-1";
    EXPECT_EQ(hub.hub().store_link_answer(device, claims.link_id, answer, "2025-07-01T09:00:00+07:00"),
              LinkAnswerResult::stored);
    answer.response.response_id = "fresh-id-2";
    EXPECT_EQ(hub.hub().store_link_answer(device, claims.link_id, answer, "2025-07-01T09:00:00+07:00"),
              LinkAnswerResult::already_used);
    EXPECT_EQ(hub.count(kUsed), 1);
    EXPECT_EQ(hub.count(kResponses), 2);
    EXPECT_TRUE(hub.hub().link_used("kiosk-1", claims.link_id));
    EXPECT_FALSE(hub.hub().link_used("kiosk-2", claims.link_id));
}

TEST_P(LinkSurvey, SpeaksIndonesianEnglishAndJavanese) {
    const std::string link = token("kiosk-1", key1);
    const auto& first = questionnaire().unsur.front();
    for (const std::string lang : {"id", "en", "jv"}) {
        SCOPED_TRACE(lang);
        const Reply page = browser.get("/l/" + link + "?lang=" + lang);
        ASSERT_EQ(page.status, 200);
        EXPECT_NE(page.body.find("<html lang=\"" + lang + "\""), std::string::npos);
        EXPECT_NE(page.body.find(esc(first.question.at(lang))), std::string::npos);
        EXPECT_NE(page.body.find(esc(first.answers.at(lang)[3])), std::string::npos);
        EXPECT_NE(page.body.find(esc(texts().of(lang).text("link.intro"))), std::string::npos);
        EXPECT_NE(page.body.find(esc(texts().of(lang).text("kiosk.value.P"))), std::string::npos);
    }
    EXPECT_NE(browser.get("/l/" + link + "?lang=jv").body.find("Tanpa nami"), std::string::npos);
}

}  // namespace
}  // namespace skm::hub::web::testing
