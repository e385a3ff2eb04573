#include "hub/web/pg_web_store.hpp"

#include "scoring/problem.hpp"

#include <charconv>

namespace skm::hub::web {
namespace {

// Enough for the dashboard's worker threads; the hub's own pool has its own.
constexpr std::size_t kMaxConnections = 4;

std::string text(std::string_view value) { return std::string(value); }

// A bigint column as PostgreSQL wrote it.
std::int64_t to_int(std::string_view value) {
    std::int64_t out = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (error != std::errc() || end != value.data() + value.size()) {
        throw Error(ErrorKind::storage,
                    Problem{"store.failed", {{"file", "PostgreSQL"}, {"detail", "not an integer: " + std::string(value)}}});
    }
    return out;
}

std::optional<std::int64_t> opt_int(const PgResult& r, int row, int column) {
    if (r.is_null(row, column)) return std::nullopt;
    return to_int(r.text(row, column));
}

std::optional<std::string> opt_param(const std::optional<std::int64_t>& value) {
    if (!value) return std::nullopt;
    return std::to_string(*value);
}

User read_user(const PgResult& r, int row) {
    User u;
    u.username = r.text(row, 0);
    u.password_hash = r.text(row, 1);
    u.role = parse_role(r.text(row, 2)).value_or(Role::viewer);
    u.created_at = r.text(row, 3);
    return u;
}

}  // namespace

PgWebStore::PgWebStore(const std::string& uri) : pool_(uri, kMaxConnections, [](PgConnection&) {}) {}

void PgWebStore::add_user(const User& user) {
    auto c = pool_.acquire();
    const PgResult r = c->exec(
        "INSERT INTO web_users (username, password_hash, role, created_at) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (username) DO NOTHING RETURNING username",
        {user.username, user.password_hash, text(role_name(user.role)), user.created_at});
    if (r.rows() == 0) throw Error(ErrorKind::input, Problem{"web.user_exists", {{"username", user.username}}});
}

std::optional<User> PgWebStore::user(std::string_view username) {
    auto c = pool_.acquire();
    const PgResult r =
        c->exec("SELECT username, password_hash, role, created_at FROM web_users WHERE username = $1", {text(username)});
    if (r.rows() == 0) return std::nullopt;
    return read_user(r, 0);
}

std::vector<User> PgWebStore::users() {
    auto c = pool_.acquire();
    const PgResult r = c->exec("SELECT username, password_hash, role, created_at FROM web_users ORDER BY username");
    std::vector<User> out;
    for (int row = 0; row < r.rows(); ++row) out.push_back(read_user(r, row));
    return out;
}

std::int64_t PgWebStore::user_count() {
    auto c = pool_.acquire();
    return to_int(c->exec("SELECT count(*) FROM web_users").text(0, 0));
}

void PgWebStore::add_session(const Session& session) {
    auto c = pool_.acquire();
    c->exec("INSERT INTO web_sessions (id_hash, username, csrf_token, expires_at) VALUES ($1, $2, $3, $4)",
            {session.id_hash, session.username, session.csrf_token, std::to_string(session.expires_at)});
}

std::optional<Session> PgWebStore::session(std::string_view id_hash) {
    auto c = pool_.acquire();
    const PgResult r =
        c->exec("SELECT id_hash, username, csrf_token, expires_at FROM web_sessions WHERE id_hash = $1", {text(id_hash)});
    if (r.rows() == 0) return std::nullopt;
    return Session{text(r.text(0, 0)), text(r.text(0, 1)), text(r.text(0, 2)), to_int(r.text(0, 3))};
}

void PgWebStore::delete_session(std::string_view id_hash) {
    auto c = pool_.acquire();
    c->exec("DELETE FROM web_sessions WHERE id_hash = $1", {text(id_hash)});
}

void PgWebStore::delete_expired_sessions(std::int64_t now) {
    auto c = pool_.acquire();
    c->exec("DELETE FROM web_sessions WHERE expires_at <= $1", {std::to_string(now)});
}

void PgWebStore::audit(const AuditEntry& entry) {
    auto c = pool_.acquire();
    c->exec("INSERT INTO web_audit (at, username, action, detail) VALUES ($1, $2, $3, $4)",
            {entry.at, entry.username, entry.action, entry.detail});
}

std::vector<AuditEntry> PgWebStore::audit_log(std::size_t limit) {
    auto c = pool_.acquire();
    const PgResult r = c->exec("SELECT at, username, action, detail FROM web_audit ORDER BY seq DESC LIMIT $1",
                               {std::to_string(limit)});
    std::vector<AuditEntry> out;
    for (int row = 0; row < r.rows(); ++row) {
        out.push_back({text(r.text(row, 0)), text(r.text(row, 1)), text(r.text(row, 2)), text(r.text(row, 3))});
    }
    return out;
}

void PgWebStore::record_device_report(const DeviceReport& d) {
    auto c = pool_.acquire();
    // One statement: two batches of one kiosk at once leave one row, as in SQLite.
    c->exec("INSERT INTO device_reports (device_id, app_version, pending, kiosk_sent_at, received_at, clock_skew_s) "
            "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (device_id) DO UPDATE SET "
            "app_version = coalesce(excluded.app_version, device_reports.app_version), "
            "pending = coalesce(excluded.pending, device_reports.pending), "
            "kiosk_sent_at = coalesce(excluded.kiosk_sent_at, device_reports.kiosk_sent_at), "
            "received_at = excluded.received_at, "
            "clock_skew_s = coalesce(excluded.clock_skew_s, device_reports.clock_skew_s)",
            {d.device_id, d.app_version, opt_param(d.pending), d.kiosk_sent_at, d.received_at, opt_param(d.clock_skew_s)});
}

std::vector<DeviceReport> PgWebStore::device_reports() {
    auto c = pool_.acquire();
    const PgResult r = c->exec("SELECT device_id, app_version, pending, kiosk_sent_at, received_at, clock_skew_s "
                               "FROM device_reports ORDER BY device_id");
    std::vector<DeviceReport> out;
    for (int row = 0; row < r.rows(); ++row) {
        out.push_back({text(r.text(row, 0)), r.optional_text(row, 1), opt_int(r, row, 2), r.optional_text(row, 3),
                       text(r.text(row, 4)), opt_int(r, row, 5)});
    }
    return out;
}

void PgWebStore::set_target(const Target& t) {
    auto c = pool_.acquire();
    c->exec("INSERT INTO web_targets (year, kecamatan, target_ikm, population) VALUES ($1, $2, $3, $4) "
            "ON CONFLICT (year, kecamatan) DO UPDATE SET target_ikm = excluded.target_ikm, "
            "population = excluded.population",
            {std::to_string(t.year), t.kecamatan, t.target_ikm, opt_param(t.population)});
}

std::vector<Target> PgWebStore::targets(int year) {
    auto c = pool_.acquire();
    const PgResult r = c->exec(
        "SELECT year, kecamatan, target_ikm, population FROM web_targets WHERE year = $1 ORDER BY kecamatan",
        {std::to_string(year)});
    std::vector<Target> out;
    for (int row = 0; row < r.rows(); ++row) {
        out.push_back({static_cast<int>(to_int(r.text(row, 0))), text(r.text(row, 1)), r.optional_text(row, 2),
                       opt_int(r, row, 3)});
    }
    return out;
}

std::vector<SaranRow> PgWebStore::saran(std::string_view kecamatan, const scoring::DateRange& dates,
                                        std::size_t limit) {
    auto c = pool_.acquire();
    const PgResult r = c->exec(
        "SELECT layanan, saran, local_date FROM responses WHERE kecamatan = $1 AND local_date BETWEEN $2 AND $3 "
        "AND saran <> '' ORDER BY local_date DESC, seq DESC LIMIT $4",
        {text(kecamatan), dates.first.str(), dates.last.str(), std::to_string(limit)});
    std::vector<SaranRow> out;
    for (int row = 0; row < r.rows(); ++row) {
        out.push_back({text(r.text(row, 0)), text(r.text(row, 1)), text(r.text(row, 2))});
    }
    return out;
}

void PgWebStore::for_each_response_after(
    std::int64_t after_seq,
    const std::function<void(std::int64_t, std::string_view, std::string_view, std::string_view, std::string_view)>& visit) {
    auto c = pool_.acquire();
    // One statement, one snapshot, streamed a row at a time (the first read
    // after start-up is every stored response). Rows commit in seq order
    // (the ingest lock in hub/pg_hub_store.cpp), so nothing below the last
    // seq returned here can appear later.
    //
    // The upper bound changes no row (nothing above max(seq) exists) but
    // the plan: "seq > $1" alone is estimated at a third of the table until
    // ANALYZE has run, and PostgreSQL then scans and sorts all of it, ~50 ms
    // per page for 405,000 rows even when nothing is new. A two-sided range
    // is estimated small, so the primary key's index is used whatever the
    // statistics (bench/results/hub-web.md).
    c->for_each_row("SELECT seq, local_date, kecamatan, layanan, answers FROM responses "
                    "WHERE seq > $1 AND seq <= (SELECT max(seq) FROM responses) ORDER BY seq",
                    {std::to_string(after_seq)}, [&](const PgResult& row) {
                        visit(to_int(row.text(0, 0)), row.text(0, 1), row.text(0, 2), row.text(0, 3), row.text(0, 4));
                    });
}

std::vector<std::pair<std::string, std::uint64_t>> PgWebStore::profile(std::string_view kecamatan,
                                                                       const scoring::DateRange& dates,
                                                                       std::string_view field) {
    std::vector<std::pair<std::string, std::uint64_t>> out;
    const char* column = profile_column(field);
    if (!column) return out;
    const std::string sql = std::string("SELECT ") + column +
                            ", count(*) FROM responses WHERE kecamatan = $1 AND local_date BETWEEN $2 AND $3 GROUP BY 1";
    auto c = pool_.acquire();
    const PgResult r = c->exec(sql.c_str(), {text(kecamatan), dates.first.str(), dates.last.str()});
    for (int row = 0; row < r.rows(); ++row) {
        out.emplace_back(text(r.text(row, 0)), static_cast<std::uint64_t>(to_int(r.text(row, 1))));
    }
    return out;
}

}  // namespace skm::hub::web
