#include "hub/web/sql_web_store.hpp"

#include "scoring/problem.hpp"

namespace skm::hub::web {
namespace {

User read_user(const SqlRow& row) {
    return User{std::string(row.text(0)), std::string(row.text(1)), parse_role(row.text(2)).value_or(Role::viewer),
                std::string(row.text(3))};
}

constexpr std::string_view kUserColumns = "SELECT username, password_hash, role, created_at FROM web_users";

}  // namespace

std::string_view role_name(Role role) { return role == Role::admin ? "admin" : "viewer"; }

std::optional<Role> parse_role(std::string_view text) {
    if (text == "admin") return Role::admin;
    if (text == "viewer") return Role::viewer;
    return std::nullopt;
}

const char* profile_column(std::string_view field) {
    for (const char* column : {"jenis_kelamin", "umur", "pendidikan", "pekerjaan", "layanan", "origin", "channel"}) {
        if (field == column) return column;
    }
    return nullptr;
}

SqlWebStore::SqlWebStore(std::unique_ptr<SqlDatabase> database) : database_(std::move(database)) {}

void SqlWebStore::add_user(const User& user) {
    auto c = database_->write();
    bool inserted = false;
    c->for_each_row("INSERT INTO web_users (username, password_hash, role, created_at) VALUES (?1, ?2, ?3, ?4) "
                    "ON CONFLICT (username) DO NOTHING RETURNING username",
                    {user.username, user.password_hash, role_name(user.role), user.created_at},
                    [&](const SqlRow&) { inserted = true; });
    if (!inserted) throw Error(ErrorKind::input, Problem{"web.user_exists", {{"username", user.username}}});
}

std::optional<User> SqlWebStore::user(std::string_view username) {
    static const std::string sql = std::string(kUserColumns).append(" WHERE username = ?1");
    auto c = database_->read();
    std::optional<User> out;
    c->for_each_row(sql, {username}, [&](const SqlRow& row) { out = read_user(row); });
    return out;
}

std::vector<User> SqlWebStore::users() {
    static const std::string sql = std::string(kUserColumns).append(" ORDER BY username");
    auto c = database_->read();
    std::vector<User> out;
    c->for_each_row(sql, {}, [&](const SqlRow& row) { out.push_back(read_user(row)); });
    return out;
}

std::int64_t SqlWebStore::user_count() {
    auto c = database_->read();
    return c->query_int("SELECT count(*) FROM web_users");
}

void SqlWebStore::add_session(const Session& session) {
    auto c = database_->write();
    c->execute("INSERT INTO web_sessions (id_hash, username, csrf_token, expires_at) VALUES (?1, ?2, ?3, ?4)",
               {session.id_hash, session.username, session.csrf_token, session.expires_at});
}

std::optional<Session> SqlWebStore::session(std::string_view id_hash) {
    auto c = database_->read();
    std::optional<Session> out;
    c->for_each_row("SELECT id_hash, username, csrf_token, expires_at FROM web_sessions WHERE id_hash = ?1", {id_hash},
                    [&](const SqlRow& row) {
                        out = Session{std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2)),
                                      row.int64(3)};
                    });
    return out;
}

void SqlWebStore::delete_session(std::string_view id_hash) {
    auto c = database_->write();
    c->execute("DELETE FROM web_sessions WHERE id_hash = ?1", {id_hash});
}

void SqlWebStore::delete_expired_sessions(std::int64_t now) {
    auto c = database_->write();
    c->execute("DELETE FROM web_sessions WHERE expires_at <= ?1", {now});
}

void SqlWebStore::audit(const AuditEntry& entry) {
    auto c = database_->write();
    c->execute("INSERT INTO web_audit (at, username, action, detail) VALUES (?1, ?2, ?3, ?4)",
               {entry.at, entry.username, entry.action, entry.detail});
}

std::vector<AuditEntry> SqlWebStore::audit_log(std::size_t limit) {
    auto c = database_->read();
    std::vector<AuditEntry> out;
    c->for_each_row("SELECT at, username, action, detail FROM web_audit ORDER BY seq DESC LIMIT ?1", {limit},
                    [&](const SqlRow& row) {
                        out.push_back({std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2)),
                                       std::string(row.text(3))});
                    });
    return out;
}

void SqlWebStore::record_device_report(const DeviceReport& d) {
    auto c = database_->write();
    // One statement: two batches of one kiosk at once leave one row.
    c->execute("INSERT INTO device_reports (device_id, app_version, pending, kiosk_sent_at, received_at, clock_skew_s) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (device_id) DO UPDATE SET "
               "app_version = coalesce(excluded.app_version, device_reports.app_version), "
               "pending = coalesce(excluded.pending, device_reports.pending), "
               "kiosk_sent_at = coalesce(excluded.kiosk_sent_at, device_reports.kiosk_sent_at), "
               "received_at = excluded.received_at, "
               "clock_skew_s = coalesce(excluded.clock_skew_s, device_reports.clock_skew_s)",
               {d.device_id, d.app_version, d.pending, d.kiosk_sent_at, d.received_at, d.clock_skew_s});
}

std::vector<DeviceReport> SqlWebStore::device_reports() {
    auto c = database_->read();
    std::vector<DeviceReport> out;
    c->for_each_row("SELECT device_id, app_version, pending, kiosk_sent_at, received_at, clock_skew_s "
                    "FROM device_reports ORDER BY device_id",
                    {}, [&](const SqlRow& row) {
                        out.push_back({std::string(row.text(0)), row.optional_text(1), row.optional_int64(2),
                                       row.optional_text(3), std::string(row.text(4)), row.optional_int64(5)});
                    });
    return out;
}

void SqlWebStore::set_target(const Target& t) {
    auto c = database_->write();
    c->execute("INSERT INTO web_targets (year, kecamatan, target_ikm, population) VALUES (?1, ?2, ?3, ?4) "
               "ON CONFLICT (year, kecamatan) DO UPDATE SET target_ikm = excluded.target_ikm, "
               "population = excluded.population",
               {t.year, t.kecamatan, t.target_ikm, t.population});
}

std::vector<Target> SqlWebStore::targets(int year) {
    auto c = database_->read();
    std::vector<Target> out;
    c->for_each_row("SELECT year, kecamatan, target_ikm, population FROM web_targets WHERE year = ?1 ORDER BY kecamatan",
                    {year}, [&](const SqlRow& row) {
                        out.push_back({static_cast<int>(row.int64(0)), std::string(row.text(1)), row.optional_text(2),
                                       row.optional_int64(3)});
                    });
    return out;
}

std::vector<SaranRow> SqlWebStore::saran(std::string_view kecamatan, const scoring::DateRange& dates,
                                         std::size_t limit) {
    auto c = database_->read();
    std::vector<SaranRow> out;
    c->for_each_row("SELECT layanan, saran, local_date FROM responses WHERE kecamatan = ?1 AND local_date "
                    "BETWEEN ?2 AND ?3 AND saran <> '' ORDER BY local_date DESC, seq DESC LIMIT ?4",
                    {kecamatan, dates.first.str(), dates.last.str(), limit}, [&](const SqlRow& row) {
                        out.push_back({std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2))});
                    });
    return out;
}

void SqlWebStore::for_each_response_after(
    std::int64_t after_seq,
    const std::function<void(std::int64_t, std::string_view, std::string_view, std::string_view, std::string_view)>& visit) {
    auto c = database_->read();
    // One statement, one snapshot, streamed a row at a time (the first read
    // after start-up is every stored response), a range of the table's own
    // key: on SQLite read in file order, no sort, no index lookups.
    //
    // The upper bound changes no row (nothing above max(seq) exists) but
    // PostgreSQL's plan: "seq > ?1" alone is estimated at a third of the table
    // until ANALYZE has run, and PostgreSQL then scans and sorts all of it,
    // ~50 ms per page for 405,000 rows even when nothing is new. A two-sided
    // range is estimated small, so the primary key's index is used whatever
    // the statistics (bench/results/hub-web.md).
    c->for_each_row("SELECT seq, local_date, kecamatan, layanan, answers FROM responses "
                    "WHERE seq > ?1 AND seq <= (SELECT max(seq) FROM responses) ORDER BY seq",
                    {after_seq}, [&](const SqlRow& row) {
                        visit(row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4));
                    });
}

std::vector<std::pair<std::string, std::uint64_t>> SqlWebStore::profile(std::string_view kecamatan,
                                                                        const scoring::DateRange& dates,
                                                                        std::string_view field) {
    std::vector<std::pair<std::string, std::uint64_t>> out;
    const char* column = profile_column(field);
    if (!column) return out;
    const std::string sql = std::string("SELECT ") + column +
                            ", count(*) FROM responses WHERE kecamatan = ?1 AND local_date BETWEEN ?2 AND ?3 GROUP BY 1";
    auto c = database_->read();
    c->for_each_row(sql, {kecamatan, dates.first.str(), dates.last.str()}, [&](const SqlRow& row) {
        out.emplace_back(std::string(row.text(0)), static_cast<std::uint64_t>(row.int64(1)));
    });
    return out;
}

}  // namespace skm::hub::web
