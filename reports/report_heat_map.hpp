// The hour × weekday heat map (scoring/heat_map) of a device database's
// responses in a date range: what the kiosk's staff view and the semester
// report's analysis chapter show.
#pragma once

#include "scoring/heat_map.hpp"
#include "store/response_store.hpp"

#include <cstdint>

namespace skm::reports {

scoring::HeatMap build_heat_map(const store::ResponseStore& db, const scoring::DateRange& range, std::uint64_t min_n);

}  // namespace skm::reports
