// Audits the figures printed in an existing SKM report (what `skm check` does):
// every inconsistency between the printed unsur values, headline IKM, unit
// value, mutu, weights and capaian, as findings the programs put into words.
#pragma once

#include "scoring/decimal.hpp"
#include "scoring/problem.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace skm::scoring {

// Every field as printed; all optional. Decimals keep their printed places,
// because a value printed to 3 places stands for an interval of width 0.001.
struct PublishedReport {
    std::vector<std::pair<std::string, Decimal>> unsur;  // code → NRR as printed
    std::optional<Decimal> ikm;       // konversi, 25..100
    std::optional<Decimal> ikm_unit;  // 1..4
    std::optional<char> mutu;         // 'A'..'D'
    std::optional<Decimal> bobot;     // the weight the report used, e.g. 0.111
    std::optional<Decimal> target;
    std::optional<Decimal> capaian_percent;
};

// Finding keys (assets/i18n "check.*"): unsur_out_of_range, legacy_truncated,
// legacy_rounded (instead of bobot_not_one and headline_vs_unsur), bobot_not_one,
// headline_vs_unsur, ikm_vs_unit, mutu_wrong, mutu_2004_table, capaian_wrong,
// capaian_truncated, capaian_inverted. Numbers in args use '.'.
std::vector<Problem> audit_report(const PublishedReport& report);

}  // namespace skm::scoring
