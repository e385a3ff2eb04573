#include "hub/clock_correction.hpp"

#include "scoring/period.hpp"
#include "store/clock.hpp"

#include <algorithm>
#include <cstdlib>

namespace skm::hub {

std::optional<std::int64_t> clock_ahead_seconds(const sync::Batch& batch, const scoring::Timestamp& received) {
    if (!batch.sent_at) return std::nullopt;
    const auto sent = scoring::parse_timestamp(*batch.sent_at);  // decode_batch kept only a valid one
    if (!sent) return std::nullopt;
    return scoring::unix_seconds(*sent) - scoring::unix_seconds(received);
}

std::int64_t correct_clock(sync::Batch& batch, const scoring::Timestamp& received) {
    const auto ahead = clock_ahead_seconds(batch, received);
    if (!ahead || std::llabs(*ahead) <= sync::kClockToleranceSeconds) return 0;
    for (auto& s : batch.responses) {
        auto& r = s.response;
        const auto at = scoring::parse_timestamp(r.submitted_at);  // decode_batch checked it
        if (!at) continue;
        r.submitted_at = store::iso8601(scoring::timestamp_at(scoring::unix_seconds(*at) - *ahead, at->offset_minutes));
        if (std::find(r.flags.begin(), r.flags.end(), "clock_corrected") == r.flags.end()) r.flags.push_back("clock_corrected");
    }
    return *ahead;
}

}  // namespace skm::hub
