// The kiosk's configuration file (assets/kiosk/demo.json or the office's
// own): office name, device id, where the layanan list and questionnaire are
// (relative to the file's folder's parent assets dir, or absolute), and the
// timings of the survey. Every field is optional except the office name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace skm::formats {

// Defaults of the kiosk's touch and staff timings, in one place: the
// configuration file, the survey flow's settings and the staff gate all
// start from these.
// A new screen ignores input this long after it appeared (a double tap's
// second touch belongs to the screen before).
inline constexpr std::int64_t kDefaultTouchSettleMs = 250;
// The staff view locks itself after this long without a touch.
inline constexpr std::int64_t kDefaultStaffLockMs = 120'000;

struct KioskConfig {
    std::string office;
    std::string region;
    std::filesystem::path logo;  // resolved; empty: no logo
    std::string device_id = "kiosk";
    std::filesystem::path layanan_file;        // resolved
    std::filesystem::path questionnaire_file;  // resolved
    std::int64_t idle_prompt_ms = 60'000;
    std::int64_t idle_reset_ms = 20'000;
    std::int64_t thanks_ms = 8'000;
    std::int64_t min_interval_ms = 30'000;
    std::int64_t min_duration_ms = 15'000;
    std::int64_t touch_settle_ms = kDefaultTouchSettleMs;  // "touch_settle_ms"
    std::int64_t staff_lock_ms = kDefaultStaffLockMs;      // "staff_lock_seconds"
    std::string initial_staff_pin;
    std::filesystem::path hub_ca_file;  // the kabupaten's own CA (PEM); empty: the system's
    std::string hub_pin;                // "sha256//…" public-key pin of the hub; empty: none
    // A template (the package's /etc/skm/kiosk.json): staff finish the set-up
    // on the touchscreen the first time (kiosk/core/first_run).
    bool first_run_setup = false;
};

// Relative paths resolve against assets_dir. Throws skm::Error(input) with a
// "config.*" problem naming the file, the line and column (1-based) and, for
// a bad value, the field; the message says how to fix it.
KioskConfig parse_kiosk_config(std::string_view json_text, std::string_view file_name,
                               const std::filesystem::path& assets_dir);
KioskConfig load_kiosk_config(const std::filesystem::path& path, const std::filesystem::path& assets_dir);

}  // namespace skm::formats
