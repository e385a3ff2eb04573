#include "scoring/heat_map.hpp"

#include "scoring/ikm.hpp"
#include "scoring/privacy.hpp"

namespace skm::scoring {

int weekday_of(const LocalDate& date) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    const std::int64_t d = (days_since_epoch(date) + 3) % 7;
    return static_cast<int>(d < 0 ? d + 7 : d);
}

HeatGrid::HeatGrid(std::size_t unsur_count) : tallies_(kWeekdays * kHours, Tally(unsur_count)) {}

void HeatGrid::add(const Timestamp& at, std::span<const std::uint8_t> answers) {
    if (at.hour < 0 || at.hour >= kHours) return;  // parse_timestamp never gives one; a hand-made Timestamp might
    tallies_[static_cast<std::size_t>(weekday_of(at.date) * kHours + at.hour)].add(answers);
}

HeatMap HeatGrid::map(const ScoringScheme& scheme, std::uint64_t min_n) const {
    HeatMap map;
    map.min_n = min_n;
    // The cells are one table: with the period's IKM beside it, one withheld
    // cell would follow from the others, so hidden_groups withholds a second.
    std::vector<std::uint64_t> counts;
    for (const auto& t : tallies_) counts.push_back(t.respondents());
    const std::vector<bool> hidden = hidden_groups(counts, min_n);
    for (int w = 0; w < kWeekdays; ++w) {
        for (int h = 0; h < kHours; ++h) {
            const Tally& t = tallies_[static_cast<std::size_t>(w * kHours + h)];
            HeatCell& cell = map.cells[static_cast<std::size_t>(w)][static_cast<std::size_t>(h)];
            cell.respondents = t.respondents();
            if (cell.respondents == 0) continue;
            if (map.last_hour < 0 || h < map.first_hour) map.first_hour = h;
            if (h > map.last_hour) map.last_hour = h;
            if (hidden[static_cast<std::size_t>(w * kHours + h)]) continue;
            const IkmScore score = scoring::score(t, scheme);
            if (score.konversi) cell.ikm = round_half_up(*score.konversi, 2);
        }
    }
    return map;
}

}  // namespace skm::scoring
