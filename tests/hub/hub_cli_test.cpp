// skm-hub as an administrator runs it: enroll prints a token once and keeps
// only its hash, revoke by device or token, strict options (exit 2), and
// serve taking uploads until SIGTERM or SIGINT, then exiting 0; all of it
// also with --db postgresql://… against a real PostgreSQL 15 server, whose
// password never shows in what skm-hub prints; and the dashboard's users
// (`skm-hub user`) on both, signing in to the dashboard served from PostgreSQL.
#include "hub/device_token.hpp"
#include "sync/gzip.hpp"
#include "sync/transport.hpp"
#include "tests/support/run_program.hpp"
#include "tests/support/test_pki.hpp"
#include "tests/support/test_postgres.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <thread>

namespace skm::hub {
namespace {

namespace fs = std::filesystem;
using skm::testing::run_program;

std::string hub_binary() { return std::string(SKM_BINARY_DIR) + "/hub/skm-hub"; }

std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Dir {
    fs::path path = skm::testing::make_temp_dir();
    ~Dir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::string db() const { return (path / "hub.db").string(); }
};

std::string enroll(const Dir& dir, const std::string& device) {
    const auto r = run_program({hub_binary(), "enroll", "--db", dir.db(), "--kecamatan", "Sukamaju", "--device", device});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out.substr(0, r.out.find('\n'));
}

// A count straight from the hub's SQLite file, not through the code under test.
std::int64_t rows(const Dir& dir, const char* sql = "SELECT count(*) FROM responses") {
    sqlite3* db = nullptr;
    sqlite3_open_v2(dir.db().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &q, nullptr);
    const std::int64_t n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_finalize(q);
    sqlite3_close(db);
    return n;
}

TEST(HubCli, EnrollPrintsATokenOnceAndKeepsOnlyItsHash) {
    Dir dir;
    const std::string token = enroll(dir, "kiosk-01");
    EXPECT_TRUE(std::regex_match(token, std::regex("[0-9a-f]{64}"))) << token;
    for (const auto& entry : fs::directory_iterator(dir.path)) {
        EXPECT_EQ(file_bytes(entry.path()).find(token), std::string::npos) << entry.path();
    }
    EXPECT_NE(file_bytes(dir.db()).find(token_hash(token)), std::string::npos);  // WAL checkpointed on close
    EXPECT_NE(enroll(dir, "kiosk-02"), token);

    const auto again = run_program({hub_binary(), "enroll", "--db", dir.db(), "--kecamatan", "Sukamaju", "--device", "kiosk-01"});
    EXPECT_EQ(again.exit_code, 3);
    EXPECT_TRUE(again.out.empty());

    // Without --device the hub names the device itself.
    const auto unnamed = run_program({hub_binary(), "enroll", "--db", dir.db(), "--kecamatan", "Sukamakmur"});
    EXPECT_EQ(unnamed.exit_code, 0);
    const auto list = run_program({hub_binary(), "devices", "--db", dir.db(), "--lang", "en"});
    EXPECT_EQ(list.exit_code, 0);
    EXPECT_NE(list.out.find("kiosk-01\tSukamaju"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("\tSukamakmur\t"), std::string::npos) << list.out;
}

TEST(HubCli, RevokeByDeviceOrByToken) {
    Dir dir;
    enroll(dir, "kiosk-01");
    const std::string second = enroll(dir, "kiosk-02");
    EXPECT_EQ(run_program({hub_binary(), "revoke", "--db", dir.db(), "--device", "kiosk-01"}).exit_code, 0);
    const auto by_token = run_program({hub_binary(), "revoke", "--db", dir.db(), "--token", second});
    EXPECT_EQ(by_token.exit_code, 0);
    EXPECT_NE(by_token.out.find("kiosk-02"), std::string::npos);
    EXPECT_EQ(run_program({hub_binary(), "revoke", "--db", dir.db(), "--device", "kiosk-77"}).exit_code, 3);
    EXPECT_EQ(run_program({hub_binary(), "revoke", "--db", dir.db()}).exit_code, 2);
    EXPECT_EQ(run_program({hub_binary(), "revoke", "--db", dir.db(), "--device", "a", "--token", "b"}).exit_code, 2);
    const auto list = run_program({hub_binary(), "devices", "--db", dir.db()});
    EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 3);  // header + two
}

TEST(HubCli, UsageErrorsExitTwo) {
    Dir dir;
    EXPECT_EQ(run_program({hub_binary()}).exit_code, 2);
    EXPECT_EQ(run_program({hub_binary(), "help"}).exit_code, 0);
    EXPECT_EQ(run_program({hub_binary(), "sreve"}).exit_code, 2);
    EXPECT_EQ(run_program({hub_binary(), "enroll", "--db", dir.db()}).exit_code, 2);
    EXPECT_EQ(run_program({hub_binary(), "enroll", "--db", dir.db(), "--kecamatan", "X", "--colour", "red"}).exit_code, 2);
    EXPECT_EQ(run_program({hub_binary(), "enroll", "--db", dir.db(), "--kecamatan"}).exit_code, 2);
    EXPECT_EQ(run_program({hub_binary(), "serve", "--db", dir.db(), "--cert", "c", "--key", "k", "--listen", "8443"}).exit_code, 2);
    EXPECT_EQ(run_program({hub_binary(), "serve", "--db", dir.db(), "--key", "k"}).exit_code, 2);
    // Behind the proxy: plain HTTP, so loopback only, and no certificate of its own.
    EXPECT_EQ(run_program({hub_binary(), "serve", "--db", dir.db(), "--trusted-proxy", "127.0.0.1", "--cert", "c", "--key",
                           "k", "--listen", "127.0.0.1:0"}).exit_code, 2);
    EXPECT_EQ(run_program({hub_binary(), "serve", "--db", dir.db(), "--trusted-proxy", "127.0.0.1", "--listen",
                           "0.0.0.0:0"}).exit_code, 2);
    EXPECT_EQ(run_program({hub_binary(), "serve", "--db", dir.db(), "--trusted-proxy", "10.0.0.1", "--listen",
                           "127.0.0.1:0"}).exit_code, 2);
}

TEST(HubCli, ServeRefusesABadCertificateOrAWeakAdminToken) {
    Dir dir;
    const auto& pki = skm::testing::test_pki();
    const auto bad_cert = run_program({hub_binary(), "serve", "--db", dir.db(), "--listen", "127.0.0.1:0", "--cert",
                                       pki.ca.string(), "--key", pki.server_key.string()});
    EXPECT_EQ(bad_cert.exit_code, 3) << bad_cert.err;
    skm::testing::write_file((dir.path / "admin.token").string(), "short\n");
    const auto weak = run_program({hub_binary(), "serve", "--db", dir.db(), "--listen", "127.0.0.1:0", "--cert",
                                   pki.server_cert.string(), "--key", pki.server_key.string(), "--admin-token-file",
                                   (dir.path / "admin.token").string()});
    EXPECT_EQ(weak.exit_code, 3) << weak.err;
}

// skm-hub serve in the background, its standard error in a file.
class Serving {
public:
    enum class Mode { tls, behind_proxy };
    // db: the --db value, else the directory's SQLite file.
    explicit Serving(const Dir& dir, const std::string& db = "", Mode mode = Mode::tls)
        : err_(dir.path / ("serve-" + std::to_string(++runs_) + ".err")) {
        const auto& pki = skm::testing::test_pki();
        std::vector<std::string> argv = {hub_binary(), "serve", "--db", db.empty() ? dir.db() : db, "--listen", "127.0.0.1:0"};
        const std::vector<std::string> how =
            mode == Mode::tls ? std::vector<std::string>{"--cert", pki.server_cert.string(), "--key", pki.server_key.string()}
                              : std::vector<std::string>{"--trusted-proxy", "127.0.0.1"};
        argv.insert(argv.end(), how.begin(), how.end());
        pid_ = fork();
        if (pid_ == 0) {
            const int fd = ::open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            dup2(fd, 2);
            std::vector<char*> args;
            for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
        // The address it listens on, once it says so.
        const std::regex listening("127\\.0\\.0\\.1:([0-9]+)");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        std::smatch m;
        while (std::chrono::steady_clock::now() < deadline) {
            const std::string text = file_bytes(err_);
            if (std::regex_search(text, m, listening)) {
                port = std::stoi(m[1]);
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    ~Serving() {
        if (pid_ > 0 && exit_code < 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    // Sends the signal; the exit code, or -1 if it did not exit within 10 s.
    int stop_with(int signal) {
        kill(pid_, signal);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                return exit_code;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return -1;
    }
    std::string err() const { return file_bytes(err_); }

    int port = 0;
    int exit_code = -1;

private:
    fs::path err_;  // one per run: a stale "listening" line of an earlier run would name the wrong port
    pid_t pid_ = -1;
    static inline int runs_ = 0;
};

std::string batch_body(const std::string& id) {
    store::Submission s;
    s.response.response_id = id;
    s.response.submitted_at = "2025-03-04T09:00:00+07:00";
    s.response.layanan = "KTP-el";
    s.response.answers = {4, 3, 3, 2, 4, 4, 3, 1, 2};
    s.response.questionnaire_version = "1";
    s.questionnaire_id = "permenpan-14-2017";
    return sync::gzip_compress(
        sync::encode_batch({"kiosk-01", "b-" + id, {s}}, scoring::ScoringScheme::permenpan_2017()));
}

// The proxy's line in packaging/nginx/skm-hub-proxy.conf, read independently of the build's copy.
std::string snippet_hsts() {
    std::ifstream in(std::string(SKM_SOURCE_DIR) + "/packaging/nginx/skm-hub-proxy.conf");
    const std::regex line(R"re(^add_header Strict-Transport-Security "([^"]+)" always;$)re");
    std::smatch m;
    for (std::string text; std::getline(in, text);) {
        if (std::regex_match(text, m, line)) return m[1];
    }
    return "";
}

TEST(HubCli, ServeBehindTheProxySpeaksPlainHttpOnLoopbackAndLeavesHstsToNginx) {
    Dir dir;
    Serving proxied(dir, "", Serving::Mode::behind_proxy);
    ASSERT_GT(proxied.port, 0) << proxied.err();
    httplib::Client plain("127.0.0.1", proxied.port);
    auto page = plain.Get("/login");
    ASSERT_TRUE(page) << httplib::to_string(page.error());
    EXPECT_EQ(page->status, 200);
    EXPECT_FALSE(page->has_header("Strict-Transport-Security"));
    // 65 headers: more than the hub takes even from its proxy.
    httplib::Headers many;
    for (int i = 0; i < 65; ++i) many.emplace("X-Extra-" + std::to_string(i), "1");
    auto refused = plain.Get("/login", many);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 431);
    EXPECT_EQ(proxied.stop_with(SIGTERM), 0) << proxied.err();

    // Serving TLS itself, it sends the proxy's HSTS header (one home: the snippet).
    Serving direct(dir);
    ASSERT_GT(direct.port, 0) << direct.err();
    httplib::SSLClient tls("127.0.0.1", direct.port);
    tls.set_ca_cert_path(skm::testing::test_pki().ca.string().c_str());
    tls.enable_server_certificate_verification(true);
    auto secure = tls.Get("/login");
    ASSERT_TRUE(secure) << httplib::to_string(secure.error());
    ASSERT_FALSE(snippet_hsts().empty());
    EXPECT_EQ(secure->get_header_value("Strict-Transport-Security"), snippet_hsts());
}

TEST(HubCli, ServeTakesUploadsAndStopsCleanlyOnSigtermAndSigint) {
    Dir dir;
    const std::string token = enroll(dir, "kiosk-01");
    for (const int signal : {SIGTERM, SIGINT}) {
        SCOPED_TRACE(signal);
        Serving hub(dir);
        ASSERT_GT(hub.port, 0) << hub.err();
        sync::TransportOptions options;
        options.url = "https://127.0.0.1:" + std::to_string(hub.port) + "/api/v1/batches";
        options.device_token = token;
        options.ca_file = skm::testing::test_pki().ca.string();
        std::optional<sync::CurlTransport> transport(std::in_place, options);
        const auto result = transport->post_batch(batch_body("r-" + std::to_string(signal)));
        ASSERT_TRUE(result.connected) << result.detail;
        EXPECT_EQ(result.status, 200) << result.body;
        // Once with the kiosk's connection still open (the hub waits out its
        // short keep-alive), once with it closed.
        if (signal == SIGINT) transport.reset();
        EXPECT_EQ(hub.stop_with(signal), 0) << hub.err();
    }
    EXPECT_EQ(rows(dir), 2);
}

TEST(HubCliPostgres, EnrollServeRevokeAndListAgainstPostgres) {
    Dir dir;
    auto& pg = skm::testing::test_postgres();
    const std::string database = pg.create_database();
    const std::string db = pg.uri(database);
    const std::string password = skm::testing::TestPostgres::kPassword;
    const auto enrolled = run_program({hub_binary(), "enroll", "--db", db, "--kecamatan", "Sukamaju", "--device", "kiosk-01"});
    ASSERT_EQ(enrolled.exit_code, 0) << enrolled.err;
    const std::string token = enrolled.out.substr(0, enrolled.out.find('\n'));
    EXPECT_TRUE(std::regex_match(token, std::regex("[0-9a-f]{64}"))) << token;
    EXPECT_EQ(pg.query_int(database, "SELECT count(*) FROM devices WHERE device_id = 'kiosk-01' AND token_hash = '" +
                                         token_hash(token) + "'"),
              1);
    EXPECT_EQ(run_program({hub_binary(), "enroll", "--db", db, "--kecamatan", "Sukamaju", "--device", "kiosk-01"}).exit_code, 3);
    ASSERT_EQ(run_program({hub_binary(), "enroll", "--db", db, "--kecamatan", "Sukamakmur", "--device", "kiosk-02"}).exit_code, 0);

    {
        Serving hub(dir, db);
        ASSERT_GT(hub.port, 0) << hub.err();
        sync::TransportOptions options;
        options.url = "https://127.0.0.1:" + std::to_string(hub.port) + "/api/v1/batches";
        options.device_token = token;
        options.ca_file = skm::testing::test_pki().ca.string();
        sync::CurlTransport transport(options);
        for (int i = 0; i < 2; ++i) {  // the second time, the same response is a duplicate
            const auto result = transport.post_batch(batch_body("r-pg"));
            ASSERT_TRUE(result.connected) << result.detail;
            EXPECT_EQ(result.status, 200) << result.body;
            EXPECT_NE(result.body.find(i == 0 ? "accepted" : "duplicate"), std::string::npos) << result.body;
        }
        EXPECT_EQ(hub.stop_with(SIGTERM), 0) << hub.err();
        EXPECT_EQ(hub.err().find(password), std::string::npos);
    }
    EXPECT_EQ(pg.query_int(database, "SELECT count(*) FROM responses WHERE response_id = 'r-pg' AND device_id = "
                                     "'kiosk-01' AND kecamatan = 'Sukamaju'"),
              1);

    EXPECT_EQ(run_program({hub_binary(), "revoke", "--db", db, "--device", "kiosk-02"}).exit_code, 0);
    const auto list = run_program({hub_binary(), "devices", "--db", db, "--lang", "en"});
    EXPECT_EQ(list.exit_code, 0) << list.err;
    EXPECT_NE(list.out.find("kiosk-01\tSukamaju\t2"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("kiosk-02\tSukamakmur\t"), std::string::npos) << list.out;
    EXPECT_EQ(pg.query_int(database, "SELECT count(*) FROM devices WHERE revoked_at IS NOT NULL"), 1);
    EXPECT_EQ(pg.query_int(database, "SELECT count(*) FROM devices WHERE last_contact IS NOT NULL"), 1);
}

TEST(HubCliPostgres, WithoutPostgresqlInstalledThePostgresCasesFailAndSayWhy) {
    const auto r = run_program({std::string(SKM_BINARY_DIR) + "/tests/hub/hub_store_test",
                                "--gtest_filter=*KeepsOnlyTheTokensHash*"},
                               {"SKM_TEST_POSTGRES_BIN=/nonexistent/postgresql/15/bin"});
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.out.find("[       OK ] Backends/HubStoreContract.KeepsOnlyTheTokensHash/sqlite"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("[  FAILED  ] Backends/HubStoreContract.KeepsOnlyTheTokensHash/postgres"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("PostgreSQL 15 is not installed (/nonexistent/postgresql/15/bin/initdb is missing); run "
                         "scripts/install-deps"),
              std::string::npos)
        << r.out;
}

TEST(HubCliPostgres, AnUnreachableDatabaseIsExitFourWithoutThePassword) {
    const std::string secret = "Sangat-Rahasia-55";
    for (const std::string command : {"devices", "serve"}) {
        std::vector<std::string> argv = {hub_binary(), command, "--db", "postgresql://skm_hub:" + secret + "@127.0.0.1:1/skm"};
        if (command == "serve") {
            const auto& pki = skm::testing::test_pki();
            argv.insert(argv.end(), {"--listen", "127.0.0.1:0", "--cert", pki.server_cert.string(), "--key",
                                     pki.server_key.string()});
        }
        const auto r = run_program(argv);
        EXPECT_EQ(r.exit_code, 4) << r.err;
        EXPECT_NE(r.err.find("tidak dapat dihubungi"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("postgresql://skm_hub:***@127.0.0.1:1/skm"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find(secret), std::string::npos) << r.err;
        EXPECT_EQ(r.out.find(secret), std::string::npos) << r.out;
    }
}

}  // namespace
}  // namespace skm::hub

namespace skm::hub {
namespace {

std::int64_t published(const Dir& dir) { return rows(dir, "SELECT count(*) FROM published_configs"); }

TEST(HubCli, PublishChecksTheFileAsAKioskWouldAndStoresNothingBad) {
    Dir dir;
    enroll(dir, "kiosk-1");
    const fs::path good = dir.path / "config.json";
    std::ofstream(good) << R"({"layanan": ["KTP-el", "Kartu Keluarga"],
        "questionnaire": {"id": "permenpan-14-2017", "version": 1},
        "targets": [{"year": 2026, "layanan": "", "target": "85.00"}]})";
    auto r = run_program({hub_binary(), "publish", "--db", dir.db(), "--file", good.string(), "--kecamatan", "Sukamaju"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("versi 1"), std::string::npos) << r.out;
    EXPECT_EQ(published(dir), 1);

    const fs::path bad = dir.path / "bad.json";
    std::ofstream(bad) << R"({"layanan": ["KTP-el", "KTP-el"], "questionnaire": {"id": "q", "version": 1}, "targets": []})";
    r = run_program({hub_binary(), "publish", "--db", dir.db(), "--file", bad.string()});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("tidak sah"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(".layanan[1]"), std::string::npos) << r.err;
    EXPECT_EQ(published(dir), 1);

    std::ofstream(bad) << "not json";
    r = run_program({hub_binary(), "--lang", "en", "publish", "--db", dir.db(), "--file", bad.string()});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("nothing was published"), std::string::npos) << r.err;
    EXPECT_EQ(published(dir), 1);

    r = run_program({hub_binary(), "publish", "--db", dir.db()});
    EXPECT_EQ(r.exit_code, 2);
}

TEST(HubCli, SkmSyncDeliversToServeAndTakesThePublishedConfig) {
    Dir dir;
    const std::string token = enroll(dir, "kiosk-1");
    const fs::path config = dir.path / "config.json";
    std::ofstream(config) << R"({"layanan": ["KTP-el", "Kartu Keluarga", "Surat Pindah"],
        "questionnaire": {"id": "permenpan-14-2017", "version": 1},
        "targets": [{"year": 2026, "layanan": "", "target": "85.00"}]})";
    ASSERT_EQ(run_program({hub_binary(), "publish", "--db", dir.db(), "--file", config.string()}).exit_code, 0);
    Serving hub(dir);
    ASSERT_GT(hub.port, 0) << hub.err();

    const std::string skm = std::string(SKM_BINARY_DIR) + "/tools/skm";
    const std::string kiosk_db = (dir.path / "kiosk.db").string();
    const std::string demo = std::string(SKM_SOURCE_DIR) + "/assets/demo/responses.csv";
    auto r = run_program({skm, "import", demo, "--db", kiosk_db});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_program({skm, "sync", "--db", kiosk_db, "--once", "--hub",
                     "https://127.0.0.1:" + std::to_string(hub.port) + "/api/v1/batches", "--token", token, "--ca",
                     skm::testing::test_pki().ca.string(), "--device", "kiosk-1"});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;

    sqlite3* db = nullptr;
    sqlite3_open_v2(kiosk_db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    auto count = [&](const char* sql) {
        sqlite3_stmt* q = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &q, nullptr);
        const std::int64_t n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
        sqlite3_finalize(q);
        return n;
    };
    const std::int64_t kiosk_rows = count("SELECT count(*) FROM responses");
    EXPECT_GT(kiosk_rows, 0);
    EXPECT_EQ(count("SELECT count(*) FROM responses WHERE sync_state = 'sent'"), kiosk_rows);
    EXPECT_EQ(count("SELECT count(*) FROM layanan WHERE active = 1"), 3);
    EXPECT_EQ(count("SELECT position FROM layanan WHERE name = 'Surat Pindah' AND active = 1"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM targets WHERE year = 2026 AND layanan = '' AND target = '85.00'"), 1);
    sqlite3_close(db);
    EXPECT_EQ(hub.stop_with(SIGTERM), 0) << hub.err();
    EXPECT_EQ(rows(dir), kiosk_rows);
}

// ---- dashboard users --------------------------------------------------------------

std::string query_text(const Dir& dir, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(dir.db().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &q, nullptr);
    std::string out;
    while (sqlite3_step(q) == SQLITE_ROW) out += std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))) + "\n";
    sqlite3_finalize(q);
    sqlite3_close(db);
    return out;
}

// The password comes on standard input, never as an argument. db: a file or a postgresql:// URI.
skm::testing::ProgramResult user_add(const std::string& db, const std::string& password, const std::string& extra) {
    return run_program({"/bin/sh", "-c",
                        "printf '%s\\n' \"$PW\" | \"$HUB\" user add --db \"$DB\" " + extra},
                       {"PW=" + password, "HUB=" + hub_binary(), "DB=" + db});
}
skm::testing::ProgramResult user_add(const Dir& dir, const std::string& password, const std::string& extra) {
    return user_add(dir.db(), password, extra);
}

TEST(HubCli, UserAddReadsThePasswordFromStandardInputAndKeepsOnlyItsHash) {
    Dir dir;
    const auto r = user_add(dir, "sandi-admin-panjang", "--username bappeda --role admin");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("bappeda"), std::string::npos);
    EXPECT_EQ(query_text(dir, "SELECT username || ' ' || role FROM web_users"), "bappeda admin\n");
    const std::string hash = query_text(dir, "SELECT password_hash FROM web_users");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
    EXPECT_EQ(hash.find("sandi-admin-panjang"), std::string::npos);
    EXPECT_EQ(query_text(dir, "SELECT action FROM web_audit"), "user_add\n");

    const auto list = run_program({hub_binary(), "user", "list", "--db", dir.db()});
    EXPECT_EQ(list.exit_code, 0);
    EXPECT_EQ(list.out.rfind("bappeda\tadmin\t", 0), 0u) << list.out;
}

TEST(HubCli, UserAddRefusesWeakPasswordsUnknownRolesAndTakenNames) {
    Dir dir;
    EXPECT_EQ(user_add(dir, "pendek", "--username a").exit_code, 3);
    EXPECT_EQ(user_add(dir, "cukup-panjang-sekali", "--username a --role raja").exit_code, 2);
    EXPECT_EQ(user_add(dir, "cukup-panjang-sekali", "--username a").exit_code, 0);
    const auto again = user_add(dir, "cukup-panjang-lainnya", "--username a");
    EXPECT_EQ(again.exit_code, 3);
    EXPECT_EQ(query_text(dir, "SELECT username || ' ' || role FROM web_users"), "a viewer\n");
    EXPECT_EQ(run_program({hub_binary(), "user", "--db", dir.db()}).exit_code, 2);
}

// The first admin made from the command line on PostgreSQL signs in to the
// dashboard that `serve --db postgresql://…` serves, and sees the upload.
// Nothing is public until an admin says so; overlapping periods are refused
// (a year beside its semesters would give back suppressed groups by subtraction).
TEST(HubCli, PublicAddRemoveListAndOverlapsRefused) {
    Dir dir;
    const auto empty = run_program({hub_binary(), "public", "list", "--db", dir.db()});
    ASSERT_EQ(empty.exit_code, 0) << empty.err;
    EXPECT_EQ(empty.out, "");
    ASSERT_EQ(run_program({hub_binary(), "public", "add", "--db", dir.db(), "--period", "2025-S1"}).exit_code, 0);
    ASSERT_EQ(run_program({hub_binary(), "public", "add", "--db", dir.db(), "--period", "2025-S2"}).exit_code, 0);
    const auto again = run_program({hub_binary(), "public", "add", "--db", dir.db(), "--period", "2025-S1"});
    EXPECT_EQ(again.exit_code, 0);
    EXPECT_NE(again.err.find("sudah publik"), std::string::npos) << again.err;
    const auto overlapping = run_program({hub_binary(), "public", "add", "--db", dir.db(), "--period", "2025"});
    EXPECT_EQ(overlapping.exit_code, 3) << overlapping.err;
    EXPECT_NE(overlapping.err.find("2025-S1"), std::string::npos) << overlapping.err;
    EXPECT_EQ(query_text(dir, "SELECT period FROM public_periods ORDER BY period"), "2025-S1\n2025-S2\n");
    const auto list = run_program({hub_binary(), "public", "list", "--db", dir.db()});
    EXPECT_EQ(list.out.rfind("2025-S1\t", 0), 0u) << list.out;
    ASSERT_EQ(run_program({hub_binary(), "public", "remove", "--db", dir.db(), "--period", "2025-S1"}).exit_code, 0);
    EXPECT_EQ(query_text(dir, "SELECT period FROM public_periods"), "2025-S2\n");
    // Every change is in the dashboard's audit log.
    EXPECT_EQ(query_text(dir, "SELECT action || ' ' || detail FROM web_audit ORDER BY seq"),
              "public_add 2025-S1\npublic_add 2025-S2\npublic_remove 2025-S1\n");
    for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
             {"public", "add", "--db", dir.db()},
             {"public", "add", "--db", dir.db(), "--period", "2025-S3"},
             {"public", "add", "--db", dir.db(), "--period", "2025-01-01..2025-06-30"},
             {"public", "publish", "--db", dir.db(), "--period", "2025"},
             {"public", "--db", dir.db()}}) {
        std::vector<std::string> argv = {hub_binary()};
        argv.insert(argv.end(), bad.begin(), bad.end());
        EXPECT_EQ(run_program(argv).exit_code, 2) << bad[1];
    }
    EXPECT_EQ(query_text(dir, "SELECT count(*) FROM public_periods"), "1\n");
}

TEST(HubCliPostgres, PublicPeriodsKeptInPostgres) {
    auto& pg = skm::testing::test_postgres();
    const std::string database = pg.create_database();
    const std::string db = pg.uri(database);
    ASSERT_EQ(run_program({hub_binary(), "public", "add", "--db", db, "--period", "2025-TW1"}).exit_code, 0);
    EXPECT_EQ(run_program({hub_binary(), "public", "add", "--db", db, "--period", "2025-03"}).exit_code, 3);
    EXPECT_EQ(pg.query_int(database, "SELECT count(*) FROM public_periods WHERE period = '2025-TW1'"), 1);
    const auto list = run_program({hub_binary(), "public", "list", "--db", db});
    EXPECT_EQ(list.out.rfind("2025-TW1\t", 0), 0u) << list.out;
}

TEST(HubCliPostgres, UserAddThenTheDashboardServedFromPostgres) {
    Dir dir;
    auto& pg = skm::testing::test_postgres();
    const std::string database = pg.create_database();
    const std::string db = pg.uri(database);
    const auto added = user_add(db, "sandi-admin-panjang", "--username bappeda --role admin");
    ASSERT_EQ(added.exit_code, 0) << added.err;
    EXPECT_EQ(added.err.find(skm::testing::TestPostgres::kPassword), std::string::npos);
    const auto stored = pg.query(database, "SELECT username, role, password_hash FROM web_users");
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0][0], "bappeda");
    EXPECT_EQ(stored[0][1], "admin");
    EXPECT_EQ(stored[0][2]->rfind("$argon2id$", 0), 0u);
    EXPECT_EQ(stored[0][2]->find("sandi-admin-panjang"), std::string::npos);
    EXPECT_EQ(pg.query_int(database, "SELECT count(*) FROM web_audit WHERE action = 'user_add'"), 1);
    EXPECT_EQ(user_add(db, "sandi-lain-panjang", "--username bappeda").exit_code, 3);
    const auto list = run_program({hub_binary(), "user", "list", "--db", db});
    EXPECT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(list.out.rfind("bappeda\tadmin\t", 0), 0u) << list.out;
    EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 1);

    const auto enrolled = run_program({hub_binary(), "enroll", "--db", db, "--kecamatan", "Sukamaju", "--device", "kiosk-01"});
    ASSERT_EQ(enrolled.exit_code, 0) << enrolled.err;
    Serving hub(dir, db);
    ASSERT_GT(hub.port, 0) << hub.err();
    sync::TransportOptions options;
    options.url = "https://127.0.0.1:" + std::to_string(hub.port) + "/api/v1/batches";
    options.device_token = enrolled.out.substr(0, enrolled.out.find('\n'));
    options.ca_file = skm::testing::test_pki().ca.string();
    sync::CurlTransport transport(options);
    ASSERT_EQ(transport.post_batch(batch_body("r-web")).status, 200);

    httplib::SSLClient browser("127.0.0.1", hub.port);
    browser.set_ca_cert_path(skm::testing::test_pki().ca.c_str());
    browser.enable_server_certificate_verification(true);
    const auto form = browser.Get("/login");
    ASSERT_TRUE(form);
    ASSERT_EQ(form->status, 200);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(form->body, m, std::regex(R"re(name="csrf" value="([0-9a-f]+)")re")));
    const std::string csrf = m[1];
    const std::string login_cookie = form->get_header_value("Set-Cookie").substr(0, form->get_header_value("Set-Cookie").find(';'));
    const auto signed_in = browser.Post("/login", {{"Cookie", login_cookie}},
                                        httplib::Params{{"username", "bappeda"}, {"password", "sandi-admin-panjang"},
                                                        {"csrf", csrf}});
    ASSERT_TRUE(signed_in);
    ASSERT_EQ(signed_in->status, 303) << signed_in->body;
    std::string session;
    for (auto [it, end] = signed_in->headers.equal_range("Set-Cookie"); it != end; ++it) {
        if (it->second.rfind("skm_session=", 0) == 0) session = it->second.substr(0, it->second.find(';'));
    }
    ASSERT_FALSE(session.empty());
    EXPECT_EQ(pg.query_int(database, "SELECT count(*) FROM web_sessions WHERE username = 'bappeda'"), 1);
    const auto overview = browser.Get("/overview?period=2025", {{"Cookie", session}});
    ASSERT_TRUE(overview);
    EXPECT_EQ(overview->status, 200);
    EXPECT_NE(overview->body.find(">Sukamaju</a>"), std::string::npos) << overview->body;
    EXPECT_EQ(pg.query_int(database, "SELECT count(*) FROM web_audit WHERE action = 'login' AND username = 'bappeda'"), 1);
    EXPECT_EQ(hub.stop_with(SIGTERM), 0) << hub.err();
    EXPECT_EQ(hub.err().find(skm::testing::TestPostgres::kPassword), std::string::npos);
    // Nothing went wrong on the way ("Galat: …" / "error: …").
    EXPECT_EQ(hub.err().find("Galat"), std::string::npos) << hub.err();
    EXPECT_EQ(hub.err().find("error"), std::string::npos) << hub.err();
}

}  // namespace
}  // namespace skm::hub
