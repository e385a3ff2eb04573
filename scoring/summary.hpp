// Everything a report shows for one set of responses, as display decimals
// and exact fractions: the common result behind `skm score`, reports and the
// hub, so every program prints the same numbers.
#pragma once

#include "scoring/decimal.hpp"
#include "scoring/grouped_tally.hpp"
#include "scoring/interval.hpp"
#include "scoring/mutu.hpp"
#include "scoring/scheme.hpp"

#include <optional>
#include <string>
#include <vector>

namespace skm::scoring {

struct UnsurSummary {
    std::string code;
    std::uint64_t answered = 0;
    std::optional<Decimal> nrr;        // 3 places
    std::optional<std::string> nrr_exact;
};

struct IkmSummary {
    std::uint64_t respondents = 0;
    std::vector<UnsurSummary> unsur;
    std::optional<Decimal> ikm;        // konversi, 2 places
    std::optional<Decimal> ikm_unit;   // 4 places
    std::optional<std::string> ikm_exact;
    std::optional<mpq_class> konversi_exact;
    std::optional<Mutu> mutu;
    std::optional<Interval> ci95;
    std::optional<Decimal> ikm_legacy;  // only when a legacy weight was asked for
    // Why ikm is empty: the unsur nobody answered.
    std::vector<std::string> unsur_without_answers;
};

struct GroupSummary {
    std::string key;
    IkmSummary summary;
    // Year groups only: mean of the two exact semester values, then rounded.
    std::optional<Decimal> ikm_mean_of_semesters;
    bool is_year = false;
};

struct ScoreOptions {
    std::optional<mpq_class> legacy_weight;
    std::optional<std::uint64_t> population;
};

IkmSummary summarize(const Tally& tally, const ScoringScheme& scheme, const ScoreOptions& options);
std::vector<GroupSummary> summarize_groups(const GroupedTally& grouped, const ScoringScheme& scheme,
                                           const ScoreOptions& options);

// Mean of the two semesters' exact konversi; empty unless both exist.
std::optional<mpq_class> mean_of_semesters(const std::vector<Tally>& semesters, const ScoringScheme& scheme);

}  // namespace skm::scoring
