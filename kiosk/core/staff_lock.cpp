#include "kiosk/core/staff_lock.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace skm::kiosk {

std::int64_t StaffLock::wait_after(int failures) {
    constexpr std::int64_t kWaits[] = {0, 0, 0, 5'000, 15'000, 30'000};
    if (failures <= 0) return 0;
    const auto i = static_cast<std::size_t>(failures - 1);
    return i < std::size(kWaits) ? kWaits[i] : kMaxWaitMs;
}

StaffLock::StaffLock(std::string pin_hash, store::Clock& clock) : hash_(std::move(pin_hash)), clock_(clock) {
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
    const std::int64_t now = clock_.monotonic_ms();
    if (locked()) {
        report({PinResult::locked, failures_, locked_until_ - now});
        return PinResult::locked;
    }
    const bool match = !hash_.empty() && crypto_pwhash_str_verify(hash_.c_str(), pin.c_str(), pin.size()) == 0;
    if (match) {
        failures_ = 0;
        return PinResult::ok;
    }
    if (failures_ > 0 && now - last_failure_ >= kForgetMs) failures_ = 0;
    ++failures_;
    last_failure_ = now;
    const std::int64_t wait = wait_after(failures_);
    locked_until_ = now + wait;
    report({PinResult::wrong, failures_, wait});
    return wait > 0 ? PinResult::locked : PinResult::wrong;
}

}  // namespace skm::kiosk
