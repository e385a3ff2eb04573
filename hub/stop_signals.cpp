#include "hub/stop_signals.hpp"

#include <pthread.h>

#include <cerrno>
#include <ctime>

namespace skm::hub {

StopSignals::StopSignals(std::function<void(int)> on_signal) : on_signal_(std::move(on_signal)) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
    thread_ = std::thread([this] { wait(); });
}

StopSignals::~StopSignals() {
    done_ = true;
    thread_.join();
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

void StopSignals::wait() {
    // A short timeout rather than an endless wait, so that the destructor's
    // done_ is seen without sending ourselves a signal.
    const timespec tick{0, 100'000'000};
    while (!done_) {
        const int signal = sigtimedwait(&signals_, nullptr, &tick);
        if (signal > 0) on_signal_(signal);
    }
}

}  // namespace skm::hub
