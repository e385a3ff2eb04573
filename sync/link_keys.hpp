// The kiosk's side of one-time survey links (#21): its Ed25519 key pair, made
// once and kept in the device database's settings table (store/setting_keys:
// the secret key never leaves the device; a backup of the database carries
// it, as it carries the device token), and a new link's URL. The public key
// goes to the hub with each batch until the hub acknowledged it and named the
// device id it stored it for (sync/engine); links name that id, so they are
// only made once the hub can check them.
#pragma once

#include "store/outbox.hpp"
#include "store/sqlite.hpp"
#include "sync/link_token.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace skm::sync {

// The key pair of this device, made on first use. Two connections asking at
// once keep the same key (store::keep_first_setting). A stored key that is
// not 64 bytes of base64url throws skm::Error(storage, "store.bad_link_key").
LinkSecretKey link_secret_key(store::Connection& db);
// The same on the sync engine's connection.
LinkSecretKey link_secret_key(store::Outbox& outbox);

// A fresh link: signed claims for the device id the hub acknowledged, the
// office's local day (time_zone setting) of `now` (unix seconds), expiring
// link_valid_days later, for `layanan` (none: the citizen chooses), as a URL
// at the hub the kiosk syncs with. Throws skm::Error(input) with
// "sync.link_no_hub" when no hub URL is set and "sync.link_not_registered" before
// the hub acknowledged the key (the next sync registers it).
std::string issue_link_url(store::Connection& db, std::optional<std::string> layanan, std::int64_t now);

// The hub's base URL of a batches URL: https://h/api/v1/batches → https://h.
std::string hub_base_url(std::string_view batches_url);

}  // namespace skm::sync
