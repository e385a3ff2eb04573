// The dashboard's pages, one file each, called by WebApp::handle once the
// route's access is checked (routes.cpp) and, for a POST, its CSRF token.
// A page gathers its values as template data (plain text: the template
// escapes it) and renders its template under assets/web/templates.
#pragma once

#include "hub/web/dashboard_data.hpp"
#include "hub/web/html.hpp"
#include "hub/web/web_app.hpp"
#include "reports/report_data.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace skm::hub::web {

// What a template's list item or object holds: {{name}} → value.
using Fields = kainjow::mustache::object;

struct PageContext {
    WebApp& app;
    const WebRequest& request;
    const formats::Catalog& t;
    std::optional<SignedIn> who;  // empty on the pages anyone may open (the login page)

    bool admin() const { return who && who->user.role == Role::admin; }
    // The template `content` inside the layout (header, navigation, language
    // links, sign-out form), with `data` for both.
    WebResponse render(int status, const std::string& title, const std::string& active, const std::string& content,
                       Data data) const;
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
// An answer shown above a page: an error, or a notice (an enrolled kiosk's token under it).
struct PageNotice {
    std::string error;
    std::string notice;
    std::string token;

    static PageNotice of_error(std::string text) { return {std::move(text), "", ""}; }
    static PageNotice of_notice(std::string text, std::string token_in = "") { return {"", std::move(text), std::move(token_in)}; }
};
WebResponse devices_page(const PageContext& c, const PageNotice& notice = {});
WebResponse devices_enroll(const PageContext& c);
WebResponse devices_revoke(const PageContext& c);
WebResponse targets_page(const PageContext& c, const std::string& error_key = "");
WebResponse targets_submit(const PageContext& c);
WebResponse users_page(const PageContext& c, const std::string& error_key = "");
WebResponse users_submit(const PageContext& c);
WebResponse publish_page(const PageContext& c, const std::string& error_key = "", const std::string& notice = "");
WebResponse publish_submit(const PageContext& c);
// Makes a period public (/public) or takes it back: action=add|remove, period=P.
WebResponse publish_public_submit(const PageContext& c);
WebResponse public_page(const PageContext& c);
WebResponse public_data_csv(const PageContext& c);
WebResponse public_data_json(const PageContext& c);
WebResponse export_recap(const PageContext& c, bool xlsx);
// Live alerts (alerts_page.cpp): the recipients page (admin), and the alert
// rows of the overview (kecamatan: none) and of a kecamatan's page.
WebResponse alerts_page(const PageContext& c, const PageNotice& notice = {});
WebResponse alerts_submit(const PageContext& c);
void set_alerts(const PageContext& c, Data& data, const std::optional<std::string>& kecamatan);
// The devices page's table of alert deliveries: state and last error.
void set_deliveries(const PageContext& c, Data& data);
WebResponse export_kecamatan_pdf(const PageContext& c);
// The phone survey of a one-time link, GET and POST /l/<token> (link_survey.cpp):
// open to anyone, outside the route table (its path holds the token).
bool is_link_survey_path(std::string_view path);
WebResponse link_survey(const PageContext& c);
// /export/poster.pdf and .png: the SKM poster of one kecamatan (?name=) or the whole kabupaten.
WebResponse export_poster(const PageContext& c, bool png);
// One kecamatan's report data from the hub's figures (exports.cpp), its
// office the kecamatan ("Kecamatan X"), with reports::apply_privacy applied.
reports::ReportData kecamatan_report_data(const PageContext& c, const std::string& name, const WebPeriod& period,
                                          const KecamatanPage& k);

// What an administrator typed as a kecamatan or device name: printable, within what the schema allows.
bool good_name(const std::string& value);

// Shared data of the templates.
// "2026-11-23T22:34:10+07:00" → "2026-11-23 22:34" (the hub's own times carry its offset).
std::string time_text(const std::string& iso);
// A value, or false: a template's {{#name}} section is skipped only for false
// (an empty text would still count as present).
Data optional_text(const std::optional<std::string>& text);
// The notice partial's fields (notice.mustache) in `data`.
void set_notice(Data& data, const PageNotice& notice);
// The period_select partial's fields in `data`: the periods offered, the one
// shown, and the query values the form keeps (name, value).
void set_period_select(const PageContext& c, Data& data, const WebPeriod& current,
                       const std::vector<std::pair<std::string, std::string>>& keep);
// The mutu_badge partial's {{mutu}}: the letter and its meaning, or false.
Data mutu_data(const PageContext& c, const std::optional<scoring::Mutu>& mutu);
// One item of the kpis partial: a value.
Data kpi(const std::string& value, const std::string& label);
// One item of the kpis partial: a mutu badge.
Data kpi_badge(const PageContext& c, const std::optional<scoring::Mutu>& mutu, const std::string& label);

}  // namespace skm::hub::web
