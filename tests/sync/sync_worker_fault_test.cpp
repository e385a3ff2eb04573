// The sync worker's thread meets a database that refuses the marks (disk
// full, an I/O error through the fault-injecting VFS of tests/store, a lock
// held past the 2 s busy timeout) or a transport that throws: the thread
// keeps running, Status shows the problem, and after its backoff the worker
// sends again and marks every response exactly once. Before this, the
// exception ended the kiosk through std::terminate.
//
// The hub here holds its second request until the test has read the status,
// so the test sees the failure while the worker is alive and retrying,
// whatever the machine's speed. The fault VFS is armed before the worker
// starts and disarmed after it stopped (the VFS is single-threaded).
#include "store/outbox.hpp"
#include "store/response_store.hpp"
#include "sync/engine.hpp"
#include "sync/gzip.hpp"
#include "tests/store/faulty_vfs.hpp"
#include "tests/support/minimal_submission.hpp"
#include "tests/support/permenpan_scheme.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace skm::sync {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const scoring::ScoringScheme& scheme() { return test::permenpan_scheme(); }

// A hub that accepts every batch (a resent one as duplicates), but holds the
// request numbered `hold_from` and later until release(); the first request
// may throw instead, as a broken transport would.
class HeldHub final : public Transport {
public:
    explicit HeldHub(int hold_from) : hold_from_(hold_from) {}

    HttpResult post_batch(const std::string& gzip_body) override {
        int number = 0;
        {
            std::unique_lock lock(mutex_);
            number = ++posts_;
            changed_.notify_all();
            if (number >= hold_from_) changed_.wait(lock, [&] { return released_; });
        }
        if (number == 1 && throw_first) throw std::runtime_error("transport exploded");
        const auto json = gzip_decompress(gzip_body, 8u << 20);
        if (!json) return {true, 400, "", "not gzip"};
        const auto decoded = decode_batch(*json, scheme());
        if (!std::holds_alternative<Batch>(decoded)) return {true, 400, "", "bad batch"};
        Reply reply;
        reply.batch_id = std::get<Batch>(decoded).batch_id;
        const std::lock_guard lock(mutex_);
        for (const auto& s : std::get<Batch>(decoded).responses) {
            const auto& id = s.response.response_id;
            const bool seen = stored_.count(id) > 0;
            ++stored_[id];
            reply.results.push_back({id, seen ? ItemStatus::duplicate : ItemStatus::accepted, ""});
        }
        return {true, 200, encode_reply(reply), ""};
    }

    // Waits until `n` requests have arrived (the worker is alive and retrying).
    bool wait_for_posts(int n) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, 30s, [&] { return posts_ >= n; });
    }
    void release() {
        {
            const std::lock_guard lock(mutex_);
            released_ = true;
        }
        changed_.notify_all();
    }
    std::map<std::string, int> stored() const {
        const std::lock_guard lock(mutex_);
        return stored_;
    }
    bool throw_first = false;

private:
    const int hold_from_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    int posts_ = 0;
    bool released_ = false;
    std::map<std::string, int> stored_;
};

// Lets the held request go when a test ends early, so the worker can be joined.
struct Releaser {
    HeldHub& hub;
    ~Releaser() { hub.release(); }
};

// A device database holding `count` responses waiting to be sent.
class Device {
public:
    explicit Device(int count)
        : dir_(fs::temp_directory_path() / ("skm-sync-worker-" + std::to_string(::getpid()) + "-" + std::to_string(++made_))) {
        fs::remove_all(dir_);
        store::StoreOptions options;
        options.path = db();
        store::ResponseStore store(options, scheme(), clock);
        std::vector<store::Submission> rows;
        for (int i = 0; i < count; ++i) rows.push_back(test::minimal_submission("w" + std::to_string(i)));
        store.import(rows);
    }
    ~Device() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    fs::path db() const { return dir_ / "skm.db"; }
    // sync_state of every response, read by a fresh connection.
    std::map<std::string, int> sent_counts() const {
        std::map<std::string, int> out;
        sqlite3* raw = nullptr;
        sqlite3_open_v2(db().c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(raw, "SELECT response_id, sync_state FROM responses", -1, &stmt, nullptr);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            const std::string state = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
            out[reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))] = state == "sent" ? 1 : 0;
        }
        sqlite3_finalize(stmt);
        sqlite3_close(raw);
        return out;
    }
    store::ManualClock clock{scoring::Timestamp{{2025, 3, 4}, 9, 0, 0, 420}};

private:
    fs::path dir_;
    static inline int made_ = 0;
};

EngineOptions quick_retries() {
    EngineOptions o;
    o.batch_size = 50;
    o.device_id = "kiosk-worker-test";
    o.backoff_base_ms = 20;  // the retry comes at once; the held hub keeps the failure on show
    o.backoff_max_ms = 100;
    o.config_every_ms = 24 * 3600'000LL;
    return o;
}

// Polls the worker's status until `done` holds (or 30 s).
template <typename Done>
SyncStatus wait_for_status(const SyncWorker& worker, Done done) {
    const auto until = std::chrono::steady_clock::now() + 30s;
    SyncStatus status = worker.status();
    while (!done(status) && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(2ms);
        status = worker.status();
    }
    return status;
}

// The common scenario: the first request's marks fail as `fault` makes them;
// the failure is on show while the worker retries; then everything is sent once.
void expect_survives(Device& device, HeldHub& hub, store::Outbox& outbox, const std::string& expected_key,
                     const std::function<void()>& clear_fault) {
    SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.5; }, quick_retries());
    {
        SyncWorker worker(engine);
        const Releaser releaser{hub};
        ASSERT_TRUE(hub.wait_for_posts(2)) << "the worker did not try again after the failure";
        const SyncStatus failed = worker.status();  // the hub holds request 2: this is the failure's snapshot
        ASSERT_TRUE(failed.last_error);
        EXPECT_EQ(failed.last_error->key, expected_key);
        EXPECT_GE(failed.consecutive_failures, 1);
        clear_fault();
        hub.release();
        const SyncStatus recovered = wait_for_status(worker, [](const SyncStatus& s) { return s.pending == 0; });
        EXPECT_EQ(recovered.pending, 0);
        EXPECT_FALSE(recovered.last_error);
        EXPECT_EQ(recovered.consecutive_failures, 0);
    }
    const auto sent = device.sent_counts();
    ASSERT_EQ(sent.size(), 120u);
    for (const auto& [id, is_sent] : sent) EXPECT_EQ(is_sent, 1) << id << " is not marked sent";
    const auto at_hub = hub.stored();
    EXPECT_EQ(at_hub.size(), 120u);  // each response reached the hub (a resend is answered "duplicate")
}

class SyncWorkerUnderStorageFaults : public ::testing::TestWithParam<test::FaultKind> {};

TEST_P(SyncWorkerUnderStorageFaults, TheThreadShowsTheErrorBacksOffAndSendsEverythingOnce) {
    test::FaultyVfs::install();
    Device device(120);
    HeldHub hub(2);
    store::Outbox outbox(device.db(), scheme(), test::FaultyVfs::kName);
    // The first durable operation of the worker is the first mark's write: it fails, once.
    test::FaultyVfs::arm(1, GetParam(), test::FaultPersistence::once);
    const std::string key = GetParam() == test::FaultKind::disk_full ? "store.disk_full" : "store.io_error";
    expect_survives(device, hub, outbox, key, [] {});
    EXPECT_EQ(test::FaultyVfs::counts().failures(), 1);
    test::FaultyVfs::disarm();
}

INSTANTIATE_TEST_SUITE_P(FullAndIoError, SyncWorkerUnderStorageFaults,
                         ::testing::Values(test::FaultKind::disk_full, test::FaultKind::io_error),
                         [](const auto& param_info) { return std::string(test::to_string(param_info.param)); });

TEST(SyncWorkerUnderFaults, ALockHeldPastTheBusyTimeoutIsShownAndOutlived) {
    Device device(120);
    HeldHub hub(2);
    store::Outbox outbox(device.db(), scheme());
    // Another program holds the write lock: the worker's marks wait 2 s, then SQLITE_BUSY.
    sqlite3* holder = nullptr;
    ASSERT_EQ(sqlite3_open_v2(device.db().c_str(), &holder, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    expect_survives(device, hub, outbox, "store.locked",
                    [&] { ASSERT_EQ(sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK); });
    sqlite3_close(holder);
}

TEST(SyncWorkerUnderFaults, AnyOtherExceptionIsAnInternalErrorNotTheEndOfTheKiosk) {
    Device device(120);
    HeldHub hub(2);
    hub.throw_first = true;  // std::runtime_error, not skm::Error
    store::Outbox outbox(device.db(), scheme());
    SyncEngine engine(outbox, hub, scheme(), device.clock, [] { return 0.5; }, quick_retries());
    SyncWorker worker(engine);
    const Releaser releaser{hub};
    ASSERT_TRUE(hub.wait_for_posts(2));
    const SyncStatus failed = worker.status();
    ASSERT_TRUE(failed.last_error);
    EXPECT_EQ(failed.last_error->key, "error.internal");
    ASSERT_EQ(failed.last_error->args.size(), 1u);
    EXPECT_EQ(failed.last_error->args[0].second, "transport exploded");
    hub.release();
    const SyncStatus recovered = wait_for_status(worker, [](const SyncStatus& s) { return s.pending == 0; });
    EXPECT_EQ(recovered.pending, 0);
    EXPECT_FALSE(recovered.last_error);
}

}  // namespace
}  // namespace skm::sync
