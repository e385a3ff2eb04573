#include "kiosk/core/staff_lock.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace skm::kiosk {

StaffLock::StaffLock(std::string pin_hash, store::Clock& clock, int max_attempts, std::int64_t lockout_ms)
    : hash_(std::move(pin_hash)), clock_(clock), max_attempts_(max_attempts), lockout_ms_(lockout_ms) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
}

std::string StaffLock::hash_pin(const std::string& pin) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    char out[crypto_pwhash_STRBYTES];
    // Interactive limits: ~0.1 s on a mini-PC, acceptable at the staff pad.
    if (crypto_pwhash_str_alg(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("cannot hash the PIN (out of memory)");
    }
    return out;
}

bool StaffLock::locked() const { return clock_.monotonic_ms() < locked_until_; }

int StaffLock::locked_seconds() const {
    const std::int64_t left = locked_until_ - clock_.monotonic_ms();
    return left > 0 ? static_cast<int>((left + 999) / 1000) : 0;
}

PinResult StaffLock::try_pin(const std::string& pin) {
    if (locked()) return PinResult::locked;
    const bool match = !hash_.empty() && crypto_pwhash_str_verify(hash_.c_str(), pin.c_str(), pin.size()) == 0;
    if (match) {
        failures_ = 0;
        return PinResult::ok;
    }
    if (++failures_ >= max_attempts_) {
        failures_ = 0;
        locked_until_ = clock_.monotonic_ms() + lockout_ms_;
        return PinResult::locked;
    }
    return PinResult::wrong;
}

}  // namespace skm::kiosk
