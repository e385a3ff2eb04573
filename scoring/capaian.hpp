// Capaian kinerja = realisasi / target × 100 %, rounded half-up (docs/reference/skm-rules.md#capaian-kinerja).
#pragma once

#include "scoring/decimal.hpp"

#include <optional>

namespace skm::scoring {

// Empty when the target is not positive.
std::optional<Decimal> capaian_percent(const mpq_class& realisasi, const mpq_class& target);

}  // namespace skm::scoring
