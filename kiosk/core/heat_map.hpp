// The hour × weekday heat map of the staff view (issue #20): respondents and
// IKM per cell, in the local time each response carries, over a date range.
// A cell below min_n shows its count but no IKM (scoring/privacy.hpp).
#pragma once

#include "scoring/decimal.hpp"
#include "scoring/period.hpp"
#include "store/response_store.hpp"

#include <array>
#include <cstdint>
#include <optional>

namespace skm::kiosk {

inline constexpr int kWeekdays = 7;  // Monday (0) … Sunday (6)
inline constexpr int kHours = 24;

struct HeatCell {
    std::uint64_t respondents = 0;
    std::optional<scoring::Decimal> ikm;  // konversi, 2 decimals; only when enough
};

struct HeatMap {
    std::array<std::array<HeatCell, kHours>, kWeekdays> cells{};
    int first_hour = 0;  // the hours that have responses, for a compact table
    int last_hour = -1;  // (-1: no responses at all)
};

// Monday = 0 … Sunday = 6.
int weekday_of(const scoring::LocalDate& date);

HeatMap build_heat_map(const store::ResponseStore& db, const scoring::DateRange& range, std::uint64_t min_n);

}  // namespace skm::kiosk
