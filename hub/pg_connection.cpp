// Index: [helpers] [connection] [statements]. (hub/pg_connection.hpp says what and why.)
#include "hub/pg_connection.hpp"

#include "hub/pg_conninfo.hpp"
#include "scoring/problem.hpp"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <exception>
#include <memory>
#include <vector>

namespace skm::hub {
namespace {

// ---- [helpers] ---------------------------------------------------------------

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

// Text-format parameters, as libpq takes them (nullptr is SQL NULL).
struct TextParams {
    explicit TextParams(SqlParams params) {
        integers.reserve(params.size());  // no reallocation: values point into it
        for (const SqlValue& p : params) {
            if (const auto* integer = p.integer()) {
                values.push_back(integers.emplace_back(std::to_string(*integer)).c_str());
            } else {
                values.push_back(p.text() ? p.text()->c_str() : nullptr);
            }
        }
    }
    int count() const { return static_cast<int>(values.size()); }
    std::vector<std::string> integers;
    std::vector<const char*> values;
};

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

class PgRow final : public SqlRow {
public:
    explicit PgRow(const PGresult* result) : result_(result) {}
    std::string_view text(int column) const override {
        return {PQgetvalue(result_, 0, column), static_cast<std::size_t>(PQgetlength(result_, 0, column))};
    }
    std::int64_t int64(int column) const override {
        const std::string_view value = text(column);
        std::int64_t out = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), out);
        if (error != std::errc() || end != value.data() + value.size()) {
            throw Error(ErrorKind::storage, Problem{"store.failed",
                                                    {{"file", "PostgreSQL"}, {"detail", "not an integer: " + std::string(value)}}});
        }
        return out;
    }
    bool is_null(int column) const override { return PQgetisnull(result_, 0, column) == 1; }

private:
    const PGresult* result_;
};

std::int64_t affected(const PGresult* result) {
    const char* count = PQcmdTuples(const_cast<PGresult*>(result));
    std::int64_t n = 0;
    if (count) std::from_chars(count, count + std::char_traits<char>::length(count), n);
    return n;
}

}  // namespace

std::string pg_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    char quote = 0;  // inside '…' or "…"
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote) {
            if (c == quote) quote = 0;  // a doubled quote closes and reopens: the same
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            out.push_back('$');
            continue;
        }
        out.push_back(c);
    }
    return out;
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

void PgConnection::check(PGresult* raw) const {
    const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        fail(one_line(raw ? PQresultErrorMessage(raw) : PQerrorMessage(conn_)));
    }
}

void PgConnection::exec_script(const char* sql) {
    const Result result(PQexec(conn_, sql));
    check(result.get());
}

bool PgConnection::reusable() const {
    return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

// ---- [statements] ------------------------------------------------------------

std::int64_t PgConnection::run(std::string_view sql, SqlParams params, const SqlRowVisitor& visit, Plan plan) {
    if (visit) return stream(sql, params, visit);
    const TextParams text(params);
    if (plan == Plan::once) {
        const Result result(PQexecParams(conn_, pg_placeholders(sql).c_str(), text.count(), nullptr,
                                         text.values.data(), nullptr, nullptr, 0));
        check(result.get());
        return affected(result.get());
    }
    auto found = prepared_.find(sql);
    if (found == prepared_.end()) {
        const std::string name = "skm_" + std::to_string(prepared_.size() + 1);
        const Result prepared(PQprepare(conn_, name.c_str(), pg_placeholders(sql).c_str(), text.count(), nullptr));
        check(prepared.get());
        found = prepared_.emplace(std::string(sql), name).first;
    }
    const Result result(
        PQexecPrepared(conn_, found->second.c_str(), text.count(), text.values.data(), nullptr, nullptr, 0));
    check(result.get());
    return affected(result.get());
}

std::int64_t PgConnection::stream(std::string_view sql, SqlParams params, const SqlRowVisitor& visit) {
    const TextParams text(params);
    if (!PQsendQueryParams(conn_, pg_placeholders(sql).c_str(), text.count(), nullptr, text.values.data(), nullptr,
                           nullptr, 0) ||
        !PQsetSingleRowMode(conn_)) {
        fail(one_line(PQerrorMessage(conn_)));
    }
    // Every result is taken, also after a failure (ours or the visitor's), so
    // the connection is left ready for its next query.
    std::optional<std::string> error;
    std::exception_ptr thrown;
    std::int64_t changed = 0;
    while (PGresult* raw = PQgetResult(conn_)) {
        const Result result(raw);
        const ExecStatusType status = PQresultStatus(raw);
        if (status == PGRES_SINGLE_TUPLE) {
            if (error || thrown) continue;
            try {
                visit(PgRow(raw));
            } catch (...) {
                thrown = std::current_exception();
            }
        } else if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
            changed = affected(raw);
        } else if (!error) {
            error = one_line(PQresultErrorMessage(raw));
        }
    }
    if (thrown) std::rethrow_exception(thrown);
    if (error) fail(*error);
    return changed;
}

void PgConnection::lock_writers(std::int64_t key) { execute("SELECT pg_advisory_xact_lock(?1)", {key}); }

}  // namespace skm::hub
