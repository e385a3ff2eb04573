// A dashboard request and response as plain data, so the pages never see the
// HTTP library (hub/server adapts cpp-httplib to these) and tests can call
// the dashboard directly. They live in the hub core, not in hub/web, because
// the server hands requests to the dashboard without depending on it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace skm::hub::web {

struct WebRequest {
    std::string method;  // GET, POST
    std::string path;
    std::multimap<std::string, std::string> params;  // query, and the form of a POST
    std::string cookie_header;
    std::string remote_addr;

    std::optional<std::string> param(const std::string& name) const {
        const auto it = params.find(name);
        if (it == params.end()) return std::nullopt;
        return it->second;
    }
};

struct WebResponse {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // Set-Cookie may repeat
};

}  // namespace skm::hub::web
