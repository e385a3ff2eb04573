// skm-hub serve as an admin runs it, with alert delivery configured on its
// command line: a kiosk's upload that raises an alert reaches the recipient
// by e-mail (local python3-aiosmtpd, STARTTLS) exactly once, and while the
// mail server hangs, uploads are still answered at once and SIGTERM still
// ends the program promptly with 0.
#include "alert_test_support.hpp"
#include "hub/device_token.hpp"
#include "hub/open_hub_store.hpp"
#include "sync/gzip.hpp"
#include "sync/protocol.hpp"
#include "sync/transport.hpp"
#include "tests/support/run_program.hpp"
#include "tests/support/temp_dir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <ctime>
#include <regex>

namespace skm::hub::alerts {
namespace {

using namespace skm::hub::alerts::testing;

// skm-hub serve in the background; its standard error in a file.
class Serve {
public:
    Serve(const fs::path& dir, const std::vector<std::string>& extra) : err_(dir / "serve.err") {
        const auto& pki = skm::testing::test_pki();
        std::vector<std::string> argv = {std::string(SKM_BINARY_DIR) + "/hub/skm-hub", "serve", "--db", (dir / "hub.db").string(),
                                         "--listen", "127.0.0.1:0", "--cert", pki.server_cert.string(), "--key",
                                         pki.server_key.string(), "--alert-interval", "1"};
        argv.insert(argv.end(), extra.begin(), extra.end());
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
        const std::regex listening("127\\.0\\.0\\.1:([0-9]+)");
        std::smatch m;
        wait_until([&] {
            const std::string text = read_text(err_);
            if (!std::regex_search(text, m, listening)) return false;
            port = std::stoi(m[1]);
            return true;
        }, 30);
    }
    ~Serve() {
        if (exit_code < 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    int stop() {
        kill(pid_, SIGTERM);
        int status = 0;
        if (!wait_until([&] { return waitpid(pid_, &status, WNOHANG) == pid_; }, 10)) return -1;
        exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code;
    }
    std::string err() const { return read_text(err_); }

    int port = 0;
    int exit_code = -1;

private:
    fs::path err_;
    pid_t pid_ = -1;
};

// `n` responses of the last minutes (the hub sends alerts of the last days
// only), each with a "1" on the eighth unsur: five raise a "ones" alert.
std::vector<store::Submission> recent_ones(const std::string& prefix, std::size_t n) {
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    std::vector<store::Submission> out;
    for (std::size_t i = 0; i < n; ++i) {
        store::Submission s = skm::test::minimal_submission(prefix + std::to_string(i), "KTP-el");
        s.response.submitted_at = scoring::iso8601(scoring::timestamp_at(now - 600 + static_cast<std::int64_t>(i), 420));
        out.push_back(std::move(s));
    }
    return out;
}

class HubAlertServe : public ::testing::Test {
protected:
    void SetUp() override {
        auto hub = open_hub_store((dir_.path() / "hub.db").string(), scheme());
        hub->enroll("kiosk-1", "Sukamaju", token_hash(token_), "2026-01-01T08:00:00+07:00");
        auto alert_store = AlertStore::open((dir_.path() / "hub.db").string());
        alert_store->add_recipient({"Sukamaju", Channel::email, "camat@sukamaju.go.id", false, "t", "admin"});
    }
    sync::HttpResult upload(int port, const std::vector<store::Submission>& items, const std::string& batch_id) {
        sync::TransportOptions o;
        o.url = "https://127.0.0.1:" + std::to_string(port) + "/api/v1/batches";
        o.device_token = token_;
        o.ca_file = skm::testing::test_pki().ca.string();
        sync::CurlTransport transport(o);
        return transport.post_batch(sync::gzip_compress(sync::encode_batch({"kiosk-1", batch_id, items}, scheme())));
    }
    std::vector<std::string> smtp_options(int port) const {
        return {"--smtp-url", "smtp://127.0.0.1:" + std::to_string(port), "--smtp-from", "skm-hub@kabupaten.go.id",
                "--alert-ca-file", skm::testing::test_pki().ca.string()};
    }

    skm::test::TempDir dir_;
    const std::string token_ = new_token();
};

TEST_F(HubAlertServe, AnUploadsAlertIsMailedOnceOverStarttls) {
    LocalServer mail("smtp_server.py", "ok", dir_.path() / "smtp");
    Serve serve(dir_.path(), smtp_options(mail.port()));
    ASSERT_GT(serve.port, 0) << serve.err();
    ASSERT_EQ(upload(serve.port, recent_ones("r", 5), "b1").status, 200);
    ASSERT_TRUE(wait_until([&] { return !mail.received().empty(); }, 20)) << serve.err();
    std::this_thread::sleep_for(std::chrono::seconds(3));  // three more rounds find the same alert
    const auto got = mail.received();
    ASSERT_EQ(got.size(), 1u);
    EXPECT_TRUE(got[0]["tls"].get<bool>());
    EXPECT_EQ(got[0]["subject"], "Peringatan SKM: Sukamaju · KTP-el");
    EXPECT_NE(got[0]["body"].get<std::string>().find("Kode peringatan: ones:pengaduan:KTP-el:r0"), std::string::npos);
    EXPECT_EQ(serve.stop(), 0) << serve.err();
}

TEST_F(HubAlertServe, UploadsAreAnsweredAtOnceWhileTheMailServerHangs) {
    LocalServer mail("smtp_server.py", "hang", dir_.path() / "smtp");
    Serve serve(dir_.path(), smtp_options(mail.port()));
    ASSERT_GT(serve.port, 0) << serve.err();
    ASSERT_EQ(upload(serve.port, recent_ones("r", 5), "b1").status, 200);
    ASSERT_TRUE(wait_until([&] { return mail.accepted() > 0; }, 20)) << serve.err();
    for (int i = 0; i < 5; ++i) {
        const auto started = std::chrono::steady_clock::now();
        const auto reply = upload(serve.port, recent_ones("u" + std::to_string(i) + "-", 20), "u" + std::to_string(i));
        EXPECT_EQ(reply.status, 200) << reply.detail;
        EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
    }
    EXPECT_EQ(mail.accepted(), 1u);  // the worker is still in its one hanging transfer
    const auto stopping = std::chrono::steady_clock::now();
    EXPECT_EQ(serve.stop(), 0) << serve.err();
    EXPECT_LT(std::chrono::steady_clock::now() - stopping, std::chrono::seconds(8));
}

TEST_F(HubAlertServe, ABadSmtpUrlOrAMissingSenderIsAUsageErrorBeforeServing) {
    const auto& pki = skm::testing::test_pki();
    const std::vector<std::string> base = {std::string(SKM_BINARY_DIR) + "/hub/skm-hub", "serve", "--db",
                                           (dir_.path() / "hub.db").string(), "--listen", "127.0.0.1:0", "--cert",
                                           pki.server_cert.string(), "--key", pki.server_key.string()};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> argv = base;
        argv.insert(argv.end(), extra.begin(), extra.end());
        return skm::testing::run_program(argv);
    };
    const auto plain = with({"--smtp-url", "http://mail.example.go.id", "--smtp-from", "a@b.go.id"});
    EXPECT_EQ(plain.exit_code, 2);
    EXPECT_NE(plain.err.find("--smtp-url harus berbentuk smtp://host:port"), std::string::npos) << plain.err;
    const auto no_from = with({"--smtp-url", "smtp://127.0.0.1:25"});
    EXPECT_EQ(no_from.exit_code, 2);
    EXPECT_NE(no_from.err.find("--smtp-from"), std::string::npos) << no_from.err;
}

}  // namespace
}  // namespace skm::hub::alerts
