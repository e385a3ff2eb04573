// One IKM summary as JSON, with the field names and null rules of `skm score
// --json` (cli.md), so the hub and the kiosk's tools speak alike.
#pragma once

#include "formats/catalog.hpp"
#include "scoring/summary.hpp"

#include <nlohmann/json.hpp>

namespace skm::hub {

// Adds respondents, ikm, ikm_unit, ikm_exact, mutu, kinerja, ci95, unsur
// and, when the IKM cannot be computed, a "note" saying why.
void add_summary(nlohmann::ordered_json& into, const scoring::IkmSummary& summary, const formats::Catalog& catalog);

}  // namespace skm::hub
