// The little the hub's stores need from a SQL database, so each query is
// written once and runs on SQLite and on PostgreSQL: statements with bound
// parameters (?1, ?2, … in the text; hub/pg_connection turns them into
// PostgreSQL's $1, $2, …), rows read one at a time, transactions, and a lock
// that puts writers one after another. hub/sqlite_connection and
// hub/pg_connection are the two implementations; SqlDatabase hands out
// connections (hub/sqlite_connection: a writer and a reader behind mutexes;
// hub/pg_pool: a pool).
//
// What differs between the dialects stays out of the queries: SQLite knows a
// collation "C" (byte order, PostgreSQL's name for it), and lock_writers is
// a no-op where writes are serialised anyway. Failures are skm::Error(storage).
#pragma once

#include <concepts>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace skm::hub {

// A bound parameter: NULL, an integer or text.
class SqlValue {
public:
    SqlValue() = default;  // NULL
    SqlValue(std::nullopt_t) {}
    template <std::integral T>
    SqlValue(T value) : value_(static_cast<std::int64_t>(value)) {}
    SqlValue(std::string_view value) : value_(std::string(value)) {}
    SqlValue(const std::string& value) : value_(value) {}
    SqlValue(std::string&& value) : value_(std::move(value)) {}
    SqlValue(const char* value) : value_(std::string(value)) {}
    template <typename T>
    SqlValue(const std::optional<T>& value) {
        if (value) *this = SqlValue(*value);
    }

    bool is_null() const { return std::holds_alternative<std::monostate>(value_); }
    const std::int64_t* integer() const { return std::get_if<std::int64_t>(&value_); }
    const std::string* text() const { return std::get_if<std::string>(&value_); }

private:
    std::variant<std::monostate, std::int64_t, std::string> value_;
};

using SqlParams = std::span<const SqlValue>;

// One row of a result; valid only inside the visitor it was given to.
class SqlRow {
public:
    virtual std::string_view text(int column) const = 0;
    virtual std::int64_t int64(int column) const = 0;
    virtual bool is_null(int column) const = 0;
    std::optional<std::string> optional_text(int column) const {
        return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
    }
    std::optional<std::int64_t> optional_int64(int column) const {
        return is_null(column) ? std::nullopt : std::optional<std::int64_t>(int64(column));
    }

protected:
    ~SqlRow() = default;
};

using SqlRowVisitor = std::function<void(const SqlRow&)>;

class SqlConnection {
public:
    // once: parsed and planned for this call. kept: prepared on first use and
    // kept with the connection (a statement every upload runs many times).
    enum class Plan { once, kept };

    virtual ~SqlConnection() = default;

    // One statement; `visit` (may be empty) sees each row, in order, while the
    // result is read (a long report is never all in memory). Returns the rows
    // an INSERT, UPDATE or DELETE changed. After a failure, the visitor's
    // included, the connection is ready for its next statement.
    virtual std::int64_t run(std::string_view sql, SqlParams params, const SqlRowVisitor& visit, Plan plan) = 0;

    virtual void begin() = 0;  // a write transaction
    virtual void commit() = 0;
    virtual void rollback() = 0;
    // Inside a transaction: waits while another transaction holds `key`, and
    // holds it until commit (what SQLite's single writer gives anyway).
    virtual void lock_writers(std::int64_t key) = 0;

    std::int64_t execute(std::string_view sql, std::initializer_list<SqlValue> params = {}, Plan plan = Plan::once) {
        return run(sql, {params.begin(), params.size()}, {}, plan);
    }
    void for_each_row(std::string_view sql, std::initializer_list<SqlValue> params, const SqlRowVisitor& visit) {
        run(sql, {params.begin(), params.size()}, visit, Plan::once);
    }
    // Each row of a query made into a value by `read`.
    template <typename Read>
    auto rows(std::string_view sql, std::initializer_list<SqlValue> params, Read read) {
        std::vector<std::invoke_result_t<Read&, const SqlRow&>> out;
        for_each_row(sql, params, [&](const SqlRow& row) { out.push_back(read(row)); });
        return out;
    }
    // The first row made into a value by `read`, nothing when there is none.
    template <typename Read>
    auto first_row(std::string_view sql, std::initializer_list<SqlValue> params, Read read) {
        std::optional<std::invoke_result_t<Read&, const SqlRow&>> out;
        for_each_row(sql, params, [&](const SqlRow& row) {
            if (!out) out = read(row);
        });
        return out;
    }
    // The first column of the first row (0 when there is none).
    std::int64_t query_int(std::string_view sql, std::initializer_list<SqlValue> params = {}) {
        return first_row(sql, params, [](const SqlRow& row) { return row.int64(0); }).value_or(0);
    }
};

// BEGIN … COMMIT; rolls back unless commit() was reached.
class SqlTransaction {
public:
    explicit SqlTransaction(SqlConnection& connection) : connection_(connection) { connection_.begin(); }
    ~SqlTransaction() {
        if (done_) return;
        try {
            connection_.rollback();
        } catch (...) {
            // The connection is gone: its server has rolled back already, and
            // it will not be used again (hub/pg_pool drops it).
        }
    }
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;
    void commit() {
        connection_.commit();
        done_ = true;
    }

private:
    SqlConnection& connection_;
    bool done_ = false;
};

// A connection lent for one call: given back (unlocked, or returned to its
// pool) when the lease ends.
class SqlLease {
public:
    struct Hold {
        virtual ~Hold() = default;
    };
    SqlLease(SqlConnection& connection, std::unique_ptr<Hold> hold)
        : connection_(&connection), hold_(std::move(hold)) {}
    SqlConnection& operator*() const { return *connection_; }
    SqlConnection* operator->() const { return connection_; }

private:
    SqlConnection* connection_;
    std::unique_ptr<Hold> hold_;
};

// Where a store's connections come from. Every call takes a lease for itself,
// so the server's threads can call at once.
class SqlDatabase {
public:
    virtual ~SqlDatabase() = default;
    virtual SqlLease write() = 0;
    // A read that must not hold up writes (a long report beside uploads).
    virtual SqlLease read() = 0;
};

}  // namespace skm::hub
