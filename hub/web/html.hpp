// The dashboard's one escaping rule, used by the templates (every {{value}},
// web_assets) and by the SVG charts drawn in code, and the percent-encoding
// of query values in links.
#pragma once

#include <string>
#include <string_view>

namespace skm::hub::web {

// &, <, >, " and ' as entities: safe in element text and quoted attributes.
std::string esc(std::string_view text);
// Percent-encoding for a query value.
std::string url_encode(std::string_view text);

}  // namespace skm::hub::web
