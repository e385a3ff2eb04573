// Opens the dashboard's store beside the hub's (hub/open_hub_store): a
// postgresql:// or postgres:// URI selects PostgreSQL (a pool of its own,
// connected lazily: store.db_unreachable comes from the first call), anything
// else is the SQLite file; the store is the same (hub/web/sql_web_store).
// Open the HubStore first: it brings the schema up to date, the dashboard's
// tables included.
#pragma once

#include "hub/web/web_store.hpp"

#include <memory>
#include <string_view>

namespace skm::hub::web {

// Throws skm::Error(storage) with a store.* problem.
std::unique_ptr<WebStore> open_web_store(std::string_view db);

}  // namespace skm::hub::web
