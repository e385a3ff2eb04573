// A TCP relay on loopback for fault tests and the sync benchmark: it sits
// between a client and a server port and passes bytes through untouched (TLS
// included: the client still checks the server's certificate end to end),
// counting them, and can be told, connection by connection, to misbehave:
//
//   refuse             close at once (with a reset), before a byte is read
//   drop_before_reply  forward the request, and close both sides when the
//                      server's reply begins, before any byte of it reaches the client
//   truncate_reply     pass the first `reply_bytes` bytes of the reply, then close;
//                      or, `from_end`, all of it but its last `reply_bytes` (the
//                      reply is held until the server has paused for 300 ms), so that
//                      the client has the headers and a cut body
//   delay_reply        hold the reply for `delay` (past the client's timeout), then go on
//
// Through TLS the relay cannot see where a reply begins (TLS 1.3 sends
// session tickets after the handshake, from the same side), so each fault
// takes a `when`: true once the server has done the work whose reply is to
// be hit, e.g. "the batch is in the hub's database". It is asked as the
// server's bytes arrive; the first bytes read once it is true are the reply.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace skm::testing {

enum class Fault { pass, refuse, drop_before_reply, truncate_reply, delay_reply };

struct FaultPlan {
    Fault fault = Fault::pass;
    std::function<bool()> when;  // none: the server's first bytes after the client's first bytes
    std::size_t reply_bytes = 0;                // truncate_reply
    bool from_end = false;                      // truncate_reply
    std::chrono::milliseconds delay{0};         // delay_reply
};

struct RelayCounts {
    std::uint64_t connections = 0;
    std::uint64_t bytes_up = 0;    // client → server, as on the wire (TLS records)
    std::uint64_t bytes_down = 0;  // server → client
    std::uint64_t faults = 0;      // faults that happened (a planned one whose `when` never came does not count)
};

class FaultProxy {
public:
    // Listens on 127.0.0.1 (any free port) and relays to 127.0.0.1:upstream_port.
    explicit FaultProxy(int upstream_port);
    ~FaultProxy();  // closes every connection and joins its threads
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return port_; }
    // The next connections accepted take these plans, in order; later ones pass.
    void plan(std::vector<FaultPlan> next_connections);
    // Forget the plans not yet taken: everything passes from now on.
    void pass_through();
    RelayCounts counts() const;

private:
    void accept_loop();
    void relay(int client, FaultPlan plan);
    bool pause(std::chrono::milliseconds delay);  // false when stopping

    int upstream_port_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::condition_variable stop_wake_;
    std::deque<FaultPlan> plans_;
    std::vector<std::thread> connections_;
    std::atomic<std::uint64_t> connection_count_{0};
    std::atomic<std::uint64_t> bytes_up_{0};
    std::atomic<std::uint64_t> bytes_down_{0};
    std::atomic<std::uint64_t> faults_{0};
    std::thread acceptor_;
};

}  // namespace skm::testing
