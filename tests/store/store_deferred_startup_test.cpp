// Deferred startup checks (the kiosk's StartupChecks::deferred): opening does
// only the cheap checks; the tally count and the full quick_check run on a
// background thread. The tallies then equal an independent count of what was
// stored, responses stored while the count runs are counted exactly once, and
// the check's result (ok, or damage) reaches integrity_status(); damage is
// moved aside as startup would do, keeping every acknowledged response (and,
// mid-run, the office's setup).
#include "store/office_data.hpp"
#include "store/response_store.hpp"
#include "store/salvage.hpp"
#include "tests/store/store_test_support.hpp"

#include <gtest/gtest.h>

#include <semaphore>

namespace skm::store {
namespace {

using test::make_submission;
using test::RawDb;
using State = IntegrityStatus::State;

// The expected tallies from the submissions themselves, not through the store.
scoring::TallyCube expected_cube(const std::vector<Submission>& stored, std::size_t unsur) {
    scoring::TallyCube cube(unsur);
    for (const auto& s : stored) {
        const auto& r = s.response;
        cube.add(r.layanan, scoring::parse_timestamp(r.submitted_at)->date, !r.flags.empty(), r.answers);
    }
    return cube;
}

// One side waits at a point until the other lets it go.
class Gate {
public:
    void arrive_and_wait() {
        arrived_.release();
        open_.acquire();
    }
    void wait_for_arrival() { arrived_.acquire(); }
    void open() { open_.release(); }

private:
    std::binary_semaphore arrived_{0};
    std::binary_semaphore open_{0};
};

class DeferredStartup : public test::StoreTest {
protected:
    std::vector<Submission> stored;  // what the database holds, for the expected tallies

    std::unique_ptr<ResponseStore> open(StartupChecks startup, StartupHooks hooks = {}) {
        StoreOptions options = test::options_for(database);
        options.startup = startup;
        options.startup_hooks = std::move(hooks);
        return std::make_unique<ResponseStore>(options, scheme, clock);
    }
    // Opened as the kiosk does: the checks started in the background.
    std::unique_ptr<ResponseStore> open_checking() {
        auto store = open(StartupChecks::deferred);
        store->start_deferred_checks();
        return store;
    }

    void fill(std::size_t rows) {
        auto store = open(StartupChecks::full);
        auto batch = test::varied_submissions("old", rows, 14);
        ASSERT_EQ(store->import(batch).inserted, rows);
        stored.insert(stored.end(), batch.begin(), batch.end());
    }

    void submit(ResponseStore& store, const Submission& s) {
        ASSERT_EQ(store.submit(s), std::nullopt) << s.response.response_id;
        stored.push_back(s);
    }
};

TEST_F(DeferredStartup, OpeningCountsNothingAndTheTalliesThenEqualTheStoredResponses) {
    fill(600);
    if (HasFatalFailure()) return;
    auto store = open(StartupChecks::deferred);
    EXPECT_EQ(store->integrity_status().state, State::waiting);  // nothing ran before the "first frame"
    EXPECT_FALSE(store->tallies_ready());
    store->start_deferred_checks();
    EXPECT_TRUE(store->tallies() == expected_cube(stored, scheme.size()));
    EXPECT_EQ(store->tallies().total().respondents(), 600u);
    store->wait_for_deferred_checks();
    const IntegrityStatus status = store->integrity_status();
    EXPECT_EQ(status.state, State::ok);
    EXPECT_EQ(status.findings, std::vector<std::string>{"ok"});
    EXPECT_EQ(status.finished_at, "2024-03-01T09:15:00+07:00");
    EXPECT_FALSE(store->damage_found());
    EXPECT_FALSE(store->move_damaged_aside());
    EXPECT_TRUE(store->check().ok());
    EXPECT_TRUE(store->tallies() == store->recount());
}

TEST_F(DeferredStartup, TalliesAskedForBeforeTheBackgroundStartedAreCountedAllTheSame) {
    fill(50);
    if (HasFatalFailure()) return;
    auto store = open(StartupChecks::deferred);
    submit(*store, make_submission("new-1"));
    EXPECT_TRUE(store->tallies() == expected_cube(stored, scheme.size()));  // starts the count and waits for it
    submit(*store, make_submission("new-2"));
    EXPECT_TRUE(store->tallies() == expected_cube(stored, scheme.size()));
}

TEST_F(DeferredStartup, ResponsesStoredWhileTheCountRunsAreCountedExactlyOnce) {
    fill(400);
    if (HasFatalFailure()) return;
    Gate before_snapshot;
    Gate after_snapshot;
    StartupHooks hooks;
    hooks.before_tally_snapshot = [&] { before_snapshot.arrive_and_wait(); };
    hooks.after_tally_snapshot = [&] { after_snapshot.arrive_and_wait(); };
    auto store = open(StartupChecks::deferred, std::move(hooks));

    submit(*store, make_submission("before-start", "2024-03-02T08:00:00+07:00", "SKTM", 1));
    store->start_deferred_checks();
    before_snapshot.wait_for_arrival();
    // Stored before the snapshot: the background count sees these rows, and
    // the store also holds them as arrivals. They must count once.
    for (const auto& s : test::varied_submissions("early", 5, 3)) submit(*store, s);
    auto early_batch = test::varied_submissions("early-import", 7, 4);
    ASSERT_EQ(store->import(early_batch).inserted, 7u);
    stored.insert(stored.end(), early_batch.begin(), early_batch.end());
    EXPECT_EQ(store->submit(make_submission("early-0")).value().key, "store.duplicate");  // refused: not counted
    before_snapshot.open();
    after_snapshot.wait_for_arrival();
    // Stored after the snapshot: only the arrivals count these.
    for (const auto& s : test::varied_submissions("late", 6, 5)) submit(*store, s);
    auto late_batch = test::varied_submissions("late-import", 4, 6);
    late_batch.push_back(make_submission("early-import-0"));  // already there: not counted again
    const auto late_import = store->import(late_batch);
    EXPECT_EQ(late_import.inserted, 4u);
    EXPECT_EQ(late_import.already_present, 1u);
    stored.insert(stored.end(), late_batch.begin(), late_batch.end() - 1);
    EXPECT_FALSE(store->tallies_ready());
    after_snapshot.open();

    EXPECT_TRUE(store->tallies() == expected_cube(stored, scheme.size()));
    EXPECT_EQ(store->tallies().total().respondents(), 400u + 1 + 5 + 7 + 6 + 4);
    EXPECT_EQ(static_cast<std::int64_t>(store->tallies().total().respondents()), store->count());
    // After the count, submits go straight into the tallies.
    submit(*store, make_submission("afterwards"));
    EXPECT_TRUE(store->tallies() == expected_cube(stored, scheme.size()));
    store->wait_for_deferred_checks();
    EXPECT_TRUE(store->check().ok());
}

TEST_F(DeferredStartup, TheTalliesAfterARestartEqualAFullRecount) {
    fill(300);
    if (HasFatalFailure()) return;
    for (int restart = 0; restart < 3; ++restart) {
        auto store = open_checking();
        submit(*store, make_submission("restart-" + std::to_string(restart)));
        const auto full = open(StartupChecks::full);  // the old startup, on the same file
        EXPECT_TRUE(store->tallies() == full->tallies()) << "restart " << restart;
        EXPECT_TRUE(store->tallies() == expected_cube(stored, scheme.size())) << "restart " << restart;
    }
}

TEST_F(DeferredStartup, AFullStartupReportsItsCheckAtOnce) {
    fill(10);
    if (HasFatalFailure()) return;
    auto store = open(StartupChecks::full);
    const auto status = store->integrity_status();
    EXPECT_EQ(status.state, State::ok);
    EXPECT_EQ(status.finished_at, "2024-03-01T09:15:00+07:00");
    EXPECT_TRUE(store->tallies_ready());
    EXPECT_FALSE(store->damage_found());
}

TEST_F(DeferredStartup, ClosingWhileTheCheckRunsStopsIt) {
    fill(2000);
    if (HasFatalFailure()) return;
    for (int i = 0; i < 5; ++i) {
        auto store = open_checking();
    }  // no hang, no crash; the next open is healthy
    auto store = open(StartupChecks::deferred);
    store->wait_for_deferred_checks();
    EXPECT_EQ(store->integrity_status().state, State::ok);
}

// A cut-short file is caught by the header check, before the first frame.
TEST_F(DeferredStartup, ATruncatedFileIsStillMovedAsideBeforeTheFirstFrame) {
    fill(300);
    if (HasFatalFailure()) return;
    const std::string whole = test::read_bytes(database);
    test::write_bytes(database, whole.substr(0, whole.size() / 2));
    auto store = open(StartupChecks::deferred);
    ASSERT_TRUE(store->open_report().moved_aside.has_value());
    EXPECT_EQ(store->setting("alert.damaged_database"), store->open_report().moved_aside->string());
    EXPECT_EQ(store->count(), 0);
    EXPECT_TRUE(store->tallies() == scoring::TallyCube(scheme.size()));
}

// The background check is the quick_check startup ran, not a lighter one: it
// also finds a row that breaks a CHECK constraint (which SQLite's quick_check
// skips on a read-only connection).
TEST_F(DeferredStartup, TheDeferredCheckFindsWhatTheStartupCheckFound) {
    fill(20);
    if (HasFatalFailure()) return;
    {
        RawDb raw(database, /*writable=*/true);
        raw.connection().exec("PRAGMA ignore_check_constraints = ON; UPDATE responses SET jenis_kelamin = 'X' WHERE seq = 5");
    }
    const std::string broken = test::read_bytes(database);
    auto store = open_checking();
    store->wait_for_deferred_checks();
    const auto status = store->integrity_status();
    ASSERT_EQ(status.state, State::damaged);
    EXPECT_EQ(status.findings, std::vector<std::string>{"CHECK constraint failed in responses"});
    store.reset();
    test::write_bytes(database, broken);
    auto full = open(StartupChecks::full);
    EXPECT_TRUE(full->open_report().moved_aside.has_value());  // what startup did with the same file
}

// The first leaf page of the responses table (oldest rows): damage the cheap
// checks cannot see, and that new rows (appended at the right) do not touch.
std::int64_t first_response_leaf(const std::filesystem::path& database) {
    RawDb raw(database);
    return raw.integer("SELECT pageno FROM dbstat WHERE name = 'responses' AND pagetype = 'leaf' ORDER BY path LIMIT 1");
}

TEST_F(DeferredStartup, DamageFoundByTheDeferredCheckReachesTheStatusAndIsMovedAsideKeepingEveryResponse) {
    fill(300);
    if (HasFatalFailure()) return;
    const std::int64_t page = first_response_leaf(database);
    const std::int64_t page_size = RawDb(database).integer("PRAGMA page_size");
    ASSERT_GT(page, 1);
    test::overwrite_bytes(database, static_cast<std::size_t>((page - 1) * page_size), std::string(64, '\x5C'));

    auto store = open(StartupChecks::deferred);
    EXPECT_FALSE(store->open_report().moved_aside.has_value());  // the cheap checks pass
    // The office's setup, which the kiosk must keep when the file is moved aside mid-run.
    store->set_setting("staff.pin_hash", "$argon2id$hash-of-the-pin");
    store->set_setting("sync_hub_url", "https://hub.example/api/v1/batches");
    store->set_setting("backup.last", "2024-03-01T01:00:00+07:00");
    ASSERT_EQ(add_layanan(store->connection(), "KTP-el"), std::nullopt);
    ASSERT_EQ(add_layanan(store->connection(), "SKTM"), std::nullopt);
    ASSERT_EQ(set_layanan_active(store->connection(), "SKTM", false), std::nullopt);
    ASSERT_EQ(set_target(store->connection(), 2024, "", "85.50"), std::nullopt);
    ASSERT_EQ(set_population(store->connection(), 2024, "KTP-el", 12000), std::nullopt);
    // Citizens keep answering while the check runs: acknowledged means kept.
    for (int i = 0; i < 3; ++i) ASSERT_EQ(store->submit(make_submission("while-checking-" + std::to_string(i))), std::nullopt);
    store->start_deferred_checks();
    store->wait_for_deferred_checks();
    IntegrityStatus status = store->integrity_status();
    ASSERT_EQ(status.state, State::damaged);
    ASSERT_FALSE(status.findings.empty());
    EXPECT_NE(status.findings.front(), "ok");
    EXPECT_EQ(status.finished_at, "2024-03-01T09:15:00+07:00");
    EXPECT_TRUE(store->damage_found());
    // The rows cannot all be read, yet asking for the tallies never throws:
    // the staff dashboard stays usable and counts what was stored since start.
    EXPECT_GE(store->tallies().total().respondents(), 3u);

    clock.advance_ms(60'000);
    ASSERT_TRUE(store->move_damaged_aside());
    ASSERT_TRUE(store->open_report().moved_aside.has_value());
    const auto moved = *store->open_report().moved_aside;
    EXPECT_EQ(moved.filename().string(), "skm.db.damaged-20240301-091600");  // named by the time of the move
    EXPECT_TRUE(std::filesystem::exists(moved));
    EXPECT_EQ(store->setting("alert.damaged_database"), moved.string());
    EXPECT_EQ(RawDb(database).column("SELECT action FROM audit_log"), std::vector<std::string>{"database_moved_aside"});
    // The finding stays on the status; the new database is empty, sound and counted.
    EXPECT_EQ(store->integrity_status().state, State::damaged);
    EXPECT_FALSE(store->damage_found());
    EXPECT_EQ(store->count(), 0);
    EXPECT_TRUE(store->tallies() == scoring::TallyCube(scheme.size()));
    EXPECT_EQ(RawDb(database).integrity(), "ok");
    ASSERT_EQ(store->submit(make_submission("after-move")), std::nullopt);
    EXPECT_EQ(store->tallies().total().respondents(), 1u);
    // The office's setup came along; the backup schedule starts again for the new file.
    EXPECT_EQ(store->setting("staff.pin_hash"), "$argon2id$hash-of-the-pin");
    EXPECT_EQ(store->setting("sync_hub_url"), "https://hub.example/api/v1/batches");
    EXPECT_EQ(store->setting("backup.last"), std::nullopt);
    const auto layanan = layanan_entries(store->connection());
    ASSERT_EQ(layanan.size(), 2u);
    EXPECT_EQ(layanan[0].name, "KTP-el");
    EXPECT_TRUE(layanan[0].active);
    EXPECT_EQ(layanan[1].name, "SKTM");
    EXPECT_FALSE(layanan[1].active);
    EXPECT_EQ(target(store->connection(), 2024, ""), "85.50");
    EXPECT_EQ(population(store->connection(), 2024, "KTP-el"), 12000u);

    // Nothing acknowledged is lost: the three stored during the check come
    // back with skm db salvage from the moved-aside file and its WAL.
    const auto result = salvage(*store, moved);
    EXPECT_TRUE(result.opened);
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(store->contains("while-checking-" + std::to_string(i))) << i;
    EXPECT_GT(result.rows_read, 3u);  // and the old rows that are still readable
    EXPECT_TRUE(store->tallies() == store->recount());
}

}  // namespace
}  // namespace skm::store
