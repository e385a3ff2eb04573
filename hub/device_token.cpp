#include "hub/device_token.hpp"

#include <sodium.h>

#include <array>
#include <cctype>
#include <stdexcept>

namespace skm::hub {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kMaxTokenChars = 200;  // longer is not one of ours: no need to hash it

void sodium_ready() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
}

std::string hex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();  // the terminating NUL sodium writes
    return out;
}

}  // namespace

std::string new_token() {
    sodium_ready();
    std::array<unsigned char, kTokenBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::string token = hex(bytes.data(), bytes.size());
    sodium_memzero(bytes.data(), bytes.size());
    return token;
}

std::string token_hash(std::string_view token) {
    sodium_ready();
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    return hex(digest.data(), digest.size());
}

bool same_hash(std::string_view a, std::string_view b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<std::string> bearer_token(std::string_view authorization) {
    constexpr std::string_view scheme = "bearer ";
    if (authorization.size() <= scheme.size()) return std::nullopt;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        // The scheme name is case-insensitive (RFC 7235); the token is not.
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != scheme[i]) return std::nullopt;
    }
    std::string_view token = authorization.substr(scheme.size());
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    if (token.empty() || token.size() > kMaxTokenChars) return std::nullopt;
    for (const char c : token) {
        if (!std::isgraph(static_cast<unsigned char>(c))) return std::nullopt;
    }
    return std::string(token);
}

}  // namespace skm::hub
