// A kiosk whose clock is wrong dates its responses wrong, and a response in
// the wrong month or semester is in the wrong report. Each batch says when
// the kiosk sent it (its clock); the hub knows when it arrived (its own).
// When the two differ by more than sync::kClockToleranceSeconds, every
// response of the batch is moved by that difference before it is stored, so
// periods follow the hub's time; the response is flagged "clock_corrected"
// (the kiosk keeps its own reading, and staff see the warning there).
#pragma once

#include "scoring/period.hpp"
#include "sync/protocol.hpp"

#include <cstdint>
#include <optional>

namespace skm::hub {

// The kiosk's clock minus the hub's at arrival, in seconds, when the batch says when it was sent.
std::optional<std::int64_t> clock_ahead_seconds(const sync::Batch& batch, const scoring::Timestamp& received);

// Moves every response's submitted_at back by the kiosk's lead when it is
// beyond the tolerance (keeping each one's UTC offset). Returns the lead applied, or 0.
std::int64_t correct_clock(sync::Batch& batch, const scoring::Timestamp& received);

}  // namespace skm::hub
