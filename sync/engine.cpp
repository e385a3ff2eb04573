#include "sync/engine.hpp"

#include "store/setting_keys.hpp"
#include "sync/gzip.hpp"

#include <algorithm>
#include <chrono>
#include <set>

namespace skm::sync {

SyncEngine::SyncEngine(store::Outbox& outbox, Transport& transport, const scoring::ScoringScheme& scheme,
                       store::Clock& clock, std::function<double()> uniform01, EngineOptions options)
    : outbox_(outbox),
      transport_(transport),
      scheme_(scheme),
      clock_(clock),
      uniform01_(std::move(uniform01)),
      options_(std::move(options)) {
    status_.pending = outbox_.pending();
    status_.last_success = outbox_.setting(store::setting_key::kLastSyncSuccess).value_or("");
}

std::int64_t SyncEngine::backoff_ms(int failures) {
    if (failures <= 0) return 0;
    std::int64_t delay = options_.backoff_base_ms;
    for (int i = 1; i < failures && delay < options_.backoff_max_ms; ++i) delay *= 2;
    delay = std::min(delay, options_.backoff_max_ms);
    const double jitter = 0.5 + 0.5 * std::clamp(uniform01_(), 0.0, 0.999999);
    return static_cast<std::int64_t>(static_cast<double>(delay) * jitter);
}

void SyncEngine::failed(Problem problem) {
    ++status_.consecutive_failures;
    status_.last_error = std::move(problem);
}

bool SyncEngine::send_one(const std::vector<store::Submission>& items, DrainOutcome& outcome) {
    Batch batch;
    batch.device_id = options_.device_id;
    batch.batch_id = options_.device_id + "-" + std::to_string(clock_.monotonic_ms()) + "-" + std::to_string(++batch_counter_);
    batch.responses = items;
    if (!options_.app_version.empty()) batch.app_version = options_.app_version;
    // What will still wait once this batch is in: the hub's device page shows the backlog.
    batch.pending = std::max<std::int64_t>(0, outbox_.pending() - static_cast<std::int64_t>(items.size()));
    batch.sent_at = store::iso8601(clock_.wall_now());
    const HttpResult result = transport_.post_batch(gzip_compress(encode_batch(batch, scheme_)));
    if (!result.connected) {
        failed(Problem{"sync.unreachable", {{"detail", result.detail}}});
        return false;
    }
    if (result.status == 401 || result.status == 403) {
        failed(Problem{"sync.unauthorized", {{"status", std::to_string(result.status)}}});
        return false;
    }
    if (result.status != 200) {
        failed(Problem{"sync.hub_error", {{"status", std::to_string(result.status)}, {"detail", result.detail}}});
        return false;
    }
    const auto decoded = decode_reply(result.body);
    if (std::holds_alternative<ProtocolError>(decoded)) {
        // A garbled or cut reply: nothing is marked, the batch will be sent again.
        failed(Problem{"sync.bad_reply", {{"detail", std::get<ProtocolError>(decoded).key}}});
        return false;
    }
    // Only answers for ids we sent count, each once.
    std::set<std::string> sent_ids;
    for (const auto& s : items) sent_ids.insert(s.response.response_id);
    std::vector<store::SyncMark> marks;
    for (const auto& r : std::get<Reply>(decoded).results) {
        if (sent_ids.erase(r.response_id) == 0) continue;
        const bool sent = r.status != ItemStatus::rejected;
        marks.push_back({r.response_id, sent, sent ? "" : r.reason});
        sent ? ++outcome.sent : ++outcome.rejected;
    }
    outbox_.mark(marks);
    ++outcome.batches;
    status_.sent_total += static_cast<std::int64_t>(marks.size());
    status_.consecutive_failures = 0;
    status_.last_error.reset();
    status_.last_success = store::iso8601(clock_.wall_now());
    outbox_.set_setting(store::setting_key::kLastSyncSuccess, status_.last_success);
    // Items the hub did not answer stay pending; if none was answered, stop rather than loop.
    return !marks.empty();
}

DrainOutcome SyncEngine::drain() {
    DrainOutcome outcome;
    for (;;) {
        const auto batch = outbox_.next_batch(options_.batch_size);
        if (batch.empty()) break;
        if (!send_one(batch, outcome)) {
            outcome.failed = status_.consecutive_failures > 0;
            break;
        }
    }
    status_.pending = outbox_.pending();
    return outcome;
}

SyncWorker::SyncWorker(SyncEngine& engine) : engine_(engine), thread_([this] { run(); }) {}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::nudge() {
    {
        const std::lock_guard lock(mutex_);
        nudged_ = true;
    }
    wake_.notify_one();
}

void SyncWorker::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
}

SyncStatus SyncWorker::status() const {
    const std::lock_guard lock(mutex_);
    return snapshot_;
}

void SyncWorker::run() {
    std::int64_t backoff = 0;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            // During a backoff a nudge does not wake us: the hub gets its rest.
            // Otherwise sleep until nudged, with a periodic look every few minutes.
            const auto timeout = std::chrono::milliseconds(backoff > 0 ? backoff : 5 * 60'000);
            wake_.wait_for(lock, timeout, [&] { return stopping_ || (nudged_ && backoff == 0); });
            if (stopping_) return;
            nudged_ = false;
        }
        const DrainOutcome outcome = engine_.drain();
        backoff = outcome.failed ? engine_.backoff_ms(engine_.status().consecutive_failures) : 0;
        const std::lock_guard lock(mutex_);
        snapshot_ = engine_.status();
    }
}

}  // namespace skm::sync
