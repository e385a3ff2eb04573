#include "hub/web/html.hpp"

namespace skm::hub::web {

std::string esc(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_' ||
            u == '.' || u == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

std::string csrf_field(std::string_view token) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(token) + "\">";
}

namespace {

std::string lang_link(const Frame& f, std::string_view lang, std::string_view label) {
    const std::string& here = f.here.empty() ? std::string("/overview") : f.here;
    const char joiner = here.find('?') == std::string::npos ? '?' : '&';
    const bool current = f.texts->lang() == lang;
    return std::string("<a href=\"") + esc(here) + joiner + "lang=" + std::string(lang) + "\"" +
           (current ? " class=\"on\" aria-current=\"true\"" : "") + " lang=\"" + std::string(lang) + "\">" +
           std::string(label) + "</a>";
}

std::string nav_item(const Frame& f, std::string_view id, std::string_view href, std::string_view key) {
    return std::string("<a href=\"") + std::string(href) + "\"" + (f.active == id ? " class=\"on\"" : "") + ">" +
           esc(f.texts->text(key)) + "</a>";
}

}  // namespace

std::string page(const Frame& f, std::string_view body) {
    const auto& t = *f.texts;
    std::string out;
    out.reserve(body.size() + 2048);
    out += "<!DOCTYPE html>\n<html lang=\"" + esc(t.lang()) + "\"><head><meta charset=\"utf-8\">";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
    out += "<title>" + esc(f.title) + " · " + esc(t.text("web.app_name")) + "</title>";
    out += "<link rel=\"stylesheet\" href=\"/static/web.css\"></head><body>";
    out += "<header class=\"top\"><div class=\"brand\">" + esc(t.text("web.app_name")) + "</div>";
    if (!f.username.empty()) {
        out += "<nav>";
        out += nav_item(f, "overview", "/overview", "web.nav.overview");
        out += nav_item(f, "devices", "/devices", "web.nav.devices");
        if (f.admin) {
            out += nav_item(f, "targets", "/targets", "web.nav.targets");
            out += nav_item(f, "publish", "/publish", "web.nav.publish");
            out += nav_item(f, "users", "/users", "web.nav.users");
        }
        out += "</nav>";
    }
    out += "<div class=\"side\"><span class=\"langs\">" + lang_link(f, "id", "ID") + lang_link(f, "en", "EN") +
           lang_link(f, "jv", "JV") + "</span>";
    if (!f.username.empty()) {
        out += "<form method=\"post\" action=\"/logout\" class=\"inline\">" + csrf_field(f.csrf) +
               "<span class=\"who\">" + esc(f.username) + "</span> <button type=\"submit\" class=\"link\">" +
               esc(t.text("web.sign_out")) + "</button></form>";
    }
    out += "</div></header><main>";
    out += body;
    out += "</main></body></html>\n";
    return out;
}

std::string_view stylesheet() {
    return R"css(
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans",system-ui,sans-serif;font-size:16px;color:#1c2430;background:#f4f6f8;line-height:1.4}
header.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.2rem;padding:.6rem 1rem;background:#0f4c81;color:#fff}
header.top a{color:#fff;text-decoration:none}
.brand{font-weight:700;font-size:1.05rem}
nav{display:flex;flex-wrap:wrap;gap:.2rem .9rem}
nav a{padding:.2rem 0;border-bottom:2px solid transparent}
nav a.on{border-bottom-color:#ffd166;font-weight:600}
.side{margin-left:auto;display:flex;align-items:center;gap:.8rem;flex-wrap:wrap}
.langs a{margin-left:.35rem;font-size:.85rem;opacity:.8}
.langs a.on{opacity:1;font-weight:700;text-decoration:underline}
.who{font-size:.9rem}
form.inline{display:inline}
button.link{background:none;border:1px solid #ffffff88;color:#fff;border-radius:4px;padding:.15rem .5rem;cursor:pointer;font-size:.85rem}
main{padding:1rem;max-width:1200px;margin:0 auto}
h1{font-size:1.4rem;margin:.2rem 0 .8rem}
h2{font-size:1.15rem;margin:1.4rem 0 .5rem}
.card{background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002;padding:1rem;margin-bottom:1rem}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:.8rem;margin-bottom:1rem}
.kpi{background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002;padding:.7rem .9rem}
.kpi .v{font-size:1.6rem;font-weight:700}
.kpi .badge{font-size:1.3rem;padding:.1rem .7rem;border-radius:14px}
.kpi .l{font-size:.8rem;color:#5a6573;text-transform:uppercase;letter-spacing:.03em}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.95rem}
th,td{padding:.45rem .6rem;border-bottom:1px solid #e3e7ec;text-align:left;white-space:nowrap}
th a{color:#0f4c81;text-decoration:none}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.below td{background:#fff1f0}
tr.below td:first-child{border-left:4px solid #c0392b}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:10px;font-size:.8rem;font-weight:700;color:#fff;background:#6c7a89}
.badge.A{background:#1e8449}.badge.B{background:#2e86c1}.badge.C{background:#d68910}.badge.D{background:#c0392b}
.up{color:#1e8449}.down{color:#c0392b}.muted{color:#6c7a89}
.warn{color:#c0392b;font-weight:600}
.pill{display:inline-block;margin-left:.4rem;padding:0 .4rem;border-radius:8px;background:#c0392b;color:#fff;font-size:.72rem;font-weight:600;vertical-align:middle}
form.bar{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:1rem}
label{display:block;font-size:.85rem;color:#3d4856}
input,select,textarea{font:inherit;padding:.4rem .5rem;border:1px solid #b8c2cc;border-radius:4px;background:#fff;max-width:100%}
button,.button{font:inherit;padding:.45rem .9rem;border:0;border-radius:4px;background:#0f4c81;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.danger{background:#c0392b}
.login{max-width:380px;margin:3rem auto}
.login input{width:100%;margin-bottom:.8rem}
.error{background:#fdecea;color:#8e1b10;border-radius:4px;padding:.6rem .8rem;margin-bottom:1rem}
.notice{background:#e8f4fd;color:#0f4c81;border-radius:4px;padding:.6rem .8rem;margin-bottom:1rem;word-break:break-all}
ul.saran{list-style:none;padding:0;margin:0}
ul.saran li{background:#fff;border-radius:6px;padding:.6rem .8rem;margin-bottom:.5rem;box-shadow:0 1px 2px #0001;white-space:pre-wrap;word-break:break-word}
ul.saran .meta{display:block;font-size:.8rem;color:#6c7a89;margin-bottom:.2rem}
svg.chart{width:100%;height:auto;max-width:640px;display:block}
.exports a{margin-right:.8rem}
@media (max-width:600px){main{padding:.6rem}.pill{display:block;margin:.15rem 0 0;width:max-content}.kpi .v{font-size:1.3rem}th,td{padding:.4rem .45rem;font-size:.9rem}.side{margin-left:0}h1{font-size:1.2rem}}
)css";
}

}  // namespace skm::hub::web
