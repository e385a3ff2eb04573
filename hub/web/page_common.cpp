#include "hub/web/web_pages.hpp"

#include "store/clock.hpp"

namespace skm::hub::web {

Frame PageContext::frame(std::string title, std::string active) const {
    Frame f;
    f.texts = &t;
    f.title = std::move(title);
    f.active = std::move(active);
    if (who) {
        f.username = who->user.username;
        f.admin = admin();
        f.csrf = who->session.csrf_token;
    }
    // This page again (GET only, without lang), for the language links.
    // After a POST, the page of the same path (the login page stays the login page).
    std::string here = request.method == "GET" || request.path == "/login" ? request.path : "/overview";
    if (request.method == "GET") {
        char joiner = '?';
        for (const auto& [name, value] : request.params) {
            if (name == "lang") continue;
            here += joiner + url_encode(name) + "=" + url_encode(value);
            joiner = '&';
        }
    }
    f.here = here;
    return f;
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
    const std::string body = "<h1>" + esc(c.t.text("web.error_title")) + "</h1><div class=\"error\">" +
                             esc(c.t.text(key)) + "</div><p><a href=\"/overview\">" + esc(c.t.text("web.back")) +
                             "</a></p>";
    return html_response(status, page(c.frame(c.t.text("web.error_title"), ""), body));
}

std::string period_select(const PageContext& c, const WebPeriod& current, const std::string& extra_hidden) {
    const int this_year = c.app.clock.wall_now().date.year;
    std::string s = "<form method=\"get\" class=\"bar\">" + extra_hidden + "<div><label for=\"period\">" +
                    esc(c.t.text("web.period")) + "</label><select id=\"period\" name=\"period\">";
    bool listed = false;
    for (int year = this_year; year >= this_year - 3; --year) {
        const std::string y = std::to_string(year);
        for (const std::string& key : {y, y + "-S1", y + "-S2", y + "-TW1", y + "-TW2", y + "-TW3", y + "-TW4"}) {
            const bool on = key == current.key;
            listed = listed || on;
            s += "<option value=\"" + key + "\"" + (on ? " selected" : "") + ">" + key + "</option>";
        }
    }
    if (!listed) s += "<option value=\"" + esc(current.key) + "\" selected>" + esc(current.key) + "</option>";
    s += "</select></div><button type=\"submit\">" + esc(c.t.text("web.show")) + "</button></form>";
    return s;
}

std::string time_text(const std::string& iso) {
    std::string out = iso.substr(0, 16);
    if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
    return out;
}

std::string mutu_badge(const PageContext& c, const std::optional<scoring::Mutu>& mutu) {
    if (!mutu) return "<span class=\"muted\">—</span>";
    const std::string letter(1, scoring::mutu_letter(*mutu));
    return "<span class=\"badge " + letter + "\" title=\"" + esc(c.t.text("kinerja." + letter)) + "\">" + letter +
           "</span>";
}

}  // namespace skm::hub::web
