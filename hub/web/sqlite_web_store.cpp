#include "hub/web/sqlite_web_store.hpp"

namespace skm::hub::web {
namespace {

std::optional<std::string> opt_text(const store::Statement& q, int column) {
    if (q.is_null(column)) return std::nullopt;
    return std::string(q.text(column));
}

std::optional<std::int64_t> opt_int(const store::Statement& q, int column) {
    if (q.is_null(column)) return std::nullopt;
    return q.int64(column);
}

void bind_opt(store::Statement& q, int index, const std::optional<std::string>& value) {
    value ? q.bind(index, *value) : q.bind_null(index);
}

void bind_opt(store::Statement& q, int index, const std::optional<std::int64_t>& value) {
    value ? q.bind(index, *value) : q.bind_null(index);
}

User read_user(const store::Statement& q) {
    User u;
    u.username = q.text(0);
    u.password_hash = q.text(1);
    u.role = parse_role(q.text(2)).value_or(Role::viewer);
    u.created_at = q.text(3);
    return u;
}

}  // namespace

std::string_view role_name(Role role) { return role == Role::admin ? "admin" : "viewer"; }

std::optional<Role> parse_role(std::string_view text) {
    if (text == "admin") return Role::admin;
    if (text == "viewer") return Role::viewer;
    return std::nullopt;
}

const char* profile_column(std::string_view field) {
    for (const char* column : {"jenis_kelamin", "umur", "pendidikan", "pekerjaan", "layanan"}) {
        if (field == column) return column;
    }
    return nullptr;
}

SqliteWebStore::SqliteWebStore(const std::filesystem::path& path)
    : db_(std::make_unique<store::Connection>(path.string(), SQLITE_OPEN_READWRITE)) {
    db_->exec("PRAGMA foreign_keys = ON");
    // Reading every response once (TallyCache) goes through the page cache, not a pread per page.
    db_->exec("PRAGMA mmap_size = 1073741824");
}

void SqliteWebStore::add_user(const User& user) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_,
                       "INSERT INTO web_users (username, password_hash, role, created_at) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT (username) DO NOTHING RETURNING username");
    q.bind(1, user.username).bind(2, user.password_hash).bind(3, role_name(user.role)).bind(4, user.created_at);
    const bool inserted = q.step();
    while (q.step()) {
    }
    if (!inserted) throw Error(ErrorKind::input, Problem{"web.user_exists", {{"username", user.username}}});
}

std::optional<User> SqliteWebStore::user(std::string_view username) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_, "SELECT username, password_hash, role, created_at FROM web_users WHERE username = ?1");
    q.bind(1, username);
    if (!q.step()) return std::nullopt;
    return read_user(q);
}

std::vector<User> SqliteWebStore::users() {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_, "SELECT username, password_hash, role, created_at FROM web_users ORDER BY username");
    std::vector<User> out;
    while (q.step()) out.push_back(read_user(q));
    return out;
}

std::int64_t SqliteWebStore::user_count() {
    const std::lock_guard lock(mutex_);
    return store::query_int(*db_, "SELECT count(*) FROM web_users");
}

void SqliteWebStore::add_session(const Session& session) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_, "INSERT INTO web_sessions (id_hash, username, csrf_token, expires_at) VALUES (?1, ?2, ?3, ?4)");
    q.bind(1, session.id_hash).bind(2, session.username).bind(3, session.csrf_token).bind(4, session.expires_at);
    q.step();
}

std::optional<Session> SqliteWebStore::session(std::string_view id_hash) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_, "SELECT id_hash, username, csrf_token, expires_at FROM web_sessions WHERE id_hash = ?1");
    q.bind(1, id_hash);
    if (!q.step()) return std::nullopt;
    return Session{std::string(q.text(0)), std::string(q.text(1)), std::string(q.text(2)), q.int64(3)};
}

void SqliteWebStore::delete_session(std::string_view id_hash) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_, "DELETE FROM web_sessions WHERE id_hash = ?1");
    q.bind(1, id_hash);
    q.step();
}

void SqliteWebStore::delete_expired_sessions(std::int64_t now) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_, "DELETE FROM web_sessions WHERE expires_at <= ?1");
    q.bind(1, now);
    q.step();
}

void SqliteWebStore::audit(const AuditEntry& entry) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_, "INSERT INTO web_audit (at, username, action, detail) VALUES (?1, ?2, ?3, ?4)");
    q.bind(1, entry.at).bind(2, entry.username).bind(3, entry.action).bind(4, entry.detail);
    q.step();
}

std::vector<AuditEntry> SqliteWebStore::audit_log(std::size_t limit) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_, "SELECT at, username, action, detail FROM web_audit ORDER BY seq DESC LIMIT ?1");
    q.bind(1, static_cast<std::int64_t>(limit));
    std::vector<AuditEntry> out;
    while (q.step()) {
        out.push_back({std::string(q.text(0)), std::string(q.text(1)), std::string(q.text(2)), std::string(q.text(3))});
    }
    return out;
}

void SqliteWebStore::record_device_report(const DeviceReport& r) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_,
                       "INSERT INTO device_reports (device_id, app_version, pending, kiosk_sent_at, received_at, "
                       "clock_skew_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (device_id) DO UPDATE SET "
                       "app_version = coalesce(excluded.app_version, app_version), "
                       "pending = coalesce(excluded.pending, pending), "
                       "kiosk_sent_at = coalesce(excluded.kiosk_sent_at, kiosk_sent_at), "
                       "received_at = excluded.received_at, "
                       "clock_skew_s = coalesce(excluded.clock_skew_s, clock_skew_s)");
    q.bind(1, r.device_id);
    bind_opt(q, 2, r.app_version);
    bind_opt(q, 3, r.pending);
    bind_opt(q, 4, r.kiosk_sent_at);
    q.bind(5, r.received_at);
    bind_opt(q, 6, r.clock_skew_s);
    q.step();
}

std::vector<DeviceReport> SqliteWebStore::device_reports() {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_,
                       "SELECT device_id, app_version, pending, kiosk_sent_at, received_at, clock_skew_s "
                       "FROM device_reports ORDER BY device_id");
    std::vector<DeviceReport> out;
    while (q.step()) {
        out.push_back({std::string(q.text(0)), opt_text(q, 1), opt_int(q, 2), opt_text(q, 3), std::string(q.text(4)),
                       opt_int(q, 5)});
    }
    return out;
}

void SqliteWebStore::set_target(const Target& t) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_,
                       "INSERT INTO web_targets (year, kecamatan, target_ikm, population) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT (year, kecamatan) DO UPDATE SET target_ikm = excluded.target_ikm, "
                       "population = excluded.population");
    q.bind(1, static_cast<std::int64_t>(t.year)).bind(2, t.kecamatan);
    bind_opt(q, 3, t.target_ikm);
    bind_opt(q, 4, t.population);
    q.step();
}

std::vector<Target> SqliteWebStore::targets(int year) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_, "SELECT year, kecamatan, target_ikm, population FROM web_targets WHERE year = ?1 "
                             "ORDER BY kecamatan");
    q.bind(1, static_cast<std::int64_t>(year));
    std::vector<Target> out;
    while (q.step()) out.push_back({static_cast<int>(q.int64(0)), std::string(q.text(1)), opt_text(q, 2), opt_int(q, 3)});
    return out;
}

std::vector<SaranRow> SqliteWebStore::saran(std::string_view kecamatan, const scoring::DateRange& dates,
                                            std::size_t limit) {
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_,
                       "SELECT layanan, saran, local_date FROM responses WHERE kecamatan = ?1 AND local_date "
                       "BETWEEN ?2 AND ?3 AND saran <> '' ORDER BY local_date DESC, seq DESC LIMIT ?4");
    q.bind(1, kecamatan).bind(2, dates.first.str()).bind(3, dates.last.str()).bind(4, static_cast<std::int64_t>(limit));
    std::vector<SaranRow> out;
    while (q.step()) out.push_back({std::string(q.text(0)), std::string(q.text(1)), std::string(q.text(2))});
    return out;
}

void SqliteWebStore::for_each_response_after(
    std::int64_t after_seq,
    const std::function<void(std::int64_t, std::string_view, std::string_view, std::string_view, std::string_view)>& visit) {
    const std::lock_guard lock(mutex_);
    // A range of the table's own key: read in file order, no sort, no index lookups.
    store::Statement q(*db_, "SELECT seq, local_date, kecamatan, layanan, answers FROM responses WHERE seq > ?1 ORDER BY seq");
    q.bind(1, after_seq);
    while (q.step()) visit(q.int64(0), q.text(1), q.text(2), q.text(3), q.text(4));
}

std::vector<std::pair<std::string, std::uint64_t>> SqliteWebStore::profile(std::string_view kecamatan,
                                                                           const scoring::DateRange& dates,
                                                                           std::string_view field) {
    std::vector<std::pair<std::string, std::uint64_t>> out;
    const char* column = profile_column(field);
    if (!column) return out;
    const std::string sql = std::string("SELECT ") + column +
                            ", count(*) FROM responses WHERE kecamatan = ?1 AND local_date BETWEEN ?2 AND ?3 GROUP BY 1";
    const std::lock_guard lock(mutex_);
    store::Statement q(*db_, sql.c_str());
    q.bind(1, kecamatan).bind(2, dates.first.str()).bind(3, dates.last.str());
    while (q.step()) out.emplace_back(std::string(q.text(0)), static_cast<std::uint64_t>(q.int64(1)));
    return out;
}

}  // namespace skm::hub::web
