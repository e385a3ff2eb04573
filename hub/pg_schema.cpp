#include "hub/pg_schema.hpp"

#include "scoring/problem.hpp"

#include <array>
#include <string>

namespace skm::hub {
namespace {

// Never edit a shipped migration: add a new one. The columns mean what they
// mean in hub/hub_schema.cpp; times are the hub's ISO 8601 text, as there.
constexpr std::array<store::Migration, 9> kMigrations = {{
    {1, R"sql(
CREATE TABLE devices (
    device_id    text PRIMARY KEY CHECK (length(device_id) BETWEEN 1 AND 200),
    kecamatan    text NOT NULL CHECK (length(kecamatan) BETWEEN 1 AND 200),
    token_hash   text NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    enrolled_at  text NOT NULL,
    revoked_at   text,
    last_contact text
);

CREATE TABLE responses (
    seq                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    response_id           text NOT NULL UNIQUE CHECK (length(response_id) BETWEEN 1 AND 200),
    device_id             text NOT NULL,
    kecamatan             text NOT NULL,
    layanan               text NOT NULL CHECK (length(layanan) BETWEEN 1 AND 200),
    questionnaire_id      text NOT NULL,
    questionnaire_version bigint NOT NULL,
    jenis_kelamin         text NOT NULL DEFAULT '' CHECK (jenis_kelamin IN ('', 'L', 'P')),
    umur                  text NOT NULL DEFAULT ''
                          CHECK (umur IN ('', '<20', '20-29', '30-39', '40-49', '50-59', '60+')),
    pendidikan            text NOT NULL DEFAULT ''
                          CHECK (pendidikan IN ('', 'SD', 'SMP', 'SMA', 'D1-D3', 'S1', 'S2', 'S3')),
    pekerjaan             text NOT NULL DEFAULT ''
                          CHECK (pekerjaan IN ('', 'PNS', 'TNI', 'POLRI', 'Swasta', 'Wirausaha', 'Lainnya')),
    answers               text NOT NULL,
    saran                 text NOT NULL DEFAULT '' CHECK (length(saran) <= 2000),
    submitted_at          text NOT NULL,
    local_date            text COLLATE "C" NOT NULL,  -- compared as bytes, as in SQLite
    duration_ms           bigint,
    flags                 text NOT NULL DEFAULT '',
    batch_id              text NOT NULL,
    received_at           text NOT NULL
);
CREATE INDEX responses_by_period ON responses (local_date, kecamatan, layanan);
)sql"},
    {2, R"sql(
CREATE TABLE published_configs (
    version      bigint PRIMARY KEY,
    kecamatan    text NOT NULL CHECK (length(kecamatan) <= 200),
    published_at text NOT NULL,
    body         text NOT NULL
);
)sql"},
    // ---- web dashboard (hub/web/sql_web_store) --------------------------------
    // SQLite's migration 3 column for column. Text compared or sorted by the
    // dashboard is COLLATE "C", bytes as in SQLite, whatever the database's locale.
    {3, R"sql(
CREATE TABLE web_users (
    username      text COLLATE "C" PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 64),
    password_hash text NOT NULL CHECK (length(password_hash) BETWEEN 1 AND 200),
    role          text NOT NULL CHECK (role IN ('admin', 'viewer')),
    created_at    text NOT NULL
);

CREATE TABLE web_sessions (
    id_hash    text PRIMARY KEY CHECK (length(id_hash) = 64),
    username   text COLLATE "C" NOT NULL REFERENCES web_users (username),
    csrf_token text NOT NULL,
    expires_at bigint NOT NULL  -- seconds since the epoch
);

CREATE TABLE web_audit (
    seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       text NOT NULL,
    username text NOT NULL,
    action   text NOT NULL,
    detail   text NOT NULL DEFAULT ''
);

CREATE TABLE device_reports (
    device_id     text COLLATE "C" PRIMARY KEY,
    app_version   text,
    pending       bigint,
    kiosk_sent_at text,
    received_at   text NOT NULL,
    clock_skew_s  bigint
);

CREATE TABLE web_targets (
    year       bigint NOT NULL,
    kecamatan  text COLLATE "C" NOT NULL CHECK (length(kecamatan) <= 200),
    target_ikm text,
    population bigint,
    PRIMARY KEY (year, kecamatan)
);
CREATE INDEX responses_by_kecamatan ON responses (kecamatan, local_date);
)sql"},
    // SQLite's migration 4.
    {4, R"sql(
ALTER TABLE responses
    ADD COLUMN profile_detail text NOT NULL DEFAULT '' CHECK (length(profile_detail) <= 200),
    ADD COLUMN origin text NOT NULL DEFAULT '' CHECK (origin IN ('', 'kiosk', 'import', 'hub')),
    ADD COLUMN channel text NOT NULL DEFAULT '' CHECK (channel IN ('', 'kiosk', 'link', 'form', 'paper'));
)sql"},
    // SQLite's migration 5.
    {5, R"sql(
CREATE TABLE public_periods (
    period       text COLLATE "C" PRIMARY KEY CHECK (length(period) BETWEEN 4 AND 8),
    published_at text NOT NULL,
    published_by text NOT NULL
);
)sql"},
    // SQLite's migration 6.
    {6, R"sql(
ALTER TABLE devices ADD COLUMN link_public_key text
    CHECK (link_public_key IS NULL OR length(link_public_key) = 43);

CREATE TABLE used_links (
    device_id   text COLLATE "C" NOT NULL,
    link_id     text COLLATE "C" NOT NULL CHECK (length(link_id) = 22),
    response_id text NOT NULL UNIQUE,
    used_at     text NOT NULL,
    PRIMARY KEY (device_id, link_id)
);
)sql"},
    // SQLite's migration 7.
    {7, R"sql(
CREATE TABLE device_profiles (
    device_id         text COLLATE "C" PRIMARY KEY,
    kecamatan         text COLLATE "C" NOT NULL,
    office            text NOT NULL CHECK (length(office) <= 1000),
    contact           text NOT NULL CHECK (length(contact) <= 1000),
    follow_up         text NOT NULL CHECK (length(follow_up) <= 1000),
    complaint_channel text NOT NULL CHECK (length(complaint_channel) <= 1000),
    logo_png_base64   text NOT NULL DEFAULT '' CHECK (length(logo_png_base64) <= 22000),
    received_at       text NOT NULL
);
CREATE INDEX device_profiles_by_kecamatan ON device_profiles (kecamatan, received_at);
)sql"},
    // SQLite's migration 8.
    {8, R"sql(
CREATE TABLE link_deliveries (
    device_id    text COLLATE "C" NOT NULL,
    response_id  text COLLATE "C" NOT NULL,
    delivered_at text NOT NULL,
    PRIMARY KEY (device_id, response_id)
);
CREATE INDEX responses_link_answers ON responses (kecamatan, seq) WHERE channel = 'link';
)sql"},
    // SQLite's migration 9.
    {9, R"sql(
CREATE TABLE hub_alerts (
    alert_id    text COLLATE "C" PRIMARY KEY CHECK (length(alert_id) BETWEEN 1 AND 700),
    kecamatan   text COLLATE "C" NOT NULL,
    layanan     text COLLATE "C" NOT NULL,
    rule        text NOT NULL CHECK (rule IN ('drop', 'ones')),
    unsur       text NOT NULL,
    since       text COLLATE "C" NOT NULL,
    respondents bigint NOT NULL,
    ones        bigint NOT NULL DEFAULT 0,
    now_ikm     text,
    before_ikm  text,
    found_at    text NOT NULL
);
CREATE INDEX hub_alerts_by_kecamatan ON hub_alerts (kecamatan, since);

CREATE TABLE alert_recipients (
    kecamatan text COLLATE "C" NOT NULL CHECK (length(kecamatan) BETWEEN 1 AND 200),
    channel   text COLLATE "C" NOT NULL CHECK (channel IN ('email', 'telegram')),
    address   text COLLATE "C" NOT NULL CHECK (length(address) BETWEEN 1 AND 254),
    digest    bigint NOT NULL DEFAULT 0 CHECK (digest IN (0, 1)),
    added_at  text NOT NULL,
    added_by  text NOT NULL,
    PRIMARY KEY (kecamatan, channel, address)
);

CREATE TABLE alert_outbox (
    alert_id        text COLLATE "C" NOT NULL,
    channel         text COLLATE "C" NOT NULL CHECK (channel IN ('email', 'telegram')),
    address         text COLLATE "C" NOT NULL,
    kecamatan       text COLLATE "C" NOT NULL,
    digest          bigint NOT NULL CHECK (digest IN (0, 1)),
    subject         text NOT NULL,
    body            text NOT NULL,
    queued_at       text NOT NULL,
    queued_s        bigint NOT NULL,
    next_attempt_s  bigint NOT NULL,
    attempts        bigint NOT NULL DEFAULT 0,
    last_attempt_at text,
    last_error      text,
    sent_at         text,
    PRIMARY KEY (alert_id, channel, address)
);
CREATE INDEX alert_outbox_pending ON alert_outbox (sent_at, next_attempt_s);
)sql"},
}};

// Any fixed number, the same in every hub: the lock is per database.
constexpr const char* kLockSql = "SELECT pg_advisory_xact_lock(5384652)";

}  // namespace

std::span<const store::Migration> pg_migrations() { return kMigrations; }

int latest_pg_schema_version() { return kMigrations.back().version; }

int migrate_pg(PgConnection& connection, const std::string& shown_name, int target) {
    SqlTransaction transaction(connection);
    connection.exec_script(kLockSql);
    connection.exec_script(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const int found = static_cast<int>(connection.query_int("SELECT coalesce(max(version), 0) FROM schema_version"));
    if (found > latest_pg_schema_version()) {
        throw Error(ErrorKind::storage, Problem{"store.newer_schema",
                                                {{"file", shown_name},
                                                 {"version", std::to_string(found)},
                                                 {"supported", std::to_string(latest_pg_schema_version())}}});
    }
    for (const store::Migration& migration : kMigrations) {
        if (migration.version <= found || (target >= 0 && migration.version > target)) continue;
        connection.exec_script(migration.sql);
        connection.execute("INSERT INTO schema_version (version) VALUES (?1)", {migration.version});
    }
    transaction.commit();
    return found;
}

}  // namespace skm::hub
