// The names under which programs keep their settings in the device
// database's settings table, in one place so the kiosk, the staff view, the
// sync engine and `skm` agree.
#pragma once

namespace skm::store::setting_key {

inline constexpr const char* kStaffPinHash = "staff.pin_hash";        // argon2id hash of the staff PIN
inline constexpr const char* kHubUrl = "sync_hub_url";                // https://…/api/v1/batches
inline constexpr const char* kDeviceToken = "sync_device_token";      // issued by `skm-hub enroll`
inline constexpr const char* kLastSyncSuccess = "sync_last_success";  // ISO time of the hub's last answer
inline constexpr const char* kConfigVersion = "sync_config_version";  // the hub config applied last
inline constexpr const char* kPublishedQuestionnaire = "sync_config_questionnaire";  // "id:version" the hub expects
inline constexpr const char* kSetupComplete = "kiosk_setup_complete";  // the first-run setup was finished
inline constexpr const char* kClockAhead = "sync_clock_ahead_seconds";  // device clock minus hub clock, last sync
inline constexpr const char* kLastBackup = "backup.last";
inline constexpr const char* kTouchSettleMs = "kiosk_touch_settle_ms";  // a new screen ignores input this long
inline constexpr const char* kStaffLockSeconds = "staff_lock_seconds";  // the staff view locks after this long untouched
inline constexpr const char* kDamagedDatabase = "alert.damaged_database";
inline constexpr const char* kDroppedAnswers = "survey.dropped_answers";  // answers left unsaved on the apology screen
inline constexpr const char* kStorageProbe = "storage.last_probe";      // time of the kiosk's last probe write

}  // namespace skm::store::setting_key
