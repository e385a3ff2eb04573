// The hour × weekday heat map (issue #20): respondents and IKM per cell, in
// the local time each response carries. One home for the grid arithmetic:
// the kiosk's staff view, the semester report (reports/report_heat_map) and
// the hub's kecamatan page fill a HeatGrid from their own rows and read the
// same HeatMap. A cell below min_n shows its count but no IKM, and when that
// is one cell alone, the smallest other cell neither (scoring::hidden_groups),
// so its IKM cannot be worked out from the period's and the other cells'.
#pragma once

#include "scoring/decimal.hpp"
#include "scoring/period.hpp"
#include "scoring/scheme.hpp"
#include "scoring/tally.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace skm::scoring {

inline constexpr int kWeekdays = 7;  // Monday (0) … Sunday (6)
inline constexpr int kHours = 24;

struct HeatCell {
    std::uint64_t respondents = 0;
    std::optional<Decimal> ikm;  // konversi, 2 decimals; only when not withheld (see above)
};

struct HeatMap {
    std::array<std::array<HeatCell, kHours>, kWeekdays> cells{};
    int first_hour = 0;  // the hours that have responses, for a compact table
    int last_hour = -1;  // (-1: no responses at all)
    std::uint64_t min_n = 0;  // the threshold the cells were built with

    const HeatCell& at(int weekday, int hour) const {
        return cells[static_cast<std::size_t>(weekday)][static_cast<std::size_t>(hour)];
    }
    bool empty() const { return last_hour < 0; }
};

// Monday = 0 … Sunday = 6.
int weekday_of(const LocalDate& date);

// The tallies behind a heat map, one per weekday × hour.
class HeatGrid {
public:
    explicit HeatGrid(std::size_t unsur_count);

    // One response at its own local time (the timestamp as the kiosk wrote it).
    void add(const Timestamp& at, std::span<const std::uint8_t> answers);

    // Respondents per cell, and the IKM of each cell the min-n rule lets through.
    HeatMap map(const ScoringScheme& scheme, std::uint64_t min_n) const;

private:
    std::vector<Tally> tallies_;  // weekday × kHours + hour
};

}  // namespace skm::scoring
