// The timestamps of old survey files, which carry no offset: Google Forms'
// CSV ("2024/03/15 9:05:07 AM GMT+7"), a Google Sheet or Excel saved as CSV
// in the Indonesian locale (day first: "15/03/2024 9.05.07") or in en-US
// (month first: "3/15/2024 9:05:07"), a date alone, and XLSX serial numbers.
// Whether "03/04/2024" is 3 April or 4 March is decided for the whole column
// from the values that settle it (a first part above 12), never row by row.
#pragma once

#include "scoring/period.hpp"

#include <optional>
#include <string_view>

namespace skm::formats {

enum class DateOrder { unknown, dmy, mdy };

// A timestamp as written, before the order of its parts is known.
struct WrittenDate {
    int first = 0;   // day or month (year when year_first)
    int second = 0;  // month or day
    int year = 0;
    bool year_first = false;  // 2024/03/15: never ambiguous
    int hour = 0;
    int minute = 0;
    int second_of_minute = 0;
    std::optional<int> offset_minutes;  // "GMT+7", or an ISO 8601 offset
};

// Nothing when the text is not a date (with an optional time) of these forms.
std::optional<WrittenDate> parse_written_date(std::string_view text);

// What a value says about the column's order: dmy when its first part cannot
// be a month, mdy when its second cannot, unknown otherwise.
DateOrder order_evidence(const WrittenDate& date);

// The moment, with `offset_minutes` where the text had none; nothing when the
// date does not exist in that order (31/02/2024).
std::optional<scoring::Timestamp> resolve_date(const WrittenDate& date, DateOrder order, int offset_minutes);

// An XLSX date serial (days since 1899-12-30, the fraction the time of day),
// rounded to the second, as local time at the offset.
std::optional<scoring::Timestamp> serial_date(double serial, int offset_minutes);

// The UTC offset of WIB, WITA or WIT in minutes (+420, +480, +540).
int time_zone_offset_minutes(std::string_view zone);

}  // namespace skm::formats
