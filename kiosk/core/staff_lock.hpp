// The staff PIN: stored only as an argon2id hash (libsodium crypto_pwhash_str),
// checked in constant time by libsodium, with a wait that grows with each wrong
// try so a citizen cannot guess it at the counter — but never longer than a
// staff member can stand at the pad (kMaxWaitMs).
#pragma once

#include "store/clock.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace skm::kiosk {

enum class PinResult { ok, wrong, locked };

// One refused try, for the audit log: a wrong PIN (failures counts it, wait_ms
// is the wait it started) or a try while the pad still waits (not checked).
struct PinFailure {
    PinResult result = PinResult::wrong;
    int failures = 0;
    std::int64_t wait_ms = 0;
};

class StaffLock {
public:
    // The wait after the n-th wrong PIN in a row: none for the first three
    // (typing slips), then 5 s, 15 s, 30 s and 60 s for every one after.
    // A 4-digit PIN then takes a guesser more than a week at the pad, while
    // staff who mistype never wait more than a minute.
    static constexpr std::int64_t kMaxWaitMs = 60'000;
    static std::int64_t wait_after(int failures);
    // Ten minutes without a wrong PIN forget the earlier ones: a child's
    // taps in the morning do not make the clerk's one typo cost a minute.
    static constexpr std::int64_t kForgetMs = 10 * 60'000;

    StaffLock(std::string pin_hash, store::Clock& clock);

    // The argon2id hash string to store (throws std::runtime_error when libsodium cannot hash).
    static std::string hash_pin(const std::string& pin);

    PinResult try_pin(const std::string& pin);
    // A new PIN was stored (its hash).
    void set_hash(std::string hash) { hash_ = std::move(hash); }
    bool locked() const;
    int locked_seconds() const;  // rounded up; 0 when not locked
    // Told of every refused try (the staff service writes it to the audit log).
    void on_failure(std::function<void(const PinFailure&)> listener) { on_failure_ = std::move(listener); }

private:
    void report(const PinFailure& failure) const {
        if (on_failure_) on_failure_(failure);
    }

    std::string hash_;
    store::Clock& clock_;
    int failures_ = 0;
    std::int64_t last_failure_ = 0;
    std::int64_t locked_until_ = 0;
    std::function<void(const PinFailure&)> on_failure_;
};

}  // namespace skm::kiosk
