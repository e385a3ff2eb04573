#include "hub/sqlite_connection.hpp"

#include <algorithm>
#include <cstring>

namespace skm::hub {
namespace {

class SqliteRow final : public SqlRow {
public:
    explicit SqliteRow(sqlite3_stmt* statement) : statement_(statement) {}
    std::string_view text(int column) const override {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
        return data ? std::string_view(data, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                    : std::string_view();
    }
    std::int64_t int64(int column) const override { return sqlite3_column_int64(statement_, column); }
    bool is_null(int column) const override { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

private:
    sqlite3_stmt* statement_;
};

// Resets the statement however the call ends: a statement left mid-result
// would keep its read snapshot (and block COMMIT and WAL checkpoints).
struct ResetOnExit {
    sqlite3_stmt* statement;
    ~ResetOnExit() {
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);  // they point into the caller's values
    }
};

int compare_bytes(void*, int left_size, const void* left, int right_size, const void* right) {
    const int common = std::memcmp(left, right, static_cast<std::size_t>(std::min(left_size, right_size)));
    return common != 0 ? common : left_size - right_size;
}

struct LockHold final : SqlLease::Hold {
    explicit LockHold(std::mutex& mutex) : lock(mutex) {}
    std::lock_guard<std::mutex> lock;
};

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, int flags) : connection_(path, flags) {
    const int rc = sqlite3_create_collation_v2(connection_.handle(), "C", SQLITE_UTF8, nullptr, compare_bytes, nullptr);
    if (rc != SQLITE_OK) connection_.fail(rc);
}

SqliteConnection::~SqliteConnection() {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
}

sqlite3_stmt* SqliteConnection::statement(std::string_view sql) {
    if (const auto found = statements_.find(sql); found != statements_.end()) return found->second;
    sqlite3_stmt* prepared = nullptr;
    const int rc = sqlite3_prepare_v3(connection_.handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &prepared, nullptr);
    if (rc != SQLITE_OK) connection_.fail(rc);
    statements_.emplace(std::string(sql), prepared);
    return prepared;
}

std::int64_t SqliteConnection::run(std::string_view sql, SqlParams params, const SqlRowVisitor& visit, Plan) {
    // Every statement is kept: preparing is most of a small query's cost here.
    sqlite3_stmt* prepared = statement(sql);
    const ResetOnExit reset{prepared};
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int index = static_cast<int>(i + 1);
        int rc = SQLITE_OK;
        if (const auto* integer = params[i].integer()) {
            rc = sqlite3_bind_int64(prepared, index, *integer);
        } else if (const auto* text = params[i].text()) {
            rc = sqlite3_bind_text(prepared, index, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
        } else {
            rc = sqlite3_bind_null(prepared, index);
        }
        if (rc != SQLITE_OK) connection_.fail(rc);
    }
    const SqliteRow row(prepared);
    for (;;) {
        const int rc = sqlite3_step(prepared);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) {
            sqlite3_reset(prepared);
            connection_.fail(rc);
        }
        if (visit) visit(row);
    }
    return sqlite3_stmt_readonly(prepared) ? 0 : sqlite3_changes64(connection_.handle());
}

void SqliteConnection::begin() { connection_.exec("BEGIN IMMEDIATE"); }

void SqliteConnection::commit() { connection_.exec("COMMIT"); }

void SqliteConnection::rollback() { connection_.exec("ROLLBACK"); }

SqliteDatabase::SqliteDatabase(std::unique_ptr<SqliteConnection> writer, std::unique_ptr<SqliteConnection> reader)
    : writer_(std::move(writer)), reader_(std::move(reader)) {}

SqlLease SqliteDatabase::write() {
    return SqlLease(*writer_, std::make_unique<LockHold>(write_mutex_));
}

SqlLease SqliteDatabase::read() {
    if (!reader_) return write();
    return SqlLease(*reader_, std::make_unique<LockHold>(read_mutex_));
}

}  // namespace skm::hub
