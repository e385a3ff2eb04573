// The hub's storage backends for value-parameterised tests: every contract
// test runs once against a SQLite file and once against a real PostgreSQL 15
// database (tests/support/test_postgres), each case with a fresh, empty one.
#pragma once

#include "hub/hub_store.hpp"
#include "tests/support/test_postgres.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

namespace skm::hub::testing {

enum class Backend { sqlite, postgres };

// "sqlite" / "postgres", for the case names and GoogleTest's messages.
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);
void PrintTo(Backend backend, std::ostream* out);
#define SKM_ALL_HUB_BACKENDS \
    ::testing::Values(::skm::hub::testing::Backend::sqlite, ::skm::hub::testing::Backend::postgres), \
        ::skm::hub::testing::backend_name

// "key name=value …", for a failing case to say why.
std::string describe(const Problem& problem);

// One fresh, empty hub database of either kind, and a look at it behind the
// store's back (straight SQL, not the code under test).
class BackendDb {
public:
    explicit BackendDb(Backend backend);
    ~BackendDb();
    BackendDb(const BackendDb&) = delete;
    BackendDb& operator=(const BackendDb&) = delete;

    Backend backend() const { return backend_; }
    // What --db is given: a file path or a postgresql:// URI.
    const std::string& db() const { return db_; }
    // A scratch directory of this case's own (the SQLite file lives here).
    const std::filesystem::path& dir() const { return dir_; }
    std::unique_ptr<HubStore> open(const scoring::ScoringScheme& scheme) const;

    std::int64_t count(const std::string& sql) const;
    skm::testing::PgRows rows(const std::string& sql) const;
    void exec(const std::string& sql) const;

private:
    Backend backend_;
    std::filesystem::path dir_;
    std::string database_;  // PostgreSQL's name for it
    std::string db_;
};

}  // namespace skm::hub::testing
