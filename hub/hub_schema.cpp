#include "hub/hub_schema.hpp"

#include <array>
#include <string>

namespace skm::hub {
namespace {

// Never edit a shipped migration: add a new one.
constexpr std::array<store::Migration, 9> kMigrations = {{
    {1, R"sql(
-- One row per enrolled kiosk. Only a hash of its token is kept (hub/device_token).
CREATE TABLE devices (
    device_id    TEXT PRIMARY KEY CHECK (length(device_id) BETWEEN 1 AND 200),
    kecamatan    TEXT NOT NULL CHECK (length(kecamatan) BETWEEN 1 AND 200),
    token_hash   TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    enrolled_at  TEXT NOT NULL,
    revoked_at   TEXT,
    last_contact TEXT
) STRICT;

-- Every response of every kiosk, once: response_id is unique across the
-- kabupaten (fresh UUIDs), so a batch sent again adds nothing. The kecamatan
-- comes from the device's enrolment, never from what the kiosk says.
CREATE TABLE responses (
    seq                   INTEGER PRIMARY KEY,
    response_id           TEXT NOT NULL UNIQUE CHECK (length(response_id) BETWEEN 1 AND 200),
    device_id             TEXT NOT NULL,
    kecamatan             TEXT NOT NULL,
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
    -- Keyed by unsur code, never by position: "persyaratan=4;prosedur=3;…" (store/answers_codec).
    answers               TEXT NOT NULL,
    saran                 TEXT NOT NULL DEFAULT '' CHECK (length(saran) <= 2000),
    submitted_at          TEXT NOT NULL,  -- as the kiosk recorded it, with its UTC offset
    local_date            TEXT NOT NULL,  -- its own local date, YYYY-MM-DD, for periods
    duration_ms           INTEGER,
    flags                 TEXT NOT NULL DEFAULT '',
    batch_id              TEXT NOT NULL,  -- the batch that brought it, for tracing a delivery
    received_at           TEXT NOT NULL
) STRICT;
CREATE INDEX responses_by_period ON responses(local_date, kecamatan, layanan);
)sql"},
    {2, R"sql(
-- What the kabupaten publishes to its kiosks (sync/config_protocol): one row
-- per publication, never changed. kecamatan '' = every kecamatan. A kiosk
-- gets the newest of its kecamatan's and the all-kecamatan ones.
CREATE TABLE published_configs (
    version      INTEGER PRIMARY KEY,
    kecamatan    TEXT NOT NULL CHECK (length(kecamatan) <= 200),
    published_at TEXT NOT NULL,
    body         TEXT NOT NULL  -- the wire JSON, version included
) STRICT;
)sql"},
    // ---- web dashboard (hub/web) -------------------------------------------------
    {3, R"sql(
-- Dashboard users; only an argon2id hash of each password (crypto_pwhash_str).
CREATE TABLE web_users (
    username      TEXT PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 64),
    password_hash TEXT NOT NULL CHECK (length(password_hash) BETWEEN 1 AND 200),
    role          TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
    created_at    TEXT NOT NULL
) STRICT;

-- Sessions by the hash of the cookie's id: a copy of the file opens no session.
CREATE TABLE web_sessions (
    id_hash    TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
    username   TEXT NOT NULL REFERENCES web_users (username),
    csrf_token TEXT NOT NULL,
    expires_at INTEGER NOT NULL  -- seconds since the epoch
) STRICT;

-- Every change made from the dashboard: who, when, what.
CREATE TABLE web_audit (
    seq      INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    username TEXT NOT NULL,
    action   TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT ''
) STRICT;

-- What each kiosk said about itself in its last batch (optional protocol fields).
CREATE TABLE device_reports (
    device_id     TEXT PRIMARY KEY,
    app_version   TEXT,
    pending       INTEGER,
    kiosk_sent_at TEXT,
    received_at   TEXT NOT NULL,
    clock_skew_s  INTEGER
) STRICT;

-- Yearly IKM target and population (yearly transactions) per kecamatan;
-- kecamatan '' is the kabupaten's default.
CREATE TABLE web_targets (
    year       INTEGER NOT NULL,
    kecamatan  TEXT NOT NULL CHECK (length(kecamatan) <= 200),
    target_ikm TEXT,
    population INTEGER,
    PRIMARY KEY (year, kecamatan)
) STRICT;
CREATE INDEX responses_by_kecamatan ON responses(kecamatan, local_date);
)sql"},
    // ---- optional response fields (formats/response.hpp) -----------------------
    {4, store::kOptionalResponseColumns, /*defaults_meet_new_checks=*/true},
    // ---- the public page (skm-hub public, /public) -------------------------------
    {5, R"sql(
-- The periods an admin made public: nothing is public before one is added
-- here (skm-hub public add, or the dashboard), and taking one out hides it again.
CREATE TABLE public_periods (
    period       TEXT PRIMARY KEY CHECK (length(period) BETWEEN 4 AND 8),  -- a period key: 2025, 2025-S1, 2025-TW3, 2025-03
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL
) STRICT;
)sql"},
    // ---- one-time survey links (#21, hub/link_survey) ------------------------------
    {6, R"sql(
-- Each device's Ed25519 public key for its survey links (sync/link_token,
-- base64url of 32 bytes), sent with its authenticated sync; NULL: none yet.
-- Enrolling the device again clears it, and revoking it refuses its links.
ALTER TABLE devices ADD COLUMN link_public_key TEXT
    CHECK (link_public_key IS NULL OR length(link_public_key) = 43);

-- Each link answered once: inserted in the same transaction as the response
-- it brought, so a link is either unused or has exactly its one response.
CREATE TABLE used_links (
    device_id   TEXT NOT NULL,
    link_id     TEXT NOT NULL CHECK (length(link_id) = 22),
    response_id TEXT NOT NULL UNIQUE,
    used_at     TEXT NOT NULL,
    PRIMARY KEY (device_id, link_id)
) STRICT;
)sql", /*defaults_meet_new_checks=*/true},
    // ---- the office profile kiosks send for the hub's posters (sync/protocol) ----
    {7, R"sql(
-- The latest office profile each kiosk sent (its office name, contact,
-- follow-up, complaint channel and logo), for the posters of its kecamatan.
-- The kecamatan is the device's enrolment's, as for its responses.
CREATE TABLE device_profiles (
    device_id         TEXT PRIMARY KEY,
    kecamatan         TEXT NOT NULL,
    office            TEXT NOT NULL CHECK (length(office) <= 1000),
    contact           TEXT NOT NULL CHECK (length(contact) <= 1000),
    follow_up         TEXT NOT NULL CHECK (length(follow_up) <= 1000),
    complaint_channel TEXT NOT NULL CHECK (length(complaint_channel) <= 1000),
    logo_png_base64   TEXT NOT NULL DEFAULT '' CHECK (length(logo_png_base64) <= 22000),  -- '' = none
    received_at       TEXT NOT NULL
) STRICT;
CREATE INDEX device_profiles_by_kecamatan ON device_profiles (kecamatan, received_at);
)sql"},
    // ---- the download direction (sync/link_answers_protocol) ------------------
    {8, R"sql(
-- Which link answers (responses with channel 'link') each kiosk has
-- acknowledged: the hub sends a kiosk only those of its kecamatan without a
-- row here, so every one reaches each kiosk of the office exactly once.
CREATE TABLE link_deliveries (
    device_id    TEXT NOT NULL,
    response_id  TEXT NOT NULL,
    delivered_at TEXT NOT NULL,
    PRIMARY KEY (device_id, response_id)
) STRICT;
CREATE INDEX responses_link_answers ON responses(kecamatan, seq) WHERE channel = 'link';
)sql"},
    // ---- live alerts at the hub (hub/alerts, issue #20) ---------------------------
    {9, R"sql(
-- The alerts the hub found (scoring/alert_rules over each kecamatan's
-- responses), by the same id the kiosk gives them: rule, layanan and the
-- window's first response (scoring::alert_id). Written once, never changed.
CREATE TABLE hub_alerts (
    alert_id    TEXT PRIMARY KEY CHECK (length(alert_id) BETWEEN 1 AND 700),
    kecamatan   TEXT NOT NULL,
    layanan     TEXT NOT NULL,
    rule        TEXT NOT NULL CHECK (rule IN ('drop', 'ones')),
    unsur       TEXT NOT NULL,           -- unsur code: of the run, or the one that fell most
    since       TEXT NOT NULL,           -- submitted_at of the window's first response
    respondents INTEGER NOT NULL,        -- in the window
    ones        INTEGER NOT NULL DEFAULT 0,
    now_ikm     TEXT,                    -- drop: the window's and the baseline's IKM, "70.50"
    before_ikm  TEXT,
    found_at    TEXT NOT NULL
) STRICT;
CREATE INDEX hub_alerts_by_kecamatan ON hub_alerts(kecamatan, since);

-- Who hears of a kecamatan's alerts, set by an admin on the dashboard: an
-- e-mail address or a Telegram chat id, each alert at once or in a daily digest.
CREATE TABLE alert_recipients (
    kecamatan TEXT NOT NULL CHECK (length(kecamatan) BETWEEN 1 AND 200),
    channel   TEXT NOT NULL CHECK (channel IN ('email', 'telegram')),
    address   TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 254),
    digest    INTEGER NOT NULL DEFAULT 0 CHECK (digest IN (0, 1)),
    added_at  TEXT NOT NULL,
    added_by  TEXT NOT NULL,
    PRIMARY KEY (kecamatan, channel, address)
) STRICT;

-- One row per (alert, recipient): the key is what sends each alert to each
-- recipient once. Retried with backoff until sent_at is set.
CREATE TABLE alert_outbox (
    alert_id        TEXT NOT NULL,
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'telegram')),
    address         TEXT NOT NULL,
    kecamatan       TEXT NOT NULL,
    digest          INTEGER NOT NULL CHECK (digest IN (0, 1)),
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,       -- the message, written when queued (id texts)
    queued_at       TEXT NOT NULL,
    queued_s        INTEGER NOT NULL,    -- seconds since the epoch, for the digest's day
    next_attempt_s  INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    last_error      TEXT,
    sent_at         TEXT,
    PRIMARY KEY (alert_id, channel, address)
) STRICT;
CREATE INDEX alert_outbox_pending ON alert_outbox(sent_at, next_attempt_s);
)sql"},
}};

}  // namespace

std::span<const store::Migration> hub_migrations() { return kMigrations; }

int latest_hub_schema_version() { return kMigrations.back().version; }

int migrate_hub(store::Connection& connection, int target) { return store::migrate(connection, kMigrations, target); }

}  // namespace skm::hub
