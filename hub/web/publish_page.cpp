// Publish to kiosks (admin): the layanan list, questionnaire version and a
// yearly target the kiosks of one kecamatan (or all) fetch on their next sync
// and apply between two surveys (sync/config_protocol, hub/config_api). What
// the form gives is checked exactly as a kiosk checks it before it is stored.
#include "hub/web/web_pages.hpp"
#include "sync/config_protocol.hpp"

#include <sstream>

namespace skm::hub::web {
namespace {

// One name per line, spaces trimmed, blank lines skipped.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        const auto last = line.find_last_not_of(" \t\r");
        out.push_back(line.substr(first, last - first + 1));
    }
    return out;
}

std::string current_box(const PageContext& c, const std::string& kecamatan) {
    const auto& t = c.t;
    const auto config = c.app.hub.published_config(kecamatan);
    if (!config) return "<p class=\"muted\">" + esc(t.text("web.publish.none")) + "</p>";
    std::string b = "<p>" + esc(t.format("web.publish.current", {{"version", std::to_string(config->version)},
                                                                 {"time", time_text(config->published_at)}})) +
                    "</p><ol id=\"published-layanan\">";
    for (const auto& name : config->layanan) b += "<li>" + esc(name) + "</li>";
    b += "</ol>";
    return b;
}

}  // namespace

WebResponse publish_page(const PageContext& c, const std::string& error_key, const std::string& notice) {
    const auto& t = c.t;
    const std::string kecamatan = c.request.param("kecamatan").value_or("");
    std::string b = "<h1>" + esc(t.text("web.publish.title")) + "</h1><p class=\"muted\">" + esc(t.text("web.publish.help")) + "</p>";
    if (!error_key.empty()) b += "<div class=\"error\" role=\"alert\">" + esc(t.text(error_key)) + "</div>";
    if (!notice.empty()) b += "<div class=\"notice\" role=\"status\">" + esc(notice) + "</div>";
    b += "<div class=\"card\">" + current_box(c, kecamatan) + "</div>";
    const int year = c.app.clock.wall_now().date.year;
    b += "<form method=\"post\" action=\"/publish\" class=\"card\">" + csrf_field(c.who->session.csrf_token) +
         "<div><label for=\"kecamatan\">" + esc(t.text("web.targets.kecamatan_or_default")) +
         "</label><input id=\"kecamatan\" name=\"kecamatan\" maxlength=\"200\" value=\"" + esc(kecamatan) + "\"></div>"
         "<div><label for=\"layanan\">" + esc(t.text("web.publish.layanan")) +
         "</label><textarea id=\"layanan\" name=\"layanan\" rows=\"10\" cols=\"40\" required>" +
         esc(c.request.param("layanan").value_or("")) + "</textarea></div>"
         "<div><label for=\"questionnaire_version\">" + esc(t.text("web.publish.questionnaire")) +
         "</label><input id=\"questionnaire_version\" name=\"questionnaire_version\" inputmode=\"numeric\" value=\"" +
         std::to_string(c.app.questionnaire.version) + "\" required> <span class=\"muted\">" + esc(c.app.questionnaire.id) +
         "</span></div><div><label for=\"year\">" + esc(t.text("web.col.year")) +
         "</label><input id=\"year\" name=\"year\" inputmode=\"numeric\" value=\"" + std::to_string(year) +
         "\"></div><div><label for=\"target\">" + esc(t.text("web.col.target")) +
         "</label><input id=\"target\" name=\"target\" inputmode=\"decimal\" placeholder=\"82.50\"></div><button type=\"submit\">" +
         esc(t.text("web.publish.submit")) + "</button></form>";
    return html_response(error_key.empty() ? 200 : 400, page(c.frame(t.text("web.nav.publish"), "publish"), b));
}

WebResponse publish_submit(const PageContext& c) {
    const std::string kecamatan = c.request.param("kecamatan").value_or("");
    store::PublishedConfig config;
    config.version = 1;  // the store gives the real one
    config.published_at = c.now_text();
    config.layanan = lines_of(c.request.param("layanan").value_or(""));
    config.questionnaire_id = c.app.questionnaire.id;
    try {
        config.questionnaire_version = std::stoll(c.request.param("questionnaire_version").value_or(""));
    } catch (const std::exception&) {
        return publish_page(c, "web.publish.bad");
    }
    const std::string target = c.request.param("target").value_or("");
    if (!target.empty()) {
        int year = 0;
        try {
            year = std::stoi(c.request.param("year").value_or(""));
        } catch (const std::exception&) {
            return publish_page(c, "web.publish.bad");
        }
        config.targets.push_back({year, "", target});
    }
    // Exactly the kiosk's own checks: what it would refuse is never stored.
    if (kecamatan.size() > 200 || !std::holds_alternative<store::PublishedConfig>(sync::decode_config(sync::encode_config(config)))) {
        return publish_page(c, "web.publish.bad");
    }
    const std::int64_t version = c.app.hub.publish_config(config, kecamatan, c.now_text());
    c.audit("config_publish", "version " + std::to_string(version) + " " + (kecamatan.empty() ? "*" : kecamatan) + " (" +
                                  std::to_string(config.layanan.size()) + " layanan)");
    return publish_page(c, "", c.t.format("web.publish.done", {{"version", std::to_string(version)}}));
}

}  // namespace skm::hub::web
