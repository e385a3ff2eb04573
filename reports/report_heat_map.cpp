#include "reports/report_heat_map.hpp"

namespace skm::reports {

scoring::HeatMap build_heat_map(const store::ResponseStore& db, const scoring::DateRange& range, std::uint64_t min_n) {
    scoring::HeatGrid grid(db.scheme().size());
    store::ExportFilter filter;
    filter.from = range.first;
    filter.to = range.last;
    db.for_each(filter, [&](const store::StoredRow& row) {
        const auto ts = scoring::parse_timestamp(row.submission.response.submitted_at);
        if (!ts || !range.contains(ts->date)) return;
        grid.add(*ts, row.submission.response.answers);
    });
    return grid.map(db.scheme(), min_n);
}

}  // namespace skm::reports
