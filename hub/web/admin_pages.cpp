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

PageNotice error_notice(const PageContext& c, const std::string& key) {
    return PageNotice::of_error(key.empty() ? "" : c.t.text(key));
}

}  // namespace

WebResponse targets_page(const PageContext& c, const std::string& error_key) {
    const auto& t = c.t;
    const int year = static_cast<int>(whole_number(c.request.param("year").value_or("")).value_or(c.app.clock.wall_now().date.year));
    DataList targets;
    for (const auto& target : c.app.store.targets(year)) {
        targets.push_back(Fields{{"kecamatan", target.kecamatan.empty() ? flag(false) : Data(target.kecamatan)},
                                 {"target", target.target_ikm.value_or("—")},
                                 {"population", target.population ? std::to_string(*target.population) : "—"}});
    }
    Data data = Fields{{"heading", t.format("web.targets.title", {{"year", std::to_string(year)}})},
                       {"targets", targets},
                       {"year", std::to_string(year)}};
    set_notice(data, error_notice(c, error_key));
    return c.render(error_key.empty() ? 200 : 400, t.text("web.nav.targets"), "targets", "targets", std::move(data));
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
    DataList users;
    for (const auto& u : c.app.store.users()) {
        users.push_back(Fields{{"name", u.username},
                               {"role", t.text(std::string("web.role.") + std::string(role_name(u.role)))},
                               {"created", time_text(u.created_at)}});
    }
    DataList audit;
    for (const auto& a : c.app.store.audit_log(50)) {
        audit.push_back(Fields{{"time", time_text(a.at)}, {"name", a.username}, {"action", a.action}, {"detail", a.detail}});
    }
    Data data = Fields{{"users", users}, {"audit", audit}};
    set_notice(data, error_notice(c, error_key));
    return c.render(error_key.empty() ? 200 : 400, t.text("web.users.title"), "users", "users", std::move(data));
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
