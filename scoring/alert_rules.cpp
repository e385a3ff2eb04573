#include "scoring/alert_rules.hpp"

#include "scoring/ikm.hpp"
#include "scoring/tally.hpp"

#include <algorithm>

namespace skm::scoring {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;

bool below(const Decimal& a, const Decimal& b) { return a.value() < b.value(); }

// The unsur whose NRR fell most from the baseline to the window (0 when none is comparable).
std::size_t steepest_fall(const IkmScore& window, const IkmScore& baseline) {
    std::size_t steepest = 0;
    std::optional<mpq_class> largest;
    for (std::size_t u = 0; u < window.unsur.size() && u < baseline.unsur.size(); ++u) {
        if (!window.unsur[u].nrr || !baseline.unsur[u].nrr) continue;
        const mpq_class fall = *baseline.unsur[u].nrr - *window.unsur[u].nrr;
        if (!largest || fall > *largest) {
            largest = fall;
            steepest = u;
        }
    }
    return steepest;
}

void drop_alerts(std::string_view layanan, std::span<const AlertResponse> responses, const ScoringScheme& scheme,
                 const AlertThresholds& limits, std::vector<Alert>& out) {
    const std::size_t w = limits.window;
    if (w < 2 || responses.size() < w) return;
    Tally window(scheme.size());
    Tally baseline(scheme.size());
    std::size_t baseline_begin = 0;  // baseline = responses[baseline_begin, first)
    std::optional<std::size_t> quiet_through;
    const mpq_class min_drop(limits.min_drop_points);
    for (std::size_t e = 0; e < responses.size(); ++e) {
        window.add(responses[e].answers);
        if (e + 1 < w) continue;
        const std::size_t first = e + 1 - w;
        if (first > 0) {
            window.remove(responses[first - 1].answers);
            baseline.add(responses[first - 1].answers);
        }
        const std::int64_t cutoff = responses[first].at - limits.baseline_days * kSecondsPerDay;
        while (baseline_begin < first && responses[baseline_begin].at < cutoff) {
            baseline.remove(responses[baseline_begin].answers);
            ++baseline_begin;
        }
        if (quiet_through && first <= *quiet_through) continue;
        if (baseline.respondents() < w) continue;
        const IkmScore now = score(window, scheme);
        const IkmScore before = score(baseline, scheme);
        if (!now.konversi || !before.konversi) continue;
        // The cheap test first: most windows fail it.
        if (*before.konversi - *now.konversi < min_drop) continue;
        const auto now_interval = ci95(window, *now.konversi);
        const auto before_interval = ci95(baseline, *before.konversi);
        if (!now_interval || !before_interval || !below(now_interval->high, before_interval->low)) continue;
        Alert alert;
        alert.rule = AlertRule::drop;
        alert.first = first;
        alert.last = e;
        alert.unsur = steepest_fall(now, before);
        alert.id = alert_id(AlertRule::drop, layanan, "", responses[first].id);
        alert.window_konversi = now.konversi;
        alert.baseline_konversi = before.konversi;
        alert.window_interval = now_interval;
        alert.baseline_interval = before_interval;
        alert.baseline_respondents = baseline.respondents();
        out.push_back(std::move(alert));
        quiet_through = e;
    }
}

void ones_alerts(std::string_view layanan, std::span<const AlertResponse> responses, const ScoringScheme& scheme,
                 const AlertThresholds& limits, std::vector<Alert>& out) {
    const std::size_t m = limits.ones_within;
    const std::size_t k = limits.ones_run;
    if (k == 0 || m < k) return;
    std::vector<std::size_t> ones(scheme.size(), 0);
    std::vector<std::optional<std::size_t>> quiet_through(scheme.size());
    auto count = [&](const AlertResponse& r, int sign) {
        for (std::size_t u = 0; u < ones.size() && u < r.answers.size(); ++u)
            if (r.answers[u] == 1) ones[u] = sign > 0 ? ones[u] + 1 : ones[u] - 1;
    };
    for (std::size_t e = 0; e < responses.size(); ++e) {
        count(responses[e], +1);
        if (e >= m) count(responses[e - m], -1);
        const std::size_t first = e + 1 > m ? e + 1 - m : 0;
        for (std::size_t u = 0; u < ones.size(); ++u) {
            if (ones[u] < k) continue;
            if (quiet_through[u] && first <= *quiet_through[u]) continue;
            Alert alert;
            alert.rule = AlertRule::ones;
            alert.first = first;
            alert.last = e;
            alert.unsur = u;
            alert.ones = ones[u];
            alert.id = alert_id(AlertRule::ones, layanan, scheme.code(u), responses[first].id);
            out.push_back(std::move(alert));
            quiet_through[u] = e;
        }
    }
}

}  // namespace

std::string alert_id(AlertRule rule, std::string_view layanan, std::string_view unsur_code,
                     std::string_view first_response_id) {
    std::string id = rule == AlertRule::drop ? "drop:" : "ones:";
    if (rule == AlertRule::ones) {
        id += unsur_code;
        id += ':';
    }
    id += layanan;
    id += ':';
    id += first_response_id;
    return id;
}

std::vector<Alert> evaluate_alerts(std::string_view layanan, std::span<const AlertResponse> responses,
                                   const ScoringScheme& scheme, const AlertThresholds& thresholds) {
    std::vector<Alert> out;
    drop_alerts(layanan, responses, scheme, thresholds, out);
    ones_alerts(layanan, responses, scheme, thresholds, out);
    std::stable_sort(out.begin(), out.end(), [](const Alert& a, const Alert& b) { return a.last < b.last; });
    return out;
}

}  // namespace skm::scoring
