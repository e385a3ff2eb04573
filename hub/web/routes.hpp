// The dashboard's routes: each method and path with who may use it and the
// page that answers. WebApp::handle checks the access from this table before
// it calls the page, so no route exists without saying who may use it: a
// Route has no default and no constructor without its access.
#pragma once

#include "hub/web_request.hpp"

#include <span>
#include <string>
#include <string_view>

namespace skm::hub::web {

struct PageContext;

// Who may use a route (the roles are web_store.hpp's Role).
enum class Access {
    anyone,    // no session: the sign-in form and the stylesheet
    everyone,  // no session, and one answer for all: the public page and open data (no
               // cookie read or set, language from ?lang= only), so caches may keep it
    viewer,    // any signed-in user: viewer is the lesser role, admin includes it
    admin,     // Role::admin only
};

enum class Method {
    get,   // also answers HEAD
    post,  // needs the session's CSRF token when the route is not open to anyone
};

using PageHandler = WebResponse (*)(const PageContext&);

class Route {
public:
    constexpr Route(Method method_in, std::string_view path_in, Access access_in, PageHandler handler_in)
        : method(method_in), path(path_in), access(access_in), handler(handler_in) {}

    Method method;
    std::string_view path;
    Access access;
    PageHandler handler;

    bool answers(std::string_view request_method) const {
        return method == Method::get ? request_method == "GET" || request_method == "HEAD" : request_method == "POST";
    }
};

// Every route of the dashboard, in no particular order (one per method and path).
std::span<const Route> dashboard_routes();

// The methods `path` answers, for a 405's Allow header ("GET, HEAD, POST");
// empty when no route has that path.
std::string allowed_methods(std::string_view path);

}  // namespace skm::hub::web
