// NRR per unsur and the IKM, exactly, from a tally (Permenpan 14/2017, docs/reference/skm-rules.md#nrr-per-unsur).
#pragma once

#include "scoring/scheme.hpp"
#include "scoring/tally.hpp"

#include <gmpxx.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace skm::scoring {

struct UnsurScore {
    std::string code;
    std::uint64_t answered = 0;
    std::optional<mpq_class> nrr;  // sum / answered; none when nobody answered
};

struct IkmScore {
    std::uint64_t respondents = 0;
    std::vector<UnsurScore> unsur;
    // Both empty when some unsur has no answers: the IKM is then undefined,
    // not computed from the remaining unsur.
    std::optional<mpq_class> unit;      // Σ weight × NRR, 1..4
    std::optional<mpq_class> konversi;  // unit × 25, 25..100
    std::vector<std::string> unsur_without_answers;
};

IkmScore score(const Tally& tally, const ScoringScheme& scheme);

}  // namespace skm::scoring
