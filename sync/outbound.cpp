#include "sync/outbound.hpp"

#include "sync/curl_global.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>

namespace skm::sync {
namespace {

struct CurlHandle {
    CURL* curl = curl_easy_init();
    curl_slist* list = nullptr;
    char error[CURL_ERROR_SIZE] = {};
    ~CurlHandle() {
        if (list) curl_slist_free_all(list);
        if (curl) curl_easy_cleanup(curl);
    }
};

int on_progress(void* cancel, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return cancel && static_cast<const std::atomic<bool>*>(cancel)->load() ? 1 : 0;
}

void set_common(CurlHandle& h, const OutboundLimits& limits) {
    curl_easy_setopt(h.curl, CURLOPT_ERRORBUFFER, h.error);
    curl_easy_setopt(h.curl, CURLOPT_NOSIGNAL, 1L);  // a worker thread: no SIGALRM for timeouts
    curl_easy_setopt(h.curl, CURLOPT_CONNECTTIMEOUT, limits.connect_timeout_s);
    curl_easy_setopt(h.curl, CURLOPT_TIMEOUT, limits.timeout_s);
    if (!limits.ca_file.empty()) curl_easy_setopt(h.curl, CURLOPT_CAINFO, limits.ca_file.c_str());
    if (limits.cancel) {
        curl_easy_setopt(h.curl, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(h.curl, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(h.curl, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(limits.cancel));
    }
}

// The transfer's outcome, with the server's last reply code either way (an SMTP
// "451" says more than libcurl's "Weird server reply").
OutboundResult perform(CurlHandle& h) {
    OutboundResult result;
    const CURLcode code = curl_easy_perform(h.curl);
    curl_easy_getinfo(h.curl, CURLINFO_RESPONSE_CODE, &result.status);
    result.done = code == CURLE_OK;
    if (!result.done) result.error = h.error[0] ? std::string(h.error) : std::string(curl_easy_strerror(code));
    return result;
}

struct Upload {
    std::string_view data;
    std::size_t at = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, upload->data.size() - upload->at);
    std::memcpy(buffer, upload->data.data() + upload->at, n);
    upload->at += n;
    return n;
}

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
    auto* out = static_cast<std::string*>(user);
    if (out->size() < 64 * 1024) out->append(data, size * count);  // an answer, not a download
    return size * count;
}

}  // namespace

OutboundResult send_mail(const SmtpServer& server, const std::string& from, const std::string& to,
                         std::string_view message, const OutboundLimits& limits) {
    curl_global_init_once();
    CurlHandle h;
    if (!h.curl) return {false, 0, "", "curl_easy_init"};
    set_common(h, limits);
    const std::string mail_from = "<" + from + ">";
    Upload upload{message};
    curl_easy_setopt(h.curl, CURLOPT_URL, server.url.c_str());
    curl_easy_setopt(h.curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!server.user.empty()) {
        curl_easy_setopt(h.curl, CURLOPT_USERNAME, server.user.c_str());
        curl_easy_setopt(h.curl, CURLOPT_PASSWORD, server.password.c_str());
    }
    curl_easy_setopt(h.curl, CURLOPT_MAIL_FROM, mail_from.c_str());
    h.list = curl_slist_append(h.list, ("<" + to + ">").c_str());
    curl_easy_setopt(h.curl, CURLOPT_MAIL_RCPT, h.list);
    curl_easy_setopt(h.curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(h.curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h.curl, CURLOPT_UPLOAD, 1L);
    return perform(h);
}

OutboundResult post_json(const std::string& url, const std::string& json, const OutboundLimits& limits) {
    curl_global_init_once();
    CurlHandle h;
    if (!h.curl) return {false, 0, "", "curl_easy_init"};
    set_common(h, limits);
    std::string answer;
    h.list = curl_slist_append(h.list, "Content-Type: application/json");
    curl_easy_setopt(h.curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h.curl, CURLOPT_PROTOCOLS_STR, "https,http");
    curl_easy_setopt(h.curl, CURLOPT_HTTPHEADER, h.list);
    curl_easy_setopt(h.curl, CURLOPT_POSTFIELDS, json.c_str());
    curl_easy_setopt(h.curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(json.size()));
    curl_easy_setopt(h.curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(h.curl, CURLOPT_WRITEDATA, &answer);
    OutboundResult result = perform(h);
    result.body = std::move(answer);
    return result;
}

}  // namespace skm::sync
