#include "hub/open_hub_store.hpp"

#include "hub/pg_conninfo.hpp"
#include "hub/pg_hub_store.hpp"
#include "hub/sqlite_hub_store.hpp"

namespace skm::hub {

std::unique_ptr<HubStore> open_hub_store(std::string_view db, scoring::ScoringScheme scheme) {
    if (is_postgres_uri(db)) return std::make_unique<PgHubStore>(std::string(db), std::move(scheme));
    return std::make_unique<SqliteHubStore>(std::filesystem::path(db), std::move(scheme));
}

}  // namespace skm::hub
