// `skm score --json`: the field names and null rules of docs/reference/file-formats.md#summary-json.
#pragma once

#include "formats/catalog.hpp"
#include "scoring/summary.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace skm::tools {

nlohmann::ordered_json score_json(const scoring::IkmSummary& total, const std::vector<scoring::GroupSummary>* groups,
                                  bool with_legacy, const formats::Catalog& catalog);

}  // namespace skm::tools
