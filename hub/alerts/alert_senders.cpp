#include "hub/alerts/alert_senders.hpp"

#include "scoring/problem.hpp"

#include <curl/curl.h>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include <cctype>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>

namespace skm::hub::alerts {
namespace {

void global_init() {
    // libcurl wants curl_global_init once per process before any handle.
    static const bool ok = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    if (!ok) throw Error(ErrorKind::internal, Problem{"hub.alert_send_failed", {{"reason", "curl_global_init"}}});
}

Error failed(const std::string& reason) {
    return Error(ErrorKind::network, Problem{"hub.alert_send_failed", {{"reason", reason}}});
}

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

void set_common(CurlHandle& h, const std::string& ca_file, const SendLimits& limits) {
    curl_easy_setopt(h.curl, CURLOPT_ERRORBUFFER, h.error);
    curl_easy_setopt(h.curl, CURLOPT_NOSIGNAL, 1L);  // a worker thread: no SIGALRM for timeouts
    curl_easy_setopt(h.curl, CURLOPT_CONNECTTIMEOUT, limits.connect_timeout_s);
    curl_easy_setopt(h.curl, CURLOPT_TIMEOUT, limits.timeout_s);
    if (!ca_file.empty()) curl_easy_setopt(h.curl, CURLOPT_CAINFO, ca_file.c_str());
    if (limits.cancel) {
        curl_easy_setopt(h.curl, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(h.curl, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(h.curl, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(limits.cancel));
    }
}

void perform(CurlHandle& h) {
    const CURLcode code = curl_easy_perform(h.curl);
    if (code != CURLE_OK) throw failed(h.error[0] ? std::string(h.error) : std::string(curl_easy_strerror(code)));
}

std::string base64(std::string_view bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

// RFC 2047: UTF-8 in encoded words of at most 75 characters, cut between characters.
std::string encoded_header(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = std::min(text.size(), i + 45);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + base64(text.substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

std::string rfc5322_date() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[64];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[utc.tm_wday], utc.tm_mday,
                  months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return text;
}

std::string message_id(const std::string& to, const AlertMessage& message) {
    unsigned char hash[16];
    const std::string seed = to + "\n" + message.subject + "\n" + message.body;
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(seed.data()), seed.size(), nullptr, 0);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return "<" + std::string(hex) + "@skm-hub>";
}

// The whole message, CRLF line ends; the body in base64 so no line is too long for SMTP.
std::string email_text(const SmtpConfig& smtp, const std::string& to, const AlertMessage& message) {
    std::string out = "Date: " + rfc5322_date() + "\r\nFrom: <" + smtp.from + ">\r\nTo: <" + to +
                      ">\r\nSubject: " + encoded_header(message.subject) + "\r\nMessage-ID: " + message_id(to, message) +
                      "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                      "Content-Transfer-Encoding: base64\r\n\r\n";
    const std::string body = base64(message.body);
    for (std::size_t i = 0; i < body.size(); i += 76) out += body.substr(i, 76) + "\r\n";
    return out;
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

bool has_bad_char(std::string_view text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '(' || c == ')' ||
            c == '\\' || c == '[' || c == ']')
            return true;
    }
    return false;
}

}  // namespace

bool valid_address(Channel channel, std::string_view address) {
    if (address.empty() || address.size() > 254) return false;
    if (channel == Channel::email) {
        const auto at = address.find('@');
        return !has_bad_char(address) && at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
               address.find('@', at + 1) == std::string_view::npos && address.find('.', at) != std::string_view::npos;
    }
    if (address.front() == '@') {
        if (address.size() < 2) return false;
        for (const char c : address.substr(1))
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
        return true;
    }
    const std::string_view digits = address.front() == '-' ? address.substr(1) : address;
    if (digits.empty() || digits.size() > 18) return false;  // fits a 64-bit integer
    for (const char c : digits)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

void send_email(const SmtpConfig& smtp, const std::string& to, const AlertMessage& message, const SendLimits& limits) {
    global_init();
    // A header built from these must not be able to grow another header.
    if (!valid_address(Channel::email, to) || !valid_address(Channel::email, smtp.from))
        throw failed("invalid address: " + to);
    CurlHandle h;
    if (!h.curl) throw failed("curl_easy_init");
    set_common(h, smtp.ca_file, limits);
    const std::string from = "<" + smtp.from + ">";
    const std::string text = email_text(smtp, to, message);
    Upload upload{text};
    curl_easy_setopt(h.curl, CURLOPT_URL, smtp.url.c_str());
    curl_easy_setopt(h.curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!smtp.user.empty()) {
        curl_easy_setopt(h.curl, CURLOPT_USERNAME, smtp.user.c_str());
        curl_easy_setopt(h.curl, CURLOPT_PASSWORD, smtp.password.c_str());
    }
    curl_easy_setopt(h.curl, CURLOPT_MAIL_FROM, from.c_str());
    h.list = curl_slist_append(h.list, ("<" + to + ">").c_str());
    curl_easy_setopt(h.curl, CURLOPT_MAIL_RCPT, h.list);
    curl_easy_setopt(h.curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(h.curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h.curl, CURLOPT_UPLOAD, 1L);
    const CURLcode code = curl_easy_perform(h.curl);
    if (code == CURLE_OK) return;
    // The server's last reply code says more than libcurl's text ("451" rather than "Weird server reply").
    long reply = 0;
    curl_easy_getinfo(h.curl, CURLINFO_RESPONSE_CODE, &reply);
    std::string reason = h.error[0] ? std::string(h.error) : std::string(curl_easy_strerror(code));
    if (reply > 0) reason += " (SMTP " + std::to_string(reply) + ")";
    throw failed(reason);
}

void send_telegram(const TelegramConfig& telegram, const std::string& chat_id, const AlertMessage& message,
                   const SendLimits& limits) {
    global_init();
    if (!valid_address(Channel::telegram, chat_id)) throw failed("invalid chat id: " + chat_id);
    CurlHandle h;
    if (!h.curl) throw failed("curl_easy_init");
    set_common(h, telegram.ca_file, limits);
    std::string base = telegram.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    const std::string url = base + "/bot" + telegram.token + "/sendMessage";
    nlohmann::json body;
    // A group's id is a (negative) number; a channel's is its @name.
    if (chat_id.front() == '@') body["chat_id"] = chat_id;
    else body["chat_id"] = std::stoll(chat_id);
    // The Bot API refuses a text over 4096 characters (a long digest): cut between characters.
    std::string text = message.subject + "\n\n" + message.body;
    constexpr std::size_t kMaxBytes = 4000;
    if (text.size() > kMaxBytes) {
        std::size_t end = kMaxBytes;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        text = text.substr(0, end) + "…";
    }
    body["text"] = text;
    const std::string json = body.dump();
    std::string answer;
    h.list = curl_slist_append(h.list, "Content-Type: application/json");
    curl_easy_setopt(h.curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h.curl, CURLOPT_PROTOCOLS_STR, "https,http");
    curl_easy_setopt(h.curl, CURLOPT_HTTPHEADER, h.list);
    curl_easy_setopt(h.curl, CURLOPT_POSTFIELDS, json.c_str());
    curl_easy_setopt(h.curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(json.size()));
    curl_easy_setopt(h.curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(h.curl, CURLOPT_WRITEDATA, &answer);
    perform(h);
    long status = 0;
    curl_easy_getinfo(h.curl, CURLINFO_RESPONSE_CODE, &status);
    const auto parsed = nlohmann::json::parse(answer, nullptr, false);
    const bool ok = parsed.is_object() && parsed.value("ok", false);
    if (status != 200 || !ok) {
        std::string reason = "HTTP " + std::to_string(status);
        if (parsed.is_object() && parsed.contains("description") && parsed["description"].is_string())
            reason += ": " + parsed["description"].get<std::string>().substr(0, 200);
        throw failed(reason);
    }
}

}  // namespace skm::hub::alerts
