// Index: [routes] [batches] [reports] [config] [link answers] [dashboard] [lifecycle]
#include "hub/server.hpp"

#include "hub/client_address.hpp"
#include "hub/config_api.hpp"
#include "hub/device_token.hpp"
#include "hub/ikm_api.hpp"
#include "hub/link_answers_api.hpp"

#include <httplib.h>
#include <openssl/ssl.h>

#include <charconv>
#include <chrono>
#include <cstdint>

namespace skm::hub {
namespace {

// The Content-Length a request states (0 when none): a body that says it is
// too large is refused before a byte of it is read.
std::uint64_t declared_length(const httplib::Request& req) {
    const std::string text = req.get_header_value("Content-Length");
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() ? value : 0;
}

// The most request headers the hub itself takes (defence in depth: behind the
// proxy nginx already bounds them far lower, see packaging/nginx). A browser
// sends about 15 headers and 2 KiB; a kiosk fewer.
constexpr std::size_t kMaxHeaderCount = 64;
constexpr std::size_t kMaxHeaderBytes = 16 * 1024;

bool headers_too_large(const httplib::Request& req) {
    if (req.headers.size() > kMaxHeaderCount) return true;
    std::size_t bytes = req.target.size();
    for (const auto& [name, value] : req.headers) bytes += name.size() + value.size() + 4;
    return bytes > kMaxHeaderBytes;
}

std::unique_ptr<httplib::Server> make_server(const ServerOptions& options) {
    if (options.cert_file.empty() && options.key_file.empty()) return std::make_unique<httplib::Server>();
    return std::make_unique<httplib::SSLServer>(options.cert_file.c_str(), options.key_file.c_str());
}

// How far past the upload limit a body is still read, to be thrown away.
std::size_t discard_limit(const IngestLimits& limits) { return 4 * limits.max_compressed_bytes; }

struct Body {
    std::string bytes;
    bool over_limit = false;
    bool complete = false;
};

// Reads the body as it arrives (with a length or chunked): keeps up to
// `keep` bytes, throws away the rest, and stops reading past `read_at_most`.
Body read_body(const httplib::ContentReader& reader, std::size_t keep, std::size_t read_at_most) {
    Body body;
    std::size_t received = 0;
    body.complete = reader([&](const char* data, std::size_t size) {
        received += size;
        if (received > read_at_most) return false;
        if (received <= keep) body.bytes.append(data, size);
        return true;
    });
    body.over_limit = received > keep;
    if (body.over_limit) body.bytes.clear();
    return body;
}

}  // namespace

struct HubServer::Impl {
    Impl(HubStore& store_in, store::Clock& clock_in, const formats::Catalog& catalog_in, ServerOptions options_in,
         std::function<void(const Problem&)> log_in)
        : store(store_in),
          clock(clock_in),
          catalog(catalog_in),
          options(std::move(options_in)),
          log(std::move(log_in)),
          ingest(store_in, clock_in, options.limits, options.device_report),
          server(make_server(options)) {}

    void routes();
    void batches(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader);
    void receive_batch(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader);
    void reports(const httplib::Request& req, httplib::Response& res);
    void config(const httplib::Request& req, httplib::Response& res);
    void link_answers(const httplib::Request& req, httplib::Response& res);
    void link_ack(const httplib::Request& req, httplib::Response& res);
    void send(httplib::Response& res, const ApiReply& reply);
    void dashboard(const httplib::Request& req, httplib::Response& res);

    HubStore& store;
    store::Clock& clock;
    const formats::Catalog& catalog;
    ServerOptions options;
    std::function<void(const Problem&)> log;
    IngestApi ingest;
    std::unique_ptr<httplib::Server> server;  // an SSLServer unless behind the proxy
    bool tls = false;
};

// ---- [routes] ----------------------------------------------------------------

void HubServer::Impl::send(httplib::Response& res, const ApiReply& reply) {
    res.status = reply.status;
    res.set_content(reply.body, "application/json");
    // A refused request may leave its body unread on the connection; closing
    // it keeps those bytes from being read as the next request.
    if (reply.status >= 400) res.set_header("Connection", "close");
}

void HubServer::Impl::routes() {
    // httplib unpacks "Content-Encoding: gzip" bodies itself, with no limit
    // on the unpacked size and no switch in 0.11 to turn it off. Dropping the
    // header before the body is read hands us the bytes as sent, and our own
    // bounded gzip (sync/gzip) unpacks them. The Request is httplib's own
    // non-const object, lent to this handler as const.
    server->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (headers_too_large(req)) {
            send(res, error_reply(431, "hub.too_large", "headers"));
            return httplib::Server::HandlerResponse::Handled;
        }
        auto& request = const_cast<httplib::Request&>(req);
        request.headers.erase("Content-Encoding");
        // From here on remote_addr is the client's, also behind the proxy.
        request.remote_addr =
            client_address(req.remote_addr, req.get_header_value("X-Forwarded-For"), options.trusted_proxy);
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // httplib's own limit, which also refuses a stated Content-Length above
    // it on our batches route, is the most a body is read to be thrown away
    // (batches()); the upload limit itself is applied as the body arrives.
    server->set_payload_max_length(discard_limit(options.limits));
    // A kiosk sends its next batch as soon as it has marked the last, so a
    // short keep-alive still spares it a TLS handshake per batch; httplib
    // waits out an idle connection's keep-alive before it can stop.
    server->set_keep_alive_timeout(2);
    // httplib writes a reply's headers and body separately; with Nagle on,
    // the body waits for the kiosk's delayed ACK of the headers: 40 ms per
    // batch on Linux (bench/results/sync.md measured 24 responses/s one by one).
    server->set_tcp_nodelay(true);
    server->Post("/api/v1/batches", [this](const httplib::Request& req, httplib::Response& res,
                                         const httplib::ContentReader& reader) { batches(req, res, reader); });
    server->Get("/api/v1/ikm", [this](const httplib::Request& req, httplib::Response& res) { reports(req, res); });
    server->Get("/api/v1/config", [this](const httplib::Request& req, httplib::Response& res) { config(req, res); });
    server->Get("/api/v1/link-answers",
                [this](const httplib::Request& req, httplib::Response& res) { link_answers(req, res); });
    server->Post("/api/v1/link-answers/ack",
                 [this](const httplib::Request& req, httplib::Response& res) { link_ack(req, res); });
    // Everything else is the dashboard's (it answers 401 or a redirect to its
    // login page without a session). httplib tries the batches route, which
    // reads its own body, before these, and the routes in the order given.
    if (options.web) {
        const auto web = [this](const httplib::Request& req, httplib::Response& res) { dashboard(req, res); };
        server->Get(".*", web);
        server->Post(".*", web);
    }
    server->set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        res.set_content(error_reply(res.status, res.status == 404 ? "hub.not_found" : "hub.bad_request").body,
                        "application/json");
    });
    server->set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        try {
            if (error) std::rethrow_exception(error);
        } catch (const Error& e) {
            log(e.problem());
        } catch (const std::exception& e) {
            log(Problem{"hub.internal", {{"detail", e.what()}}});
        }
        send(res, error_reply(500, "hub.internal"));
    });
}

// ---- [batches] ---------------------------------------------------------------

void HubServer::Impl::batches(const httplib::Request& req, httplib::Response& res,
                              const httplib::ContentReader& reader) {
    try {
        receive_batch(req, res, reader);
    } catch (const Error& e) {
        // Nothing of the batch was stored; the kiosk keeps it and tries again later.
        log(e.problem());
        send(res, error_reply(503, "hub.storage_unavailable"));
    }
}

void HubServer::Impl::receive_batch(const httplib::Request& req, httplib::Response& res,
                                    const httplib::ContentReader& reader) {
    const std::size_t limit = ingest.limits().max_compressed_bytes;
    // Who is asking comes first: a stranger's body is only read to be thrown
    // away (up to the limit), so that a kiosk with a revoked token is told
    // 401 instead of seeing its connection reset in the middle of sending.
    auto who = ingest.authenticate(req.get_header_value("Authorization"));
    if (const auto* refused = std::get_if<ApiReply>(&who)) {
        if (declared_length(req) <= limit) read_body(reader, 0, limit);
        return send(res, *refused);
    }
    const Device& device = std::get<Device>(who);

    // A body over the limit is still read, and thrown away, up to a few
    // times the limit, for the same reason; one that says it is larger still
    // is refused unread, and the connection closed.
    const std::size_t discard_up_to = discard_limit(options.limits);
    if (declared_length(req) > discard_up_to) return send(res, error_reply(413, "hub.too_large", "body"));
    const Body body = read_body(reader, limit, discard_up_to);
    if (body.over_limit) return send(res, error_reply(413, "hub.too_large", "body"));
    if (!body.complete) return send(res, error_reply(400, "hub.body_unreadable", "body"));
    send(res, ingest.ingest(device, body.bytes));
}

// ---- [reports] ---------------------------------------------------------------

void HubServer::Impl::reports(const httplib::Request& req, httplib::Response& res) {
    const auto token = bearer_token(req.get_header_value("Authorization"));
    if (!options.admin_token_hash || !token || !same_hash(token_hash(*token), *options.admin_token_hash)) {
        return send(res, error_reply(401, "hub.unauthorized", "Authorization"));
    }
    std::multimap<std::string, std::string> params(req.params.begin(), req.params.end());
    try {
        send(res, ikm_report(store, params, catalog));
    } catch (const Error& e) {
        log(e.problem());
        send(res, error_reply(503, "hub.storage_unavailable"));
    }
}

// ---- [config] ----------------------------------------------------------------

void HubServer::Impl::config(const httplib::Request& req, httplib::Response& res) {
    auto who = ingest.authenticate(req.get_header_value("Authorization"));
    if (const auto* refused = std::get_if<ApiReply>(&who)) return send(res, *refused);
    try {
        const auto have = req.has_param("have") ? std::optional(req.get_param_value("have")) : std::nullopt;
        send(res, config_reply(store, std::get<Device>(who), have));
    } catch (const Error& e) {
        log(e.problem());
        send(res, error_reply(503, "hub.storage_unavailable"));
    }
}

// ---- [link answers] ----------------------------------------------------------

void HubServer::Impl::link_answers(const httplib::Request& req, httplib::Response& res) {
    auto who = ingest.authenticate(req.get_header_value("Authorization"));
    if (const auto* refused = std::get_if<ApiReply>(&who)) return send(res, *refused);
    auto param = [&](const char* name) {
        return req.has_param(name) ? std::optional(req.get_param_value(name)) : std::nullopt;
    };
    try {
        send(res, link_answers_reply(store, std::get<Device>(who), param("after"), param("limit"),
                                     options.limits.protocol));
    } catch (const Error& e) {
        log(e.problem());
        send(res, error_reply(503, "hub.storage_unavailable"));
    }
}

void HubServer::Impl::link_ack(const httplib::Request& req, httplib::Response& res) {
    auto who = ingest.authenticate(req.get_header_value("Authorization"));
    if (const auto* refused = std::get_if<ApiReply>(&who)) return send(res, *refused);
    try {
        send(res, link_ack_reply(store, std::get<Device>(who), req.body, store::iso8601(clock.wall_now()),
                                 options.limits.protocol));
    } catch (const Error& e) {
        // Nothing was marked: the kiosk acknowledges again, and has the answers already.
        log(e.problem());
        send(res, error_reply(503, "hub.storage_unavailable"));
    }
}

// ---- [dashboard] -------------------------------------------------------------

void HubServer::Impl::dashboard(const httplib::Request& req, httplib::Response& res) {
    web::WebRequest request;
    request.method = req.method;
    request.path = req.path;
    request.params.insert(req.params.begin(), req.params.end());
    request.cookie_header = req.get_header_value("Cookie");
    request.remote_addr = req.remote_addr;
    web::WebResponse reply;
    try {
        reply = options.web(request);
    } catch (const Error& e) {
        log(e.problem());
        reply.status = 503;
        reply.content_type = "text/plain; charset=utf-8";
        reply.body = catalog.text("hub.storage_unavailable");
    }
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.headers.emplace(name, value);
    res.set_content(reply.body, reply.content_type.c_str());
}

// ---- [lifecycle] -------------------------------------------------------------

HubServer::HubServer(HubStore& store, store::Clock& clock, const formats::Catalog& catalog, ServerOptions options,
                     std::function<void(const Problem&)> log) {
    const auto cert = options.cert_file.string();
    const auto key = options.key_file.string();
    impl_ = std::make_unique<Impl>(store, clock, catalog, std::move(options), std::move(log));
    if (!impl_->server->is_valid()) {
        throw Error(ErrorKind::input, Problem{"hub.bad_certificate", {{"cert", cert}, {"key", key}}});
    }
    impl_->tls = dynamic_cast<httplib::SSLServer*>(impl_->server.get()) != nullptr;
    if (auto* tls = dynamic_cast<httplib::SSLServer*>(impl_->server.get())) {
        // TLS 1.0 and 1.1 are broken and no kiosk needs them (sync/transport
        // asks for 1.2+); the 1.2 suites are those of the proxy (forward secrecy only).
        if (SSL_CTX_set_min_proto_version(tls->ssl_context(), TLS1_2_VERSION) != 1 ||
            SSL_CTX_set_cipher_list(tls->ssl_context(), SKM_TLS12_CIPHERS) != 1) {
            throw Error(ErrorKind::input, Problem{"hub.bad_certificate", {{"cert", cert}, {"key", key}}});
        }
    }
    impl_->routes();
    if (impl_->tls) {
        // Behind the proxy nginx adds it (packaging/nginx, whose value this is).
        impl_->server->set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
            res.set_header("Strict-Transport-Security", SKM_HSTS);
        });
    }
}

HubServer::~HubServer() {
    stop();
    if (thread_.joinable()) thread_.join();
}

int HubServer::bind(const std::string& host, int port) {
    const int bound = port == 0 ? impl_->server->bind_to_any_port(host)
                                : (impl_->server->bind_to_port(host, port) ? port : -1);
    if (bound <= 0) {
        throw Error(ErrorKind::network, Problem{"hub.cannot_listen", {{"address", host + ":" + std::to_string(port)}}});
    }
    return bound;
}

void HubServer::run() {
    {
        const std::lock_guard lock(mutex_);
        if (stop_requested_) return;
        serving_ = true;
    }
    impl_->server->listen_after_bind();
    const std::lock_guard lock(mutex_);
    serving_ = false;
    finished_ = true;
}

void HubServer::start() {
    thread_ = std::thread([this] { run(); });
    // Ready once httplib's accept loop is running (or run() ended early).
    for (;;) {
        if (impl_->server->is_running()) return;
        {
            const std::lock_guard lock(mutex_);
            if (stop_requested_ || finished_) return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

void HubServer::stop() {
    {
        const std::lock_guard lock(mutex_);
        stop_requested_ = true;
    }
    // run() may be between its check and httplib's accept loop: httplib's
    // stop() does nothing until that loop runs, so wait for it (or for run()
    // to have ended) before asking.
    for (;;) {
        if (impl_->server->is_running()) {
            impl_->server->stop();
            return;
        }
        {
            const std::lock_guard lock(mutex_);
            if (!serving_) return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

}  // namespace skm::hub
