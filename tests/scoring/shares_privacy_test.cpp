// Largest-remainder percentages, thousands grouping, and the min-n rule's
// group suppression and month truncation. Expected values worked out by hand.
#include "scoring/privacy.hpp"
#include "scoring/shares.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace skm::scoring {
namespace {

std::vector<std::string> texts(const std::vector<Decimal>& shares) {
    std::vector<std::string> out;
    for (const auto& s : shares) out.push_back(s.str(','));
    return out;
}

TEST(PercentShares, TheCaseHalfUpPrintsAs10001AddsUpTo100) {
    // 1/7, 3/7, 3/7 = 14,2857… 42,8571… 42,8571…: half-up gives 14,29 + 42,86 + 42,86 = 100,01.
    // Floors 14,28 + 42,85 + 42,85 = 99,98; remainders ,57 ,71 ,71 (×0,01): the two 3/7 rows get the two hundredths.
    EXPECT_EQ(texts(percent_shares({1, 3, 3})), (std::vector<std::string>{"14,28", "42,86", "42,86"}));
}

TEST(PercentShares, ThirdsAndEqualRemaindersFavourTheEarlierRow) {
    // 33,333… each: floors 99,99, one hundredth left, equal remainders and counts: the first row.
    EXPECT_EQ(texts(percent_shares({1, 1, 1})), (std::vector<std::string>{"33,34", "33,33", "33,33"}));
    // Sixths: 16,666…; half-up would print 16,67 × 6 = 100,02. Floors 99,96: four rows get one.
    EXPECT_EQ(texts(percent_shares({1, 1, 1, 1, 1, 1})),
              (std::vector<std::string>{"16,67", "16,67", "16,67", "16,67", "16,66", "16,66"}));
}

TEST(PercentShares, ExactSharesZerosAndNothing) {
    EXPECT_EQ(texts(percent_shares({1, 0, 3})), (std::vector<std::string>{"25,00", "0,00", "75,00"}));
    EXPECT_EQ(texts(percent_shares({5})), (std::vector<std::string>{"100,00"}));
    EXPECT_TRUE(percent_shares({0, 0}).empty());
    EXPECT_TRUE(percent_shares({}).empty());
    EXPECT_EQ(texts(percent_shares({2, 1}, 0)), (std::vector<std::string>{"67", "33"}));
}

TEST(PercentShares, AlwaysExactlyOneHundred) {
    for (std::uint64_t a = 0; a < 14; ++a) {
        for (std::uint64_t b = 0; b < 14; ++b) {
            for (std::uint64_t c = 1; c < 14; ++c) {
                mpz_class sum = 0;
                for (const auto& s : percent_shares({a, b, c, 7})) sum += s.units;
                EXPECT_EQ(sum, 10000) << a << " " << b << " " << c;
            }
        }
    }
}

TEST(GroupThousands, IndonesianAndEnglishMarks) {
    EXPECT_EQ(group_thousands(1899, '.'), "1.899");
    EXPECT_EQ(group_thousands(1899, ','), "1,899");
    EXPECT_EQ(group_thousands(999, '.'), "999");
    EXPECT_EQ(group_thousands(0, '.'), "0");
    EXPECT_EQ(group_thousands(1000000, '.'), "1.000.000");
    EXPECT_EQ(group_thousands(123456789, ','), "123,456,789");
}

TEST(PrivacyRule, HiddenGroupsPrimaryAndSecondary) {
    // One group under 5: it and the smallest other group with data are hidden.
    EXPECT_EQ(hidden_groups({1, 98, 40}, 5), (std::vector<bool>{true, false, true}));
    // Two under 5: they hide each other; empty groups give nothing away.
    EXPECT_EQ(hidden_groups({1, 98, 3, 0}, 5), (std::vector<bool>{true, false, true, false}));
    // None under 5, or only empty ones: nothing hidden.
    EXPECT_EQ(hidden_groups({5, 0, 7}, 5), (std::vector<bool>{false, false, false}));
    // The only group with data is under min-n: nothing else to hide.
    EXPECT_EQ(hidden_groups({2, 0}, 5), (std::vector<bool>{true, false}));
    EXPECT_TRUE(enough_for_figures(5, 5));
    EXPECT_FALSE(enough_for_figures(4, 5));
}

TEST(PrivacyRule, SaranDatesAreCutToTheMonth) {
    const PeriodId month = publishable_month(LocalDate{2024, 3, 17});
    EXPECT_EQ(month.kind, PeriodKind::month);
    EXPECT_EQ(month.year, 2024);
    EXPECT_EQ(month.index, 3);
}

}  // namespace
}  // namespace skm::scoring
