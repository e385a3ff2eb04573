// Live alerts on the dashboard (issue #20): the alerts the hub found
// (hub/alerts) as rows for the overview and a kecamatan's page — what, since
// when, which unsur — and the admin's page of recipients per kecamatan
// (e-mail addresses, Telegram chat ids; at once or a daily digest), each
// change audited. Delivery states are on the devices page (devices_page.cpp).
#include "hub/alerts/alert_message.hpp"
#include "hub/alerts/alert_senders.hpp"
#include "hub/web/web_pages.hpp"
#include "reports/report_labels.hpp"

#include <set>

namespace skm::hub::web {
alerts::UnsurName unsur_names(const PageContext& c) {
    return [&c](std::string_view code) {
        const auto& q = c.app.questionnaire;
        for (std::size_t i = 0; i < q.unsur.size(); ++i)
            if (q.scheme.code(i) == code) return reports::unsur_name(q, i, c.t);
        return std::string(code);
    };
}

void set_alerts(const PageContext& c, Data& data, const std::optional<std::string>& kecamatan) {
    const std::int64_t days = c.app.options.alerts_shown_days;
    data.set("alerts_heading", c.t.format("web.signals.recent", {{"days", std::to_string(days)}}));
    data.set("alerts_none", c.t.format("web.signals.none", {{"days", std::to_string(days)}}));
    DataList rows;
    if (c.app.alerts) {
        const auto today = c.app.clock.wall_now().date;
        const std::string from = scoring::date_from_days(scoring::days_since_epoch(today) - days).str();
        const auto name = unsur_names(c);
        for (const auto& a : c.app.alerts->alerts(kecamatan, from)) {
            rows.push_back(Fields{{"id", a.alert_id},
                                  {"kecamatan", a.kecamatan},
                                  {"href", "/kecamatan?name=" + url_encode(a.kecamatan)},
                                  {"what", alerts::alert_what(c.t, a, name)},
                                  {"since", time_text(a.since)},
                                  {"unsur", name(a.unsur)},
                                  {"rule", a.rule}});
        }
    }
    data.set("has_alerts", flag(!rows.empty()));
    data.set("alerts", rows);
    data.set("alerts_kecamatan_column", flag(!kecamatan.has_value()));
}

WebResponse alerts_page(const PageContext& c, const PageNotice& notice) {
    const auto& t = c.t;
    DataList recipients;
    if (c.app.alerts) {
        for (const auto& r : c.app.alerts->recipients()) {
            recipients.push_back(Fields{{"kecamatan", r.kecamatan},
                                        {"channel", std::string(alerts::channel_name(r.channel))},
                                        {"channel_label", t.text("web.signals.channel." + std::string(alerts::channel_name(r.channel)))},
                                        {"address", r.address},
                                        {"mode", t.text(r.digest ? "web.signals.digest" : "web.signals.immediate")},
                                        {"added", time_text(r.added_at) + " · " + r.added_by}});
        }
    }
    // The kecamatan of the enrolled kiosks, offered in the form.
    std::set<std::string> known;
    for (const Device& d : c.app.hub.devices()) known.insert(d.kecamatan);
    DataList kecamatan;
    for (const auto& k : known) kecamatan.push_back(Fields{{"name", k}});
    Data data = Fields{{"recipients", recipients}, {"has_recipients", flag(!recipients.empty())}, {"known_kecamatan", kecamatan}};
    set_notice(data, notice);
    set_alerts(c, data, std::nullopt);
    return c.render(notice.error.empty() ? 200 : 400, t.text("web.signals.title"), "alerts", "alerts", std::move(data));
}

WebResponse alerts_submit(const PageContext& c) {
    const auto& t = c.t;
    const std::string action = c.request.param("action").value_or("add");
    const std::string kecamatan = c.request.param("kecamatan").value_or("");
    const std::string address = c.request.param("address").value_or("");
    const auto channel = alerts::parse_channel(c.request.param("channel").value_or(""));
    if (!c.app.alerts) return error_page(c, 503, "web.signals.unavailable");
    if (!good_name(kecamatan)) return alerts_page(c, PageNotice::of_error(t.text("web.signals.bad_kecamatan")));
    if (!channel || !alerts::valid_address(*channel, address))
        return alerts_page(c, PageNotice::of_error(t.text("web.signals.bad_address")));
    const std::string detail = kecamatan + " " + std::string(alerts::channel_name(*channel)) + " " + address;
    if (action == "remove") {
        if (!c.app.alerts->remove_recipient(kecamatan, *channel, address)) {
            WebResponse r = alerts_page(c, PageNotice::of_error(t.text("web.signals.no_such_recipient")));
            r.status = 404;
            return r;
        }
        c.audit("alert_recipient_remove", detail);
        return alerts_page(c, PageNotice::of_notice(t.format("web.signals.removed", {{"address", address}, {"kecamatan", kecamatan}})));
    }
    alerts::Recipient r;
    r.kecamatan = kecamatan;
    r.channel = *channel;
    r.address = address;
    r.digest = c.request.param("digest").value_or("") == "1";
    r.added_at = c.now_text();
    r.added_by = c.who ? c.who->user.username : "";
    if (!c.app.alerts->add_recipient(r)) {
        WebResponse page = alerts_page(c, PageNotice::of_error(t.text("web.signals.exists")));
        page.status = 409;
        return page;
    }
    c.audit("alert_recipient_add", detail + (r.digest ? " digest" : ""));
    return alerts_page(c, PageNotice::of_notice(t.format("web.signals.added", {{"address", address}, {"kecamatan", kecamatan}})));
}

void set_deliveries(const PageContext& c, Data& data) {
    const auto& t = c.t;
    DataList rows;
    if (c.app.alerts) {
        for (const auto& d : c.app.alerts->deliveries(50)) {
            std::string state;
            if (d.sent_at) state = t.format("web.devices.delivery_sent", {{"at", time_text(*d.sent_at)}});
            else if (d.attempts == 0) state = t.text("web.devices.delivery_waiting");
            else {
                const auto at = scoring::timestamp_at(d.next_attempt_s, c.app.clock.wall_now().offset_minutes);
                state = t.format("web.devices.delivery_retry",
                                 {{"attempts", std::to_string(d.attempts)}, {"at", time_text(store::iso8601(at))}});
            }
            rows.push_back(Fields{{"kecamatan", d.kecamatan},
                                  {"alert", d.alert_id},
                                  {"recipient", t.text("web.signals.channel." + std::string(alerts::channel_name(d.channel))) +
                                                    " " + d.address},
                                  {"state", state},
                                  {"failed", flag(!d.sent_at && d.attempts > 0)},
                                  {"error", d.last_error && !d.sent_at ? *d.last_error : ""}});
        }
    }
    data.set("deliveries", rows);
    data.set("has_deliveries", flag(!rows.empty()));
}

}  // namespace skm::hub::web
