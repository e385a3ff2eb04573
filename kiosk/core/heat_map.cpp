#include "kiosk/core/heat_map.hpp"

#include "scoring/ikm.hpp"
#include "scoring/privacy.hpp"
#include "scoring/tally.hpp"

#include <vector>

namespace skm::kiosk {

int weekday_of(const scoring::LocalDate& date) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    const std::int64_t d = (scoring::days_since_epoch(date) + 3) % 7;
    return static_cast<int>(d < 0 ? d + 7 : d);
}

HeatMap build_heat_map(const store::ResponseStore& db, const scoring::DateRange& range, std::uint64_t min_n) {
    std::vector<scoring::Tally> tallies(kWeekdays * kHours, scoring::Tally(db.scheme().size()));
    store::ExportFilter filter;
    filter.from = range.first;
    filter.to = range.last;
    HeatMap map;
    db.for_each(filter, [&](const store::StoredRow& row) {
        const auto ts = scoring::parse_timestamp(row.submission.response.submitted_at);
        if (!ts || !range.contains(ts->date)) return;
        tallies[static_cast<std::size_t>(weekday_of(ts->date) * kHours + ts->hour)].add(row.submission.response.answers);
    });
    for (int w = 0; w < kWeekdays; ++w) {
        for (int h = 0; h < kHours; ++h) {
            const scoring::Tally& t = tallies[static_cast<std::size_t>(w * kHours + h)];
            HeatCell& cell = map.cells[static_cast<std::size_t>(w)][static_cast<std::size_t>(h)];
            cell.respondents = t.respondents();
            if (cell.respondents == 0) continue;
            if (map.last_hour < 0 || h < map.first_hour) map.first_hour = h;
            if (h > map.last_hour) map.last_hour = h;
            if (!scoring::enough_for_figures(cell.respondents, min_n)) continue;
            const scoring::IkmScore score = scoring::score(t, db.scheme());
            if (score.konversi) cell.ikm = scoring::round_half_up(*score.konversi, 2);
        }
    }
    return map;
}

}  // namespace skm::kiosk
