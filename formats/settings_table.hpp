// Every setting of the kiosk, declared once: its key, type, default, the
// values it accepts, who may change it and the catalog key of its label.
// The kiosk configuration file (formats/kiosk_config), the device database's
// settings table (store/settings), the staff Settings tab and `skm settings`
// all read this table, so a new setting is one entry below plus its name in
// kSettingsTable. docs/reference/settings.md describes every entry.
//
// Values travel as text (the settings table stores text); integers are plain
// decimal digits, booleans "true"/"false".
//
// Index: [kinds] [SettingSpec] [entries] [table] [checks]
#pragma once

#include "formats/questionnaire.hpp"
#include "scoring/alert_rules.hpp"
#include "scoring/privacy.hpp"
#include "scoring/problem.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace skm::formats {

// ---- [kinds] ---------------------------------------------------------------

enum class SettingType { text, integer, boolean, choice, path };

// What a text must look like besides its length.
enum class TextForm { any, https_url, pin, sha256_pin, no_spaces, nip };  // pin: 4 to 12 digits; nip: 18 digits

// The unit of an integer, for messages and for the config file's refusals.
enum class SettingUnit { none, seconds, milliseconds };

// Who may change a setting (bits of SettingSpec::changed_by).
namespace changed_by {
inline constexpr unsigned kConfigFile = 1;  // the kiosk configuration file (the office's or the package's)
inline constexpr unsigned kStaffPin = 2;    // the staff view on the kiosk, behind the staff PIN
inline constexpr unsigned kHub = 4;         // the config the kabupaten hub publishes
inline constexpr unsigned kCli = 8;         // `skm settings set` on the device
}  // namespace changed_by

// ---- [SettingSpec] ---------------------------------------------------------

struct SettingSpec {
    const char* key;     // in config files, `skm settings` and the docs
    const char* stored;  // the row in the device database's settings table; "" = not kept there
    SettingType type;
    std::int64_t fallback_number = 0;  // integer and boolean (0/1): the default
    const char* fallback_text = "";    // text, choice, path: the default ("" = none)
    // integer: the accepted values; text: the accepted length in bytes.
    std::int64_t low = 0;
    std::int64_t high = 0;
    SettingUnit unit = SettingUnit::none;
    TextForm form = TextForm::any;
    std::span<const std::string_view> choices = {};  // choice: the accepted values
    unsigned changed_by = 0;
    const char* label = "";    // catalog key of the label staff and `skm settings list` show
    const char* refusal = "";  // catalog key of the problem a refused value gets ({value}, {low}, {high})
    bool secret = false;       // never shown, only whether it is set
    bool per_year_layanan = false;  // one value per year and layanan (stored in its own table)
};

// The office's time zone: Indonesia's three, none with daylight saving.
// Times read from files that carry no offset (Google Forms, spreadsheets)
// are taken to be in it (formats/legacy_date.hpp gives each its offset).
inline constexpr std::array<std::string_view, 3> kTimeZones = {"WIB", "WITA", "WIT"};

// ---- [entries] -------------------------------------------------------------
// Keys already in use on devices keep their stored names, so an update keeps
// every value staff set before.

namespace setting {
using namespace changed_by;

// clang-format off
inline constexpr SettingSpec kOffice{.key = "office", .stored = "office_name", .type = SettingType::text, .low = 1, .high = 200, .changed_by = kConfigFile | kStaffPin | kCli, .label = "kiosk.staff.office", .refusal = "office.name_invalid"};
inline constexpr SettingSpec kRegion{.key = "region", .stored = "", .type = SettingType::text, .low = 0, .high = 200, .changed_by = kConfigFile, .label = "settings.label.region", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kLogo{.key = "logo", .stored = "", .type = SettingType::path, .low = 1, .high = 4096, .changed_by = kConfigFile, .label = "settings.label.logo", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kDeviceId{.key = "device_id", .stored = "", .type = SettingType::text, .fallback_text = "kiosk", .low = 1, .high = 200, .changed_by = kConfigFile, .label = "settings.label.device_id", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kLayananFile{.key = "layanan", .stored = "", .type = SettingType::path, .fallback_text = "demo/layanan.json", .low = 1, .high = 4096, .changed_by = kConfigFile, .label = "settings.label.layanan", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kQuestionnaireFile{.key = "questionnaire", .stored = "", .type = SettingType::path, .fallback_text = "questionnaire/permenpan-14-2017.json", .low = 1, .high = 4096, .changed_by = kConfigFile, .label = "settings.label.questionnaire", .refusal = "settings.bad_text"};
// The office's sub-options behind the official profile codes (formats/profile_options.hpp).
inline constexpr SettingSpec kProfileOptionsFile{.key = "profile_options", .stored = "", .type = SettingType::path, .fallback_text = "kiosk/profile-options.json", .low = 1, .high = 4096, .changed_by = kConfigFile, .label = "settings.label.profile_options", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kDefaultLanguage{.key = "default_language", .stored = "kiosk_default_language", .type = SettingType::choice, .fallback_text = "id", .choices = kLanguages, .changed_by = kStaffPin | kCli, .label = "kiosk.staff.default_language", .refusal = "office.language_invalid"};
inline constexpr SettingSpec kIdlePromptSeconds{.key = "idle_prompt_seconds", .stored = "kiosk_idle_prompt_seconds", .type = SettingType::integer, .fallback_number = 60, .low = 10, .high = 3600, .unit = SettingUnit::seconds, .changed_by = kConfigFile | kStaffPin | kCli, .label = "kiosk.staff.idle_prompt", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kIdleResetSeconds{.key = "idle_reset_seconds", .stored = "kiosk_idle_reset_seconds", .type = SettingType::integer, .fallback_number = 20, .low = 5, .high = 600, .unit = SettingUnit::seconds, .changed_by = kConfigFile | kStaffPin | kCli, .label = "kiosk.staff.idle_reset", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kThanksSeconds{.key = "thanks_seconds", .stored = "", .type = SettingType::integer, .fallback_number = 8, .low = 2, .high = 60, .unit = SettingUnit::seconds, .changed_by = kConfigFile, .label = "settings.label.thanks_seconds", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kMinIntervalSeconds{.key = "min_interval_seconds", .stored = "kiosk_min_interval_seconds", .type = SettingType::integer, .fallback_number = 30, .low = 0, .high = 3600, .unit = SettingUnit::seconds, .changed_by = kConfigFile | kStaffPin | kCli, .label = "kiosk.staff.min_interval", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kMinDurationSeconds{.key = "min_duration_seconds", .stored = "", .type = SettingType::integer, .fallback_number = 15, .low = 0, .high = 600, .unit = SettingUnit::seconds, .changed_by = kConfigFile, .label = "settings.label.min_duration_seconds", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kTouchSettleMs{.key = "touch_settle_ms", .stored = "kiosk_touch_settle_ms", .type = SettingType::integer, .fallback_number = 250, .low = 0, .high = 2000, .unit = SettingUnit::milliseconds, .changed_by = kConfigFile | kStaffPin | kCli, .label = "kiosk.staff.touch_settle", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kStaffLockSeconds{.key = "staff_lock_seconds", .stored = "staff_lock_seconds", .type = SettingType::integer, .fallback_number = 120, .low = 30, .high = 3600, .unit = SettingUnit::seconds, .changed_by = kConfigFile | kStaffPin | kCli, .label = "kiosk.staff.staff_lock", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kMinN{.key = "min_n", .stored = "staff_min_n", .type = SettingType::integer, .fallback_number = static_cast<std::int64_t>(scoring::kDefaultMinN), .low = 2, .high = 100, .changed_by = kStaffPin | kHub | kCli, .label = "kiosk.staff.min_n", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kPopulation{.key = "population", .stored = "", .type = SettingType::integer, .low = 1, .high = 100'000'000, .changed_by = kStaffPin | kCli, .label = "kiosk.staff.population", .refusal = "office.population_invalid", .per_year_layanan = true};
inline constexpr SettingSpec kHubUrl{.key = "hub_url", .stored = "sync_hub_url", .type = SettingType::text, .low = 0, .high = 2000, .form = TextForm::https_url, .changed_by = kStaffPin | kCli, .label = "kiosk.staff.hub_url", .refusal = "office.hub_url_invalid"};
inline constexpr SettingSpec kDeviceToken{.key = "device_token", .stored = "sync_device_token", .type = SettingType::text, .low = 16, .high = 200, .form = TextForm::no_spaces, .changed_by = kStaffPin | kCli, .label = "kiosk.staff.device_token", .refusal = "office.token_invalid", .secret = true};
inline constexpr SettingSpec kInitialStaffPin{.key = "initial_staff_pin", .stored = "", .type = SettingType::text, .low = 0, .high = 12, .form = TextForm::pin, .changed_by = kConfigFile, .label = "settings.label.initial_staff_pin", .refusal = "office.pin_invalid", .secret = true};
inline constexpr SettingSpec kHubCaFile{.key = "hub_ca_file", .stored = "", .type = SettingType::path, .low = 1, .high = 4096, .changed_by = kConfigFile, .label = "settings.label.hub_ca_file", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kHubPin{.key = "hub_pin", .stored = "", .type = SettingType::text, .low = 0, .high = 200, .form = TextForm::sha256_pin, .changed_by = kConfigFile, .label = "settings.label.hub_pin", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kTimeZone{.key = "time_zone", .stored = "office_time_zone", .type = SettingType::choice, .fallback_text = "WIB", .choices = kTimeZones, .changed_by = kCli, .label = "settings.label.time_zone", .refusal = "settings.bad_time_zone"};
inline constexpr SettingSpec kFirstRunSetup{.key = "first_run_setup", .stored = "", .type = SettingType::boolean, .fallback_number = 0, .changed_by = kConfigFile, .label = "settings.label.first_run_setup", .refusal = "settings.bad_boolean"};
// The office's details and the report's signatory (reports/report_signatory): staff fill them
// on the kiosk or with `skm settings`; empty means "not set" and the report leaves a line to write on.
inline constexpr SettingSpec kOfficeAddress{.key = "office_address", .stored = "office_address", .type = SettingType::text, .low = 0, .high = 300, .changed_by = kStaffPin | kCli, .label = "settings.label.office_address", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kOfficeContact{.key = "office_contact", .stored = "office_contact", .type = SettingType::text, .low = 0, .high = 200, .changed_by = kStaffPin | kCli, .label = "settings.label.office_contact", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kSignatoryTitle{.key = "signatory_title", .stored = "signatory_title", .type = SettingType::text, .low = 0, .high = 120, .changed_by = kStaffPin | kCli, .label = "settings.label.signatory_title", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kSignatoryName{.key = "signatory_name", .stored = "signatory_name", .type = SettingType::text, .low = 0, .high = 120, .changed_by = kStaffPin | kCli, .label = "settings.label.signatory_name", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kSignatoryNip{.key = "signatory_nip", .stored = "signatory_nip", .type = SettingType::text, .low = 0, .high = 18, .form = TextForm::nip, .changed_by = kStaffPin | kCli, .label = "settings.label.signatory_nip", .refusal = "office.nip_invalid"};
inline constexpr SettingSpec kSignatoryPlace{.key = "signatory_place", .stored = "signatory_place", .type = SettingType::text, .low = 0, .high = 100, .changed_by = kStaffPin | kCli, .label = "settings.label.signatory_place", .refusal = "settings.bad_text"};
// What the SKM poster (`skm poster`) prints besides the figures: the office's follow-up ("yang kami tindak lanjuti"), its contact (office_contact, above), and where citizens complain (the national SP4N-LAPOR channel unless the office names its own).
inline constexpr SettingSpec kFollowUp{.key = "follow_up", .stored = "poster_follow_up", .type = SettingType::text, .low = 0, .high = 1000, .changed_by = kStaffPin | kCli, .label = "settings.label.follow_up", .refusal = "settings.bad_text"};
inline constexpr SettingSpec kComplaintChannel{.key = "complaint_channel", .stored = "complaint_channel", .type = SettingType::text, .fallback_text = "SP4N-LAPOR! — www.lapor.go.id", .low = 1, .high = 300, .changed_by = kStaffPin | kCli, .label = "settings.label.complaint_channel", .refusal = "settings.bad_text"};
// Live alerts (scoring/alert_rules; defaults measured in bench/results/alerts.md).
inline constexpr SettingSpec kAlertWindow{.key = "alert_window", .stored = "alert_window", .type = SettingType::integer, .fallback_number = static_cast<std::int64_t>(scoring::AlertThresholds{}.window), .low = 10, .high = 500, .changed_by = kConfigFile | kCli, .label = "settings.label.drop_window", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kAlertBaselineDays{.key = "alert_baseline_days", .stored = "alert_baseline_days", .type = SettingType::integer, .fallback_number = scoring::AlertThresholds{}.baseline_days, .low = 7, .high = 730, .changed_by = kConfigFile | kCli, .label = "settings.label.drop_baseline_days", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kAlertMinDrop{.key = "alert_min_drop", .stored = "alert_min_drop", .type = SettingType::integer, .fallback_number = scoring::AlertThresholds{}.min_drop_points, .low = 0, .high = 75, .changed_by = kConfigFile | kCli, .label = "settings.label.drop_min_points", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kAlertOnesRun{.key = "alert_ones_run", .stored = "alert_ones_run", .type = SettingType::integer, .fallback_number = static_cast<std::int64_t>(scoring::AlertThresholds{}.ones_run), .low = 2, .high = 100, .changed_by = kConfigFile | kCli, .label = "settings.label.ones_run", .refusal = "office.number_out_of_range"};
inline constexpr SettingSpec kAlertOnesWithin{.key = "alert_ones_within", .stored = "alert_ones_within", .type = SettingType::integer, .fallback_number = static_cast<std::int64_t>(scoring::AlertThresholds{}.ones_within), .low = 2, .high = 500, .changed_by = kConfigFile | kCli, .label = "settings.label.ones_within", .refusal = "office.number_out_of_range"};
// One-time survey links (#21, sync/link_keys): how many days a link stays valid after it is made.
inline constexpr SettingSpec kLinkValidDays{.key = "link_valid_days", .stored = "link_valid_days", .type = SettingType::integer, .fallback_number = 2, .low = 1, .high = 30, .changed_by = kCli, .label = "settings.label.link_valid_days", .refusal = "office.number_out_of_range"};
// clang-format on
}  // namespace setting

// ---- [table] ---------------------------------------------------------------

// In the order the docs and `skm settings list` show them.
// Sized by its entries (class template argument deduction), so adding a setting is one line.
inline constexpr std::array kSettingsTable = {
    &setting::kOffice,           &setting::kRegion,           &setting::kLogo,
    &setting::kDeviceId,         &setting::kLayananFile,      &setting::kQuestionnaireFile,
    &setting::kProfileOptionsFile,
    &setting::kDefaultLanguage,  &setting::kIdlePromptSeconds, &setting::kIdleResetSeconds,
    &setting::kThanksSeconds,    &setting::kMinIntervalSeconds, &setting::kMinDurationSeconds,
    &setting::kTouchSettleMs,    &setting::kStaffLockSeconds, &setting::kMinN,
    &setting::kPopulation,       &setting::kHubUrl,           &setting::kDeviceToken,
    &setting::kInitialStaffPin,  &setting::kHubCaFile,        &setting::kHubPin,
    &setting::kFirstRunSetup,    &setting::kOfficeAddress,    &setting::kOfficeContact,
    &setting::kSignatoryTitle,   &setting::kSignatoryName,    &setting::kSignatoryNip,
    &setting::kSignatoryPlace,  &setting::kTimeZone,         &setting::kFollowUp,
    &setting::kComplaintChannel, &setting::kAlertWindow,    &setting::kAlertBaselineDays,
    &setting::kAlertMinDrop,     &setting::kAlertOnesRun,     &setting::kAlertOnesWithin,
    &setting::kLinkValidDays};

// The entry with this key, or nullptr.
const SettingSpec* find_setting(std::string_view key);
// The entry with this key if the hub may publish it (changed_by::kHub, kept
// in the device database), or nullptr: what the config decoder and the
// store's apply both ask before checking the value.
const SettingSpec* find_hub_setting(std::string_view key);

// ---- [checks] --------------------------------------------------------------

// The default as text ("" when there is none).
std::string default_text(const SettingSpec& spec);

// Milliseconds of an integer setting kept in seconds or milliseconds.
constexpr std::int64_t milliseconds(const SettingSpec& spec, std::int64_t value) {
    return spec.unit == SettingUnit::seconds ? value * 1000 : value;
}
constexpr std::int64_t default_ms(const SettingSpec& spec) { return milliseconds(spec, spec.fallback_number); }

// Nothing when the value is acceptable as it is written (the one stored
// form: integers as plain digits, booleans "true"/"false"); else the Problem
// spec.refusal with {setting}, {value}, {low}, {high} and {choices}. An empty
// text is "not set", accepted when the spec's low is 0.
std::optional<Problem> check_setting(const SettingSpec& spec, std::string_view value);
// The form an accepted value is stored in: integers without leading zeros
// ("007" → "7"), everything else as written.
std::string stored_form(const SettingSpec& spec, std::string_view accepted);

// An integer setting's stored text read back, or nullopt when it is not a
// whole number inside the spec's range (then callers use the default).
std::optional<std::int64_t> integer_value(const SettingSpec& spec, std::string_view text);

}  // namespace skm::formats
