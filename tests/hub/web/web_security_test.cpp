// The dashboard's security over real HTTPS: every page and API refuses a
// stranger; a viewer cannot do an admin's actions; every POST needs the
// session's CSRF token and changes nothing without it; login attempts wait
// per (username, address) and per address, never per username alone, and
// parallel guesses are counted; sessions end; SQL injection and XSS
// strings in every text field are stored verbatim and shown inert.
#include "tests/hub/web/web_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <latch>
#include <thread>

namespace skm::hub::web::testing {
namespace {

class WebSecurity : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override { add_admin_viewer_and_kiosk(hub); }
    Browser signed_in(const std::string& user, const std::string& password) { return sign_in(hub, user, password); }

    WebHub hub{GetParam()};
};

const std::vector<std::string> kGetRoutes = {"/", "/overview", "/overview?period=2025", "/kecamatan?name=Sukamaju",
                                             "/devices", "/targets", "/users", "/export/recap.csv?period=2025",
                                             "/export/recap.xlsx?period=2025", "/export/kecamatan.pdf?name=Sukamaju",
                                             "/publish", "/no-such-page", "/export/poster.pdf?name=Sukamaju",
                                             "/export/poster.png?period=2025"};
const std::vector<std::string> kPostRoutes = {"/logout", "/devices/enroll", "/devices/revoke", "/targets", "/users",
                                              "/publish", "/overview"};

TEST_P(WebSecurity, EveryPageRedirectsAStrangerToTheLoginPage) {
    Browser stranger(hub);
    for (const auto& path : kGetRoutes) {
        const Reply r = stranger.get(path);
        EXPECT_EQ(r.status, 303) << path;
        EXPECT_EQ(r.location, "/login") << path;
        EXPECT_EQ(r.body.find("Sukamaju"), std::string::npos) << path;
    }
    // Only the login page and the stylesheet are open.
    EXPECT_EQ(stranger.get("/login").status, 200);
    EXPECT_EQ(stranger.get("/static/web.css").status, 200);
}

TEST_P(WebSecurity, EveryApiAndPostRefusesAStrangerWith401AndChangesNothing) {
    Browser stranger(hub);
    for (const std::string path : {"/api/v1/ikm?period=2025", "/api/v1/devices", "/api/v1/anything"}) {
        const Reply r = stranger.get(path);
        EXPECT_EQ(r.status, 401) << path;
        EXPECT_EQ(r.body.find("Sukamaju"), std::string::npos) << path;
    }
    for (const auto& path : kPostRoutes) {
        const Reply r = stranger.post(path, {{"device", "kiosk-1"}, {"kecamatan", "X"}, {"username", "eve"},
                                             {"password", "0123456789abc"}, {"role", "admin"}, {"year", "2025"},
                                             {"csrf", "00"}});
        EXPECT_EQ(r.status, 401) << path;
    }
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices WHERE revoked_at IS NOT NULL"), 0);
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices"), 1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_users"), 2);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_targets"), 0);
    // A made-up session cookie is no session either.
    stranger.cookies["skm_session"] = std::string(64, 'a');
    EXPECT_EQ(stranger.get("/overview").status, 303);
}

TEST_P(WebSecurity, SignInSetsAHardenedCookieAndKeepsOnlyItsHash) {
    Browser b(hub);
    const Reply r = b.login("admin", kAdminPassword);
    ASSERT_EQ(r.status, 303);
    std::string session_cookie;
    for (const auto& c : r.set_cookies) {
        if (c.rfind("skm_session=", 0) == 0) session_cookie = c;
    }
    ASSERT_FALSE(session_cookie.empty());
    for (const std::string attribute : {"; Secure", "; HttpOnly", "; SameSite=Strict", "; Path=/"}) {
        EXPECT_NE(session_cookie.find(attribute), std::string::npos) << session_cookie;
    }
    const std::string id = b.cookies.at("skm_session");
    EXPECT_EQ(id.size(), 64u);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_sessions WHERE id_hash = '" + token_hash(id) + "'"), 1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_sessions WHERE id_hash = '" + id + "'"), 0);
    EXPECT_EQ(b.get("/overview").status, 200);
    // Passwords are argon2id hashes.
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_users WHERE password_hash LIKE '$argon2id$%'"), 2);
}

TEST_P(WebSecurity, WrongPasswordAndUnknownUserGetTheSameAnswer) {
    Browser b(hub);
    const Reply wrong = b.login("admin", "not-the-password");
    const Reply unknown = b.login("nobody", "not-the-password");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_NE(wrong.body.find("Nama pengguna atau kata sandi salah."), std::string::npos);
    EXPECT_NE(unknown.body.find("Nama pengguna atau kata sandi salah."), std::string::npos);
    EXPECT_EQ(b.cookies.count("skm_session"), 0u);
}

TEST_P(WebSecurity, LoginFormNeedsItsOwnCsrfToken) {
    Browser b(hub);
    b.get("/login");
    const Reply without = b.post("/login", {{"username", "admin"}, {"password", kAdminPassword}}, false);
    EXPECT_EQ(without.status, 403);
    const Reply wrong = b.post("/login", {{"username", "admin"}, {"password", kAdminPassword}, {"csrf", std::string(64, 'f')}});
    EXPECT_EQ(wrong.status, 403);
    EXPECT_EQ(b.cookies.count("skm_session"), 0u);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_sessions"), 0);
}

TEST_P(WebSecurity, AViewerSeesPagesButCannotDoAdminActions) {
    Browser viewer = signed_in("viewer", kViewerPassword);
    EXPECT_EQ(viewer.get("/overview").status, 200);
    EXPECT_EQ(viewer.get("/kecamatan?name=Sukamaju").status, 200);
    const Reply devices = viewer.get("/devices");
    EXPECT_EQ(devices.status, 200);
    EXPECT_EQ(devices.body.find("/devices/revoke"), std::string::npos) << "no revoke button for a viewer";
    EXPECT_EQ(viewer.get("/users").status, 403);
    EXPECT_EQ(viewer.get("/targets").status, 403);
    EXPECT_EQ(viewer.post("/devices/revoke", {{"device", "kiosk-1"}}).status, 403);
    EXPECT_EQ(viewer.post("/devices/enroll", {{"kecamatan", "Sukamakmur"}}).status, 403);
    EXPECT_EQ(viewer.post("/users", {{"username", "eve"}, {"password", "0123456789abc"}, {"role", "admin"}}).status, 403);
    EXPECT_EQ(viewer.post("/targets", {{"year", "2025"}, {"target", "90"}}).status, 403);
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices WHERE revoked_at IS NOT NULL"), 0);
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices"), 1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_users"), 2);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_targets"), 0);
}

TEST_P(WebSecurity, EveryPostNeedsTheSessionsCsrfToken) {
    Browser admin = signed_in("admin", kAdminPassword);
    ASSERT_EQ(admin.csrf.size(), 64u);
    Browser other = signed_in("viewer", kViewerPassword);
    const std::vector<std::pair<std::string, httplib::Params>> actions = {
        {"/devices/revoke", {{"device", "kiosk-1"}}},
        {"/devices/enroll", {{"kecamatan", "Sukamakmur"}}},
        {"/users", {{"username", "eve"}, {"password", "0123456789abc"}, {"role", "admin"}}},
        {"/targets", {{"year", "2025"}, {"target", "90"}}},
        {"/publish", {{"layanan", "KTP-el"}, {"questionnaire_version", "1"}}},
        {"/logout", {}},
    };
    for (const auto& [path, form] : actions) {
        EXPECT_EQ(admin.post(path, form, false).status, 403) << path << " without a token";
        auto wrong = form;
        wrong.emplace("csrf", std::string(64, '0'));
        EXPECT_EQ(admin.post(path, wrong).status, 403) << path << " with a wrong token";
        auto someone_elses = form;
        someone_elses.emplace("csrf", other.csrf);
        EXPECT_EQ(admin.post(path, someone_elses).status, 403) << path << " with another session's token";
    }
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices WHERE revoked_at IS NOT NULL"), 0);
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices"), 1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_users"), 2);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_targets"), 0);
    EXPECT_EQ(hub.count("SELECT count(*) FROM published_configs"), 0);
    EXPECT_EQ(admin.get("/overview").status, 200) << "still signed in";

    // With the right token the same action goes through, and is audited.
    const Reply revoked = admin.post("/devices/revoke", {{"device", "kiosk-1"}});
    EXPECT_EQ(revoked.status, 200);
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices WHERE revoked_at IS NOT NULL"), 1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'device_revoke' AND username = 'admin' "
                        "AND detail = 'kiosk-1'"), 1);
}

TEST_P(WebSecurity, LoginWaitsPerUsernameAndAddressThenLiftAndASignInClearsThem) {
    Browser b(hub);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(b.login("admin", "wrong-" + std::to_string(i)).status, 401);
    // The right password is refused now, without being checked, with the wait in seconds.
    const Reply blocked = b.login("admin", kAdminPassword);
    EXPECT_EQ(blocked.status, 429);
    EXPECT_EQ(blocked.header("Retry-After"), "2");
    EXPECT_NE(blocked.body.find("Coba lagi setelah 2 detik."), std::string::npos) << blocked.body;
    EXPECT_EQ(b.cookies.count("skm_session"), 0u);
    hub.clock.advance_ms(1999);
    EXPECT_EQ(b.login("admin", kAdminPassword).header("Retry-After"), "1");
    hub.clock.advance_ms(1);
    EXPECT_EQ(b.login("admin", kAdminPassword).status, 303);
    // Signed in: the pair starts over, five free failures again.
    for (int i = 0; i < 5; ++i) EXPECT_EQ(b.login("admin", "wrong-" + std::to_string(i)).status, 401);
    EXPECT_EQ(b.login("admin", "wrong-5").status, 429);
}

TEST_P(WebSecurity, WrongPasswordsFromOneAddressNeverLockOutTheUserFromAnother) {
    Browser stranger(hub, "127.0.0.9");
    std::vector<int> statuses;
    for (int i = 0; i < 8; ++i) {
        const Reply r = stranger.login("admin", "tebakan-" + std::to_string(i));
        statuses.push_back(r.status);
        if (r.status == 429) {
            EXPECT_EQ(r.header("Retry-After"), "2");
        }
    }
    EXPECT_EQ(statuses, (std::vector<int>{401, 401, 401, 401, 401, 429, 429, 429}));
    // The admin at the office signs in.
    Browser admin(hub, "127.0.0.1");
    const Reply r = admin.login("admin", kAdminPassword);
    EXPECT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(r.location, "/overview");
    EXPECT_EQ(admin.get("/overview").status, 200);
    // The stranger still waits; every checked guess and the first refusal are audited, with the address.
    EXPECT_EQ(stranger.login("admin", kAdminPassword).status, 429);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'login_failed' AND username = 'admin' "
                        "AND detail = '127.0.0.9'"), 5);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'login_throttled' AND username = 'admin' "
                        "AND detail = '127.0.0.9'"), 1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'login' AND detail = '127.0.0.1'"), 1);
}

TEST_P(WebSecurity, LoginWaitsPerAddressAcrossUsernamesThenLift) {
    Browser b(hub);
    for (int i = 0; i < 20; ++i) EXPECT_EQ(b.login("user" + std::to_string(i), "guess").status, 401);
    const Reply blocked = b.login("viewer", kViewerPassword);
    EXPECT_EQ(blocked.status, 429);
    EXPECT_EQ(blocked.header("Retry-After"), "2");
    EXPECT_EQ(Browser(hub, "127.0.0.10").login("viewer", kViewerPassword).status, 303) << "another address";
    hub.clock.advance_ms(2000);
    EXPECT_EQ(b.login("viewer", kViewerPassword).status, 303);
}

TEST_P(WebSecurity, TwelveParallelGuessesRunOnlyFivePasswordChecks) {
    // Straight into the dashboard, so all twelve really are in flight together.
    const std::string token(64, 'c');  // the login form's double-submit token, in the cookie and the form
    std::vector<int> statuses(12);
    std::latch start(12);
    std::vector<std::thread> guessers;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        guessers.emplace_back([&, i] {
            WebRequest req;
            req.method = "POST";
            req.path = "/login";
            req.params = {{"csrf", token}, {"username", "admin"}, {"password", "tebakan-" + std::to_string(i)}};
            req.cookie_header = "skm_login_csrf=" + token;
            req.remote_addr = "198.51.100.7";
            start.arrive_and_wait();
            statuses[i] = hub.app().handle(req).status;
        });
    }
    for (auto& g : guessers) g.join();
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 401), 5);
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 429), 7);
    // One login_failed row per argon2 check (a refused guess is never checked), one for the refusals.
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'login_failed' AND detail = '198.51.100.7'"), 5);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'login_throttled' AND detail = '198.51.100.7'"), 1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_sessions"), 0);
}

TEST_P(WebSecurity, SessionsEndAtSignOutAndAfterTheirLifetime) {
    Browser b = signed_in("admin", kAdminPassword);
    const std::string id = b.cookies.at("skm_session");
    EXPECT_EQ(b.post("/logout", {}).status, 303);
    b.cookies["skm_session"] = id;  // an old copy of the cookie
    EXPECT_EQ(b.get("/overview").status, 303);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_sessions"), 0);

    Browser c = signed_in("viewer", kViewerPassword);
    hub.clock.advance_ms(8 * 3600 * 1000 - 5000);
    EXPECT_EQ(c.get("/overview").status, 200);
    hub.clock.advance_ms(10'000);
    EXPECT_EQ(c.get("/overview").status, 303);
}

TEST_P(WebSecurity, PagesCarryAStrictContentSecurityPolicy) {
    Browser b = signed_in("admin", kAdminPassword);
    const Reply r = b.get("/overview");
    const auto csp = r.headers.find("Content-Security-Policy");
    ASSERT_NE(csp, r.headers.end());
    EXPECT_NE(csp->second.find("default-src 'none'"), std::string::npos);
    EXPECT_EQ(csp->second.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(r.body.find("<script"), std::string::npos);
    EXPECT_EQ(r.body.find("style=\""), std::string::npos);
}

// ---- injection -------------------------------------------------------------------

const std::string kScript = "<script>alert('xss')</script>";
const std::string kSql = "x'); DROP TABLE responses; --";
const std::string kImg = "\"><img src=x onerror=alert(1)>";

void expect_inert(const std::string& html, const std::string& what) {
    EXPECT_EQ(html.find("<script>"), std::string::npos) << what;
    EXPECT_EQ(html.find("<img src=x"), std::string::npos) << what;
    EXPECT_EQ(html.find("\"><img"), std::string::npos) << what;
}

TEST_P(WebSecurity, InjectionStringsInEveryTextFieldAreStoredVerbatimAndShownInert) {
    const std::string kecamatan = kScript + kSql;
    const std::string layanan = kImg + kSql;
    const std::string saran = kScript + " " + kSql + " " + kImg;
    const std::string username = kImg + kSql;
    Browser admin = signed_in("admin", kAdminPassword);

    // Kecamatan and device id through the enrol form; a user through the users form.
    const Reply enrolled = admin.post("/devices/enroll", {{"kecamatan", kecamatan}, {"device", kScript}});
    EXPECT_EQ(enrolled.status, 200) << enrolled.body;
    expect_inert(enrolled.body, "enrol answer");
    admin.get("/users");
    EXPECT_EQ(admin.post("/users", {{"username", username}, {"password", "0123456789abc"}, {"role", "viewer"}}).status, 200);
    admin.get("/targets");
    EXPECT_EQ(admin.post("/targets", {{"year", "2025"}, {"kecamatan", kecamatan}, {"target", "80"}}).status, 200);
    // Layanan and saran as a kiosk uploads them; a login attempt with the script as its name.
    std::vector<store::Submission> items;
    for (int i = 0; i < 6; ++i) {
        items.push_back(response("inj-" + std::to_string(i), "2025-03-0" + std::to_string(i + 1), layanan,
                                 {4, 3, 3, 2, 4, 4, 3, 1, 2}, saran));
    }
    hub.ingest(kScript, kecamatan, items);
    Browser attacker(hub);
    attacker.login(kScript, kSql);

    // Stored as typed.
    EXPECT_EQ(hub.count("SELECT count(*) FROM responses"), 6);
    const auto stored = hub.rows("SELECT kecamatan, layanan, saran FROM responses LIMIT 1");
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0][0], kecamatan);
    EXPECT_EQ(stored[0][1], layanan);
    EXPECT_EQ(stored[0][2], saran);
    EXPECT_EQ(hub.count("SELECT count(*) FROM devices WHERE device_id = '" + std::string("<script>alert(''xss'')</script>") + "'"), 1);
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_users WHERE username LIKE '%DROP TABLE%'"), 1);

    // Shown escaped on every page that shows them.
    const std::string k = "name=" + url_encode(kecamatan) + "&period=2025";
    for (const std::string& path : std::vector<std::string>{"/overview?period=2025", "/kecamatan?" + k, "/devices", "/users",
                                                            "/targets?year=2025", "/overview?period=2025&sort=ikm&dir=asc"}) {
        const Reply r = admin.get(path);
        EXPECT_EQ(r.status, 200) << path;
        expect_inert(r.body, path);
    }
    const Reply page = admin.get("/kecamatan?" + k);
    EXPECT_NE(page.body.find(esc(saran)), std::string::npos) << "the saran is shown, escaped";
    EXPECT_NE(page.body.find(esc(layanan)), std::string::npos);
    EXPECT_NE(admin.get("/users").body.find(esc(username)), std::string::npos);
    // The CSV carries the text as data (the download is not HTML).
    const Reply csv = admin.get("/export/recap.csv?period=2025");
    EXPECT_EQ(csv.status, 200);
    EXPECT_NE(csv.headers.find("Content-Disposition"), csv.headers.end());
    EXPECT_EQ(csv.headers.find("Content-Type")->second.rfind("text/csv", 0), 0u);
}

TEST_P(WebSecurity, MarkupQuotesAndAmpersandsInEveryNameAreShownEscapedOnEveryPageThatShowsThem) {
    const std::string raw = "<script>alert(\"x\")</script> & 'kutip'";
    const std::string kecamatan = "Kec " + raw;
    const std::string layanan = "Lay " + raw;
    const std::string saran = "Saran " + raw;
    const std::string username = "user " + raw;
    Browser admin = signed_in("admin", kAdminPassword);
    EXPECT_EQ(admin.post("/devices/enroll", {{"kecamatan", kecamatan}, {"device", "kiosk-x"}}).status, 200);
    admin.get("/users");
    EXPECT_EQ(admin.post("/users", {{"username", username}, {"password", "0123456789abc"}, {"role", "viewer"}}).status, 200);
    admin.get("/targets");
    EXPECT_EQ(admin.post("/targets", {{"year", "2025"}, {"kecamatan", kecamatan}, {"target", "80"}}).status, 200);
    admin.get("/publish");
    EXPECT_EQ(admin.post("/publish", {{"kecamatan", kecamatan}, {"layanan", layanan}, {"questionnaire_version", "1"}}).status, 200);
    std::vector<store::Submission> items;
    for (int i = 0; i < 6; ++i) {
        items.push_back(response("esc-" + std::to_string(i), "2025-03-0" + std::to_string(i + 1), layanan, {4, 3, 3, 2, 4, 4, 3, 1, 2}, saran));
    }
    hub.ingest("kiosk-x", kecamatan, items);

    const std::string k = url_encode(kecamatan);
    const std::vector<std::pair<std::string, std::vector<std::string>>> pages = {
        {"/overview?period=2025", {kecamatan}},
        {"/kecamatan?name=" + k + "&period=2025", {kecamatan, layanan, saran}},
        {"/devices", {kecamatan}},
        {"/targets?year=2025", {kecamatan}},
        {"/users", {username}},
        {"/publish?kecamatan=" + k, {kecamatan, layanan}},
    };
    for (const auto& [path, shown] : pages) {
        const Reply r = admin.get(path);
        EXPECT_EQ(r.status, 200) << path;
        EXPECT_EQ(r.body.find(raw), std::string::npos) << path << ": the text as typed, unescaped";
        EXPECT_EQ(r.body.find("<script>"), std::string::npos) << path;
        for (const auto& text : shown) {
            // &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;kutip&#39;
            EXPECT_NE(r.body.find(esc(text)), std::string::npos) << path << " shows " << esc(text);
        }
    }
    // The signed-in user's own name, in every page's header.
    Browser user(hub);
    ASSERT_EQ(user.login(username, "0123456789abc").status, 303);
    const Reply own = user.get("/overview?period=2025");
    EXPECT_NE(own.body.find("<span class=\"who\">" + esc(username) + "</span>"), std::string::npos);
    EXPECT_EQ(own.body.find(raw), std::string::npos);
}

TEST_P(WebSecurity, SpreadsheetFormulasInNamesReachTheCsvAsText) {
    Browser admin = signed_in("admin", kAdminPassword);
    const std::string formula = "=HYPERLINK(\"http://x\",\"klik\")";
    hub.enroll("kiosk-f", formula);
    std::vector<store::Submission> items;
    for (int i = 0; i < 5; ++i) {
        items.push_back(response("f-" + std::to_string(i), "2025-03-01", "@SUM(1+1)", {3, 3, 3, 3, 3, 3, 3, 3, 3}));
    }
    hub.ingest("kiosk-f", formula, items);
    const Reply csv = admin.get("/export/recap.csv?period=2025");
    ASSERT_EQ(csv.status, 200);
    EXPECT_NE(csv.body.find("\"'=HYPERLINK("), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("'@SUM(1+1)"), std::string::npos) << csv.body;
    EXPECT_EQ(csv.body.find("\n=HYPERLINK"), std::string::npos);
    EXPECT_EQ(csv.body.find(",@SUM"), std::string::npos);
    // Stored as typed.
    EXPECT_EQ(hub.count("SELECT count(*) FROM responses WHERE layanan = '@SUM(1+1)'"), 5);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebSecurity, SKM_ALL_HUB_BACKENDS);

}  // namespace
}  // namespace skm::hub::web::testing

namespace skm::hub::web::testing {
namespace {

class WebPublish : public WebSecurity {};
INSTANTIATE_TEST_SUITE_P(Backends, WebPublish, SKM_ALL_HUB_BACKENDS);

TEST_P(WebPublish, AnAdminPublishesWhatAKioskWillAcceptAndNothingElse) {
    Browser admin = signed_in("admin", kAdminPassword);
    EXPECT_EQ(admin.get("/publish").status, 200);
    // Refused as a kiosk would refuse it: a name twice, a target out of range, no layanan.
    for (const httplib::Params& bad :
         {httplib::Params{{"layanan", "KTP-el\nKTP-el"}, {"questionnaire_version", "1"}},
          {{"layanan", "KTP-el"}, {"questionnaire_version", "1"}, {"year", "2025"}, {"target", "101"}},
          {{"layanan", " \n "}, {"questionnaire_version", "1"}},
          {{"layanan", "KTP-el"}, {"questionnaire_version", "satu"}}}) {
        const Reply r = admin.post("/publish", bad);
        EXPECT_EQ(r.status, 400) << r.body;
        EXPECT_NE(r.body.find("Tidak ada yang diterbitkan"), std::string::npos);
    }
    EXPECT_FALSE(hub.hub().published_config("Sukamaju").has_value());

    const Reply ok = admin.post("/publish", {{"kecamatan", "Sukamaju"},
                                             {"layanan", "KTP-el\r\n  Kartu Keluarga \n\n" + kScript},
                                             {"questionnaire_version", "1"},
                                             {"year", "2025"},
                                             {"target", "85.50"}});
    EXPECT_EQ(ok.status, 200) << ok.body;
    expect_inert(ok.body, "publish answer");
    const auto config = hub.hub().published_config("Sukamaju");
    ASSERT_TRUE(config.has_value());
    EXPECT_EQ(config->version, 1);
    EXPECT_EQ(config->layanan, (std::vector<std::string>{"KTP-el", "Kartu Keluarga", kScript}));
    ASSERT_EQ(config->targets.size(), 1u);
    EXPECT_EQ(config->targets[0].target, "85.50");
    EXPECT_FALSE(hub.hub().published_config("Sukamakmur").has_value());  // only that kecamatan
    EXPECT_EQ(hub.count("SELECT count(*) FROM web_audit WHERE action = 'config_publish'"), 1);
}

TEST_P(WebPublish, AViewerCannotPublish) {
    Browser viewer = signed_in("viewer", kViewerPassword);
    EXPECT_EQ(viewer.get("/publish").status, 403);
    EXPECT_EQ(viewer.post("/publish", {{"layanan", "KTP-el"}, {"questionnaire_version", "1"}}).status, 403);
    EXPECT_FALSE(hub.hub().published_config("").has_value());
}

}  // namespace
}  // namespace skm::hub::web::testing
