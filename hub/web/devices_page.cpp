// Devices: every kiosk with its kecamatan, state, last contact and what it
// last reported (pending backlog, app version, clock skew); admins enrol a
// kiosk (its token is shown once, on the answer page, and never stored) and
// revoke one. Each change is written to the audit log.
#include "hub/device_token.hpp"
#include "hub/web/web_pages.hpp"

#include <cstdlib>
#include <map>

namespace skm::hub::web {
namespace {

// What an administrator typed: printable, within what the schema allows.
bool good_name(const std::string& value) {
    if (value.empty() || value.size() > 200) return false;
    for (const char c : value) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
    return true;
}

std::string skew_text(const PageContext& c, std::int64_t skew) {
    const std::string text = (skew > 0 ? "+" : "") + std::to_string(skew) + " s";
    return std::llabs(skew) > 120 ? "<span class=\"warn\" title=\"" + esc(c.t.text("web.devices.skew_warning")) + "\">" +
                                        text + "</span>"
                                  : text;
}

}  // namespace

WebResponse devices_page(const PageContext& c, const std::string& notice) {
    const auto& t = c.t;
    std::map<std::string, DeviceReport> reports;
    for (auto& r : c.app.store.device_reports()) reports.emplace(r.device_id, r);
    std::string b = "<h1>" + esc(t.text("web.devices.title")) + "</h1>" + notice;
    b += "<div class=\"card scroll\"><table id=\"devices\"><thead><tr><th>" + esc(t.text("web.col.device")) + "</th><th>" +
         esc(t.text("web.col.kecamatan")) + "</th><th>" + esc(t.text("web.col.state")) + "</th><th>" +
         esc(t.text("web.col.last_contact")) + "</th><th class=\"n\">" + esc(t.text("web.col.pending")) + "</th><th>" +
         esc(t.text("web.col.app_version")) + "</th><th class=\"n\">" + esc(t.text("web.col.clock_skew")) + "</th>" +
         (c.admin() ? "<th></th>" : "") + "</tr></thead><tbody>";
    for (const Device& d : c.app.hub.devices()) {
        const auto report = reports.find(d.device_id);
        const DeviceReport* r = report == reports.end() ? nullptr : &report->second;
        b += "<tr><td>" + esc(d.device_id) + "</td><td>" + esc(d.kecamatan) + "</td><td>" +
             (d.revoked_at ? "<span class=\"down\">" + esc(t.text("web.devices.revoked")) + "</span>"
                           : "<span class=\"up\">" + esc(t.text("web.devices.active")) + "</span>") +
             "</td><td>" + (d.last_contact ? esc(time_text(*d.last_contact)) : esc(t.text("web.never"))) + "</td>";
        b += "<td class=\"n\">" + (r && r->pending ? std::to_string(*r->pending) : std::string("—")) + "</td>";
        b += "<td>" + (r && r->app_version ? esc(*r->app_version) : std::string("—")) + "</td>";
        b += "<td class=\"n\">" + (r && r->clock_skew_s ? skew_text(c, *r->clock_skew_s) : std::string("—")) + "</td>";
        if (c.admin()) {
            b += "<td>";
            if (!d.revoked_at) {
                b += "<form method=\"post\" action=\"/devices/revoke\" class=\"inline\">" + csrf_field(c.who->session.csrf_token) +
                     "<input type=\"hidden\" name=\"device\" value=\"" + esc(d.device_id) +
                     "\"><button type=\"submit\" class=\"danger\" name=\"revoke\">" + esc(t.text("web.devices.revoke")) +
                     "</button></form>";
            }
            b += "</td>";
        }
        b += "</tr>";
    }
    b += "</tbody></table></div>";
    if (c.admin()) {
        b += "<h2>" + esc(t.text("web.devices.enroll_title")) + "</h2><form method=\"post\" action=\"/devices/enroll\" class=\"bar card\">" +
             csrf_field(c.who->session.csrf_token) + "<div><label for=\"kecamatan\">" + esc(t.text("web.col.kecamatan")) +
             "</label><input id=\"kecamatan\" name=\"kecamatan\" required maxlength=\"200\"></div><div><label for=\"device\">" +
             esc(t.text("web.devices.device_optional")) + "</label><input id=\"device\" name=\"device\" maxlength=\"200\"></div>"
             "<button type=\"submit\">" + esc(t.text("web.devices.enroll")) + "</button></form>";
    }
    return html_response(200, page(c.frame(t.text("web.devices.title"), "devices"), b));
}

WebResponse devices_enroll(const PageContext& c) {
    const std::string kecamatan = c.request.param("kecamatan").value_or("");
    std::string device = c.request.param("device").value_or("");
    if (device.empty()) device = "kiosk-" + new_token().substr(0, 12);
    if (!good_name(kecamatan) || !good_name(device)) {
        WebResponse r = devices_page(c, "<div class=\"error\">" + esc(c.t.text("web.devices.bad_name")) + "</div>");
        r.status = 400;
        return r;
    }
    const std::string token = new_token();
    try {
        c.app.hub.enroll(device, kecamatan, token_hash(token), c.now_text());
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::input) throw;
        WebResponse r = devices_page(c, "<div class=\"error\">" + esc(c.t.format(e.problem())) + "</div>");
        r.status = 409;
        return r;
    }
    c.audit("device_enroll", device + " (" + kecamatan + ")");
    return devices_page(c, "<div class=\"notice\" id=\"token\">" +
                               esc(c.t.format("web.devices.enrolled", {{"device", device}, {"kecamatan", kecamatan}})) +
                               "<br><code>" + token + "</code></div>");
}

WebResponse devices_revoke(const PageContext& c) {
    const std::string device = c.request.param("device").value_or("");
    const auto revoked = c.app.hub.revoke_device(device, c.now_text());
    if (!revoked) {
        WebResponse r = devices_page(c, "<div class=\"error\">" + esc(c.t.format("hub.no_such_device", {{"device", device}})) + "</div>");
        r.status = 404;
        return r;
    }
    c.audit("device_revoke", *revoked);
    return devices_page(c, "<div class=\"notice\">" + esc(c.t.format("hub.revoked", {{"device", *revoked}})) + "</div>");
}

}  // namespace skm::hub::web
