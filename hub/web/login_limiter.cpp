#include "hub/web/login_limiter.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace skm::hub::web {
namespace {

// Longer account names cannot exist (the login page looks up at most 64 bytes), and addresses are
// shorter: a request cannot grow the tables' keys beyond this.
constexpr std::size_t kMaxKeyBytes = 64;

std::string bounded(const std::string& text) { return text.substr(0, kMaxKeyBytes); }

std::string pair_key(const std::string& account, const std::string& address_key) {
    return bounded(account) + '\n' + address_key;  // '\n' cannot be in an address
}

}  // namespace

std::string LoginLimiter::address_key(const std::string& address) {
    std::array<unsigned char, 16> v6{};
    if (inet_pton(AF_INET6, address.c_str(), v6.data()) != 1) return bounded(address);
    std::array<char, INET6_ADDRSTRLEN> text{};
    constexpr std::array<unsigned char, 12> kV4Mapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(kV4Mapped.begin(), kV4Mapped.end(), v6.begin())) {
        inet_ntop(AF_INET, v6.data() + 12, text.data(), text.size());
        return text.data();
    }
    std::fill(v6.begin() + 8, v6.end(), 0);
    inet_ntop(AF_INET6, v6.data(), text.data(), text.size());
    return std::string(text.data()) + "/64";
}

LoginLimiter::LoginLimiter(store::Clock& clock, LoginLimits limits) : clock_(clock), limits_(limits) {}

LoginLimiter::Record* LoginLimiter::live(Table& table, const std::string& key, std::int64_t now) {
    const auto it = table.find(key);
    if (it == table.end()) return nullptr;
    if (now - it->second.last_ms >= limits_.forget_after_ms) {
        table.erase(it);
        return nullptr;
    }
    return &it->second;
}

std::int64_t LoginLimiter::wait_ms(const Record* record, int free_failures, std::int64_t now) const {
    if (record == nullptr || record->failures < free_failures) return 0;
    // The first failure beyond the free ones waits first_wait_ms; each further one doubles it.
    const int doublings = std::min(record->failures - free_failures, 40);
    std::int64_t wait = limits_.first_wait_ms;
    for (int i = 0; i < doublings && wait < limits_.max_wait_ms; ++i) wait *= 2;
    return std::max<std::int64_t>(0, record->last_ms + std::min(wait, limits_.max_wait_ms) - now);
}

void LoginLimiter::make_room(Table& table, std::int64_t now) {
    std::erase_if(table, [&](const auto& entry) { return now - entry.second.last_ms >= limits_.forget_after_ms; });
    if (table.size() < limits_.max_records) return;
    // Still full: drop the least recently used eighth at once, so a flood of new keys costs one
    // sweep per eighth of the table rather than one per request.
    std::vector<std::pair<std::int64_t, Table::iterator>> by_age;
    by_age.reserve(table.size());
    for (auto it = table.begin(); it != table.end(); ++it) by_age.emplace_back(it->second.last_ms, it);
    const std::size_t drop = std::max<std::size_t>(1, table.size() / 8);
    const auto older = [](const auto& a, const auto& b) { return a.first < b.first; };
    std::nth_element(by_age.begin(), by_age.begin() + static_cast<std::ptrdiff_t>(drop - 1), by_age.end(), older);
    for (std::size_t i = 0; i < drop; ++i) table.erase(by_age[i].second);
}

void LoginLimiter::count(Table& table, const std::string& key, std::int64_t now) {
    if (!table.contains(key) && table.size() >= limits_.max_records) make_room(table, now);
    Record& record = table[key];
    ++record.failures;
    record.last_ms = now;
    record.refusal_noted = false;
}

LoginAdmission LoginLimiter::reserve(const std::string& account, const std::string& address) {
    const std::string by_address = address_key(address);
    const std::string by_pair = pair_key(account, by_address);
    const std::lock_guard lock(mutex_);
    const std::int64_t now = clock_.monotonic_ms();
    Record* pair = live(pairs_, by_pair, now);
    Record* addr = live(addresses_, by_address, now);
    const std::int64_t pair_wait = wait_ms(pair, limits_.free_failures_per_pair, now);
    const std::int64_t addr_wait = wait_ms(addr, limits_.free_failures_per_address, now);
    if (pair_wait > 0 || addr_wait > 0) {
        LoginAdmission refused{false, (std::max(pair_wait, addr_wait) + 999) / 1000, false};
        for (const auto& [record, wait] : {std::pair{pair, pair_wait}, std::pair{addr, addr_wait}}) {
            if (wait > 0 && !record->refusal_noted) {
                record->refusal_noted = true;
                refused.first_refusal = true;
            }
        }
        return refused;
    }
    count(pairs_, by_pair, now);
    count(addresses_, by_address, now);
    return {true, 0, false};
}

void LoginLimiter::succeeded(const std::string& account, const std::string& address) {
    const std::string by_address = address_key(address);
    const std::string by_pair = pair_key(account, by_address);
    const std::lock_guard lock(mutex_);
    pairs_.erase(by_pair);
    if (const auto it = addresses_.find(by_address); it != addresses_.end() && --it->second.failures <= 0) {
        addresses_.erase(it);
    }
}

std::size_t LoginLimiter::pair_records() const {
    const std::lock_guard lock(mutex_);
    return pairs_.size();
}

std::size_t LoginLimiter::address_records() const {
    const std::lock_guard lock(mutex_);
    return addresses_.size();
}

}  // namespace skm::hub::web
