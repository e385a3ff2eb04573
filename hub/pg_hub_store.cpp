#include "hub/pg_hub_store.hpp"

#include "hub/pg_conninfo.hpp"
#include "hub/pg_schema.hpp"
#include "store/answers_codec.hpp"
#include "store/stored_row.hpp"
#include "sync/config_protocol.hpp"

namespace skm::hub {
namespace {

// Enough for the server's worker threads to upload and read side by side,
// few enough to leave the database server's connections to others.
constexpr std::size_t kMaxConnections = 8;

constexpr const char* kInsert = "skm_insert_response";

void prepare(PgConnection& connection) {
    connection.prepare(
        kInsert,
        "INSERT INTO responses (response_id, device_id, kecamatan, layanan, questionnaire_id, questionnaire_version, "
        "jenis_kelamin, umur, pendidikan, pekerjaan, answers, saran, submitted_at, local_date, duration_ms, flags, "
        "batch_id, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
        "$18) ON CONFLICT (response_id) DO NOTHING",
        18);
}

constexpr const char* kDeviceColumns = "device_id, kecamatan, enrolled_at, revoked_at, last_contact";

Device read_device(const PgResult& result, int row) {
    Device d;
    d.device_id = result.text(row, 0);
    d.kecamatan = result.text(row, 1);
    d.enrolled_at = result.text(row, 2);
    d.revoked_at = result.optional_text(row, 3);
    d.last_contact = result.optional_text(row, 4);
    return d;
}

std::string text(std::string_view value) { return std::string(value); }

}  // namespace

PgHubStore::PgHubStore(const std::string& uri, scoring::ScoringScheme scheme)
    : HubStore(std::move(scheme)), pool_(uri, kMaxConnections, prepare) {
    // A connection of its own, before the pool prepares statements on the
    // tables the migration makes; unreachable or refused: the caller hears at once.
    PgConnection connection(uri);
    migrate_pg(connection, redact_conninfo(uri));
}

PgHubStore::~PgHubStore() = default;

void PgHubStore::enroll(std::string_view device_id, std::string_view kecamatan, std::string_view token_hash,
                        std::string_view now) {
    auto connection = pool_.acquire();
    // One statement, so two enrolments of one device at once cannot both win:
    // a row that exists and is active is left alone and nothing is returned.
    const PgResult result = connection->exec(
        "INSERT INTO devices (device_id, kecamatan, token_hash, enrolled_at) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (device_id) DO UPDATE SET kecamatan = excluded.kecamatan, token_hash = excluded.token_hash, "
        "enrolled_at = excluded.enrolled_at, revoked_at = NULL, last_contact = NULL "
        "WHERE devices.revoked_at IS NOT NULL RETURNING device_id",
        {text(device_id), text(kecamatan), text(token_hash), text(now)});
    if (result.rows() == 0) {
        throw Error(ErrorKind::input, Problem{"hub.device_exists", {{"device", std::string(device_id)}}});
    }
}

std::optional<std::string> PgHubStore::revoke_where(const char* sql, std::string_view key, std::string_view now) {
    auto connection = pool_.acquire();
    const PgResult result = connection->exec(sql, {text(key), text(now)});
    if (result.rows() == 0) return std::nullopt;
    return std::string(result.text(0, 0));
}

std::optional<std::string> PgHubStore::revoke_device(std::string_view device_id, std::string_view now) {
    return revoke_where("UPDATE devices SET revoked_at = coalesce(revoked_at, $2) WHERE device_id = $1 "
                        "RETURNING device_id",
                        device_id, now);
}

std::optional<std::string> PgHubStore::revoke_token(std::string_view token_hash, std::string_view now) {
    return revoke_where("UPDATE devices SET revoked_at = coalesce(revoked_at, $2) WHERE token_hash = $1 "
                        "RETURNING device_id",
                        token_hash, now);
}

std::optional<Device> PgHubStore::active_device(std::string_view token_hash) {
    auto connection = pool_.acquire();
    const std::string sql =
        std::string("SELECT ") + kDeviceColumns + " FROM devices WHERE token_hash = $1 AND revoked_at IS NULL";
    const PgResult result = connection->exec(sql.c_str(), {text(token_hash)});
    if (result.rows() == 0) return std::nullopt;
    return read_device(result, 0);
}

void PgHubStore::touch(std::string_view device_id, std::string_view now) {
    auto connection = pool_.acquire();
    connection->exec("UPDATE devices SET last_contact = $2 WHERE device_id = $1", {text(device_id), text(now)});
}

std::vector<Device> PgHubStore::devices() {
    auto connection = pool_.acquire();
    // COLLATE "C": the same byte order as SQLite's, whatever the database's locale.
    const std::string sql = std::string("SELECT ") + kDeviceColumns +
                            " FROM devices ORDER BY kecamatan COLLATE \"C\", device_id COLLATE \"C\"";
    const PgResult result = connection->exec(sql.c_str());
    std::vector<Device> out;
    for (int row = 0; row < result.rows(); ++row) out.push_back(read_device(result, row));
    return out;
}

std::vector<sync::ItemResult> PgHubStore::ingest(const Device& device, const sync::Batch& batch,
                                                 std::string_view received_at) {
    std::vector<sync::ItemResult> results;
    results.reserve(batch.responses.size());
    auto connection = pool_.acquire();
    PgTransaction transaction(*connection);
    // One upload at a time, so responses commit in the order of their seq.
    // An identity value is taken at INSERT but seen only at COMMIT: two
    // batches side by side could commit seq 12 before seq 11, and the
    // dashboard's tallies (hub/web/tally_cache), which read "every row after
    // the last seq I saw", would never see 11. The lock is released only after
    // the commit is visible, so the next batch's seqs all come later. Reading
    // only below the smallest seq still in flight would avoid the wait, but
    // uncommitted rows are invisible to the reader: it would have to compare
    // each row's inserting transaction (xmin) with pg_current_snapshot(),
    // subtle and easy to get wrong. A batch is a few milliseconds of inserts,
    // and the kiosks upload in the background, so the wait costs little.
    connection->exec("SELECT pg_advisory_xact_lock($1)", {std::to_string(kIngestLockKey)});
    for (const store::Submission& s : batch.responses) {
        const formats::Response& r = s.response;
        // decode_batch checked the timestamp; a row without a date would fall out of every period.
        const auto timestamp = scoring::parse_timestamp(r.submitted_at);
        if (!timestamp) throw Error(ErrorKind::input, Problem{"protocol.bad_value", {{"where", r.response_id}}});
        // decode_batch lets only whole numbers from 1 through as the version: sent as written.
        const PgResult inserted = connection->exec_prepared(
            kInsert, {r.response_id, device.device_id, device.kecamatan, r.layanan, s.questionnaire_id,
                      r.questionnaire_version, r.jenis_kelamin, r.umur, r.pendidikan, r.pekerjaan,
                      store::encode_answers(scheme(), r.answers), r.saran, r.submitted_at, timestamp->date.str(),
                      s.duration_ms ? std::optional<std::string>(std::to_string(*s.duration_ms)) : std::nullopt,
                      store::join_flags(r.flags), batch.batch_id, text(received_at)});
        results.push_back({r.response_id,
                           inserted.affected() == 1 ? sync::ItemStatus::accepted : sync::ItemStatus::duplicate, ""});
    }
    transaction.commit();
    return results;
}

void PgHubStore::for_each_answers(const ResponseFilter& filter,
                                  const std::function<void(std::string_view, std::string_view,
                                                           std::span<const std::uint8_t>)>& visit) {
    auto connection = pool_.acquire();
    connection->for_each_row(
        "SELECT kecamatan, layanan, answers, response_id FROM responses "
        "WHERE local_date BETWEEN $1 AND $2 AND ($3::text IS NULL OR kecamatan = $3) "
        "AND ($4::text IS NULL OR layanan = $4) ORDER BY seq",
        {filter.dates.first.str(), filter.dates.last.str(), filter.kecamatan, filter.layanan},
        [&](const PgResult& row) {
            const auto answers = store::decode_answers(scheme(), row.text(0, 2));
            if (!answers) {
                throw Error(ErrorKind::storage,
                            Problem{"store.bad_answers", {{"response_id", std::string(row.text(0, 3))}}});
            }
            visit(row.text(0, 0), row.text(0, 1), *answers);
        });
}

std::int64_t PgHubStore::response_count() {
    auto connection = pool_.acquire();
    const PgResult result = connection->exec("SELECT count(*) FROM responses");
    return std::stoll(std::string(result.text(0, 0)));
}

std::int64_t PgHubStore::publish_config(store::PublishedConfig config, std::string_view kecamatan,
                                        std::string_view now) {
    auto connection = pool_.acquire();
    PgTransaction transaction(*connection);
    // Versions one after another even when two admins publish at once.
    connection->exec("LOCK TABLE published_configs IN EXCLUSIVE MODE");
    const PgResult next = connection->exec("SELECT coalesce(max(version), 0) + 1 FROM published_configs");
    config.version = std::stoll(std::string(next.text(0, 0)));
    config.published_at = std::string(now);
    connection->exec("INSERT INTO published_configs (version, kecamatan, published_at, body) VALUES ($1, $2, $3, $4)",
                     {std::to_string(config.version), text(kecamatan), text(now), sync::encode_config(config)});
    transaction.commit();
    return config.version;
}

std::optional<store::PublishedConfig> PgHubStore::published_config(std::string_view kecamatan) {
    auto connection = pool_.acquire();
    const PgResult result = connection->exec(
        "SELECT body FROM published_configs WHERE kecamatan IN ('', $1) ORDER BY version DESC LIMIT 1", {text(kecamatan)});
    if (result.rows() == 0) return std::nullopt;
    auto decoded = sync::decode_config(result.text(0, 0));
    if (auto* config = std::get_if<store::PublishedConfig>(&decoded)) return std::move(*config);
    throw Error(ErrorKind::storage, Problem{"store.bad_config", {{"detail", std::get<sync::ProtocolError>(decoded).key}}});
}

}  // namespace skm::hub
