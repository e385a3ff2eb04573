#include "hub/pg_pool.hpp"

namespace skm::hub {

PgPool::PgPool(std::string uri, std::size_t max_connections, std::function<void(PgConnection&)> prepare)
    : uri_(std::move(uri)), max_(max_connections), prepare_(std::move(prepare)) {}

PgPool::Lease PgPool::acquire() {
    {
        std::unique_lock lock(mutex_);
        returned_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(connection));
        }
        ++open_;  // a place taken before connecting, so the limit holds while we do
    }
    try {
        auto connection = std::make_unique<PgConnection>(uri_);
        prepare_(*connection);
        return Lease(*this, std::move(connection));
    } catch (...) {
        give_back(nullptr);
        throw;
    }
}

void PgPool::give_back(std::unique_ptr<PgConnection> connection) {
    {
        const std::lock_guard lock(mutex_);
        if (connection && connection->reusable()) {
            idle_.push_back(std::move(connection));
        } else {
            --open_;
        }
    }
    returned_.notify_one();
    // A dropped connection is closed here, outside the lock.
}

}  // namespace skm::hub
