// The names under which programs keep their own state in the device
// database's settings table (hashes, times, counters: nothing a person sets
// by value), in one place so the kiosk, the staff view, the sync engine and
// `skm` agree. The settings people change are the entries of
// formats/settings_table, stored under their `stored` names.
#pragma once

#include "formats/settings_table.hpp"

namespace skm::store::setting_key {

inline constexpr const char* kStaffPinHash = "staff.pin_hash";        // argon2id hash of the staff PIN
// Table entries the sync code reads by their stored name.
inline constexpr const char* kHubUrl = formats::setting::kHubUrl.stored;            // https://…/api/v1/batches
inline constexpr const char* kDeviceToken = formats::setting::kDeviceToken.stored;  // issued by `skm-hub enroll`
inline constexpr const char* kLastSyncSuccess = "sync_last_success";  // ISO time of the hub's last answer
inline constexpr const char* kConfigVersion = "sync_config_version";  // the hub config applied last
inline constexpr const char* kPublishedQuestionnaire = "sync_config_questionnaire";  // "id:version" the hub expects
inline constexpr const char* kSetupComplete = "kiosk_setup_complete";  // the first-run setup was finished
inline constexpr const char* kClockAhead = "sync_clock_ahead_seconds";  // device clock minus hub clock, last sync
inline constexpr const char* kLastBackup = "backup.last";  // ISO time of the last good backup
inline constexpr const char* kDamagedDatabase = "alert.damaged_database";  // the moved-aside file awaiting salvage
inline constexpr const char* kDroppedAnswers = "survey.dropped_answers";  // answers left unsaved on the apology screen
inline constexpr const char* kStorageProbe = "storage.last_probe";      // time of the kiosk's last probe write
// Survey links (sync/link_keys): the kiosk's Ed25519 secret key (base64url of
// libsodium's 64 bytes; never leaves the device), and the device id the hub
// acknowledged its public key for (none yet: the key is sent with each batch).
inline constexpr const char* kLinkSecretKey = "link.secret_key";
inline constexpr const char* kLinkDeviceId = "link.device_id";
inline constexpr const char* kProfileSent = "sync_profile_sent";  // "<local date> <hash>" of the office profile the hub took last

}  // namespace skm::store::setting_key
