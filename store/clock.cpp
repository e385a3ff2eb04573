#include "store/clock.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
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
    // short steps add up); days roll over through timegm.
    auto whole_seconds = [](std::int64_t t) { return t >= 0 ? t / 1000 : -((-t + 999) / 1000); };
    const std::int64_t crossed = whole_seconds(monotonic_ + ms) - whole_seconds(monotonic_);
    monotonic_ += ms;
    std::tm t{};
    t.tm_year = now_.date.year - 1900;
    t.tm_mon = now_.date.month - 1;
    t.tm_mday = now_.date.day;
    t.tm_hour = now_.hour;
    t.tm_min = now_.minute;
    t.tm_sec = now_.second;
    std::time_t seconds = timegm(&t) + crossed;
    std::tm moved{};
    gmtime_r(&seconds, &moved);
    now_.date = {moved.tm_year + 1900, moved.tm_mon + 1, moved.tm_mday};
    now_.hour = moved.tm_hour;
    now_.minute = moved.tm_min;
    now_.second = moved.tm_sec;
}

std::int64_t unix_seconds(const scoring::Timestamp& ts) {
    using namespace std::chrono;
    const sys_days day{year{ts.date.year} / month{static_cast<unsigned>(ts.date.month)} /
                       std::chrono::day{static_cast<unsigned>(ts.date.day)}};
    return day.time_since_epoch().count() * 86'400 + ts.hour * 3600 + ts.minute * 60 + ts.second -
           static_cast<std::int64_t>(ts.offset_minutes) * 60;
}

scoring::Timestamp timestamp_at(std::int64_t seconds, int offset_minutes) {
    using namespace std::chrono;
    const std::int64_t local = seconds + static_cast<std::int64_t>(offset_minutes) * 60;
    const std::int64_t days = local >= 0 ? local / 86'400 : -((-local + 86'399) / 86'400);
    const std::int64_t in_day = local - days * 86'400;
    const year_month_day date{sys_days{std::chrono::days{days}}};
    scoring::Timestamp ts;
    ts.date = {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
               static_cast<int>(static_cast<unsigned>(date.day()))};
    ts.hour = static_cast<int>(in_day / 3600);
    ts.minute = static_cast<int>(in_day / 60 % 60);
    ts.second = static_cast<int>(in_day % 60);
    ts.offset_minutes = offset_minutes;
    return ts;
}

std::string iso8601(const scoring::Timestamp& ts) {
    const int offset = std::abs(ts.offset_minutes);
    std::array<char, 40> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", ts.date.year,
                  ts.date.month, ts.date.day, ts.hour, ts.minute, ts.second, ts.offset_minutes < 0 ? '-' : '+',
                  offset / 60, offset % 60);
    return buffer.data();
}

}  // namespace skm::store
