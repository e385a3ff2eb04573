#include "sync/transport.hpp"

#include "sync/config_protocol.hpp"
#include "sync/curl_global.hpp"
#include "sync/link_answers_protocol.hpp"

#include <curl/curl.h>

#include <stdexcept>

namespace skm::sync {
namespace {

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    // A hub reply is small; a huge one is not a hub reply.
    if (body->size() + size * count > (16u << 20)) return 0;
    body->append(data, size * count);
    return size * count;
}

}  // namespace

// libcurl wants curl_global_init once per process before any handle.
void curl_global_init_once() {
    static const bool ok = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    if (!ok) throw std::runtime_error("libcurl cannot start");
}

CurlTransport::CurlTransport(TransportOptions options) : options_(std::move(options)) {
    if (options_.url.rfind("https://", 0) != 0) throw std::invalid_argument("the hub URL must start with https://");
    curl_global_init_once();
    curl_ = curl_easy_init();
    if (!curl_) throw std::runtime_error("libcurl: no handle");
}

CurlTransport::~CurlTransport() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

HttpResult CurlTransport::post_batch(const std::string& gzip_body) {
    return perform(options_.url, &gzip_body);
}

HttpResult CurlTransport::get_config(std::int64_t applied_version) {
    return perform(config_url_for(options_.url) + "?have=" + std::to_string(applied_version), nullptr);
}

HttpResult CurlTransport::get_link_answers(std::int64_t cursor, std::size_t limit) {
    return perform(link_answers_url_for(options_.url) + "?after=" + std::to_string(cursor) +
                       "&limit=" + std::to_string(limit),
                   nullptr);
}

HttpResult CurlTransport::post_link_ack(const std::string& json_body) {
    return perform(link_ack_url_for(options_.url), &json_body, false);
}

HttpResult CurlTransport::perform(const std::string& url, const std::string* gzip_body, bool gzip) {
    CURL* curl = static_cast<CURL*>(curl_);
    curl_easy_reset(curl);  // keeps the live connection, forgets the last request's options
    HttpResult result;
    std::string body;
    curl_slist* headers = nullptr;
    if (gzip_body) {
        headers = curl_slist_append(headers, "Content-Type: application/json");
        if (gzip) headers = curl_slist_append(headers, "Content-Encoding: gzip");
    }
    const std::string auth = "Authorization: Bearer " + options_.device_token;
    headers = curl_slist_append(headers, auth.c_str());

    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl_easy_setopt(curl, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
    if (!options_.pinned_public_key.empty()) curl_easy_setopt(curl, CURLOPT_PINNEDPUBLICKEY, options_.pinned_public_key.c_str());
    if (!options_.proxy.empty()) curl_easy_setopt(curl, CURLOPT_PROXY, options_.proxy.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // the sync thread must not receive SIGALRM
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    if (gzip_body) {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, gzip_body->data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(gzip_body->size()));
    } else {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // the hub may gzip its reply; curl unpacks it
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);

    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) {
        result.connected = false;
        result.detail = curl_easy_strerror(rc);
        return result;
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    result.connected = true;
    result.status = static_cast<int>(status);
    result.body = std::move(body);
    return result;
}

}  // namespace skm::sync
