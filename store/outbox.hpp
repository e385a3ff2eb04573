// The sync engine's view of the device database: responses not yet
// confirmed by the hub, oldest first, and marking them once the hub answered
// for each. Its own connection (the sync thread never shares the kiosk's),
// so a slow network never holds the kiosk's database lock: each call is one
// short statement or transaction.
#pragma once

#include "scoring/scheme.hpp"
#include "store/published_config.hpp"
#include "store/sqlite.hpp"
#include "store/stored_row.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace skm::store {

struct SyncMark {
    std::string response_id;
    bool sent = false;   // accepted or duplicate at the hub
    std::string reason;  // when refused: kept in sync_note, the row stays stored
};

// What store_downloaded did with a page of link answers from the hub.
struct DownloadStored {
    std::size_t inserted = 0;
    std::size_t already_present = 0;
    std::vector<Problem> refused;          // failed validate_submission: left out, not acknowledged
    std::vector<std::string> acknowledge;  // the ids stored here now or before: what the hub may mark delivered
};

class Outbox {
public:
    // vfs: as StoreOptions::vfs (tests inject faults); null = SQLite's default.
    Outbox(const std::filesystem::path& database, scoring::ScoringScheme scheme, const char* vfs = nullptr);
    ~Outbox();
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    std::vector<Submission> next_batch(std::size_t max_items);
    // One transaction; ids the database does not hold are ignored.
    void mark(const std::vector<SyncMark>& marks);
    std::int64_t pending() const;
    // Link answers downloaded from the hub (sync/link_answers_protocol), in one
    // transaction: each stored once by its id, as origin "hub" and channel
    // "link", and as already sent, so it never enters the upload outbox.
    // An id stored before (a lost acknowledgement) is left as it was.
    DownloadStored store_downloaded(const std::vector<Submission>& answers);
    std::optional<std::string> setting(const std::string& key) const;
    void set_setting(const std::string& key, const std::string& value);
    // store/settings' keep_first_setting on this connection.
    std::string keep_first_setting(const std::string& key, const std::string& value);
    void clear_setting(const std::string& key);
    // store/published_config on this connection.
    std::int64_t applied_config_version() const;
    bool apply_config(const PublishedConfig& config, std::string_view now);

private:
    scoring::ScoringScheme scheme_;
    std::unique_ptr<Connection> db_;
};

}  // namespace skm::store
