// One IKM summary as JSON, with the field names and null rules of `skm score
// --json` (docs/reference/file-formats.md#summary-json): `skm score` and the hub's IKM API write it alike.
#pragma once

#include "formats/catalog.hpp"
#include "scoring/summary.hpp"

#include <nlohmann/json.hpp>

namespace skm::formats {

// Adds respondents, ikm, ikm_unit, ikm_exact, mutu, kinerja, ci95, unsur,
// ikm_legacy (only with_legacy) and, when the IKM cannot be computed, a
// "note" saying why.
void add_summary(nlohmann::ordered_json& into, const scoring::IkmSummary& summary, const Catalog& catalog,
                 bool with_legacy = false);

// An optional decimal as its text, or null.
nlohmann::ordered_json decimal_or_null(const std::optional<scoring::Decimal>& value);

}  // namespace skm::formats
