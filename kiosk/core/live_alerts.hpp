// The live alerts of the staff view (issue #20): scoring/alert_rules run over
// the device database's responses, per layanan, offline. An alert staff
// acknowledged ("Sudah ditangani") is stored in the settings table under
// "alert_ack:<alert id>" with the time, audited, and not shown again; the ids
// are stable (scoring/alert_rules.hpp), so re-running the rules never brings
// it back.
#pragma once

#include "scoring/alert_rules.hpp"
#include "store/response_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace skm::kiosk {

struct LiveAlert {
    scoring::Alert alert;
    std::string layanan;
    std::string unsur_code;  // ones: the unsur of the run; drop: the one that fell most
    std::string since;       // submitted_at of the window's first response
    std::uint64_t respondents = 0;   // in the window
    bool enough = false;             // window ≥ min_n: figures and saran may be shown
    std::vector<std::string> saran;  // the window's non-empty saran, only when enough
};

// The thresholds from the settings table's alert_* entries (staff/CLI value, else the default).
scoring::AlertThresholds alert_thresholds(const store::ResponseStore& db);

// Alerts not yet acknowledged, newest last. Reads the responses of the last
// 2 × alert_baseline_days before `today` (the baseline and the window need no more).
std::vector<LiveAlert> open_alerts(const store::ResponseStore& db, const scoring::LocalDate& today,
                                   std::uint64_t min_n);

bool alert_acknowledged(const store::ResponseStore& db, const std::string& alert_id);
// Stores the acknowledgment with `at` (ISO time) and writes the audit row
// (actor "staff", action "alert_acknowledged", detail the alert id).
void acknowledge_alert(store::ResponseStore& db, const std::string& alert_id, const std::string& at);

}  // namespace skm::kiosk
