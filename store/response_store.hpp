// The device's response database: durable submits (WAL, synchronous=FULL),
// migrations, an integrity check with move-aside of a damaged file (at
// startup, or deferred until after the kiosk's first frame), scheduled online
// backups, idempotent import, and live tallies kept equal to a full recount.
//
// Index: [types] [ResponseStore]
#pragma once

#include "formats/response.hpp"
#include "scoring/scheme.hpp"
#include "scoring/tally_cube.hpp"
#include "store/clock.hpp"
#include "store/file_ops.hpp"
#include "store/sqlite.hpp"
#include "store/startup_work.hpp"
#include "store/stored_row.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace skm::store {

// ---- [types] -------------------------------------------------------------

// What opening checks before the constructor returns.
enum class StartupChecks {
    // The full quick_check and the live tallies counted from every row (skm,
    // the tests): seconds with a million responses.
    full,
    // Only opening, the header check and the schema version; the tallies and
    // the quick_check run later on a background thread (the kiosk, after its
    // first frame: ResponseStore::start_deferred_checks).
    deferred,
};

struct StoreOptions {
    std::filesystem::path path;
    std::filesystem::path backup_dir;  // default: <path>.backups
    int keep_backups = 7;
    std::int64_t backup_every_hours = 24;
    const char* vfs = nullptr;  // tests inject faults through their own VFS
    StartupChecks startup = StartupChecks::full;
    StartupHooks startup_hooks;  // tests: hold the deferred work at a known point
    // Backups' rename into place and rotation; null: the real disk. The
    // power-loss tests pass their simulated disk (and its VFS) here.
    FileOps* file_ops = nullptr;
};

struct OpenReport {
    int schema_version_found = 0;
    bool created = false;
    std::optional<std::filesystem::path> moved_aside;      // damaged file kept here
    std::optional<std::filesystem::path> migration_backup;
};

struct ImportResult {
    std::size_t inserted = 0;
    std::size_t already_present = 0;
    std::vector<Problem> invalid;  // left out (only with skip_invalid)
};

struct ExportFilter {
    std::optional<scoring::LocalDate> from;
    std::optional<scoring::LocalDate> to;
    std::optional<std::string> layanan;
};

struct CheckReport {
    std::vector<std::string> integrity;  // "ok" or SQLite's messages
    std::int64_t responses = 0;
    std::int64_t pending_sync = 0;
    bool tallies_match_recount = false;
    bool ok() const { return integrity == std::vector<std::string>{"ok"} && tallies_match_recount; }
};

std::filesystem::path default_database_path();

// What every writer of responses shares (the store, the sync engine's
// download through store::Outbox): the checks a response must pass before it
// is written (store.invalid_response naming the field), and the one INSERT
// (ON CONFLICT (response_id) DO NOTHING) with its binding.
std::optional<Problem> validate_submission(const Submission& submission, const scoring::ScoringScheme& scheme);
extern const char* const kInsertResponse;
void bind_response(Statement& insert, const Submission& submission, const scoring::ScoringScheme& scheme,
                   const scoring::LocalDate& local_date);

// ---- [ResponseStore] -----------------------------------------------------

class ResponseStore {
public:
    // Opens (or creates) the database. A damaged file is moved aside and a new
    // one started; see open_report(). Throws skm::Error(storage) only when no
    // database can be opened at all.
    ResponseStore(StoreOptions options, scoring::ScoringScheme scheme, Clock& clock);
    ~ResponseStore();
    ResponseStore(const ResponseStore&) = delete;
    ResponseStore& operator=(const ResponseStore&) = delete;

    const OpenReport& open_report() const { return report_; }
    const scoring::ScoringScheme& scheme() const { return scheme_; }
    const std::filesystem::path& path() const { return options_.path; }

    // Returns only after the response is durable on disk; otherwise the
    // problem in plain words (store.disk_full, store.read_only, store.locked…)
    // and nothing stored is touched.
    std::optional<Problem> submit(const Submission& submission);

    // One transaction; responses whose id is already stored are left alone.
    // An invalid response throws skm::Error(input) before anything is written,
    // unless skip_invalid, which leaves it out and lists it in the result.
    ImportResult import(const std::vector<Submission>& submissions, bool skip_invalid = false);

    bool contains(std::string_view response_id) const;
    std::int64_t count() const;
    // (responses, waiting to be sent): cheap counts for status screens.
    std::pair<std::int64_t, std::int64_t> check_counts() const;
    void for_each(const ExportFilter& filter, const std::function<void(const StoredRow&)>& visit) const;

    // The live tallies. With deferred startup checks this waits, the first
    // time, for the background count (under a second with a million rows;
    // started here if it was not yet) and adds the responses stored since.
    const scoring::TallyCube& tallies() const;
    bool tallies_ready() const;  // tallies() would not wait
    scoring::TallyCube recount() const;
    CheckReport check() const;

    // ---- deferred startup checks (StartupChecks::deferred) ----
    // Starts the background tally count and quick_check; once, later calls do nothing.
    void start_deferred_checks();
    // The full integrity check's result: at open (full), or from the background.
    IntegrityStatus integrity_status() const;
    // The deferred check found damage that is still to be moved aside.
    bool damage_found() const;
    // What startup does with a damaged file, done now: the file (with its WAL)
    // is renamed *.damaged-TIME and kept for `skm db salvage`, a new database
    // is started (keeping the office's settings, layanan, targets and
    // populations: store/carry_over), the alert raised. Call it between surveys, with no other
    // connection open on the file (stop the sync worker's Outbox first: its
    // closing would delete the new database's WAL by name). True when moved;
    // when the rename fails, the store goes on in the file as it is and
    // integrity_status().problem says why. Throws skm::Error(storage) only
    // when no database can be opened any more (as the constructor would).
    bool move_damaged_aside();
    // Tests and benchmarks: blocks until the deferred check is over.
    void wait_for_deferred_checks();

    // Online backup (SQLite backup API) into <target>.partial, made durable,
    // then renamed to `target` and its folder fsynced: a power cut leaves
    // either no `target` or a complete one.
    void backup_to(const std::filesystem::path& target) const;
    // Backs up into backup_dir when the last backup is older than the
    // schedule; keeps the newest keep_backups files. Returns the new file.
    std::optional<std::filesystem::path> backup_if_due();
    std::filesystem::path backup_now();

    std::optional<std::string> setting(std::string_view key) const;
    void set_setting(std::string_view key, std::string_view value);
    void clear_setting(std::string_view key);
    void audit(std::string_view actor, std::string_view action, std::string_view detail);

    Connection& connection() { return *db_; }
    const Connection& connection() const { return *db_; }

private:
    // A response stored while the deferred tally count runs: added once that
    // count is in, unless its snapshot already held it (seq <= last_seq).
    struct Arrival {
        std::int64_t seq;
        std::string layanan;
        scoring::LocalDate date;
        bool flagged;
        std::vector<std::uint8_t> answers;
    };

    void open_or_move_aside();
    void open_and_check();
    void move_aside_and_start_new();
    void finish_open();
    void rebuild_tallies();
    void count_stored(const Submission& submission, const scoring::LocalDate& local_date);
    void count_in_order(const Arrival& arrival) const;
    void absorb_rows_before(std::int64_t before) const;
    void count_other_writers() const;
    FileOps& file_ops() const { return options_.file_ops ? *options_.file_ops : system_file_ops(); }
    std::optional<Problem> validate(const Submission& submission) const;

    StoreOptions options_;
    scoring::ScoringScheme scheme_;
    Clock& clock_;
    std::unique_ptr<Connection> db_;
    OpenReport report_;
    mutable scoring::TallyCube cube_;
    mutable bool tallies_pending_ = false;  // deferred: cube_ waits for the background count
    // Every row with seq <= counted_through_ is in cube_ (once tallies_pending_ is over).
    mutable std::int64_t counted_through_ = 0;
    // The rows could not be read to fill a gap another writer left: from then
    // on the cube counts what this store wrote (check() shows any difference).
    mutable bool tallies_stale_ = false;
    mutable std::vector<Arrival> arrivals_;
    std::unique_ptr<StartupWork> startup_work_;  // deferred: its own read connection and thread
    mutable IntegrityStatus integrity_;          // once known (full: at open)
    std::unique_ptr<Statement> submit_insert_;  // prepared once; declared after db_ so it is finalized first
};

}  // namespace skm::store
