// The device's response database: durable submits (WAL, synchronous=FULL),
// migrations, startup integrity check with move-aside of a damaged file,
// scheduled online backups, idempotent import, and live tallies kept equal to
// a full recount.
//
// Index: [types] [ResponseStore]
#pragma once

#include "formats/response.hpp"
#include "scoring/scheme.hpp"
#include "scoring/tally_cube.hpp"
#include "store/clock.hpp"
#include "store/file_ops.hpp"
#include "store/sqlite.hpp"
#include "store/stored_row.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace skm::store {

// ---- [types] -------------------------------------------------------------

struct StoreOptions {
    std::filesystem::path path;
    std::filesystem::path backup_dir;  // default: <path>.backups
    int keep_backups = 7;
    std::int64_t backup_every_hours = 24;
    const char* vfs = nullptr;  // tests inject faults through their own VFS
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

// ---- [ResponseStore] -----------------------------------------------------

class ResponseStore {
public:
    // Opens (or creates) the database. A damaged file is moved aside and a new
    // one started; see open_report(). Throws skm::Error(storage) only when no
    // database can be opened at all.
    ResponseStore(StoreOptions options, scoring::ScoringScheme scheme, Clock& clock);

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

    const scoring::TallyCube& tallies() const { return cube_; }
    scoring::TallyCube recount() const;
    CheckReport check() const;

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
    void open_or_move_aside();
    void rebuild_tallies();
    FileOps& file_ops() const { return options_.file_ops ? *options_.file_ops : system_file_ops(); }
    std::optional<Problem> validate(const Submission& submission) const;

    StoreOptions options_;
    scoring::ScoringScheme scheme_;
    Clock& clock_;
    std::unique_ptr<Connection> db_;
    OpenReport report_;
    scoring::TallyCube cube_;
    std::unique_ptr<Statement> submit_insert_;  // prepared once; declared after db_ so it is finalized first
};

}  // namespace skm::store
