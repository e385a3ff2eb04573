#include "hub/web/sql_web_store.hpp"

#include "scoring/problem.hpp"
#include "sync/base64.hpp"

namespace skm::hub::web {
namespace {

User read_user(const SqlRow& row) {
    return User{std::string(row.text(0)), std::string(row.text(1)), parse_role(row.text(2)).value_or(Role::viewer),
                std::string(row.text(3))};
}

// The logo is kept as base64 text: both databases' text columns, no bytes column needed.
DeviceProfile read_profile(const SqlRow& row) {
    return DeviceProfile{std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2)),
                         std::string(row.text(3)), std::string(row.text(4)), std::string(row.text(5)),
                         sync::from_base64(row.text(6)).value_or(""), std::string(row.text(7))};
}

constexpr std::string_view kProfileColumns =
    "SELECT device_id, kecamatan, office, contact, follow_up, complaint_channel, logo_png_base64, received_at "
    "FROM device_profiles";

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
    const auto inserted = database_->write()->first_row(
        "INSERT INTO web_users (username, password_hash, role, created_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (username) DO NOTHING RETURNING username",
        {user.username, user.password_hash, role_name(user.role), user.created_at}, [](const SqlRow&) { return true; });
    if (!inserted) throw Error(ErrorKind::input, Problem{"web.user_exists", {{"username", user.username}}});
}

std::optional<User> SqlWebStore::user(std::string_view username) {
    static const std::string sql = std::string(kUserColumns).append(" WHERE username = ?1");
    return database_->read()->first_row(sql, {username}, read_user);
}

std::vector<User> SqlWebStore::users() {
    static const std::string sql = std::string(kUserColumns).append(" ORDER BY username");
    return database_->read()->rows(sql, {}, read_user);
}

std::int64_t SqlWebStore::user_count() {
    return database_->read()->query_int("SELECT count(*) FROM web_users");
}

void SqlWebStore::add_session(const Session& session) {
    database_->write()->execute(
        "INSERT INTO web_sessions (id_hash, username, csrf_token, expires_at) VALUES (?1, ?2, ?3, ?4)",
        {session.id_hash, session.username, session.csrf_token, session.expires_at});
}

std::optional<Session> SqlWebStore::session(std::string_view id_hash) {
    return database_->read()->first_row(
        "SELECT id_hash, username, csrf_token, expires_at FROM web_sessions WHERE id_hash = ?1", {id_hash},
        [](const SqlRow& row) {
            return Session{std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2)), row.int64(3)};
        });
}

void SqlWebStore::delete_session(std::string_view id_hash) {
    database_->write()->execute("DELETE FROM web_sessions WHERE id_hash = ?1", {id_hash});
}

void SqlWebStore::delete_expired_sessions(std::int64_t now) {
    database_->write()->execute("DELETE FROM web_sessions WHERE expires_at <= ?1", {now});
}

void SqlWebStore::audit(const AuditEntry& entry) {
    database_->write()->execute(
        "INSERT INTO web_audit (at, username, action, detail) VALUES (?1, ?2, ?3, ?4)",
        {entry.at, entry.username, entry.action, entry.detail});
}

std::vector<AuditEntry> SqlWebStore::audit_log(std::size_t limit) {
    return database_->read()->rows(
        "SELECT at, username, action, detail FROM web_audit ORDER BY seq DESC LIMIT ?1", {limit}, [](const SqlRow& row) {
            return AuditEntry{std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2)),
                              std::string(row.text(3))};
        });
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
    return database_->read()->rows("SELECT device_id, app_version, pending, kiosk_sent_at, received_at, clock_skew_s "
                                   "FROM device_reports ORDER BY device_id",
                                   {}, [](const SqlRow& row) {
                                       return DeviceReport{std::string(row.text(0)), row.optional_text(1),
                                                           row.optional_int64(2),    row.optional_text(3),
                                                           std::string(row.text(4)), row.optional_int64(5)};
                                   });
}

void SqlWebStore::record_device_profile(const DeviceProfile& p) {
    database_->write()->execute(
        "INSERT INTO device_profiles (device_id, kecamatan, office, contact, follow_up, complaint_channel, "
        "logo_png_base64, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (device_id) DO UPDATE SET "
        "kecamatan = excluded.kecamatan, office = excluded.office, contact = excluded.contact, "
        "follow_up = excluded.follow_up, complaint_channel = excluded.complaint_channel, "
        "logo_png_base64 = excluded.logo_png_base64, received_at = excluded.received_at",
        {p.device_id, p.kecamatan, p.office, p.contact, p.follow_up, p.complaint_channel,
         p.logo_png.empty() ? std::string() : sync::to_base64(p.logo_png), p.received_at});
}

std::vector<DeviceProfile> SqlWebStore::device_profiles() {
    static const std::string sql = std::string(kProfileColumns).append(" ORDER BY device_id");
    return database_->read()->rows(sql, {}, read_profile);
}

std::optional<DeviceProfile> SqlWebStore::latest_profile(std::string_view kecamatan) {
    // The same hub clock writes every received_at, so the text sorts as the time.
    static const std::string sql =
        std::string(kProfileColumns).append(" WHERE kecamatan = ?1 ORDER BY received_at DESC, device_id LIMIT 1");
    return database_->read()->first_row(sql, {kecamatan}, read_profile);
}

void SqlWebStore::set_target(const Target& t) {
    database_->write()->execute(
        "INSERT INTO web_targets (year, kecamatan, target_ikm, population) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (year, kecamatan) DO UPDATE SET target_ikm = excluded.target_ikm, "
        "population = excluded.population",
        {t.year, t.kecamatan, t.target_ikm, t.population});
}

std::vector<Target> SqlWebStore::targets(int year) {
    return database_->read()->rows(
        "SELECT year, kecamatan, target_ikm, population FROM web_targets WHERE year = ?1 ORDER BY kecamatan", {year},
        [](const SqlRow& row) {
            return Target{static_cast<int>(row.int64(0)), std::string(row.text(1)), row.optional_text(2),
                          row.optional_int64(3)};
        });
}

bool SqlWebStore::add_public_period(const PublicPeriod& p) {
    return database_->write()->execute(
               "INSERT INTO public_periods (period, published_at, published_by) VALUES (?1, ?2, ?3) "
               "ON CONFLICT (period) DO NOTHING",
               {p.period, p.published_at, p.published_by}) > 0;
}

bool SqlWebStore::remove_public_period(std::string_view period) {
    return database_->write()->execute("DELETE FROM public_periods WHERE period = ?1", {std::string(period)}) > 0;
}

std::vector<PublicPeriod> SqlWebStore::public_periods() {
    return database_->read()->rows("SELECT period, published_at, published_by FROM public_periods ORDER BY period", {},
                                   [](const SqlRow& row) {
                                       return PublicPeriod{std::string(row.text(0)), std::string(row.text(1)),
                                                           std::string(row.text(2))};
                                   });
}

std::vector<SaranRow> SqlWebStore::saran(std::string_view kecamatan, const scoring::DateRange& dates,
                                         std::size_t limit) {
    return database_->read()->rows(
        "SELECT layanan, saran, local_date FROM responses WHERE kecamatan = ?1 AND local_date "
        "BETWEEN ?2 AND ?3 AND saran <> '' ORDER BY local_date DESC, seq DESC LIMIT ?4",
        {kecamatan, dates.first.str(), dates.last.str(), limit}, [](const SqlRow& row) {
            return SaranRow{std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2))};
        });
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
    const char* column = profile_column(field);
    if (!column) return {};
    const std::string sql = std::string("SELECT ") + column +
                            ", count(*) FROM responses WHERE kecamatan = ?1 AND local_date BETWEEN ?2 AND ?3 GROUP BY 1";
    return database_->read()->rows(sql, {kecamatan, dates.first.str(), dates.last.str()}, [](const SqlRow& row) {
        return std::pair<std::string, std::uint64_t>(row.text(0), static_cast<std::uint64_t>(row.int64(1)));
    });
}

std::vector<ProfileDetailRow> SqlWebStore::profile_details(std::string_view kecamatan, const scoring::DateRange& dates,
                                                           std::string_view field) {
    const char* column = profile_column(field);
    // Only the four fields a sub-option can belong to.
    if (!column || field == "layanan" || field == "origin" || field == "channel") return {};
    const std::string sql = std::string("SELECT ") + column +
                            ", profile_detail, count(*) FROM responses WHERE kecamatan = ?1 AND local_date BETWEEN ?2 AND ?3 "
                            "GROUP BY 1, 2";
    return database_->read()->rows(sql, {kecamatan, dates.first.str(), dates.last.str()}, [](const SqlRow& row) {
        return ProfileDetailRow{std::string(row.text(0)), std::string(row.text(1)), static_cast<std::uint64_t>(row.int64(2))};
    });
}

void SqlWebStore::for_each_timed_response(std::string_view kecamatan, const scoring::DateRange& dates,
                                          const std::function<void(std::string_view, std::string_view, std::string_view)>& visit) {
    // responses_by_kecamatan (kecamatan, local_date) finds the rows.
    database_->read()->for_each_row(
        "SELECT response_id, submitted_at, answers FROM responses WHERE kecamatan = ?1 AND local_date BETWEEN ?2 AND ?3",
        {kecamatan, dates.first.str(), dates.last.str()}, [&](const SqlRow& row) { visit(row.text(0), row.text(1), row.text(2)); });
}

}  // namespace skm::hub::web
