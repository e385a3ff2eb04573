// Login rate limit: after `max_failures` failed logins within `window_ms`
// for one username, or for one client address, further attempts are refused
// (without checking the password) until the window has passed. Time from the
// injected clock's monotonic counter. Memory is bounded: old entries are
// dropped as the window passes.
#pragma once

#include "store/clock.hpp"

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace skm::hub::web {

class LoginLimiter {
public:
    LoginLimiter(store::Clock& clock, int max_failures = 5, std::int64_t window_ms = 15 * 60'000);

    // Seconds to wait, 0 when an attempt is allowed.
    std::int64_t wait_seconds(const std::string& username, const std::string& address);
    void failed(const std::string& username, const std::string& address);
    void succeeded(const std::string& username);

private:
    void prune(std::int64_t now);
    std::int64_t wait_for(const std::deque<std::int64_t>& failures, std::int64_t now) const;

    store::Clock& clock_;
    int max_failures_;
    std::int64_t window_ms_;
    std::mutex mutex_;
    std::map<std::string, std::deque<std::int64_t>> by_user_;
    std::map<std::string, std::deque<std::int64_t>> by_address_;
};

}  // namespace skm::hub::web
