#include "hub/web/open_web_store.hpp"

#include "hub/pg_conninfo.hpp"
#include "hub/web/pg_web_store.hpp"
#include "hub/web/sqlite_web_store.hpp"

namespace skm::hub::web {

std::unique_ptr<WebStore> open_web_store(std::string_view db) {
    if (is_postgres_uri(db)) return std::make_unique<PgWebStore>(std::string(db));
    return std::make_unique<SqliteWebStore>(std::filesystem::path(db));
}

}  // namespace skm::hub::web
