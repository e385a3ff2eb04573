// Percentages of a whole that add up to exactly 100: each count's share is
// cut down to `places` decimals, and the hundredths still missing go one each
// to the shares with the largest remainders (ties: the larger count, then the
// earlier row). Half-up rounding of each share alone can print 100,01 or
// 99,99 under a table whose rows are the whole (docs/reference/skm-rules.md#percentages).
#pragma once

#include "scoring/decimal.hpp"

#include <cstdint>
#include <vector>

namespace skm::scoring {

// Empty when the counts add up to 0. Otherwise one share per count, each with
// `places` decimals, adding up to exactly 100.
std::vector<Decimal> percent_shares(const std::vector<std::uint64_t>& counts, int places = 2);

// 1899 → "1.899" with '.', "1,899" with ','.
std::string group_thousands(std::uint64_t value, char separator);

}  // namespace skm::scoring
