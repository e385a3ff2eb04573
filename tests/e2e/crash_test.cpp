// Power-cut proof, the way SQLite tests itself: a child runs `skm simulate`
// and the parent kills it with SIGKILL at random moments, again and again on
// the same database. After every kill the database must pass integrity_check
// and hold every id the child printed: an id on stdout means the citizen saw
// "Terima kasih". The default tier does a short run; the release tier
// (label "release") does thousands of kills.
#include "tests/support/run_program.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace skm::testing {
namespace {

struct Child {
    pid_t pid = -1;
    int out = -1;
};

Child spawn_simulate(const std::string& db, std::uint64_t seed) {
    int out_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork");
    if (pid == 0) {
        dup2(out_pipe[1], 1);
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 2);
        const std::string binary = skm_binary();
        const std::string seed_text = std::to_string(seed);
        const char* args[] = {binary.c_str(), "simulate", "--db", db.c_str(), "--count", "1000000", "--seed",
                              seed_text.c_str(), nullptr};
        execv(args[0], const_cast<char* const*>(args));
        _exit(127);
    }
    close(out_pipe[1]);
    return {pid, out_pipe[0]};
}

// Reads whole lines; a partial last line (cut by the kill) is not an id.
void take_lines(std::string& buffer, std::vector<std::string>& ids) {
    std::size_t start = 0;
    for (std::size_t nl; (nl = buffer.find('\n', start)) != std::string::npos; start = nl + 1) {
        ids.push_back(buffer.substr(start, nl - start));
    }
    buffer.erase(0, start);
}

// Kills the child after `acknowledged` ids were read plus `extra_us`, so kills
// land anywhere in the submit: before, inside and after the commit.
std::vector<std::string> run_and_kill(const std::string& db, std::uint64_t seed, std::size_t acknowledged,
                                      int extra_us) {
    Child child = spawn_simulate(db, seed);
    std::vector<std::string> ids;
    std::string buffer;
    char chunk[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (ids.size() < acknowledged && std::chrono::steady_clock::now() < deadline) {
        pollfd fd{child.out, POLLIN, 0};
        if (poll(&fd, 1, 100) <= 0) continue;
        const ssize_t got = read(child.out, chunk, sizeof chunk);
        if (got <= 0) break;
        buffer.append(chunk, static_cast<std::size_t>(got));
        take_lines(buffer, ids);
    }
    if (extra_us > 0) usleep(static_cast<useconds_t>(extra_us));
    kill(child.pid, SIGKILL);
    int status = 0;
    waitpid(child.pid, &status, 0);
    // Everything the child wrote before it died is still in the pipe.
    for (ssize_t got; (got = read(child.out, chunk, sizeof chunk)) > 0;) buffer.append(chunk, static_cast<std::size_t>(got));
    take_lines(buffer, ids);
    close(child.out);
    return ids;
}

struct DbState {
    std::string integrity;
    std::set<std::string> ids;
};

DbState read_database(const std::string& db) {
    DbState state;
    sqlite3* handle = nullptr;
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        state.integrity = "cannot open";
        sqlite3_close(handle);
        return state;
    }
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        state.integrity += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    sqlite3_prepare_v2(handle, "SELECT response_id FROM responses", -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW) state.ids.insert(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return state;
}

void crash_many_times(int kills, std::uint64_t seed) {
    const std::string db = make_temp_dir() + "/skm.db";
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> acknowledged(0, 12);
    std::uniform_int_distribution<int> extra_us(0, 3000);
    std::set<std::string> printed;
    std::size_t stored_without_ack = 0;
    for (int kill_number = 1; kill_number <= kills; ++kill_number) {
        const auto ids = run_and_kill(db, rng(), acknowledged(rng), extra_us(rng));
        printed.insert(ids.begin(), ids.end());
        const DbState state = read_database(db);
        ASSERT_EQ(state.integrity, "ok") << "after kill " << kill_number;
        for (const auto& id : printed) {
            ASSERT_TRUE(state.ids.count(id)) << "after kill " << kill_number << ": acknowledged id " << id << " is lost";
        }
        stored_without_ack = state.ids.size() - printed.size();
    }
    // The whole-program check: live tallies rebuilt from the file equal a recount.
    const auto check = run_program({skm_binary(), "db", "check", "--db", db});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    std::cout << "crash test: " << kills << " SIGKILLs, " << printed.size()
              << " acknowledged responses, all present; " << stored_without_ack
              << " stored but killed before the id was printed (kept, never double-counted)\n";
    EXPECT_GT(printed.size(), static_cast<std::size_t>(kills));  // the children really submitted
}

// SKM_CRASH_KILLS: 120 in the default tier, thousands in the release tier;
// SKM_CRASH_SUITE: CrashSafety and CrashSafetyLong, so that each program
// registers its own CTest name and the release label stays on the long one
// (tests/e2e/CMakeLists.txt).
TEST(SKM_CRASH_SUITE, EveryAcknowledgedResponseSurvivesSigkill) {
    crash_many_times(SKM_CRASH_KILLS, 20241001 + SKM_CRASH_KILLS);
}

}  // namespace
}  // namespace skm::testing
