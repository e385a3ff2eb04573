#include "hub/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>

namespace skm::hub {
namespace {

// The address in its canonical text form, or nothing when it is not an IP address.
std::optional<std::string> canonical_ip(std::string_view text) {
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
    const std::string copy(text);
    unsigned char bytes[sizeof(in6_addr)];
    char out[INET6_ADDRSTRLEN];
    if (inet_pton(AF_INET, copy.c_str(), bytes) == 1) {
        return inet_ntop(AF_INET, bytes, out, sizeof out) ? std::optional<std::string>(out) : std::nullopt;
    }
    if (inet_pton(AF_INET6, copy.c_str(), bytes) == 1) {
        return inet_ntop(AF_INET6, bytes, out, sizeof out) ? std::optional<std::string>(out) : std::nullopt;
    }
    return std::nullopt;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::optional<std::string>& trusted_proxy) {
    if (!trusted_proxy || forwarded_for.empty()) return std::string(peer);
    const auto proxy = canonical_ip(*trusted_proxy);
    const auto from = canonical_ip(peer);
    if (!proxy || !from || *proxy != *from) return std::string(peer);
    // One address, as our proxy sets it; a list means something appended to a
    // header the client chose, so none of it is believed.
    const auto named = canonical_ip(trimmed(forwarded_for));
    return named ? *named : std::string(peer);
}

bool is_loopback_host(std::string_view host) {
    if (host == "localhost") return true;
    const std::string copy(host);
    unsigned char bytes[sizeof(in6_addr)];
    if (inet_pton(AF_INET, copy.c_str(), bytes) == 1) return bytes[0] == 127;
    if (inet_pton(AF_INET6, copy.c_str(), bytes) == 1) {
        static const unsigned char loopback6[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        static const unsigned char mapped_prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (std::equal(bytes, bytes + 16, loopback6)) return true;
        return std::equal(bytes, bytes + 12, mapped_prefix) && bytes[12] == 127;
    }
    return false;
}

}  // namespace skm::hub
