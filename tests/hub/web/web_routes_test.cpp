// The dashboard's route table: every route says who may use it (the type
// allows nothing else), and the dispatcher enforces it for every route of the
// table, over real HTTPS: a stranger is sent to sign in (GET) or refused (POST),
// a viewer is refused every admin route and changes nothing, an unknown path
// is 404 and a known path with another method 405 with Allow.
#include "formats/file_content.hpp"
#include "hub/web/routes.hpp"
#include "tests/hub/web/web_test_support.hpp"

#include <gtest/gtest.h>

#include <set>
#include <type_traits>

namespace skm::hub::web::testing {
namespace {

// A route cannot be written without its access: no default, no aggregate
// initialisation, no constructor that leaves the access out. (A change that
// allows one stops this file from compiling.)
static_assert(!std::is_default_constructible_v<Route>);
static_assert(!std::is_aggregate_v<Route>);
static_assert(!std::is_constructible_v<Route, Method, std::string_view, PageHandler>);
static_assert(!std::is_constructible_v<Route, std::string_view, PageHandler>);
static_assert(std::is_constructible_v<Route, Method, std::string_view, Access, PageHandler>);

// A form that would change something on every POST route, were it let through.
const httplib::Params kForm = {{"device", "kiosk-1"}, {"kecamatan", "Sukamakmur"}, {"username", "eve"},
                               {"password", "0123456789abc"}, {"role", "admin"}, {"year", "2025"},
                               {"target", "90"}, {"layanan", "KTP-el"}, {"questionnaire_version", "1"},
                               {"action", "add"}, {"period", "2025"}};

std::string method_name(Method m) { return m == Method::get ? "GET" : "POST"; }

class WebRoutes : public ::testing::Test {
protected:
    void SetUp() override { add_admin_viewer_and_kiosk(hub); }
    Browser signed_in(const std::string& user, const std::string& password) { return sign_in(hub, user, password); }
    Reply send(Browser& b, const Route& route) {
        return route.method == Method::get ? b.get(std::string(route.path)) : b.post(std::string(route.path), kForm);
    }
    void expect_nothing_changed() {
        EXPECT_EQ(hub.count("SELECT count(*) FROM devices"), 1);
        EXPECT_EQ(hub.count("SELECT count(*) FROM devices WHERE revoked_at IS NOT NULL"), 0);
        EXPECT_EQ(hub.count("SELECT count(*) FROM web_users"), 2);
        EXPECT_EQ(hub.count("SELECT count(*) FROM web_targets"), 0);
        EXPECT_EQ(hub.count("SELECT count(*) FROM published_configs"), 0);
        EXPECT_EQ(hub.count("SELECT count(*) FROM public_periods"), 0);
    }

    WebHub hub{Backend::sqlite};
};

TEST_F(WebRoutes, TheTableHasEachMethodAndPathOnceAndOnlySignInAndStaticFilesOpen) {
    std::set<std::pair<Method, std::string_view>> seen;
    std::set<std::string_view> open;
    std::set<std::pair<Method, std::string_view>> published;
    for (const Route& route : dashboard_routes()) {
        EXPECT_TRUE(seen.emplace(route.method, route.path).second) << method_name(route.method) << " " << route.path;
        EXPECT_NE(route.handler, nullptr) << route.path;
        if (route.access == Access::anyone) open.insert(route.path);
        if (route.access == Access::everyone) published.emplace(route.method, route.path);
    }
    EXPECT_EQ(open, (std::set<std::string_view>{"/login", "/static/web.css", "/favicon.ico"}));
    // The public page and its open data: read only.
    EXPECT_EQ(published, (std::set<std::pair<Method, std::string_view>>{
                             {Method::get, "/public"}, {Method::get, "/public/data.csv"}, {Method::get, "/public/data.json"}}));
    EXPECT_GE(seen.size(), 20u);
}

TEST_F(WebRoutes, EveryRouteButTheOpenOnesRefusesAStranger) {
    Browser stranger(hub);
    for (const Route& route : dashboard_routes()) {
        const std::string what = method_name(route.method) + " " + std::string(route.path);
        const Reply r = send(stranger, route);
        if ((route.access == Access::anyone || route.access == Access::everyone) && route.method == Method::get) {
            EXPECT_TRUE(r.status == 200 || r.status == 204) << what << " " << r.status;
        } else if (route.access == Access::anyone) {
            EXPECT_EQ(r.status, 401) << what << ": the sign-in form answers (eve has no account)";
        } else if (route.method == Method::get) {
            EXPECT_EQ(r.status, 303) << what;
            EXPECT_EQ(r.location, "/login") << what;
        } else {
            EXPECT_EQ(r.status, 401) << what;
            EXPECT_NE(r.body.find("web.sign_in_required"), std::string::npos) << what;
        }
        if (route.access != Access::anyone) {  // (nothing is public yet: the public page shows no kecamatan either)
            EXPECT_EQ(r.body.find("Sukamaju"), std::string::npos) << what;
        }
    }
    expect_nothing_changed();
}

TEST_F(WebRoutes, EveryAdminRouteRefusesAViewerAndChangesNothing) {
    Browser viewer = signed_in("viewer", kViewerPassword);
    const std::string refusal = esc(texts().of("id").text("web.admin_only"));
    std::size_t admin_routes = 0;
    for (const Route& route : dashboard_routes()) {
        if (route.access != Access::admin) continue;
        ++admin_routes;
        const std::string what = method_name(route.method) + " " + std::string(route.path);
        const Reply r = send(viewer, route);  // a POST with the viewer's own, valid CSRF token
        EXPECT_EQ(r.status, 403) << what;
        EXPECT_NE(r.body.find(refusal), std::string::npos) << what;
    }
    EXPECT_EQ(admin_routes, 11u);  // … with POST /publish/public and GET, POST /alerts (alert recipients)
    expect_nothing_changed();
    // And the viewer is still signed in and may read the pages of its role.
    for (const Route& route : dashboard_routes()) {
        if (route.access != Access::viewer || route.method != Method::get) continue;
        const Reply r = viewer.get(std::string(route.path) + "?name=Sukamaju&period=2025");
        // (The PDF answers 409: too few respondents. Not a refusal of the viewer.)
        EXPECT_TRUE(r.status == 200 || r.status == 303 || r.status == 409) << route.path << " " << r.status;
        EXPECT_NE(r.location, "/login") << route.path;
    }
}

TEST_F(WebRoutes, AnAdminReachesEveryAdminPage) {
    Browser admin = signed_in("admin", kAdminPassword);
    for (const Route& route : dashboard_routes()) {
        if (route.access != Access::admin || route.method != Method::get) continue;
        const Reply r = admin.get(std::string(route.path));
        EXPECT_EQ(r.status, 200) << route.path;
        EXPECT_EQ(r.body.find("{{"), std::string::npos) << route.path << ": a template tag left in the page";
    }
}

TEST_F(WebRoutes, UnknownPathIs404AndAnotherMethodIs405WithAllow) {
    Browser admin = signed_in("admin", kAdminPassword);
    EXPECT_EQ(admin.get("/no-such-page").status, 404);
    EXPECT_EQ(admin.post("/no-such-page", {}).status, 404);
    const Reply post_overview = admin.post("/overview", {});
    EXPECT_EQ(post_overview.status, 405);
    EXPECT_EQ(post_overview.header("Allow"), "GET, HEAD");
    const Reply get_enroll = admin.get("/devices/enroll");
    EXPECT_EQ(get_enroll.status, 405);
    EXPECT_EQ(get_enroll.header("Allow"), "POST");
    EXPECT_EQ(allowed_methods("/targets"), "GET, HEAD, POST");
    EXPECT_EQ(allowed_methods("/nowhere"), "");
}

TEST_F(WebRoutes, TheStylesheetIsTheAssetsFileAtACacheableVersionedUrl) {
    Browser admin = signed_in("admin", kAdminPassword);
    const Reply page = admin.get("/overview");
    const std::string link = "<link rel=\"stylesheet\" href=\"/static/web.css?v=" + assets().stylesheet_version() + "\">";
    EXPECT_NE(page.body.find(link), std::string::npos) << page.body.substr(0, 600);
    EXPECT_EQ(page.header("Cache-Control"), "no-store");
    const Reply css = Browser(hub).get("/static/web.css?v=" + assets().stylesheet_version());
    EXPECT_EQ(css.status, 200);
    EXPECT_EQ(css.body, formats::read_text_file(fs::path(SKM_SOURCE_DIR) / "assets" / "web" / "dashboard.css"));
    EXPECT_EQ(css.header("Content-Type"), "text/css; charset=utf-8");
    EXPECT_EQ(css.header("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_NE(css.header("Content-Security-Policy"), std::nullopt);
}

}  // namespace
}  // namespace skm::hub::web::testing
