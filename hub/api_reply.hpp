// What an API endpoint answers, independent of the HTTP library: a status and
// a JSON body. Errors carry a message key (assets/i18n) and where it applies,
// so a client can word them in its own language: {"error": key, "where": …}.
#pragma once

#include <string>

namespace skm::hub {

struct ApiReply {
    int status = 200;
    std::string body;  // JSON
};

ApiReply error_reply(int status, const std::string& key, const std::string& where = "");

}  // namespace skm::hub
