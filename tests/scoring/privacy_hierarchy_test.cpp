// The min-n rule over a two-level table with its totals (the hub's public
// page: kabupaten → kecamatan → layanan). Expected cells worked out by hand;
// the last test checks, by brute force and without the rule's own code, that
// no published total less the figures shown beside it gives back one hidden
// group's respondents.
#include "scoring/privacy.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace skm::scoring {
namespace {

using Counts = std::vector<std::vector<std::uint64_t>>;
using Hidden = std::vector<bool>;

TEST(PrivacyHierarchy, NothingSmallNothingHidden) {
    // Kecamatan totals 20 and 11, kabupaten 31: everything at or over 5.
    const auto h = hidden_in_hierarchy(Counts{{12, 8}, {5, 6}}, 5);
    EXPECT_FALSE(h.whole);
    EXPECT_EQ(h.parts, (Hidden{false, false}));
    EXPECT_EQ(h.groups, (std::vector<Hidden>{{false, false}, {false, false}}));
}

TEST(PrivacyHierarchy, ASmallLayananTakesTheSmallestOtherWithItSoTheKecamatanTotalStays) {
    // Kecamatan A: layanan 3 (under 5) beside 10 and 12. Shown alone, the
    // total 25 less 10 and 12 would be the 3: the 10 is hidden too, and
    // 25 − 12 = 13 is two layanan together. Kecamatan B is untouched.
    const auto h = hidden_in_hierarchy(Counts{{3, 10, 12}, {30}}, 5);
    EXPECT_EQ(h.groups[0], (Hidden{true, true, false}));
    EXPECT_EQ(h.parts, (Hidden{false, false}));
    EXPECT_EQ(h.groups[1], (Hidden{false}));
    EXPECT_FALSE(h.whole);
}

TEST(PrivacyHierarchy, ASmallKecamatanHidesAnotherKecamatanTotalAndAllItsLayanan) {
    // Kecamatan totals 4, 30, 40 (kabupaten 74). The 4 is under min-n; the
    // kabupaten less 30 and 40 would give it back, so the smallest other
    // kecamatan total (30) is suppressed as well: 74 − 40 = 34 is two
    // kecamatan together. The 30's layanan (20 + 10) would add up to its
    // total: all hidden. The kabupaten figure stays.
    const auto h = hidden_in_hierarchy(Counts{{4}, {20, 10}, {25, 15}}, 5);
    EXPECT_EQ(h.parts, (Hidden{true, true, false}));
    EXPECT_EQ(h.groups, (std::vector<Hidden>{{true}, {true, true}, {false, false}}));
    EXPECT_FALSE(h.whole);
}

TEST(PrivacyHierarchy, AKecamatanWhoseLayananAreAllSmallStillShowsItsTotal) {
    // Layanan 3 and 4 (both under 5) make a kecamatan of 7: its total shows,
    // and 7 is only ever the two together.
    const auto h = hidden_in_hierarchy(Counts{{3, 4}, {9}}, 5);
    EXPECT_EQ(h.groups[0], (Hidden{true, true}));
    EXPECT_EQ(h.parts, (Hidden{false, false}));
    EXPECT_FALSE(h.whole);
}

TEST(PrivacyHierarchy, AWholeUnderMinNShowsNothing) {
    // Kabupaten of 4: the kecamatan 1 and 3 and the whole are all hidden.
    const auto h = hidden_in_hierarchy(Counts{{1}, {2, 1}}, 5);
    EXPECT_TRUE(h.whole);
    EXPECT_EQ(h.parts, (Hidden{true, true}));
    EXPECT_EQ(h.groups, (std::vector<Hidden>{{true}, {true, true}}));
}

TEST(PrivacyHierarchy, EmptyGroupsAndEmptyTablesGiveNothingAway) {
    // A layanan without respondents is neither hidden nor a partner.
    const auto h = hidden_in_hierarchy(Counts{{0, 6, 2, 9}}, 5);
    EXPECT_EQ(h.groups[0], (Hidden{false, true, true, false}));
    EXPECT_EQ(h.parts, (Hidden{false}));
    const auto none = hidden_in_hierarchy(Counts{}, 5);
    EXPECT_TRUE(none.whole);  // no respondents: no figure
    EXPECT_TRUE(none.parts.empty());
}

// A sum of members with respondents in which exactly one is hidden gives
// that one back by subtraction.
bool gives_one_back(const std::vector<std::uint64_t>& counts, const Hidden& hidden) {
    int hidden_with_data = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) hidden_with_data += hidden[i] && counts[i] > 0;
    return hidden_with_data == 1;
}

TEST(PrivacyHierarchy, NoShownTotalLessItsShownMembersIsOneHiddenMember) {
    std::mt19937 random(20251202);
    std::uniform_int_distribution<int> parts_of(1, 5), groups_of(1, 4), count_of(0, 14);
    for (int round = 0; round < 5000; ++round) {
        Counts counts(static_cast<std::size_t>(parts_of(random)));
        for (auto& groups : counts) {
            groups.resize(static_cast<std::size_t>(groups_of(random)));
            for (auto& n : groups) n = static_cast<std::uint64_t>(count_of(random));
        }
        const auto h = hidden_in_hierarchy(counts, 5);
        std::vector<std::uint64_t> part_totals;
        std::uint64_t whole = 0;
        for (std::size_t p = 0; p < counts.size(); ++p) {
            std::uint64_t sum = 0;
            for (std::size_t g = 0; g < counts[p].size(); ++g) {
                sum += counts[p][g];
                // A figure shown is never under min-n.
                if (!h.groups[p][g] && counts[p][g] > 0) {
                    EXPECT_GE(counts[p][g], 5u);
                }
            }
            part_totals.push_back(sum);
            whole += sum;
            if (h.parts[p]) {
                for (const bool hidden : h.groups[p]) EXPECT_TRUE(hidden) << "round " << round;
            } else {
                EXPECT_TRUE(sum == 0 || sum >= 5);
                EXPECT_FALSE(gives_one_back(counts[p], h.groups[p])) << "round " << round << " part " << p;
            }
        }
        if (!h.whole) {
            EXPECT_GE(whole, 5u);
            EXPECT_FALSE(gives_one_back(part_totals, h.parts)) << "round " << round;
        }
    }
}

}  // namespace
}  // namespace skm::scoring
