// Seconds since the epoch of a timestamp with its offset, for session expiry
// and a kiosk's clock skew (both from the injected store::Clock).
#pragma once

#include "scoring/period.hpp"

#include <cstdint>

namespace skm::hub::web {

std::int64_t epoch_seconds(const scoring::Timestamp& ts);

}  // namespace skm::hub::web
