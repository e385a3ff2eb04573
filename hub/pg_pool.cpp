#include "hub/pg_pool.hpp"

namespace skm::hub {

// A leased connection, given back when the lease ends.
struct PgPool::Lent final : SqlLease::Hold {
    Lent(PgPool& owner, std::unique_ptr<PgConnection> lent) : pool(owner), connection(std::move(lent)) {}
    ~Lent() override { pool.give_back(std::move(connection)); }
    PgPool& pool;
    std::unique_ptr<PgConnection> connection;
};

PgPool::PgPool(std::string uri, std::size_t max_connections) : uri_(std::move(uri)), max_(max_connections) {}

SqlLease PgPool::acquire() {
    std::unique_ptr<PgConnection> connection;
    {
        std::unique_lock lock(mutex_);
        returned_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
        if (!idle_.empty()) {
            connection = std::move(idle_.back());
            idle_.pop_back();
        } else {
            ++open_;  // a place taken before connecting, so the limit holds while we do
        }
    }
    if (!connection) {
        try {
            connection = std::make_unique<PgConnection>(uri_);
        } catch (...) {
            give_back(nullptr);
            throw;
        }
    }
    PgConnection& leased = *connection;
    return SqlLease(leased, std::make_unique<Lent>(*this, std::move(connection)));
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
