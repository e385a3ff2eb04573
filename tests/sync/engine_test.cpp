// The sync engine against a simulated hub on the other side of a faulty
// network: refused connections, a drop after the hub committed, HTTP 500,
// cut and garbled replies, a revoked token, the same batch delivered twice,
// a restart mid-drain. After every scenario the hub holds every response
// exactly once and the kiosk marked exactly those sent.
#include "store/outbox.hpp"
#include "store/response_store.hpp"
#include "store/sqlite.hpp"
#include "sync/engine.hpp"
#include "sync/gzip.hpp"
#include "tests/support/minimal_submission.hpp"
#include "tests/support/permenpan_scheme.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <thread>

namespace skm::sync {
namespace {

namespace fs = std::filesystem;

const scoring::ScoringScheme& scheme() { return test::permenpan_scheme(); }

enum class Fault { none, refuse, drop_after_commit, http500, cut_reply, garbage_reply, unauthorized, deliver_twice };

// The hub's ingest, idempotent by response id, behind a scripted network.
class FakeHub final : public Transport {
public:
    HttpResult post_batch(const std::string& gzip_body) override {
        const Fault fault = faults.empty() ? Fault::none : faults.front();
        if (!faults.empty()) faults.pop_front();
        ++calls;
        if (fault == Fault::refuse) return {false, 0, "", "connection refused"};
        if (fault == Fault::http500) return {true, 500, "", "internal error"};
        if (fault == Fault::unauthorized) return {true, 401, "", "revoked"};
        const auto json = gzip_decompress(gzip_body, 8u << 20);
        if (!json) return {true, 400, "", "not gzip"};
        const auto decoded = decode_batch(*json, scheme());
        if (!std::holds_alternative<Batch>(decoded)) return {true, 400, "", std::get<ProtocolError>(decoded).key};
        profiles.push_back(std::get<Batch>(decoded).office_profile);
        // As the hub answers a body it refuses whole (hub/api_reply, hub/ingest_api).
        const auto& items = std::get<Batch>(decoded).responses;
        if (items.size() > max_items) return {true, 413, R"({"error": "hub.too_large", "where": "body"})", ""};
        if (refuse_body_as) return {true, 400, *refuse_body_as, ""};
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!poison.count(items[i].response.response_id)) continue;
            ++refused_bodies;
            const std::string where = "responses[" + std::to_string(i) + "].answers.u3";
            return {true, 400, R"({"error": "protocol.bad_value", "where": ")" + where + "\"}", ""};
        }
        Reply reply;
        reply.batch_id = std::get<Batch>(decoded).batch_id;
        const int deliveries = fault == Fault::deliver_twice ? 2 : 1;
        for (int d = 0; d < deliveries; ++d) {
            reply.results.clear();
            for (const auto& s : std::get<Batch>(decoded).responses) {
                const auto& id = s.response.response_id;
                if (reject.count(id)) {
                    reply.results.push_back({id, ItemStatus::rejected, "protocol.unknown_layanan"});
                } else if (stored.count(id)) {
                    ++stored[id];
                    reply.results.push_back({id, ItemStatus::duplicate, ""});
                } else {
                    stored[id] = 1;
                    received[id] = s.response;
                    ++inserted;
                    reply.results.push_back({id, ItemStatus::accepted, ""});
                }
            }
        }
        const std::string body = encode_reply(reply);
        if (fault == Fault::drop_after_commit) return {false, 0, "", "connection reset"};
        if (fault == Fault::cut_reply) return {true, 200, body.substr(0, body.size() / 2), ""};
        if (fault == Fault::garbage_reply) return {true, 200, "<html>proxy error</html>", ""};
        return {true, 200, body, ""};
    }

    std::deque<Fault> faults;
    std::set<std::string> reject;
    std::set<std::string> poison;            // ids whose item makes the hub refuse the whole body (400)
    std::size_t max_items = 1u << 20;        // larger bodies are refused as too large (413)
    std::optional<std::string> refuse_body_as;  // every body refused with this 400 reply
    int refused_bodies = 0;
    std::map<std::string, int> stored;  // id → times the hub saw it
    std::map<std::string, formats::Response> received;  // id → the response as the hub decoded it
    std::vector<std::optional<OfficeProfile>> profiles;  // per decoded batch, the profile it carried
    std::size_t inserted = 0;           // rows the hub created: must equal stored.size()
    int calls = 0;
};

struct Device {
    fs::path dir;
    store::ManualClock clock{scoring::Timestamp{{2025, 3, 4}, 9, 0, 0, 420}};
    std::vector<std::string> ids;

    // recorded: every other response records a profile detail, origin and channel.
    explicit Device(std::size_t responses, bool recorded = false) {
        dir = fs::temp_directory_path() / ("skm-sync-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
        fs::remove_all(dir);
        store::StoreOptions options;
        options.path = dir / "skm.db";
        store::ResponseStore db(options, scheme(), clock);
        std::vector<store::Submission> rows;
        for (std::size_t i = 0; i < responses; ++i) {
            store::Submission s = test::minimal_submission("r" + std::to_string(i), i % 2 ? "KTP-el" : "SKTM");
            if (recorded && i % 2 == 0) {
                s.response.pekerjaan = "Lainnya";
                s.response.profile_detail = "pekerjaan=petani";
                s.response.origin = "import";
                s.response.channel = "paper";
            }
            rows.push_back(s);
            ids.push_back(s.response.response_id);
        }
        db.import(rows);
    }
    ~Device() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    fs::path db() const { return dir / "skm.db"; }
    static inline int count = 0;
};

EngineOptions options(std::size_t batch) {
    EngineOptions o;
    o.batch_size = batch;
    o.device_id = "kiosk-test";
    return o;
}

std::map<std::string, std::string> states(const fs::path& db) {
    store::ManualClock clock{scoring::Timestamp{{2025, 3, 4}, 9, 0, 0, 420}};
    store::StoreOptions o;
    o.path = db;
    store::ResponseStore store(o, scheme(), clock);
    std::map<std::string, std::string> out;
    store.for_each({}, [&](const store::StoredRow& row) { out[row.submission.response.response_id] = row.sync_state; });
    return out;
}

// Drains until done, as the worker would after each backoff.
void drain_until_empty(SyncEngine& engine, int max_rounds = 50) {
    for (int i = 0; i < max_rounds && engine.drain().failed; ++i) {
    }
}

void expect_exactly_once(const FakeHub& hub, const Device& device) {
    EXPECT_EQ(hub.inserted, hub.stored.size()) << "the hub created a row twice";
    for (const auto& id : device.ids) {
        if (hub.reject.count(id)) continue;
        EXPECT_EQ(hub.stored.count(id), 1u) << id << " never reached the hub";
    }
    const auto marks = states(device.db());
    for (const auto& id : device.ids) {
        EXPECT_EQ(marks.at(id), hub.reject.count(id) ? "rejected" : "sent") << id;
    }
}

TEST(SyncEngine, EveryFaultOfTheMatrixEndsWithEachResponseExactlyOnce) {
    const std::vector<std::pair<const char*, std::vector<Fault>>> matrix = {
        {"connection refused", {Fault::refuse, Fault::refuse}},
        {"dropped after the hub committed", {Fault::drop_after_commit}},
        {"HTTP 500", {Fault::http500}},
        {"reply cut short", {Fault::cut_reply}},
        {"garbled reply", {Fault::garbage_reply}},
        {"same batch delivered twice", {Fault::deliver_twice}},
        {"token revoked, then restored", {Fault::unauthorized}},
        {"everything at once", {Fault::none, Fault::drop_after_commit, Fault::refuse, Fault::cut_reply, Fault::http500,
                                Fault::deliver_twice, Fault::garbage_reply}},
    };
    for (const auto& [name, faults] : matrix) {
        SCOPED_TRACE(name);
        Device device(230);
        FakeHub hub;
        hub.faults.assign(faults.begin(), faults.end());
        store::Outbox outbox(device.db(), scheme());
        SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.5; }, options(50));
        drain_until_empty(engine);
        EXPECT_EQ(outbox.pending(), 0);
        expect_exactly_once(hub, device);
        EXPECT_EQ(engine.status().consecutive_failures, 0);
        EXPECT_FALSE(engine.status().last_error);
        EXPECT_FALSE(engine.status().last_success.empty());
    }
}

TEST(SyncEngine, AFailureIsReportedInPlainKeysAndNothingIsMarked) {
    Device device(10);
    FakeHub hub;
    hub.faults = {Fault::unauthorized};
    store::Outbox outbox(device.db(), scheme());
    SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.0; }, options(50));
    const auto outcome = engine.drain();
    EXPECT_TRUE(outcome.failed);
    ASSERT_TRUE(engine.status().last_error);
    EXPECT_EQ(engine.status().last_error->key, "sync.unauthorized");
    EXPECT_EQ(outbox.pending(), 10);
    EXPECT_TRUE(hub.stored.empty());
}

// From the kiosk's database through the outbox and the wire to the hub's
// decoding: the recorded fields arrive as stored, and empty ones as empty.
TEST(SyncEngine, TheRecordedFieldsTravelFromTheDatabaseToTheHub) {
    Device device(6, /*recorded=*/true);
    FakeHub hub;
    store::Outbox outbox(device.db(), scheme());
    SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.0; }, options(4));
    drain_until_empty(engine);
    ASSERT_EQ(hub.received.size(), 6u);
    for (const auto& [id, r] : hub.received) {
        const bool recorded = (id == "r0" || id == "r2" || id == "r4");
        EXPECT_EQ(r.profile_detail, recorded ? "pekerjaan=petani" : "") << id;
        EXPECT_EQ(r.origin, recorded ? "import" : "") << id;
        EXPECT_EQ(r.channel, recorded ? "paper" : "") << id;
        EXPECT_EQ(r.pekerjaan, recorded ? "Lainnya" : "") << id;
    }
    expect_exactly_once(hub, device);
}

// More responses stored after the device was made (ids from `first`).
void add_responses(const Device& device, std::size_t first, std::size_t count) {
    store::ManualClock clock{scoring::Timestamp{{2025, 3, 4}, 9, 0, 0, 420}};
    store::StoreOptions o;
    o.path = device.db();
    store::ResponseStore db(o, scheme(), clock);
    std::vector<store::Submission> rows;
    for (std::size_t i = first; i < first + count; ++i) rows.push_back(test::minimal_submission("r" + std::to_string(i), "KTP-el"));
    db.import(rows);
}

std::size_t carried(const FakeHub& hub) {
    return static_cast<std::size_t>(std::count_if(hub.profiles.begin(), hub.profiles.end(), [](const auto& p) { return p.has_value(); }));
}

TEST(SyncEngine, TheOfficeProfileGoesWithOneBatchWhenChangedOrOnceADay) {
    Device device(30);
    FakeHub hub;
    store::Outbox outbox(device.db(), scheme());
    OfficeProfile profile{"Kecamatan Sukamaju", "0265 123", "Loket ditambah", "SP4N-LAPOR!", ""};
    EngineOptions o = options(10);
    o.office_profile = [&](const store::Outbox&) { return profile; };
    SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.5; }, o);
    // The first batch fails: the profile is not taken, so the next one carries it again.
    hub.faults = {Fault::http500};
    drain_until_empty(engine);
    ASSERT_EQ(hub.profiles.size(), 3u);  // the failed call never decoded
    EXPECT_TRUE(hub.profiles[0].has_value());
    EXPECT_EQ(hub.profiles[0]->office, "Kecamatan Sukamaju");
    EXPECT_FALSE(hub.profiles[1].has_value());
    EXPECT_FALSE(hub.profiles[2].has_value());

    // The same day, unchanged: not sent again, even by a new engine (the mark is in the database).
    add_responses(device, 30, 5);
    SyncEngine again(outbox, hub, scheme(), device.clock, [] { return 0.5; }, o);
    drain_until_empty(again);
    EXPECT_EQ(hub.profiles.size(), 4u);
    EXPECT_EQ(carried(hub), 1u);

    // Changed by staff: the next batch carries the new one.
    profile.follow_up = "Ruang tunggu diperluas";
    add_responses(device, 35, 5);
    drain_until_empty(again);
    ASSERT_EQ(hub.profiles.size(), 5u);
    ASSERT_TRUE(hub.profiles[4].has_value());
    EXPECT_EQ(hub.profiles[4]->follow_up, "Ruang tunggu diperluas");

    // The next day, unchanged: once more.
    device.clock.advance_ms(24 * 3600 * 1000);
    add_responses(device, 40, 5);
    drain_until_empty(again);
    add_responses(device, 45, 5);
    drain_until_empty(again);
    ASSERT_EQ(hub.profiles.size(), 7u);
    EXPECT_TRUE(hub.profiles[5].has_value());
    EXPECT_FALSE(hub.profiles[6].has_value());
    EXPECT_EQ(carried(hub), 3u);
}

TEST(SyncEngine, RejectedItemsAreKeptMarkedAndNotResent) {
    Device device(20);
    FakeHub hub;
    hub.reject = {"r3", "r7"};
    store::Outbox outbox(device.db(), scheme());
    SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.5; }, options(8));
    const auto outcome = engine.drain();
    EXPECT_EQ(outcome.sent, 18u);
    EXPECT_EQ(outcome.rejected, 2u);
    const int calls = hub.calls;
    engine.drain();
    EXPECT_EQ(hub.calls, calls);  // nothing left to send
    expect_exactly_once(hub, device);
}

// What the kiosk kept of the hub's reason for each response (sync_note).
std::map<std::string, std::string> notes(const fs::path& db) {
    store::Connection connection(db.string(), SQLITE_OPEN_READONLY);
    store::Statement query(connection, "SELECT response_id, sync_note FROM responses");
    std::map<std::string, std::string> out;
    while (query.step()) out[std::string(query.text(0))] = std::string(query.text(1));
    return out;
}

// One item the hub cannot decode used to make it refuse every batch holding it,
// for ever, and hold back everything behind it.
TEST(SyncEngine, AnItemThatMakesTheHubRefuseTheBodyIsSetAsideAndTheRestArrive) {
    Device device(20);
    FakeHub hub;
    hub.poison = {"r5", "r12"};
    store::Outbox outbox(device.db(), scheme());
    SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.5; }, options(8));
    drain_until_empty(engine);
    EXPECT_EQ(outbox.pending(), 0);
    EXPECT_EQ(hub.refused_bodies, 2);  // each poisoned item refused once, then never sent again
    EXPECT_EQ(hub.inserted, 18u);
    const auto marks = states(device.db());
    const auto note = notes(device.db());
    for (const auto& id : device.ids) {
        const bool poisoned = hub.poison.count(id) > 0;
        EXPECT_EQ(marks.at(id), poisoned ? "rejected" : "sent") << id;
        EXPECT_EQ(hub.stored.count(id), poisoned ? 0u : 1u) << id;
        if (poisoned) {
            EXPECT_NE(note.at(id).find("protocol.bad_value"), std::string::npos) << note.at(id);
        }
    }
}

TEST(SyncEngine, ABodyTheHubFindsTooLargeIsSentAgainInHalves) {
    Device device(20);
    FakeHub hub;
    hub.max_items = 3;
    store::Outbox outbox(device.db(), scheme());
    SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.5; }, options(8));
    drain_until_empty(engine);
    EXPECT_EQ(outbox.pending(), 0);
    expect_exactly_once(hub, device);
}

// A refusal that names no item (a damaged body, a proxy's page) is the network's
// or the hub's: retried after the backoff, and no response is blamed for it.
TEST(SyncEngine, ARefusalNamingNoItemMarksNothing) {
    for (const std::string reply : {R"({"error": "hub.bad_gzip", "where": "body"})",
                                    R"({"error": "protocol.bad_value", "where": "responses[99].saran"})",
                                    R"({"error": "protocol.bad_value", "where": "responses[x]"})", "<html>400</html>"}) {
        Device device(5);
        FakeHub hub;
        hub.refuse_body_as = reply;
        store::Outbox outbox(device.db(), scheme());
        SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.5; }, options(8));
        EXPECT_TRUE(engine.drain().failed) << reply;
        EXPECT_EQ(outbox.pending(), 5) << reply;
        for (const auto& [id, state] : states(device.db())) EXPECT_EQ(state, "pending") << reply;
    }
}

TEST(SyncEngine, ARestartMidDrainResumesWhereItStopped) {
    Device device(300);
    FakeHub hub;
    hub.faults = {Fault::none, Fault::drop_after_commit};  // one batch done, the second lost on the way back
    {
        store::Outbox outbox(device.db(), scheme());
        SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.5; }, options(100));
        EXPECT_TRUE(engine.drain().failed);
        EXPECT_EQ(outbox.pending(), 200);
    }  // the kiosk loses power here
    store::Outbox outbox(device.db(), scheme());
    SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.5; }, options(100));
    EXPECT_EQ(engine.status().pending, 200);
    drain_until_empty(engine);
    expect_exactly_once(hub, device);
}

TEST(SyncEngine, BackoffGrowsWithJitterAndIsCapped) {
    Device device(1);
    FakeHub hub;
    store::Outbox outbox(device.db(), scheme());
    double jitter = 0.0;
    SyncEngine engine(outbox, hub, scheme(), device.clock, [&] { return jitter; }, options(10));
    EXPECT_EQ(engine.backoff_ms(0), 0);
    EXPECT_EQ(engine.backoff_ms(1), 2'500);   // 5 s × 0.5
    EXPECT_EQ(engine.backoff_ms(2), 5'000);
    EXPECT_EQ(engine.backoff_ms(4), 20'000);
    EXPECT_EQ(engine.backoff_ms(30), 450'000);  // capped at 15 min, × 0.5
    jitter = 0.999;
    EXPECT_GT(engine.backoff_ms(1), 4'990);
    EXPECT_LT(engine.backoff_ms(1), 5'000);
}

TEST(SyncWorker, DrainsOnItsOwnThreadWhenNudged) {
    Device device(120);
    FakeHub hub;
    store::Outbox outbox(device.db(), scheme());
    SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.5; }, options(50));
    SyncWorker worker(engine);
    worker.nudge();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (worker.status().sent_total < 120 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    worker.stop();
    EXPECT_EQ(worker.status().pending, 0);
    expect_exactly_once(hub, device);
}

}  // namespace
}  // namespace skm::sync
