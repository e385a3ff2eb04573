// Unit tests of the small pieces: decimals, weights, periods, the interval,
// sample progress and the legacy maximum.
#include "scoring/decimal.hpp"
#include "scoring/grouped_tally.hpp"
#include "scoring/interval.hpp"
#include "scoring/legacy.hpp"
#include "scoring/mutu.hpp"
#include "scoring/period.hpp"
#include "scoring/problem.hpp"
#include "scoring/sample.hpp"
#include "scoring/scheme.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace skm::scoring {
namespace {

// GMP needs canonical fractions; mpq_class(a, b) does not reduce on its own.
mpq_class q(long numerator, long denominator) {
    mpq_class value(numerator, denominator);
    value.canonicalize();
    return value;
}

TEST(Decimal, RoundsHalfUpInDecimalNotBinary) {
    // 1.005 is 1.00499999… in binary floating point; exact arithmetic rounds up.
    EXPECT_EQ(round_half_up(q(1005, 1000), 2).str(), "1.01");
    EXPECT_EQ(round_half_up(mpq_class(2, 3), 3).str(), "0.667");
    EXPECT_EQ(round_half_up(q(-1005, 1000), 2).str(), "-1.01");
    EXPECT_EQ(round_half_up(mpq_class(100), 2).str(), "100.00");
    EXPECT_EQ(round_half_up(q(1, 1000), 2).str(), "0.00");
    EXPECT_EQ(round_half_up(q(8972, 100), 2).str(','), "89,72");
}

TEST(Decimal, TruncatesTowardZero) {
    EXPECT_EQ(truncate(q(89627, 1000), 2).str(), "89.62");
    EXPECT_EQ(truncate(q(-89627, 1000), 2).str(), "-89.62");
}

TEST(Decimal, ParsesPrintedNumbersOnly) {
    EXPECT_EQ(parse_decimal("89,72")->str(), "89.72");
    EXPECT_EQ(parse_decimal("0.111")->places, 3);
    EXPECT_EQ(parse_decimal("100")->str(), "100");
    EXPECT_FALSE(parse_decimal(""));
    EXPECT_FALSE(parse_decimal("1e3"));
    EXPECT_FALSE(parse_decimal("1.2.3"));
    EXPECT_FALSE(parse_decimal("89."));
    EXPECT_FALSE(parse_decimal(" 1"));
    EXPECT_EQ(*parse_fraction("1/9"), mpq_class(1, 9));
    EXPECT_EQ(*parse_fraction("2/18"), mpq_class(1, 9));
    EXPECT_FALSE(parse_fraction("1/0"));
    EXPECT_FALSE(parse_fraction("a/9"));
    EXPECT_EQ(fraction_string(mpq_class(100)), "100/1");
}

TEST(Scheme, WeightsMustSumToExactlyOne) {
    EXPECT_EQ(ScoringScheme::permenpan_2017().size(), 9u);
    EXPECT_EQ(ScoringScheme::permenpan_2017().index_of("sarana"), 8u);
    std::vector<UnsurWeight> legacy;
    for (auto code : kPermenpan2017Codes) legacy.push_back({std::string(code), q(111, 1000)});
    try {
        ScoringScheme::make(legacy);
        FAIL() << "0.111 × 9 accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.problem().key, "scheme.weights_not_one");
        EXPECT_EQ(e.problem().args[0].second, "999/1000");
    }
    EXPECT_THROW(ScoringScheme::make({{"a", mpq_class(1, 2)}, {"a", mpq_class(1, 2)}}), Error);
    EXPECT_THROW(ScoringScheme::make({{"a", mpq_class(3, 2)}, {"b", mpq_class(-1, 2)}}), Error);
    EXPECT_THROW(ScoringScheme::make({{"Bad Code", mpq_class(1)}}), Error);
    EXPECT_NO_THROW(ScoringScheme::make({{"a", mpq_class(1, 6)}, {"b", mpq_class(1, 3)}, {"c", mpq_class(1, 2)}}));
}

TEST(Period, TimestampsKeepTheirOwnLocalDate) {
    // 23:30 WIB on 30 June is in semester 1 even though it is 16:30 UTC.
    auto ts = parse_timestamp("2024-06-30T23:30:00+07:00");
    ASSERT_TRUE(ts);
    EXPECT_EQ(period_key(period_of(ts->date, PeriodKind::semester)), "2024-S1");
    EXPECT_EQ(ts->offset_minutes, 420);
    auto wit = parse_timestamp("2024-07-01T00:10:00+09:00");
    EXPECT_EQ(period_key(period_of(wit->date, PeriodKind::semester)), "2024-S2");
    EXPECT_EQ(period_key(period_of(wit->date, PeriodKind::triwulan)), "2024-TW3");
    EXPECT_EQ(period_key(period_of(wit->date, PeriodKind::month)), "2024-07");
    EXPECT_EQ(period_key(period_of(wit->date, PeriodKind::year)), "2024");
    EXPECT_TRUE(parse_timestamp("2024-03-01T09:15Z"));
    EXPECT_TRUE(parse_timestamp("2024-03-01 09:15:00.123+0800"));
    EXPECT_FALSE(parse_timestamp("2024-03-01T09:15:00"));       // no offset
    EXPECT_FALSE(parse_timestamp("2024-02-30T09:15:00+07:00"));  // no such day
    EXPECT_FALSE(parse_timestamp("2024-03-01T24:00:00+07:00"));
    EXPECT_TRUE(parse_timestamp("2024-02-29T09:15:00+07:00"));
    EXPECT_FALSE(parse_timestamp("2023-02-29T09:15:00+07:00"));
}

TEST(Period, ParsesEveryReportPeriodForm) {
    auto s1 = parse_period("2024-S1");
    ASSERT_TRUE(s1);
    EXPECT_EQ(s1->first.str(), "2024-01-01");
    EXPECT_EQ(s1->last.str(), "2024-06-30");
    EXPECT_EQ(parse_period("2024-TW3")->last.str(), "2024-09-30");
    EXPECT_EQ(parse_period("2024-02")->last.str(), "2024-02-29");
    EXPECT_EQ(parse_period("2024")->last.str(), "2024-12-31");
    auto range = parse_period("2024-01-15..2024-03-10");
    ASSERT_TRUE(range);
    EXPECT_TRUE(range->contains({2024, 3, 10}));
    EXPECT_FALSE(range->contains({2024, 3, 11}));
    EXPECT_FALSE(parse_period("2024-S3"));
    EXPECT_FALSE(parse_period("2024-13"));
    EXPECT_FALSE(parse_period("2024-03-10..2024-01-15"));
}

// Golden day numbers from Python's datetime.date(...) - date(1970, 1, 1).
TEST(Calendar, DaysSinceEpochAcrossLeapYears) {
    const std::vector<std::pair<LocalDate, std::int64_t>> golden = {
        {{1970, 1, 1}, 0},       {{1969, 12, 31}, -1},   {{2000, 2, 29}, 11016},  {{2000, 3, 1}, 11017},
        {{2024, 2, 29}, 19782},  {{2024, 3, 1}, 19783},  {{2100, 2, 28}, 47540},  {{2100, 3, 1}, 47541},
        {{1, 1, 1}, -719162},    {{9999, 12, 31}, 2932896}};
    for (const auto& [date, days] : golden) {
        EXPECT_EQ(days_since_epoch(date), days) << date.str();
        EXPECT_EQ(date_from_days(days), date) << date.str();
    }
}

TEST(Calendar, UnixSecondsAndBackKeepTheOffset) {
    const Timestamp leap_night{{2024, 2, 29}, 23, 59, 59, -60};
    EXPECT_EQ(unix_seconds(leap_night), 1709254799);  // date -d 2024-03-01T00:59:59Z +%s
    EXPECT_EQ(iso8601(timestamp_at(1709254799, 420)), "2024-03-01T07:59:59+07:00");
    EXPECT_EQ(iso8601(timestamp_at(1709254799, -60)), "2024-02-29T23:59:59-01:00");
    EXPECT_EQ(iso8601(timestamp_at(-1, 0)), "1969-12-31T23:59:59+00:00");  // before the epoch: floor, not truncation
    EXPECT_EQ(iso8601(timestamp_at(0, -330)), "1969-12-31T18:30:00-05:30");
    EXPECT_EQ(unix_seconds({{2024, 12, 31}, 23, 59, 59, 540}), 1735657199);  // WIT new year's eve
}

TEST(Period, ThePreviousPeriodIsOfTheSameKindAcrossTheYearEnd) {
    EXPECT_EQ(period_key(previous_period(*parse_period_key("2025"))), "2024");
    EXPECT_EQ(period_key(previous_period(*parse_period_key("2025-S1"))), "2024-S2");
    EXPECT_EQ(period_key(previous_period(*parse_period_key("2025-S2"))), "2025-S1");
    EXPECT_EQ(period_key(previous_period(*parse_period_key("2025-TW1"))), "2024-TW4");
    EXPECT_EQ(period_key(previous_period(*parse_period_key("2025-TW3"))), "2025-TW2");
    EXPECT_EQ(period_key(previous_period(*parse_period_key("2025-01"))), "2024-12");
}

TEST(Calendar, PeriodsEndOnTheLastDayOfFebruary) {
    EXPECT_EQ(range_of({PeriodKind::month, 2024, 2}).last, (LocalDate{2024, 2, 29}));
    EXPECT_EQ(range_of({PeriodKind::month, 2023, 2}).last, (LocalDate{2023, 2, 28}));
    EXPECT_EQ(range_of({PeriodKind::month, 2100, 2}).last, (LocalDate{2100, 2, 28}));
    EXPECT_EQ(range_of({PeriodKind::month, 2000, 2}).last, (LocalDate{2000, 2, 29}));
    EXPECT_EQ(range_of({PeriodKind::triwulan, 2024, 1}).last, (LocalDate{2024, 3, 31}));
    EXPECT_EQ(range_of({PeriodKind::semester, 2024, 2}).first, (LocalDate{2024, 7, 1}));
    EXPECT_FALSE(valid_date(2100, 2, 29));
    EXPECT_TRUE(valid_date(2000, 2, 29));
}

// Boundaries of both tables on the konversi rounded half-up to 2 decimals.
TEST(MutuTable, ClassifiesAtEachPrintedLimit) {
    EXPECT_EQ(mutu_2017(q(2400, 100)), Mutu::D);  // below the table: still its lowest mutu
    EXPECT_EQ(mutu_2017(q(64994, 1000)), Mutu::D);
    EXPECT_EQ(mutu_2017(q(64995, 1000)), Mutu::C);  // rounds to 65.00
    EXPECT_EQ(mutu_2017(q(766049, 10000)), Mutu::C);
    EXPECT_EQ(mutu_2017(q(76605, 1000)), Mutu::B);
    EXPECT_EQ(mutu_2017(q(883049, 10000)), Mutu::B);
    EXPECT_EQ(mutu_2017(q(88305, 1000)), Mutu::A);
    EXPECT_EQ(mutu_2017(q(100, 1)), Mutu::A);
    EXPECT_EQ(mutu_2004(q(437549, 10000)), Mutu::D);
    EXPECT_EQ(mutu_2004(q(43755, 1000)), Mutu::C);
    EXPECT_EQ(mutu_2004(q(62505, 1000)), Mutu::B);
    EXPECT_EQ(mutu_2004(q(812549, 10000)), Mutu::B);
    EXPECT_EQ(mutu_2004(q(81255, 1000)), Mutu::A);
    // Each table runs from D up, every limit above the one before.
    for (const auto* table : {&kMutu2017, &kMutu2004}) {
        EXPECT_EQ(table->front().mutu, Mutu::D);
        EXPECT_EQ(table->back().mutu, Mutu::A);
        for (std::size_t i = 1; i < table->size(); ++i) EXPECT_LT((*table)[i - 1].lowest_hundredths, (*table)[i].lowest_hundredths);
    }
}

TEST(GroupedTally, PeriodsComeOutChronologically) {
    GroupedTally grouped(1, GroupBy::month);
    const std::vector<std::uint8_t> a = {3};
    grouped.add("x", {2024, 11, 1}, a);
    grouped.add("x", {2024, 2, 1}, a);
    grouped.add("x", {2023, 12, 31}, a);
    auto groups = grouped.groups();
    ASSERT_EQ(groups.size(), 3u);
    EXPECT_EQ(groups[0].key, "2023-12");
    EXPECT_EQ(groups[1].key, "2024-02");
    EXPECT_EQ(groups[2].key, "2024-11");
}

TEST(Interval, NeedsTwoRespondentsAndHonoursThePopulation) {
    Tally t(1);
    const std::vector<std::uint8_t> three = {3};
    const std::vector<std::uint8_t> four = {4};
    t.add(three);
    EXPECT_FALSE(ci95(t, 75));
    t.add(four);
    t.add(three);
    t.add(four);
    // Own scores 75, 100, 75, 100: s = 14.4338, n = 4, half = 1.96·s/2 = 14.1451.
    auto open = ci95(t, mpq_class(175, 2));
    ASSERT_TRUE(open);
    EXPECT_EQ(open->low.str(), "73.35");
    EXPECT_EQ(open->high.str(), "100.00");  // 101.65 clamped to the scale
    // Population 5: correction √((5−4)/(5−1)) = 0.5 → half 7.07.
    auto corrected = ci95(t, mpq_class(175, 2), 5);
    ASSERT_TRUE(corrected);
    EXPECT_EQ(corrected->low.str(), "80.43");
    EXPECT_EQ(corrected->high.str(), "94.57");
    // Census: the interval collapses to the value.
    auto census = ci95(t, mpq_class(175, 2), 4);
    EXPECT_EQ(census->low.str(), "87.50");
    EXPECT_EQ(census->high.str(), "87.50");
}

TEST(Legacy, WeightsBelowOneNeverReachOneHundred) {
    EXPECT_EQ(legacy_maximum(q(111, 1000), 9).str(), "99.90");
    EXPECT_EQ(legacy_maximum(q(11, 100), 9).str(), "99.00");
    EXPECT_EQ(legacy_maximum(mpq_class(1, 9), 9).str(), "100.00");
}

TEST(Sample, ProgressTowardTheNeededRespondents) {
    EXPECT_EQ(krejcie_morgan(0), 0u);
    EXPECT_EQ(krejcie_morgan(1899), 320u);
    auto progress = sample_progress(1899, 160);
    EXPECT_EQ(progress.needed, 320u);
    EXPECT_EQ(progress.missing(), 160u);
    EXPECT_EQ(progress.percent(), 50u);
    EXPECT_FALSE(progress.reached());
    EXPECT_TRUE(sample_progress(1899, 400).reached());
    EXPECT_EQ(sample_progress(1899, 319).percent(), 99u);
}

}  // namespace
}  // namespace skm::scoring
