// Capaian kinerja = realisasi / target × 100 %, rounded half-up (skm.md §3).
#pragma once

#include "scoring/decimal.hpp"

#include <optional>

namespace skm::scoring {

// Empty when the target is not positive.
std::optional<Decimal> capaian_percent(const mpq_class& realisasi, const mpq_class& target);

}  // namespace skm::scoring
