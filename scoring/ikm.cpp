#include "scoring/ikm.hpp"

#include <stdexcept>

namespace skm::scoring {

IkmScore score(const Tally& tally, const ScoringScheme& scheme) {
    if (tally.unsur_count() != scheme.size()) throw std::logic_error("score: tally and scheme differ in size");
    IkmScore result;
    result.respondents = tally.respondents();
    mpq_class unit = 0;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        const UnsurTally& counts = tally.unsur(i);
        UnsurScore unsur{scheme.code(i), counts.answered(), std::nullopt};
        if (unsur.answered > 0) {
            mpq_class nrr(mpz_class(std::to_string(counts.sum())), mpz_class(std::to_string(unsur.answered)));
            nrr.canonicalize();
            unit += scheme.weight(i) * nrr;
            unsur.nrr = nrr;
        } else {
            result.unsur_without_answers.push_back(scheme.code(i));
        }
        result.unsur.push_back(std::move(unsur));
    }
    if (result.unsur_without_answers.empty()) {
        result.unit = unit;
        result.konversi = unit * 25;
    }
    return result;
}

}  // namespace skm::scoring
