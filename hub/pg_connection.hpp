// hub/sql_connection on PostgreSQL, thin RAII over libpq (the PostgreSQL C
// client): statements with bound parameters only (sent apart from the SQL
// text, never spliced in), written with SQLite's ?1, ?2, … and sent as $1,
// $2, …; rows read one at a time in single-row mode when a visitor wants
// them. Every failure becomes skm::Error(storage): store.db_unreachable when
// the server cannot be reached, else store.failed; the password never
// appears. libpq-fe.h stays in pg_connection.cpp.
#pragma once

#include "hub/sql_connection.hpp"

#include <map>
#include <string>
#include <string_view>

struct pg_conn;
struct pg_result;

namespace skm::hub {

// `sql` with each ?N outside quotes written $N.
std::string pg_placeholders(std::string_view sql);

class PgConnection final : public SqlConnection {
public:
    // uri: a libpq URI (hub/pg_conninfo). Throws store.db_unreachable.
    explicit PgConnection(const std::string& uri);
    ~PgConnection() override;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Statements without parameters, several at once (schema migrations).
    void exec_script(const char* sql);

    std::int64_t run(std::string_view sql, SqlParams params, const SqlRowVisitor& visit, Plan plan) override;
    void begin() override { exec_script("BEGIN"); }
    void commit() override { exec_script("COMMIT"); }
    void rollback() override { exec_script("ROLLBACK"); }
    void lock_writers(std::int64_t key) override;

    // Connected, and not inside an unfinished transaction: fit to reuse.
    bool reusable() const;

private:
    [[noreturn]] void fail(std::string_view detail) const;
    void check(pg_result* result) const;
    std::int64_t stream(std::string_view sql, SqlParams params, const SqlRowVisitor& visit);

    pg_conn* conn_ = nullptr;
    std::string uri_;
    std::map<std::string, std::string, std::less<>> prepared_;  // SQL as written -> its statement's name
};

}  // namespace skm::hub
