// One-time survey links (#21): a token the kiosk signs offline with its own
// Ed25519 key (libsodium) and the hub checks without the kiosk, against the
// public key the kiosk registered over its authenticated sync.
//
//   1.<device_id>.<link_id>.<issued YYYYMMDD>.<expires unix s>.<layanan>.<signature>
//
// device_id: the kiosk's device id at the hub ([A-Za-z0-9_-]); link_id:
// base64url (no padding) of 16 random bytes, so ids cannot be guessed;
// layanan: base64url of its UTF-8 name, empty for none; signature: base64url
// of the 64-byte detached Ed25519 signature over the ASCII bytes before the
// last '.'. Every part is URL-safe, so the token goes into a URL as it is:
// <hub base URL>/l/<token>. Form: docs/reference/sync-protocol.md#survey-links.
#pragma once

#include "sync/base64.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace skm::sync {

using LinkSecretKey = std::array<unsigned char, 64>;  // libsodium's Ed25519 secret key (seed + public key)
using LinkPublicKey = std::array<unsigned char, 32>;

struct LinkClaims {
    std::string device_id;
    std::string link_id;     // 22 base64url characters (16 random bytes)
    std::string issued_day;  // YYYYMMDD, the office's local date when it was made
    std::int64_t expires_at = 0;  // unix seconds
    std::string layanan;     // the name as it is ("" = the citizen chooses)
};

// The longest token parse_link_token takes (a layanan name is at most 200 bytes).
inline constexpr std::size_t kMaxLinkTokenBytes = 700;

// A fresh link id: 16 bytes of randombytes_buf, base64url. Throws
// std::runtime_error when libsodium cannot start.
std::string new_link_id();
// A fresh key pair (crypto_sign_keypair); the public key is the secret key's last 32 bytes.
LinkSecretKey new_link_secret_key();
LinkPublicKey public_key_of(const LinkSecretKey& secret);

// Throws std::invalid_argument when the claims do not have the token's form
// (a device id outside [A-Za-z0-9_-], a link id that is not 16 bytes, …).
std::string make_link_token(const LinkClaims& claims, const LinkSecretKey& key);
// Form only, no signature check: every part as above, canonical base64url,
// the day a real date, the layanan valid UTF-8 of 1–200 bytes when given.
std::optional<LinkClaims> parse_link_token(std::string_view token);
// The form (parse_link_token) and the signature with `key`.
bool verify_link_token(std::string_view token, const LinkPublicKey& key);
// <hub_base>/l/<token> (one '/' between them whatever hub_base ends with).
std::string link_url(std::string_view hub_base, std::string_view token);

// The registered form of a public key (base64url of its 32 bytes), and back.
std::string encode_link_public_key(const LinkPublicKey& key);
std::optional<LinkPublicKey> decode_link_public_key(std::string_view text);

}  // namespace skm::sync
