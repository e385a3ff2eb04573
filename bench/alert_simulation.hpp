// Simulated response streams for the live-alert rules (scoring/alert_rules):
// one layanan, `per_day` responses a day spread over office hours, every
// unsur answered independently from a fixed distribution of 1..4. Shared by
// the false-alarm benchmark (bench/bench_alerts.cpp) and tests/scoring, so the
// numbers in bench/results/alerts.md and the tests come from one generator.
#pragma once

#include "scoring/alert_rules.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace skm::bench {

// Probabilities of the answers 1, 2, 3, 4.
using AnswerMix = std::array<double, 4>;

// A good office: mean answer 3.17, IKM konversi about 79.
inline constexpr AnswerMix kStableMix = {0.03, 0.12, 0.50, 0.35};
// A real drop: mean answer 2.82, IKM about 70.5 (−9 points).
inline constexpr AnswerMix kDroppedMix = {0.08, 0.22, 0.50, 0.20};

struct StreamMaker {
    std::mt19937_64 rng;
    std::size_t unsur = 9;
    std::size_t per_day = 30;
    std::size_t made = 0;

    explicit StreamMaker(std::uint64_t seed) : rng(seed) {}

    // The next `count` responses, answers drawn from `mix`; ids "r<number>".
    void append(std::vector<scoring::AlertResponse>& out, std::size_t count, const AnswerMix& mix) {
        std::discrete_distribution<int> answer(mix.begin(), mix.end());
        constexpr std::int64_t kOpen = 8 * 3600;
        constexpr std::int64_t kHours = 8 * 3600;
        for (std::size_t i = 0; i < count; ++i, ++made) {
            scoring::AlertResponse r;
            r.id = "r" + std::to_string(made);
            const auto day = static_cast<std::int64_t>(made / per_day);
            const auto slot = static_cast<std::int64_t>(made % per_day);
            r.at = day * 86'400 + kOpen + slot * kHours / static_cast<std::int64_t>(per_day);
            r.answers.resize(unsur);
            for (auto& a : r.answers) a = static_cast<std::uint8_t>(answer(rng) + 1);
            out.push_back(std::move(r));
        }
    }
};

}  // namespace skm::bench
