// Devices: every kiosk with its kecamatan, state, last contact and what it
// last reported (pending backlog, app version, clock skew); admins enrol a
// kiosk (its token is shown once, on the answer page, and never stored) and
// revoke one. Each change is written to the audit log.
#include "hub/device_token.hpp"
#include "hub/web/web_pages.hpp"

#include <cstdlib>
#include <map>

namespace skm::hub::web {
WebResponse devices_page(const PageContext& c, const PageNotice& notice) {
    const auto& t = c.t;
    std::map<std::string, DeviceReport> reports;
    for (auto& r : c.app.store.device_reports()) reports.emplace(r.device_id, r);
    DataList devices;
    for (const Device& d : c.app.hub.devices()) {
        const auto report = reports.find(d.device_id);
        const DeviceReport* r = report == reports.end() ? nullptr : &report->second;
        const bool skew_known = r && r->clock_skew_s;
        const std::int64_t skew = skew_known ? *r->clock_skew_s : 0;
        devices.push_back(Fields{
            {"device", d.device_id},
            {"kecamatan", d.kecamatan},
            {"revoked", flag(d.revoked_at.has_value())},
            {"last_contact", d.last_contact ? time_text(*d.last_contact) : t.text("web.never")},
            {"pending", r && r->pending ? std::to_string(*r->pending) : "—"},
            {"app_version", r && r->app_version ? *r->app_version : "—"},
            {"skew", skew_known ? (skew > 0 ? "+" : "") + std::to_string(skew) + " s" : "—"},
            // More than two minutes off: the kiosk's times of day are not to be trusted.
            {"skew_warning", flag(std::llabs(skew) > 120)},
        });
    }
    // The office profile each kiosk sent last: what its kecamatan's posters print.
    DataList profiles;
    for (const DeviceProfile& p : c.app.store.device_profiles()) {
        auto or_dash = [](const std::string& text) { return text.empty() ? std::string("—") : text; };
        profiles.push_back(Fields{
            {"device", p.device_id},
            {"kecamatan", p.kecamatan},
            {"office", or_dash(p.office)},
            {"contact", or_dash(p.contact)},
            {"follow_up", or_dash(p.follow_up)},
            {"complaint_channel", or_dash(p.complaint_channel)},
            {"logo", p.logo_png.empty() ? t.text("web.devices.no_logo")
                                        : t.format("web.devices.logo_size", {{"kb", std::to_string((p.logo_png.size() + 1023) / 1024)}})},
            {"received", time_text(p.received_at)},
        });
    }
    Data data = Fields{{"devices", devices}, {"admin", flag(c.admin())}, {"profiles", profiles}, {"has_profiles", flag(!profiles.empty())}};
    set_notice(data, notice);
    set_deliveries(c, data);
    return c.render(200, t.text("web.devices.title"), "devices", "devices", std::move(data));
}

WebResponse devices_enroll(const PageContext& c) {
    const std::string kecamatan = c.request.param("kecamatan").value_or("");
    std::string device = c.request.param("device").value_or("");
    if (device.empty()) device = "kiosk-" + new_token().substr(0, 12);
    if (!good_name(kecamatan) || !good_name(device)) {
        WebResponse r = devices_page(c, PageNotice::of_error(c.t.text("web.devices.bad_name")));
        r.status = 400;
        return r;
    }
    const std::string token = new_token();
    try {
        c.app.hub.enroll(device, kecamatan, token_hash(token), c.now_text());
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::input) throw;
        WebResponse r = devices_page(c, PageNotice::of_error(c.t.format(e.problem())));
        r.status = 409;
        return r;
    }
    c.audit("device_enroll", device + " (" + kecamatan + ")");
    return devices_page(c, PageNotice::of_notice(c.t.format("web.devices.enrolled", {{"device", device}, {"kecamatan", kecamatan}}),
                                                  token));
}

WebResponse devices_revoke(const PageContext& c) {
    const std::string device = c.request.param("device").value_or("");
    const auto revoked = c.app.hub.revoke_device(device, c.now_text());
    if (!revoked) {
        WebResponse r = devices_page(c, PageNotice::of_error(c.t.format("hub.no_such_device", {{"device", device}})));
        r.status = 404;
        return r;
    }
    c.audit("device_revoke", *revoked);
    return devices_page(c, PageNotice::of_notice(c.t.format("hub.revoked", {{"device", *revoked}})));
}

}  // namespace skm::hub::web
