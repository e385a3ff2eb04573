// What an office's legacy spreadsheet prints (docs/reference/skm-rules.md#legacy-spreadsheets):
// legacy(w) = truncate_2dp(25 × w × Σ round_half_up_3dp(NRR_i)).
#pragma once

#include "scoring/decimal.hpp"
#include "scoring/ikm.hpp"

#include <optional>

namespace skm::scoring {

// Empty when the exact IKM is undefined (an unsur without answers).
std::optional<Decimal> legacy_konversi(const IkmScore& score, const mpq_class& printed_weight);

// The highest figure such a spreadsheet can ever print (all answers 4).
Decimal legacy_maximum(const mpq_class& printed_weight, std::size_t unsur_count);

}  // namespace skm::scoring
