#include "hub/web/open_web_store.hpp"

#include "hub/pg_conninfo.hpp"
#include "hub/pg_pool.hpp"
#include "hub/sqlite_connection.hpp"
#include "hub/web/sql_web_store.hpp"

namespace skm::hub::web {
namespace {

// Enough for the dashboard's worker threads; the hub's own pool has its own.
constexpr std::size_t kMaxPgConnections = 4;

std::unique_ptr<SqlDatabase> open_sqlite(const std::string& path) {
    auto connection = std::make_unique<SqliteConnection>(path, SQLITE_OPEN_READWRITE);
    connection->raw().exec("PRAGMA foreign_keys = ON");
    // Reading every response once (TallyCache) goes through the page cache, not a pread per page.
    connection->raw().exec("PRAGMA mmap_size = 1073741824");
    return std::make_unique<SqliteDatabase>(std::move(connection), nullptr);
}

}  // namespace

std::unique_ptr<WebStore> open_web_store(std::string_view db) {
    const std::string name(db);
    if (is_postgres_uri(db)) return std::make_unique<SqlWebStore>(std::make_unique<PgPool>(name, kMaxPgConnections));
    return std::make_unique<SqlWebStore>(open_sqlite(name));
}

}  // namespace skm::hub::web
