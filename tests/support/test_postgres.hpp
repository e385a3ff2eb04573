// A throwaway PostgreSQL 15 server for one test program: a fresh temporary
// directory (in /dev/shm when there is one) holding a copy of a cluster initdb made once per build tree
// (tests/postgres-template in the build directory), started with pg_ctl on a free loopback port (and a
// Unix socket in that directory), stopped and deleted at the end. As root the
// server runs as the `postgres` user (initdb refuses root). A watchdog process
// stops and deletes it even when the test program dies, so a crashed test
// leaves no server behind.
//
// The code under test connects as an ordinary role with a password over TCP,
// as a kabupaten hub would; the checks behind its back connect as the
// superuser through the socket. Missing binaries are a failure with a clear
// message, not a skip: scripts/install-deps installs them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace skm::testing {

using PgRows = std::vector<std::vector<std::optional<std::string>>>;

class TestPostgres {
public:
    // Throws std::runtime_error saying what is missing or what failed.
    TestPostgres();
    ~TestPostgres();
    TestPostgres(const TestPostgres&) = delete;
    TestPostgres& operator=(const TestPostgres&) = delete;

    // A new, empty database owned by the test role; its name.
    std::string create_database();
    // The connection string the code under test is given.
    std::string uri(const std::string& database) const;
    // Straight to the server as its superuser, not through the code under test.
    PgRows query(const std::string& database, const std::string& sql) const;
    std::int64_t query_int(const std::string& database, const std::string& sql) const;
    void exec(const std::string& database, const std::string& sql) const { query(database, sql); }

    int port() const { return port_; }
    const std::string& dir() const { return dir_; }
    static constexpr const char* kRole = "skm_hub";
    static constexpr const char* kPassword = "Rahasia-Kabupaten-7391";

private:
    void start_watchdog();
    std::string superuser_conninfo(const std::string& database) const;

    std::string dir_;
    int port_ = 0;
    int databases_ = 0;
    int watchdog_pipe_ = -1;
    pid_t watchdog_ = -1;
};

// The one server of this test program, started when a test first asks for it
// (a program whose cases do not use PostgreSQL starts none) and stopped by a
// GoogleTest environment when the program's tests are done.
TestPostgres& test_postgres();

}  // namespace skm::testing
