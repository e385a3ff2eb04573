// The web dashboard for the kabupaten (issue #8): sign-in, overview of every
// kecamatan, a kecamatan's page, devices (enrol, revoke), targets, users,
// publishing to kiosks, exports. The routes and who may use each are one
// table (routes.cpp); every POST of a signed-in user needs the session's
// CSRF token; pages are the templates of assets/web (web_assets.hpp).
#pragma once

#include "formats/catalog.hpp"
#include "formats/profile_options.hpp"
#include "formats/questionnaire.hpp"
#include "hub/alerts/alert_store.hpp"
#include "hub/hub_store.hpp"
#include "hub/web/login_limiter.hpp"
#include "hub/web/sessions.hpp"
#include "hub/web/tally_cache.hpp"
#include "hub/web/web_assets.hpp"
#include "hub/web_request.hpp"
#include "hub/web/web_store.hpp"
#include "scoring/privacy.hpp"
#include "store/clock.hpp"

#include <filesystem>

namespace skm::hub::web {

struct WebOptions {
    std::uint64_t min_n = scoring::kDefaultMinN;
    LoginLimits login_limits;
    std::int64_t session_lifetime_s = 8 * 3600;
    std::filesystem::path temp_dir = std::filesystem::temp_directory_path();  // export files, removed at once
    // The sub-options' labels on the kecamatan page (assets/kiosk/profile-options.json
    // at `skm-hub serve`); without them a sub-option shows its key.
    formats::ProfileOptions profile_options;
    std::int64_t alerts_shown_days = 30;  // the overview and a kecamatan's page list alerts begun within these days
};

class WebApp {
public:
    // The questionnaire gives unsur names and the PDF report's questions.
    WebApp(HubStore& hub, WebStore& store, store::Clock& clock, const formats::Catalogs& texts, const WebAssets& assets,
           formats::Questionnaire questionnaire, WebOptions options = {});

    // Never throws for a request's content; storage failures throw skm::Error
    // (the server answers 503 and logs them).
    WebResponse handle(const WebRequest& request);

    // What the pages share.
    HubStore& hub;
    WebStore& store;
    store::Clock& clock;
    const formats::Catalogs& texts;  // the reader's language: ?lang=, else the skm_lang cookie, else Indonesian
    const WebAssets& assets;
    formats::Questionnaire questionnaire;
    WebOptions options;
    Sessions sessions;
    LoginLimiter limiter;
    TallyCache tallies;
    // The hub's live alerts and their recipients (hub/alerts), set by skm-hub
    // serve; none: the pages show no alert and the recipients page answers 503.
    hub::alerts::AlertStore* alerts = nullptr;
    // Checked when the username is unknown, so the answer takes as long as for a known one.
    std::string dummy_hash;
};

}  // namespace skm::hub::web
