#include "store/schema.hpp"

#include <array>

namespace skm::store {
namespace {

// Never edit a shipped migration: add a new one.
constexpr std::array<Migration, 5> kMigrations = {{
    {1, R"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE layanan (
    name     TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 200),
    position INTEGER NOT NULL,
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- One row per citizen. No name, NIK or phone column: answers are anonymous.
CREATE TABLE responses (
    seq                   INTEGER PRIMARY KEY,
    response_id           TEXT NOT NULL UNIQUE CHECK (length(response_id) BETWEEN 1 AND 200),
    device_id             TEXT NOT NULL CHECK (length(device_id) <= 200),
    layanan               TEXT NOT NULL CHECK (length(layanan) BETWEEN 1 AND 200),
    questionnaire_id      TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    jenis_kelamin         TEXT NOT NULL DEFAULT '' CHECK (jenis_kelamin IN ('', 'L', 'P')),
    umur                  TEXT NOT NULL DEFAULT ''
                          CHECK (umur IN ('', '<20', '20-29', '30-39', '40-49', '50-59', '60+')),
    pendidikan            TEXT NOT NULL DEFAULT ''
                          CHECK (pendidikan IN ('', 'SD', 'SMP', 'SMA', 'D1-D3', 'S1', 'S2', 'S3')),
    pekerjaan             TEXT NOT NULL DEFAULT ''
                          CHECK (pekerjaan IN ('', 'PNS', 'TNI', 'POLRI', 'Swasta', 'Wirausaha', 'Lainnya')),
    -- Keyed by unsur code, never by position: "persyaratan=4;prosedur=3;…" (unanswered left out).
    answers               TEXT NOT NULL,
    saran                 TEXT NOT NULL DEFAULT '' CHECK (length(saran) <= 2000),
    submitted_at          TEXT NOT NULL,  -- ISO 8601 with the UTC offset it was collected in
    local_date            TEXT NOT NULL,  -- its own local date, YYYY-MM-DD, for periods
    duration_ms           INTEGER,        -- monotonic duration of the survey
    flags                 TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX responses_by_date ON responses(local_date);
)sql"},
    {2, R"sql(
ALTER TABLE responses ADD COLUMN sync_state TEXT NOT NULL DEFAULT 'pending'
    CHECK (sync_state IN ('pending', 'sent', 'rejected'));
ALTER TABLE responses ADD COLUMN sync_note TEXT NOT NULL DEFAULT '';
CREATE INDEX responses_outbox ON responses(seq) WHERE sync_state = 'pending';

CREATE TABLE targets (
    year    INTEGER NOT NULL,
    layanan TEXT NOT NULL,      -- '' = the whole office
    target  TEXT NOT NULL,      -- IKM konversi as a decimal string, e.g. '85.50'
    PRIMARY KEY (year, layanan)
) STRICT;

CREATE TABLE audit_log (
    seq    INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
) STRICT;
)sql"},
    {3, R"sql(
-- Yearly number of transactions per layanan: the population N of the
-- Krejcie-Morgan sample size the staff view compares respondents with.
CREATE TABLE populations (
    year       INTEGER NOT NULL,
    layanan    TEXT NOT NULL,
    population INTEGER NOT NULL CHECK (population > 0),
    PRIMARY KEY (year, layanan)
) STRICT;
)sql"},
    {4, kOptionalResponseColumns, /*defaults_meet_new_checks=*/true},
    {5, R"sql(
-- The number of service users in a period shorter than a year (2024-S1,
-- 2024-TW3, 2024-03), where staff know it: a report for that period measures
-- its respondents against it instead of its share of the year's population.
CREATE TABLE period_populations (
    period     TEXT NOT NULL,
    layanan    TEXT NOT NULL,
    population INTEGER NOT NULL CHECK (population > 0),
    PRIMARY KEY (period, layanan)
) STRICT;
)sql"},
}};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations.back().version; }

int schema_version(const Connection& connection) {
    return static_cast<int>(query_int(connection, "PRAGMA user_version"));
}

int migrate(Connection& connection, int target) { return migrate(connection, kMigrations, target); }

int migrate(Connection& connection, std::span<const Migration> list, int target) {
    const int latest = list.empty() ? 0 : list.back().version;
    if (target < 0) target = latest;
    const int found = schema_version(connection);
    if (found > latest) {
        throw Error(ErrorKind::storage, Problem{"store.newer_schema",
                                                {{"file", connection.path()},
                                                 {"version", std::to_string(found)},
                                                 {"supported", std::to_string(latest)}}});
    }
    for (const Migration& migration : list) {
        if (migration.version <= found || migration.version > target) continue;
        Transaction transaction(connection);
        // Back on however the migration ends: the connection goes on storing responses.
        struct ChecksBackOn {
            Connection& connection;
            bool skipped;
            ~ChecksBackOn() {
                // Only sets a flag of the connection (no I/O), so it does not fail; never throws here.
                if (!skipped) return;
                sqlite3_exec(connection.handle(), "PRAGMA ignore_check_constraints = OFF", nullptr, nullptr, nullptr);
            }
        } checks{connection, migration.defaults_meet_new_checks};
        if (checks.skipped) connection.exec("PRAGMA ignore_check_constraints = ON");
        connection.exec(migration.sql);
        // PRAGMA takes no bound parameters; the value is our own constant.
        const std::string set_version = "PRAGMA user_version = " + std::to_string(migration.version);
        connection.exec(set_version.c_str());
        transaction.commit();
    }
    return found;
}

}  // namespace skm::store
