// HTTPS to the kabupaten hub over libcurl: the project's only libcurl user.
// Certificate and host verification are always on (there is no switch to
// turn them off); a kabupaten's own CA can be given as a file, and the hub's
// public key can be pinned. One connection is kept alive between batches.
#pragma once

#include "sync/engine.hpp"

#include <string>

namespace skm::sync {

struct TransportOptions {
    std::string url;                 // https://hub.example.go.id/api/v1/batches
    std::string device_token;        // sent as "Authorization: Bearer …"
    std::string ca_file;             // PEM; empty: the system's CA store
    std::string pinned_public_key;   // "sha256//BASE64"; empty: no pinning
    long connect_timeout_ms = 10'000;
    long timeout_ms = 60'000;
    std::string proxy;               // empty: the environment's (https_proxy), if any
};

class CurlTransport final : public Transport {
public:
    // Throws std::invalid_argument unless the URL is https://.
    explicit CurlTransport(TransportOptions options);
    ~CurlTransport() override;
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    HttpResult post_batch(const std::string& gzip_body) override;
    // GET config_url_for(url)?have=N.
    HttpResult get_config(std::int64_t applied_version) override;
    // GET link_answers_url_for(url)?after=N&limit=M; POST link_ack_url_for(url) (plain JSON).
    HttpResult get_link_answers(std::int64_t cursor, std::size_t limit) override;
    HttpResult post_link_ack(const std::string& json_body) override;

private:
    // A POST of body (gzip'd unless `gzip` is false), or a GET when there is none.
    HttpResult perform(const std::string& url, const std::string* body, bool gzip = true);

    TransportOptions options_;
    void* curl_ = nullptr;  // CURL*, reused for keep-alive
};

}  // namespace skm::sync
