// Thin RAII over libpq (the PostgreSQL C client): a connection, statements
// with bound parameters only (sent apart from the SQL text, never spliced
// in), results, transactions, and a row-at-a-time read for long reports.
// Every failure becomes skm::Error(storage): store.db_unreachable when the
// server cannot be reached, else store.failed; the password never appears.
// libpq-fe.h stays in pg_connection.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace skm::hub {

// Text-format parameters $1, $2, …; nullopt is SQL NULL.
using PgParams = std::vector<std::optional<std::string>>;

class PgResult {
public:
    explicit PgResult(pg_result* result) : result_(result) {}
    ~PgResult();
    PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
    PgResult& operator=(PgResult&&) = delete;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;

    int rows() const;
    std::string_view text(int row, int column) const;
    bool is_null(int row, int column) const;
    std::optional<std::string> optional_text(int row, int column) const;
    // Rows an INSERT/UPDATE/DELETE touched.
    std::int64_t affected() const;

private:
    pg_result* result_;
};

class PgConnection {
public:
    // uri: a libpq URI (hub/pg_conninfo). Throws store.db_unreachable.
    explicit PgConnection(const std::string& uri);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // One statement with its parameters.
    PgResult exec(const char* sql, const PgParams& params = {});
    // Statements without parameters, several at once (schema migrations).
    void exec_script(const char* sql);
    // A named statement prepared once per connection, then run with its parameters.
    void prepare(const char* name, const char* sql, int parameter_count);
    PgResult exec_prepared(const char* name, const PgParams& params);
    // Streams the rows of one query, one at a time (a report over a whole
    // year does not need the whole result in memory). `visit` gets a
    // one-row result.
    void for_each_row(const char* sql, const PgParams& params, const std::function<void(const PgResult&)>& visit);

    // Connected, and not inside an unfinished transaction: fit to reuse.
    bool reusable() const;

private:
    [[noreturn]] void fail(std::string_view detail) const;
    PgResult checked(pg_result* result) const;

    pg_conn* conn_ = nullptr;
    std::string uri_;
};

// BEGIN … COMMIT; rolls back unless commit() was reached.
class PgTransaction {
public:
    explicit PgTransaction(PgConnection& connection);
    ~PgTransaction();
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    void commit();

private:
    PgConnection& connection_;
    bool done_ = false;
};

}  // namespace skm::hub
