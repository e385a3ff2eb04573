// Index: [helpers] where the server lives and its cluster template; the GoogleTest
// environment; [server] start, watchdog, databases and queries.
#include "tests/support/test_postgres.hpp"

#include "tests/support/run_program.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>

namespace skm::testing {
namespace {

namespace fs = std::filesystem;

// ---- [helpers] ---------------------------------------------------------------

// Debian's place for them; SKM_TEST_POSTGRES_BIN names another (the test
// that a missing server fails rather than skips points it at nothing).
std::string postgres_bin() {
    const char* other = std::getenv("SKM_TEST_POSTGRES_BIN");
    return other && *other ? other : "/usr/lib/postgresql/15/bin";
}

// "runuser -u postgres -- " when we are root, else nothing.
std::string as_postgres() { return geteuid() == 0 ? "runuser -u postgres -- " : ""; }

// Runs a shell line in `dir` (the tools refuse a working directory the
// postgres user cannot enter); the line's own paths are ours, without spaces.
ProgramResult shell(const std::string& dir, const std::string& line) {
    return run_program({"/bin/sh", "-c", "cd " + dir + " && " + line + " 2>&1"});
}

std::string file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A loopback port nobody listens on right now. Another program may take it
// before the server does: start() then tries another.
int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t size = sizeof address;
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
        if (fd >= 0) close(fd);
        throw std::runtime_error("test_postgres: no free loopback port");
    }
    close(fd);
    return ntohs(address.sin_port);
}

struct PgConnDeleter {
    void operator()(PGconn* c) const { PQfinish(c); }
};
struct PgResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};

// In memory (tmpfs) where there is one: on a busy disk, writing the
// cluster's 40 MB and each CREATE DATABASE takes seconds; in memory, a tenth.
std::string server_dir() {
    std::error_code error;
    const bool shm = fs::is_directory("/dev/shm", error) && access("/dev/shm", W_OK) == 0;
    if (!shm) return make_temp_dir();
    std::string pattern = "/dev/shm/skm-pg-XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("test_postgres: mkdtemp in /dev/shm");
    return pattern;
}

// An initdb'd cluster in the build tree, made once and copied for each
// server: initdb takes seconds (most of a server's start), a copy a tenth of
// one. Test programs running at once (ctest -j) take turns through a lock
// file; a template is only used once its "ready" mark is written.
std::string cluster_template(const std::string& scratch) {
    const fs::path root = fs::path(SKM_BINARY_DIR) / "tests" / "postgres-template";
    fs::create_directories(root);
    const fs::path cluster = root / "data";
    const fs::path ready = root / "ready";
    const int lock = open((root / "lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock < 0 || flock(lock, LOCK_EX) != 0) throw std::runtime_error("test_postgres: cannot lock " + root.string());
    struct Unlock {
        int fd;
        ~Unlock() { close(fd); }  // closing releases the lock
    } unlock{lock};
    if (fs::exists(ready)) return cluster.string();
    fs::remove_all(cluster);
    // Made in the scratch directory the postgres user owns, then copied in
    // (-a keeps its owner and modes); -N: no fsync, a test cluster need not
    // survive a power cut.
    const auto init = shell(scratch, as_postgres() + postgres_bin() + "/initdb -D " + scratch + "/template -U postgres -E UTF8 " +
                                         "--locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 -N");
    if (init.exit_code != 0) throw std::runtime_error("test_postgres: initdb failed:\n" + init.out);
    const auto copied = shell(scratch, "cp -a " + scratch + "/template " + cluster.string() + " && rm -rf " + scratch +
                                           "/template");
    if (copied.exit_code != 0) throw std::runtime_error("test_postgres: keeping the template failed:\n" + copied.out);
    std::ofstream(ready) << "initdb " << postgres_bin() << "\n";
    return cluster.string();
}

class PostgresEnvironment : public ::testing::Environment {
public:
    TestPostgres& server() {
        if (failure_) throw std::runtime_error(*failure_);
        if (!server_) {
            try {
                server_ = std::make_unique<TestPostgres>();
            } catch (const std::exception& e) {
                failure_ = e.what();  // every later case fails with the same words, without trying again
                throw;
            }
        }
        return *server_;
    }
    void TearDown() override { server_.reset(); }

private:
    std::unique_ptr<TestPostgres> server_;
    std::optional<std::string> failure_;
};

}  // namespace

// ---- [server] ----------------------------------------------------------------

TestPostgres::TestPostgres() {
    for (const char* tool : {"initdb", "pg_ctl"}) {
        if (!fs::exists(postgres_bin() + "/" + tool)) {
            throw std::runtime_error("PostgreSQL 15 is not installed (" + postgres_bin() + "/" + tool +
                                     " is missing); run scripts/install-deps");
        }
    }
    dir_ = server_dir();
    start_watchdog();  // from here on the directory goes away whatever happens
    if (geteuid() == 0) {
        const passwd* user = getpwnam("postgres");
        if (!user) throw std::runtime_error("test_postgres: running as root but there is no postgres user");
        if (chown(dir_.c_str(), user->pw_uid, user->pw_gid) != 0) throw std::runtime_error("test_postgres: chown " + dir_);
    }
    const auto copied = shell(dir_, "cp -a " + cluster_template(dir_) + " " + dir_ + "/data");
    if (copied.exit_code != 0) throw std::runtime_error("test_postgres: copying the cluster failed:\n" + copied.out);

    std::string last_log;
    for (int attempt = 0; attempt < 5 && port_ == 0; ++attempt) {
        const int port = free_port();
        const auto started = shell(
            dir_, as_postgres() + postgres_bin() + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -t 60 -o \"" +
                      "-c listen_addresses=127.0.0.1 -c port=" + std::to_string(port) +
                      " -c unix_socket_directories=" + dir_ + " -c fsync=off -c shared_buffers=16MB\" start");
        if (started.exit_code == 0) {
            port_ = port;
        } else {
            last_log = started.out + file_text(fs::path(dir_) / "server.log");
            if (last_log.find("could not bind") == std::string::npos) break;  // not a port taken meanwhile
        }
    }
    if (port_ == 0) throw std::runtime_error("test_postgres: the server did not start:\n" + last_log);
    exec("postgres", std::string("CREATE ROLE ") + kRole + " LOGIN PASSWORD '" + kPassword + "'");
}

TestPostgres::~TestPostgres() {
    // The watchdog sees the pipe close, stops the server and deletes the directory.
    if (watchdog_pipe_ >= 0) close(watchdog_pipe_);
    if (watchdog_ > 0) waitpid(watchdog_, nullptr, 0);
}

void TestPostgres::start_watchdog() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("test_postgres: pipe");
    const std::string script = "cat >/dev/null; cd " + dir_ + " && " + as_postgres() + postgres_bin() + "/pg_ctl -D " + dir_ +
                               "/data -m immediate -w stop; cd / && rm -rf " + dir_;
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("test_postgres: fork");
    if (pid == 0) {
        // Only what is safe after fork in a threaded program, then exec.
        dup2(fds[0], 0);
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        setpgid(0, 0);  // a signal to the test's process group must not stop the cleanup
        execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[0]);
    watchdog_pipe_ = fds[1];
    watchdog_ = pid;
}

std::string TestPostgres::create_database() {
    const std::string name = "hub_test_" + std::to_string(++databases_);
    exec("postgres", "CREATE DATABASE " + name + " OWNER " + kRole);
    return name;
}

std::string TestPostgres::uri(const std::string& database) const {
    return std::string("postgresql://") + kRole + ":" + kPassword + "@127.0.0.1:" + std::to_string(port_) + "/" +
           database;
}

std::string TestPostgres::superuser_conninfo(const std::string& database) const {
    return "host=" + dir_ + " port=" + std::to_string(port_) + " user=postgres dbname=" + database;
}

PgRows TestPostgres::query(const std::string& database, const std::string& sql) const {
    std::unique_ptr<PGconn, PgConnDeleter> conn(PQconnectdb(superuser_conninfo(database).c_str()));
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        throw std::runtime_error("test_postgres: cannot connect: " + std::string(PQerrorMessage(conn.get())));
    }
    PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
    std::unique_ptr<PGresult, PgResultDeleter> result(PQexec(conn.get(), sql.c_str()));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        throw std::runtime_error("test_postgres: " + sql + ": " + PQresultErrorMessage(result.get()));
    }
    PgRows rows;
    for (int r = 0; r < PQntuples(result.get()); ++r) {
        auto& row = rows.emplace_back();
        for (int c = 0; c < PQnfields(result.get()); ++c) {
            if (PQgetisnull(result.get(), r, c)) {
                row.emplace_back(std::nullopt);
            } else {
                row.emplace_back(std::string(PQgetvalue(result.get(), r, c),
                                             static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
            }
        }
    }
    return rows;
}

std::int64_t TestPostgres::query_int(const std::string& database, const std::string& sql) const {
    const PgRows rows = query(database, sql);
    if (rows.size() != 1 || rows[0].size() != 1 || !rows[0][0]) {
        throw std::runtime_error("test_postgres: not one number: " + sql);
    }
    return std::stoll(*rows[0][0]);
}

TestPostgres& test_postgres() {
    static PostgresEnvironment* const environment = [] {
        auto* e = new PostgresEnvironment;
        ::testing::AddGlobalTestEnvironment(e);  // GoogleTest owns it from here on, and tears it down at the end
        return e;
    }();
    return environment->server();
}

}  // namespace skm::testing
