#include "hub/open_hub_store.hpp"

#include "hub/hub_schema.hpp"
#include "hub/pg_conninfo.hpp"
#include "hub/pg_pool.hpp"
#include "hub/pg_schema.hpp"
#include "hub/sql_hub_store.hpp"
#include "hub/sqlite_connection.hpp"

#include <filesystem>

namespace skm::hub {
namespace {

// Enough for the server's worker threads to upload and read side by side,
// few enough to leave the database server's connections to others.
constexpr std::size_t kMaxPgConnections = 8;

std::unique_ptr<SqlDatabase> open_postgres(const std::string& uri) {
    // A connection of its own, before the pool's: unreachable or refused, the
    // caller hears at once.
    PgConnection connection(uri);
    migrate_pg(connection, redact_conninfo(uri));
    return std::make_unique<PgPool>(uri, kMaxPgConnections);
}

std::unique_ptr<SqlDatabase> open_sqlite(const std::string& path) {
    auto writer = std::make_unique<SqliteConnection>(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    writer->raw().exec("PRAGMA journal_mode = WAL");
    writer->raw().exec("PRAGMA synchronous = FULL");
    // Before a schema change, a whole copy of the database as it was
    // (<db>.before-v<N>, N the new version): an upgrade that goes wrong is
    // undone by putting it back. A copy left by an earlier try is as good.
    const std::int64_t found = store::query_int(writer->raw(), "PRAGMA user_version");
    if (found > 0 && found < latest_hub_schema_version()) {
        const std::string copy = path + ".before-v" + std::to_string(latest_hub_schema_version());
        if (!std::filesystem::exists(copy)) store::Statement(writer->raw(), "VACUUM INTO ?1").bind(1, copy).step();
    }
    migrate_hub(writer->raw());
    // Reads on a second connection: WAL lets them overlap the writer's uploads.
    auto reader = std::make_unique<SqliteConnection>(path, SQLITE_OPEN_READONLY);
    return std::make_unique<SqliteDatabase>(std::move(writer), std::move(reader));
}

}  // namespace

std::unique_ptr<HubStore> open_hub_store(std::string_view db, scoring::ScoringScheme scheme) {
    const std::string name(db);
    return std::make_unique<SqlHubStore>(is_postgres_uri(db) ? open_postgres(name) : open_sqlite(name),
                                         std::move(scheme));
}

}  // namespace skm::hub
