// The download direction end to end over real HTTPS: answers citizens gave
// through one-time phone links (put into the hub's store through its API,
// channel "link") come down to the kiosks of their kecamatan, each exactly
// once, through the kiosk's real engine, libcurl transport and outbox; then
// under the fault relay (tests/support/fault_proxy) and a transport that
// answers 5xx or sends a request twice. After every case: every link answer
// is in the kiosk's database once (origin hub, channel link, never waiting to
// be uploaded), the hub has marked each delivered to that kiosk once, and
// `skm score --db` counts them.
#include "tests/hub/hub_test_support.hpp"

#include "sync/link_answers_protocol.hpp"
#include "tests/support/fault_proxy.hpp"

#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>

namespace skm::hub::testing {
namespace {

using skm::testing::Fault;
using skm::testing::FaultPlan;
using skm::testing::FaultProxy;
using namespace std::chrono_literals;

const std::string kDevice = "kiosk-sukamaju-01";
const std::string kKecamatan = "Sukamaju";

// Link answers as the hub's phone survey stores them (H5's part): channel
// "link", attributed to the link's device and its kecamatan.
std::vector<store::Submission> link_answers(const std::string& prefix, std::size_t n) {
    auto answers = make_responses(prefix, n);
    for (auto& s : answers) {
        s.response.origin = "hub";
        s.response.channel = "link";
    }
    return answers;
}

void store_at_hub(HubStore& store, const std::string& device, const std::string& kecamatan,
                  const std::vector<store::Submission>& answers) {
    const Device d{device, kecamatan, "2025-07-01T08:00:00+07:00", std::nullopt, std::nullopt};
    for (std::size_t from = 0; from < answers.size(); from += 400) {
        sync::Batch batch{device, "link-survey-" + std::to_string(from), {}};
        batch.responses.assign(answers.begin() + static_cast<std::ptrdiff_t>(from),
                               answers.begin() + static_cast<std::ptrdiff_t>(std::min(answers.size(), from + 400)));
        for (const auto& result : store.ingest(d, batch, "2025-07-01T09:00:00+07:00")) {
            ASSERT_EQ(result.status, sync::ItemStatus::accepted) << result.response_id;
        }
    }
}

// One row of the kiosk's database, read straight from the file.
struct KioskRow {
    std::string origin, channel, sync_state;
    int copies = 0;
};

std::map<std::string, KioskRow> kiosk_rows(const Kiosk& kiosk) {
    store::Connection c(kiosk.db().string(), SQLITE_OPEN_READONLY);
    store::Statement q(c, "SELECT response_id, origin, channel, sync_state FROM responses");
    std::map<std::string, KioskRow> rows;
    while (q.step()) {
        KioskRow& row = rows[std::string(q.text(0))];
        row = {std::string(q.text(1)), std::string(q.text(2)), std::string(q.text(3)), row.copies + 1};
    }
    return rows;
}

std::int64_t skm_score_respondents(const Kiosk& kiosk) {
    const auto r = skm::testing::run_program({skm::testing::skm_binary(), "score", "--db", kiosk.db().string(), "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (r.exit_code != 0) return -1;
    return nlohmann::json::parse(r.out)["respondents"].get<std::int64_t>();
}

// Answers 5xx, or sends a request twice, as planned call by call; otherwise
// passes everything to the real transport.
class MisbehavingTransport final : public sync::Transport {
public:
    enum class Act { pass, hub_error_unsent, hub_error_after_sending, twice };
    explicit MisbehavingTransport(sync::Transport& real) : real_(real) {}

    std::vector<Act> on_get;  // taken in order, then pass
    std::vector<Act> on_ack;

    sync::HttpResult post_batch(const std::string& body) override { return real_.post_batch(body); }
    sync::HttpResult get_link_answers(std::int64_t cursor, std::size_t limit) override {
        return act(on_get, [&] { return real_.get_link_answers(cursor, limit); });
    }
    sync::HttpResult post_link_ack(const std::string& body) override {
        return act(on_ack, [&] { return real_.post_link_ack(body); });
    }

private:
    template <typename Call>
    sync::HttpResult act(std::vector<Act>& plan, Call call) {
        const Act next = plan.empty() ? Act::pass : plan.front();
        if (!plan.empty()) plan.erase(plan.begin());
        sync::HttpResult error;
        error.connected = true;
        error.status = 503;
        error.body = R"({"error": "hub.storage_unavailable"})";
        switch (next) {
            case Act::pass: return call();
            case Act::hub_error_unsent: return error;
            case Act::hub_error_after_sending: call(); return error;
            case Act::twice: call(); return call();
        }
        return call();
    }
    sync::Transport& real_;
};

struct Rig {
    explicit Rig(std::size_t kiosk_responses, std::size_t page = 100)
        : token(hub.enroll(kDevice, kKecamatan)),
          kiosk(make_responses("k", kiosk_responses)),
          proxy(hub.port()),
          transport([&] {
              auto o = transport_to(hub, token);
              o.url = "https://127.0.0.1:" + std::to_string(proxy.port()) + "/api/v1/batches";
              return o;
          }()),
          misbehaving(transport),
          sync(kiosk, misbehaving, page, kDevice) {}

    std::string error() const {
        const auto& e = sync.engine.status().last_error;
        return e ? e->key + " " + (e->args.empty() ? "" : e->args.front().second) : "";
    }

    FaultPlan when_delivered(Fault fault, std::int64_t delivered) {
        FaultPlan p;
        p.fault = fault;
        p.when = [this, delivered] { return hub.count("SELECT count(*) FROM link_deliveries") >= delivered; };
        return p;
    }
    // The first request of a kiosk with nothing to upload is the download's
    // GET; the hub records the device's first contact before it answers.
    FaultPlan on_first_reply(Fault fault) {
        FaultPlan p;
        p.fault = fault;
        p.when = [this] { return hub.count("SELECT count(*) FROM devices WHERE last_contact IS NOT NULL") > 0; };
        return p;
    }

    // Pass-through, sync again: every link answer of Sukamaju is on the kiosk
    // once and marked delivered once; the kiosk's own went up, none came back.
    void recover_and_expect_exactly_once(const std::set<std::string>& expected_links) {
        proxy.pass_through();
        misbehaving.on_get.clear();
        misbehaving.on_ack.clear();
        EXPECT_FALSE(sync.engine.drain().failed) << error();
        const auto down = sync.engine.download();
        EXPECT_FALSE(down.failed) << error();
        EXPECT_FALSE(sync.engine.status().download_error);
        EXPECT_EQ(sync.engine.status().consecutive_failures, 0);
        expect_exactly_once(expected_links);
        // Asked again: nothing left to come down.
        const auto again = sync.engine.download();
        EXPECT_FALSE(again.failed) << error();
        EXPECT_EQ(again.stored + again.already, 0u);
    }

    void expect_exactly_once(const std::set<std::string>& expected_links) {
        const auto rows = kiosk_rows(kiosk);
        std::size_t links = 0;
        for (const auto& [id, row] : rows) {
            EXPECT_EQ(row.copies, 1) << id;
            if (row.channel == "link") {
                ++links;
                EXPECT_EQ(expected_links.count(id), 1u) << id;
                EXPECT_EQ(row.origin, "hub") << id;
                EXPECT_EQ(row.sync_state, "sent") << id;  // never in the upload outbox
            } else {
                EXPECT_EQ(kiosk.ids.count(id), 1u) << id;
            }
        }
        EXPECT_EQ(links, expected_links.size());
        for (const auto& id : expected_links) EXPECT_EQ(rows.count(id), 1u) << id;
        EXPECT_EQ(sync.outbox.pending(), 0);
        EXPECT_EQ(hub.count("SELECT count(*) FROM link_deliveries WHERE device_id = '" + kDevice + "'"),
                  static_cast<std::int64_t>(expected_links.size()));
        // The hub holds each response once: nothing the kiosk downloaded went back up as a new row.
        EXPECT_EQ(hub.count("SELECT count(*) FROM (SELECT response_id FROM responses GROUP BY response_id "
                            "HAVING count(*) > 1)"),
                  0);
        EXPECT_EQ(skm_score_respondents(kiosk), static_cast<std::int64_t>(kiosk.ids.size() + expected_links.size()));
        EXPECT_TRUE(hub.log().empty());
    }

    TestHub hub;
    std::string token;
    Kiosk kiosk;
    FaultProxy proxy;
    sync::CurlTransport transport;
    MisbehavingTransport misbehaving;
    KioskSync sync;
};

std::set<std::string> ids_of(const std::vector<store::Submission>& answers) {
    std::set<std::string> ids;
    for (const auto& s : answers) ids.insert(s.response.response_id);
    return ids;
}

TEST(LinkAnswersDownload, TheOfficesLinkAnswersComeDownOnceAndNeverGoBackUp) {
    Rig rig(30, 100);
    const auto own = link_answers("own", 150);        // links this kiosk printed
    const auto sibling = link_answers("sib", 60);     // another kiosk of the same kecamatan's links
    const auto elsewhere = link_answers("far", 40);   // another kecamatan's
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, own);
    store_at_hub(rig.hub.store(), "kiosk-sukamaju-02", kKecamatan, sibling);
    store_at_hub(rig.hub.store(), "kiosk-sukamakmur-01", "Sukamakmur", elsewhere);
    // A kiosk response of the same kecamatan is not a link answer: it stays at the hub.
    store_at_hub(rig.hub.store(), "kiosk-sukamaju-02", kKecamatan, make_responses("other-kiosk", 5));

    const auto up = rig.sync.engine.drain();
    EXPECT_FALSE(up.failed) << rig.error();
    EXPECT_EQ(up.sent, 30u);
    const auto down = rig.sync.engine.download();
    EXPECT_FALSE(down.failed) << rig.error();
    EXPECT_EQ(down.stored, 210u);
    EXPECT_EQ(down.already, 0u);
    EXPECT_EQ(down.pages, 3u);  // 100 + 100 + 10
    EXPECT_EQ(rig.sync.engine.status().downloaded_total, 210);

    std::set<std::string> expected = ids_of(own);
    for (const auto& id : ids_of(sibling)) expected.insert(id);
    rig.expect_exactly_once(expected);
    // The kiosk's next upload has nothing to send: downloaded rows are never re-uploaded.
    const auto next = rig.sync.engine.drain();
    EXPECT_EQ(next.batches, 0u);
    EXPECT_EQ(rig.hub.count(), 30 + 150 + 60 + 40 + 5);
    rig.recover_and_expect_exactly_once(expected);
    // Answers stored at the hub later come down on the next sync, and only they.
    const auto later = link_answers("later", 3);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, later);
    const auto more = rig.sync.engine.download();
    EXPECT_EQ(more.stored, 3u);
    for (const auto& id : ids_of(later)) expected.insert(id);
    rig.expect_exactly_once(expected);
}

TEST(LinkAnswersDownload, EachKioskOfTheOfficeGetsThemOnceItself) {
    Rig rig(0);
    const auto answers = link_answers("l", 20);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, answers);
    ASSERT_FALSE(rig.sync.engine.download().failed) << rig.error();
    // A second kiosk of the same office, its own database and token.
    const std::string token2 = rig.hub.enroll("kiosk-sukamaju-02", kKecamatan);
    Kiosk second({});
    sync::CurlTransport transport2(transport_to(rig.hub, token2));
    KioskSync sync2(second, transport2, 100, "kiosk-sukamaju-02");
    const auto down = sync2.engine.download();
    EXPECT_FALSE(down.failed);
    EXPECT_EQ(down.stored, 20u);
    EXPECT_EQ(rig.hub.count("SELECT count(*) FROM link_deliveries"), 40);
    rig.recover_and_expect_exactly_once(ids_of(answers));
}

TEST(LinkAnswersDownload, ARevokedKioskGetsNothing) {
    Rig rig(0);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, link_answers("l", 5));
    ASSERT_TRUE(rig.hub.store().revoke_device(kDevice, "2025-07-01T10:00:00+07:00"));
    const auto down = rig.sync.engine.download();
    EXPECT_TRUE(down.failed);
    ASSERT_TRUE(rig.sync.engine.status().download_error);
    EXPECT_EQ(rig.sync.engine.status().download_error->key, "sync.unauthorized");
    EXPECT_EQ(kiosk_rows(rig.kiosk).size(), 0u);
    EXPECT_EQ(rig.hub.count("SELECT count(*) FROM link_deliveries"), 0);
}

// ---- under the fault relay ---------------------------------------------------

TEST(LinkAnswersDownload, TheListDroppedBeforeItsReplyStoresNothing) {
    Rig rig(0);
    const auto answers = link_answers("l", 120);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, answers);
    rig.proxy.plan({rig.on_first_reply(Fault::drop_before_reply)});
    const auto down = rig.sync.engine.download();
    EXPECT_TRUE(down.failed);
    EXPECT_EQ(rig.proxy.counts().faults, 1u);
    ASSERT_TRUE(rig.sync.engine.status().download_error);
    EXPECT_EQ(rig.sync.engine.status().download_error->key, "sync.unreachable");
    EXPECT_EQ(rig.error().rfind("sync.unreachable", 0), 0u) << rig.error();  // on the Status tab
    EXPECT_EQ(kiosk_rows(rig.kiosk).size(), 0u);
    EXPECT_EQ(rig.hub.count("SELECT count(*) FROM link_deliveries"), 0);
    rig.recover_and_expect_exactly_once(ids_of(answers));
}

TEST(LinkAnswersDownload, TheListCutMidBodyStoresNothing) {
    Rig rig(0);
    const auto answers = link_answers("l", 120);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, answers);
    auto cut = rig.on_first_reply(Fault::truncate_reply);
    cut.reply_bytes = 8;
    cut.from_end = true;
    rig.proxy.plan({cut});
    const auto down = rig.sync.engine.download();
    EXPECT_TRUE(down.failed);
    EXPECT_EQ(rig.proxy.counts().faults, 1u);
    EXPECT_EQ(kiosk_rows(rig.kiosk).size(), 0u);
    rig.recover_and_expect_exactly_once(ids_of(answers));
}

// The hub marked the page delivered, the kiosk never heard: it has the
// answers already, and the hub offers them no more.
TEST(LinkAnswersDownload, TheAcknowledgementsReplyCutLeavesNoDoubleRows) {
    Rig rig(0);
    const auto answers = link_answers("l", 250);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, answers);
    auto cut = rig.when_delivered(Fault::truncate_reply, 100);
    cut.reply_bytes = 8;
    cut.from_end = true;
    rig.proxy.plan({cut});
    const auto down = rig.sync.engine.download();
    EXPECT_TRUE(down.failed);
    EXPECT_EQ(down.stored, 100u);
    EXPECT_EQ(rig.proxy.counts().faults, 1u);
    EXPECT_EQ(rig.hub.count("SELECT count(*) FROM link_deliveries"), 100);
    rig.recover_and_expect_exactly_once(ids_of(answers));
}

// Dropped on a kept-alive connection before any byte of the reply, libcurl
// sends the acknowledgement again by itself: the hub gets it twice and marks
// each answer once.
TEST(LinkAnswersDownload, TheAcknowledgementDroppedIsSentAgainAndMarksOnce) {
    Rig rig(0);
    const auto answers = link_answers("l", 250);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, answers);
    rig.proxy.plan({rig.when_delivered(Fault::drop_before_reply, 200)});
    rig.sync.engine.download();
    EXPECT_EQ(rig.proxy.counts().faults, 1u);
    rig.recover_and_expect_exactly_once(ids_of(answers));
}

// The hub failed to mark them (5xx): the same answers come again, are found
// stored already, and are acknowledged then.
TEST(LinkAnswersDownload, AHubErrorOnTheAcknowledgementBringsTheSameAnswersAgainStoredOnce) {
    Rig rig(0);
    const auto answers = link_answers("l", 150);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, answers);
    rig.misbehaving.on_ack = {MisbehavingTransport::Act::hub_error_unsent};
    const auto down = rig.sync.engine.download();
    EXPECT_TRUE(down.failed);
    EXPECT_EQ(down.stored, 100u);
    ASSERT_TRUE(rig.sync.engine.status().download_error);
    EXPECT_EQ(rig.sync.engine.status().download_error->key, "sync.hub_error");
    EXPECT_EQ(rig.hub.count("SELECT count(*) FROM link_deliveries"), 0);
    rig.misbehaving.on_ack.clear();
    const auto again = rig.sync.engine.download();
    EXPECT_FALSE(again.failed) << rig.error();
    EXPECT_EQ(again.already, 100u);
    EXPECT_EQ(again.stored, 50u);
    rig.recover_and_expect_exactly_once(ids_of(answers));
}

TEST(LinkAnswersDownload, AHubErrorOnTheListIsShownAndStoresNothing) {
    Rig rig(0);
    const auto answers = link_answers("l", 10);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, answers);
    rig.misbehaving.on_get = {MisbehavingTransport::Act::hub_error_after_sending};
    const auto down = rig.sync.engine.download();
    EXPECT_TRUE(down.failed);
    EXPECT_EQ(rig.error().rfind("sync.hub_error", 0), 0u) << rig.error();
    EXPECT_EQ(kiosk_rows(rig.kiosk).size(), 0u);
    rig.recover_and_expect_exactly_once(ids_of(answers));
}

TEST(LinkAnswersDownload, EveryRequestSentTwiceChangesNothing) {
    Rig rig(0);
    const auto answers = link_answers("l", 230);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, answers);
    using Act = MisbehavingTransport::Act;
    rig.misbehaving.on_get = {Act::twice, Act::twice, Act::twice, Act::twice};
    rig.misbehaving.on_ack = {Act::twice, Act::twice, Act::twice};
    const auto down = rig.sync.engine.download();
    EXPECT_FALSE(down.failed) << rig.error();
    EXPECT_EQ(down.stored, 230u);
    rig.expect_exactly_once(ids_of(answers));
}

// The kiosk as it runs: the worker uploads, downloads, and gets through a
// fault on each direction by itself.
TEST(LinkAnswersDownload, TheWorkerGetsTheAnswersThroughFaultsByItself) {
    Rig rig(150);
    const auto answers = link_answers("l", 180);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, answers);
    FaultPlan refuse;
    refuse.fault = Fault::refuse;
    auto cut = rig.when_delivered(Fault::truncate_reply, 100);
    cut.reply_bytes = 8;
    cut.from_end = true;
    rig.proxy.plan({refuse, cut});
    rig.misbehaving.on_ack = {MisbehavingTransport::Act::hub_error_unsent};

    sync::EngineOptions options;
    options.batch_size = 100;
    options.device_id = kDevice;
    options.backoff_base_ms = 20;
    options.backoff_max_ms = 200;
    sync::SyncEngine engine(rig.sync.outbox, rig.misbehaving, scheme(), rig.kiosk.clock, [] { return 0.5; }, options);
    {
        sync::SyncWorker worker(engine);
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        while (rig.hub.count("SELECT count(*) FROM link_deliveries") < 180 || worker.status().pending != 0 ||
               worker.status().consecutive_failures != 0) {
            ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "delivered: "
                                                                   << rig.hub.count("SELECT count(*) FROM link_deliveries");
            std::this_thread::sleep_for(20ms);
            worker.nudge();
        }
    }
    EXPECT_EQ(rig.proxy.counts().faults, 2u);
    rig.recover_and_expect_exactly_once(ids_of(answers));
}

// ---- the endpoint's own checks -------------------------------------------------

TEST(LinkAnswersDownload, BadParametersAndBodiesAreRefusedAndChangeNothing) {
    Rig rig(0);
    store_at_hub(rig.hub.store(), kDevice, kKecamatan, link_answers("l", 3));
    store_at_hub(rig.hub.store(), "kiosk-sukamakmur-01", "Sukamakmur", link_answers("far", 1));
    httplib::SSLClient client("127.0.0.1", rig.hub.port());
    client.set_ca_cert_path(skm::testing::test_pki().ca.c_str());
    client.enable_server_certificate_verification(true);
    const httplib::Headers auth = {{"Authorization", "Bearer " + rig.token}};
    auto get = [&](const std::string& query, const httplib::Headers& headers) {
        const auto result = client.Get("/api/v1/link-answers" + query, headers);
        return result ? result->status : 0;
    };
    auto ack = [&](const std::string& body, const httplib::Headers& headers) {
        const auto result = client.Post("/api/v1/link-answers/ack", headers, body, "application/json");
        return result ? std::pair(result->status, result->body) : std::pair(0, std::string());
    };
    EXPECT_EQ(get("", {}), 401);
    EXPECT_EQ(get("", {{"Authorization", "Bearer " + std::string(64, 'a')}}), 401);
    EXPECT_EQ(get("?after=x", auth), 400);
    EXPECT_EQ(get("?after=-1", auth), 400);
    EXPECT_EQ(get("?limit=0", auth), 400);
    EXPECT_EQ(get("?limit=501", auth), 400);
    const auto page = client.Get("/api/v1/link-answers?limit=2", auth);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    const auto decoded = sync::decode_link_answers(page->body, scheme());
    ASSERT_TRUE(std::holds_alternative<sync::LinkAnswersPage>(decoded));
    EXPECT_EQ(std::get<sync::LinkAnswersPage>(decoded).responses.size(), 2u);
    EXPECT_TRUE(std::get<sync::LinkAnswersPage>(decoded).more);

    EXPECT_EQ(ack(R"({"protocol": 1, "ids": ["l0"]})", {}).first, 401);
    EXPECT_EQ(ack("not json", auth).first, 400);
    EXPECT_EQ(ack(R"({"protocol": 1, "ids": "l0"})", auth).first, 400);
    EXPECT_EQ(ack(R"({"protocol": 1, "ids": ["bad id with spaces"]})", auth).first, 400);
    EXPECT_EQ(rig.hub.count("SELECT count(*) FROM link_deliveries"), 0);
    // Ids of no response, or of another kecamatan's, are not marked; a second ack marks nothing more.
    EXPECT_EQ(ack(R"({"protocol": 1, "ids": ["nobody", "far0", "l0"]})", auth),
              std::pair(200, std::string(R"({"acknowledged":1,"protocol":1})")));
    EXPECT_EQ(ack(R"({"protocol": 1, "ids": ["l0"]})", auth),
              std::pair(200, std::string(R"({"acknowledged":0,"protocol":1})")));
    EXPECT_EQ(rig.hub.count("SELECT count(*) FROM link_deliveries"), 1);
    EXPECT_TRUE(rig.hub.log().empty());
}

}  // namespace
}  // namespace skm::hub::testing
