// A few PostgreSQL connections shared by the server's threads: each call
// takes one for itself (opening another while all are busy, up to a limit),
// so a long report read and the kiosks' uploads run side by side. A
// connection that broke, or was left inside a transaction, is dropped, not
// reused: the next caller gets a fresh one.
#pragma once

#include "hub/pg_connection.hpp"

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace skm::hub {

class PgPool {
public:
    // `prepare` runs on every connection the pool opens (named statements).
    PgPool(std::string uri, std::size_t max_connections, std::function<void(PgConnection&)> prepare);

    class Lease {
    public:
        Lease(PgPool& pool, std::unique_ptr<PgConnection> connection)
            : pool_(pool), connection_(std::move(connection)) {}
        ~Lease() { pool_.give_back(std::move(connection_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        PgConnection& operator*() const { return *connection_; }
        PgConnection* operator->() const { return connection_.get(); }

    private:
        PgPool& pool_;
        std::unique_ptr<PgConnection> connection_;
    };

    // Waits while max_connections are in use. Throws store.db_unreachable.
    Lease acquire();

private:
    void give_back(std::unique_ptr<PgConnection> connection);

    std::string uri_;
    std::size_t max_;
    std::function<void(PgConnection&)> prepare_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<PgConnection>> idle_;
    std::size_t open_ = 0;  // idle and leased
};

}  // namespace skm::hub
