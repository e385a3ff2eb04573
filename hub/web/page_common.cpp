#include "hub/web/web_pages.hpp"

#include "store/clock.hpp"

#include <cctype>

namespace skm::hub::web {
namespace {

// This page again (GET only, without lang), for the language links. After a
// POST, the page of the same path (the login page stays the login page).
std::string this_page(const WebRequest& request) {
    std::string here = request.method == "GET" || request.path == "/login" ? request.path : "/overview";
    if (request.method == "GET") {
        char joiner = '?';
        for (const auto& [name, value] : request.params) {
            if (name == "lang") continue;
            here += joiner + url_encode(name) + "=" + url_encode(value);
            joiner = '&';
        }
    }
    return here;
}

Data nav_item(const PageContext& c, const std::string& active, const std::string& id, const std::string& key) {
    return Fields{{"href", "/" + id}, {"label", c.t.text(key)}, {"on", flag(active == id)}};
}

}  // namespace

WebResponse PageContext::render(int status, const std::string& title, const std::string& active,
                                const std::string& content, Data data) const {
    data.set("lang", t.lang());
    data.set("title", title);
    data.set("stylesheet_version", app.assets.stylesheet_version());
    data.set("signed_in", flag(who.has_value()));
    if (who) {
        DataList nav{nav_item(*this, active, "overview", "web.nav.overview"), nav_item(*this, active, "devices", "web.nav.devices")};
        if (admin()) {
            for (const auto& [id, key] : {std::pair{"targets", "web.nav.targets"}, {"publish", "web.nav.publish"}, {"users", "web.nav.users"}, {"alerts", "web.nav.signals"}}) {
                nav.push_back(nav_item(*this, active, id, key));
            }
        }
        data.set("nav", nav);
        data.set("username", who->user.username);
        data.set("csrf", who->session.csrf_token);
    }
    const std::string here = this_page(request);
    const char joiner = here.find('?') == std::string::npos ? '?' : '&';
    DataList langs;
    for (const auto lang : formats::kLanguages) {
        std::string label(lang);
        for (char& ch : label) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        langs.push_back(Fields{{"href", here + joiner + "lang=" + std::string(lang)},
                               {"code", std::string(lang)},
                               {"label", label},
                               {"on", flag(t.lang() == lang)}});
    }
    data.set("langs", langs);
    return html_response(status, app.assets.page(content, data, t));
}

std::string PageContext::now_text() const { return store::iso8601(app.clock.wall_now()); }

std::string PageContext::number(const scoring::Decimal& value) const { return value.str(t.decimal_separator()); }

std::optional<WebPeriod> PageContext::period() const {
    const auto text = request.param("period");
    if (!text || text->empty()) return parse_web_period(std::to_string(app.clock.wall_now().date.year));
    return parse_web_period(*text);
}

void PageContext::audit(const std::string& action, const std::string& detail) const {
    app.store.audit({now_text(), who ? who->user.username : "", action, detail});
}

WebResponse html_response(int status, std::string body) {
    WebResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

WebResponse redirect(const std::string& location) {
    WebResponse r;
    r.status = 303;
    r.headers.emplace_back("Location", location);
    return r;
}

WebResponse error_page(const PageContext& c, int status, const std::string& key) {
    return c.render(status, c.t.text("web.error_title"), "", "error", Fields{{"message", c.t.text(key)}});
}

Data optional_text(const std::optional<std::string>& text) { return text ? Data(*text) : flag(false); }

void set_notice(Data& data, const PageNotice& notice) {
    data.set("error", optional_text(notice.error.empty() ? std::nullopt : std::optional(notice.error)));
    data.set("notice", optional_text(notice.notice.empty() ? std::nullopt : std::optional(notice.notice)));
    data.set("token", optional_text(notice.token.empty() ? std::nullopt : std::optional(notice.token)));
    data.set("notice_id", optional_text(notice.token.empty() ? std::nullopt : std::optional<std::string>("token")));
}

void set_period_select(const PageContext& c, Data& data, const WebPeriod& current,
                       const std::vector<std::pair<std::string, std::string>>& keep) {
    const int this_year = c.app.clock.wall_now().date.year;
    DataList periods;
    bool listed = false;
    for (int year = this_year; year >= this_year - 3; --year) {
        const std::string y = std::to_string(year);
        for (const std::string& key : {y, y + "-S1", y + "-S2", y + "-TW1", y + "-TW2", y + "-TW3", y + "-TW4"}) {
            const bool on = key == current.key;
            listed = listed || on;
            periods.push_back(Fields{{"key", key}, {"selected", flag(on)}});
        }
    }
    if (!listed) periods.push_back(Fields{{"key", current.key}, {"selected", flag(true)}});
    DataList kept;
    for (const auto& [name, value] : keep) kept.push_back(Fields{{"name", name}, {"value", value}});
    data.set("periods", periods);
    data.set("keep", kept);
}

bool good_name(const std::string& value) {
    if (value.empty() || value.size() > 200) return false;
    for (const char c : value) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
    return true;
}

std::string time_text(const std::string& iso) {
    std::string out = iso.substr(0, 16);
    if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
    return out;
}

Data mutu_data(const PageContext& c, const std::optional<scoring::Mutu>& mutu) {
    if (!mutu) return flag(false);
    const std::string letter(1, scoring::mutu_letter(*mutu));
    return Fields{{"letter", letter}, {"title", c.t.text("kinerja." + letter)}};
}

Data kpi(const std::string& value, const std::string& label) {
    return Fields{{"value", value}, {"label", label}, {"badge", flag(false)}, {"mutu", flag(false)}};
}

Data kpi_badge(const PageContext& c, const std::optional<scoring::Mutu>& mutu, const std::string& label) {
    return Fields{{"value", ""}, {"label", label}, {"badge", flag(true)}, {"mutu", mutu_data(c, mutu)}};
}

}  // namespace skm::hub::web
