#include "kiosk/core/live_alerts.hpp"

#include "formats/settings_table.hpp"
#include "scoring/privacy.hpp"
#include "store/settings.hpp"

#include <algorithm>
#include <map>

namespace skm::kiosk {
namespace {

constexpr const char* kAckPrefix = "alert_ack:";

std::int64_t stored_number(const store::ResponseStore& db, const formats::SettingSpec& spec) {
    return store::integer_setting(db, spec);
}

struct Row {
    std::int64_t at = 0;
    std::string saran;
    std::string submitted_at;
};

}  // namespace

scoring::AlertThresholds alert_thresholds(const store::ResponseStore& db) {
    namespace s = formats::setting;
    scoring::AlertThresholds t;
    t.window = static_cast<std::size_t>(stored_number(db, s::kAlertWindow));
    t.baseline_days = stored_number(db, s::kAlertBaselineDays);
    t.min_drop_points = stored_number(db, s::kAlertMinDrop);
    t.ones_run = static_cast<std::size_t>(stored_number(db, s::kAlertOnesRun));
    t.ones_within = static_cast<std::size_t>(stored_number(db, s::kAlertOnesWithin));
    return t;
}

std::vector<LiveAlert> open_alerts(const store::ResponseStore& db, const scoring::LocalDate& today,
                                   std::uint64_t min_n) {
    const scoring::AlertThresholds limits = alert_thresholds(db);
    store::ExportFilter filter;
    filter.from = scoring::date_from_days(scoring::days_since_epoch(today) - 2 * limits.baseline_days);
    // Per layanan: the rules' input and, beside it, what the banner shows.
    struct Stream {
        std::vector<scoring::AlertResponse> responses;
        std::vector<Row> rows;
    };
    std::map<std::string, Stream> streams;
    db.for_each(filter, [&](const store::StoredRow& stored) {
        const formats::Response& r = stored.submission.response;
        const auto ts = scoring::parse_timestamp(r.submitted_at);
        if (!ts) return;
        Stream& s = streams[r.layanan];
        const std::int64_t at = scoring::unix_seconds(*ts);
        s.responses.push_back({r.response_id, at, r.answers});
        s.rows.push_back({at, r.saran, r.submitted_at});
    });
    std::vector<LiveAlert> out;
    for (auto& [layanan, stream] : streams) {
        // Stored order is arrival order; the rules want time order (imports may arrive late).
        std::vector<std::size_t> order(stream.responses.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return stream.responses[a].at < stream.responses[b].at; });
        std::vector<scoring::AlertResponse> sorted;
        std::vector<Row> rows;
        for (std::size_t i : order) {
            sorted.push_back(std::move(stream.responses[i]));
            rows.push_back(std::move(stream.rows[i]));
        }
        for (scoring::Alert& a : scoring::evaluate_alerts(layanan, sorted, db.scheme(), limits)) {
            if (alert_acknowledged(db, a.id)) continue;
            LiveAlert live;
            live.layanan = layanan;
            live.unsur_code = db.scheme().code(a.unsur);
            live.since = rows[a.first].submitted_at;
            live.respondents = a.last + 1 - a.first;
            live.enough = scoring::enough_for_figures(live.respondents, min_n);
            if (live.enough) {
                for (std::size_t i = a.first; i <= a.last; ++i)
                    if (!rows[i].saran.empty()) live.saran.push_back(rows[i].saran);
            }
            live.alert = std::move(a);
            out.push_back(std::move(live));
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const LiveAlert& a, const LiveAlert& b) { return a.since < b.since; });
    return out;
}

bool alert_acknowledged(const store::ResponseStore& db, const std::string& alert_id) {
    return db.setting(kAckPrefix + alert_id).has_value();
}

void acknowledge_alert(store::ResponseStore& db, const std::string& alert_id, const std::string& at) {
    if (alert_acknowledged(db, alert_id)) return;
    db.set_setting(kAckPrefix + alert_id, at);
    db.audit("staff", "alert_acknowledged", alert_id);
}

}  // namespace skm::kiosk
