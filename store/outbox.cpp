#include "store/outbox.hpp"

#include "store/settings.hpp"
#include "store/response_store.hpp"

namespace skm::store {

Outbox::Outbox(const std::filesystem::path& database, scoring::ScoringScheme scheme, const char* vfs)
    : scheme_(std::move(scheme)), db_(std::make_unique<Connection>(database.string(), SQLITE_OPEN_READWRITE, vfs)) {
    db_->exec("PRAGMA synchronous = FULL");  // a mark, once made, survives a power cut too
}

Outbox::~Outbox() = default;

std::vector<Submission> Outbox::next_batch(std::size_t max_items) {
    const std::string sql = std::string("SELECT ") + kStoredRowColumns +
                            " FROM responses WHERE sync_state = 'pending' ORDER BY seq LIMIT ?1";
    Statement query(*db_, sql.c_str());
    query.bind(1, static_cast<std::int64_t>(max_items));
    std::vector<Submission> out;
    while (query.step()) out.push_back(read_stored_row(query, scheme_).submission);
    return out;
}

void Outbox::mark(const std::vector<SyncMark>& marks) {
    Transaction transaction(*db_);
    Statement update(*db_, "UPDATE responses SET sync_state = ?2, sync_note = ?3 WHERE response_id = ?1");
    for (const auto& m : marks) {
        update.reset();
        update.bind(1, m.response_id).bind(2, std::string_view(m.sent ? "sent" : "rejected")).bind(3, m.reason);
        update.step();
    }
    transaction.commit();
}

DownloadStored Outbox::store_downloaded(const std::vector<Submission>& answers) {
    DownloadStored result;
    Transaction transaction(*db_);
    Statement insert(*db_, kInsertResponse);
    // In the same transaction as the INSERT: no moment in which the row is pending.
    Statement sent(*db_, "UPDATE responses SET sync_state = 'sent' WHERE seq = ?1");
    for (Submission s : answers) {
        s.response.origin = "hub";  // where this device got it from
        s.response.channel = "link";
        if (auto problem = validate_submission(s, scheme_)) {
            result.refused.push_back(std::move(*problem));
            continue;
        }
        insert.reset();
        bind_response(insert, s, scheme_, scoring::parse_timestamp(s.response.submitted_at)->date);
        insert.step();
        if (sqlite3_changes(db_->handle()) > 0) {
            sent.reset();
            sent.bind(1, static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_->handle())));
            sent.step();
            ++result.inserted;
        } else {
            ++result.already_present;
        }
        result.acknowledge.push_back(s.response.response_id);
    }
    transaction.commit();
    return result;
}

std::int64_t Outbox::pending() const {
    return query_int(*db_, "SELECT count(*) FROM responses WHERE sync_state = 'pending'");
}

std::optional<std::string> Outbox::setting(const std::string& key) const {
    Statement query(*db_, "SELECT value FROM settings WHERE key = ?1");
    query.bind(1, key);
    if (!query.step()) return std::nullopt;
    return std::string(query.text(0));
}

void Outbox::set_setting(const std::string& key, const std::string& value) {
    Statement upsert(*db_, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key).bind(2, value);
    upsert.step();
}

std::string Outbox::keep_first_setting(const std::string& key, const std::string& value) {
    return store::keep_first_setting(*db_, key, value);
}

void Outbox::clear_setting(const std::string& key) {
    Statement remove(*db_, "DELETE FROM settings WHERE key = ?1");
    remove.bind(1, key);
    remove.step();
}

std::int64_t Outbox::applied_config_version() const { return store::applied_config_version(*db_); }

bool Outbox::apply_config(const PublishedConfig& config, std::string_view now) {
    return apply_published_config(*db_, config, now);
}

}  // namespace skm::store
