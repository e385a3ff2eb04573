#include "formats/response_id.hpp"

#include <algorithm>

namespace skm::formats {

bool is_valid_response_id(std::string_view id) {
    // Byte by byte, not with <cctype>: isalnum follows the locale.
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    };
    return !id.empty() && id.size() <= kMaxResponseIdBytes && std::all_of(id.begin(), id.end(), allowed);
}

}  // namespace skm::formats
