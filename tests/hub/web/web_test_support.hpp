// What the dashboard's tests share: a hub serving the dashboard over real
// HTTPS on loopback (test CA made at test time) with a hand-moved clock, on
// either storage backend (tests/hub/hub_backend: a SQLite file or a real
// PostgreSQL 15 database, the stores opened as skm-hub serve opens them), and
// a "browser" that keeps its session cookie and the CSRF token of the last
// page, as a person's browser would.
#pragma once

#include "formats/questionnaire.hpp"
#include "hub/device_token.hpp"
#include "hub/server.hpp"
#include "hub/web/device_report.hpp"
#include "hub/web/html.hpp"
#include "hub/web/password.hpp"
#include "hub/web/open_web_store.hpp"
#include "hub/web/web_app.hpp"
#include "tests/hub/hub_test_support.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <optional>
#include <regex>

namespace skm::hub::web::testing {

namespace fs = std::filesystem;
using skm::hub::testing::catalog;
using skm::hub::testing::Backend;
using skm::hub::testing::scheme;

inline const formats::Questionnaire& questionnaire() {
    static const auto q =
        formats::load_questionnaire(fs::path(SKM_SOURCE_DIR) / "assets" / "questionnaire" / "permenpan-14-2017.json");
    return q;
}

inline const formats::Catalogs& texts() {
    static const auto t = formats::Catalogs::load(fs::path(SKM_SOURCE_DIR) / "assets" / "i18n");
    return t;
}

inline const WebAssets& assets() {
    static const WebAssets a(fs::path(SKM_SOURCE_DIR) / "assets" / "web");
    return a;
}

class WebHub {
public:
    explicit WebHub(Backend backend = Backend::sqlite, WebOptions options = {}) : db_(backend) {
        hub_ = open_hub_store(db_.db(), scheme());
        web_ = open_web_store(db_.db());
        options.temp_dir = db_.dir();
        app_ = std::make_unique<WebApp>(*hub_, *web_, clock, texts(), assets(), questionnaire(), options);
        ServerOptions o;
        o.cert_file = skm::testing::test_pki().server_cert;
        o.key_file = skm::testing::test_pki().server_key;
        o.admin_token_hash = token_hash(admin_token);
        o.web = [this](const WebRequest& r) { return app_->handle(r); };
        o.device_report = [this](const DeviceReportIn& in) { record_device(*web_, in); };
        server_ = std::make_unique<HubServer>(*hub_, clock, catalog(), o, [](const Problem&) {});
        port_ = server_->bind("127.0.0.1", 0);
        server_->start();
    }
    ~WebHub() {
        server_.reset();
        app_.reset();
        web_.reset();
        hub_.reset();
    }

    void add_user(const std::string& name, const std::string& password, Role role) {
        web_->add_user({name, hash_password(password), role, "2025-07-01T08:00:00+07:00"});
    }
    std::string enroll(const std::string& device, const std::string& kecamatan) {
        const std::string token = new_token();
        hub_->enroll(device, kecamatan, token_hash(token), "2025-07-01T08:00:00+07:00");
        return token;
    }
    // Stored as an upload from the device would store them.
    void ingest(const std::string& device, const std::string& kecamatan, const std::vector<store::Submission>& items) {
        Device d{device, kecamatan, "", std::nullopt, std::nullopt};
        sync::Batch batch{device, "batch-" + std::to_string(++batches_), items, std::nullopt, std::nullopt, std::nullopt};
        hub_->ingest(d, batch, "2025-07-01T09:00:00+07:00");
    }

    // What --db would be: the SQLite file's path or the postgresql:// URI.
    const std::string& db() const { return db_.db(); }
    Backend backend() const { return db_.backend(); }
    int port() const { return port_; }
    std::string batches_url() const { return "https://127.0.0.1:" + std::to_string(port_) + "/api/v1/batches"; }
    HubStore& hub() { return *hub_; }
    WebStore& web() { return *web_; }
    WebApp& app() { return *app_; }

    // Behind the stores' backs, straight SQL on either backend.
    std::int64_t count(const std::string& sql) const { return db_.count(sql); }
    skm::testing::PgRows rows(const std::string& sql) const { return db_.rows(sql); }

    store::ManualClock clock{scoring::Timestamp{{2025, 7, 1}, 9, 0, 0, 420}};
    const std::string admin_token = new_token();

private:
    skm::hub::testing::BackendDb db_;
    std::unique_ptr<HubStore> hub_;
    std::unique_ptr<WebStore> web_;
    std::unique_ptr<WebApp> app_;
    std::unique_ptr<HubServer> server_;
    int port_ = 0;
    int batches_ = 0;
};

struct Reply {
    int status = 0;
    std::string body;
    std::string location;
    std::vector<std::string> set_cookies;
    httplib::Headers headers;

    std::optional<std::string> header(const std::string& name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? std::nullopt : std::optional(it->second);
    }
};

// Keeps cookies (by name) and the CSRF token of the last HTML page it saw.
// `from` is the loopback address it connects from (all of 127.0.0.0/8 is
// loopback on Linux), so tests can play clients at different addresses.
class Browser {
public:
    explicit Browser(const WebHub& hub, const std::string& from = "127.0.0.1")
        : client_(std::make_unique<httplib::SSLClient>("127.0.0.1", hub.port())) {
        client_->set_ca_cert_path(skm::testing::test_pki().ca.c_str());
        client_->enable_server_certificate_verification(true);
        client_->set_follow_location(false);
        client_->set_interface(from);  // an address, when it names no interface
    }

    Reply get(const std::string& path) { return take(client_->Get(path.c_str(), headers())); }
    Reply post(const std::string& path, httplib::Params form, bool with_csrf = true) {
        if (with_csrf && !csrf.empty() && !form.count("csrf")) form.emplace("csrf", csrf);
        return take(client_->Post(path.c_str(), headers(), form));
    }
    // Opens the login form, then sends it; the reply of the POST.
    Reply login(const std::string& username, const std::string& password) {
        get("/login");
        return post("/login", {{"username", username}, {"password", password}});
    }

    std::map<std::string, std::string> cookies;
    std::string csrf;

private:
    httplib::Headers headers() const {
        std::string jar;
        for (const auto& [name, value] : cookies) jar += (jar.empty() ? "" : "; ") + name + "=" + value;
        httplib::Headers h;
        if (!jar.empty()) h.emplace("Cookie", jar);
        return h;
    }
    Reply take(const httplib::Result& result) {
        Reply r;
        if (!result) return r;
        r.status = result->status;
        r.body = result->body;
        r.headers = result->headers;
        r.location = result->get_header_value("Location");
        for (auto [it, end] = result->headers.equal_range("Set-Cookie"); it != end; ++it) {
            r.set_cookies.push_back(it->second);
            const auto eq = it->second.find('=');
            const auto semi = it->second.find(';');
            const std::string name = it->second.substr(0, eq);
            const std::string value = it->second.substr(eq + 1, semi - eq - 1);
            if (value.empty()) {
                cookies.erase(name);
            } else {
                cookies[name] = value;
            }
        }
        static const std::regex kCsrf(R"re(name="csrf" value="([0-9a-f]+)")re");
        std::smatch m;
        if (std::regex_search(r.body, m, kCsrf)) csrf = m[1];
        return r;
    }

    std::unique_ptr<httplib::SSLClient> client_;
};

// The accounts and the kiosk the security and route tests start from.
inline const std::string kAdminPassword = "kata-sandi-admin-123";
inline const std::string kViewerPassword = "kata-sandi-viewer-456";
inline void add_admin_viewer_and_kiosk(WebHub& hub) {
    hub.add_user("admin", kAdminPassword, Role::admin);
    hub.add_user("viewer", kViewerPassword, Role::viewer);
    hub.enroll("kiosk-1", "Sukamaju");
}

// A browser signed in as `user`, holding the CSRF token of a page with forms.
inline Browser sign_in(const WebHub& hub, const std::string& user, const std::string& password) {
    Browser b(hub);
    const Reply r = b.login(user, password);
    EXPECT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(r.location, "/overview");
    b.get("/devices");
    EXPECT_EQ(b.csrf.size(), 64u);
    return b;
}

inline store::Submission response(const std::string& id, const std::string& date, const std::string& layanan,
                                  std::vector<std::uint8_t> answers, const std::string& saran = "") {
    store::Submission s = skm::hub::testing::make_response(id, layanan);
    s.response.submitted_at = date + "T10:00:00+07:00";
    s.response.answers = std::move(answers);
    s.response.saran = saran;
    return s;
}

}  // namespace skm::hub::web::testing
