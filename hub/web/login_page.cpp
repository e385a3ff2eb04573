// Sign-in and sign-out. The login form has no session yet, so its CSRF
// token is a double-submit cookie: a random value in a SameSite=Strict
// cookie that the form must repeat. Attempts are throttled per (username,
// client address) and per address (LoginLimiter): each is counted before the
// password check, and a refused one never reaches it. An unknown username
// costs the same argon2id check.
#include "hub/device_token.hpp"
#include "hub/web/password.hpp"
#include "hub/web/web_pages.hpp"

namespace skm::hub::web {
namespace {

constexpr const char* kLoginCookie = "skm_login_csrf";

// The browser's token when it has a plausible one (another tab, or a request
// for the favicon that was sent here, must not void the form on screen).
std::string login_token(const PageContext& c) {
    const auto held = cookie_value(c.request.cookie_header, kLoginCookie);
    const bool plausible = held && held->size() == 64 &&
                           held->find_first_not_of("0123456789abcdef") == std::string::npos;
    return plausible ? *held : new_token();
}

}  // namespace

WebResponse login_form(const PageContext& c, const std::string& error_key, int status, const ErrorArgs& error_args) {
    const std::string token = login_token(c);
    Data data = Fields{{"csrf", token},
                       {"error", error_key.empty() ? flag(false) : Data(c.t.format(error_key, error_args))}};
    WebResponse r = c.render(status, c.t.text("web.login.title"), "", "login", std::move(data));
    r.headers.emplace_back("Set-Cookie", std::string(kLoginCookie) + "=" + token +
                                             "; Max-Age=3600; Path=/login; Secure; HttpOnly; SameSite=Strict");
    return r;
}

WebResponse login_submit(const PageContext& c) {
    const auto& req = c.request;
    const auto sent = req.param("csrf");
    const auto expected = cookie_value(req.cookie_header, kLoginCookie);
    if (!sent || !expected || !csrf_matches(*sent, *expected)) return login_form(c, "web.csrf_failed", 403);

    const std::string username = req.param("username").value_or("");
    const std::string password = req.param("password").value_or("");
    // Counted as a failure before the check, so guesses sent in parallel are counted too.
    const LoginAdmission admission = c.app.limiter.reserve(username, req.remote_addr);
    if (!admission.granted) {
        // Once per wait: a flood of refused attempts cannot grow the audit log.
        if (admission.first_refusal) c.app.store.audit({c.now_text(), username, "login_throttled", req.remote_addr});
        const std::string seconds = std::to_string(admission.retry_after_s);
        WebResponse r = login_form(c, "web.login.too_many", 429, {{"seconds", seconds}});
        r.headers.emplace_back("Retry-After", seconds);
        return r;
    }
    const auto user = username.size() <= 64 ? c.app.store.user(username) : std::nullopt;
    const bool ok = verify_password(user ? user->password_hash : c.app.dummy_hash, password) && user.has_value();
    if (!ok) {
        c.app.store.audit({c.now_text(), username, "login_failed", req.remote_addr});
        return login_form(c, "web.login.failed", 401);
    }
    c.app.limiter.succeeded(username, req.remote_addr);
    const std::string id = c.app.sessions.open(*user);
    c.app.store.audit({c.now_text(), user->username, "login", req.remote_addr});
    WebResponse r = redirect("/overview");
    r.headers.emplace_back("Set-Cookie", Sessions::cookie(id, c.app.sessions.lifetime_s()));
    r.headers.emplace_back("Set-Cookie", std::string(kLoginCookie) + "=; Max-Age=0; Path=/login; Secure; HttpOnly; SameSite=Strict");
    return r;
}

WebResponse logout(const PageContext& c) {
    if (const auto id = cookie_value(c.request.cookie_header, kSessionCookie)) c.app.sessions.close(*id);
    c.audit("logout", "");
    WebResponse r = redirect("/login");
    r.headers.emplace_back("Set-Cookie", Sessions::expired_cookie());
    return r;
}

}  // namespace skm::hub::web
