#include "store/sqlite.hpp"

namespace skm::store {

Problem sqlite_problem(int code, std::string_view detail, std::string_view path) {
    const char* key = "store.failed";
    switch (code & 0xff) {
        case SQLITE_FULL: key = "store.disk_full"; break;
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_CANTOPEN: key = "store.read_only"; break;
        case SQLITE_BUSY:
        case SQLITE_LOCKED: key = "store.locked"; break;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: key = "store.corrupt"; break;
        case SQLITE_IOERR: key = "store.io_error"; break;
        default: break;
    }
    return Problem{key, {{"file", std::string(path)}, {"detail", std::string(detail)}, {"code", std::to_string(code)}}};
}

Connection::Connection(const std::string& path, int flags, const char* vfs) : path_(path) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, vfs);
    if (rc != SQLITE_OK) {
        const std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(ErrorKind::storage, sqlite_problem(rc, detail, path));
    }
    sqlite3_extended_result_codes(db_, 1);
    // A kiosk and a staff command may touch the file at once; wait a little.
    sqlite3_busy_timeout(db_, 2000);
}

Connection::~Connection() { sqlite3_close_v2(db_); }

void Connection::exec(const char* sql) {
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc);
}

void Connection::fail(int code) const {
    throw Error(ErrorKind::storage, sqlite_problem(code, sqlite3_errmsg(db_), path_));
}

Statement::Statement(const Connection& connection, const char* sql) : connection_(connection) {
    const int rc = sqlite3_prepare_v2(connection.handle(), sql, -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) connection.fail(rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) connection_.fail(rc);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) connection_.fail(rc);
    return *this;
}

Statement& Statement::bind_null(int index) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) connection_.fail(rc);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    connection_.fail(rc);
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string_view Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return data ? std::string_view(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string_view();
}

Transaction::Transaction(Connection& connection) : connection_(connection) { connection_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    connection_.exec("COMMIT");
    done_ = true;
}

std::int64_t query_int(const Connection& connection, const char* sql) {
    Statement statement(connection, sql);
    if (!statement.step()) return 0;
    return statement.int64(0);
}

}  // namespace skm::store
