#include "hub/web/password.hpp"

#include "scoring/problem.hpp"

#include <sodium.h>

#include <stdexcept>

namespace skm::hub::web {

std::string hash_password(std::string_view password) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    char out[crypto_pwhash_STRBYTES];
    // Interactive limits (64 MiB, ~0.1 s): a login is a person waiting.
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("cannot hash the password (out of memory)");
    }
    return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    const std::string terminated(hash);  // crypto_pwhash_str_verify reads a C string
    return !terminated.empty() &&
           crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void check_new_password(std::string_view password) {
    if (password.size() < 10 || password.size() > 200) {
        throw Error(ErrorKind::input, Problem{"web.password_weak", {}});
    }
}

}  // namespace skm::hub::web
