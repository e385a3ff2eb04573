// The hub's live alerts (issue #20): scoring/alert_rules — the one home of
// the rules — over each kecamatan's responses, per layanan, in the same
// stream the kiosk sees (the responses of the last 2 × baseline_days, in
// time order, ties in the order received), so an alert has the same id at
// the kiosk and at the hub (scoring::alert_id: rule, layanan, the window's
// first response).
#pragma once

#include "hub/alerts/alert_store.hpp"
#include "scoring/alert_rules.hpp"
#include "scoring/period.hpp"

#include <cstdint>
#include <vector>

namespace skm::hub::alerts {

// Every alert in the responses of [today − 2 × baseline_days, …], oldest
// window first within a layanan. found_at is left empty. Figures of a drop
// (now_ikm, before_ikm) only when the window has at least min_n respondents.
std::vector<HubAlert> find_alerts(AlertStore& store, const scoring::ScoringScheme& scheme,
                                  const scoring::LocalDate& today, const scoring::AlertThresholds& thresholds,
                                  std::uint64_t min_n);

}  // namespace skm::hub::alerts
