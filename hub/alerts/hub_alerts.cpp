#include "hub/alerts/hub_alerts.hpp"

#include "scoring/decimal.hpp"
#include "scoring/privacy.hpp"
#include "store/answers_codec.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace skm::hub::alerts {
namespace {

struct Stream {
    std::vector<scoring::AlertResponse> responses;
    std::vector<std::string> submitted_at;
};

}  // namespace

std::vector<HubAlert> find_alerts(AlertStore& store, const scoring::ScoringScheme& scheme,
                                  const scoring::LocalDate& today, const scoring::AlertThresholds& thresholds,
                                  std::uint64_t min_n) {
    // The kiosk's window (kiosk/core/live_alerts): the same first day gives the same baseline.
    const auto from = scoring::date_from_days(scoring::days_since_epoch(today) - 2 * thresholds.baseline_days);
    std::map<std::pair<std::string, std::string>, Stream> streams;  // (kecamatan, layanan)
    store.for_each_response_since(
        from.str(),
        [&](std::string_view kecamatan, std::string_view layanan, std::string_view id, std::string_view submitted_at,
            std::string_view answers) {
            const auto ts = scoring::parse_timestamp(submitted_at);
            auto decoded = store::decode_answers(scheme, answers);
            if (!ts || !decoded) return;  // the hub stored it checked; nothing to rank it by otherwise
            Stream& s = streams[{std::string(kecamatan), std::string(layanan)}];
            s.responses.push_back({std::string(id), scoring::unix_seconds(*ts), std::move(*decoded)});
            s.submitted_at.emplace_back(submitted_at);
        });
    std::vector<HubAlert> out;
    for (auto& [key, stream] : streams) {
        // Received order is the kiosk's stored order; the rules want time order.
        std::vector<std::size_t> order(stream.responses.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return stream.responses[a].at < stream.responses[b].at;
        });
        std::vector<scoring::AlertResponse> sorted;
        std::vector<std::string> since;
        sorted.reserve(order.size());
        for (std::size_t i : order) {
            sorted.push_back(std::move(stream.responses[i]));
            since.push_back(std::move(stream.submitted_at[i]));
        }
        const auto& [kecamatan, layanan] = key;
        for (const scoring::Alert& a : scoring::evaluate_alerts(layanan, sorted, scheme, thresholds)) {
            HubAlert h;
            h.alert_id = a.id;
            h.kecamatan = kecamatan;
            h.layanan = layanan;
            h.rule = a.rule == scoring::AlertRule::drop ? "drop" : "ones";
            h.unsur = scheme.code(a.unsur);
            h.since = since[a.first];
            h.respondents = static_cast<std::int64_t>(a.last + 1 - a.first);
            h.ones = static_cast<std::int64_t>(a.ones);
            if (a.rule == scoring::AlertRule::drop && a.window_konversi && a.baseline_konversi &&
                scoring::enough_for_figures(static_cast<std::uint64_t>(h.respondents), min_n)) {
                h.now_ikm = scoring::round_half_up(*a.window_konversi, 2).str();
                h.before_ikm = scoring::round_half_up(*a.baseline_konversi, 2).str();
            }
            out.push_back(std::move(h));
        }
    }
    return out;
}

}  // namespace skm::hub::alerts
