// The dashboard's store (hub/web/web_store.hpp), the same contract on both
// backends: each case runs on a SQLite file and on a real PostgreSQL 15
// database, opened as skm-hub serve opens them (open_hub_store first, then
// open_web_store). Every method, with what it must refuse and what it must
// leave untouched; then PostgreSQL's own: uploads side by side commit in seq
// order, so the tallies' "rows after the last seq I saw" never misses one.
// Index: [contract: both backends] [PostgreSQL's own].
#include "hub/pg_connection.hpp"
#include "hub/sql_hub_store.hpp"
#include "hub/web/open_web_store.hpp"
#include "tests/hub/hub_backend.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <thread>

namespace skm::hub::web {
namespace {

using skm::hub::testing::Backend;
using skm::hub::testing::BackendDb;
using skm::hub::testing::describe;

const scoring::ScoringScheme& scheme() {
    static const auto s = scoring::ScoringScheme::permenpan_2017();
    return s;
}

store::Submission response(const std::string& id, const std::string& date, const std::string& layanan,
                           const std::string& saran = "", const std::string& jenis_kelamin = "") {
    store::Submission s;
    s.response.response_id = id;
    s.response.submitted_at = date + "T10:00:00+07:00";
    s.response.layanan = layanan;
    s.response.jenis_kelamin = jenis_kelamin;
    s.response.answers = {4, 3, 3, 2, 4, 4, 3, 1, 2};
    s.response.saran = saran;
    s.response.questionnaire_version = "1";
    s.questionnaire_id = "permenpan-14-2017";
    return s;
}

scoring::DateRange dates(const std::string& first, const std::string& last) {
    return {*scoring::parse_date(first), *scoring::parse_date(last)};
}

class WebStoreContract : public ::testing::TestWithParam<Backend> {
protected:
    WebStoreContract() : db(GetParam()), hub(db.open(scheme())), web(open_web_store(db.db())) {}

    void ingest(const std::string& device, const std::string& kecamatan, std::vector<store::Submission> items) {
        const Device d{device, kecamatan, "", std::nullopt, std::nullopt};
        const sync::Batch batch{device, "batch-" + std::to_string(++batches), std::move(items), std::nullopt,
                                std::nullopt, std::nullopt};
        hub->ingest(d, batch, "2025-07-01T09:00:00+07:00");
    }

    BackendDb db;
    std::unique_ptr<HubStore> hub;
    std::unique_ptr<WebStore> web;
    int batches = 0;
};

// ---- [contract: both backends] -----------------------------------------------

TEST_P(WebStoreContract, ReadsTheDatabaseTheHubWrites) {
    ingest("kiosk-1", "Sukamaju", {response("r1", "2025-02-01", "KTP-el", "Cepat")});
    // The web store's own connection sees the hub's row (the same file or database).
    EXPECT_EQ(web->saran("Sukamaju", dates("2025-01-01", "2025-12-31"), 10).size(), 1u);
    EXPECT_EQ(db.count("SELECT count(*) FROM responses"), 1);
}

TEST_P(WebStoreContract, UsersAreKeptSortedByBytesAndADuplicateIsRefusedUntouched) {
    EXPECT_EQ(web->user_count(), 0);
    EXPECT_FALSE(web->user("admin").has_value());
    web->add_user({"budi", "$argon2id$hash-b", Role::viewer, "2025-07-01T08:00:00+07:00"});
    web->add_user({"Admin", "$argon2id$hash-a", Role::admin, "2025-07-01T08:01:00+07:00"});
    web->add_user({"ani'; DROP TABLE web_users; --", "$argon2id$hash-c", Role::viewer, "2025-07-01T08:02:00+07:00"});
    try {
        web->add_user({"budi", "$argon2id$other", Role::admin, "2025-07-02T08:00:00+07:00"});
        FAIL() << "a second budi was stored";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::input);
        EXPECT_EQ(describe(e.problem()), "web.user_exists username=budi");
    }
    EXPECT_EQ(web->user_count(), 3);
    const auto budi = web->user("budi");
    ASSERT_TRUE(budi.has_value());
    EXPECT_EQ(budi->password_hash, "$argon2id$hash-b");
    EXPECT_EQ(budi->role, Role::viewer);
    EXPECT_EQ(budi->created_at, "2025-07-01T08:00:00+07:00");
    EXPECT_FALSE(web->user("BUDI").has_value()) << "names are compared exactly";
    const auto all = web->users();
    ASSERT_EQ(all.size(), 3u);
    // Byte order, as SQLite's: capitals before small letters, whatever PostgreSQL's locale.
    EXPECT_EQ(all[0].username, "Admin");
    EXPECT_EQ(all[0].role, Role::admin);
    EXPECT_EQ(all[1].username, "ani'; DROP TABLE web_users; --");
    EXPECT_EQ(all[2].username, "budi");
    EXPECT_EQ(db.count("SELECT count(*) FROM web_users"), 3);
}

TEST_P(WebStoreContract, AUsernameOverSixtyFourCharactersIsAStorageErrorAndStoresNothing) {
    try {
        web->add_user({std::string(65, 'x'), "$argon2id$h", Role::viewer, "2025-07-01T08:00:00+07:00"});
        FAIL() << "stored";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::storage);
    }
    EXPECT_EQ(db.count("SELECT count(*) FROM web_users"), 0);
}

TEST_P(WebStoreContract, SessionsAreFoundByHashDeletedAndExpireAtTheirSecond) {
    web->add_user({"admin", "$argon2id$h", Role::admin, "2025-07-01T08:00:00+07:00"});
    const std::string a(64, 'a');
    const std::string b(64, 'b');
    web->add_session({a, "admin", "csrf-a", 1'000});
    web->add_session({b, "admin", "csrf-b", 2'000});
    const auto found = web->session(a);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->username, "admin");
    EXPECT_EQ(found->csrf_token, "csrf-a");
    EXPECT_EQ(found->expires_at, 1'000);
    EXPECT_FALSE(web->session(std::string(64, 'c')).has_value());

    web->delete_expired_sessions(999);
    EXPECT_EQ(db.count("SELECT count(*) FROM web_sessions"), 2);
    web->delete_expired_sessions(1'000);  // expires_at <= now
    EXPECT_FALSE(web->session(a).has_value());
    EXPECT_TRUE(web->session(b).has_value());
    web->delete_session(b);
    EXPECT_EQ(db.count("SELECT count(*) FROM web_sessions"), 0);
}

TEST_P(WebStoreContract, ASessionOfAnUnknownUserOrWithoutAWholeHashIsRefused) {
    EXPECT_THROW(web->add_session({std::string(64, 'a'), "nobody", "csrf", 1'000}), Error);
    web->add_user({"admin", "$argon2id$h", Role::admin, "2025-07-01T08:00:00+07:00"});
    EXPECT_THROW(web->add_session({"short", "admin", "csrf", 1'000}), Error);
    EXPECT_EQ(db.count("SELECT count(*) FROM web_sessions"), 0);
}

TEST_P(WebStoreContract, AuditLogIsNewestFirstUpToItsLimitAndVerbatim) {
    for (int i = 0; i < 5; ++i) {
        web->audit({"2025-07-01T08:0" + std::to_string(i) + ":00+07:00", "admin", "action-" + std::to_string(i),
                    "detail '" + std::to_string(i) + "' $1 \\x00"});
    }
    const auto log = web->audit_log(3);
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[0].action, "action-4");
    EXPECT_EQ(log[0].at, "2025-07-01T08:04:00+07:00");
    EXPECT_EQ(log[0].username, "admin");
    EXPECT_EQ(log[0].detail, "detail '4' $1 \\x00");
    EXPECT_EQ(log[2].action, "action-2");
    EXPECT_EQ(web->audit_log(100).size(), 5u);
}

TEST_P(WebStoreContract, ADeviceReportKeepsWhatALaterReportLeftOut) {
    web->record_device_report({"kiosk-b", std::string("0.1.0"), std::int64_t{12}, std::string("2025-07-01T08:00:00+07:00"),
                               "2025-07-01T08:00:05+07:00", std::int64_t{-5}});
    web->record_device_report({"kiosk-a", std::nullopt, std::nullopt, std::nullopt, "2025-07-01T07:00:00+07:00",
                               std::nullopt});
    // kiosk-b again, saying only how many are pending.
    web->record_device_report({"kiosk-b", std::nullopt, std::int64_t{0}, std::nullopt, "2025-07-01T09:00:00+07:00",
                               std::nullopt});
    const auto reports = web->device_reports();
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0].device_id, "kiosk-a");
    EXPECT_FALSE(reports[0].app_version.has_value());
    EXPECT_FALSE(reports[0].pending.has_value());
    EXPECT_FALSE(reports[0].clock_skew_s.has_value());
    EXPECT_EQ(reports[1].device_id, "kiosk-b");
    EXPECT_EQ(reports[1].app_version, "0.1.0");
    EXPECT_EQ(reports[1].pending, 0);
    EXPECT_EQ(reports[1].kiosk_sent_at, "2025-07-01T08:00:00+07:00");
    EXPECT_EQ(reports[1].received_at, "2025-07-01T09:00:00+07:00");
    EXPECT_EQ(reports[1].clock_skew_s, -5);
}

TEST_P(WebStoreContract, TargetsAreSetOverwrittenAndListedPerYear) {
    web->set_target({2025, "", std::string("80.00"), std::int64_t{1000}});
    web->set_target({2025, "Sukamaju", std::string("82.50"), std::nullopt});
    web->set_target({2025, "Cibodas", std::nullopt, std::int64_t{300}});
    web->set_target({2024, "Sukamaju", std::string("70.00"), std::int64_t{10}});
    web->set_target({2025, "Sukamaju", std::string("85.00"), std::int64_t{400}});  // overwrites
    const auto t = web->targets(2025);
    ASSERT_EQ(t.size(), 3u);
    EXPECT_EQ(t[0].kecamatan, "");
    EXPECT_EQ(t[0].target_ikm, "80.00");
    EXPECT_EQ(t[0].population, 1000);
    EXPECT_EQ(t[1].kecamatan, "Cibodas");
    EXPECT_FALSE(t[1].target_ikm.has_value());
    EXPECT_EQ(t[1].population, 300);
    EXPECT_EQ(t[2].kecamatan, "Sukamaju");
    EXPECT_EQ(t[2].year, 2025);
    EXPECT_EQ(t[2].target_ikm, "85.00");
    EXPECT_EQ(t[2].population, 400);
    ASSERT_EQ(web->targets(2024).size(), 1u);
    EXPECT_EQ(web->targets(2024)[0].target_ikm, "70.00");
    EXPECT_TRUE(web->targets(2023).empty());
    EXPECT_EQ(db.count("SELECT count(*) FROM web_targets"), 4);
}

TEST_P(WebStoreContract, SaranOfOneKecamatanInTheDatesNewestFirst) {
    ingest("kiosk-a", "Sukamaju",
           {response("a1", "2025-02-01", "KTP-el", "Antrean panjang"), response("a2", "2025-03-01", "KK", ""),
            response("a3", "2025-04-01", "KK", "Ruang tunggu panas"), response("a4", "2024-12-31", "KTP-el", "Lama"),
            response("a5", "2025-04-01", "KTP-el", "Petugas ramah")});
    ingest("kiosk-b", "Cibodas", {response("b1", "2025-03-01", "KTP-el", "Bukan Sukamaju")});
    const auto all = web->saran("Sukamaju", dates("2025-01-01", "2025-12-31"), 10);
    ASSERT_EQ(all.size(), 3u);
    // Same date: the later stored first.
    EXPECT_EQ(all[0].saran, "Petugas ramah");
    EXPECT_EQ(all[0].layanan, "KTP-el");
    EXPECT_EQ(all[0].local_date, "2025-04-01");
    EXPECT_EQ(all[1].saran, "Ruang tunggu panas");
    EXPECT_EQ(all[2].saran, "Antrean panjang");
    EXPECT_EQ(web->saran("Sukamaju", dates("2025-01-01", "2025-12-31"), 2).size(), 2u);
    EXPECT_EQ(web->saran("Sukamaju", dates("2024-12-31", "2024-12-31"), 10).at(0).saran, "Lama");
    EXPECT_TRUE(web->saran("Nowhere", dates("2025-01-01", "2025-12-31"), 10).empty());
}

TEST_P(WebStoreContract, ResponsesAfterASeqComeInSeqOrderAsStored) {
    ingest("kiosk-a", "Sukamaju", {response("r1", "2025-02-01", "KTP-el"), response("r2", "2025-03-01", "KK")});
    ingest("kiosk-b", "Cibodas", {response("r3", "2024-05-06", "KTP-el")});
    std::vector<std::int64_t> seqs;
    std::vector<std::string> seen;
    const auto collect = [&](std::int64_t after) {
        seqs.clear();
        seen.clear();
        web->for_each_response_after(after, [&](std::int64_t seq, std::string_view date, std::string_view kecamatan,
                                                std::string_view layanan, std::string_view answers) {
            seqs.push_back(seq);
            seen.push_back(std::string(date) + "|" + std::string(kecamatan) + "|" + std::string(layanan) + "|" +
                           std::string(answers));
        });
    };
    collect(0);
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_LT(seqs[0], seqs[1]);
    EXPECT_LT(seqs[1], seqs[2]);
    const auto stored = db.rows("SELECT seq, answers FROM responses ORDER BY seq");
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_EQ(std::to_string(seqs[0]), stored[0][0]);
    EXPECT_EQ(seen[0], "2025-02-01|Sukamaju|KTP-el|" + *stored[0][1]);
    EXPECT_EQ(seen[1], "2025-03-01|Sukamaju|KK|" + *stored[1][1]);
    EXPECT_EQ(seen[2], "2024-05-06|Cibodas|KTP-el|" + *stored[2][1]);
    const std::int64_t last = seqs[2];
    collect(seqs[0]);
    EXPECT_EQ(seen.size(), 2u);
    collect(last);
    EXPECT_TRUE(seen.empty());
    ingest("kiosk-a", "Sukamaju", {response("r4", "2025-05-01", "KTP-el")});
    collect(last);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_GT(seqs[0], last);
    EXPECT_EQ(seen[0].substr(0, 27), "2025-05-01|Sukamaju|KTP-el|");
}

TEST_P(WebStoreContract, ProfileCountsOneFieldOfOneKecamatanInTheDates) {
    ingest("kiosk-a", "Sukamaju",
           {response("p1", "2025-02-01", "KTP-el", "", "L"), response("p2", "2025-02-02", "KTP-el", "", "P"),
            response("p3", "2025-02-03", "KK", "", "P"), response("p4", "2024-02-03", "KK", "", "L"),
            response("p5", "2025-02-04", "KK", "", "")});
    ingest("kiosk-b", "Cibodas", {response("q1", "2025-02-01", "KTP-el", "", "L")});
    const auto sorted = [](std::vector<std::pair<std::string, std::uint64_t>> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    using Counts = std::vector<std::pair<std::string, std::uint64_t>>;
    const auto year = dates("2025-01-01", "2025-12-31");
    EXPECT_EQ(sorted(web->profile("Sukamaju", year, "jenis_kelamin")), (Counts{{"", 1}, {"L", 1}, {"P", 2}}));
    EXPECT_EQ(sorted(web->profile("Sukamaju", year, "layanan")), (Counts{{"KK", 2}, {"KTP-el", 2}}));
    EXPECT_EQ(sorted(web->profile("Sukamaju", year, "umur")), (Counts{{"", 4}}));
    EXPECT_EQ(sorted(web->profile("Sukamaju", year, "pendidikan")), (Counts{{"", 4}}));
    EXPECT_EQ(sorted(web->profile("Sukamaju", year, "pekerjaan")), (Counts{{"", 4}}));
    EXPECT_EQ(sorted(web->profile("Cibodas", year, "jenis_kelamin")), (Counts{{"L", 1}}));
    // Not a column name the store offers: nothing, and nothing run.
    EXPECT_TRUE(web->profile("Sukamaju", year, "saran; DROP TABLE responses").empty());
    EXPECT_EQ(db.count("SELECT count(*) FROM responses"), 6);
}

// The optional response fields, read back as the dashboard reads profiles.
TEST_P(WebStoreContract, ProfileCountsOriginAndChannelAsTheHubStoredThem) {
    std::vector<store::Submission> items = {response("r1", "2025-02-01", "KTP-el"), response("r2", "2025-02-02", "KK"),
                                            response("r3", "2025-02-03", "KK")};
    items[0].response.origin = "kiosk";
    items[0].response.channel = "kiosk";
    items[1].response.origin = "import";
    items[1].response.channel = "paper";
    items[1].response.profile_detail = "pekerjaan=petani";
    ingest("kiosk-1", "Sukamaju", std::move(items));
    using Counts = std::vector<std::pair<std::string, std::uint64_t>>;
    auto sorted = [](Counts c) {
        std::sort(c.begin(), c.end());
        return c;
    };
    const auto year = dates("2025-01-01", "2025-12-31");
    EXPECT_EQ(sorted(web->profile("Sukamaju", year, "origin")), (Counts{{"", 1}, {"import", 1}, {"kiosk", 1}}));
    EXPECT_EQ(sorted(web->profile("Sukamaju", year, "channel")), (Counts{{"", 1}, {"kiosk", 1}, {"paper", 1}}));
    EXPECT_EQ(db.count("SELECT count(*) FROM responses WHERE profile_detail = 'pekerjaan=petani'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebStoreContract, SKM_ALL_HUB_BACKENDS);

// ---- [PostgreSQL's own] ------------------------------------------------------

// Uploads running side by side while the dashboard keeps reading "what is new
// since the last seq": it must end up having seen every stored row, once.
// Without the ingest lock an upload's later seq can commit before another's
// earlier one, and the reader steps over the earlier for good.
TEST(WebStoreOnPostgres, ConcurrentUploadsNeverHideARowFromTheReaderOfNewRows) {
    BackendDb db(Backend::postgres);
    const auto hub = db.open(scheme());
    const auto web = open_web_store(db.db());
    constexpr int kWriters = 4;
    constexpr int kBatches = 25;
    constexpr int kPerBatch = 6;
    std::atomic<int> writers_done = 0;
    std::vector<std::future<void>> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.push_back(std::async(std::launch::async, [&, w] {
            for (int b = 0; b < kBatches; ++b) {
                std::vector<store::Submission> items;
                for (int i = 0; i < kPerBatch; ++i) {
                    items.push_back(response("w" + std::to_string(w) + "-" + std::to_string(b) + "-" + std::to_string(i),
                                             "2025-02-01", "KTP-el"));
                }
                const Device d{"kiosk-" + std::to_string(w), "Sukamaju", "", std::nullopt, std::nullopt};
                hub->ingest(d, {d.device_id, "b" + std::to_string(b), std::move(items), std::nullopt, std::nullopt,
                                std::nullopt},
                            "2025-07-01T09:00:00+07:00");
            }
            ++writers_done;
        }));
    }
    std::int64_t last = 0;
    std::int64_t seen = 0;
    bool in_order = true;
    const auto read_new = [&] {
        web->for_each_response_after(last, [&](std::int64_t seq, auto, auto, auto, auto) {
            in_order = in_order && seq > last;
            last = seq;
            ++seen;
        });
    };
    while (writers_done < kWriters) read_new();
    for (auto& w : writers) w.get();
    read_new();
    EXPECT_TRUE(in_order);
    EXPECT_EQ(db.count("SELECT count(*) FROM responses"), kWriters * kBatches * kPerBatch);
    EXPECT_EQ(seen, kWriters * kBatches * kPerBatch) << "rows committed below a seq already read were missed";
}

// The mechanism itself: while another transaction holds the ingest lock, an
// upload waits and stores nothing; once it is released, the upload goes on.
TEST(WebStoreOnPostgres, AnUploadWaitsForTheIngestLock) {
    BackendDb db(Backend::postgres);
    const auto hub = db.open(scheme());
    PgConnection other(db.db());
    SqlTransaction holding(other);
    other.execute("SELECT pg_advisory_xact_lock(?1)", {SqlHubStore::kIngestLockKey});
    auto upload = std::async(std::launch::async, [&] {
        const Device d{"kiosk-1", "Sukamaju", "", std::nullopt, std::nullopt};
        return hub->ingest(d, {"kiosk-1", "b-1", {response("x1", "2025-02-01", "KTP-el")}, std::nullopt, std::nullopt,
                               std::nullopt},
                           "2025-07-01T09:00:00+07:00");
    });
    EXPECT_EQ(upload.wait_for(std::chrono::milliseconds(400)), std::future_status::timeout);
    EXPECT_EQ(db.count("SELECT count(*) FROM responses"), 0);
    holding.commit();
    const auto results = upload.get();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].status, sync::ItemStatus::accepted);
    EXPECT_EQ(db.count("SELECT count(*) FROM responses"), 1);
}

}  // namespace
}  // namespace skm::hub::web
