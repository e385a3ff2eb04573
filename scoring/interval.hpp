// 95% interval of the IKM konversi (docs/reference/skm-rules.md#95-interval, our addition to the regulation):
// konversi ± 1.96 · s / √n, s the sample standard deviation of respondents' own
// konversi (mean of the unsur they answered × 25), optionally with the finite
// population correction √((N−n)/(N−1)).
#pragma once

#include "scoring/decimal.hpp"
#include "scoring/tally.hpp"

#include <cstdint>
#include <optional>

namespace skm::scoring {

struct Interval {
    Decimal low;   // 2 decimals, half-up, clamped to 25.00
    Decimal high;  // 2 decimals, half-up, clamped to 100.00
};

// Empty under 2 respondents who answered anything. Bounds are rounded exactly:
// the square root is bracketed with integer arithmetic, not trusted to floats.
std::optional<Interval> ci95(const Tally& tally, const mpq_class& konversi,
                             std::optional<std::uint64_t> population = std::nullopt);

}  // namespace skm::scoring
