// Publish to kiosks (admin): the layanan list, questionnaire version and a
// yearly target the kiosks of one kecamatan (or all) fetch on their next sync
// and apply between two surveys (sync/config_protocol, hub/config_api). What
// the form gives is checked exactly as a kiosk checks it before it is stored.
// Below it, the periods on the public page (/public): an admin makes one
// public or takes it back (hub/web/public_periods, the rule of `skm-hub public`).
#include "hub/web/public_periods.hpp"
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

// The page, with an answer above it (an error answers 400).
WebResponse render_publish(const PageContext& c, const PageNotice& notice) {
    const auto& t = c.t;
    const std::string kecamatan = c.request.param("kecamatan").value_or("");
    Data data = Fields{{"kecamatan", kecamatan},
                       {"layanan_text", c.request.param("layanan").value_or("")},
                       {"questionnaire_version", std::to_string(c.app.questionnaire.version)},
                       {"questionnaire_id", c.app.questionnaire.id},
                       {"year", std::to_string(c.app.clock.wall_now().date.year)}};
    if (const auto config = c.app.hub.published_config(kecamatan)) {
        DataList layanan;
        for (const auto& name : config->layanan) layanan.push_back(Data(name));
        data.set("published", flag(true));
        data.set("current", t.format("web.publish.current", {{"version", std::to_string(config->version)},
                                                             {"time", time_text(config->published_at)}}));
        data.set("layanan", layanan);
    } else {
        data.set("published", flag(false));
    }
    DataList public_periods;
    for (const auto& p : c.app.store.public_periods()) {
        public_periods.push_back(Fields{{"period", p.period}, {"since", time_text(p.published_at)}, {"by", p.published_by}});
    }
    data.set("has_public", flag(!public_periods.empty()));
    data.set("public_periods", public_periods);
    data.set("public_period", c.request.param("period").value_or(""));
    set_notice(data, notice);
    return c.render(notice.error.empty() ? 200 : 400, t.text("web.nav.publish"), "publish", "publish", std::move(data));
}

}  // namespace

WebResponse publish_page(const PageContext& c, const std::string& error_key, const std::string& notice) {
    return render_publish(c, {error_key.empty() ? "" : c.t.text(error_key), notice, ""});
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

WebResponse publish_public_submit(const PageContext& c) {
    const std::string action = c.request.param("action").value_or("");
    const std::string text = c.request.param("period").value_or("");
    const auto period = scoring::parse_period_key(text);
    if ((action != "add" && action != "remove") || !period) return publish_page(c, "web.public.bad");
    const std::string actor = c.who ? c.who->user.username : "";
    const PublicChange change = action == "add" ? add_public(c.app.store, *period, c.now_text(), actor)
                                                : remove_public(c.app.store, *period, c.now_text(), actor);
    const std::string said =
        c.t.format(public_change_key(change.outcome), {{"period", change.period}, {"other", change.other}});
    // An overlap is refused, saying which public period is in the way.
    if (change.outcome == PublicChange::Outcome::overlap) return render_publish(c, PageNotice::of_error(said));
    return render_publish(c, PageNotice::of_notice(said));
}

}  // namespace skm::hub::web
