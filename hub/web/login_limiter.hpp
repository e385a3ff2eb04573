// The sign-in throttle. Attempts are counted per (account, client address)
// pair and per client address, never per account alone: a stranger's wrong
// guesses must not keep the real user out when they sign in from elsewhere.
// A few failures are free; after that each attempt waits, the wait doubling
// with every further failure up to a cap, and a record with no failure for a
// quiet period is forgotten. A refused attempt is answered at once (429 with
// Retry-After) and never checked; nothing sleeps in a worker.
//
// An attempt is reserved, i.e. counted as a failure, under the mutex BEFORE
// the password check, so N parallel guesses run at most the free number of
// argon2 checks; a right password then clears its pair and gives the address
// its reservation back. Time comes from the injected clock's monotonic
// counter. Memory is bounded: each table keeps at most `max_records` records
// and drops the least recently used ones first.
#pragma once

#include "store/clock.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace skm::hub::web {

// Every threshold of the throttle, in one place.
struct LoginLimits {
    // One person at one browser mistyping a password: a few tries before any wait.
    int free_failures_per_pair = 5;
    // Offices sign in through one shared NAT address, so several officials mistyping on the same
    // morning must not wait for one another: an address gets more than a pair. It still stops one
    // address trying a few passwords on every account.
    int free_failures_per_address = 20;
    // Beyond the free failures: 2 s, 4 s, 8 s, ... doubling per failure, never more than the cap,
    // so a guesser from one address gets about six tries an hour while a person who mistyped
    // waits seconds.
    std::int64_t first_wait_ms = 2'000;
    std::int64_t max_wait_ms = 10 * 60'000;
    // A record with no counted attempt for this long is forgotten. Longer than the cap, so
    // forgetting never cuts a wait short, and a guesser waiting out each cap stays at the cap.
    std::int64_t forget_after_ms = 60 * 60'000;
    // Records per table (pairs; addresses), each well under 1 KB with its keys: a few MB in all.
    // A full table first drops the forgotten records, then the least recently used eighth
    // (an attacker with thousands of addresses can at most make the throttle forget, never
    // lock anyone out or grow the hub).
    std::size_t max_records = 20'000;
};

struct LoginAdmission {
    bool granted = false;            // reserved: go on and check the password
    std::int64_t retry_after_s = 0;  // when refused: whole seconds until an attempt would be granted
    bool first_refusal = false;      // when refused: the first since the blocking record's last counted attempt
};

class LoginLimiter {
public:
    explicit LoginLimiter(store::Clock& clock, LoginLimits limits = {});

    // Grants and counts one attempt as a failure, or refuses it without counting.
    LoginAdmission reserve(const std::string& account, const std::string& address);
    // The password was right: the pair's record goes, the address gets its reservation back.
    void succeeded(const std::string& account, const std::string& address);

    std::size_t pair_records() const;
    std::size_t address_records() const;

    // The address a record is kept for: an IPv6 client by its /64 (one subscriber's network, where
    // every address is the attacker's), an IPv4-mapped IPv6 address as IPv4, anything else as written;
    // at most 64 bytes.
    static std::string address_key(const std::string& address);

private:
    struct Record {
        int failures = 0;
        std::int64_t last_ms = 0;      // the latest counted attempt
        bool refusal_noted = false;    // a refusal was reported since
    };
    using Table = std::map<std::string, Record>;

    Record* live(Table& table, const std::string& key, std::int64_t now);
    std::int64_t wait_ms(const Record* record, int free_failures, std::int64_t now) const;
    void count(Table& table, const std::string& key, std::int64_t now);
    void make_room(Table& table, std::int64_t now);

    store::Clock& clock_;
    LoginLimits limits_;
    mutable std::mutex mutex_;
    Table pairs_;
    Table addresses_;
};

}  // namespace skm::hub::web
