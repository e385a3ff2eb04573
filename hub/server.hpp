// The hub's HTTP server (cpp-httplib). Two ways to run it:
//   - behind the reverse proxy (nginx, packaging/nginx): plain HTTP on a
//     loopback address; the proxy terminates TLS, bounds headers, bodies and
//     timeouts, and names the client in X-Forwarded-For, which is believed
//     only from the proxy's own address. This is the way for a public address.
//   - directly, with its own certificate (TLS 1.2 or newer): tests and small
//     setups on a trusted network.
// Routes:
//   POST /api/v1/batches   kiosk uploads (hub/ingest_api), device token
//   GET  /api/v1/ikm       IKM per kecamatan × layanan (hub/ikm_api), admin token
//   GET  /api/v1/config    the config published for the device's kecamatan (hub/config_api), device token
//   GET  /api/v1/link-answers, POST /api/v1/link-answers/ack
//                          link answers down to the kiosks (hub/link_answers_api), device token
//   everything else        the web dashboard (hub/web), when one is given
// Bodies are read by us, counted as they arrive (chunked ones too), and the
// connection is closed after any refusal so an unread body cannot be taken
// for the next request. httplib is kept out of this header.
#pragma once

#include "formats/catalog.hpp"
#include "hub/hub_store.hpp"
#include "hub/ingest_api.hpp"
#include "hub/web_request.hpp"
#include "store/clock.hpp"

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace skm::hub {

struct ServerOptions {
    // Both empty: plain HTTP behind the proxy named by trusted_proxy.
    std::filesystem::path cert_file;  // PEM, the server certificate (and its chain)
    std::filesystem::path key_file;   // PEM
    // The reverse proxy's address (e.g. 127.0.0.1): X-Forwarded-For is taken
    // as the client's address only on connections from it.
    std::optional<std::string> trusted_proxy;
    // Hash (hub/device_token) of the token that may read reports; none: reports are closed.
    std::optional<std::string> admin_token_hash;
    IngestLimits limits;
    // The web dashboard (hub/web/web_app); none: only the APIs are served.
    std::function<web::WebResponse(const web::WebRequest&)> web;
    // Told what a kiosk said about itself with each accepted batch (hub/web stores it).
    std::function<void(const DeviceReportIn&)> device_report;
};

class HubServer {
public:
    // `log` receives one line per event worth an administrator's eye (storage
    // failures); it is called from the server's threads. Throws
    // skm::Error(input, "hub.bad_certificate") when the certificate or key cannot be used.
    HubServer(HubStore& store, store::Clock& clock, const formats::Catalog& catalog, ServerOptions options,
              std::function<void(const Problem&)> log);
    ~HubServer();  // stops, and joins the thread start() made
    HubServer(const HubServer&) = delete;
    HubServer& operator=(const HubServer&) = delete;

    // Port 0: any free port. Returns the port. Throws skm::Error(network, "hub.cannot_listen").
    int bind(const std::string& host, int port);
    // Serves until stop(). Returns at once if stop() came first.
    void run();
    // run() on a thread of its own (tests).
    void start();
    // From any thread, also while run() is only about to begin.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::mutex mutex_;
    bool stop_requested_ = false;
    bool serving_ = false;
    bool finished_ = false;  // run() has returned
    std::thread thread_;
};

}  // namespace skm::hub
