// A few PostgreSQL connections shared by the server's threads: each call
// takes one for itself (opening another while all are busy, up to a limit),
// so a long report read and the kiosks' uploads run side by side. A
// connection that broke, or was left inside a transaction, is dropped, not
// reused: the next caller gets a fresh one. Reads and writes alike take a
// pooled connection: PostgreSQL's MVCC keeps them apart.
#pragma once

#include "hub/pg_connection.hpp"

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace skm::hub {

class PgPool final : public SqlDatabase {
public:
    // Connects lazily: store.db_unreachable comes from the first call.
    PgPool(std::string uri, std::size_t max_connections);

    // Waits while max_connections are in use. Throws store.db_unreachable.
    SqlLease write() override { return acquire(); }
    SqlLease read() override { return acquire(); }

private:
    struct Lent;
    SqlLease acquire();
    void give_back(std::unique_ptr<PgConnection> connection);

    std::string uri_;
    std::size_t max_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<PgConnection>> idle_;
    std::size_t open_ = 0;  // idle and leased
};

}  // namespace skm::hub
