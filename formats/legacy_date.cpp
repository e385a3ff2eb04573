#include "formats/legacy_date.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace skm::formats {
namespace {

// The whole numbers of `text` split at any of `separators`; nothing if a part is not digits.
std::optional<std::vector<int>> parts(std::string_view text, std::string_view separators) {
    std::vector<int> out;
    while (true) {
        const auto stop = text.find_first_of(separators);
        const std::string_view part = text.substr(0, stop);
        int value = 0;
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || part.size() > 4 || error != std::errc() || end != part.data() + part.size()) return std::nullopt;
        out.push_back(value);
        if (stop == std::string_view::npos) return out;
        text.remove_prefix(stop + 1);
    }
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

bool date_part(std::string_view word, WrittenDate& date) {
    const auto numbers = parts(word, "/-.");
    if (!numbers || numbers->size() != 3) return false;
    const auto& n = *numbers;
    if (word.find_first_of("/-.") == 4) {
        date.first = n[1];
        date.second = n[2];
        date.year = n[0];
        date.year_first = true;
        return true;
    }
    // A year of two digits is not taken: 03/04/05 has three readings.
    if (word.size() - word.find_last_of("/-.") - 1 != 4) return false;
    date.first = n[0];
    date.second = n[1];
    date.year = n[2];
    return true;
}

bool time_part(std::string_view word, WrittenDate& date) {
    const auto numbers = parts(word, ":.");
    if (!numbers || numbers->size() < 2 || numbers->size() > 3) return false;
    date.hour = (*numbers)[0];
    date.minute = (*numbers)[1];
    date.second_of_minute = numbers->size() == 3 ? (*numbers)[2] : 0;
    return date.hour < 24 && date.minute < 60 && date.second_of_minute < 60;
}

// "GMT+7", "GMT+07:00", "GMT-3", "UTC+8".
bool offset_part(std::string_view word, WrittenDate& date) {
    if (word.rfind("GMT", 0) != 0 && word.rfind("UTC", 0) != 0) return false;
    word.remove_prefix(3);
    if (word.empty()) {
        date.offset_minutes = 0;
        return true;
    }
    const int sign = word[0] == '-' ? -1 : 1;
    if (word[0] != '+' && word[0] != '-') return false;
    const auto numbers = parts(word.substr(1), ":");
    if (!numbers || numbers->size() > 2 || (*numbers)[0] > 14) return false;
    date.offset_minutes = sign * ((*numbers)[0] * 60 + (numbers->size() == 2 ? (*numbers)[1] : 0));
    return true;
}

}  // namespace

std::optional<WrittenDate> parse_written_date(std::string_view text) {
    if (const auto iso = scoring::parse_timestamp(text)) {
        return WrittenDate{iso->date.month, iso->date.day, iso->date.year, true, iso->hour, iso->minute, iso->second, iso->offset_minutes};
    }
    const auto list = words(text);
    WrittenDate date;
    if (list.empty() || !date_part(list[0], date)) return std::nullopt;
    std::size_t i = 1;
    if (i < list.size() && time_part(list[i], date)) ++i;
    if (i < list.size() && (list[i] == "AM" || list[i] == "PM" || list[i] == "am" || list[i] == "pm")) {
        if (date.hour < 1 || date.hour > 12 || i == 1) return std::nullopt;
        const bool pm = list[i][0] == 'P' || list[i][0] == 'p';
        date.hour = date.hour % 12 + (pm ? 12 : 0);
        ++i;
    }
    if (i < list.size() && offset_part(list[i], date)) ++i;
    if (i != list.size()) return std::nullopt;
    return date;
}

DateOrder order_evidence(const WrittenDate& date) {
    if (date.year_first) return DateOrder::unknown;
    if (date.first > 12 && date.second <= 12) return DateOrder::dmy;
    if (date.second > 12 && date.first <= 12) return DateOrder::mdy;
    return DateOrder::unknown;
}

std::optional<scoring::Timestamp> resolve_date(const WrittenDate& date, DateOrder order, int offset_minutes) {
    scoring::Timestamp ts;
    ts.date.year = date.year;
    if (date.year_first || order == DateOrder::mdy) {
        ts.date.month = date.first;
        ts.date.day = date.second;
    } else if (order == DateOrder::dmy) {
        ts.date.day = date.first;
        ts.date.month = date.second;
    } else {
        return std::nullopt;
    }
    if (!scoring::valid_date(ts.date.year, ts.date.month, ts.date.day)) return std::nullopt;
    ts.hour = date.hour;
    ts.minute = date.minute;
    ts.second = date.second_of_minute;
    ts.offset_minutes = date.offset_minutes.value_or(offset_minutes);
    return ts;
}

std::optional<scoring::Timestamp> serial_date(double serial, int offset_minutes) {
    // 1 is 1900-01-01; days before 1900-03-01 carry Excel's phantom 29 February.
    if (!(serial >= 61 && serial < 2958466)) return std::nullopt;
    constexpr std::int64_t kSerialOfEpoch = 25569;  // 1970-01-01
    const auto seconds = static_cast<std::int64_t>(std::llround(serial * 86400.0)) - kSerialOfEpoch * 86400;
    // The serial is the wall clock; read it as if at UTC, then label it with the office's offset.
    scoring::Timestamp ts = scoring::timestamp_at(seconds, 0);
    ts.offset_minutes = offset_minutes;
    return ts;
}

int time_zone_offset_minutes(std::string_view zone) {
    if (zone == "WITA") return 8 * 60;
    if (zone == "WIT") return 9 * 60;
    return 7 * 60;
}

}  // namespace skm::formats
