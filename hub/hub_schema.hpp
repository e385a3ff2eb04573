// The hub database's schema as numbered migrations (PRAGMA user_version), in
// the same way as the device's (store/schema): each migration in its own
// transaction, a database of any earlier version brought up to date on open,
// a newer one refused.
#pragma once

#include "store/schema.hpp"
#include "store/sqlite.hpp"

#include <span>

namespace skm::hub {

// Every migration, oldest first.
std::span<const store::Migration> hub_migrations();
int latest_hub_schema_version();
// Up to `target` (-1: the latest). Returns the version found before. Throws
// skm::Error(storage, "store.newer_schema") for a database written by a newer hub.
int migrate_hub(store::Connection& connection, int target = -1);

}  // namespace skm::hub
