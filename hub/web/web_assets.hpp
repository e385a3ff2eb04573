// The dashboard's HTML templates and stylesheet (assets/web, found through
// the assets directory like the translations). Every page is a Mustache
// template under assets/web/templates: {{value}} is escaped (esc(), the one
// escaping rule of hub/web), so a text from a user, a kiosk or the database
// can only appear as text. {{t.KEY}} is the catalog's text of KEY in the
// reader's language, {{> name}} another template (a partial).
#pragma once

#include "formats/catalog.hpp"

#include <kainjow/mustache.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace skm::hub::web {

// What a template is rendered over.
using Data = kainjow::mustache::data;
using DataList = kainjow::mustache::list;
// A yes or no for {{#name}} sections (the library's data has no bool constructor).
inline Data flag(bool on) { return Data(on ? Data::type::bool_true : Data::type::bool_false); }

class WebAssets {
public:
    // Reads <web_dir>/templates/*.mustache and <web_dir>/dashboard.css. Throws
    // skm::Error(input, "file.unreadable") when one is missing or a template
    // does not parse, so a broken install stops at start-up, not on a page.
    explicit WebAssets(const std::filesystem::path& web_dir);

    // The template `name` over `data`, texts from `texts`.
    std::string render(std::string_view name, const Data& data, const formats::Catalog& texts) const;
    // A whole page: the layout over `data`, its {{> content}} the template `content`.
    std::string page(std::string_view content, const Data& data, const formats::Catalog& texts) const;
    bool has(std::string_view name) const { return templates_.count(name) > 0; }

    const std::string& stylesheet() const { return stylesheet_; }
    // Changes whenever the stylesheet does: the page links the stylesheet
    // with it in the URL, so a browser may keep the file and still never
    // shows an old one after an upgrade.
    const std::string& stylesheet_version() const { return stylesheet_version_; }

private:
    std::string render_with(std::string_view name, const Data& data, const formats::Catalog& texts,
                            std::string_view content) const;

    std::map<std::string, std::string, std::less<>> templates_;
    std::string stylesheet_;
    std::string stylesheet_version_;
};

}  // namespace skm::hub::web
