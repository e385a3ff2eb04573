#include "hub/web/web_time.hpp"

namespace skm::hub::web {

std::int64_t epoch_seconds(const scoring::Timestamp& ts) {
    // Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    const std::int64_t y = ts.date.year - (ts.date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t m = ts.date.month;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + ts.date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = era * 146097 + doe - 719468;
    return days * 86400 + ts.hour * 3600 + ts.minute * 60 + ts.second - static_cast<std::int64_t>(ts.offset_minutes) * 60;
}

}  // namespace skm::hub::web
