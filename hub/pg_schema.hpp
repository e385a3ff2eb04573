// The hub's PostgreSQL schema as numbered migrations, kept apart from the
// SQLite list (hub/hub_schema) because the dialects differ. The versions
// applied are rows of schema_version; a database of any earlier version is
// brought up to date on open, a newer one refused.
#pragma once

#include "hub/hub_schema.hpp"
#include "hub/pg_connection.hpp"

#include <span>

namespace skm::hub {

std::span<const store::Migration> pg_migrations();
int latest_pg_schema_version();
// All pending migrations in one transaction, under an advisory lock so two
// hub processes opening a new database at once do not both migrate it.
// Up to `target` (-1: the latest). Returns the version found before. Throws
// skm::Error(storage, "store.newer_schema") for a database written by a newer hub.
int migrate_pg(PgConnection& connection, const std::string& shown_name, int target = -1);

}  // namespace skm::hub
