// The dashboard's texts in each language it offers (assets/i18n, keys
// "web.*"); Bahasa Indonesia is the default and the fallback of the others.
#pragma once

#include "formats/catalog.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace skm::hub::web {

class WebTexts {
public:
    // Throws skm::Error(input) when a language file is missing or broken.
    explicit WebTexts(const std::filesystem::path& i18n_dir);
    // The catalog of a language code; Indonesian for anything unknown.
    const formats::Catalog& of(std::string_view lang) const;
    static bool offered(std::string_view lang);

private:
    std::map<std::string, formats::Catalog, std::less<>> catalogs_;
};

}  // namespace skm::hub::web
