#include "hub/web/login_limiter.hpp"

namespace skm::hub::web {

LoginLimiter::LoginLimiter(store::Clock& clock, int max_failures, std::int64_t window_ms)
    : clock_(clock), max_failures_(max_failures), window_ms_(window_ms) {}

void LoginLimiter::prune(std::int64_t now) {
    for (auto* table : {&by_user_, &by_address_}) {
        for (auto it = table->begin(); it != table->end();) {
            auto& times = it->second;
            while (!times.empty() && times.front() + window_ms_ <= now) times.pop_front();
            it = times.empty() ? table->erase(it) : std::next(it);
        }
    }
}

std::int64_t LoginLimiter::wait_for(const std::deque<std::int64_t>& failures, std::int64_t now) const {
    if (static_cast<int>(failures.size()) < max_failures_) return 0;
    // Allowed again when the oldest failure that still counts leaves the window.
    const std::int64_t until = failures[failures.size() - static_cast<std::size_t>(max_failures_)] + window_ms_;
    return until > now ? (until - now + 999) / 1000 : 0;
}

std::int64_t LoginLimiter::wait_seconds(const std::string& username, const std::string& address) {
    const std::lock_guard lock(mutex_);
    const std::int64_t now = clock_.monotonic_ms();
    prune(now);
    std::int64_t wait = 0;
    if (const auto it = by_user_.find(username); it != by_user_.end()) wait = wait_for(it->second, now);
    if (const auto it = by_address_.find(address); it != by_address_.end()) {
        wait = std::max(wait, wait_for(it->second, now));
    }
    return wait;
}

void LoginLimiter::failed(const std::string& username, const std::string& address) {
    const std::lock_guard lock(mutex_);
    const std::int64_t now = clock_.monotonic_ms();
    by_user_[username].push_back(now);
    by_address_[address].push_back(now);
}

void LoginLimiter::succeeded(const std::string& username) {
    const std::lock_guard lock(mutex_);
    by_user_.erase(username);
}

}  // namespace skm::hub::web
