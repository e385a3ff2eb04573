// Index: [result] [connection] [transaction]. (hub/pg_connection.hpp says what and why.)
#include "hub/pg_connection.hpp"

#include "hub/pg_conninfo.hpp"
#include "scoring/problem.hpp"

#include <libpq-fe.h>

#include <array>

namespace skm::hub {
namespace {

// libpq's message on one line, without its trailing newline.
std::string one_line(const char* message) {
    std::string text;
    for (const char* p = message ? message : ""; *p; ++p) {
        const bool space = *p == '\n' || *p == '\r' || *p == '\t' || *p == ' ';
        if (!space) {
            text.push_back(*p);
        } else if (!text.empty() && text.back() != ' ') {
            text.push_back(' ');
        }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

std::vector<const char*> values_of(const PgParams& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    return values;
}

}  // namespace

// ---- [result] ----------------------------------------------------------------

PgResult::~PgResult() {
    if (result_) PQclear(result_);
}

int PgResult::rows() const { return PQntuples(result_); }

std::string_view PgResult::text(int row, int column) const {
    return {PQgetvalue(result_, row, column), static_cast<std::size_t>(PQgetlength(result_, row, column))};
}

bool PgResult::is_null(int row, int column) const { return PQgetisnull(result_, row, column) == 1; }

std::optional<std::string> PgResult::optional_text(int row, int column) const {
    if (is_null(row, column)) return std::nullopt;
    return std::string(text(row, column));
}

std::int64_t PgResult::affected() const {
    const std::string count = PQcmdTuples(result_);
    return count.empty() ? 0 : std::stoll(count);
}

// ---- [connection] ------------------------------------------------------------

PgConnection::PgConnection(const std::string& uri) : uri_(uri) {
    // The URI's own settings win over the first two (they come before it);
    // the encoding is ours to fix, so it comes after.
    const std::array<const char*, 5> keywords = {"connect_timeout", "application_name", "dbname", "client_encoding",
                                                 nullptr};
    const std::array<const char*, 5> values = {"10", "skm-hub", uri.c_str(), "UTF8", nullptr};
    conn_ = PQconnectdbParams(keywords.data(), values.data(), 1);
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        const std::string detail = conn_ ? one_line(PQerrorMessage(conn_)) : "out of memory";
        if (conn_) PQfinish(conn_);
        conn_ = nullptr;
        throw Error(ErrorKind::storage,
                    Problem{"store.db_unreachable", {{"db", redact_conninfo(uri_)}, {"detail", scrub_password(uri_, detail)}}});
    }
    // Server notices ("already exists, skipping") are not for the user's terminal.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    // Hub times are text the hub writes itself; the session's settings must
    // not change how anything is read back.
    exec_script("SET TIME ZONE 'UTC'; SET standard_conforming_strings = on");
}

PgConnection::~PgConnection() {
    if (conn_) PQfinish(conn_);
}

void PgConnection::fail(std::string_view detail) const {
    const std::string key = PQstatus(conn_) == CONNECTION_OK ? "store.failed" : "store.db_unreachable";
    const std::string shown = scrub_password(uri_, std::string(detail));
    const std::string where = redact_conninfo(uri_);
    if (key == "store.failed") throw Error(ErrorKind::storage, Problem{key, {{"file", where}, {"detail", shown}}});
    throw Error(ErrorKind::storage, Problem{key, {{"db", where}, {"detail", shown}}});
}

PgResult PgConnection::checked(pg_result* raw) const {
    PgResult result(raw);
    const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        fail(one_line(raw ? PQresultErrorMessage(raw) : PQerrorMessage(conn_)));
    }
    return result;
}

PgResult PgConnection::exec(const char* sql, const PgParams& params) {
    const auto values = values_of(params);
    return checked(PQexecParams(conn_, sql, static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
}

void PgConnection::exec_script(const char* sql) { checked(PQexec(conn_, sql)); }

void PgConnection::prepare(const char* name, const char* sql, int parameter_count) {
    checked(PQprepare(conn_, name, sql, parameter_count, nullptr));
}

PgResult PgConnection::exec_prepared(const char* name, const PgParams& params) {
    const auto values = values_of(params);
    return checked(PQexecPrepared(conn_, name, static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0));
}

void PgConnection::for_each_row(const char* sql, const PgParams& params,
                                const std::function<void(const PgResult&)>& visit) {
    const auto values = values_of(params);
    if (!PQsendQueryParams(conn_, sql, static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0) ||
        !PQsetSingleRowMode(conn_)) {
        fail(one_line(PQerrorMessage(conn_)));
    }
    // Every result is taken, also after a failure (ours or the visitor's), so
    // the connection is left ready for its next query.
    std::optional<std::string> error;
    std::exception_ptr thrown;
    while (PGresult* raw = PQgetResult(conn_)) {
        PgResult result(raw);
        const ExecStatusType status = PQresultStatus(raw);
        if (status == PGRES_SINGLE_TUPLE) {
            if (error || thrown) continue;
            try {
                visit(result);
            } catch (...) {
                thrown = std::current_exception();
            }
        } else if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK && !error) {
            error = one_line(PQresultErrorMessage(raw));
        }
    }
    if (thrown) std::rethrow_exception(thrown);
    if (error) fail(*error);
}

bool PgConnection::reusable() const {
    return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

// ---- [transaction] -----------------------------------------------------------

PgTransaction::PgTransaction(PgConnection& connection) : connection_(connection) { connection_.exec_script("BEGIN"); }

PgTransaction::~PgTransaction() {
    if (done_) return;
    try {
        connection_.exec_script("ROLLBACK");
    } catch (const Error&) {
        // The connection is gone: the server has rolled back already, and the
        // pool will not reuse it.
    }
}

void PgTransaction::commit() {
    connection_.exec_script("COMMIT");
    done_ = true;
}

}  // namespace skm::hub
