#include "hub/sql_hub_store.hpp"

#include "store/answers_codec.hpp"
#include "store/stored_row.hpp"
#include "sync/config_protocol.hpp"

#include <charconv>

namespace skm::hub {
namespace {

std::int64_t version_number(std::string_view text) {
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;  // decode_batch only lets whole numbers from 1 through here
}

constexpr std::string_view kDeviceColumns = "device_id, kecamatan, enrolled_at, revoked_at, last_contact, link_public_key";

Device read_device(const SqlRow& row) {
    return Device{std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2)), row.optional_text(3),
                  row.optional_text(4), row.optional_text(5)};
}

constexpr std::string_view kInsertResponse =
    "INSERT INTO responses (response_id, device_id, kecamatan, layanan, questionnaire_id, questionnaire_version, "
    "jenis_kelamin, umur, pendidikan, pekerjaan, answers, saran, submitted_at, local_date, duration_ms, flags, "
    "batch_id, received_at, profile_detail, origin, channel) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21) ON CONFLICT (response_id) DO NOTHING";

}  // namespace

std::int64_t SqlHubStore::insert_response(SqlConnection& connection, const Device& device, const store::Submission& s,
                                          std::string_view batch_id, std::string_view received_at) {
    const formats::Response& r = s.response;
    // decode_batch checked the timestamp; a row without a date would fall out of every period.
    const auto timestamp = scoring::parse_timestamp(r.submitted_at);
    if (!timestamp) throw Error(ErrorKind::input, Problem{"protocol.bad_value", {{"where", r.response_id}}});
    return connection.execute(
        kInsertResponse,
        {r.response_id, device.device_id, device.kecamatan, r.layanan, s.questionnaire_id,
         version_number(r.questionnaire_version), r.jenis_kelamin, r.umur, r.pendidikan, r.pekerjaan,
         store::encode_answers(scheme(), r.answers), r.saran, r.submitted_at, timestamp->date.str(), s.duration_ms,
         store::join_flags(r.flags), batch_id, received_at, r.profile_detail, r.origin, r.channel},
        SqlConnection::Plan::kept);
}

SqlHubStore::SqlHubStore(std::unique_ptr<SqlDatabase> database, scoring::ScoringScheme scheme)
    : HubStore(std::move(scheme)), database_(std::move(database)) {}

void SqlHubStore::enroll(std::string_view device_id, std::string_view kecamatan, std::string_view token_hash,
                         std::string_view now) {
    // One statement, so two enrolments of one device at once cannot both win:
    // a row that exists and is active is left alone and nothing is returned.
    const auto enrolled = database_->write()->first_row(
        "INSERT INTO devices (device_id, kecamatan, token_hash, enrolled_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (device_id) DO UPDATE SET kecamatan = excluded.kecamatan, token_hash = excluded.token_hash, "
        "enrolled_at = excluded.enrolled_at, revoked_at = NULL, last_contact = NULL, link_public_key = NULL "
        "WHERE devices.revoked_at IS NOT NULL RETURNING device_id",
        {device_id, kecamatan, token_hash, now}, [](const SqlRow&) { return true; });
    if (!enrolled) throw Error(ErrorKind::input, Problem{"hub.device_exists", {{"device", std::string(device_id)}}});
}

std::optional<std::string> SqlHubStore::revoke_where(std::string_view sql, std::string_view key, std::string_view now) {
    return database_->write()->first_row(sql, {key, now}, [](const SqlRow& row) { return std::string(row.text(0)); });
}

std::optional<std::string> SqlHubStore::revoke_device(std::string_view device_id, std::string_view now) {
    return revoke_where("UPDATE devices SET revoked_at = coalesce(revoked_at, ?2) WHERE device_id = ?1 "
                        "RETURNING device_id",
                        device_id, now);
}

std::optional<std::string> SqlHubStore::revoke_token(std::string_view token_hash, std::string_view now) {
    return revoke_where("UPDATE devices SET revoked_at = coalesce(revoked_at, ?2) WHERE token_hash = ?1 "
                        "RETURNING device_id",
                        token_hash, now);
}

std::optional<Device> SqlHubStore::active_device(std::string_view token_hash) {
    static const std::string sql =
        std::string("SELECT ").append(kDeviceColumns).append(" FROM devices WHERE token_hash = ?1 AND revoked_at IS NULL");
    return database_->read()->first_row(sql, {token_hash}, read_device);
}

void SqlHubStore::touch(std::string_view device_id, std::string_view now) {
    database_->write()->execute("UPDATE devices SET last_contact = ?2 WHERE device_id = ?1", {device_id, now});
}

std::vector<Device> SqlHubStore::devices() {
    // COLLATE "C": byte order on both backends, whatever PostgreSQL's locale.
    static const std::string sql = std::string("SELECT ").append(kDeviceColumns).append(
        " FROM devices ORDER BY kecamatan COLLATE \"C\", device_id COLLATE \"C\"");
    return database_->read()->rows(sql, {}, read_device);
}

std::vector<sync::ItemResult> SqlHubStore::ingest(const Device& device, const sync::Batch& batch,
                                                  std::string_view received_at) {
    std::vector<sync::ItemResult> results;
    results.reserve(batch.responses.size());
    auto connection = database_->write();
    SqlTransaction transaction(*connection);
    connection->lock_writers(kIngestLockKey);
    for (const store::Submission& s : batch.responses) {
        const formats::Response& r = s.response;
        const std::int64_t inserted = insert_response(*connection, device, s, batch.batch_id, received_at);
        results.push_back({r.response_id, inserted == 1 ? sync::ItemStatus::accepted : sync::ItemStatus::duplicate, ""});
    }
    transaction.commit();
    return results;
}

void SqlHubStore::for_each_answers(const ResponseFilter& filter,
                                   const std::function<void(std::string_view, std::string_view,
                                                            std::span<const std::uint8_t>)>& visit) {
    auto connection = database_->read();
    connection->for_each_row(
        "SELECT kecamatan, layanan, answers, response_id FROM responses "
        "WHERE local_date BETWEEN ?1 AND ?2 AND (CAST(?3 AS TEXT) IS NULL OR kecamatan = ?3) "
        "AND (CAST(?4 AS TEXT) IS NULL OR layanan = ?4) ORDER BY seq",
        {filter.dates.first.str(), filter.dates.last.str(), filter.kecamatan, filter.layanan},
        [&](const SqlRow& row) {
            const auto answers = store::decode_answers(scheme(), row.text(2));
            if (!answers) {
                throw Error(ErrorKind::storage,
                            Problem{"store.bad_answers", {{"response_id", std::string(row.text(3))}}});
            }
            visit(row.text(0), row.text(1), *answers);
        });
}

std::int64_t SqlHubStore::response_count() {
    return database_->read()->query_int("SELECT count(*) FROM responses");
}

std::int64_t SqlHubStore::publish_config(store::PublishedConfig config, std::string_view kecamatan,
                                         std::string_view now) {
    auto connection = database_->write();
    SqlTransaction transaction(*connection);
    connection->lock_writers(kPublishLockKey);
    config.version = connection->query_int("SELECT coalesce(max(version), 0) + 1 FROM published_configs");
    config.published_at = std::string(now);
    connection->execute("INSERT INTO published_configs (version, kecamatan, published_at, body) VALUES (?1, ?2, ?3, ?4)",
                        {config.version, kecamatan, now, sync::encode_config(config)});
    transaction.commit();
    return config.version;
}

std::optional<store::PublishedConfig> SqlHubStore::published_config(std::string_view kecamatan) {
    const std::optional<std::string> body = database_->read()->first_row(
        "SELECT body FROM published_configs WHERE kecamatan IN ('', ?1) ORDER BY version DESC LIMIT 1", {kecamatan},
        [](const SqlRow& row) { return std::string(row.text(0)); });
    if (!body) return std::nullopt;
    auto decoded = sync::decode_config(*body);
    if (auto* config = std::get_if<store::PublishedConfig>(&decoded)) return std::move(*config);
    throw Error(ErrorKind::storage, Problem{"store.bad_config", {{"detail", std::get<sync::ProtocolError>(decoded).key}}});
}

// ---- one-time survey links ------------------------------------------------------

void SqlHubStore::set_link_key(std::string_view device_id, std::string_view public_key) {
    database_->write()->execute("UPDATE devices SET link_public_key = ?2 WHERE device_id = ?1", {device_id, public_key});
}

std::optional<Device> SqlHubStore::device(std::string_view device_id) {
    static const std::string sql = std::string("SELECT ").append(kDeviceColumns).append(" FROM devices WHERE device_id = ?1");
    return database_->read()->first_row(sql, {device_id}, read_device);
}

bool SqlHubStore::link_used(std::string_view device_id, std::string_view link_id) {
    return database_->read()->query_int("SELECT count(*) FROM used_links WHERE device_id = ?1 AND link_id = ?2",
                                        {device_id, link_id}) > 0;
}

LinkAnswerResult SqlHubStore::store_link_answer(const Device& device, std::string_view link_id,
                                                const store::Submission& answer, std::string_view received_at) {
    auto connection = database_->write();
    SqlTransaction transaction(*connection);
    connection->lock_writers(kIngestLockKey);  // responses commit in seq order (see kIngestLockKey)
    // The mark first: a second submission of the link, even at the same moment, finds it and stores nothing.
    const std::int64_t marked = connection->execute(
        "INSERT INTO used_links (device_id, link_id, response_id, used_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (device_id, link_id) DO NOTHING",
        {device.device_id, link_id, answer.response.response_id, received_at});
    if (marked != 1) return LinkAnswerResult::already_used;  // rolled back: nothing written
    if (insert_response(*connection, device, answer, "link:" + std::string(link_id), received_at) != 1) {
        // The id is the link's own (derived from it): stored already means used already.
        return LinkAnswerResult::already_used;
    }
    transaction.commit();
    return LinkAnswerResult::stored;
}

std::vector<std::string> SqlHubStore::kecamatan_layanan(std::string_view kecamatan) {
    return database_->read()->rows(
        "SELECT layanan FROM responses WHERE kecamatan = ?1 GROUP BY layanan ORDER BY layanan COLLATE \"C\" LIMIT 200",
        {kecamatan}, [](const SqlRow& row) { return std::string(row.text(0)); });
}

// ---- the download direction (sync/link_answers_protocol) ---------------------

std::vector<LinkAnswer> SqlHubStore::undelivered_link_answers(const Device& device, std::int64_t after_seq,
                                                              std::size_t limit) {
    return database_->read()->rows(
        "SELECT seq, response_id, layanan, questionnaire_id, questionnaire_version, jenis_kelamin, umur, pendidikan, "
        "pekerjaan, answers, saran, submitted_at, duration_ms, flags, profile_detail, origin, channel, device_id "
        "FROM responses r WHERE kecamatan = ?1 AND channel = 'link' AND seq > ?2 AND NOT EXISTS "
        "(SELECT 1 FROM link_deliveries d WHERE d.device_id = ?3 AND d.response_id = r.response_id) "
        "ORDER BY seq LIMIT ?4",
        {device.kecamatan, after_seq, device.device_id, static_cast<std::int64_t>(limit)}, [this](const SqlRow& row) {
            LinkAnswer answer;
            answer.seq = row.int64(0);
            store::Submission& s = answer.submission;
            formats::Response& r = s.response;
            r.response_id = row.text(1);
            r.layanan = row.text(2);
            s.questionnaire_id = row.text(3);
            r.questionnaire_version = std::to_string(row.int64(4));
            r.jenis_kelamin = row.text(5);
            r.umur = row.text(6);
            r.pendidikan = row.text(7);
            r.pekerjaan = row.text(8);
            auto answers = store::decode_answers(scheme(), row.text(9));
            if (!answers) throw Error(ErrorKind::storage, Problem{"store.bad_answers", {{"response_id", r.response_id}}});
            r.answers = std::move(*answers);
            r.saran = row.text(10);
            r.submitted_at = row.text(11);
            s.duration_ms = row.optional_int64(12);
            r.flags = store::split_flags(row.text(13));
            r.profile_detail = row.text(14);
            r.origin = row.text(15);
            r.channel = row.text(16);
            r.device_id = row.text(17);
            return answer;
        });
}

std::int64_t SqlHubStore::mark_link_answers_delivered(const Device& device, const std::vector<std::string>& ids,
                                                      std::string_view now) {
    auto connection = database_->write();
    SqlTransaction transaction(*connection);
    std::int64_t marked = 0;
    for (const std::string& id : ids) {
        // Only the device's own kecamatan's link answers: an ack cannot fill the table with strangers' ids.
        marked += connection->execute(
            "INSERT INTO link_deliveries (device_id, response_id, delivered_at) "
            "SELECT CAST(?1 AS TEXT), response_id, CAST(?3 AS TEXT) FROM responses "
            "WHERE response_id = ?2 AND kecamatan = ?4 AND channel = 'link' "
            "ON CONFLICT (device_id, response_id) DO NOTHING",
            {device.device_id, id, now, device.kecamatan}, SqlConnection::Plan::kept);
    }
    transaction.commit();
    return marked;
}

}  // namespace skm::hub
