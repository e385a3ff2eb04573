// Index: [helpers] [open] [deferred startup checks] [submit and import] [reading] [tallies and check] [backups] [settings]
#include "store/response_store.hpp"

#include "formats/profile_detail.hpp"
#include "formats/response_csv_reader.hpp"
#include "formats/response_id.hpp"
#include "store/answers_codec.hpp"
#include "store/carry_over.hpp"
#include "store/schema.hpp"
#include "store/setting_keys.hpp"
#include "store/tally_count.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <system_error>

namespace skm::store {
namespace {

// ---- [helpers] -------------------------------------------------------------

std::string compact_time(const scoring::Timestamp& ts) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d-%02d%02d%02d", ts.date.year, ts.date.month, ts.date.day, ts.hour,
                  ts.minute, ts.second);
    return buffer;
}

}  // namespace

const char* const kInsertResponse =
    "INSERT INTO responses (response_id, device_id, layanan, questionnaire_id, questionnaire_version, jenis_kelamin, "
    "umur, pendidikan, pekerjaan, answers, saran, submitted_at, local_date, duration_ms, flags, profile_detail, origin, "
    "channel) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) "
    "ON CONFLICT (response_id) DO NOTHING";

void bind_response(Statement& insert, const Submission& s, const scoring::ScoringScheme& scheme,
                   const scoring::LocalDate& local_date) {
    const formats::Response& r = s.response;
    insert.bind(1, r.response_id).bind(2, r.device_id).bind(3, r.layanan).bind(4, s.questionnaire_id);
    insert.bind(5, static_cast<std::int64_t>(std::atoll(r.questionnaire_version.c_str())));
    insert.bind(6, r.jenis_kelamin).bind(7, r.umur).bind(8, r.pendidikan).bind(9, r.pekerjaan);
    insert.bind(10, encode_answers(scheme, r.answers)).bind(11, r.saran).bind(12, r.submitted_at);
    insert.bind(13, local_date.str());
    if (s.duration_ms) {
        insert.bind(14, *s.duration_ms);
    } else {
        insert.bind_null(14);
    }
    insert.bind(15, join_flags(r.flags));
    insert.bind(16, r.profile_detail).bind(17, r.origin).bind(18, r.channel);
}

std::filesystem::path default_database_path() {
    const char* data_home = std::getenv("XDG_DATA_HOME");
    if (data_home && *data_home) return std::filesystem::path(data_home) / "skm" / "skm.db";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "skm" / "skm.db";
}

// ---- [open] ----------------------------------------------------------------

ResponseStore::ResponseStore(StoreOptions options, scoring::ScoringScheme scheme, Clock& clock)
    : options_(std::move(options)), scheme_(std::move(scheme)), clock_(clock), cube_(scheme_.size()) {
    if (options_.backup_dir.empty()) options_.backup_dir = options_.path.string() + ".backups";
    std::error_code ignored;
    if (options_.path.has_parent_path()) std::filesystem::create_directories(options_.path.parent_path(), ignored);
    open_or_move_aside();
    if (options_.startup == StartupChecks::full) {
        rebuild_tallies();
    } else {
        tallies_pending_ = true;
        startup_work_ = std::make_unique<StartupWork>(options_.path.string(), options_.vfs, scheme_, options_.startup_hooks);
    }
}

ResponseStore::~ResponseStore() = default;

void ResponseStore::open_or_move_aside() {
    report_.created = !std::filesystem::exists(options_.path);
    try {
        open_and_check();
    } catch (const Error& error) {
        if (error.problem().key != "store.corrupt") throw;
        move_aside_and_start_new();
    }
    finish_open();
}

// What runs before the constructor returns: opening, the header check and,
// with full startup checks, the quick_check. store.corrupt (or SQLite's
// NOTADB) from any of them means the file is moved aside.
void ResponseStore::open_and_check() {
    const std::string path = options_.path.string();
    db_ = std::make_unique<Connection>(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, options_.vfs);
    db_->exec("PRAGMA journal_mode = WAL");
    // The header check: reading the schema makes SQLite validate page 1 (the
    // "SQLite format 3" signature, page size, the page count against the
    // file's length, so a cut-short file is caught) and the schema's b-tree.
    query_int(*db_, "SELECT count(*) FROM sqlite_schema");
    if (options_.startup != StartupChecks::full) return;
    const auto started = std::chrono::steady_clock::now();
    IntegrityStatus checked;
    Statement check(*db_, "PRAGMA quick_check");
    while (check.step()) checked.findings.emplace_back(check.text(0));
    if (checked.findings != std::vector<std::string>{"ok"}) {
        throw Error(ErrorKind::storage, sqlite_problem(SQLITE_CORRUPT, "quick_check", path));
    }
    checked.state = IntegrityStatus::State::ok;
    checked.elapsed_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    checked.finished_at = iso8601(clock_.wall_now());
    integrity_ = std::move(checked);
}

void ResponseStore::move_aside_and_start_new() {
    const std::string path = options_.path.string();
    // Never delete: keep the damaged file (and its WAL) for `skm db salvage`.
    // Closing must neither checkpoint the WAL into the damaged file nor delete it.
    submit_insert_.reset();
    if (db_) sqlite3_db_config(db_->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    db_.reset();
    std::filesystem::path moved = path + ".damaged-" + compact_time(clock_.wall_now());
    // A second damaged file in the same second must not replace the first.
    for (int i = 2; std::filesystem::exists(moved) || std::filesystem::exists(moved.string() + "-wal"); ++i) {
        moved = path + ".damaged-" + compact_time(clock_.wall_now()) + "-" + std::to_string(i);
    }
    std::filesystem::rename(options_.path, moved);
    std::error_code ignored;
    std::filesystem::rename(path + "-wal", moved.string() + "-wal", ignored);
    std::filesystem::remove(path + "-shm", ignored);
    // The new names survive a power cut only once the folder is synced.
    file_ops().sync_directory(options_.path.has_parent_path() ? options_.path.parent_path() : std::filesystem::path("."));
    report_.moved_aside = moved;
    report_.created = true;
    open_and_check();
}

void ResponseStore::finish_open() {
    db_->exec("PRAGMA synchronous = FULL");
    report_.schema_version_found = schema_version(*db_);
    if (report_.schema_version_found > 0 && report_.schema_version_found < latest_schema_version()) {
        report_.migration_backup = backup_now();
    }
    migrate(*db_);
    if (report_.moved_aside) {
        set_setting(setting_key::kDamagedDatabase, report_.moved_aside->string());
        audit("system", "database_moved_aside", report_.moved_aside->string());
    }
}

// ---- [deferred startup checks] ---------------------------------------------

void ResponseStore::start_deferred_checks() {
    if (startup_work_) startup_work_->start();
}

void ResponseStore::wait_for_deferred_checks() {
    if (startup_work_) startup_work_->wait_until_checked();
}

IntegrityStatus ResponseStore::integrity_status() const {
    if (!startup_work_) return integrity_;
    IntegrityStatus now = startup_work_->status();
    const bool finished = now.state == IntegrityStatus::State::ok || now.state == IntegrityStatus::State::damaged ||
                          now.state == IntegrityStatus::State::not_run;
    if (!finished) return now;
    if (integrity_.state != now.state || integrity_.finished_at.empty()) {
        now.finished_at = iso8601(clock_.wall_now());  // the first time this thread saw it
        integrity_ = std::move(now);
    }
    return integrity_;
}

bool ResponseStore::damage_found() const {
    return startup_work_ && integrity_status().state == IntegrityStatus::State::damaged;
}

bool ResponseStore::move_damaged_aside() {
    if (!damage_found()) return false;
    const IntegrityStatus finding = integrity_status();
    startup_work_.reset();  // its read connection closed, its thread joined
    const std::vector<CarriedTable> office = read_office_tables(*db_);
    try {
        move_aside_and_start_new();
        finish_open();
        write_office_tables(*db_, office);
    } catch (const std::exception& error) {
        // Not moved (a failed rename): keep storing in the file as it is, and
        // say so; the next start finds the damage again.
        if (!db_) {
            open_and_check();
            db_->exec("PRAGMA synchronous = FULL");
        }
        integrity_ = finding;
        integrity_.problem = Problem{"store.move_aside_failed", {{"file", options_.path.string()}, {"detail", error.what()}}};
        return false;
    }
    integrity_ = finding;  // the finding stays on the Status tab beside the alert
    // A new, empty database: nothing to count, nothing waiting.
    cube_ = scoring::TallyCube(scheme_.size());
    counted_through_ = 0;
    tallies_stale_ = false;
    tallies_pending_ = false;
    arrivals_.clear();
    return true;
}

// ---- [submit and import] ---------------------------------------------------

std::optional<Problem> ResponseStore::validate(const Submission& s) const { return validate_submission(s, scheme_); }

std::optional<Problem> validate_submission(const Submission& s, const scoring::ScoringScheme& scheme) {
    const formats::Response& r = s.response;
    auto invalid = [&](const char* field) {
        return Problem{"store.invalid_response", {{"field", field}, {"response_id", r.response_id}}};
    };
    // The hub refuses a batch holding any other id: one stored here would stop every upload after it.
    if (!formats::is_valid_response_id(r.response_id)) return invalid("response_id");
    if (r.layanan.empty() || r.layanan.size() > formats::kMaxShortFieldBytes) return invalid("layanan");
    if (r.device_id.size() > formats::kMaxShortFieldBytes) return invalid("device_id");
    if (r.answers.size() != scheme.size()) return invalid("answers");
    for (auto a : r.answers) {
        if (a > 4) return invalid("answers");
    }
    if (!formats::empty_or_in_vocabulary(r.jenis_kelamin, formats::kJenisKelamin)) return invalid("jenis_kelamin");
    if (!formats::empty_or_in_vocabulary(r.umur, formats::kUmurBands)) return invalid("umur");
    if (!formats::empty_or_in_vocabulary(r.pendidikan, formats::kPendidikan)) return invalid("pendidikan");
    if (!formats::empty_or_in_vocabulary(r.pekerjaan, formats::kPekerjaan)) return invalid("pekerjaan");
    if (!formats::parse_profile_detail(r.profile_detail)) return invalid("profile_detail");
    if (!formats::empty_or_in_vocabulary(r.origin, formats::kOrigins)) return invalid("origin");
    if (!formats::empty_or_in_vocabulary(r.channel, formats::kChannels)) return invalid("channel");
    if (r.saran.size() > formats::kMaxSaranBytes) return invalid("saran");
    // Stored joined by ';': an empty flag or one with ';' would not read back
    // as written, and an empty one would make the live tallies disagree with recount().
    for (const auto& flag : r.flags) {
        if (flag.empty() || flag.find(';') != std::string::npos) return invalid("flags");
    }
    if (!scoring::parse_timestamp(r.submitted_at)) return invalid("submitted_at");
    return std::nullopt;
}

std::optional<Problem> ResponseStore::submit(const Submission& submission) {
    if (auto problem = validate(submission)) return problem;
    const auto local_date = scoring::parse_timestamp(submission.response.submitted_at)->date;
    try {
        // One statement in autocommit: committed (and, in WAL with
        // synchronous=FULL, fsynced) before step() returns.
        if (!submit_insert_) submit_insert_ = std::make_unique<Statement>(*db_, kInsertResponse);
        Statement& insert = *submit_insert_;
        insert.reset();
        bind_response(insert, submission, scheme_, local_date);
        insert.step();
        insert.reset();
        if (sqlite3_changes(db_->handle()) == 0) {
            return Problem{"store.duplicate", {{"response_id", submission.response.response_id}}};
        }
    } catch (const Error& error) {
        return error.problem();
    }
    count_stored(submission, local_date);
    return std::nullopt;
}

// Right after the row's INSERT: its seq is the connection's last rowid.
void ResponseStore::count_stored(const Submission& submission, const scoring::LocalDate& local_date) {
    const formats::Response& r = submission.response;
    const std::int64_t seq = sqlite3_last_insert_rowid(db_->handle());
    if (tallies_pending_) {
        arrivals_.push_back({seq, r.layanan, local_date, !r.flags.empty(), r.answers});
    } else {
        count_in_order({seq, r.layanan, local_date, !r.flags.empty(), r.answers});
    }
}

// Rows another connection stored (the sync thread's link answers, through
// store::Outbox) take seqs between this store's own: they are read and
// counted first, so that every seq up to counted_through_ is in the cube once.
void ResponseStore::count_in_order(const Arrival& arrival) const {
    if (arrival.seq <= counted_through_) return;  // counted already
    if (!tallies_stale_ && arrival.seq > counted_through_ + 1) absorb_rows_before(arrival.seq);
    cube_.add(arrival.layanan, arrival.date, arrival.flagged, arrival.answers);
    counted_through_ = arrival.seq;
}

// Adds the rows with counted_through_ < seq < `before` to the cube, all or
// none: when they cannot be read now, the next tallies() counts afresh.
void ResponseStore::absorb_rows_before(std::int64_t before) const {
    std::vector<Arrival> rows;
    try {
        Statement query(*db_, "SELECT seq, layanan, local_date, flags, answers FROM responses WHERE seq > ?1 AND seq < ?2 "
                              "ORDER BY seq");
        query.bind(1, counted_through_).bind(2, before);
        while (query.step()) {
            const auto date = scoring::parse_date(query.text(2));
            auto answers = decode_answers(scheme_, query.text(4));
            if (!date || !answers) continue;  // as count_tallies: check() reports it through the count mismatch
            rows.push_back({query.int64(0), std::string(query.text(1)), *date, !query.text(3).empty(), std::move(*answers)});
        }
    } catch (const Error&) {
        tallies_stale_ = true;
        return;
    }
    for (const Arrival& row : rows) cube_.add(row.layanan, row.date, row.flagged, row.answers);
    counted_through_ = std::max(counted_through_, before - 1);
}

ImportResult ResponseStore::import(const std::vector<Submission>& submissions, bool skip_invalid) {
    ImportResult result;
    std::vector<const Submission*> valid;
    for (const auto& s : submissions) {
        if (auto problem = validate(s)) {
            if (!skip_invalid) throw Error(ErrorKind::input, *problem);
            result.invalid.push_back(std::move(*problem));
        } else {
            valid.push_back(&s);
        }
    }
    std::vector<std::pair<const Submission*, std::int64_t>> inserted;  // with its seq
    {
        Transaction transaction(*db_);
        Statement insert(*db_, kInsertResponse);
        for (const Submission* p : valid) {
            const Submission& s = *p;
            insert.reset();
            bind_response(insert, s, scheme_, scoring::parse_timestamp(s.response.submitted_at)->date);
            insert.step();
            if (sqlite3_changes(db_->handle()) > 0) {
                inserted.emplace_back(&s, sqlite3_last_insert_rowid(db_->handle()));
            } else {
                ++result.already_present;
            }
        }
        transaction.commit();
    }
    for (const auto& [s, seq] : inserted) {
        const formats::Response& r = s->response;
        const auto date = scoring::parse_timestamp(r.submitted_at)->date;
        if (tallies_pending_) {
            arrivals_.push_back({seq, r.layanan, date, !r.flags.empty(), r.answers});
        } else {
            count_in_order({seq, r.layanan, date, !r.flags.empty(), r.answers});
        }
    }
    result.inserted = inserted.size();
    return result;
}

// ---- [reading] -------------------------------------------------------------

bool ResponseStore::contains(std::string_view response_id) const {
    Statement query(*db_, "SELECT 1 FROM responses WHERE response_id = ?1");
    query.bind(1, response_id);
    return query.step();
}

std::int64_t ResponseStore::count() const { return query_int(*db_, "SELECT count(*) FROM responses"); }

std::pair<std::int64_t, std::int64_t> ResponseStore::check_counts() const {
    return {count(), query_int(*db_, "SELECT count(*) FROM responses WHERE sync_state = 'pending'")};
}

void ResponseStore::for_each(const ExportFilter& filter, const std::function<void(const StoredRow&)>& visit) const {
    const std::string sql = std::string("SELECT ") + kStoredRowColumns +
                            " FROM responses WHERE (?1 IS NULL OR local_date >= ?1) AND (?2 IS NULL OR local_date <= ?2) "
                            "AND (?3 IS NULL OR layanan = ?3) ORDER BY seq";
    Statement query(*db_, sql.c_str());
    if (filter.from) query.bind(1, filter.from->str());
    if (filter.to) query.bind(2, filter.to->str());
    if (filter.layanan) query.bind(3, *filter.layanan);
    while (query.step()) visit(read_stored_row(query, scheme_));
}

// ---- [tallies and check] ---------------------------------------------------

scoring::TallyCube ResponseStore::recount() const { return count_tallies(*db_, scheme_).cube; }

void ResponseStore::rebuild_tallies() {
    CountedTallies counted = count_tallies(*db_, scheme_);
    cube_ = std::move(counted.cube);
    counted_through_ = counted.last_seq;
    tallies_stale_ = false;
}

const scoring::TallyCube& ResponseStore::tallies() const {
    if (tallies_pending_) {
        StartupWork::Tallies background = startup_work_->wait_for_tallies();
        CountedTallies counted{scoring::TallyCube(scheme_.size()), 0};
        if (background.counted) {
            counted = std::move(*background.counted);
        } else {
            try {
                counted = count_tallies(*db_, scheme_);
            } catch (const Error&) {
                // Unreadable rows: the deferred check reports the damage on the
                // Status tab; what was stored since start is still counted.
                tallies_stale_ = true;
            }
        }
        cube_ = std::move(counted.cube);
        counted_through_ = counted.last_seq;
        for (const Arrival& a : arrivals_) count_in_order(a);
        arrivals_.clear();
        tallies_pending_ = false;
    }
    count_other_writers();
    return cube_;
}

// Rows stored since by another connection (the sync thread's downloads): the
// newest seq is one index lookup, so asking on every frame costs little.
void ResponseStore::count_other_writers() const {
    if (tallies_stale_) return;
    std::int64_t newest = 0;
    try {
        newest = query_int(*db_, "SELECT coalesce(max(seq), 0) FROM responses");
    } catch (const Error&) {
        return;  // locked for a moment: asked again next time
    }
    if (newest > counted_through_) absorb_rows_before(newest + 1);
}

bool ResponseStore::tallies_ready() const { return !tallies_pending_ || startup_work_->tallies_done(); }

CheckReport ResponseStore::check() const {
    CheckReport report;
    Statement integrity(*db_, "PRAGMA integrity_check");
    while (integrity.step()) report.integrity.emplace_back(integrity.text(0));
    report.responses = count();
    report.pending_sync = check_counts().second;
    const scoring::TallyCube recounted = recount();
    report.tallies_match_recount =
        recounted == tallies() && static_cast<std::int64_t>(recounted.total().respondents()) == report.responses;
    return report;
}

// ---- [backups] -------------------------------------------------------------

void ResponseStore::backup_to(const std::filesystem::path& target) const {
    FileOps& ops = file_ops();
    if (target.has_parent_path()) ops.create_directories(target.parent_path());
    const std::filesystem::path partial = target.string() + ".partial";
    try {
        // Through the store's VFS, so the power-loss tests see these writes too.
        Connection destination(partial.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, options_.vfs);
        sqlite3_backup* backup = sqlite3_backup_init(destination.handle(), "main", db_->handle(), "main");
        if (!backup) destination.fail(sqlite3_errcode(destination.handle()));
        const int rc = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) destination.fail(rc);
    } catch (const Error&) {
        try {
            ops.remove(partial);
        } catch (const Error&) {
            // The backup's own failure is the one to report.
        }
        throw;
    }
    // Only complete backups carry the final name, and the name survives a power cut.
    publish_file(ops, partial, target);
}

std::filesystem::path ResponseStore::backup_now() {
    const auto now = clock_.wall_now();
    const auto target = options_.backup_dir / ("skm-" + compact_time(now) + ".db");
    backup_to(target);
    set_setting(setting_key::kLastBackup, iso8601(now));
    // Rotate: names sort by time; keep the newest keep_backups.
    FileOps& ops = file_ops();
    std::vector<std::filesystem::path> existing;
    for (const auto& file : ops.list(options_.backup_dir)) {
        const auto name = file.filename().string();
        if (name.rfind("skm-", 0) == 0 && file.extension() == ".db") existing.push_back(file);
    }
    std::size_t removed = 0;
    while (existing.size() - removed > static_cast<std::size_t>(std::max(1, options_.keep_backups))) {
        ops.remove(existing[removed++]);
    }
    if (removed > 0) ops.sync_directory(options_.backup_dir);
    return target;
}

std::optional<std::filesystem::path> ResponseStore::backup_if_due() {
    const auto last = setting(setting_key::kLastBackup);
    if (last) {
        const auto then = scoring::parse_timestamp(*last);
        const auto now = clock_.wall_now();
        if (then) {
            // Whole minutes, as the hours setting is counted (seconds do not matter).
            auto minutes = [](const scoring::Timestamp& t) { return (scoring::unix_seconds(t) - t.second) / 60; };
            if (minutes(now) - minutes(*then) < options_.backup_every_hours * 60) return std::nullopt;
        }
    }
    return backup_now();
}

// ---- [settings] ------------------------------------------------------------

std::optional<std::string> ResponseStore::setting(std::string_view key) const {
    Statement query(*db_, "SELECT value FROM settings WHERE key = ?1");
    query.bind(1, key);
    if (!query.step()) return std::nullopt;
    return std::string(query.text(0));
}

void ResponseStore::set_setting(std::string_view key, std::string_view value) {
    Statement upsert(*db_, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key).bind(2, value);
    upsert.step();
}

void ResponseStore::clear_setting(std::string_view key) {
    Statement remove(*db_, "DELETE FROM settings WHERE key = ?1");
    remove.bind(1, key);
    remove.step();
}

void ResponseStore::audit(std::string_view actor, std::string_view action, std::string_view detail) {
    Statement insert(*db_, "INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, iso8601(clock_.wall_now())).bind(2, actor).bind(3, action).bind(4, detail);
    insert.step();
}

}  // namespace skm::store
