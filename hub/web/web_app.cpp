// Index: [security headers] [authentication] [dispatch]
#include "hub/web/web_app.hpp"

#include "hub/device_token.hpp"
#include "hub/web/password.hpp"
#include "hub/web/routes.hpp"
#include "hub/web/web_pages.hpp"

#include <algorithm>

namespace skm::hub::web {
namespace {

// ---- [security headers] --------------------------------------------------------

WebResponse with_security_headers(WebResponse r) {
    // No script at all; styles only from /static; forms only back to us; no framing.
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                           "frame-ancestors 'none'; base-uri 'none'");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("X-Frame-Options", "DENY");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    // Strict-Transport-Security comes from whoever terminates TLS (hub/server or nginx).
    // Nothing is kept but what says it may be (the stylesheet).
    const bool cacheable = std::any_of(r.headers.begin(), r.headers.end(), [](const auto& h) { return h.first == "Cache-Control"; });
    if (!cacheable) r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

std::string chosen_language(const WebRequest& req, bool& from_query) {
    from_query = false;
    if (const auto lang = req.param("lang"); lang && formats::Catalogs::offered(*lang)) {
        from_query = true;
        return *lang;
    }
    if (const auto lang = cookie_value(req.cookie_header, "skm_lang"); lang && formats::Catalogs::offered(*lang)) return *lang;
    return "id";
}

bool is_api(const std::string& path) { return path.rfind("/api/", 0) == 0; }

WebResponse unauthenticated(const WebRequest& req) {
    if (is_api(req.path) || req.method != "GET") {
        WebResponse r;
        r.status = 401;
        r.content_type = "application/json";
        r.body = R"({"error":"web.sign_in_required","where":""})";
        return r;
    }
    return redirect("/login");
}

}  // namespace

WebApp::WebApp(HubStore& hub_in, WebStore& store_in, store::Clock& clock_in, const formats::Catalogs& texts_in,
               const WebAssets& assets_in, formats::Questionnaire questionnaire_in, WebOptions options_in)
    : hub(hub_in),
      store(store_in),
      clock(clock_in),
      texts(texts_in),
      assets(assets_in),
      questionnaire(std::move(questionnaire_in)),
      options(std::move(options_in)),
      sessions(store_in, clock_in, options.session_lifetime_s),
      limiter(clock_in, options.login_limits),
      tallies(store_in, hub_in.scheme()),
      dummy_hash(hash_password(new_token())) {}

// ---- [dispatch] ----------------------------------------------------------------

WebResponse WebApp::handle(const WebRequest& req) {
    const Route* route = nullptr;
    for (const Route& r : dashboard_routes()) {
        if (r.path == req.path && r.answers(req.method)) route = &r;
    }
    if (route && route->access == Access::everyone) {
        // One answer for all: neither a cookie nor a session changes it, and it sets none.
        const auto lang = req.param("lang");
        const bool offered = lang && formats::Catalogs::offered(*lang);
        const PageContext c{*this, req, texts.of(offered ? *lang : "id"), std::nullopt};
        return with_security_headers(route->handler(c));
    }
    bool lang_from_query = false;
    const std::string lang = chosen_language(req, lang_from_query);
    PageContext c{*this, req, texts.of(lang), std::nullopt};
    const auto finish = [&](WebResponse r) {
        if (lang_from_query) {
            r.headers.emplace_back("Set-Cookie", "skm_lang=" + lang + "; Max-Age=31536000; Path=/; Secure; SameSite=Strict");
        }
        return with_security_headers(std::move(r));
    };
    if (route && route->access == Access::anyone) return finish(route->handler(c));
    // A survey link's page: the link is the permission (hub/link_check), not a session.
    if (is_link_survey_path(req.path) && (req.method == "GET" || req.method == "HEAD" || req.method == "POST")) {
        return finish(link_survey(c));
    }

    // ---- [authentication] ----
    // Before anything else, so a stranger learns nothing, not even which paths exist.
    if (const auto id = cookie_value(req.cookie_header, kSessionCookie)) c.who = sessions.find(*id);
    if (!c.who) return finish(unauthenticated(req));
    if (req.method == "POST") {
        // Every form carries the session's token; a page of another site cannot know it.
        const auto sent = req.param("csrf");
        if (!sent || !csrf_matches(*sent, c.who->session.csrf_token)) return finish(error_page(c, 403, "web.csrf_failed"));
    }
    if (!route) {
        const std::string allow = allowed_methods(req.path);
        if (allow.empty()) return finish(error_page(c, 404, "web.not_found"));
        WebResponse r = error_page(c, 405, "web.not_found");
        r.headers.emplace_back("Allow", allow);
        return finish(std::move(r));
    }
    if (route->access == Access::admin && !c.admin()) return finish(error_page(c, 403, "web.admin_only"));
    return finish(route->handler(c));
}

}  // namespace skm::hub::web
