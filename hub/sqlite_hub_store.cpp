#include "hub/sqlite_hub_store.hpp"

#include "hub/hub_schema.hpp"
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

Device read_device(const store::Statement& query) {
    Device d;
    d.device_id = query.text(0);
    d.kecamatan = query.text(1);
    d.enrolled_at = query.text(2);
    if (!query.is_null(3)) d.revoked_at = std::string(query.text(3));
    if (!query.is_null(4)) d.last_contact = std::string(query.text(4));
    return d;
}

constexpr const char* kDeviceColumns = "device_id, kecamatan, enrolled_at, revoked_at, last_contact";

}  // namespace

SqliteHubStore::SqliteHubStore(const std::filesystem::path& path, scoring::ScoringScheme scheme)
    : HubStore(std::move(scheme)) {
    writer_ = std::make_unique<store::Connection>(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    writer_->exec("PRAGMA journal_mode = WAL");
    writer_->exec("PRAGMA synchronous = FULL");
    migrate_hub(*writer_);
    insert_ = std::make_unique<store::Statement>(
        *writer_,
        "INSERT INTO responses (response_id, device_id, kecamatan, layanan, questionnaire_id, questionnaire_version, "
        "jenis_kelamin, umur, pendidikan, pekerjaan, answers, saran, submitted_at, local_date, duration_ms, flags, "
        "batch_id, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) "
        "ON CONFLICT (response_id) DO NOTHING");
    reader_ = std::make_unique<store::Connection>(path.string(), SQLITE_OPEN_READONLY);
}

SqliteHubStore::~SqliteHubStore() = default;

void SqliteHubStore::enroll(std::string_view device_id, std::string_view kecamatan, std::string_view token_hash,
                      std::string_view now) {
    const std::lock_guard lock(write_mutex_);
    store::Transaction transaction(*writer_);
    {
        store::Statement existing(*writer_, "SELECT revoked_at IS NULL FROM devices WHERE device_id = ?1");
        existing.bind(1, device_id);
        if (existing.step() && existing.int64(0) == 1) {
            throw Error(ErrorKind::input, Problem{"hub.device_exists", {{"device", std::string(device_id)}}});
        }
    }
    store::Statement upsert(*writer_,
                            "INSERT INTO devices (device_id, kecamatan, token_hash, enrolled_at) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (device_id) DO UPDATE SET kecamatan = excluded.kecamatan, "
                            "token_hash = excluded.token_hash, enrolled_at = excluded.enrolled_at, revoked_at = NULL, "
                            "last_contact = NULL");
    upsert.bind(1, device_id).bind(2, kecamatan).bind(3, token_hash).bind(4, now);
    upsert.step();
    transaction.commit();
}

std::optional<std::string> SqliteHubStore::revoke_where(const char* sql, std::string_view key, std::string_view now) {
    const std::lock_guard lock(write_mutex_);
    store::Statement revoke(*writer_, sql);
    revoke.bind(1, key).bind(2, now);
    if (!revoke.step()) return std::nullopt;
    std::string device_id(revoke.text(0));
    while (revoke.step()) {
    }  // to the end: the update commits here, and a failure to commit throws here
    return device_id;
}

std::optional<std::string> SqliteHubStore::revoke_device(std::string_view device_id, std::string_view now) {
    return revoke_where("UPDATE devices SET revoked_at = coalesce(revoked_at, ?2) WHERE device_id = ?1 "
                        "RETURNING device_id",
                        device_id, now);
}

std::optional<std::string> SqliteHubStore::revoke_token(std::string_view token_hash, std::string_view now) {
    return revoke_where("UPDATE devices SET revoked_at = coalesce(revoked_at, ?2) WHERE token_hash = ?1 "
                        "RETURNING device_id",
                        token_hash, now);
}

std::optional<Device> SqliteHubStore::active_device(std::string_view token_hash) {
    const std::lock_guard lock(read_mutex_);
    const std::string sql =
        std::string("SELECT ") + kDeviceColumns + " FROM devices WHERE token_hash = ?1 AND revoked_at IS NULL";
    store::Statement query(*reader_, sql.c_str());
    query.bind(1, token_hash);
    if (!query.step()) return std::nullopt;
    return read_device(query);
}

void SqliteHubStore::touch(std::string_view device_id, std::string_view now) {
    const std::lock_guard lock(write_mutex_);
    store::Statement update(*writer_, "UPDATE devices SET last_contact = ?2 WHERE device_id = ?1");
    update.bind(1, device_id).bind(2, now);
    update.step();
}

std::vector<Device> SqliteHubStore::devices() {
    const std::lock_guard lock(read_mutex_);
    const std::string sql = std::string("SELECT ") + kDeviceColumns + " FROM devices ORDER BY kecamatan, device_id";
    store::Statement query(*reader_, sql.c_str());
    std::vector<Device> out;
    while (query.step()) out.push_back(read_device(query));
    return out;
}

std::vector<sync::ItemResult> SqliteHubStore::ingest(const Device& device, const sync::Batch& batch,
                                               std::string_view received_at) {
    const std::lock_guard lock(write_mutex_);
    std::vector<sync::ItemResult> results;
    results.reserve(batch.responses.size());
    store::Transaction transaction(*writer_);
    for (const store::Submission& s : batch.responses) {
        const formats::Response& r = s.response;
        // decode_batch checked the timestamp; a row without a date would fall out of every period.
        const auto timestamp = scoring::parse_timestamp(r.submitted_at);
        if (!timestamp) throw Error(ErrorKind::input, Problem{"protocol.bad_value", {{"where", r.response_id}}});
        insert_->reset();
        insert_->bind(1, r.response_id)
            .bind(2, device.device_id)
            .bind(3, device.kecamatan)
            .bind(4, r.layanan)
            .bind(5, s.questionnaire_id)
            .bind(6, version_number(r.questionnaire_version))
            .bind(7, r.jenis_kelamin)
            .bind(8, r.umur)
            .bind(9, r.pendidikan)
            .bind(10, r.pekerjaan)
            .bind(11, store::encode_answers(scheme(), r.answers))
            .bind(12, r.saran)
            .bind(13, r.submitted_at)
            .bind(14, timestamp->date.str());
        if (s.duration_ms) {
            insert_->bind(15, *s.duration_ms);
        } else {
            insert_->bind_null(15);
        }
        insert_->bind(16, store::join_flags(r.flags)).bind(17, batch.batch_id).bind(18, received_at);
        insert_->step();
        const bool inserted = sqlite3_changes(writer_->handle()) == 1;
        results.push_back({r.response_id, inserted ? sync::ItemStatus::accepted : sync::ItemStatus::duplicate, ""});
    }
    insert_->reset();  // lets go of the statement's hold before COMMIT
    transaction.commit();
    return results;
}

void SqliteHubStore::for_each_answers(const ResponseFilter& filter,
                                const std::function<void(std::string_view, std::string_view,
                                                         std::span<const std::uint8_t>)>& visit) {
    const std::lock_guard lock(read_mutex_);
    store::Statement query(*reader_,
                           "SELECT kecamatan, layanan, answers, response_id FROM responses "
                           "WHERE local_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR kecamatan = ?3) "
                           "AND (?4 IS NULL OR layanan = ?4) ORDER BY seq");
    query.bind(1, filter.dates.first.str()).bind(2, filter.dates.last.str());
    filter.kecamatan ? query.bind(3, *filter.kecamatan) : query.bind_null(3);
    filter.layanan ? query.bind(4, *filter.layanan) : query.bind_null(4);
    while (query.step()) {
        const auto answers = store::decode_answers(scheme(), query.text(2));
        if (!answers) {
            throw Error(ErrorKind::storage, Problem{"store.bad_answers", {{"response_id", std::string(query.text(3))}}});
        }
        visit(query.text(0), query.text(1), *answers);
    }
}

std::int64_t SqliteHubStore::response_count() {
    const std::lock_guard lock(read_mutex_);
    return store::query_int(*reader_, "SELECT count(*) FROM responses");
}

std::int64_t SqliteHubStore::publish_config(store::PublishedConfig config, std::string_view kecamatan, std::string_view now) {
    const std::lock_guard lock(write_mutex_);
    store::Transaction transaction(*writer_);
    config.version = store::query_int(*writer_, "SELECT coalesce(max(version), 0) + 1 FROM published_configs");
    config.published_at = std::string(now);
    store::Statement insert(*writer_,
                            "INSERT INTO published_configs (version, kecamatan, published_at, body) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, config.version).bind(2, kecamatan).bind(3, now).bind(4, sync::encode_config(config));
    insert.step();
    transaction.commit();
    return config.version;
}

std::optional<store::PublishedConfig> SqliteHubStore::published_config(std::string_view kecamatan) {
    const std::lock_guard lock(read_mutex_);
    store::Statement query(*reader_,
                           "SELECT body FROM published_configs WHERE kecamatan IN ('', ?1) ORDER BY version DESC LIMIT 1");
    query.bind(1, kecamatan);
    if (!query.step()) return std::nullopt;
    auto decoded = sync::decode_config(query.text(0));
    if (auto* config = std::get_if<store::PublishedConfig>(&decoded)) return std::move(*config);
    throw Error(ErrorKind::storage, Problem{"store.bad_config", {{"detail", std::get<sync::ProtocolError>(decoded).key}}});
}

}  // namespace skm::hub
