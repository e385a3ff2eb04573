// Live alerts (issue #20, docs/reference/skm-rules.md#live-alerts): two rules
// run over one layanan's responses in the order they were given, offline and
// without a clock, so the kiosk and a simulation get the same alerts:
//   drop: the IKM of the last `window` responses fell below the baseline (the
//         responses of the `baseline_days` before the window) and the 95%
//         intervals say it is real: the window's interval lies entirely below
//         the baseline's interval, and the point estimates differ by at least
//         `min_drop_points` (many overlapping looks a year would otherwise
//         make noise alarm every few weeks: bench/results/alerts.md).
//   ones: at least `ones_run` answers "1" on one unsur among the last
//         `ones_within` responses.
// An alert's id is its rule, layanan and the first response of its window, so
// re-running the rules over the same responses yields the same ids (shown
// once, acknowledged once). After an alert, the same rule (and unsur) of the
// same layanan stays quiet until a window starts after the alerted one ended.
#pragma once

#include "scoring/interval.hpp"
#include "scoring/scheme.hpp"

#include <gmpxx.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace skm::scoring {

struct AlertThresholds {
    std::size_t window = 30;             // responses in the recent window of the drop rule
    std::int64_t baseline_days = 90;     // days before the window that form the baseline
    std::int64_t min_drop_points = 5;    // IKM konversi points (25..100 scale)
    std::size_t ones_run = 5;            // answers "1" on one unsur ...
    std::size_t ones_within = 8;         // ... among this many last responses
};

enum class AlertRule { drop, ones };

struct AlertResponse {
    std::string id;                    // the response's stable id
    std::int64_t at = 0;               // seconds (any epoch; only differences matter)
    std::vector<std::uint8_t> answers; // one per scheme unsur, 0 = unanswered
};

struct Alert {
    AlertRule rule = AlertRule::drop;
    std::string id;
    std::size_t first = 0;  // the window's responses: indices first..last of the input
    std::size_t last = 0;
    // ones: the unsur of the run; drop: the unsur whose NRR fell most.
    std::size_t unsur = 0;
    std::size_t ones = 0;   // ones: answers "1" on that unsur in the window
    // drop only: the figures the test compared.
    std::optional<mpq_class> window_konversi;
    std::optional<mpq_class> baseline_konversi;
    std::optional<Interval> window_interval;
    std::optional<Interval> baseline_interval;
    std::uint64_t baseline_respondents = 0;
};

// "drop:<layanan>:<first response id>" or "ones:<unsur code>:<layanan>:<first response id>".
std::string alert_id(AlertRule rule, std::string_view layanan, std::string_view unsur_code,
                     std::string_view first_response_id);

// All alerts over `responses` (one layanan, ordered by time), oldest first.
std::vector<Alert> evaluate_alerts(std::string_view layanan, std::span<const AlertResponse> responses,
                                   const ScoringScheme& scheme, const AlertThresholds& thresholds);

}  // namespace skm::scoring
