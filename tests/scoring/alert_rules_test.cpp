// The live-alert rules on simulated streams (issue #20): a stable year raises
// nothing, a real drop is caught quickly, a run of "1" answers is caught, and
// ids are stable when the rules run again.
#include "bench/alert_simulation.hpp"
#include "scoring/alert_rules.hpp"

#include <gtest/gtest.h>

namespace skm::scoring {
namespace {

constexpr std::uint64_t kSeed = 20260601;
constexpr std::size_t kYear = 365 * 30;

TEST(AlertRules, StableServiceRaisesNoAlertOverASimulatedYear) {
    bench::StreamMaker maker(kSeed);
    std::vector<AlertResponse> stream;
    maker.append(stream, kYear, bench::kStableMix);
    const auto alerts = evaluate_alerts("KTP-el", stream, ScoringScheme::permenpan_2017(), AlertThresholds{});
    EXPECT_TRUE(alerts.empty()) << alerts.size() << " alerts, first " << alerts.front().id;
}

TEST(AlertRules, RealDropIsDetectedWithinSixtyResponses) {
    bench::StreamMaker maker(kSeed);
    std::vector<AlertResponse> stream;
    maker.append(stream, 90 * 30, bench::kStableMix);
    const std::size_t shift = stream.size();
    maker.append(stream, 300, bench::kDroppedMix);
    const auto alerts = evaluate_alerts("KTP-el", stream, ScoringScheme::permenpan_2017(), AlertThresholds{});
    const Alert* drop = nullptr;
    for (const auto& a : alerts)
        if (a.rule == AlertRule::drop) { drop = &a; break; }
    ASSERT_NE(drop, nullptr);
    EXPECT_GE(drop->last, shift);          // not before the shift
    EXPECT_LT(drop->last, shift + 60);     // within 60 responses of it
    EXPECT_EQ(drop->id, "drop:KTP-el:" + stream[drop->first].id);
    ASSERT_TRUE(drop->window_interval && drop->baseline_interval);
    EXPECT_LT(drop->window_interval->high.value(), drop->baseline_interval->low.value());
    EXPECT_GE(*drop->baseline_konversi - *drop->window_konversi, 5);
}

std::vector<AlertResponse> fours(std::size_t count) {
    std::vector<AlertResponse> out;
    for (std::size_t i = 0; i < count; ++i)
        out.push_back({"x" + std::to_string(i), static_cast<std::int64_t>(i) * 600, std::vector<std::uint8_t>(9, 4)});
    return out;
}

TEST(AlertRules, RunOfOnesOnOneUnsurIsCaughtOnceWithItsUnsur) {
    auto stream = fours(40);
    for (std::size_t i : {20, 22, 23, 25, 27}) stream[i].answers[2] = 1;  // waktu
    AlertThresholds limits;
    const auto alerts = evaluate_alerts("SKTM", stream, ScoringScheme::permenpan_2017(), limits);
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].rule, AlertRule::ones);
    EXPECT_EQ(alerts[0].unsur, 2u);
    EXPECT_EQ(alerts[0].ones, 5u);
    EXPECT_EQ(alerts[0].last, 27u);
    EXPECT_EQ(alerts[0].first, 20u);
    EXPECT_EQ(alerts[0].id, "ones:waktu:SKTM:x20");
}

TEST(AlertRules, OnesSpreadWiderThanTheWindowOrOnDifferentUnsurRaiseNothing) {
    auto stream = fours(40);
    for (std::size_t i : {0, 5, 10, 15, 20, 25}) stream[i].answers[0] = 1;  // 1 in 5: never 5 within 8
    for (std::size_t u : {1, 2, 3, 4}) stream[30].answers[u] = 1;           // one response, four unsur
    EXPECT_TRUE(evaluate_alerts("SKTM", stream, ScoringScheme::permenpan_2017(), AlertThresholds{}).empty());
}

TEST(AlertRules, RerunningOverMoreResponsesKeepsEarlierIds) {
    bench::StreamMaker maker(kSeed + 1);
    std::vector<AlertResponse> stream;
    maker.append(stream, 90 * 30, bench::kStableMix);
    maker.append(stream, 100, bench::kDroppedMix);
    const auto scheme = ScoringScheme::permenpan_2017();
    const auto before = evaluate_alerts("KK", stream, scheme, AlertThresholds{});
    maker.append(stream, 200, bench::kDroppedMix);
    const auto after = evaluate_alerts("KK", stream, scheme, AlertThresholds{});
    ASSERT_FALSE(before.empty());
    ASSERT_GE(after.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(before[i].id, after[i].id);
}

}  // namespace
}  // namespace skm::scoring
