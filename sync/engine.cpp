#include "sync/engine.hpp"

#include "scoring/period.hpp"
#include "store/setting_keys.hpp"
#include "sync/config_protocol.hpp"
#include "sync/gzip.hpp"
#include "sync/link_answers_protocol.hpp"
#include "sync/link_keys.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
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
    status_.config_version = outbox_.applied_config_version();
    if (const auto ahead = outbox_.setting(store::setting_key::kClockAhead)) status_.clock_ahead_s = std::stoll(*ahead);
}

void SyncEngine::compare_clocks(const std::string& hub_time) {
    const auto hub = scoring::parse_timestamp(hub_time);  // decode_reply checked it
    if (!hub) return;
    const std::int64_t ahead = scoring::unix_seconds(clock_.wall_now()) - scoring::unix_seconds(*hub);
    status_.clock_ahead_s = ahead;
    outbox_.set_setting(store::setting_key::kClockAhead, std::to_string(ahead));
}

namespace {

// Which profile the hub took last, to see a change: FNV-1a (not a secret, a fingerprint).
std::string fingerprint(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const unsigned char ch : text) hash = (hash ^ ch) * 1099511628211ull;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

}  // namespace

std::optional<std::pair<std::string, OfficeProfile>> SyncEngine::profile_due() {
    if (!options_.office_profile) return std::nullopt;
    OfficeProfile profile = options_.office_profile(outbox_);
    const std::string mark = store::iso8601(clock_.wall_now()).substr(0, 10) + " " + fingerprint(encode_office_profile(profile));
    // Unchanged and already taken today: the hub has it.
    if (outbox_.setting(store::setting_key::kProfileSent) == mark) return std::nullopt;
    return std::pair{mark, std::move(profile)};
}

HttpResult Transport::get_config(std::int64_t) {
    HttpResult nothing;
    nothing.connected = true;
    nothing.status = 204;
    return nothing;
}

HttpResult Transport::get_link_answers(std::int64_t, std::size_t) {
    HttpResult nothing;
    nothing.connected = true;
    nothing.status = 204;
    return nothing;
}

HttpResult Transport::post_link_ack(const std::string&) {
    HttpResult nothing;
    nothing.connected = true;
    nothing.status = 204;
    return nothing;
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

// The hub's answer was not one it gives on success: the problem to report.
std::optional<Problem> SyncEngine::http_problem(const HttpResult& result) {
    if (!result.connected) return Problem{"sync.unreachable", {{"detail", result.detail}}};
    if (result.status == 401 || result.status == 403) {
        return Problem{"sync.unauthorized", {{"status", std::to_string(result.status)}}};
    }
    if (result.status < 200 || result.status > 304) {
        return Problem{"sync.hub_error", {{"status", std::to_string(result.status)}, {"detail", result.detail}}};
    }
    return std::nullopt;
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
    bool sends_key = link_key_unregistered();
    if (sends_key) {
        try {
            batch.link_public_key = encode_link_public_key(public_key_of(link_secret_key(outbox_)));
        } catch (const Error&) {
            // A damaged key row never holds up the responses: issue_link_url reports it to staff.
            sends_key = false;
        }
    }
    auto profile = profile_due();
    if (profile) batch.office_profile = profile->second;
    const HttpResult result = transport_.post_batch(gzip_compress(encode_batch(batch, scheme_)));
    if (result.connected && refused_whole(result, items, outcome)) return true;
    if (auto problem = http_problem(result); problem || result.status != 200) {
        failed(problem ? std::move(*problem)
                       : Problem{"sync.hub_error", {{"status", std::to_string(result.status)}, {"detail", result.detail}}});
        return false;
    }
    const auto decoded = decode_reply(result.body);
    if (std::holds_alternative<ProtocolError>(decoded)) {
        // A garbled or cut reply: nothing is marked, the batch will be sent again.
        failed(Problem{"sync.bad_reply", {{"detail", std::get<ProtocolError>(decoded).key}}});
        return false;
    }
    if (const auto& hub_time = std::get<Reply>(decoded).hub_time) compare_clocks(*hub_time);
    if (options_.register_link_key) {
        const auto& device = std::get<Reply>(decoded).link_key_device;
        if (sends_key && device) {
            outbox_.set_setting(store::setting_key::kLinkDeviceId, *device);  // links may be made from now on
        } else if (!sends_key && !device) {
            // The hub no longer holds the key (the device was enrolled anew): send it with the next batch.
            outbox_.clear_setting(store::setting_key::kLinkDeviceId);
        }
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
    batch_limit_ = std::min(options_.batch_size, batch_limit_ * 2);  // back up after halving for a 413
    // The hub answered this batch, so it took the profile with it.
    if (profile) outbox_.set_setting(store::setting_key::kProfileSent, profile->first);
    // Items the hub did not answer stay pending; if none was answered, stop rather than loop.
    return !marks.empty();
}

// The hub refuses a body whole when one item in it breaks the protocol (400
// naming "responses[N]…") or when it is larger than the hub or its proxy take
// (413). Sent again unchanged it would be refused forever and hold back every
// response behind it, so: the named item alone is marked refused (it stays
// stored, with the hub's reason in sync_note, as items refused one by one are),
// and a body too large is sent again in halves. True when the outbox moved on.
bool SyncEngine::refused_whole(const HttpResult& result, const std::vector<store::Submission>& items,
                               DrainOutcome& outcome) {
    if (result.status == 413 && items.size() > 1) {
        batch_limit_ = std::max<std::size_t>(1, items.size() / 2);
        return true;
    }
    if (result.status != 400) return false;
    const auto body = nlohmann::json::parse(result.body, nullptr, /*allow_exceptions=*/false);
    if (!body.is_object() || !body.contains("error") || !body.contains("where")) return false;
    if (!body["error"].is_string() || !body["where"].is_string()) return false;
    const std::string key = body["error"].get<std::string>();
    const std::string where = body["where"].get<std::string>();
    // The decoders name an item's field "responses[N].field" (sync/protocol_error.hpp).
    constexpr std::string_view prefix = "responses[";
    if (key.rfind("protocol.", 0) != 0 || where.rfind(prefix, 0) != 0) return false;
    std::size_t index = 0;
    const char* digits = where.data() + prefix.size();
    const auto [end, error] = std::from_chars(digits, where.data() + where.size(), index);
    if (error != std::errc{} || end == digits || *end != ']' || index >= items.size()) return false;
    outbox_.mark({{items[index].response.response_id, false, key + " " + where}});
    ++outcome.rejected;
    return true;
}

bool SyncEngine::link_key_unregistered() const {
    return options_.register_link_key && !outbox_.setting(store::setting_key::kLinkDeviceId);
}

DrainOutcome SyncEngine::drain() {
    DrainOutcome outcome;
    // Nothing to send but the link key: one empty batch carries it.
    if (link_key_unregistered() && outbox_.pending() == 0) {
        send_one({}, outcome);
        if (status_.consecutive_failures > 0) {
            outcome.failed = true;
            status_.pending = outbox_.pending();
            return outcome;
        }
    }
    for (;;) {
        const auto batch = outbox_.next_batch(batch_limit_);
        if (batch.empty()) break;
        if (!send_one(batch, outcome)) {
            outcome.failed = status_.consecutive_failures > 0;
            break;
        }
    }
    status_.pending = outbox_.pending();
    return outcome;
}

bool SyncEngine::pull_config_if_due() {
    const std::int64_t now = clock_.monotonic_ms();
    if (last_config_pull_ms_ && now - *last_config_pull_ms_ < options_.config_every_ms) return false;
    const HttpResult result = transport_.get_config(status_.config_version);
    if (auto problem = http_problem(result)) {
        failed(std::move(*problem));  // asked again after the backoff
        return false;
    }
    last_config_pull_ms_ = now;
    status_.consecutive_failures = 0;
    status_.last_error.reset();
    if (result.status != 200) return false;  // 204 nothing published, 304 ours is current
    const auto decoded = decode_config(result.body);
    if (const auto* error = std::get_if<ProtocolError>(&decoded)) {
        // Kept from the kiosk: the layanan and targets stay as they were.
        status_.last_error = Problem{"sync.config_rejected", {{"detail", error->key + " " + error->where}}};
        return false;
    }
    const auto& config = std::get<store::PublishedConfig>(decoded);
    const bool applied = outbox_.apply_config(config, store::iso8601(clock_.wall_now()));
    status_.config_version = outbox_.applied_config_version();
    const std::string expected = config.questionnaire_id + ":" + std::to_string(config.questionnaire_version);
    if (!options_.questionnaire.empty() && expected != options_.questionnaire) {
        // The survey goes on with this device's questionnaire; the hub may refuse its answers.
        status_.last_error = Problem{"sync.questionnaire_mismatch", {{"expected", expected}, {"have", options_.questionnaire}}};
    }
    return applied;
}

DownloadOutcome SyncEngine::download() {
    DownloadOutcome outcome;
    auto fail = [&](Problem problem) {
        status_.download_error = problem;
        failed(std::move(problem));
        outcome.failed = true;
        return outcome;
    };
    std::int64_t cursor = 0;
    // A hostile hub could say "more" for ever: a bounded number of pages per run.
    for (std::size_t page_number = 0; page_number < options_.max_download_pages; ++page_number) {
        const HttpResult result = transport_.get_link_answers(cursor, options_.batch_size);
        if (auto problem = http_problem(result)) return fail(std::move(*problem));
        if (result.status != 200) break;  // 204: nothing offered (a hub without the download direction)
        const auto decoded = decode_link_answers(result.body, scheme_);
        if (const auto* error = std::get_if<ProtocolError>(&decoded)) {
            return fail(Problem{"sync.bad_reply", {{"detail", error->key + " " + error->where}}});
        }
        const auto& page = std::get<LinkAnswersPage>(decoded);
        ++outcome.pages;
        if (page.responses.empty()) break;
        // Stored (and durable) before the hub hears of it.
        const store::DownloadStored stored = outbox_.store_downloaded(page.responses);
        outcome.stored += stored.inserted;
        outcome.already += stored.already_present;
        outcome.refused += stored.refused.size();
        status_.downloaded_total += static_cast<std::int64_t>(stored.inserted);
        if (!stored.acknowledge.empty()) {
            const HttpResult ack = transport_.post_link_ack(encode_link_ack(stored.acknowledge));
            if (auto problem = http_problem(ack)) return fail(std::move(*problem));
            if (ack.status != 200) {
                return fail(Problem{"sync.hub_error", {{"status", std::to_string(ack.status)}, {"detail", ack.detail}}});
            }
            const auto acknowledged = decode_link_ack_reply(ack.body);
            if (const auto* error = std::get_if<ProtocolError>(&acknowledged)) {
                return fail(Problem{"sync.bad_reply", {{"detail", error->key + " " + error->where}}});
            }
        }
        if (!stored.refused.empty()) {
            // Kept at the hub and asked again next time; staff see why.
            status_.download_error = stored.refused.front();
        }
        if (!page.more || page.cursor <= cursor) break;
        cursor = page.cursor;
    }
    if (outcome.refused == 0) status_.download_error.reset();
    // Clears only a failure's error (a download's, or the network's before it): a warning
    // that came with a success (sync.config_rejected, sync.questionnaire_mismatch) stays.
    if (status_.consecutive_failures > 0) {
        status_.consecutive_failures = 0;
        status_.last_error.reset();
    }
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
        drain_once();
        const int failures = engine_.status().consecutive_failures;
        backoff = failures > 0 ? engine_.backoff_ms(failures) : 0;
        const std::lock_guard lock(mutex_);
        snapshot_ = engine_.status();
    }
}

void SyncWorker::drain_once() {
    try {
        // Up first, then down: a failed download is shown on Status and tried again after the backoff.
        if (!engine_.drain().failed && !engine_.download().failed) engine_.pull_config_if_due();
    } catch (const Error& error) {
        engine_.failed(error.problem());  // store.locked, store.disk_full, store.io_error …
    } catch (const std::exception& error) {
        engine_.failed(Problem{"error.internal", {{"detail", error.what()}}});
    }
}

}  // namespace skm::sync
