// False-alarm rate and detection delay of the live-alert rules
// (scoring/alert_rules, issue #20) on simulated streams (bench/alert_simulation.hpp).
// Writes bench/results/alerts.md: alerts a year on a stable service, and
// responses from a real drop to its alert.
//
//   skm-bench-alerts [--out DIR] [--years N] [--trials N] [--seed S]
#include "bench/alert_simulation.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using skm::scoring::AlertRule;
using skm::scoring::AlertThresholds;

struct Row {
    std::string name;
    AlertThresholds limits;
};

struct Measured {
    double drop_per_year = 0;
    double ones_per_year = 0;
    std::size_t detected = 0;
    std::vector<std::size_t> delays;  // responses after the shift until the drop alert
};

Measured measure(const AlertThresholds& limits, std::size_t years, std::size_t trials, std::uint64_t seed) {
    const auto scheme = skm::scoring::ScoringScheme::permenpan_2017();
    Measured m;
    std::size_t drops = 0, ones = 0;
    for (std::size_t y = 0; y < years; ++y) {
        skm::bench::StreamMaker maker(seed + y);
        std::vector<skm::scoring::AlertResponse> stream;
        maker.append(stream, 365 * maker.per_day, skm::bench::kStableMix);
        for (const auto& a : skm::scoring::evaluate_alerts("L", stream, scheme, limits))
            ++(a.rule == AlertRule::drop ? drops : ones);
    }
    m.drop_per_year = static_cast<double>(drops) / static_cast<double>(years);
    m.ones_per_year = static_cast<double>(ones) / static_cast<double>(years);
    for (std::size_t t = 0; t < trials; ++t) {
        skm::bench::StreamMaker maker(seed + 1000 + t);
        std::vector<skm::scoring::AlertResponse> stream;
        maker.append(stream, 90 * maker.per_day, skm::bench::kStableMix);
        const std::size_t shift = stream.size();
        maker.append(stream, 600, skm::bench::kDroppedMix);
        for (const auto& a : skm::scoring::evaluate_alerts("L", stream, scheme, limits)) {
            if (a.rule != AlertRule::drop || a.last < shift) continue;
            m.delays.push_back(a.last + 1 - shift);
            ++m.detected;
            break;
        }
    }
    std::sort(m.delays.begin(), m.delays.end());
    return m;
}

std::size_t at(const std::vector<std::size_t>& sorted, double q) {
    if (sorted.empty()) return 0;
    return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * static_cast<double>(sorted.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    std::string out = "bench/results";
    std::size_t years = 20, trials = 200;
    std::uint64_t seed = 20260601;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (flag == "--out") out = argv[i + 1];
        else if (flag == "--years") years = std::strtoull(argv[i + 1], nullptr, 10);
        else if (flag == "--trials") trials = std::strtoull(argv[i + 1], nullptr, 10);
        else if (flag == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
        else {
            std::cerr << "unknown option " << flag << "\n";
            return 2;
        }
    }
    const AlertThresholds d{};
    std::vector<Row> rows = {
        {"defaults", d},
        {"window 20", {20, d.baseline_days, d.min_drop_points, d.ones_run, d.ones_within}},
        {"window 50", {50, d.baseline_days, d.min_drop_points, d.ones_run, d.ones_within}},
        {"min drop 3", {d.window, d.baseline_days, 3, d.ones_run, d.ones_within}},
        {"min drop 0 (intervals only)", {d.window, d.baseline_days, 0, d.ones_run, d.ones_within}},
        {"ones 5 in 10", {d.window, d.baseline_days, d.min_drop_points, 5, 10}},
        {"ones 4 in 10", {d.window, d.baseline_days, d.min_drop_points, 4, 10}},
    };
    std::string md = "# Live alerts: false alarms and detection delay\n\n"
                     "Produced by `build/release/bench/skm-bench-alerts` (bench/bench_alerts.cpp) with seed " +
                     std::to_string(seed) + ", " + std::to_string(years) + " simulated years and " +
                     std::to_string(trials) + " drop trials.\n\n"
                     "Stream (bench/alert_simulation.hpp): one layanan, 30 responses a day every day, all nine "
                     "unsur answered independently. Stable service: answers 1/2/3/4 with probabilities "
                     "0.03/0.12/0.50/0.35 (IKM about 79). Real drop: after 90 stable days the mix becomes "
                     "0.08/0.22/0.50/0.20 (IKM about 70.5, 9 points lower); the delay is the responses from the "
                     "first dropped one to the drop alert.\n\n"
                     "| thresholds (window / baseline days / min drop / ones K in M) | drop alerts a year (stable) | "
                     "ones alerts a year (stable) | drops detected | delay median | delay 90th pct | delay max |\n"
                     "|---|---|---|---|---|---|---|\n";
    for (const auto& row : rows) {
        const Measured m = measure(row.limits, years, trials, seed);
        char line[512];
        std::snprintf(line, sizeof line, "| %s (%zu / %lld / %lld / %zu in %zu) | %.2f | %.2f | %zu / %zu | %zu | %zu | %zu |\n",
                      row.name.c_str(), row.limits.window, static_cast<long long>(row.limits.baseline_days),
                      static_cast<long long>(row.limits.min_drop_points), row.limits.ones_run, row.limits.ones_within,
                      m.drop_per_year, m.ones_per_year, m.detected, trials, at(m.delays, 0.5), at(m.delays, 0.9),
                      m.delays.empty() ? 0 : m.delays.back());
        md += line;
        std::cout << line << std::flush;
    }
    md += "\nReading: 0.05 a year is one alarm in the 20 simulated years. The simulation draws every answer independently; real respondents who are unhappy tend to be unhappy on every unsur, which widens the spread of a window's IKM and so raises the false-alarm rate (the interval test adapts, the fixed min-drop margin does not). A persisting run of ones raises a new alert every `ones_within` responses (one window after the other), a persisting drop every `window` responses.\n";
    std::ofstream(out + "/alerts.md") << md;
    return 0;
}
