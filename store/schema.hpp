// The database schema as numbered migrations (PRAGMA user_version). Each
// migration runs in its own transaction; a database of any earlier version
// is brought up to date on open.
#pragma once

#include "store/sqlite.hpp"

#include <span>

namespace skm::store {

struct Migration {
    int version;
    const char* sql;
    // Only ADD COLUMNs whose DEFAULT every CHECK they add accepts: SQLite
    // would test those CHECKs against every existing row (one full scan per
    // column, some ten seconds for a million rows on a kiosk), and they cannot
    // fail there. migrate() skips that test (PRAGMA ignore_check_constraints,
    // for this migration only); rows written later are checked as always.
    bool defaults_meet_new_checks = false;
};

// Migration 4 of the kiosk's database and of the hub's on SQLite alike: the
// responses table of both gains the same optional columns.
inline constexpr const char* kOptionalResponseColumns = R"sql(
-- What a response records beside its profile: the office's detail under an
-- official code, where the record was made and how the citizen answered
-- (docs/reference/file-formats.md#optional-columns-and-members-profile_detail-origin-channel). '' = not recorded (rows from before this version).
-- The vocabularies are formats::kOrigins and formats::kChannels; the detail's
-- form is checked by formats/profile_detail before a row is written.
ALTER TABLE responses ADD COLUMN profile_detail TEXT NOT NULL DEFAULT ''
    CHECK (length(profile_detail) <= 200);
ALTER TABLE responses ADD COLUMN origin TEXT NOT NULL DEFAULT ''
    CHECK (origin IN ('', 'kiosk', 'import', 'hub'));
ALTER TABLE responses ADD COLUMN channel TEXT NOT NULL DEFAULT ''
    CHECK (channel IN ('', 'kiosk', 'link', 'form', 'paper'));
)sql";

std::span<const Migration> migrations();
int latest_schema_version();
int schema_version(const Connection& connection);

// Applies every migration above the current version, up to `target`
// (default: the latest). Returns the version found before.
int migrate(Connection& connection, int target = -1);
// The same for another database's list of migrations (the hub's on SQLite),
// each in its own transaction with PRAGMA user_version as the version; a
// database of a newer version than the list knows is refused (store.newer_schema).
int migrate(Connection& connection, std::span<const Migration> list, int target = -1);

}  // namespace skm::store
