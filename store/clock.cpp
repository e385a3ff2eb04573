#include "store/clock.hpp"

#include <chrono>
#include <ctime>

namespace skm::store {

scoring::Timestamp SystemClock::wall_now() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    scoring::Timestamp ts;
    ts.date = {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
    ts.hour = local.tm_hour;
    ts.minute = local.tm_min;
    ts.second = local.tm_sec;
    ts.offset_minutes = static_cast<int>(local.tm_gmtoff / 60);
    return ts;
}

std::int64_t SystemClock::monotonic_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void ManualClock::advance_ms(std::int64_t ms) {
    // Wall time moves with it, by the whole seconds the counter crossed (so
    // short steps add up), keeping its UTC offset.
    auto whole_seconds = [](std::int64_t t) { return t >= 0 ? t / 1000 : -((-t + 999) / 1000); };
    const std::int64_t crossed = whole_seconds(monotonic_ + ms) - whole_seconds(monotonic_);
    monotonic_ += ms;
    now_ = scoring::timestamp_at(scoring::unix_seconds(now_) + crossed, now_.offset_minutes);
}

}  // namespace skm::store
