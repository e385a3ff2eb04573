// `skm score` without --json: the readable table, Indonesian by default.
#pragma once

#include "formats/catalog.hpp"
#include "formats/questionnaire.hpp"
#include "scoring/grouped_tally.hpp"
#include "scoring/summary.hpp"

#include <optional>
#include <string>
#include <vector>

namespace skm::tools {

struct ScoreTableInput {
    std::string source;  // file name shown in the title
    const scoring::IkmSummary* total = nullptr;
    const std::vector<scoring::GroupSummary>* groups = nullptr;  // null without --by
    scoring::GroupBy by = scoring::GroupBy::none;
    std::optional<std::string> legacy_weight;  // as typed, e.g. "0.111"
    bool excluded_flagged = false;
    std::size_t flagged_excluded = 0;
};

std::string score_table(const ScoreTableInput& input, const formats::Questionnaire& questionnaire,
                        const formats::Catalog& catalog);

}  // namespace skm::tools
