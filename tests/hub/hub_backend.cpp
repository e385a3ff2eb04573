#include "tests/hub/hub_backend.hpp"

#include "hub/open_hub_store.hpp"
#include "store/sqlite.hpp"
#include "tests/support/run_program.hpp"

#include <sqlite3.h>

namespace skm::hub::testing {

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
    return info.param == Backend::sqlite ? "sqlite" : "postgres";
}

void PrintTo(Backend backend, std::ostream* out) { *out << (backend == Backend::sqlite ? "sqlite" : "postgres"); }

BackendDb::BackendDb(Backend backend) : backend_(backend), dir_(skm::testing::make_temp_dir()) {
    if (backend_ == Backend::sqlite) {
        db_ = (dir_ / "hub.db").string();
    } else {
        database_ = skm::testing::test_postgres().create_database();
        db_ = skm::testing::test_postgres().uri(database_);
    }
}

BackendDb::~BackendDb() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

std::unique_ptr<HubStore> BackendDb::open(const scoring::ScoringScheme& scheme) const {
    return open_hub_store(db_, scheme);
}

std::string describe(const Problem& problem) {
    std::string text = problem.key;
    for (const auto& [name, value] : problem.args) text += " " + name + "=" + value;
    return text;
}

std::int64_t BackendDb::count(const std::string& sql) const {
    if (backend_ == Backend::postgres) return skm::testing::test_postgres().query_int(database_, sql);
    store::Connection c(db_, SQLITE_OPEN_READONLY);
    return store::query_int(c, sql.c_str());
}

skm::testing::PgRows BackendDb::rows(const std::string& sql) const {
    if (backend_ == Backend::postgres) return skm::testing::test_postgres().query(database_, sql);
    store::Connection c(db_, SQLITE_OPEN_READONLY);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(c.handle(), sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) c.fail(SQLITE_ERROR);
    skm::testing::PgRows out;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        auto& row = out.emplace_back();
        for (int i = 0; i < sqlite3_column_count(statement); ++i) {
            if (sqlite3_column_type(statement, i) == SQLITE_NULL) {
                row.emplace_back(std::nullopt);
            } else {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
                row.emplace_back(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, i))));
            }
        }
    }
    sqlite3_finalize(statement);
    return out;
}

void BackendDb::exec(const std::string& sql) const {
    if (backend_ == Backend::postgres) return skm::testing::test_postgres().exec(database_, sql);
    store::Connection c(db_, SQLITE_OPEN_READWRITE);
    c.exec(sql.c_str());
}

}  // namespace skm::hub::testing
