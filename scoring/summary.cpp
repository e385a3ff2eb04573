#include "scoring/summary.hpp"

#include "scoring/ikm.hpp"
#include "scoring/legacy.hpp"

namespace skm::scoring {

IkmSummary summarize(const Tally& tally, const ScoringScheme& scheme, const ScoreOptions& options) {
    const IkmScore exact = score(tally, scheme);
    IkmSummary s;
    s.respondents = exact.respondents;
    for (const auto& unsur : exact.unsur) {
        UnsurSummary u{unsur.code, unsur.answered, std::nullopt, std::nullopt};
        if (unsur.nrr) {
            u.nrr = round_half_up(*unsur.nrr, 3);
            u.nrr_exact = fraction_string(*unsur.nrr);
        }
        s.unsur.push_back(std::move(u));
    }
    s.unsur_without_answers = exact.unsur_without_answers;
    if (exact.konversi) {
        s.konversi_exact = *exact.konversi;
        s.ikm = round_half_up(*exact.konversi, 2);
        s.ikm_unit = round_half_up(*exact.unit, 4);
        s.ikm_exact = fraction_string(*exact.konversi);
        s.mutu = mutu_2017(*exact.konversi);
        s.ci95 = ci95(tally, *exact.konversi, options.population);
        if (options.legacy_weight) s.ikm_legacy = legacy_konversi(exact, *options.legacy_weight);
    }
    return s;
}

std::optional<mpq_class> mean_of_semesters(const std::vector<Tally>& semesters, const ScoringScheme& scheme) {
    if (semesters.size() != 2) return std::nullopt;
    const IkmScore first = score(semesters[0], scheme);
    const IkmScore second = score(semesters[1], scheme);
    if (!first.konversi || !second.konversi) return std::nullopt;
    return (*first.konversi + *second.konversi) / 2;
}

std::vector<GroupSummary> summarize_groups(const GroupedTally& grouped, const ScoringScheme& scheme,
                                           const ScoreOptions& options) {
    std::vector<GroupSummary> result;
    for (const Group& group : grouped.groups()) {
        GroupSummary g{group.key, summarize(group.tally, scheme, options), std::nullopt, false};
        if (grouped.group_by() == GroupBy::year) {
            g.is_year = true;
            if (auto mean = mean_of_semesters(group.semesters, scheme)) g.ikm_mean_of_semesters = round_half_up(*mean, 2);
        }
        result.push_back(std::move(g));
    }
    return result;
}

}  // namespace skm::scoring
