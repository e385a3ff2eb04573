#include "scoring/period.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace skm::scoring {
namespace {

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// Reads exactly `width` digits at text[pos]; advances pos.
bool read_digits(std::string_view text, std::size_t& pos, std::size_t width, int& out) {
    if (pos + width > text.size()) return false;
    int value = 0;
    for (std::size_t i = 0; i < width; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    pos += width;
    return true;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
    if (pos >= text.size() || text[pos] != c) return false;
    ++pos;
    return true;
}

bool read_date(std::string_view text, std::size_t& pos, LocalDate& date) {
    return read_digits(text, pos, 4, date.year) && expect(text, pos, '-') && read_digits(text, pos, 2, date.month) &&
           expect(text, pos, '-') && read_digits(text, pos, 2, date.day) &&
           valid_date(date.year, date.month, date.day);
}

std::string two_digits(int value) {
    std::array<char, 8> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%02d", value);
    return buffer.data();
}

}  // namespace

std::string LocalDate::str() const {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02d", year, month, day);
    return buffer.data();
}

std::string iso8601(const Timestamp& ts) {
    const int offset = std::abs(ts.offset_minutes);
    std::array<char, 40> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", ts.date.year,
                  ts.date.month, ts.date.day, ts.hour, ts.minute, ts.second, ts.offset_minutes < 0 ? '-' : '+',
                  offset / 60, offset % 60);
    return buffer.data();
}

std::int64_t days_since_epoch(const LocalDate& date) {
    using namespace std::chrono;
    const sys_days day{year{date.year} / month{static_cast<unsigned>(date.month)} /
                       std::chrono::day{static_cast<unsigned>(date.day)}};
    return day.time_since_epoch().count();
}

LocalDate date_from_days(std::int64_t days) {
    using namespace std::chrono;
    const year_month_day date{sys_days{std::chrono::days{days}}};
    return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
            static_cast<int>(static_cast<unsigned>(date.day()))};
}

std::int64_t unix_seconds(const Timestamp& ts) {
    return days_since_epoch(ts.date) * 86'400 + ts.hour * 3600 + ts.minute * 60 + ts.second -
           static_cast<std::int64_t>(ts.offset_minutes) * 60;
}

Timestamp timestamp_at(std::int64_t seconds, int offset_minutes) {
    const std::int64_t local = seconds + static_cast<std::int64_t>(offset_minutes) * 60;
    const std::int64_t days = local >= 0 ? local / 86'400 : -((-local + 86'399) / 86'400);  // floor
    const std::int64_t in_day = local - days * 86'400;
    Timestamp ts;
    ts.date = date_from_days(days);
    ts.hour = static_cast<int>(in_day / 3600);
    ts.minute = static_cast<int>(in_day / 60 % 60);
    ts.second = static_cast<int>(in_day % 60);
    ts.offset_minutes = offset_minutes;
    return ts;
}

bool valid_date(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<LocalDate> parse_date(std::string_view text) {
    LocalDate date;
    std::size_t pos = 0;
    if (!read_date(text, pos, date) || pos != text.size()) return std::nullopt;
    return date;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
    Timestamp ts;
    std::size_t pos = 0;
    if (!read_date(text, pos, ts.date)) return std::nullopt;
    if (pos >= text.size() || (text[pos] != 'T' && text[pos] != ' ')) return std::nullopt;
    ++pos;
    if (!read_digits(text, pos, 2, ts.hour) || !expect(text, pos, ':') || !read_digits(text, pos, 2, ts.minute)) {
        return std::nullopt;
    }
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
        if (!read_digits(text, pos, 2, ts.second)) return std::nullopt;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            const std::size_t start = pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
            if (pos == start) return std::nullopt;
        }
    }
    if (ts.hour > 23 || ts.minute > 59 || ts.second > 60) return std::nullopt;
    if (pos >= text.size()) return std::nullopt;
    if (text[pos] == 'Z' && pos + 1 == text.size()) return ts;
    if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int hours = 0;
    int minutes = 0;
    if (!read_digits(text, pos, 2, hours)) return std::nullopt;
    if (pos < text.size() && text[pos] == ':') ++pos;
    if (!read_digits(text, pos, 2, minutes) || pos != text.size()) return std::nullopt;
    if (hours > 14 || minutes > 59) return std::nullopt;
    ts.offset_minutes = sign * (hours * 60 + minutes);
    return ts;
}

PeriodId period_of(const LocalDate& date, PeriodKind kind) {
    switch (kind) {
        case PeriodKind::month: return {kind, date.year, date.month};
        case PeriodKind::triwulan: return {kind, date.year, (date.month - 1) / 3 + 1};
        case PeriodKind::semester: return {kind, date.year, date.month <= 6 ? 1 : 2};
        case PeriodKind::year: return {kind, date.year, 1};
    }
    return {kind, date.year, 1};
}

std::string period_key(const PeriodId& period) {
    const std::string year = std::to_string(period.year);
    switch (period.kind) {
        case PeriodKind::month: return year + "-" + two_digits(period.index);
        case PeriodKind::triwulan: return year + "-TW" + std::to_string(period.index);
        case PeriodKind::semester: return year + "-S" + std::to_string(period.index);
        case PeriodKind::year: return year;
    }
    return year;
}

std::optional<PeriodId> parse_period_key(std::string_view key) {
    std::size_t pos = 0;
    int year = 0;
    if (!read_digits(key, pos, 4, year) || year < 1) return std::nullopt;
    if (pos == key.size()) return PeriodId{PeriodKind::year, year, 1};
    if (!expect(key, pos, '-')) return std::nullopt;
    const std::string_view rest = key.substr(pos);
    int index = 0;
    if (rest.size() == 2 && read_digits(key, pos, 2, index) && index >= 1 && index <= 12) {
        return PeriodId{PeriodKind::month, year, index};
    }
    if (rest.size() == 3 && rest.substr(0, 2) == "TW" && rest[2] >= '1' && rest[2] <= '4') {
        return PeriodId{PeriodKind::triwulan, year, rest[2] - '0'};
    }
    if (rest.size() == 2 && rest[0] == 'S' && (rest[1] == '1' || rest[1] == '2')) {
        return PeriodId{PeriodKind::semester, year, rest[1] - '0'};
    }
    return std::nullopt;
}

PeriodId previous_period(const PeriodId& period) {
    PeriodId id = period;
    const int per_year = id.kind == PeriodKind::month      ? 12
                         : id.kind == PeriodKind::triwulan ? 4
                         : id.kind == PeriodKind::semester ? 2
                                                           : 1;
    if (id.index > 1) {
        --id.index;
    } else {
        --id.year;
        id.index = per_year;
    }
    return id;
}

DateRange range_of(const PeriodId& period) {
    int first_month = 1;
    int last_month = 12;
    switch (period.kind) {
        case PeriodKind::month: first_month = last_month = period.index; break;
        case PeriodKind::triwulan: first_month = 3 * period.index - 2; last_month = 3 * period.index; break;
        case PeriodKind::semester: first_month = 6 * period.index - 5; last_month = 6 * period.index; break;
        case PeriodKind::year: break;
    }
    return DateRange{{period.year, first_month, 1},
                     {period.year, last_month, days_in_month(period.year, last_month)}};
}

std::optional<DateRange> parse_period(std::string_view text) {
    const auto dots = text.find("..");
    if (dots != std::string_view::npos) {
        auto first = parse_date(text.substr(0, dots));
        auto last = parse_date(text.substr(dots + 2));
        if (!first || !last || *last < *first) return std::nullopt;
        return DateRange{*first, *last};
    }
    auto period = parse_period_key(text);
    if (!period) return std::nullopt;
    return range_of(*period);
}

}  // namespace skm::scoring
