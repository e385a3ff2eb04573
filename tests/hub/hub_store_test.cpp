// The hub's database without the network, the same contract for both
// backends (each case runs on SQLite and on a real PostgreSQL 15): tokens are
// kept only as hashes, enrolment and revocation, and ingest's contract — a
// new id accepted, a known one duplicate and never a second row, a failed
// batch storing nothing, a long report read not holding up an upload. Then
// what is each backend's own: schema versions, files, connection strings.
// Index: [contract: both backends] [SQLite's own] [PostgreSQL's own]. The CHECK
// vocabularies of the schemas: hub_schema_vocabulary_test.cpp.
#include "formats/response.hpp"
#include "hub/device_token.hpp"
#include "hub/hub_schema.hpp"
#include "hub/open_hub_store.hpp"
#include "hub/pg_connection.hpp"
#include "hub/pg_conninfo.hpp"
#include "hub/pg_schema.hpp"
#include "store/schema.hpp"
#include "tests/hub/hub_backend.hpp"
#include "tests/support/run_program.hpp"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <set>
#include <thread>
#include <tuple>

namespace skm::hub {
namespace {

namespace fs = std::filesystem;
using testing::Backend;
using testing::BackendDb;

const scoring::ScoringScheme& scheme() {
    static const auto s = scoring::ScoringScheme::permenpan_2017();
    return s;
}

store::Submission response(const std::string& id, std::vector<std::uint8_t> answers = {4, 3, 3, 2, 4, 4, 3, 1, 2}) {
    store::Submission s;
    s.response.response_id = id;
    s.response.submitted_at = "2025-03-04T23:30:00+08:00";
    s.response.layanan = "KTP-el";
    s.response.jenis_kelamin = "P";
    s.response.umur = "30-39";
    s.response.answers = std::move(answers);
    s.response.saran = "Antrean lebih tertib";
    s.response.flags = {"too_fast"};
    s.response.questionnaire_version = "1";
    s.questionnaire_id = "permenpan-14-2017";
    s.duration_ms = 42'000;
    return s;
}

sync::Batch batch_of(std::initializer_list<std::string> ids) {
    sync::Batch batch{"kiosk-01", "b-1", {}};
    for (const auto& id : ids) batch.responses.push_back(response(id));
    return batch;
}

struct HubDb {
    fs::path dir = skm::testing::make_temp_dir();
    fs::path path = dir / "hub.db";
    ~HubDb() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    std::int64_t count(const std::string& sql) const {
        store::Connection c(path.string(), SQLITE_OPEN_READONLY);
        return store::query_int(c, sql.c_str());
    }
};

// A problem's named value ("" when absent).
std::string arg(const Problem& problem, const std::string& name) {
    for (const auto& [n, v] : problem.args) {
        if (n == name) return v;
    }
    return "";
}

Device enrolled(HubStore& store, const std::string& id, const std::string& kecamatan) {
    const std::string token = new_token();
    store.enroll(id, kecamatan, token_hash(token), "2025-03-04T08:00:00+07:00");
    return *store.active_device(token_hash(token));
}

TEST(DeviceToken, IsFreshHexAndOnlyItsHashIsComparable) {
    const std::string a = new_token();
    EXPECT_EQ(a.size(), 64u);
    EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(a, new_token());
    EXPECT_EQ(token_hash(a), token_hash(a));
    EXPECT_NE(token_hash(a), token_hash(new_token()));
    EXPECT_EQ(token_hash(a).size(), 64u);
    EXPECT_TRUE(same_hash(token_hash(a), token_hash(a)));
    EXPECT_FALSE(same_hash(token_hash(a), token_hash(a + "x")));
}

TEST(DeviceToken, BearerHeaderIsParsedStrictly) {
    EXPECT_EQ(bearer_token("Bearer abc123"), "abc123");
    EXPECT_EQ(bearer_token("bearer   abc123 "), "abc123");
    EXPECT_FALSE(bearer_token(""));
    EXPECT_FALSE(bearer_token("Bearer "));
    EXPECT_FALSE(bearer_token("Basic YWxhZGRpbjpvcGVuc2VzYW1l"));
    EXPECT_FALSE(bearer_token("Bearer a b"));
    EXPECT_FALSE(bearer_token("Bearer " + std::string(300, 'a')));
}

// ---- [contract: both backends] ----------------------------------------------

class HubStoreContract : public ::testing::TestWithParam<Backend> {
protected:
    BackendDb db{GetParam()};
    std::unique_ptr<HubStore> store = opened();

    std::unique_ptr<HubStore> opened() const {
        try {
            return db.open(scheme());
        } catch (const Error& e) {
            ADD_FAILURE() << testing::describe(e.problem());
            throw;
        }
    }

    // The schema of a newer hub, as each backend records it.
    void mark_newer_schema() const {
        db.exec(GetParam() == Backend::sqlite ? "PRAGMA user_version = 99"
                                              : "INSERT INTO schema_version (version) VALUES (99)");
    }
    // A row the database refuses in the middle of a batch.
    void poison_inserts() const {
        if (GetParam() == Backend::sqlite) {
            db.exec("CREATE TRIGGER poison BEFORE INSERT ON responses WHEN NEW.response_id = 'poison' "
                    "BEGIN SELECT RAISE(ABORT, 'refused'); END");
        } else {
            db.exec("CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    "IF NEW.response_id = 'poison' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$; "
                    "CREATE TRIGGER poison BEFORE INSERT ON responses FOR EACH ROW EXECUTE FUNCTION poison()");
        }
    }
};

INSTANTIATE_TEST_SUITE_P(Backends, HubStoreContract, SKM_ALL_HUB_BACKENDS);

TEST_P(HubStoreContract, IsReopenedWithItsDataAndAnEmptyOneHasNone) {
    EXPECT_EQ(store->response_count(), 0);
    EXPECT_TRUE(store->devices().empty());
    const Device a = enrolled(*store, "kiosk-a", "Sukamaju");
    store->ingest(a, batch_of({"r1", "r2"}), "2025-03-04T09:00:00+07:00");
    store.reset();
    const auto again = db.open(scheme());
    EXPECT_EQ(again->response_count(), 2);
    ASSERT_EQ(again->devices().size(), 1u);
    EXPECT_EQ(db.count("SELECT count(*) FROM responses"), 2);
}

TEST_P(HubStoreContract, ANewerSchemaIsRefused) {
    store.reset();
    mark_newer_schema();
    try {
        db.open(scheme());
        FAIL() << "opened a database of a newer hub";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::storage);
        EXPECT_EQ(e.problem().key, "store.newer_schema");
        EXPECT_EQ(arg(e.problem(), "version"), "99");
    }
}

TEST_P(HubStoreContract, KeepsOnlyTheTokensHash) {
    const std::string token = new_token();
    store->enroll("kiosk-01", "Sukamaju", token_hash(token), "2025-03-04T08:00:00+07:00");
    const auto device = store->active_device(token_hash(token));
    ASSERT_TRUE(device);
    EXPECT_EQ(device->device_id, "kiosk-01");
    EXPECT_EQ(device->kecamatan, "Sukamaju");
    EXPECT_EQ(device->enrolled_at, "2025-03-04T08:00:00+07:00");
    EXPECT_FALSE(device->revoked_at);
    EXPECT_FALSE(device->last_contact);
    EXPECT_FALSE(store->active_device(token_hash(new_token())));
    // Not in any column of the row; its hash is.
    const auto rows = db.rows("SELECT * FROM devices");
    ASSERT_EQ(rows.size(), 1u);
    bool hash_found = false;
    for (const auto& column : rows[0]) {
        if (!column) continue;
        EXPECT_EQ(column->find(token), std::string::npos);
        hash_found = hash_found || *column == token_hash(token);
    }
    EXPECT_TRUE(hash_found);
}

TEST_P(HubStoreContract, RevokedDevicesAreNotFoundAndMayBeEnrolledAgain) {
    const std::string first = new_token();
    store->enroll("kiosk-01", "Sukamaju", token_hash(first), "2025-03-04T08:00:00+07:00");
    try {
        store->enroll("kiosk-01", "Sukamaju", token_hash(new_token()), "2025-03-04T08:00:00+07:00");
        FAIL() << "an active device was enrolled twice";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::input);
        EXPECT_EQ(e.problem().key, "hub.device_exists");
    }
    EXPECT_EQ(store->revoke_device("kiosk-01", "2025-03-05T08:00:00+07:00"), "kiosk-01");
    EXPECT_EQ(store->revoke_device("kiosk-01", "2025-03-06T08:00:00+07:00"), "kiosk-01");  // the first time stays
    EXPECT_EQ(store->devices().at(0).revoked_at, "2025-03-05T08:00:00+07:00");
    EXPECT_FALSE(store->revoke_device("kiosk-99", "2025-03-05T08:00:00+07:00"));
    EXPECT_FALSE(store->revoke_token(token_hash(new_token()), "2025-03-05T08:00:00+07:00"));
    EXPECT_FALSE(store->active_device(token_hash(first)));

    const std::string second = new_token();
    store->enroll("kiosk-01", "Sukamakmur", token_hash(second), "2025-03-07T08:00:00+07:00");
    EXPECT_FALSE(store->active_device(token_hash(first)));
    ASSERT_TRUE(store->active_device(token_hash(second)));
    EXPECT_EQ(store->active_device(token_hash(second))->kecamatan, "Sukamakmur");
    EXPECT_FALSE(store->devices().at(0).revoked_at);
    EXPECT_EQ(store->revoke_token(token_hash(second), "2025-03-08T08:00:00+07:00"), "kiosk-01");
    EXPECT_FALSE(store->active_device(token_hash(second)));
    EXPECT_EQ(db.count("SELECT count(*) FROM devices"), 1);
}

TEST_P(HubStoreContract, DevicesAreListedByKecamatanThenIdAndTouchSetsLastContact) {
    enrolled(*store, "kiosk-b", "Sukamaju");
    enrolled(*store, "kiosk-a", "Sukamaju");
    enrolled(*store, "kiosk-c", "Banjar");
    enrolled(*store, "kiosk-d", "banjar");  // in byte order, as SQLite sorts: "Banjar" < "Sukamaju" < "banjar"
    store->touch("kiosk-a", "2025-03-04T10:00:00+07:00");
    store->touch("kiosk-zz", "2025-03-04T10:00:00+07:00");  // unknown: nothing happens
    std::vector<std::string> order;
    for (const Device& d : store->devices()) order.push_back(d.device_id);
    EXPECT_EQ(order, (std::vector<std::string>{"kiosk-c", "kiosk-a", "kiosk-b", "kiosk-d"}));
    EXPECT_EQ(store->devices().at(1).last_contact, "2025-03-04T10:00:00+07:00");
    EXPECT_EQ(db.count("SELECT count(*) FROM devices WHERE last_contact IS NOT NULL"), 1);
}

TEST_P(HubStoreContract, IngestAcceptsNewIdsAndAnswersDuplicateForKnownOnes) {
    const Device a = enrolled(*store, "kiosk-a", "Sukamaju");
    const Device b = enrolled(*store, "kiosk-b", "Sukamakmur");
    const auto first = store->ingest(a, batch_of({"r1", "r2"}), "2025-03-04T09:00:00+07:00");
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].response_id, "r1");
    EXPECT_EQ(first[0].status, sync::ItemStatus::accepted);
    EXPECT_EQ(first[1].status, sync::ItemStatus::accepted);
    // Again, and mixed with a new one, and from another device: never a second row.
    const auto again = store->ingest(a, batch_of({"r1", "r2", "r3"}), "2025-03-04T09:01:00+07:00");
    EXPECT_EQ(again[0].status, sync::ItemStatus::duplicate);
    EXPECT_EQ(again[1].status, sync::ItemStatus::duplicate);
    EXPECT_EQ(again[2].status, sync::ItemStatus::accepted);
    EXPECT_EQ(store->ingest(b, batch_of({"r3"}), "2025-03-04T09:02:00+07:00")[0].status, sync::ItemStatus::duplicate);
    // The same id twice in one batch: the first is stored, the second is its duplicate.
    const auto twice = store->ingest(b, batch_of({"r4", "r4"}), "2025-03-04T09:03:00+07:00");
    EXPECT_EQ(twice[0].status, sync::ItemStatus::accepted);
    EXPECT_EQ(twice[1].status, sync::ItemStatus::duplicate);
    EXPECT_EQ(store->response_count(), 4);
    EXPECT_EQ(db.count("SELECT count(*) FROM responses WHERE device_id = 'kiosk-a' AND kecamatan = 'Sukamaju'"), 3);
    EXPECT_EQ(db.count("SELECT count(*) FROM responses WHERE device_id = 'kiosk-b' AND kecamatan = 'Sukamakmur'"), 1);

    // Every field as sent; the local date in the response's own offset.
    const auto rows = db.rows(
        "SELECT layanan, answers, saran, flags, local_date, duration_ms, jenis_kelamin, umur, questionnaire_id, "
        "questionnaire_version, batch_id, received_at, submitted_at, pendidikan FROM responses WHERE response_id = 'r1'");
    ASSERT_EQ(rows.size(), 1u);
    const std::vector<std::optional<std::string>> expected = {
        "KTP-el", "persyaratan=4;prosedur=3;waktu=3;biaya=2;produk=4;kompetensi=4;perilaku=3;pengaduan=1;sarana=2",
        "Antrean lebih tertib", "too_fast", "2025-03-04", "42000", "P", "30-39", "permenpan-14-2017", "1", "b-1",
        "2025-03-04T09:00:00+07:00", "2025-03-04T23:30:00+08:00", ""};
    EXPECT_EQ(rows[0], expected);
}

TEST_P(HubStoreContract, AMissingDurationIsStoredAsNull) {
    const Device a = enrolled(*store, "kiosk-a", "Sukamaju");
    sync::Batch batch = batch_of({"r1"});
    batch.responses[0].duration_ms.reset();
    store->ingest(a, batch, "2025-03-04T09:00:00+07:00");
    EXPECT_EQ(db.count("SELECT count(*) FROM responses WHERE duration_ms IS NULL"), 1);
}

TEST_P(HubStoreContract, AFailedBatchStoresNothing) {
    const Device a = enrolled(*store, "kiosk-a", "Sukamaju");
    poison_inserts();
    try {
        store->ingest(a, batch_of({"r1", "r2", "poison", "r4"}), "2025-03-04T09:00:00+07:00");
        FAIL() << "the poisoned batch was taken";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::storage);
        EXPECT_EQ(e.problem().key, "store.failed");
        EXPECT_NE(arg(e.problem(), "detail").find("refused"), std::string::npos);
    }
    EXPECT_EQ(store->response_count(), 0);
    EXPECT_EQ(db.count("SELECT count(*) FROM responses"), 0);
    // And the store is usable afterwards, many times over (a connection left
    // inside the failed transaction would refuse every later statement).
    for (int i = 0; i < 12; ++i) {
        EXPECT_EQ(store->ingest(a, batch_of({"ok" + std::to_string(i)}), "2025-03-04T09:00:00+07:00")[0].status,
                  sync::ItemStatus::accepted);
    }
    EXPECT_EQ(store->response_count(), 12);
}

TEST_P(HubStoreContract, ReadsAnswersByPeriodKecamatanAndLayanan) {
    const Device a = enrolled(*store, "kiosk-a", "Sukamaju");
    const Device b = enrolled(*store, "kiosk-b", "Sukamakmur");
    sync::Batch march = batch_of({"m1", "m2"});
    sync::Batch july = batch_of({"j1"});
    july.responses[0].response.submitted_at = "2025-07-01T00:10:00+07:00";
    july.responses[0].response.answers = {1, 0, 2, 3, 4, 4, 4, 4, 4};
    store->ingest(a, march, "2025-07-02T09:00:00+07:00");
    store->ingest(b, july, "2025-07-02T09:00:00+07:00");
    auto count = [&](ResponseFilter filter) {
        int n = 0;
        store->for_each_answers(filter, [&](std::string_view, std::string_view, std::span<const std::uint8_t> answers) {
            EXPECT_EQ(answers.size(), scheme().size());
            ++n;
        });
        return n;
    };
    const auto s1 = *scoring::parse_period("2025-S1");
    const auto year = *scoring::parse_period("2025");
    EXPECT_EQ(count({s1, {}, {}}), 2);
    EXPECT_EQ(count({year, {}, {}}), 3);
    EXPECT_EQ(count({*scoring::parse_period("2025-03-04..2025-03-04"), {}, {}}), 2);  // both ends included
    EXPECT_EQ(count({*scoring::parse_period("2024"), {}, {}}), 0);
    EXPECT_EQ(count({year, std::string("Sukamakmur"), {}}), 1);
    EXPECT_EQ(count({year, std::string("Sukamakmur"), std::string("KTP-el")}), 1);
    EXPECT_EQ(count({year, {}, std::string("SKTM")}), 0);
    std::vector<std::uint8_t> seen;
    store->for_each_answers({*scoring::parse_period("2025-S2"), {}, {}},
                            [&](std::string_view kecamatan, std::string_view layanan,
                                std::span<const std::uint8_t> answers) {
                                EXPECT_EQ(kecamatan, "Sukamakmur");
                                EXPECT_EQ(layanan, "KTP-el");
                                seen.assign(answers.begin(), answers.end());
                            });
    EXPECT_EQ(seen, (std::vector<std::uint8_t>{1, 0, 2, 3, 4, 4, 4, 4, 4}));
}

TEST_P(HubStoreContract, AFailingReportVisitorLeavesTheStoreUsable) {
    const Device a = enrolled(*store, "kiosk-a", "Sukamaju");
    store->ingest(a, batch_of({"r1", "r2", "r3"}), "2025-03-04T09:00:00+07:00");
    const auto year = *scoring::parse_period("2025");
    for (int i = 0; i < 10; ++i) {
        EXPECT_THROW(store->for_each_answers({year, {}, {}}, [](auto, auto, auto) { throw std::runtime_error("stop"); }),
                     std::runtime_error);
    }
    int n = 0;
    store->for_each_answers({year, {}, {}}, [&](auto, auto, auto) { ++n; });
    EXPECT_EQ(n, 3);
}

TEST_P(HubStoreContract, ALongReportReadDoesNotHoldUpAnUpload) {
    const Device a = enrolled(*store, "kiosk-a", "Sukamaju");
    store->ingest(a, batch_of({"r1", "r2"}), "2025-03-04T09:00:00+07:00");
    std::future<std::size_t> upload;
    int visited = 0;
    store->for_each_answers({*scoring::parse_period("2025"), {}, {}}, [&](auto, auto, auto) {
        // Still inside the report: an upload from another thread must finish now.
        if (visited++ > 0) return;
        upload = std::async(std::launch::async, [&] {
            return store->ingest(a, batch_of({"r3"}), "2025-03-04T09:01:00+07:00").size();
        });
        ASSERT_EQ(upload.wait_for(std::chrono::seconds(20)), std::future_status::ready);
    });
    EXPECT_EQ(visited, 2);  // the report saw the rows of when it began
    EXPECT_EQ(upload.get(), 1u);
    EXPECT_EQ(store->response_count(), 3);
}

TEST_P(HubStoreContract, UploadsFromManyThreadsAtOnceStoreEachIdOnce) {
    std::vector<Device> kiosks;
    for (int k = 0; k < 6; ++k) kiosks.push_back(enrolled(*store, "kiosk-" + std::to_string(k), "Sukamaju"));
    // Each thread sends the same 40 ids in batches of 5 (as kiosks retrying
    // each other's deliveries never do, but a hub must survive).
    std::vector<std::future<std::size_t>> accepted;
    for (const Device& kiosk : kiosks) {
        accepted.push_back(std::async(std::launch::async, [&store = store, kiosk] {
            std::size_t n = 0;
            for (int b = 0; b < 8; ++b) {
                sync::Batch batch{"kiosk", "b-" + std::to_string(b), {}};
                for (int i = 0; i < 5; ++i) batch.responses.push_back(response("id-" + std::to_string(b * 5 + i)));
                for (const auto& item : store->ingest(kiosk, batch, "2025-03-04T09:00:00+07:00")) {
                    n += item.status == sync::ItemStatus::accepted ? 1 : 0;
                }
                store->touch(kiosk.device_id, "2025-03-04T09:00:00+07:00");
            }
            return n;
        }));
    }
    std::size_t total = 0;
    for (auto& f : accepted) total += f.get();
    EXPECT_EQ(total, 40u);  // each id "accepted" exactly once across all threads
    EXPECT_EQ(db.count("SELECT count(*) FROM responses"), 40);
    EXPECT_EQ(db.count("SELECT count(DISTINCT response_id) FROM responses"), 40);
}

TEST_P(HubStoreContract, OptionalResponseFieldsAreStoredAsSentAndEmptyWhenAbsent) {
    const Device a = enrolled(*store, "kiosk-a", "Sukamaju");
    sync::Batch batch = batch_of({"with", "without"});
    formats::Response& with = batch.responses[0].response;
    with.pekerjaan = "Lainnya";
    with.profile_detail = "pekerjaan=petani";
    with.origin = "kiosk";
    with.channel = "paper";
    EXPECT_EQ(store->ingest(a, batch, "2025-03-04T09:00:00+07:00").at(0).status, sync::ItemStatus::accepted);
    const auto rows = db.rows("SELECT response_id, pekerjaan, profile_detail, origin, channel FROM responses ORDER BY seq");
    const std::vector<std::vector<std::optional<std::string>>> expected = {
        {"with", "Lainnya", "pekerjaan=petani", "kiosk", "paper"}, {"without", "", "", "", ""}};
    EXPECT_EQ(rows, expected);
}

TEST_P(HubStoreContract, AnOriginOrChannelOutsideTheVocabularyIsRefusedAndStoresNothing) {
    const Device a = enrolled(*store, "kiosk-a", "Sukamaju");
    for (const auto& [origin, channel, detail] : {std::tuple<std::string, std::string, std::string>{"fax", "", ""},
                                                  {"", "Kiosk", ""}, {"", "", std::string(201, 'a')}}) {
        sync::Batch batch = batch_of({"ok", "bad"});
        batch.responses[1].response.origin = origin;
        batch.responses[1].response.channel = channel;
        batch.responses[1].response.profile_detail = detail;
        try {
            store->ingest(a, batch, "2025-03-04T09:00:00+07:00");
            ADD_FAILURE() << "stored origin '" << origin << "' channel '" << channel << "'";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::storage);
        }
    }
    EXPECT_EQ(db.count("SELECT count(*) FROM responses"), 0);
}

// A database the hub before the optional response fields wrote, with its rows:
// opened by this hub, it gains the columns ('' for every old row) and keeps the rest.
TEST_P(HubStoreContract, ADatabaseOfTheSchemaBeforeKeepsItsRowsAndGainsEmptyOptionalFields) {
    constexpr int kBefore = 3;
    ASSERT_GT(latest_hub_schema_version(), kBefore);
    ASSERT_EQ(latest_pg_schema_version(), latest_hub_schema_version());
    const BackendDb old(GetParam());
    if (GetParam() == Backend::sqlite) {
        store::Connection c(old.db(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        migrate_hub(c, kBefore);
    } else {
        PgConnection c(old.db());
        migrate_pg(c, "old", kBefore);
    }
    EXPECT_EQ(old.count("SELECT count(*) FROM devices"), 0);
    old.exec("INSERT INTO devices (device_id, kecamatan, token_hash, enrolled_at) VALUES "
             "('kiosk-a', 'Sukamaju', '" + token_hash("t") + "', '2025-03-04T08:00:00+07:00')");
    old.exec("INSERT INTO responses (response_id, device_id, kecamatan, layanan, questionnaire_id, "
             "questionnaire_version, umur, answers, saran, submitted_at, local_date, batch_id, received_at) VALUES "
             "('old-1', 'kiosk-a', 'Sukamaju', 'KTP-el', 'permenpan-14-2017', 1, '30-39', "
             "'persyaratan=4;prosedur=3;waktu=3;biaya=2;produk=4;kompetensi=4;perilaku=3;pengaduan=1;sarana=2', "
             "'Ramah', '2025-03-04T10:00:00+07:00', '2025-03-04', 'b-0', '2025-03-04T11:00:00+07:00')");
    old.exec("INSERT INTO web_users (username, password_hash, role, created_at) VALUES ('admin', 'h', 'admin', 'x')");

    const auto migrated = old.open(scheme());
    EXPECT_EQ(migrated->response_count(), 1);
    if (GetParam() == Backend::sqlite) {
        // The copy made before the change is the old database, rows and version.
        const std::string copy = old.db() + ".before-v" + std::to_string(latest_hub_schema_version());
        store::Connection c(copy, SQLITE_OPEN_READONLY);
        EXPECT_EQ(store::query_int(c, "PRAGMA user_version"), kBefore);
        EXPECT_EQ(store::query_int(c, "SELECT count(*) FROM responses WHERE response_id = 'old-1'"), 1);
    }
    EXPECT_EQ(old.rows("SELECT response_id, umur, saran, local_date, profile_detail, origin, channel FROM responses"),
              (std::vector<std::vector<std::optional<std::string>>>{
                  {"old-1", "30-39", "Ramah", "2025-03-04", "", "", ""}}));
    EXPECT_EQ(old.count("SELECT count(*) FROM web_users"), 1);
    ASSERT_TRUE(migrated->active_device(token_hash("t")));
    std::vector<std::uint8_t> answers;
    migrated->for_each_answers({*scoring::parse_period("2025"), {}, {}},
                               [&](auto, auto, std::span<const std::uint8_t> a) { answers.assign(a.begin(), a.end()); });
    EXPECT_EQ(answers, (std::vector<std::uint8_t>{4, 3, 3, 2, 4, 4, 3, 1, 2}));
    // And new responses carry the fields beside the old one.
    sync::Batch batch = batch_of({"new-1"});
    batch.responses[0].response.channel = "link";
    migrated->ingest(*migrated->active_device(token_hash("t")), batch, "2025-03-05T09:00:00+07:00");
    EXPECT_EQ(old.count("SELECT count(*) FROM responses WHERE channel = 'link'"), 1);
    EXPECT_EQ(old.count("SELECT count(*) FROM responses"), 2);
}

// ---- [SQLite's own] ----------------------------------------------------------

TEST(HubStoreOnSqlite, SchemaIsMigratedDurableAndReopenable) {
    HubDb db;
    open_hub_store(db.path.string(), scheme());
    const auto again = open_hub_store(db.path.string(), scheme());
    store::Connection c(db.path.string(), SQLITE_OPEN_READWRITE);
    EXPECT_EQ(store::query_int(c, "PRAGMA user_version"), latest_hub_schema_version());
    store::Statement mode(c, "PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "wal");
}

TEST(HubStoreOnSqlite, TheTokenIsInNoFile) {
    HubDb db;
    const std::string token = new_token();
    {
        const auto store = open_hub_store(db.path.string(), scheme());
        store->enroll("kiosk-01", "Sukamaju", token_hash(token), "2025-03-04T08:00:00+07:00");
        ASSERT_TRUE(store->active_device(token_hash(token)));
    }
    // Nor anywhere in the files (WAL included).
    for (const auto& entry : fs::directory_iterator(db.dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        EXPECT_EQ(bytes.find(token), std::string::npos) << entry.path();
    }
}

// ---- [PostgreSQL's own] ------------------------------------------------------

TEST(HubStoreOnPostgres, SchemaVersionsAreRowsAndOpeningTwiceMigratesOnce) {
    BackendDb db(Backend::postgres);
    {
        // Two hubs opening a new database at the same moment.
        auto first = std::async(std::launch::async, [&] { return db.open(scheme()); });
        auto second = std::async(std::launch::async, [&] { return db.open(scheme()); });
        first.get();
        second.get();
    }
    db.open(scheme());
    EXPECT_EQ(db.count("SELECT count(*) FROM schema_version"), latest_pg_schema_version());
    EXPECT_EQ(db.count("SELECT max(version) FROM schema_version"), latest_pg_schema_version());
    EXPECT_EQ(db.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND "
                       "tablename IN ('devices', 'responses', 'schema_version')"),
              3);
}

TEST(HubStoreOnPostgres, AnUnreachableServerIsAClearStorageErrorWithoutThePassword) {
    // Nothing listens on port 1; a wrong password on the real server; a database that does not exist.
    auto& pg = skm::testing::test_postgres();
    const std::string secret = "Sangat-Rahasia-55";
    const std::vector<std::string> uris = {
        "postgresql://skm_hub:" + secret + "@127.0.0.1:1/hub",
        "postgres://skm_hub:" + secret + "@127.0.0.1:" + std::to_string(pg.port()) + "/" + pg.create_database(),
        "postgresql://skm_hub@127.0.0.1:" + std::to_string(pg.port()) + "/no_such_db?password=" + secret,
    };
    for (const auto& uri : uris) {
        SCOPED_TRACE(uri);
        try {
            open_hub_store(uri, scheme());
            FAIL() << "opened";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::storage);
            EXPECT_EQ(e.problem().key, "store.db_unreachable");
            for (const auto& [name, value] : e.problem().args) {
                EXPECT_EQ(value.find(secret), std::string::npos) << name << ": " << value;
            }
            EXPECT_NE(arg(e.problem(), "db").find("***"), std::string::npos);
            EXPECT_FALSE(arg(e.problem(), "detail").empty());
            EXPECT_EQ(std::string(e.what()).find(secret), std::string::npos);
        }
    }
}

TEST(HubStoreOnPostgres, AServerRestartIsSurvivedByTheNextCall) {
    BackendDb db(Backend::postgres);
    auto store = db.open(scheme());
    const Device a = enrolled(*store, "kiosk-a", "Sukamaju");
    // Every connection of the store is cut, as a restart of the server would.
    db.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'skm_hub'");
    // The first call may find its connection gone (a storage error the kiosk
    // retries); the one after has a fresh connection.
    try {
        store->ingest(a, batch_of({"r1"}), "2025-03-04T09:00:00+07:00");
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::storage);
    }
    store->ingest(a, batch_of({"r1", "r2"}), "2025-03-04T09:00:00+07:00");
    EXPECT_EQ(store->response_count(), 2);
}

TEST(PgConninfo, IsChosenByTheSchemeAndShownWithoutThePassword) {
    EXPECT_TRUE(is_postgres_uri("postgresql://hub@db.kab.go.id/skm"));
    EXPECT_TRUE(is_postgres_uri("postgres://localhost/skm"));
    EXPECT_TRUE(is_postgres_uri("PostgreSQL://localhost/skm"));
    EXPECT_FALSE(is_postgres_uri("/var/lib/skm-hub/hub.db"));
    EXPECT_FALSE(is_postgres_uri("postgresql.db"));
    EXPECT_FALSE(is_postgres_uri("host=localhost dbname=skm"));  // key=value form: a file of that name
    EXPECT_EQ(redact_conninfo("postgresql://hub:s3cr%40t@db:5432/skm?sslmode=require"),
              "postgresql://hub:***@db:5432/skm?sslmode=require");
    // As libpq reads it: a password given in the query is shown where the URI's own would be.
    EXPECT_EQ(redact_conninfo("postgresql://hub@db/skm?sslmode=require&password=abc&connect_timeout=5"),
              "postgresql://hub:***@db/skm?connect_timeout=5&sslmode=require");
    EXPECT_EQ(redact_conninfo("postgresql://db/skm"), "postgresql://db/skm");
    EXPECT_EQ(redact_conninfo("postgresql://hub:pw@[::1]:5432/skm"), "postgresql://hub:***@[::1]:5432/skm");
    EXPECT_EQ(redact_conninfo("postgres://hub:pw@db/sk%20m"), "postgres://hub:***@db/sk%20m");
    EXPECT_EQ(scrub_password("postgresql://hub:s3cr%40t@db/skm", "no s3cr@t and no s3cr%40t"), "no *** and no ***");
    EXPECT_EQ(scrub_password("postgresql://hub@db/skm?password=s3cr%40t", "no s3cr@t"), "no ***");
    // What libpq cannot read (an unknown parameter, a broken %-escape) shows nothing of itself.
    EXPECT_EQ(redact_conninfo("postgresql://hub:s3cret@db/skm?x=1"), "postgresql://***");
    EXPECT_EQ(redact_conninfo("postgresql://hub:s3cr%zzt@db/skm"), "postgresql://***");
    EXPECT_EQ(scrub_password("postgresql://hub:s3cr%zzt@db/skm", "invalid percent-encoded token: \"s3cr%zzt\""),
              "invalid percent-encoded token: \"***\"");
}

TEST(PgConninfo, AnUnreadableUriIsRefusedByLibpqWithoutThePassword) {
    try {
        open_hub_store("postgresql://hub:Sangat%zzRahasia@127.0.0.1:1/hub", scheme());
        FAIL() << "opened";
    } catch (const Error& e) {
        EXPECT_EQ(e.problem().key, "store.db_unreachable");
        EXPECT_EQ(arg(e.problem(), "db"), "postgresql://***");
        EXPECT_NE(arg(e.problem(), "detail").find("percent-encoded"), std::string::npos) << arg(e.problem(), "detail");
        EXPECT_EQ(std::string(e.what()).find("Rahasia"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace skm::hub

namespace skm::hub {
namespace {

// The download direction's two calls on both backends: a device is offered
// its kecamatan's link answers (and only those), in the order received,
// a page at a time; marking is once per device and only for those answers.
TEST_P(HubStoreContract, LinkAnswersAreOfferedToEachKioskOfTheKecamatanUntilMarkedDelivered) {
    const Device a = enrolled(*store, "kiosk-a", "Sukamaju");
    const Device a2 = enrolled(*store, "kiosk-a2", "Sukamaju");
    const Device b = enrolled(*store, "kiosk-b", "Sukamakmur");
    auto links = [](std::initializer_list<std::string> ids) {
        sync::Batch batch = batch_of(ids);
        for (auto& s : batch.responses) {
            s.response.channel = "link";
            s.response.origin = "hub";
        }
        return batch;
    };
    store->ingest(a, links({"l1", "l2", "l3"}), "2025-03-04T09:00:00+07:00");
    store->ingest(a, batch_of({"kiosk-own"}), "2025-03-04T09:00:00+07:00");  // not a link answer
    store->ingest(b, links({"far1"}), "2025-03-04T09:00:00+07:00");
    store->ingest(a2, links({"l4"}), "2025-03-04T09:01:00+07:00");

    auto ids = [](const std::vector<LinkAnswer>& answers) {
        std::vector<std::string> out;
        for (const auto& answer : answers) out.push_back(answer.submission.response.response_id);
        return out;
    };
    const auto page = store->undelivered_link_answers(a, 0, 2);
    EXPECT_EQ(ids(page), (std::vector<std::string>{"l1", "l2"}));
    ASSERT_EQ(page.size(), 2u);
    // Every field as stored, the answers in the scheme's order.
    const auto& first = page[0].submission;
    EXPECT_EQ(first.response.answers, response("x").response.answers);
    EXPECT_EQ(first.response.saran, "Antrean lebih tertib");
    EXPECT_EQ(first.response.flags, std::vector<std::string>{"too_fast"});
    EXPECT_EQ(first.response.channel, "link");
    EXPECT_EQ(first.response.device_id, "kiosk-a");
    EXPECT_EQ(first.duration_ms, 42000);
    EXPECT_EQ(first.questionnaire_id, "permenpan-14-2017");
    EXPECT_EQ(first.response.questionnaire_version, "1");
    EXPECT_EQ(ids(store->undelivered_link_answers(a, page[1].seq, 10)), (std::vector<std::string>{"l3", "l4"}));
    EXPECT_EQ(ids(store->undelivered_link_answers(b, 0, 10)), std::vector<std::string>{"far1"});

    // Marked for kiosk-a only; a stranger's id, a kiosk answer and an unknown id are not marked.
    EXPECT_EQ(store->mark_link_answers_delivered(a, {"l1", "l2", "far1", "kiosk-own", "nobody"}, "2025-03-04T10:00:00+07:00"),
              2);
    EXPECT_EQ(store->mark_link_answers_delivered(a, {"l1"}, "2025-03-04T10:01:00+07:00"), 0);
    EXPECT_EQ(ids(store->undelivered_link_answers(a, 0, 10)), (std::vector<std::string>{"l3", "l4"}));
    EXPECT_EQ(ids(store->undelivered_link_answers(a2, 0, 10)), (std::vector<std::string>{"l1", "l2", "l3", "l4"}));
    EXPECT_EQ(db.count("SELECT count(*) FROM link_deliveries"), 2);
    EXPECT_EQ(db.count("SELECT count(*) FROM link_deliveries WHERE device_id = 'kiosk-a' AND delivered_at = "
                       "'2025-03-04T10:00:00+07:00'"),
              2);
}

}  // namespace
}  // namespace skm::hub
