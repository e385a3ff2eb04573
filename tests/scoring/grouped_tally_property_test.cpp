// Property tests for the fast paths of Tally::add (nine unsur, checked a word
// at a time) and GroupedTally (hashed layanan index, cached period, total
// made from the groups): on random data they give exactly the tallies of the
// plain way, a map from group key to a Tally, and bad answers change nothing.
#include "scoring/grouped_tally.hpp"
#include "own_score_reference.hpp"
#include "scoring/tally.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace skm::scoring {
namespace {

using Answers = std::vector<std::uint8_t>;

Answers random_answers(std::mt19937_64& rng, std::size_t unsur) {
    Answers a(unsur);
    for (auto& x : a) x = static_cast<std::uint8_t>(rng() % 5);
    return a;
}

// Names that share lengths, first and last bytes, or everything but one byte
// in the middle; short, empty and long ones; bytes of any value.
std::vector<std::string> tricky_names(std::mt19937_64& rng, std::size_t count) {
    std::vector<std::string> names = {"", "A", "AB", "ABC", "ABCD", "KTP-el", "KTP-eL", "Kartu Keluarga",
                                      "Akta/Surat Keterangan", "Surat Pindah/Domisili", std::string("K\0P", 3),
                                      std::string(24, 'x'), std::string(25, 'x'), std::string(40, 'x')};
    for (std::size_t length : {7u, 8u, 9u, 15u, 16u, 17u, 23u, 24u, 25u, 33u}) {
        for (int variant = 0; variant < 3; ++variant) {
            std::string name(length, 'n');
            name[length / 2] = static_cast<char>('a' + variant);  // differ only in the middle
            names.push_back(name);
        }
    }
    while (names.size() < count) {
        std::string name(rng() % 30, ' ');
        for (auto& c : name) c = static_cast<char>(rng() % 4 == 0 ? rng() % 256 : 'a' + rng() % 3);
        names.push_back(name);
    }
    return names;
}

LocalDate random_date(std::mt19937_64& rng) {
    return {2023 + static_cast<int>(rng() % 3), 1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28)};
}

TEST(TallyProperty, NineUnsurCountLikeBruteForce) {
    std::mt19937_64 rng(99);
    Tally tally(9);
    std::vector<Answers> all;
    for (int i = 0; i < 5000; ++i) {
        all.push_back(random_answers(rng, 9));
        tally.add(all.back());
    }
    EXPECT_EQ(tally.respondents(), all.size());
    for (std::size_t u = 0; u < 9; ++u) {
        for (std::uint8_t v = 0; v <= 4; ++v) {
            std::uint64_t expected = 0;
            for (const auto& a : all) expected += a[u] == v;
            EXPECT_EQ(tally.unsur(u).count[v], expected) << "unsur " << u << " value " << int(v);
        }
    }
    for (std::size_t k = 0; k <= 9; ++k) {
        for (std::size_t s = k; s <= 4 * k; ++s) {
            std::uint64_t expected = 0;
            for (const auto& a : all) expected += reference::answered_and_sum(a) == std::pair(k, s);
            EXPECT_EQ(tally.own_score_count(k, s), expected) << k << " answered, sum " << s;
        }
    }
}

TEST(TallyProperty, BadAnswersThrowAndChangeNothing) {
    std::mt19937_64 rng(5);
    for (std::size_t unsur : {1u, 8u, 9u, 10u, 17u}) {
        Tally tally(unsur);
        for (int i = 0; i < 50; ++i) tally.add(random_answers(rng, unsur));
        const Tally before = tally;
        for (std::size_t at = 0; at < unsur; ++at) {
            for (int bad : {5, 9, 0x7F, 0x80, 0xFB, 0xFF}) {
                Answers a = random_answers(rng, unsur);
                a[at] = static_cast<std::uint8_t>(bad);
                EXPECT_THROW(tally.add(a), std::logic_error);
            }
        }
        EXPECT_THROW(tally.add(Answers(unsur + 1, 1)), std::logic_error);
        EXPECT_THROW(tally.add(Answers(unsur - 1, 1)), std::logic_error);
        Answers bad = random_answers(rng, unsur);
        bad[rng() % unsur] = 5;
        EXPECT_THROW(tally.remove(bad), std::logic_error);
        EXPECT_THROW(tally.remove(Answers(unsur + 1, 1)), std::logic_error);
        EXPECT_EQ(tally, before);
    }
}

TEST(TallyProperty, NineUnsurRemoveUndoesAddAndRefusesWhatIsNotThere) {
    std::mt19937_64 rng(77);
    Tally tally(9);
    std::vector<Answers> held;
    for (int step = 0; step < 4000; ++step) {
        if (held.empty() || rng() % 3 != 0) {
            held.push_back(random_answers(rng, 9));
            tally.add(held.back());
        } else {
            const std::size_t i = rng() % held.size();
            tally.remove(held[i]);
            held.erase(held.begin() + static_cast<std::ptrdiff_t>(i));
        }
    }
    Tally rebuilt(9);
    for (const auto& a : held) rebuilt.add(a);
    EXPECT_EQ(tally, rebuilt);
    // Answers that were never added (a 1 where only 4s were).
    Tally small(9);
    small.add(Answers(9, 4));
    const Tally before = small;
    Answers absent(9, 4);
    absent[rng() % 9] = 1;
    EXPECT_THROW(small.remove(absent), std::logic_error);
    EXPECT_EQ(small, before);
    small.remove(Answers(9, 4));
    EXPECT_EQ(small, Tally(9));
    EXPECT_THROW(small.remove(Answers(9, 4)), std::logic_error);
}

// The plain way: a map per group key, every response added to its group and the total.
struct Plain {
    explicit Plain(std::size_t unsur) : total(unsur) {}
    Tally total;
    std::map<std::string, Tally> by_layanan;
    std::map<PeriodId, Tally> by_period;
    std::map<PeriodId, Tally> semesters;
};

PeriodKind kind_of(GroupBy by) {
    switch (by) {
        case GroupBy::month: return PeriodKind::month;
        case GroupBy::triwulan: return PeriodKind::triwulan;
        case GroupBy::semester: return PeriodKind::semester;
        default: return PeriodKind::year;
    }
}

void expect_same(const GroupedTally& grouped, const Plain& plain, GroupBy by, std::size_t unsur) {
    EXPECT_EQ(grouped.total(), plain.total);
    const auto groups = grouped.groups();
    if (by == GroupBy::none) {
        EXPECT_TRUE(groups.empty());
        return;
    }
    if (by == GroupBy::layanan) {
        ASSERT_EQ(groups.size(), plain.by_layanan.size());
        auto it = plain.by_layanan.begin();
        for (const auto& group : groups) {
            EXPECT_EQ(group.key, it->first);
            EXPECT_EQ(group.tally, it->second) << group.key;
            ++it;
        }
        return;
    }
    ASSERT_EQ(groups.size(), plain.by_period.size());
    auto it = plain.by_period.begin();
    for (const auto& group : groups) {
        EXPECT_EQ(group.key, period_key(it->first));
        EXPECT_EQ(group.tally, it->second) << group.key;
        if (by == GroupBy::year) {
            std::vector<Tally> semesters;
            for (int s = 1; s <= 2; ++s) {
                auto found = plain.semesters.find(PeriodId{PeriodKind::semester, it->first.year, s});
                if (found != plain.semesters.end()) semesters.push_back(found->second);
            }
            EXPECT_EQ(group.semesters, semesters) << group.key;
        }
        ++it;
    }
    (void)unsur;
}

TEST(GroupedTallyProperty, GroupsAndTotalEqualThePlainWay) {
    std::mt19937_64 rng(2024);
    for (int round = 0; round < 60; ++round) {
        const std::size_t unsur = round % 3 == 0 ? 1 + rng() % 12 : 9;
        const auto names = tricky_names(rng, round % 4 == 0 ? 400 : 40);
        for (GroupBy by : {GroupBy::none, GroupBy::layanan, GroupBy::month, GroupBy::triwulan, GroupBy::semester,
                           GroupBy::year}) {
            GroupedTally grouped(unsur, by);
            Plain plain(unsur);
            std::string buffer;  // reused: the grouped tally must keep its own copy of each name
            LocalDate date = random_date(rng);
            const std::size_t count = 1 + rng() % 3000;
            for (std::size_t i = 0; i < count; ++i) {
                const Answers a = random_answers(rng, unsur);
                buffer = names[rng() % names.size()];
                if (rng() % 8 == 0) date = random_date(rng);  // mostly runs of the same period
                grouped.add(buffer, date, a);
                const std::string name = buffer;
                buffer.assign(buffer.size(), '#');
                plain.total.add(a);
                if (by == GroupBy::layanan) plain.by_layanan.try_emplace(name, unsur).first->second.add(a);
                if (by != GroupBy::none && by != GroupBy::layanan) {
                    plain.by_period.try_emplace(period_of(date, kind_of(by)), unsur).first->second.add(a);
                }
                if (by == GroupBy::year) {
                    plain.semesters.try_emplace(period_of(date, PeriodKind::semester), unsur).first->second.add(a);
                }
            }
            expect_same(grouped, plain, by, unsur);
            if (HasFailure()) {
                ADD_FAILURE() << "round " << round << " by " << static_cast<int>(by);
                return;
            }
        }
    }
}

// Names longer than 24 bytes are looked up by a summary of their words and
// then compared in full. Two such names made to have the same summary (for
// grouped_tally.cpp's mixing: (c0 * K) ^ c1 equal for their first two words)
// must still be two groups.
TEST(GroupedTallyProperty, LongNamesWithTheSameSummaryStayApart) {
    constexpr std::uint64_t K = 0xFF51AFD7ED558CCDULL;
    auto word = [](const std::string& s, std::size_t at) {
        std::uint64_t w = 0;
        for (std::size_t i = 0; i < 8; ++i) w |= std::uint64_t{static_cast<unsigned char>(s[at + i])} << (8 * i);
        return w;
    };
    auto put = [](std::string& s, std::size_t at, std::uint64_t w) {
        for (std::size_t i = 0; i < 8; ++i) s[at + i] = static_cast<char>((w >> (8 * i)) & 0xFF);
    };
    std::string first = "Pelayanan Terpadu Satu Pi";  // 25 bytes
    std::string second = first;
    put(second, 0, word(first, 0) + 1);
    put(second, 8, (word(first, 0) * K) ^ word(first, 8) ^ ((word(first, 0) + 1) * K));
    ASSERT_NE(first, second);
    ASSERT_EQ((word(first, 0) * K) ^ word(first, 8), (word(second, 0) * K) ^ word(second, 8));
    GroupedTally grouped(9, GroupBy::layanan);
    grouped.add(first, {2024, 1, 1}, Answers(9, 4));
    grouped.add(second, {2024, 1, 1}, Answers(9, 1));
    grouped.add(first, {2024, 1, 1}, Answers(9, 4));
    const auto groups = grouped.groups();
    ASSERT_EQ(groups.size(), 2u);
    for (const auto& group : groups) {
        EXPECT_EQ(group.tally.respondents(), group.key == first ? 2u : 1u);
        EXPECT_EQ(group.tally.unsur(0).count[4], group.key == first ? 2u : 0u);
    }
}

// A copy goes its own way: adding to it (or to the original) changes only
// that one, whatever the grouping remembers about the last group it added to.
TEST(GroupedTallyProperty, CopiesAreIndependent) {
    std::mt19937_64 rng(8);
    for (GroupBy by : {GroupBy::none, GroupBy::layanan, GroupBy::month, GroupBy::triwulan, GroupBy::semester,
                       GroupBy::year}) {
        GroupedTally original(9, by);
        const LocalDate date{2024, 5, 17};
        for (int i = 0; i < 10; ++i) original.add("KTP-el", date, random_answers(rng, 9));
        const auto before = original.groups();
        const Tally total_before = original.total();

        GroupedTally copy = original;
        GroupedTally assigned(9, by);
        assigned = original;
        for (GroupedTally* g : {&copy, &assigned}) {
            for (int i = 0; i < 5; ++i) g->add("KTP-el", date, Answers(9, 4));
            EXPECT_EQ(g->total().respondents(), 15u);
        }
        EXPECT_EQ(original.total(), total_before);
        const auto after = original.groups();
        ASSERT_EQ(after.size(), before.size());
        for (std::size_t i = 0; i < after.size(); ++i) EXPECT_EQ(after[i].tally, before[i].tally);
        original.add("KTP-el", date, Answers(9, 1));
        EXPECT_EQ(original.total().respondents(), 11u);
        EXPECT_EQ(copy.total().respondents(), 15u);
    }
}

TEST(GroupedTallyProperty, BadAnswersThrowAndLeaveNoTrace) {
    std::mt19937_64 rng(3);
    for (GroupBy by : {GroupBy::none, GroupBy::layanan, GroupBy::month, GroupBy::year}) {
        GroupedTally grouped(9, by);
        Plain plain(9);
        const LocalDate known{2024, 3, 1};
        grouped.add("KTP-el", known, Answers(9, 4));
        plain.total.add(Answers(9, 4));
        plain.by_layanan.try_emplace("KTP-el", 9).first->second.add(Answers(9, 4));
        if (by != GroupBy::none && by != GroupBy::layanan) {
            plain.by_period.try_emplace(period_of(known, kind_of(by)), 9).first->second.add(Answers(9, 4));
        }
        if (by == GroupBy::year) {
            plain.semesters.try_emplace(period_of(known, PeriodKind::semester), 9).first->second.add(Answers(9, 4));
        }
        if (by != GroupBy::layanan) plain.by_layanan.clear();
        // A known group and a new one (new layanan, new month, new year).
        for (const auto& [name, date] : {std::pair<std::string, LocalDate>{"KTP-el", known}, {"Baru", {2025, 8, 9}}}) {
            Answers bad = random_answers(rng, 9);
            bad[rng() % 9] = 7;
            EXPECT_THROW(grouped.add(name, date, bad), std::logic_error);
            EXPECT_THROW(grouped.add(name, date, Answers(8, 1)), std::logic_error);
        }
        expect_same(grouped, plain, by, 9);
    }
}

}  // namespace
}  // namespace skm::scoring
