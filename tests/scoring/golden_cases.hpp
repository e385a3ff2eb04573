// Loads tests/golden, the golden vectors kept in this repository.
#pragma once

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace skm::testing {

inline nlohmann::json load_golden(const std::string& name) {
    std::ifstream in(std::string(SKM_GOLDEN_DIR) + "/" + name);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return nlohmann::json::parse(buffer.str());
}

}  // namespace skm::testing
