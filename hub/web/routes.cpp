#include "hub/web/routes.hpp"

#include "hub/web/web_pages.hpp"

#include <array>

namespace skm::hub::web {
namespace {

WebResponse stylesheet(const PageContext& c) {
    WebResponse r;
    r.content_type = "text/css; charset=utf-8";
    r.body = c.app.assets.stylesheet();
    // Linked with its version in the URL (layout.mustache): the same URL
    // always has the same bytes, so browsers keep it.
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
    return r;
}

WebResponse no_favicon(const PageContext&) {
    WebResponse r;
    r.status = 204;  // none: browsers ask on their own, and must not be sent to the login page
    return r;
}

WebResponse sign_in_form(const PageContext& c) { return login_form(c, ""); }
WebResponse home(const PageContext&) { return redirect("/overview"); }
WebResponse recap_csv(const PageContext& c) { return export_recap(c, false); }
WebResponse recap_xlsx(const PageContext& c) { return export_recap(c, true); }
WebResponse devices(const PageContext& c) { return devices_page(c); }
WebResponse poster_pdf(const PageContext& c) { return export_poster(c, false); }
WebResponse poster_png(const PageContext& c) { return export_poster(c, true); }
WebResponse targets(const PageContext& c) { return targets_page(c); }
WebResponse users(const PageContext& c) { return users_page(c); }
WebResponse publish(const PageContext& c) { return publish_page(c); }
WebResponse alerts(const PageContext& c) { return alerts_page(c); }

constexpr std::array kRoutes{
    Route(Method::get, "/static/web.css", Access::anyone, stylesheet),
    Route(Method::get, "/favicon.ico", Access::anyone, no_favicon),
    Route(Method::get, "/login", Access::anyone, sign_in_form),
    Route(Method::post, "/login", Access::anyone, login_submit),
    Route(Method::post, "/logout", Access::viewer, logout),
    Route(Method::get, "/", Access::viewer, home),
    Route(Method::get, "/overview", Access::viewer, overview_page),
    Route(Method::get, "/kecamatan", Access::viewer, kecamatan_page),
    Route(Method::get, "/devices", Access::viewer, devices),
    Route(Method::get, "/export/recap.csv", Access::viewer, recap_csv),
    Route(Method::get, "/export/recap.xlsx", Access::viewer, recap_xlsx),
    Route(Method::get, "/export/kecamatan.pdf", Access::viewer, export_kecamatan_pdf),
    Route(Method::get, "/export/poster.pdf", Access::viewer, poster_pdf),
    Route(Method::get, "/export/poster.png", Access::viewer, poster_png),
    Route(Method::post, "/devices/enroll", Access::admin, devices_enroll),
    Route(Method::post, "/devices/revoke", Access::admin, devices_revoke),
    Route(Method::get, "/targets", Access::admin, targets),
    Route(Method::post, "/targets", Access::admin, targets_submit),
    Route(Method::get, "/users", Access::admin, users),
    Route(Method::post, "/users", Access::admin, users_submit),
    Route(Method::get, "/publish", Access::admin, publish),
    Route(Method::post, "/publish", Access::admin, publish_submit),
    Route(Method::get, "/public", Access::everyone, public_page),
    Route(Method::get, "/public/data.csv", Access::everyone, public_data_csv),
    Route(Method::get, "/public/data.json", Access::everyone, public_data_json),
    Route(Method::post, "/publish/public", Access::admin, publish_public_submit),
    Route(Method::get, "/alerts", Access::admin, alerts),
    Route(Method::post, "/alerts", Access::admin, alerts_submit),
};

}  // namespace

std::span<const Route> dashboard_routes() { return kRoutes; }

std::string allowed_methods(std::string_view path) {
    std::string allow;
    for (const Route& route : kRoutes) {
        if (route.path != path) continue;
        allow += std::string(allow.empty() ? "" : ", ") + (route.method == Method::get ? "GET, HEAD" : "POST");
    }
    return allow;
}

}  // namespace skm::hub::web
