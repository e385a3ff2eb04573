// Dashboard passwords: argon2id through libsodium's crypto_pwhash_str (salt
// and limits inside the string), the same scheme as the kiosk's staff PIN.
#pragma once

#include <string>
#include <string_view>

namespace skm::hub::web {

// Throws std::runtime_error when libsodium cannot start or memory runs out.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// At least 10 bytes and at most 200: skm::Error(input, "web.password_weak") otherwise.
void check_new_password(std::string_view password);

}  // namespace skm::hub::web
