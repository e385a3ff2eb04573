// Thin RAII over the SQLite C API: a connection, prepared statements with
// bound parameters (never string-built SQL), and transactions. Every failure
// becomes skm::Error(storage) with a "store.*" problem a person can read.
#pragma once

#include "scoring/problem.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace skm::store {

// Maps an SQLite result code to a plain-words problem key:
// store.disk_full, store.read_only, store.locked, store.corrupt, store.io_error, store.failed.
Problem sqlite_problem(int code, std::string_view detail, std::string_view path);

class Connection {
public:
    // flags as for sqlite3_open_v2; vfs may be null (the default).
    Connection(const std::string& path, int flags, const char* vfs = nullptr);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }
    // Runs one or more statements without parameters (schema, pragmas).
    void exec(const char* sql);
    [[noreturn]] void fail(int code) const;

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

class Statement {
public:
    Statement(const Connection& connection, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind_null(int index);
    // True while a row is available; false when done. Throws on error.
    bool step();
    void reset();

    std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
    std::string_view text(int column) const;
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    bool is_integer(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_INTEGER; }
    int column_count() const { return sqlite3_column_count(stmt_); }

private:
    const Connection& connection_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE … COMMIT; rolls back unless commit() was reached.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    void commit();

private:
    Connection& connection_;
    bool done_ = false;
};

// Runs a query with no parameters that yields one integer.
std::int64_t query_int(const Connection& connection, const char* sql);

}  // namespace skm::store
