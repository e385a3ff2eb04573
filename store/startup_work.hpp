// The startup work a kiosk defers until after its first frame, so that a
// restart with a large history shows the welcome screen at once: counting the
// live tallies from every stored row, then the full PRAGMA quick_check. Both
// run on one background thread with its own connection, reading only (WAL: the
// kiosk keeps storing answers meanwhile), at a lower CPU priority than the
// screen. ResponseStore owns it and merges the counted tallies on its own
// thread (ResponseStore::start_deferred_checks).
#pragma once

#include "scoring/problem.hpp"
#include "scoring/scheme.hpp"
#include "store/tally_count.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace skm::store {

// The result of the full integrity check (PRAGMA quick_check), for the Status tab.
struct IntegrityStatus {
    enum class State {
        waiting,   // deferred, not started yet
        running,   // on the background thread now
        ok,        // quick_check said "ok"
        damaged,   // quick_check found damage: findings say what
        not_run,   // the check could not run (problem says why); nothing is known
    };
    State state = State::waiting;
    std::vector<std::string> findings;  // SQLite's messages when damaged
    std::optional<Problem> problem;     // why it could not run
    std::int64_t elapsed_ms = 0;
    std::string finished_at;  // ISO time, filled by the store on its own thread
};

// Tests only: hold the background work at a known point.
struct StartupHooks {
    std::function<void()> before_tally_snapshot;
    std::function<void()> after_tally_snapshot;
};

class StartupWork {
public:
    StartupWork(std::string path, const char* vfs, scoring::ScoringScheme scheme, StartupHooks hooks);
    // Stops a running count or check (progress handler) and joins the thread.
    ~StartupWork();
    StartupWork(const StartupWork&) = delete;
    StartupWork& operator=(const StartupWork&) = delete;

    void start();  // once; later calls do nothing
    bool started() const { return thread_.joinable(); }

    // Blocks until the tally count is over. The counted tallies, or the
    // problem that stopped the count (then the caller counts on its own).
    struct Tallies {
        std::optional<CountedTallies> counted;
        std::optional<Problem> problem;
    };
    Tallies wait_for_tallies();
    bool tallies_done() const;

    IntegrityStatus status() const;
    void wait_until_checked();

private:
    void run();
    void count(const Connection& reader);
    void check(const Connection& reader);
    static int progress(void* self);  // sqlite3_progress_handler: non-zero stops the statement

    const std::string path_;
    const char* vfs_;
    const scoring::ScoringScheme scheme_;
    const StartupHooks hooks_;

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<Tallies> tallies_;  // set once by the thread, taken by wait_for_tallies()
    bool tallies_done_ = false;
    std::optional<Problem> count_problem_;  // kept after the tallies were taken
    IntegrityStatus status_;
    bool check_done_ = false;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace skm::store
