// Admin pages: yearly targets and populations per kecamatan (the overview's
// "below target" and sample coverage), and dashboard users with the audit
// log. Both only for the admin role (checked in WebApp::handle).
#include "hub/web/password.hpp"
#include "hub/web/web_pages.hpp"

#include <charconv>

namespace skm::hub::web {
namespace {

std::optional<std::int64_t> whole_number(const std::string& text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

bool good_username(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (const char c : name) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
    return true;
}

std::string error_box(const PageContext& c, const std::string& key) {
    return key.empty() ? "" : "<div class=\"error\" role=\"alert\">" + esc(c.t.text(key)) + "</div>";
}

}  // namespace

WebResponse targets_page(const PageContext& c, const std::string& error_key) {
    const auto& t = c.t;
    const int year = static_cast<int>(whole_number(c.request.param("year").value_or("")).value_or(c.app.clock.wall_now().date.year));
    std::string b = "<h1>" + esc(t.format("web.targets.title", {{"year", std::to_string(year)}})) + "</h1>" + error_box(c, error_key);
    b += "<div class=\"card scroll\"><table id=\"targets\"><thead><tr><th>" + esc(t.text("web.col.kecamatan")) +
         "</th><th class=\"n\">" + esc(t.text("web.col.target")) + "</th><th class=\"n\">" + esc(t.text("web.col.population")) +
         "</th></tr></thead><tbody>";
    for (const auto& target : c.app.store.targets(year)) {
        b += "<tr><td>" + (target.kecamatan.empty() ? "<em>" + esc(t.text("web.targets.default")) + "</em>" : esc(target.kecamatan)) +
             "</td><td class=\"n\">" + esc(target.target_ikm.value_or("—")) + "</td><td class=\"n\">" +
             (target.population ? std::to_string(*target.population) : "—") + "</td></tr>";
    }
    b += "</tbody></table></div>";
    b += "<h2>" + esc(t.text("web.targets.set")) + "</h2><form method=\"post\" action=\"/targets\" class=\"bar card\">" +
         csrf_field(c.who->session.csrf_token) + "<div><label for=\"year\">" + esc(t.text("web.col.year")) +
         "</label><input id=\"year\" name=\"year\" inputmode=\"numeric\" value=\"" + std::to_string(year) +
         "\" required></div><div><label for=\"kecamatan\">" + esc(t.text("web.targets.kecamatan_or_default")) +
         "</label><input id=\"kecamatan\" name=\"kecamatan\" maxlength=\"200\"></div><div><label for=\"target\">" +
         esc(t.text("web.col.target")) + "</label><input id=\"target\" name=\"target\" inputmode=\"decimal\" placeholder=\"82.50\"></div>"
         "<div><label for=\"population\">" + esc(t.text("web.col.population")) +
         "</label><input id=\"population\" name=\"population\" inputmode=\"numeric\"></div><button type=\"submit\">" +
         esc(t.text("web.save")) + "</button></form>";
    return html_response(error_key.empty() ? 200 : 400, page(c.frame(t.text("web.nav.targets"), "targets"), b));
}

WebResponse targets_submit(const PageContext& c) {
    const auto year = whole_number(c.request.param("year").value_or(""));
    const std::string kecamatan = c.request.param("kecamatan").value_or("");
    const std::string target_text = c.request.param("target").value_or("");
    const std::string population_text = c.request.param("population").value_or("");
    Target target;
    if (!year || *year < 2000 || *year > 2200 || kecamatan.size() > 200) return targets_page(c, "web.targets.bad");
    target.year = static_cast<int>(*year);
    target.kecamatan = kecamatan;
    if (!target_text.empty()) {
        const auto value = scoring::parse_decimal(target_text);
        if (!value || value->value() < 25 || value->value() > 100) return targets_page(c, "web.targets.bad");
        target.target_ikm = value->str();
    }
    if (!population_text.empty()) {
        target.population = whole_number(population_text);
        if (!target.population) return targets_page(c, "web.targets.bad");
    }
    c.app.store.set_target(target);
    c.audit("target_set", std::to_string(target.year) + " " + kecamatan + " " + target_text + " " + population_text);
    return targets_page(c);
}

WebResponse users_page(const PageContext& c, const std::string& error_key) {
    const auto& t = c.t;
    std::string b = "<h1>" + esc(t.text("web.users.title")) + "</h1>" + error_box(c, error_key);
    b += "<div class=\"card scroll\"><table id=\"users\"><thead><tr><th>" + esc(t.text("web.col.username")) + "</th><th>" +
         esc(t.text("web.col.role")) + "</th><th>" + esc(t.text("web.col.created")) + "</th></tr></thead><tbody>";
    for (const auto& u : c.app.store.users()) {
        b += "<tr><td>" + esc(u.username) + "</td><td>" + esc(t.text(std::string("web.role.") + std::string(role_name(u.role)))) +
             "</td><td>" + esc(time_text(u.created_at)) + "</td></tr>";
    }
    b += "</tbody></table></div>";
    b += "<h2>" + esc(t.text("web.users.add")) + "</h2><form method=\"post\" action=\"/users\" class=\"bar card\">" +
         csrf_field(c.who->session.csrf_token) + "<div><label for=\"username\">" + esc(t.text("web.col.username")) +
         "</label><input id=\"username\" name=\"username\" required maxlength=\"64\" autocomplete=\"off\"></div>"
         "<div><label for=\"password\">" + esc(t.text("web.login.password")) +
         "</label><input id=\"password\" name=\"password\" type=\"password\" required minlength=\"10\" autocomplete=\"new-password\"></div>"
         "<div><label for=\"role\">" + esc(t.text("web.col.role")) + "</label><select id=\"role\" name=\"role\"><option value=\"viewer\">" +
         esc(t.text("web.role.viewer")) + "</option><option value=\"admin\">" + esc(t.text("web.role.admin")) +
         "</option></select></div><button type=\"submit\">" + esc(t.text("web.users.add")) + "</button></form>";
    b += "<h2>" + esc(t.text("web.audit.title")) + "</h2><div class=\"card scroll\"><table id=\"audit\"><thead><tr><th>" +
         esc(t.text("web.col.time")) + "</th><th>" + esc(t.text("web.col.username")) + "</th><th>" + esc(t.text("web.col.action")) +
         "</th><th>" + esc(t.text("web.col.detail")) + "</th></tr></thead><tbody>";
    for (const auto& a : c.app.store.audit_log(50)) {
        b += "<tr><td>" + esc(time_text(a.at)) + "</td><td>" + esc(a.username) + "</td><td>" + esc(a.action) + "</td><td>" +
             esc(a.detail) + "</td></tr>";
    }
    b += "</tbody></table></div>";
    return html_response(error_key.empty() ? 200 : 400, page(c.frame(t.text("web.users.title"), "users"), b));
}

WebResponse users_submit(const PageContext& c) {
    const std::string username = c.request.param("username").value_or("");
    const std::string password = c.request.param("password").value_or("");
    const auto role = parse_role(c.request.param("role").value_or(""));
    if (!good_username(username) || !role) return users_page(c, "web.users.bad_username");
    if (password.size() < 10 || password.size() > 200) return users_page(c, "web.password_weak");
    try {
        c.app.store.add_user({username, hash_password(password), *role, c.now_text()});
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::input) throw;
        return users_page(c, "web.user_exists");
    }
    c.audit("user_add", username + " (" + std::string(role_name(*role)) + ")");
    return users_page(c);
}

}  // namespace skm::hub::web
