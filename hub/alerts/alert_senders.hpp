// Sending one alert message (issue #20), through sync/outbound (the libcurl room) for both channels:
//   e-mail: SMTP to smtp://host:port with STARTTLS required
//           (CURLOPT_USE_SSL = CURLUSESSL_ALL: a server without STARTTLS is a failure,
//           never a plain-text send), optional login, a UTF-8 text message;
//   Telegram: HTTPS POST {base}/bot{token}/sendMessage with the JSON
//           {"chat_id", "text"} of the Bot API; the base URL is configurable
//           (an office's own relay, or the test's endpoint).
// A failure throws skm::Error(network, "hub.alert_send_failed") whose reason
// is shown on the devices page; it never names the bot token or the password.
#pragma once

#include "hub/alerts/alert_message.hpp"

#include <atomic>
#include <string>

namespace skm::hub::alerts {

struct SmtpConfig {
    std::string url;       // smtp://host:port
    std::string user;      // empty: no login
    std::string password;
    std::string from;      // the sender's address
    std::string ca_file;   // empty: the system's CAs
};

struct TelegramConfig {
    std::string base_url = "https://api.telegram.org";
    std::string token;
    std::string ca_file;
};

struct SendLimits {
    long connect_timeout_s = 15;
    long timeout_s = 60;                          // a server that hangs is given up after this
    const std::atomic<bool>* cancel = nullptr;    // set: the transfer ends at once (shutdown)
};

void send_email(const SmtpConfig& smtp, const std::string& to, const AlertMessage& message, const SendLimits& limits);
void send_telegram(const TelegramConfig& telegram, const std::string& chat_id, const AlertMessage& message,
                   const SendLimits& limits);

// What a recipient's address must look like (the dashboard checks it before storing):
// an e-mail address (one "@", no spaces, brackets or control characters) or a
// Telegram chat id (an integer, negative for groups, or "@channelname").
bool valid_address(Channel channel, std::string_view address);

}  // namespace skm::hub::alerts
