// Time as the store and the kiosk see it, injected so tests control it:
// wall-clock with the device's UTC offset, and a monotonic counter for
// durations that a clock change cannot bend.
#pragma once

#include "scoring/period.hpp"

#include <cstdint>
#include <string>

namespace skm::store {

class Clock {
public:
    virtual ~Clock() = default;
    virtual scoring::Timestamp wall_now() = 0;
    virtual std::int64_t monotonic_ms() = 0;
};

class SystemClock final : public Clock {
public:
    scoring::Timestamp wall_now() override;
    std::int64_t monotonic_ms() override;
};

// A clock tests move by hand.
class ManualClock final : public Clock {
public:
    explicit ManualClock(scoring::Timestamp start) : now_(start) {}
    scoring::Timestamp wall_now() override { return now_; }
    std::int64_t monotonic_ms() override { return monotonic_; }
    void advance_ms(std::int64_t ms);

private:
    scoring::Timestamp now_;
    std::int64_t monotonic_ = 0;
};

// The clock's readings are scoring's Timestamps; their format and arithmetic
// (iso8601, unix_seconds, timestamp_at) live in scoring/period.hpp. The format
// is named here too, for the many callers that write the clock's time.
using scoring::iso8601;

}  // namespace skm::store
