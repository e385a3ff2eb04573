// Messages the hub sends out on its own (issue #20's alerts), through libcurl
// like the kiosk's transport, so libcurl stays in this one library:
//   send_mail: SMTP with STARTTLS required (CURLUSESSL_ALL: a server without
//              STARTTLS is a failure, never a plain-text send), optional login;
//   post_json: an HTTP(S) POST of a JSON body, the answer's status and text.
// What the message says and who may receive it is the caller's business
// (hub/alerts/alert_senders); these only carry bytes and report what happened.
#pragma once

#include <atomic>
#include <string>
#include <string_view>

namespace skm::sync {

struct OutboundLimits {
    long connect_timeout_s = 15;
    long timeout_s = 60;                          // a server that hangs is given up after this
    const std::atomic<bool>* cancel = nullptr;    // set: the transfer ends at once (shutdown)
    std::string ca_file;                          // empty: the system's CAs
};

struct OutboundResult {
    bool done = false;   // the transfer completed (for post_json: whatever the HTTP status)
    long status = 0;     // HTTP status, or the SMTP server's last reply code
    std::string body;    // post_json: the answer, its first 64 KiB
    std::string error;   // when not done: libcurl's reason
};

struct SmtpServer {
    std::string url;       // smtp://host:port
    std::string user;      // empty: no login
    std::string password;
};

// `message`: the whole RFC 5322 text with CRLF line ends; from and to: bare addresses.
OutboundResult send_mail(const SmtpServer& server, const std::string& from, const std::string& to,
                         std::string_view message, const OutboundLimits& limits);
OutboundResult post_json(const std::string& url, const std::string& json, const OutboundLimits& limits);

}  // namespace skm::sync
