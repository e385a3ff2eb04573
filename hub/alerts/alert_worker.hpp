// The hub's alert worker (issue #20): a thread of its own that, every
// `interval_s`, finds the alerts in the responses (hub/alerts/hub_alerts),
// stores the new ones with one outbox row per recipient of their kecamatan,
// and sends what is due: each (alert, recipient) once, retried with a growing
// wait after a failure, a digest recipient's alerts together once a day. It
// runs beside the server on its own database connection and sends outside any
// transaction, so an upload never waits for a mail server; nothing it meets
// ends the program (everything is caught and logged, the row keeps its error).
#pragma once

#include "hub/alerts/alert_message.hpp"
#include "hub/alerts/alert_senders.hpp"
#include "hub/alerts/alert_store.hpp"
#include "scoring/alert_rules.hpp"
#include "scoring/problem.hpp"
#include "store/clock.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace skm::hub::alerts {

struct AlertWorkerOptions {
    std::int64_t interval_s = 120;        // between two rounds
    std::int64_t retry_base_s = 60;       // the wait after a first failure, doubled after each
    std::int64_t retry_max_s = 3600;      // ... up to this
    std::int64_t digest_period_s = 86'400;  // a digest goes when its oldest alert waited this long
    // Only alerts whose window began within this many days are sent: a hub
    // that starts with a year of responses does not mail its whole history.
    std::int64_t send_within_days = 7;
    std::uint64_t min_n = 5;              // a drop's figures only for a window this large
    scoring::AlertThresholds thresholds;  // the settings' defaults (formats/settings_table.hpp)
    SendLimits limits;                    // cancel is set by the worker
};

struct AlertDelivery {
    std::optional<SmtpConfig> smtp;          // none: e-mail rows wait (and say why)
    std::optional<TelegramConfig> telegram;  // none: Telegram rows wait
};

class AlertWorker {
public:
    using Log = std::function<void(const Problem&)>;
    AlertWorker(AlertStore& store, const scoring::ScoringScheme& scheme, const formats::Catalog& texts,
                UnsurName unsur_name, store::Clock& clock, AlertDelivery delivery, AlertWorkerOptions options, Log log);
    ~AlertWorker();
    AlertWorker(const AlertWorker&) = delete;
    AlertWorker& operator=(const AlertWorker&) = delete;

    // One round in the caller's thread: find, queue, send what is due. Throws
    // what the store throws (the thread catches it).
    void run_once();
    // The thread: a round at once, then one every interval_s, until stop().
    void start();
    void stop();  // ends a transfer under way and waits for the thread

private:
    void find_and_queue();
    void send_due();
    void send(const OutboxRow& row, const AlertMessage& message);
    std::int64_t retry_at(std::int64_t now_s, std::int64_t attempts) const;

    AlertStore& store_;
    const scoring::ScoringScheme& scheme_;
    const formats::Catalog& texts_;
    UnsurName unsur_name_;
    store::Clock& clock_;
    AlertDelivery delivery_;
    AlertWorkerOptions options_;
    Log log_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    std::thread thread_;
};

}  // namespace skm::hub::alerts
