// Counts stored responses straight from a device database file, not through
// our code (link SQLite::SQLite3): what the whole-program tests check.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

namespace skm::testing {

inline long long count_rows(const std::string& db, const std::string& where = "1") {
    sqlite3* handle = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    const std::string sql = "SELECT count(*) FROM responses WHERE " + where;
    sqlite3_stmt* stmt = nullptr;
    long long n = -1;
    if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        n = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return n;
}

}  // namespace skm::testing
