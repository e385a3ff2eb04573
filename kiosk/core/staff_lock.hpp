// The staff PIN: stored only as an argon2id hash (libsodium crypto_pwhash_str),
// checked in constant time by libsodium, with a lockout after repeated wrong
// tries so a citizen cannot guess it at the counter.
#pragma once

#include "store/clock.hpp"

#include <cstdint>
#include <string>

namespace skm::kiosk {

enum class PinResult { ok, wrong, locked };

class StaffLock {
public:
    StaffLock(std::string pin_hash, store::Clock& clock, int max_attempts = 5, std::int64_t lockout_ms = 60'000);

    // The argon2id hash string to store (throws std::runtime_error when libsodium cannot hash).
    static std::string hash_pin(const std::string& pin);

    PinResult try_pin(const std::string& pin);
    // A new PIN was stored (its hash).
    void set_hash(std::string hash) { hash_ = std::move(hash); }
    bool locked() const;
    int locked_seconds() const;  // rounded up; 0 when not locked

private:
    std::string hash_;
    store::Clock& clock_;
    int max_attempts_;
    std::int64_t lockout_ms_;
    int failures_ = 0;
    std::int64_t locked_until_ = 0;
};

}  // namespace skm::kiosk
