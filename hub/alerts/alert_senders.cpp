#include "hub/alerts/alert_senders.hpp"

#include "formats/utf8.hpp"
#include "scoring/problem.hpp"
#include "sync/base64.hpp"
#include "sync/outbound.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace skm::hub::alerts {
namespace {

Error failed(const std::string& reason) {
    return Error(ErrorKind::network, Problem{"hub.alert_send_failed", {{"reason", reason}}});
}

sync::OutboundLimits outbound(const std::string& ca_file, const SendLimits& limits) {
    return {limits.connect_timeout_s, limits.timeout_s, limits.cancel, ca_file};
}

// RFC 2047: UTF-8 in encoded words of at most 75 characters, cut between characters.
std::string encoded_header(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::string word = formats::cut_utf8(std::string(text.substr(i)), 45);  // 45 bytes: 60 in base64
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + sync::to_base64(word) + "?=";
        i += word.size();
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
    const std::string body = sync::to_base64(message.body);
    for (std::size_t i = 0; i < body.size(); i += 76) out += body.substr(i, 76) + "\r\n";
    return out;
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
    // A header built from these must not be able to grow another header.
    if (!valid_address(Channel::email, to) || !valid_address(Channel::email, smtp.from))
        throw failed("invalid address: " + to);
    const auto sent = sync::send_mail({smtp.url, smtp.user, smtp.password}, smtp.from, to, email_text(smtp, to, message),
                                      outbound(smtp.ca_file, limits));
    if (sent.done) return;
    // The server's last reply code says more than libcurl's text ("451" rather than "Weird server reply").
    throw failed(sent.error + (sent.status > 0 ? " (SMTP " + std::to_string(sent.status) + ")" : ""));
}

void send_telegram(const TelegramConfig& telegram, const std::string& chat_id, const AlertMessage& message,
                   const SendLimits& limits) {
    if (!valid_address(Channel::telegram, chat_id)) throw failed("invalid chat id: " + chat_id);
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
    if (text.size() > kMaxBytes) text = formats::cut_utf8(std::move(text), kMaxBytes) + "…";
    body["text"] = text;
    const auto answer = sync::post_json(url, body.dump(), outbound(telegram.ca_file, limits));
    if (!answer.done) throw failed(answer.error);
    const auto parsed = nlohmann::json::parse(answer.body, nullptr, false);
    const bool ok = parsed.is_object() && parsed.value("ok", false);
    if (answer.status != 200 || !ok) {
        std::string reason = "HTTP " + std::to_string(answer.status);
        if (parsed.is_object() && parsed.contains("description") && parsed["description"].is_string())
            reason += ": " + parsed["description"].get<std::string>().substr(0, 200);
        throw failed(reason);
    }
}

}  // namespace skm::hub::alerts
