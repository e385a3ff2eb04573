// The sync engine: drains the outbox to the hub in batches and marks each
// response only on the hub's own answer for it, so nothing is lost and a
// retry after any failure is harmless (the hub answers "duplicate"). On a
// failure it backs off exponentially with jitter. Clock, randomness and the
// transport are injected; SyncWorker runs it on its own thread so the
// kiosk's frame loop never waits for the network.
//
// Index: [transport] [engine] [worker]
#pragma once

#include "scoring/problem.hpp"
#include "store/clock.hpp"
#include "store/outbox.hpp"
#include "store/published_config.hpp"
#include "sync/protocol.hpp"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace skm::sync {

// ---- [transport] -----------------------------------------------------------

struct HttpResult {
    bool connected = false;  // false: no reply at all (refused, timeout, dropped, TLS failure)
    int status = 0;          // HTTP status when connected
    std::string body;        // decompressed reply body
    std::string detail;      // what went wrong, for staff
};

// Sends one gzip'd batch body and returns the hub's reply. The real one is
// CurlTransport (sync/transport); tests use their own.
class Transport {
public:
    virtual ~Transport() = default;
    virtual HttpResult post_batch(const std::string& gzip_body) = 0;
    // Asks for the config the hub publishes, telling it the version applied
    // here: 200 with a newer one, 304 when that is still current, 204 when
    // nothing is published. A transport that cannot ask answers 204.
    virtual HttpResult get_config(std::int64_t applied_version);
    // The download direction (sync/link_answers_protocol): a page of link
    // answers after `cursor`, and the acknowledgement of the ids stored. A
    // transport that cannot ask answers 204 (nothing to download).
    virtual HttpResult get_link_answers(std::int64_t cursor, std::size_t limit);
    virtual HttpResult post_link_ack(const std::string& json_body);
};

// ---- [engine] --------------------------------------------------------------

struct EngineOptions {
    std::size_t batch_size = 200;
    std::int64_t backoff_base_ms = 5'000;
    std::int64_t backoff_max_ms = 15 * 60'000;
    std::string device_id;
    std::int64_t config_every_ms = 15 * 60'000;  // how often to ask the hub for a newer config
    std::string questionnaire;  // "id:version" this device asks, to warn when the hub expects another
    std::string app_version;  // sent with each batch for the hub's device page; "" = not sent
    // Survey links (#21, sync/link_keys): send this device's public key with
    // each batch until the hub acknowledged it, with an empty batch when none
    // waits, so an enrolled kiosk registers on its next sync.
    bool register_link_key = false;
    // The office profile for the hub's posters, read on the sync thread from
    // the outbox's own connection; empty: never sent. Sent with a batch only
    // when it differs from the one the hub last took, or that was on another day.
    std::function<OfficeProfile(const store::Outbox&)> office_profile;
    std::size_t max_download_pages = 50;  // link-answer pages per download (each of batch_size)
};

struct SyncStatus {
    std::int64_t pending = 0;
    std::string last_success;                 // ISO time of the last batch the hub answered
    std::optional<Problem> last_error;        // sync.* key, cleared by a success
    int consecutive_failures = 0;
    std::int64_t sent_total = 0;              // this run
    std::int64_t config_version = 0;          // the hub config applied here (0: none)
    std::optional<std::int64_t> clock_ahead_s;  // this device's clock minus the hub's, at the last reply
    std::int64_t downloaded_total = 0;        // link answers newly stored here, this run
    std::optional<Problem> download_error;    // the last download's failure, cleared by a good one
};

struct DownloadOutcome {
    std::size_t pages = 0;
    std::size_t stored = 0;      // newly stored here
    std::size_t already = 0;     // held here already (a lost acknowledgement before)
    std::size_t refused = 0;     // not storable here: not acknowledged, asked again next time
    bool failed = false;
};


struct DrainOutcome {
    std::size_t batches = 0;
    std::size_t sent = 0;      // accepted + duplicate
    std::size_t rejected = 0;
    bool failed = false;       // stopped on a failure: back off
};

class SyncEngine {
public:
    SyncEngine(store::Outbox& outbox, Transport& transport, const scoring::ScoringScheme& scheme, store::Clock& clock,
               std::function<double()> uniform01, EngineOptions options);

    // Sends batches until the outbox is empty or a batch fails.
    DrainOutcome drain();
    // How long to wait after `failures` failures in a row: base·2^(failures−1),
    // capped, times a jitter in [0.5, 1) so a district's kiosks do not retry in step.
    std::int64_t backoff_ms(int failures);
    const SyncStatus& status() const { return status_; }
    // Asks the hub for its config when it has not asked for config_every_ms
    // (or never): a newer one is applied to the device database, where the
    // kiosk's screens take it between surveys. True when one was applied.
    // A config that fails its checks changes nothing and is reported.
    bool pull_config_if_due();
    // The download direction, after uploading: pages of the link answers the
    // hub holds for this office, each stored (store::Outbox::store_downloaded:
    // origin hub, channel link, never put in the upload outbox) in one
    // transaction before it is acknowledged, so nothing is lost or doubled
    // whatever the network drops. A failure is kept in status().download_error
    // (and counted like any sync failure, for the backoff); it never throws
    // for the network's sake.
    DownloadOutcome download();
    // A failure met outside the engine's own checks (the outbox threw: the
    // database is locked, full, read-only): counted like a refused batch, so
    // the worker backs off and Status shows it; cleared by the next success.
    void failed(Problem problem);

private:
    bool send_one(const std::vector<store::Submission>& batch, DrainOutcome& outcome);
    bool refused_whole(const HttpResult& result, const std::vector<store::Submission>& items, DrainOutcome& outcome);
    bool link_key_unregistered() const;
    static std::optional<Problem> http_problem(const HttpResult& result);
    void compare_clocks(const std::string& hub_time);
    // The profile's mark ("<date> <hash>") and the profile when it is due, else nothing.
    std::optional<std::pair<std::string, OfficeProfile>> profile_due();

    store::Outbox& outbox_;
    Transport& transport_;
    const scoring::ScoringScheme& scheme_;
    store::Clock& clock_;
    std::function<double()> uniform01_;
    EngineOptions options_;
    SyncStatus status_;
    std::uint64_t batch_counter_ = 0;
    std::size_t batch_limit_ = options_.batch_size;  // halved while the hub answers 413
    std::optional<std::int64_t> last_config_pull_ms_;
};

// ---- [worker] --------------------------------------------------------------

// Runs the engine on its own thread: drains when nudged (after each submit)
// or when the backoff expires. status() may be read from any thread. Nothing
// the engine throws ends the thread (an exception leaving it would end the
// kiosk through std::terminate): it becomes the status's last_error, and the
// worker backs off and tries again.
class SyncWorker {
public:
    explicit SyncWorker(SyncEngine& engine);
    ~SyncWorker();  // stops and joins
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void nudge();
    void stop();
    SyncStatus status() const;

private:
    void run();
    void drain_once();

    SyncEngine& engine_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool nudged_ = true;
    bool stopping_ = false;
    SyncStatus snapshot_;
    std::thread thread_;
};

}  // namespace skm::sync
