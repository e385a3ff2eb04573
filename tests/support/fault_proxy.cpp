#include "tests/support/fault_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

namespace skm::testing {
namespace {

constexpr int kPollMs = 50;  // how often a waiting thread looks whether the proxy is stopping
// A reply cut from its end is complete once the server has sent nothing for this long
// (the hub writes its headers and body back to back; generous for a loaded machine).
constexpr auto kReplySettled = std::chrono::milliseconds(300);

sockaddr_in loopback(int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

// Small writes go out at once, as they would without the relay in between.
void no_delay(int fd) {
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

bool send_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// Closes with a reset rather than an orderly end: the client sees the
// connection refused mid-handshake.
void reset_and_close(int fd) {
    const linger hard{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(fd);
}

}  // namespace

FaultProxy::FaultProxy(int upstream_port) : upstream_port_(upstream_port) {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener_ < 0) throw std::runtime_error("fault proxy: socket");
    const int one = 1;
    setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr = loopback(0);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listener_, 64) != 0) {
        ::close(listener_);
        throw std::runtime_error("fault proxy: cannot listen");
    }
    socklen_t length = sizeof addr;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &length);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    stop_wake_.notify_all();
    acceptor_.join();
    // No new connection threads after the acceptor has gone.
    for (auto& t : connections_) t.join();
    ::close(listener_);
}

void FaultProxy::plan(std::vector<FaultPlan> next_connections) {
    const std::lock_guard lock(mutex_);
    for (auto& p : next_connections) plans_.push_back(std::move(p));
}

void FaultProxy::pass_through() {
    const std::lock_guard lock(mutex_);
    plans_.clear();
}

RelayCounts FaultProxy::counts() const {
    return {connection_count_.load(), bytes_up_.load(), bytes_down_.load(), faults_.load()};
}

bool FaultProxy::pause(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    return !stop_wake_.wait_for(lock, delay, [this] { return stopping_.load(); });
}

void FaultProxy::accept_loop() {
    while (!stopping_) {
        pollfd p{listener_, POLLIN, 0};
        if (::poll(&p, 1, kPollMs) <= 0) continue;
        const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        ++connection_count_;
        FaultPlan plan;
        {
            const std::lock_guard lock(mutex_);
            if (!plans_.empty()) {
                plan = std::move(plans_.front());
                plans_.pop_front();
            }
            if (plan.fault == Fault::refuse) {
                ++faults_;
                reset_and_close(client);
                continue;
            }
            connections_.emplace_back([this, client, p = std::move(plan)]() mutable { relay(client, std::move(p)); });
        }
    }
}

void FaultProxy::relay(int client, FaultPlan plan) {
    const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr = loopback(upstream_port_);
    if (server < 0 || ::connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        if (server >= 0) ::close(server);
        ::close(client);
        return;
    }
    no_delay(client);
    no_delay(server);

    bool client_spoke = false;
    bool hit = false;                 // the fault has begun
    std::size_t reply_passed = 0;     // truncate_reply: reply bytes let through so far
    std::string held;                 // truncate_reply from_end: the reply so far
    auto last_held = std::chrono::steady_clock::now();
    std::array<char, 64 * 1024> buffer{};
    while (!stopping_) {
        std::array<pollfd, 2> fds{{{client, POLLIN, 0}, {server, POLLIN, 0}}};
        if (!held.empty() && std::chrono::steady_clock::now() - last_held >= kReplySettled) {
            const std::size_t pass = held.size() - std::min(held.size(), plan.reply_bytes);
            bytes_down_ += pass;
            send_all(client, held.data(), pass);
            break;
        }
        if (::poll(fds.data(), fds.size(), kPollMs) <= 0) continue;
        if (fds[0].revents != 0) {
            const ssize_t n = ::recv(client, buffer.data(), buffer.size(), 0);
            if (n <= 0) break;
            client_spoke = true;
            bytes_up_ += static_cast<std::uint64_t>(n);
            if (!send_all(server, buffer.data(), static_cast<std::size_t>(n))) break;
        }
        if (fds[1].revents != 0) {
            const ssize_t n = ::recv(server, buffer.data(), buffer.size(), 0);
            if (n <= 0) break;
            auto size = static_cast<std::size_t>(n);
            if (plan.fault != Fault::pass && !hit) {
                hit = plan.when ? plan.when() : client_spoke;
                if (hit) ++faults_;
            }
            if (hit && plan.fault == Fault::drop_before_reply) break;
            if (hit && plan.fault == Fault::truncate_reply && plan.from_end) {
                held.append(buffer.data(), size);
                last_held = std::chrono::steady_clock::now();
                continue;
            }
            if (hit && plan.fault == Fault::truncate_reply) {
                const std::size_t room = plan.reply_bytes - reply_passed;
                if (size >= room) {
                    bytes_down_ += room;
                    send_all(client, buffer.data(), room);
                    break;
                }
                reply_passed += size;
            }
            if (hit && plan.fault == Fault::delay_reply) {
                if (!pause(plan.delay)) break;
                plan.fault = Fault::pass;  // once: the rest of the connection flows
            }
            bytes_down_ += size;
            if (!send_all(client, buffer.data(), size)) break;
        }
    }
    ::close(server);
    ::close(client);
}

}  // namespace skm::testing
