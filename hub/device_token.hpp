// Device and admin tokens. A token is 32 random bytes from the operating
// system's CSPRNG (libsodium), shown once as 64 hex digits; the hub keeps only
// its BLAKE2b hash, so a copy of the hub's database cannot be used to upload
// as a kiosk. No salt or slow hash is needed: the token is not a password but
// 256 random bits, which no dictionary guesses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace skm::hub {

// Throws std::runtime_error when libsodium cannot start.
std::string new_token();
// 64 hex digits of the 32-byte BLAKE2b (crypto_generichash) of the token.
std::string token_hash(std::string_view token);
// Constant-time equality of two hashes, so a timing cannot reveal a prefix.
bool same_hash(std::string_view a, std::string_view b);
// The token of an "Authorization: Bearer TOKEN" header; nothing when the
// header is missing, of another scheme, or holds no plausible token.
std::optional<std::string> bearer_token(std::string_view authorization);

}  // namespace skm::hub
