// What the hub's HTTPS tests share: a hub (its own database on either
// backend, tests/hub/hub_backend, a server on a loopback port with a
// certificate of the test CA, restartable on the same port), a kiosk database holding given responses, and the kiosk's real
// engine and libcurl transport pointed at the hub.
#pragma once

#include "formats/catalog.hpp"
#include "hub/device_token.hpp"
#include "hub/hub_store.hpp"
#include "hub/open_hub_store.hpp"
#include "hub/server.hpp"
#include "store/outbox.hpp"
#include "store/response_store.hpp"
#include "sync/engine.hpp"
#include "sync/transport.hpp"
#include "tests/hub/hub_backend.hpp"
#include "tests/support/minimal_submission.hpp"
#include "tests/support/permenpan_scheme.hpp"
#include "tests/support/run_program.hpp"
#include "tests/support/test_pki.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace skm::hub::testing {

namespace fs = std::filesystem;

inline const scoring::ScoringScheme& scheme() { return skm::test::permenpan_scheme(); }

inline const formats::Catalog& catalog() {
    static const auto c = formats::Catalog::load(fs::path(SKM_SOURCE_DIR) / "assets" / "i18n", "id");
    return c;
}

inline store::Submission make_response(const std::string& id, const std::string& layanan = "KTP-el") {
    return skm::test::minimal_submission(id, layanan);
}

inline std::vector<store::Submission> make_responses(const std::string& prefix, std::size_t n) {
    std::vector<store::Submission> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(make_response(prefix + std::to_string(i), i % 2 ? "KTP-el" : "SKTM"));
    return out;
}

class TestHub {
public:
    explicit TestHub(Backend backend = Backend::sqlite) : db_(backend) { start(); }
    ~TestHub() { stop(); }

    // On the port of the last run, so kiosks find it where they left it.
    void start() {
        store_ = db_.open(scheme());
        ServerOptions options;
        options.cert_file = skm::testing::test_pki().server_cert;
        options.key_file = skm::testing::test_pki().server_key;
        options.admin_token_hash = token_hash(admin_token);
        server_ = std::make_unique<HubServer>(*store_, clock_, catalog(), options, [this](const Problem& p) {
            const std::lock_guard lock(log_mutex_);
            log_.push_back(p.key);
        });
        port_ = server_->bind("127.0.0.1", port_);
        server_->start();
    }
    void stop() {
        server_.reset();
        store_.reset();
    }

    std::string enroll(const std::string& device, const std::string& kecamatan) {
        const std::string token = new_token();
        store_->enroll(device, kecamatan, token_hash(token), "2025-07-01T08:00:00+07:00");
        return token;
    }
    HubStore& store() { return *store_; }
    // The --db value: a SQLite path or a postgresql:// URI.
    const std::string& db() const { return db_.db(); }
    // A second store on the same database, as `skm-hub revoke` opens while the hub serves.
    std::unique_ptr<HubStore> open_another() const { return db_.open(scheme()); }
    int port() const { return port_; }
    std::string url(const std::string& path = "/api/v1/batches") const {
        return "https://127.0.0.1:" + std::to_string(port_) + path;
    }

    // Straight from the hub's database, not through the code under test.
    std::int64_t count(const std::string& sql = "SELECT count(*) FROM responses") const { return db_.count(sql); }
    std::multiset<std::string> stored_ids() const {
        std::multiset<std::string> ids;
        for (const auto& row : db_.rows("SELECT response_id FROM responses")) ids.insert(row.at(0).value_or(""));
        return ids;
    }
    std::vector<std::string> log() {
        const std::lock_guard lock(log_mutex_);
        return log_;
    }

    const std::string admin_token = new_token();

private:
    BackendDb db_;
    store::ManualClock clock_{scoring::Timestamp{{2025, 7, 1}, 9, 0, 0, 420}};
    std::unique_ptr<HubStore> store_;
    std::unique_ptr<HubServer> server_;
    int port_ = 0;
    std::mutex log_mutex_;
    std::vector<std::string> log_;
};

// A kiosk's database with the given responses, all waiting to be sent.
class Kiosk {
public:
    explicit Kiosk(const std::vector<store::Submission>& responses) : dir_(skm::testing::make_temp_dir()) {
        store::StoreOptions options;
        options.path = db();
        store::ResponseStore store(options, scheme(), clock);
        store.import(responses);
        for (const auto& s : responses) ids.insert(s.response.response_id);
    }
    ~Kiosk() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    fs::path db() const { return dir_ / "skm.db"; }

    std::map<std::string, std::string> sync_states() const {
        store::Connection c(db().string(), SQLITE_OPEN_READONLY);
        store::Statement q(c, "SELECT response_id, sync_state FROM responses");
        std::map<std::string, std::string> out;
        while (q.step()) out[std::string(q.text(0))] = q.text(1);
        return out;
    }

    store::ManualClock clock{scoring::Timestamp{{2025, 7, 1}, 9, 0, 0, 420}};
    std::set<std::string> ids;

private:
    fs::path dir_;
};

inline sync::TransportOptions transport_to(const TestHub& hub, const std::string& token) {
    sync::TransportOptions o;
    o.url = hub.url();
    o.device_token = token;
    o.ca_file = skm::testing::test_pki().ca.string();
    o.connect_timeout_ms = 2000;
    o.timeout_ms = 10'000;
    return o;
}

// The kiosk's sync path as the kiosk runs it: outbox, engine, libcurl.
struct KioskSync {
    KioskSync(Kiosk& kiosk, sync::Transport& transport, std::size_t batch_size, const std::string& device_id)
        : outbox(kiosk.db(), scheme()),
          engine(outbox, transport, scheme(), kiosk.clock, [] { return 0.5; }, [&] {
              sync::EngineOptions o;
              o.batch_size = batch_size;
              o.device_id = device_id;
              return o;
          }()) {}
    store::Outbox outbox;
    sync::SyncEngine engine;
};

}  // namespace skm::hub::testing
