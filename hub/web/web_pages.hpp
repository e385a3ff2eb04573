// The dashboard's pages, one file each, called by WebApp::handle once the
// request is authenticated (and, for a POST, its CSRF token checked).
#pragma once

#include "hub/web/dashboard_data.hpp"
#include "hub/web/html.hpp"
#include "hub/web/web_app.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace skm::hub::web {

struct PageContext {
    WebApp& app;
    const WebRequest& request;
    const formats::Catalog& t;
    std::optional<SignedIn> who;  // empty only on the login page

    bool admin() const { return who && who->user.role == Role::admin; }
    Frame frame(std::string title, std::string active) const;
    std::string now_text() const;
    // A figure as the reader's language writes it: "89,72" in Indonesian and Javanese, "89.72" in English.
    std::string number(const scoring::Decimal& value) const;
    // ?period=…, else the current year; nothing when the text is not a period key.
    std::optional<WebPeriod> period() const;
    void audit(const std::string& action, const std::string& detail) const;
};

WebResponse html_response(int status, std::string body);
WebResponse redirect(const std::string& location);
WebResponse error_page(const PageContext& c, int status, const std::string& key);

// A catalog text's {name} placeholders and their values.
using ErrorArgs = std::vector<std::pair<std::string, std::string>>;
WebResponse login_form(const PageContext& c, const std::string& error_key, int status = 200,
                       const ErrorArgs& error_args = {});
WebResponse login_submit(const PageContext& c);
WebResponse logout(const PageContext& c);
WebResponse overview_page(const PageContext& c);
WebResponse kecamatan_page(const PageContext& c);
WebResponse devices_page(const PageContext& c, const std::string& notice = "");
WebResponse devices_enroll(const PageContext& c);
WebResponse devices_revoke(const PageContext& c);
WebResponse targets_page(const PageContext& c, const std::string& error_key = "");
WebResponse targets_submit(const PageContext& c);
WebResponse users_page(const PageContext& c, const std::string& error_key = "");
WebResponse users_submit(const PageContext& c);
WebResponse publish_page(const PageContext& c, const std::string& error_key = "", const std::string& notice = "");
WebResponse publish_submit(const PageContext& c);
WebResponse export_recap(const PageContext& c, bool xlsx);
WebResponse export_kecamatan_pdf(const PageContext& c);

// Shared formatting.
// "2026-11-23T22:34:10+07:00" → "2026-11-23 22:34" (the hub's own times carry its offset).
std::string time_text(const std::string& iso);
std::string period_select(const PageContext& c, const WebPeriod& current, const std::string& extra_hidden = "");
std::string mutu_badge(const PageContext& c, const std::optional<scoring::Mutu>& mutu);

}  // namespace skm::hub::web
