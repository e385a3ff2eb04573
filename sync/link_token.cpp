#include "sync/link_token.hpp"

#include "formats/utf8.hpp"
#include "scoring/period.hpp"

#include <sodium.h>

#include <charconv>
#include <stdexcept>

namespace skm::sync {
namespace {

constexpr std::size_t kLinkIdBytes = 16;
constexpr std::size_t kMaxDeviceIdBytes = 200;  // as the hub's devices table
constexpr std::size_t kMaxLayananBytes = 200;   // as a response's layanan
constexpr std::size_t kParts = 7;

void start_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
}

bool is_device_id(std::string_view text) {
    if (text.empty() || text.size() > kMaxDeviceIdBytes) return false;
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

bool all_digits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

bool is_day(std::string_view text) {
    if (text.size() != 8 || !all_digits(text)) return false;
    const auto number = [&](std::size_t at, std::size_t n) {
        int value = 0;
        std::from_chars(text.data() + at, text.data() + at + n, value);
        return value;
    };
    return scoring::valid_date(number(0, 4), number(4, 2), number(6, 2));
}

// Unix seconds as written by std::to_string: no sign, no leading zero, at most 18 digits.
std::optional<std::int64_t> seconds(std::string_view text) {
    if (!all_digits(text) || text.size() > 18 || (text.size() > 1 && text.front() == '0')) return std::nullopt;
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

bool is_link_id(std::string_view text) {
    const auto bytes = from_base64url(text);
    return bytes && bytes->size() == kLinkIdBytes;
}

bool is_layanan(std::string_view text) {
    return !text.empty() && text.size() <= kMaxLayananBytes && !formats::first_invalid_utf8(text) &&
           text.find('\0') == std::string_view::npos;
}

std::vector<std::string_view> split(std::string_view token) {
    std::vector<std::string_view> parts;
    for (;;) {
        const auto dot = token.find('.');
        parts.push_back(token.substr(0, dot));
        if (dot == std::string_view::npos || parts.size() > kParts) return parts;
        token.remove_prefix(dot + 1);
    }
}

std::span<const unsigned char> bytes_of(std::string_view text) {
    return {reinterpret_cast<const unsigned char*>(text.data()), text.size()};
}

}  // namespace

std::string new_link_id() {
    start_sodium();
    std::array<unsigned char, kLinkIdBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return base64url(bytes);
}

LinkSecretKey new_link_secret_key() {
    start_sodium();
    LinkPublicKey public_key{};
    LinkSecretKey secret{};
    if (crypto_sign_keypair(public_key.data(), secret.data()) != 0) throw std::runtime_error("crypto_sign_keypair failed");
    return secret;
}

LinkPublicKey public_key_of(const LinkSecretKey& secret) {
    LinkPublicKey key{};
    crypto_sign_ed25519_sk_to_pk(key.data(), secret.data());
    return key;
}

std::string make_link_token(const LinkClaims& claims, const LinkSecretKey& key) {
    if (!is_device_id(claims.device_id)) throw std::invalid_argument("link token: device id");
    if (!is_link_id(claims.link_id)) throw std::invalid_argument("link token: link id");
    if (!is_day(claims.issued_day)) throw std::invalid_argument("link token: issued day");
    if (claims.expires_at < 0) throw std::invalid_argument("link token: expiry");
    if (!claims.layanan.empty() && !is_layanan(claims.layanan)) throw std::invalid_argument("link token: layanan");
    start_sodium();
    std::string signed_part = "1." + claims.device_id + "." + claims.link_id + "." + claims.issued_day + "." +
                              std::to_string(claims.expires_at) + "." + base64url(bytes_of(claims.layanan));
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, bytes_of(signed_part).data(), signed_part.size(), key.data());
    return signed_part + "." + base64url(signature);
}

std::optional<LinkClaims> parse_link_token(std::string_view token) {
    if (token.size() > kMaxLinkTokenBytes) return std::nullopt;
    const auto parts = split(token);
    if (parts.size() != kParts || parts[0] != "1") return std::nullopt;
    LinkClaims claims;
    if (!is_device_id(parts[1]) || !is_link_id(parts[2]) || !is_day(parts[3])) return std::nullopt;
    claims.device_id = parts[1];
    claims.link_id = parts[2];
    claims.issued_day = parts[3];
    const auto expires = seconds(parts[4]);
    if (!expires) return std::nullopt;
    claims.expires_at = *expires;
    if (!parts[5].empty()) {
        const auto layanan = from_base64url(parts[5]);
        if (!layanan) return std::nullopt;
        claims.layanan.assign(layanan->begin(), layanan->end());
        if (!is_layanan(claims.layanan)) return std::nullopt;
    }
    const auto signature = from_base64url(parts[6]);
    if (!signature || signature->size() != crypto_sign_BYTES) return std::nullopt;
    return claims;
}

bool verify_link_token(std::string_view token, const LinkPublicKey& key) {
    if (!parse_link_token(token)) return false;
    const auto last_dot = token.rfind('.');
    const auto signature = from_base64url(token.substr(last_dot + 1));
    const std::string_view signed_part = token.substr(0, last_dot);
    start_sodium();
    return crypto_sign_verify_detached(signature->data(), bytes_of(signed_part).data(), signed_part.size(), key.data()) == 0;
}

std::string link_url(std::string_view hub_base, std::string_view token) {
    while (!hub_base.empty() && hub_base.back() == '/') hub_base.remove_suffix(1);
    return std::string(hub_base) + "/l/" + std::string(token);
}

std::string encode_link_public_key(const LinkPublicKey& key) { return base64url(key); }

std::optional<LinkPublicKey> decode_link_public_key(std::string_view text) {
    const auto bytes = from_base64url(text);
    if (!bytes || bytes->size() != crypto_sign_PUBLICKEYBYTES) return std::nullopt;
    LinkPublicKey key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

}  // namespace skm::sync
