#include "hub/alerts/alert_worker.hpp"

#include "hub/alerts/hub_alerts.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <utility>

namespace skm::hub::alerts {
AlertWorker::AlertWorker(AlertStore& store, const scoring::ScoringScheme& scheme, const formats::Catalog& texts,
                         UnsurName unsur_name, store::Clock& clock, AlertDelivery delivery, AlertWorkerOptions options,
                         Log log)
    : store_(store),
      scheme_(scheme),
      texts_(texts),
      unsur_name_(std::move(unsur_name)),
      clock_(clock),
      delivery_(std::move(delivery)),
      options_(std::move(options)),
      log_(std::move(log)) {
    options_.limits.cancel = &stopping_;
}

AlertWorker::~AlertWorker() { stop(); }

void AlertWorker::run_once() {
    find_and_queue();
    send_due();
}

void AlertWorker::start() {
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] {
        while (!stopping_) {
            // Nothing may end the program from here: a failed round is logged and tried again.
            try {
                run_once();
            } catch (const Error& e) {
                try { log_(e.problem()); } catch (...) {}
            } catch (const std::exception& e) {
                try { log_(Problem{"hub.alert_worker_failed", {{"reason", e.what()}}}); } catch (...) {}
            } catch (...) {
                try { log_(Problem{"hub.alert_worker_failed", {{"reason", "unknown"}}}); } catch (...) {}
            }
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, std::chrono::seconds(options_.interval_s), [this] { return stopping_.load(); });
        }
    });
}

void AlertWorker::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void AlertWorker::find_and_queue() {
    const scoring::Timestamp now = clock_.wall_now();
    const std::string now_text = store::iso8601(now);
    const std::int64_t now_s = scoring::unix_seconds(now);
    const std::string send_from =
        scoring::date_from_days(scoring::days_since_epoch(now.date) - options_.send_within_days).str();
    // Most rounds find only alerts stored before: those cost no write (and no fsync beside the uploads).
    const std::string read_from =
        scoring::date_from_days(scoring::days_since_epoch(now.date) - 2 * options_.thresholds.baseline_days).str();
    const auto known_ids = store_.alert_ids(read_from);
    const std::set<std::string> known(known_ids.begin(), known_ids.end());
    for (HubAlert& alert : find_alerts(store_, scheme_, now.date, options_.thresholds, options_.min_n)) {
        if (known.count(alert.alert_id)) continue;
        alert.found_at = now_text;
        const bool recent = alert.since.substr(0, 10) >= send_from;
        store_.add_alert(alert, [&](const std::vector<Recipient>& recipients) {
            std::vector<OutboxRow> rows;
            if (!recent) return rows;  // shown on the dashboard, not sent
            const AlertMessage message = alert_message(texts_, alert, unsur_name_);
            for (const Recipient& r : recipients) {
                OutboxRow row;
                row.alert_id = alert.alert_id;
                row.channel = r.channel;
                row.address = r.address;
                row.kecamatan = alert.kecamatan;
                row.digest = r.digest;
                row.subject = message.subject;
                row.body = message.body;
                row.queued_at = now_text;
                row.queued_s = now_s;
                row.next_attempt_s = now_s;
                rows.push_back(std::move(row));
            }
            return rows;
        });
    }
}

std::int64_t AlertWorker::retry_at(std::int64_t now_s, std::int64_t attempts) const {
    std::int64_t wait = options_.retry_base_s;
    for (std::int64_t i = 0; i < attempts && wait < options_.retry_max_s; ++i) wait *= 2;
    return now_s + std::min(wait, options_.retry_max_s);
}

void AlertWorker::send(const OutboxRow& row, const AlertMessage& message) {
    if (row.channel == Channel::email) {
        if (!delivery_.smtp) throw Error(ErrorKind::usage, Problem{"hub.alert_no_smtp", {}});
        send_email(*delivery_.smtp, row.address, message, options_.limits);
    } else {
        if (!delivery_.telegram) throw Error(ErrorKind::usage, Problem{"hub.alert_no_telegram", {}});
        send_telegram(*delivery_.telegram, row.address, message, options_.limits);
    }
}

void AlertWorker::send_due() {
    // Each message alone, or a recipient's digest rows together: what was
    // sent is marked at once, so a failure later in the round resends nothing.
    std::map<std::pair<Channel, std::string>, std::vector<OutboxRow>> digests;
    for (OutboxRow& row : store_.pending()) {
        if (stopping_) return;
        if (row.digest) {
            digests[{row.channel, row.address}].push_back(std::move(row));
            continue;
        }
        const std::int64_t now_s = scoring::unix_seconds(clock_.wall_now());
        if (row.next_attempt_s > now_s) continue;
        std::string reason;
        try {
            send(row, {row.subject, row.body});
            store_.mark_sent(row, store::iso8601(clock_.wall_now()));
            continue;
        } catch (const Error& e) {
            reason = texts_.format(e.problem());
        } catch (const std::exception& e) {
            reason = e.what();  // one row's trouble must not stop the others
        }
        store_.mark_failed(row, store::iso8601(clock_.wall_now()), reason, retry_at(now_s, row.attempts));
    }
    for (auto& [recipient, rows] : digests) {
        if (stopping_) return;
        const std::int64_t now_s = scoring::unix_seconds(clock_.wall_now());
        std::int64_t oldest = rows.front().queued_s;
        std::int64_t next = 0;
        for (const OutboxRow& r : rows) {
            oldest = std::min(oldest, r.queued_s);
            next = std::max(next, r.next_attempt_s);
        }
        if (oldest + options_.digest_period_s > now_s || next > now_s) continue;
        std::vector<AlertMessage> messages;
        for (const OutboxRow& r : rows) messages.push_back({r.subject, r.body});
        std::string reason;
        try {
            send(rows.front(), digest_message(texts_, messages));
            const std::string at = store::iso8601(clock_.wall_now());
            for (const OutboxRow& r : rows) store_.mark_sent(r, at);
            continue;
        } catch (const Error& e) {
            reason = texts_.format(e.problem());
        } catch (const std::exception& e) {
            reason = e.what();
        }
        const std::string at = store::iso8601(clock_.wall_now());
        for (const OutboxRow& r : rows) store_.mark_failed(r, at, reason, retry_at(now_s, r.attempts));
    }
}

}  // namespace skm::hub::alerts
