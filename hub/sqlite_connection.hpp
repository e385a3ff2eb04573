// hub/sql_connection on SQLite (over store/sqlite's Connection): statements
// are prepared once per connection and kept, bound by number, and reset after
// each call so no read snapshot outlives it. Registers the collation "C"
// (byte order, as SQLite's default BINARY) so a query can ask PostgreSQL for
// byte order in the same words.
//
// SqliteDatabase: a writer and, for reads, a second connection, each behind
// its own mutex; with WAL, readers and the writer overlap, so a long report
// never holds up an upload.
#pragma once

#include "hub/sql_connection.hpp"
#include "store/sqlite.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace skm::hub {

class SqliteConnection final : public SqlConnection {
public:
    // flags as for sqlite3_open_v2 (store/sqlite: a busy timeout, extended codes).
    SqliteConnection(const std::string& path, int flags);
    ~SqliteConnection() override;

    store::Connection& raw() { return connection_; }

    std::int64_t run(std::string_view sql, SqlParams params, const SqlRowVisitor& visit, Plan plan) override;
    void begin() override;
    void commit() override;
    void rollback() override;
    void lock_writers(std::int64_t) override {}

private:
    sqlite3_stmt* statement(std::string_view sql);

    store::Connection connection_;
    std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

class SqliteDatabase final : public SqlDatabase {
public:
    // Without a reader, reads go through the writer (and wait for it).
    SqliteDatabase(std::unique_ptr<SqliteConnection> writer, std::unique_ptr<SqliteConnection> reader);
    SqlLease write() override;
    SqlLease read() override;

private:
    std::mutex write_mutex_;
    std::unique_ptr<SqliteConnection> writer_;
    std::mutex read_mutex_;
    std::unique_ptr<SqliteConnection> reader_;
};

}  // namespace skm::hub
