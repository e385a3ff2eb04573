// What the hub's alert tests share: the local servers standing in for a mail
// server and for Telegram (smtp_server.py on Debian's python3-aiosmtpd,
// telegram_server.py on python3's http.server, both TLS with the test PKI's
// certificate), what they received (parsed by Python, not by the code under
// test), and a hub database holding a stream of responses.
#pragma once

#include "hub/alerts/alert_store.hpp"
#include "hub/hub_store.hpp"
#include "tests/hub/hub_backend.hpp"
#include "tests/support/minimal_submission.hpp"
#include "tests/support/permenpan_scheme.hpp"
#include "tests/support/test_pki.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace skm::hub::alerts::testing {

namespace fs = std::filesystem;

inline std::string read_text(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Waits up to `seconds` for `done`; false when it never came.
template <typename Done>
bool wait_until(Done done, double seconds = 15) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return done();
}

// One of the Python servers, stopped (SIGTERM, then SIGKILL) when it goes out of scope.
class LocalServer {
public:
    // script: "smtp_server.py" or "telegram_server.py"; mode as the script says.
    LocalServer(const std::string& script, const std::string& mode, const fs::path& outdir) : outdir_(outdir) {
        fs::create_directories(outdir_);
        const auto& pki = skm::testing::test_pki();
        std::vector<std::string> args{SKM_DEBIAN_PYTHON, std::string(SKM_SOURCE_DIR) + "/tests/hub/alerts/" + script, mode,
                                      pki.server_cert.string(), pki.server_key.string(), outdir_.string()};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
            throw std::runtime_error("cannot start " + script);
        }
        if (!wait_until([&] { return fs::exists(outdir_ / "port"); }, 30)) {
            throw std::runtime_error(script + " did not start (is python3-aiosmtpd installed?)");
        }
        port_ = std::stoi(read_text(outdir_ / "port"));
    }
    ~LocalServer() {
        kill(pid_, SIGTERM);
        for (int i = 0; i < 40; ++i) {
            if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    LocalServer(const LocalServer&) = delete;
    LocalServer& operator=(const LocalServer&) = delete;

    int port() const { return port_; }
    // What it accepted, in order.
    std::vector<nlohmann::json> received() const {
        std::vector<nlohmann::json> out;
        for (int n = 0; fs::exists(outdir_ / (std::to_string(n) + ".json")); ++n) {
            out.push_back(nlohmann::json::parse(read_text(outdir_ / (std::to_string(n) + ".json"))));
        }
        return out;
    }
    // hang mode: the TCP connections it accepted.
    std::size_t accepted() const {
        const std::string text = fs::exists(outdir_ / "accepted") ? read_text(outdir_ / "accepted") : "";
        return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    }

private:
    fs::path outdir_;
    pid_t pid_ = -1;
    int port_ = 0;
};

inline const scoring::ScoringScheme& scheme() { return skm::test::permenpan_scheme(); }

// `n` responses of one layanan a minute apart from 2026-06-05 09:00 WIB, each
// answering "1" on the eighth unsur (minimal_submission's answers): with the
// default thresholds (5 ones within 8) the fifth raises a "ones" alert whose
// window starts at the first response.
inline std::vector<store::Submission> ones_run(const std::string& prefix, const std::string& layanan, std::size_t n) {
    std::vector<store::Submission> out;
    for (std::size_t i = 0; i < n; ++i) {
        store::Submission s = skm::test::minimal_submission(prefix + std::to_string(i), layanan);
        s.response.submitted_at = std::string("2026-06-05T09:") + (i < 10 ? "0" : "") + std::to_string(i) + ":00+07:00";
        out.push_back(std::move(s));
    }
    return out;
}

inline void ingest(HubStore& hub, const std::string& device, const std::string& kecamatan,
                   const std::vector<store::Submission>& items, const std::string& batch_id) {
    const Device d{device, kecamatan, "", std::nullopt, std::nullopt};
    hub.ingest(d, sync::Batch{device, batch_id, items}, "2026-06-05T10:00:00+07:00");
}

}  // namespace skm::hub::alerts::testing
