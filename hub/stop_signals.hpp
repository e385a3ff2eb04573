// A clean stop on SIGINT or SIGTERM without a global flag or an async
// signal handler: the signals are blocked in the creating thread (and so in
// every thread it starts afterwards) and taken, one at a time, by a thread of
// our own with sigtimedwait, which runs an ordinary callback.
#pragma once

#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace skm::hub {

class StopSignals {
public:
    // Create before any other thread, so that none of them receives the signal instead.
    explicit StopSignals(std::function<void(int signal)> on_signal);
    ~StopSignals();  // ends the waiting thread and unblocks the signals again
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

private:
    void wait();

    std::function<void(int)> on_signal_;
    sigset_t signals_{};
    sigset_t previous_{};
    std::atomic<bool> done_{false};
    std::thread thread_;
};

}  // namespace skm::hub
