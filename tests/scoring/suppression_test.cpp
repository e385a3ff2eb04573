// scoring/suppression: no hidden group comes back by subtracting the shown
// ones from their parent. Checked on hand-made tables, and on every table of
// small sizes: whatever is hidden is either nothing or at least min-n together.
#include "scoring/suppression.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

namespace skm::scoring {
namespace {

using Choice = SecondaryChoice;

std::vector<bool> shown(std::initializer_list<int> flags) {
    std::vector<bool> out;
    for (const int f : flags) out.push_back(f != 0);
    return out;
}

TEST(Suppression, OneSmallLayananHidesTheNextSmallestToo) {
    const std::vector<std::uint64_t> layanan = {40, 3, 12, 9};
    const auto s = suppress(64, layanan, 5, Choice::smallest_children);
    EXPECT_TRUE(s.parent_shown);
    EXPECT_EQ(s.child_shown, shown({1, 0, 1, 0}));  // 3 and then 9: 12 together
}

TEST(Suppression, TwoSmallOnesTooFewTogetherHideMore) {
    const std::vector<std::uint64_t> layanan = {30, 2, 2, 6, 7};
    const auto s = suppress(47, layanan, 5, Choice::smallest_children);
    EXPECT_TRUE(s.parent_shown);
    EXPECT_EQ(s.child_shown, shown({1, 0, 0, 0, 1}));  // 2 + 2 = 4 < 5: the 6 goes too
}

TEST(Suppression, HiddenOnesEnoughTogetherHideNothingMore) {
    const std::vector<std::uint64_t> layanan = {30, 3, 4};
    const auto s = suppress(37, layanan, 5, Choice::smallest_children);
    EXPECT_TRUE(s.parent_shown);
    EXPECT_EQ(s.child_shown, shown({1, 0, 0}));
}

TEST(Suppression, AKecamatanUnderMinNHidesTheKabupatenFigure) {
    const std::vector<std::uint64_t> kecamatan = {120, 80, 4};
    const auto s = suppress(204, kecamatan, 5, Choice::parent);
    EXPECT_FALSE(s.parent_shown);
    EXPECT_EQ(s.child_shown, shown({1, 1, 0}));
    // Two small kecamatan with min-n together: the kabupaten stays.
    const std::vector<std::uint64_t> two = {120, 3, 4};
    EXPECT_TRUE(suppress(127, two, 5, Choice::parent).parent_shown);
}

TEST(Suppression, EmptyGroupsHideNothingAndASmallParentHidesAll) {
    const std::vector<std::uint64_t> with_empty = {10, 0, 20};
    const auto s = suppress(30, with_empty, 5, Choice::smallest_children);
    EXPECT_TRUE(s.parent_shown);
    EXPECT_EQ(s.child_shown, shown({1, 0, 1}));
    const std::vector<std::uint64_t> small = {2, 1};
    const auto all = suppress(3, small, 5, Choice::smallest_children);
    EXPECT_FALSE(all.parent_shown);
    EXPECT_EQ(all.child_shown, shown({0, 0}));
}

// Every table of up to four children of 0..7 respondents, min-n 2..5, both
// choices: parent − shown children (what a reader can compute) is 0 or ≥ min-n
// whenever the parent is shown, and nothing at or above min-n is hidden unless
// a small group needs the cover.
TEST(Suppression, NoHiddenGroupComesBackBySubtraction) {
    for (std::uint64_t min_n = 2; min_n <= 5; ++min_n) {
        for (int code = 0; code < 8 * 8 * 8 * 8; ++code) {
            std::vector<std::uint64_t> children;
            for (int c = code, k = 0; k < 4; ++k, c /= 8) children.push_back(static_cast<std::uint64_t>(c % 8));
            const std::uint64_t parent = std::accumulate(children.begin(), children.end(), std::uint64_t{0});
            for (const Choice choice : {Choice::smallest_children, Choice::parent}) {
                const auto s = suppress(parent, children, min_n, choice);
                const bool any_small = std::any_of(children.begin(), children.end(),
                                                   [&](std::uint64_t n) { return n > 0 && n < min_n; });
                std::uint64_t hidden = 0;
                for (std::size_t i = 0; i < children.size(); ++i) {
                    if (!s.child_shown[i]) hidden += children[i];
                    if (children[i] < min_n) {
                        EXPECT_FALSE(s.child_shown[i]);
                    }
                    // A group big enough is hidden only to cover a small one.
                    if (children[i] >= min_n && !any_small) {
                        EXPECT_TRUE(s.child_shown[i]) << code;
                    }
                }
                if (s.parent_shown) {
                    EXPECT_TRUE(hidden == 0 || hidden >= min_n) << code << " min_n " << min_n;
                    EXPECT_GE(parent, min_n);
                }
                if (!any_small && parent >= min_n) {
                    EXPECT_TRUE(s.parent_shown) << code;
                }
            }
        }
    }
}

}  // namespace
}  // namespace skm::scoring
