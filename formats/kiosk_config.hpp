// The kiosk's configuration file (assets/kiosk/demo.json or the office's
// own): office name, device id, where the layanan list and questionnaire are
// (relative to the file's folder's parent assets dir, or absolute), and the
// timings of the survey. Every field is optional except the office name.
// Its fields, their defaults and the values they accept are the entries of
// formats/settings_table that the config file may change.
#pragma once

#include "formats/settings_table.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace skm::formats {

struct KioskConfig {
    std::string office;
    std::string region;
    std::filesystem::path logo;  // resolved; empty: no logo
    std::string device_id = setting::kDeviceId.fallback_text;
    std::filesystem::path layanan_file;        // resolved
    std::filesystem::path questionnaire_file;  // resolved
    std::filesystem::path profile_options_file;  // resolved (formats/profile_options.hpp)
    std::int64_t idle_prompt_ms = default_ms(setting::kIdlePromptSeconds);
    std::int64_t idle_reset_ms = default_ms(setting::kIdleResetSeconds);
    std::int64_t thanks_ms = default_ms(setting::kThanksSeconds);
    std::int64_t min_interval_ms = default_ms(setting::kMinIntervalSeconds);
    std::int64_t min_duration_ms = default_ms(setting::kMinDurationSeconds);
    std::int64_t touch_settle_ms = default_ms(setting::kTouchSettleMs);
    std::int64_t staff_lock_ms = default_ms(setting::kStaffLockSeconds);
    std::string initial_staff_pin;
    std::filesystem::path hub_ca_file;  // the kabupaten's own CA (PEM); empty: the system's
    std::string hub_pin;                // "sha256//…" public-key pin of the hub; empty: none
    // A template (the package's /etc/skm/kiosk.json): staff finish the set-up
    // on the touchscreen the first time (kiosk/core/first_run).
    bool first_run_setup = setting::kFirstRunSetup.fallback_number != 0;
};

// Relative paths resolve against assets_dir. Throws skm::Error(input) with a
// "config.*" problem naming the file, the line and column (1-based) and, for
// a bad value, the field; the message says how to fix it.
KioskConfig parse_kiosk_config(std::string_view json_text, std::string_view file_name,
                               const std::filesystem::path& assets_dir);
KioskConfig load_kiosk_config(const std::filesystem::path& path, const std::filesystem::path& assets_dir);

}  // namespace skm::formats
