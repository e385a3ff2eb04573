#include "hub/api_reply.hpp"

#include <nlohmann/json.hpp>

namespace skm::hub {

ApiReply error_reply(int status, const std::string& key, const std::string& where) {
    return {status, nlohmann::json{{"error", key}, {"where", where}}.dump()};
}

}  // namespace skm::hub
