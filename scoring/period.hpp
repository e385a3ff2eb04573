// Dates, timestamps with UTC offset, and reporting periods. A response belongs
// to the period of its own local date (the offset it carries); Indonesian zones
// are fixed offsets, so no time-zone database is involved.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace skm::scoring {

struct LocalDate {
    int year = 0;
    int month = 0;
    int day = 0;
    auto operator<=>(const LocalDate&) const = default;
    std::string str() const;  // 2024-03-01
};

bool valid_date(int year, int month, int day);
std::optional<LocalDate> parse_date(std::string_view text);  // YYYY-MM-DD

struct Timestamp {
    LocalDate date;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int offset_minutes = 0;  // +07:00 → 420
};

// ISO 8601 with an offset: 2024-03-01T09:15:00+07:00 (also "Z", "+0700",
// a space for "T", missing seconds, fractional seconds). No offset → nothing.
std::optional<Timestamp> parse_timestamp(std::string_view text);
// The form every timestamp is written in: 2024-03-01T09:15:00+07:00.
std::string iso8601(const Timestamp& ts);

// Calendar arithmetic, proleptic Gregorian, in whole numbers (the one home of
// date math: the store's clock, the hub and reports all use these).
// Days from 1970-01-01 to `date` (negative before it).
std::int64_t days_since_epoch(const LocalDate& date);
// The date `days` after 1970-01-01.
LocalDate date_from_days(std::int64_t days);
// Seconds since 1970-01-01T00:00:00Z of a moment with its offset: two
// clocks' readings compare whatever time zone each is set to.
std::int64_t unix_seconds(const Timestamp& ts);
// The moment `seconds` since the epoch, as a clock at that UTC offset reads it.
Timestamp timestamp_at(std::int64_t seconds, int offset_minutes);

enum class PeriodKind { month, triwulan, semester, year };

struct PeriodId {
    PeriodKind kind = PeriodKind::year;
    int year = 0;
    int index = 1;  // month 1–12, triwulan 1–4, semester 1–2, 1 for a year
    auto operator<=>(const PeriodId&) const = default;
};

PeriodId period_of(const LocalDate& date, PeriodKind kind);
// 2024-03, 2024-TW1, 2024-S1, 2024 (group keys, docs/reference/skm-rules.md#periods-and-the-annual-ikm).
std::string period_key(const PeriodId& period);
std::optional<PeriodId> parse_period_key(std::string_view key);

struct DateRange {
    LocalDate first;
    LocalDate last;  // inclusive
    bool contains(const LocalDate& date) const { return first <= date && date <= last; }
};

DateRange range_of(const PeriodId& period);
// The period of the same kind just before: 2025-S1 → 2024-S2, 2025 → 2024
// (what "change against the previous period" compares with).
PeriodId previous_period(const PeriodId& period);
// 2024, 2024-S1, 2024-TW3, 2024-03 or 2024-01-01..2024-06-30.
std::optional<DateRange> parse_period(std::string_view text);

}  // namespace skm::scoring
