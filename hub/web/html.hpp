// HTML building blocks: escaping (every text from a user, a kiosk or the
// database goes through esc()), and the page frame every dashboard page
// shares (header, navigation, language switch, sign-out form with its CSRF
// token). No inline script or style: the Content-Security-Policy forbids them.
#pragma once

#include "formats/catalog.hpp"

#include <string>
#include <string_view>

namespace skm::hub::web {

// &, <, >, " and ' as entities: safe in element text and quoted attributes.
std::string esc(std::string_view text);
// Percent-encoding for a query value.
std::string url_encode(std::string_view text);

struct Frame {
    const formats::Catalog* texts = nullptr;
    std::string title;
    std::string active;     // nav item: overview, devices, users, targets
    std::string username;   // empty: signed out (login page)
    bool admin = false;
    std::string csrf;       // the session's token, for the sign-out form
    std::string here;       // path and query of this page, for the language links
};

std::string page(const Frame& frame, std::string_view body);
// A hidden input carrying the CSRF token.
std::string csrf_field(std::string_view token);

// The stylesheet, served as /static/web.css.
std::string_view stylesheet();

}  // namespace skm::hub::web
