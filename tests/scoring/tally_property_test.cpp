// Property tests: on random data sets, tallies built incrementally, by merge,
// with removals, and from scratch agree with each other and with a
// brute-force reference that works on the raw answers.
#include "scoring/ikm.hpp"
#include "scoring/interval.hpp"
#include "own_score_reference.hpp"
#include "scoring/tally.hpp"

#include <gtest/gtest.h>

#include <random>

namespace skm::scoring {
namespace {

using Answers = std::vector<std::uint8_t>;

std::vector<Answers> random_responses(std::mt19937_64& rng, std::size_t count, std::size_t unsur) {
    std::uniform_int_distribution<int> answer(1, 4);
    std::bernoulli_distribution skip(0.08);
    std::vector<Answers> responses(count, Answers(unsur));
    for (auto& r : responses) {
        for (auto& a : r) a = skip(rng) ? 0 : static_cast<std::uint8_t>(answer(rng));
    }
    return responses;
}

Tally from_scratch(const std::vector<Answers>& responses, std::size_t unsur) {
    Tally t(unsur);
    for (const auto& r : responses) t.add(r);
    return t;
}

// Reference: NRR straight from the raw answers, weights 1/unsur.
std::optional<mpq_class> brute_force_konversi(const std::vector<Answers>& responses, std::size_t unsur) {
    mpq_class total = 0;
    for (std::size_t i = 0; i < unsur; ++i) {
        long sum = 0;
        long answered = 0;
        for (const auto& r : responses) {
            if (r[i] != 0) {
                sum += r[i];
                ++answered;
            }
        }
        if (answered == 0) return std::nullopt;
        mpq_class nrr(sum, answered);
        nrr.canonicalize();
        total += nrr / static_cast<unsigned long>(unsur);
    }
    return total * 25;
}

ScoringScheme equal_weights(std::size_t unsur) {
    std::vector<UnsurWeight> items;
    for (std::size_t i = 0; i < unsur; ++i) items.push_back({"u" + std::to_string(i), mpq_class(1, static_cast<unsigned long>(unsur))});
    return ScoringScheme::make(items);
}

TEST(TallyProperty, IncrementalMergeAndScratchAgreeWithBruteForce) {
    std::mt19937_64 rng(12345);
    for (int round = 0; round < 60; ++round) {
        const std::size_t unsur = 1 + rng() % 12;
        const std::size_t count = rng() % 400;
        const auto responses = random_responses(rng, count, unsur);

        // Built in random-size chunks, then merged.
        Tally merged(unsur);
        std::size_t start = 0;
        while (start < responses.size()) {
            const std::size_t end = std::min(responses.size(), start + 1 + rng() % 50);
            Tally chunk(unsur);
            for (std::size_t i = start; i < end; ++i) chunk.add(responses[i]);
            merged.merge(chunk);
            start = end;
        }
        // Built with extra responses added and then removed again.
        Tally churned(unsur);
        const auto extra = random_responses(rng, 30, unsur);
        for (const auto& r : extra) churned.add(r);
        for (const auto& r : responses) churned.add(r);
        for (const auto& r : extra) churned.remove(r);

        const Tally scratch = from_scratch(responses, unsur);
        ASSERT_EQ(merged, scratch) << "round " << round;
        ASSERT_EQ(churned, scratch) << "round " << round;
        ASSERT_EQ(scratch.respondents(), count);

        const IkmScore result = score(scratch, equal_weights(unsur));
        const auto reference = brute_force_konversi(responses, unsur);
        ASSERT_EQ(result.konversi.has_value(), reference.has_value()) << "round " << round;
        if (reference) {
            EXPECT_EQ(*result.konversi, *reference) << "round " << round;
        }
    }
}

TEST(TallyProperty, OwnScoreBinsMatchEachRespondent) {
    std::mt19937_64 rng(99);
    const auto responses = random_responses(rng, 500, 9);
    const Tally t = from_scratch(responses, 9);
    std::map<std::pair<std::size_t, std::size_t>, std::uint64_t> expected;
    for (const auto& r : responses) ++expected[reference::answered_and_sum(r)];
    for (std::size_t k = 0; k <= 9; ++k) {
        for (std::size_t s = k; s <= 4 * k; ++s) {
            const auto it = expected.find({k, s});
            EXPECT_EQ(t.own_score_count(k, s), it == expected.end() ? 0 : it->second) << k << "," << s;
        }
    }
}

TEST(Tally, RemovingWhatWasNeverAddedThrowsAndChangesNothing) {
    Tally t(3);
    const Answers a = {1, 2, 3};
    const Answers b = {4, 4, 4};
    t.add(a);
    const Tally before = t;
    EXPECT_THROW(t.remove(b), std::logic_error);
    EXPECT_EQ(t, before);
    EXPECT_THROW(t.add(Answers{1, 2}), std::logic_error);
    EXPECT_THROW(t.add(Answers{1, 2, 5}), std::logic_error);
    EXPECT_EQ(t, before);
    t.remove(a);
    EXPECT_EQ(t, Tally(3));
}

TEST(Tally, DenominatorsOutgrow128Bits) {
    // Answer counts chosen so the nine NRR denominators are distinct large
    // primes: their common denominator needs more than 128 bits.
    const std::uint64_t answered[] = {1000003, 1000033, 1000037, 1000039, 1000081, 1000099, 1000117, 1000121, 1000133};
    Tally t(9);
    Answers full(9, 3);
    // One respondent who answered only unsur i with a 4, repeated as needed, is
    // too slow to add one by one a million times; merge doubling chunks instead.
    for (std::size_t i = 0; i < 9; ++i) {
        Answers single(9, 0);
        single[i] = 4;
        Tally one(9);
        one.add(single);
        Tally chunk(9);
        std::uint64_t remaining = answered[i];
        Tally power = one;
        while (remaining) {
            if (remaining & 1) chunk.merge(power);
            Tally doubled = power;
            doubled.merge(power);
            power = doubled;
            remaining >>= 1;
        }
        t.merge(chunk);
    }
    Answers threes(9, 3);
    t.add(threes);
    const IkmScore result = score(t, equal_weights(9));
    ASSERT_TRUE(result.konversi);
    EXPECT_GT(mpz_sizeinbase(result.konversi->get_den_mpz_t(), 2), 128u);
    // Each NRR is (4·c + 3) / (c + 1), just under 4.
    mpq_class expected = 0;
    for (auto c : answered) {
        mpq_class nrr(mpz_class(std::to_string(4 * c + 3)), mpz_class(std::to_string(c + 1)));
        nrr.canonicalize();
        expected += nrr / 9;
    }
    EXPECT_EQ(*result.konversi, expected * 25);
}

}  // namespace
}  // namespace skm::scoring
