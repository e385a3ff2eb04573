#include "hub/alerts/alert_store.hpp"

#include "hub/pg_conninfo.hpp"
#include "hub/pg_pool.hpp"
#include "hub/sqlite_connection.hpp"

namespace skm::hub::alerts {
namespace {

// The worker needs one connection at a time; a page may read beside it.
constexpr std::size_t kMaxPgConnections = 2;

constexpr std::string_view kAlertColumns =
    "SELECT alert_id, kecamatan, layanan, rule, unsur, since, respondents, ones, now_ikm, before_ikm, found_at "
    "FROM hub_alerts";
constexpr std::string_view kOutboxColumns =
    "SELECT alert_id, channel, address, kecamatan, digest, subject, body, queued_at, queued_s, next_attempt_s, "
    "attempts, last_attempt_at, last_error, sent_at FROM alert_outbox";

HubAlert read_alert(const SqlRow& row) {
    return HubAlert{std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2)),
                    std::string(row.text(3)), std::string(row.text(4)), std::string(row.text(5)),
                    row.int64(6),             row.int64(7),             row.optional_text(8),
                    row.optional_text(9),     std::string(row.text(10))};
}

Recipient read_recipient(const SqlRow& row) {
    return Recipient{std::string(row.text(0)), parse_channel(row.text(1)).value_or(Channel::email),
                     std::string(row.text(2)), row.int64(3) != 0,
                     std::string(row.text(4)), std::string(row.text(5))};
}

OutboxRow read_outbox(const SqlRow& row) {
    OutboxRow r;
    r.alert_id = row.text(0);
    r.channel = parse_channel(row.text(1)).value_or(Channel::email);
    r.address = row.text(2);
    r.kecamatan = row.text(3);
    r.digest = row.int64(4) != 0;
    r.subject = row.text(5);
    r.body = row.text(6);
    r.queued_at = row.text(7);
    r.queued_s = row.int64(8);
    r.next_attempt_s = row.int64(9);
    r.attempts = row.int64(10);
    r.last_attempt_at = row.optional_text(11);
    r.last_error = row.optional_text(12);
    r.sent_at = row.optional_text(13);
    return r;
}

std::unique_ptr<SqlDatabase> open_sqlite(const std::string& path) {
    auto connection = std::make_unique<SqliteConnection>(path, SQLITE_OPEN_READWRITE);
    return std::make_unique<SqliteDatabase>(std::move(connection), nullptr);
}

}  // namespace

std::string_view channel_name(Channel channel) { return channel == Channel::email ? "email" : "telegram"; }

std::optional<Channel> parse_channel(std::string_view text) {
    if (text == "email") return Channel::email;
    if (text == "telegram") return Channel::telegram;
    return std::nullopt;
}

AlertStore::AlertStore(std::unique_ptr<SqlDatabase> database) : database_(std::move(database)) {}

std::unique_ptr<AlertStore> AlertStore::open(std::string_view db) {
    const std::string name(db);
    if (is_postgres_uri(db)) return std::make_unique<AlertStore>(std::make_unique<PgPool>(name, kMaxPgConnections));
    return std::make_unique<AlertStore>(open_sqlite(name));
}

void AlertStore::for_each_response_since(
    const std::string& from,
    const std::function<void(std::string_view, std::string_view, std::string_view, std::string_view, std::string_view)>&
        visit) {
    database_->read()->for_each_row(
        "SELECT kecamatan, layanan, response_id, submitted_at, answers FROM responses WHERE local_date >= ?1 ORDER BY seq",
        {from}, [&](const SqlRow& row) { visit(row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)); });
}

bool AlertStore::add_alert(const HubAlert& a,
                           const std::function<std::vector<OutboxRow>(const std::vector<Recipient>&)>& messages) {
    auto connection = database_->write();
    SqlTransaction transaction(*connection);
    const auto inserted = connection->first_row(
        "INSERT INTO hub_alerts (alert_id, kecamatan, layanan, rule, unsur, since, respondents, ones, now_ikm, "
        "before_ikm, found_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
        "ON CONFLICT (alert_id) DO NOTHING RETURNING alert_id",
        {a.alert_id, a.kecamatan, a.layanan, a.rule, a.unsur, a.since, a.respondents, a.ones, a.now_ikm, a.before_ikm,
         a.found_at},
        [](const SqlRow&) { return true; });
    if (!inserted) return false;
    const auto recipients = connection->rows(
        "SELECT kecamatan, channel, address, digest, added_at, added_by FROM alert_recipients WHERE kecamatan = ?1 "
        "ORDER BY channel, address",
        {a.kecamatan}, read_recipient);
    for (const OutboxRow& r : messages(recipients)) {
        connection->execute(
            "INSERT INTO alert_outbox (alert_id, channel, address, kecamatan, digest, subject, body, queued_at, queued_s, "
            "next_attempt_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
            "ON CONFLICT (alert_id, channel, address) DO NOTHING",
            {r.alert_id, channel_name(r.channel), r.address, r.kecamatan, r.digest ? 1 : 0, r.subject, r.body,
             r.queued_at, r.queued_s, r.next_attempt_s});
    }
    transaction.commit();
    return true;
}

std::vector<std::string> AlertStore::alert_ids(const std::string& since_from) {
    return database_->read()->rows("SELECT alert_id FROM hub_alerts WHERE since >= ?1", {since_from},
                                   [](const SqlRow& row) { return std::string(row.text(0)); });
}

std::vector<HubAlert> AlertStore::alerts(const std::optional<std::string>& kecamatan, const std::string& since_from) {
    if (kecamatan) {
        static const std::string sql =
            std::string(kAlertColumns).append(" WHERE kecamatan = ?1 AND since >= ?2 ORDER BY since DESC, alert_id");
        return database_->read()->rows(sql, {*kecamatan, since_from}, read_alert);
    }
    static const std::string sql =
        std::string(kAlertColumns).append(" WHERE since >= ?1 ORDER BY since DESC, kecamatan, alert_id");
    return database_->read()->rows(sql, {since_from}, read_alert);
}

bool AlertStore::add_recipient(const Recipient& r) {
    return database_->write()
        ->first_row("INSERT INTO alert_recipients (kecamatan, channel, address, digest, added_at, added_by) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (kecamatan, channel, address) DO NOTHING "
                    "RETURNING kecamatan",
                    {r.kecamatan, channel_name(r.channel), r.address, r.digest ? 1 : 0, r.added_at, r.added_by},
                    [](const SqlRow&) { return true; })
        .has_value();
}

bool AlertStore::remove_recipient(std::string_view kecamatan, Channel channel, std::string_view address) {
    auto connection = database_->write();
    SqlTransaction transaction(*connection);
    const bool removed = connection->execute(
                             "DELETE FROM alert_recipients WHERE kecamatan = ?1 AND channel = ?2 AND address = ?3",
                             {kecamatan, channel_name(channel), address}) > 0;
    // What was still waiting for them is not sent any more; what was sent stays on record.
    connection->execute(
        "DELETE FROM alert_outbox WHERE kecamatan = ?1 AND channel = ?2 AND address = ?3 AND sent_at IS NULL",
        {kecamatan, channel_name(channel), address});
    transaction.commit();
    return removed;
}

std::vector<Recipient> AlertStore::recipients(const std::optional<std::string>& kecamatan) {
    constexpr std::string_view columns = "SELECT kecamatan, channel, address, digest, added_at, added_by FROM alert_recipients";
    if (kecamatan) {
        static const std::string sql = std::string(columns).append(" WHERE kecamatan = ?1 ORDER BY channel, address");
        return database_->read()->rows(sql, {*kecamatan}, read_recipient);
    }
    static const std::string sql = std::string(columns).append(" ORDER BY kecamatan, channel, address");
    return database_->read()->rows(sql, {}, read_recipient);
}

std::vector<OutboxRow> AlertStore::pending() {
    static const std::string sql = std::string(kOutboxColumns).append(" WHERE sent_at IS NULL ORDER BY queued_s, alert_id");
    return database_->read()->rows(sql, {}, read_outbox);
}

void AlertStore::mark_sent(const OutboxRow& row, const std::string& at) {
    database_->write()->execute(
        "UPDATE alert_outbox SET sent_at = ?4, last_attempt_at = ?4, attempts = attempts + 1 "
        "WHERE alert_id = ?1 AND channel = ?2 AND address = ?3 AND sent_at IS NULL",
        {row.alert_id, channel_name(row.channel), row.address, at});
}

void AlertStore::mark_failed(const OutboxRow& row, const std::string& at, const std::string& error,
                             std::int64_t next_attempt_s) {
    database_->write()->execute(
        "UPDATE alert_outbox SET last_attempt_at = ?4, last_error = ?5, next_attempt_s = ?6, attempts = attempts + 1 "
        "WHERE alert_id = ?1 AND channel = ?2 AND address = ?3 AND sent_at IS NULL",
        {row.alert_id, channel_name(row.channel), row.address, at, error, next_attempt_s});
}

std::vector<OutboxRow> AlertStore::deliveries(std::size_t sent_limit) {
    auto out = pending();
    static const std::string sql =
        std::string(kOutboxColumns).append(" WHERE sent_at IS NOT NULL ORDER BY sent_at DESC, alert_id LIMIT ?1");
    for (auto& r : database_->read()->rows(sql, {static_cast<std::int64_t>(sent_limit)}, read_outbox)) {
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace skm::hub::alerts
