// Index: [security headers] [authentication] [dispatch]
#include "hub/web/web_app.hpp"

#include "hub/device_token.hpp"
#include "hub/web/password.hpp"
#include "hub/web/web_pages.hpp"

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
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

std::string chosen_language(const WebRequest& req, bool& from_query) {
    from_query = false;
    if (const auto lang = req.param("lang"); lang && WebTexts::offered(*lang)) {
        from_query = true;
        return *lang;
    }
    if (const auto lang = cookie_value(req.cookie_header, "skm_lang"); lang && WebTexts::offered(*lang)) return *lang;
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

WebApp::WebApp(HubStore& hub_in, WebStore& store_in, store::Clock& clock_in, const WebTexts& texts_in,
               formats::Questionnaire questionnaire_in, WebOptions options_in)
    : hub(hub_in),
      store(store_in),
      clock(clock_in),
      texts(texts_in),
      questionnaire(std::move(questionnaire_in)),
      options(std::move(options_in)),
      sessions(store_in, clock_in, options.session_lifetime_s),
      limiter(clock_in, options.login_limits),
      tallies(store_in, hub_in.scheme()),
      dummy_hash(hash_password(new_token())) {}

// ---- [dispatch] ----------------------------------------------------------------

WebResponse WebApp::handle(const WebRequest& req) {
    bool lang_from_query = false;
    const std::string lang = chosen_language(req, lang_from_query);
    PageContext c{*this, req, texts.of(lang), std::nullopt};
    const auto finish = [&](WebResponse r) {
        if (lang_from_query) {
            r.headers.emplace_back("Set-Cookie", "skm_lang=" + lang + "; Max-Age=31536000; Path=/; Secure; SameSite=Strict");
        }
        return with_security_headers(std::move(r));
    };
    const bool get = req.method == "GET" || req.method == "HEAD";
    const bool post = req.method == "POST";

    if (get && req.path == "/static/web.css") {
        WebResponse r;
        r.content_type = "text/css; charset=utf-8";
        r.body = std::string(stylesheet());
        return finish(std::move(r));
    }
    if (get && req.path == "/favicon.ico") {
        WebResponse r;
        r.status = 204;  // none: browsers ask on their own, and must not be sent to the login page
        return finish(std::move(r));
    }
    if (req.path == "/login") {
        if (get) return finish(login_form(c, ""));
        if (post) return finish(login_submit(c));
    }

    // ---- [authentication] ----
    if (const auto id = cookie_value(req.cookie_header, kSessionCookie)) c.who = sessions.find(*id);
    if (!c.who) return finish(unauthenticated(req));
    if (post) {
        // Every form carries the session's token; a page of another site cannot know it.
        const auto sent = req.param("csrf");
        if (!sent || !csrf_matches(*sent, c.who->session.csrf_token)) return finish(error_page(c, 403, "web.csrf_failed"));
    }
    if (!get && !post) return finish(error_page(c, 405, "web.not_found"));

    if (req.path == "/logout" && post) return finish(logout(c));
    if (get && (req.path == "/" || req.path == "/overview")) {
        return finish(req.path == "/" ? redirect("/overview") : overview_page(c));
    }
    if (get && req.path == "/kecamatan") return finish(kecamatan_page(c));
    if (get && req.path == "/devices") return finish(devices_page(c));
    if (get && req.path == "/export/recap.csv") return finish(export_recap(c, false));
    if (get && req.path == "/export/recap.xlsx") return finish(export_recap(c, true));
    if (get && req.path == "/export/kecamatan.pdf") return finish(export_kecamatan_pdf(c));

    const bool admin_route = req.path == "/devices/enroll" || req.path == "/devices/revoke" || req.path == "/targets" ||
                             req.path == "/users" || req.path == "/publish";
    if (admin_route && !c.admin()) return finish(error_page(c, 403, "web.admin_only"));
    if (post && req.path == "/devices/enroll") return finish(devices_enroll(c));
    if (post && req.path == "/devices/revoke") return finish(devices_revoke(c));
    if (req.path == "/targets") return finish(get ? targets_page(c) : targets_submit(c));
    if (req.path == "/users") return finish(get ? users_page(c) : users_submit(c));
    if (req.path == "/publish") return finish(get ? publish_page(c) : publish_submit(c));
    return finish(error_page(c, 404, "web.not_found"));
}

}  // namespace skm::hub::web
