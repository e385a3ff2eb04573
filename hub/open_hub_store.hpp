// Opens the hub's store named by --db and brings its schema up to date: a
// postgresql:// or postgres:// connection string (libpq URI) selects
// PostgreSQL (hub/pg_schema, hub/pg_pool), anything else is the path of a
// SQLite file (hub/hub_schema, hub/sqlite_connection). The store itself is
// the same for both (hub/sql_hub_store).
#pragma once

#include "hub/hub_store.hpp"

#include <memory>
#include <string_view>

namespace skm::hub {

// Throws skm::Error(storage) with a store.* problem; a connection string's
// password never appears in it.
std::unique_ptr<HubStore> open_hub_store(std::string_view db, scoring::ScoringScheme scheme);

}  // namespace skm::hub
