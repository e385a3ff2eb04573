// The hub's database without the network: tokens are kept only as hashes,
// enrolment and revocation, and ingest's contract — a new id accepted, a
// known one duplicate and never a second row, a failed batch storing nothing.
#include "hub/device_token.hpp"
#include "hub/hub_schema.hpp"
#include "hub/hub_store.hpp"
#include "tests/support/run_program.hpp"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace skm::hub {
namespace {

namespace fs = std::filesystem;

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

TEST(HubStore, SchemaIsMigratedDurableAndReopenable) {
    HubDb db;
    { HubStore store(db.path, scheme()); }
    HubStore again(db.path, scheme());
    store::Connection c(db.path.string(), SQLITE_OPEN_READWRITE);
    EXPECT_EQ(store::query_int(c, "PRAGMA user_version"), latest_hub_schema_version());
    store::Statement mode(c, "PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "wal");
}

TEST(HubStore, ANewerSchemaIsRefused) {
    HubDb db;
    {
        HubStore store(db.path, scheme());
        store::Connection c(db.path.string(), SQLITE_OPEN_READWRITE);
        c.exec("PRAGMA user_version = 99");
    }
    try {
        HubStore store(db.path, scheme());
        FAIL() << "opened a database of a newer hub";
    } catch (const Error& e) {
        EXPECT_EQ(e.problem().key, "store.newer_schema");
    }
}

TEST(HubStore, KeepsOnlyTheTokensHash) {
    HubDb db;
    const std::string token = new_token();
    {
        HubStore store(db.path, scheme());
        store.enroll("kiosk-01", "Sukamaju", token_hash(token), "2025-03-04T08:00:00+07:00");
        const auto device = store.active_device(token_hash(token));
        ASSERT_TRUE(device);
        EXPECT_EQ(device->device_id, "kiosk-01");
        EXPECT_EQ(device->kecamatan, "Sukamaju");
        EXPECT_FALSE(store.active_device(token_hash(new_token())));
    }
    // Not in any column, nor anywhere in the files (WAL included).
    for (const auto& entry : fs::directory_iterator(db.dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        EXPECT_EQ(bytes.find(token), std::string::npos) << entry.path();
    }
}

TEST(HubStore, RevokedDevicesAreNotFoundAndMayBeEnrolledAgain) {
    HubDb db;
    HubStore store(db.path, scheme());
    const std::string first = new_token();
    store.enroll("kiosk-01", "Sukamaju", token_hash(first), "2025-03-04T08:00:00+07:00");
    try {
        store.enroll("kiosk-01", "Sukamaju", token_hash(new_token()), "2025-03-04T08:00:00+07:00");
        FAIL() << "an active device was enrolled twice";
    } catch (const Error& e) {
        EXPECT_EQ(e.problem().key, "hub.device_exists");
    }
    EXPECT_EQ(store.revoke_device("kiosk-01", "2025-03-05T08:00:00+07:00"), "kiosk-01");
    EXPECT_EQ(store.revoke_device("kiosk-01", "2025-03-06T08:00:00+07:00"), "kiosk-01");  // the first time stays
    EXPECT_EQ(store.devices().at(0).revoked_at, "2025-03-05T08:00:00+07:00");
    EXPECT_FALSE(store.revoke_device("kiosk-99", "2025-03-05T08:00:00+07:00"));
    EXPECT_FALSE(store.active_device(token_hash(first)));

    const std::string second = new_token();
    store.enroll("kiosk-01", "Sukamakmur", token_hash(second), "2025-03-07T08:00:00+07:00");
    EXPECT_FALSE(store.active_device(token_hash(first)));
    ASSERT_TRUE(store.active_device(token_hash(second)));
    EXPECT_EQ(store.active_device(token_hash(second))->kecamatan, "Sukamakmur");
    EXPECT_EQ(store.revoke_token(token_hash(second), "2025-03-08T08:00:00+07:00"), "kiosk-01");
    EXPECT_FALSE(store.active_device(token_hash(second)));
}

TEST(HubStore, IngestAcceptsNewIdsAndAnswersDuplicateForKnownOnes) {
    HubDb db;
    HubStore store(db.path, scheme());
    const Device a = enrolled(store, "kiosk-a", "Sukamaju");
    const Device b = enrolled(store, "kiosk-b", "Sukamakmur");
    const auto first = store.ingest(a, batch_of({"r1", "r2"}), "2025-03-04T09:00:00+07:00");
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].status, sync::ItemStatus::accepted);
    EXPECT_EQ(first[1].status, sync::ItemStatus::accepted);
    // Again, and mixed with a new one, and from another device: never a second row.
    const auto again = store.ingest(a, batch_of({"r1", "r2", "r3"}), "2025-03-04T09:01:00+07:00");
    EXPECT_EQ(again[0].status, sync::ItemStatus::duplicate);
    EXPECT_EQ(again[1].status, sync::ItemStatus::duplicate);
    EXPECT_EQ(again[2].status, sync::ItemStatus::accepted);
    EXPECT_EQ(store.ingest(b, batch_of({"r3"}), "2025-03-04T09:02:00+07:00")[0].status, sync::ItemStatus::duplicate);
    EXPECT_EQ(store.response_count(), 3);
    EXPECT_EQ(db.count("SELECT count(*) FROM responses WHERE device_id = 'kiosk-a' AND kecamatan = 'Sukamaju'"), 3);

    // Every field as sent; the local date in the response's own offset.
    store::Connection c(db.path.string(), SQLITE_OPEN_READONLY);
    store::Statement row(c, "SELECT layanan, answers, saran, flags, local_date, duration_ms, jenis_kelamin, umur, "
                            "questionnaire_id, questionnaire_version, batch_id FROM responses WHERE response_id = 'r1'");
    ASSERT_TRUE(row.step());
    EXPECT_EQ(row.text(0), "KTP-el");
    EXPECT_EQ(row.text(1), "persyaratan=4;prosedur=3;waktu=3;biaya=2;produk=4;kompetensi=4;perilaku=3;pengaduan=1;sarana=2");
    EXPECT_EQ(row.text(2), "Antrean lebih tertib");
    EXPECT_EQ(row.text(3), "too_fast");
    EXPECT_EQ(row.text(4), "2025-03-04");
    EXPECT_EQ(row.int64(5), 42'000);
    EXPECT_EQ(row.text(6), "P");
    EXPECT_EQ(row.text(7), "30-39");
    EXPECT_EQ(row.text(8), "permenpan-14-2017");
    EXPECT_EQ(row.int64(9), 1);
    EXPECT_EQ(row.text(10), "b-1");
}

TEST(HubStore, AFailedBatchStoresNothing) {
    HubDb db;
    HubStore store(db.path, scheme());
    const Device a = enrolled(store, "kiosk-a", "Sukamaju");
    {
        // A row the database refuses in the middle of the batch.
        store::Connection c(db.path.string(), SQLITE_OPEN_READWRITE);
        c.exec("CREATE TRIGGER poison BEFORE INSERT ON responses WHEN NEW.response_id = 'poison' "
               "BEGIN SELECT RAISE(ABORT, 'refused'); END");
    }
    EXPECT_THROW(store.ingest(a, batch_of({"r1", "r2", "poison", "r4"}), "2025-03-04T09:00:00+07:00"), Error);
    EXPECT_EQ(store.response_count(), 0);
    // And the store is usable afterwards.
    EXPECT_EQ(store.ingest(a, batch_of({"r1"}), "2025-03-04T09:00:00+07:00")[0].status, sync::ItemStatus::accepted);
    EXPECT_EQ(store.response_count(), 1);
}

TEST(HubStore, ReadsAnswersByPeriodKecamatanAndLayanan) {
    HubDb db;
    HubStore store(db.path, scheme());
    const Device a = enrolled(store, "kiosk-a", "Sukamaju");
    const Device b = enrolled(store, "kiosk-b", "Sukamakmur");
    sync::Batch march = batch_of({"m1", "m2"});
    sync::Batch july = batch_of({"j1"});
    july.responses[0].response.submitted_at = "2025-07-01T00:10:00+07:00";
    july.responses[0].response.answers = {1, 0, 2, 3, 4, 4, 4, 4, 4};
    store.ingest(a, march, "2025-07-02T09:00:00+07:00");
    store.ingest(b, july, "2025-07-02T09:00:00+07:00");
    auto count = [&](ResponseFilter filter) {
        int n = 0;
        store.for_each_answers(filter, [&](std::string_view, std::string_view, std::span<const std::uint8_t> answers) {
            EXPECT_EQ(answers.size(), scheme().size());
            ++n;
        });
        return n;
    };
    const auto s1 = *scoring::parse_period("2025-S1");
    const auto year = *scoring::parse_period("2025");
    EXPECT_EQ(count({s1, {}, {}}), 2);
    EXPECT_EQ(count({year, {}, {}}), 3);
    EXPECT_EQ(count({year, std::string("Sukamakmur"), {}}), 1);
    EXPECT_EQ(count({year, {}, std::string("SKTM")}), 0);
    std::vector<std::uint8_t> seen;
    store.for_each_answers({*scoring::parse_period("2025-S2"), {}, {}},
                           [&](std::string_view kecamatan, std::string_view layanan, std::span<const std::uint8_t> answers) {
                               EXPECT_EQ(kecamatan, "Sukamakmur");
                               EXPECT_EQ(layanan, "KTP-el");
                               seen.assign(answers.begin(), answers.end());
                           });
    EXPECT_EQ(seen, (std::vector<std::uint8_t>{1, 0, 2, 3, 4, 4, 4, 4, 4}));
}

}  // namespace
}  // namespace skm::hub
