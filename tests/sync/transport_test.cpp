// libcurl over real TLS on loopback, against a cpp-httplib HTTPS server with
// a certificate from a test CA made at test time (openssl): the batch
// arrives gzip'd with the device token; a wrong CA or a wrong pinned key
// sends nothing; refused, slow and unauthorized hubs are reported as such.
#include "sync/gzip.hpp"
#include "sync/protocol.hpp"
#include "sync/transport.hpp"
#include "tests/support/run_program.hpp"
#include "tests/support/minimal_submission.hpp"
#include "tests/support/permenpan_scheme.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace skm::sync {
namespace {

namespace fs = std::filesystem;

const scoring::ScoringScheme& scheme() { return test::permenpan_scheme(); }

void sh(const std::string& command) {
    ASSERT_EQ(std::system(("(" + command + ") >/dev/null 2>&1").c_str()), 0) << command;
}

// A CA and a server certificate for 127.0.0.1, and a second, unrelated CA.
struct TestPki {
    fs::path dir = skm::testing::make_temp_dir();
    std::string pin;
    TestPki() {
        const std::string d = dir.string();
        const std::string ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
        sh("cd " + d + " && openssl req -x509 " + ec + " -keyout ca.key -out ca.pem -days 2 -subj '/CN=SKM Test CA'");
        sh("cd " + d + " && openssl req -x509 " + ec + " -keyout other.key -out other.pem -days 2 -subj '/CN=Other CA'");
        sh("cd " + d + " && openssl req " + ec + " -keyout server.key -out server.csr -subj '/CN=127.0.0.1'");
        sh("cd " + d + " && printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > ext.cnf");
        sh("cd " + d + " && openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext.cnf");
        sh("cd " + d + " && openssl x509 -in server.pem -pubkey -noout | openssl pkey -pubin -outform der | "
           "openssl dgst -sha256 -binary | base64 > pin.txt");
        std::ifstream in(dir / "pin.txt");
        std::getline(in, pin);
        pin = "sha256//" + pin;
    }
};

const TestPki& pki() {
    static const TestPki p;
    return p;
}

class TestHub {
public:
    TestHub() : server_((pki().dir / "server.pem").c_str(), (pki().dir / "server.key").c_str()) {
        server_.Post("/api/v1/batches", [this](const httplib::Request& req, httplib::Response& res) {
            ++requests;
            if (req.get_header_value("Authorization") != "Bearer good-token") {
                res.status = 401;
                return;
            }
            std::string json = req.body;
            if (json.size() > 2 && static_cast<unsigned char>(json[0]) == 0x1f) json = gzip_decompress(json, 8u << 20).value_or("");
            const auto batch = decode_batch(json, scheme());
            if (!std::holds_alternative<Batch>(batch)) {
                res.status = 400;
                return;
            }
            items = std::get<Batch>(batch).responses.size();
            Reply reply{std::get<Batch>(batch).batch_id, {}, std::nullopt};
            for (const auto& s : std::get<Batch>(batch).responses) reply.results.push_back({s.response.response_id, ItemStatus::accepted, ""});
            res.set_content(encode_reply(reply), "application/json");
        });
        server_.Post("/slow", [](const httplib::Request&, httplib::Response& res) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2500));
            res.set_content("{}", "application/json");
        });
        port = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ~TestHub() {
        server_.stop();
        thread_.join();
    }
    std::string url(const std::string& path = "/api/v1/batches") const {
        return "https://127.0.0.1:" + std::to_string(port) + path;
    }

    std::atomic<int> requests{0};
    std::atomic<std::size_t> items{0};
    int port = 0;

private:
    httplib::SSLServer server_;
    std::thread thread_;
};

std::string body_of(std::size_t n) {
    Batch batch{"kiosk-01", "b1", {}};
    for (std::size_t i = 0; i < n; ++i) batch.responses.push_back(test::minimal_submission("r" + std::to_string(i)));
    return gzip_compress(encode_batch(batch, scheme()));
}

TransportOptions options_for(const TestHub& hub, const std::string& ca = "ca.pem") {
    TransportOptions o;
    o.url = hub.url();
    o.device_token = "good-token";
    o.ca_file = (pki().dir / ca).string();
    o.timeout_ms = 1000;
    return o;
}

TEST(CurlTransport, PostsTheBatchOverTlsAndReadsTheReply) {
    TestHub hub;
    CurlTransport transport(options_for(hub));
    for (int round = 0; round < 2; ++round) {  // the second over the kept-alive connection
        const auto result = transport.post_batch(body_of(3));
        ASSERT_TRUE(result.connected) << result.detail;
        EXPECT_EQ(result.status, 200);
        const auto reply = decode_reply(result.body);
        ASSERT_TRUE(std::holds_alternative<Reply>(reply));
        EXPECT_EQ(std::get<Reply>(reply).results.size(), 3u);
    }
    EXPECT_EQ(hub.requests, 2);
    EXPECT_EQ(hub.items, 3u);
}

TEST(CurlTransport, AnUnknownCertificateSendsNothing) {
    TestHub hub;
    CurlTransport transport(options_for(hub, "other.pem"));
    const auto result = transport.post_batch(body_of(3));
    EXPECT_FALSE(result.connected);
    EXPECT_NE(result.detail.find("certificate"), std::string::npos) << result.detail;
    EXPECT_EQ(hub.requests, 0);
}

TEST(CurlTransport, APinnedKeyMustMatch) {
    TestHub hub;
    auto good = options_for(hub);
    good.pinned_public_key = pki().pin;
    EXPECT_TRUE(CurlTransport(good).post_batch(body_of(1)).connected);
    auto wrong = options_for(hub);
    wrong.pinned_public_key = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    EXPECT_FALSE(CurlTransport(wrong).post_batch(body_of(1)).connected);
    EXPECT_EQ(hub.requests, 1);
}

TEST(CurlTransport, RefusedSlowAndUnauthorizedHubs) {
    int closed_port = 0;
    {
        TestHub gone;
        closed_port = gone.port;
    }
    TransportOptions refused;
    refused.url = "https://127.0.0.1:" + std::to_string(closed_port) + "/api/v1/batches";
    refused.ca_file = (pki().dir / "ca.pem").string();
    EXPECT_FALSE(CurlTransport(refused).post_batch(body_of(1)).connected);

    TestHub hub;
    auto slow = options_for(hub);
    slow.url = hub.url("/slow");
    const auto started = std::chrono::steady_clock::now();
    const auto timed_out = CurlTransport(slow).post_batch(body_of(1));
    EXPECT_FALSE(timed_out.connected);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(2400));

    auto revoked = options_for(hub);
    revoked.device_token = "revoked-token";
    const auto denied = CurlTransport(revoked).post_batch(body_of(1));
    EXPECT_TRUE(denied.connected);
    EXPECT_EQ(denied.status, 401);
}

TEST(CurlTransport, PlainHttpIsRefusedOutright) {
    TransportOptions o;
    o.url = "http://127.0.0.1/api/v1/batches";
    EXPECT_THROW(CurlTransport{o}, std::invalid_argument);
}

}  // namespace
}  // namespace skm::sync
