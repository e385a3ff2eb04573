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

// 2024-03-01T09:15:00+07:00
std::string iso8601(const scoring::Timestamp& ts);

// Seconds since 1970-01-01T00:00:00Z of a moment with its offset: two
// clocks' readings compare whatever time zone each is set to.
std::int64_t unix_seconds(const scoring::Timestamp& ts);
// The moment `seconds` since the epoch, as a clock at that UTC offset reads it.
scoring::Timestamp timestamp_at(std::int64_t seconds, int offset_minutes);

}  // namespace skm::store
