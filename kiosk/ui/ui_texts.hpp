// The kiosk's words in every language (assets/i18n/<lang>.json), loaded once
// (formats::Catalogs, as the hub's dashboard has them). Views ask for a key in
// the flow's current language; nothing user-facing is written in code.
#pragma once

#include "formats/catalog.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace skm::kiosk::ui {

class UiTexts {
public:
    // Throws skm::Error when a language file is missing or broken.
    static UiTexts load(const std::filesystem::path& i18n_dir);
    std::string text(const std::string& language, const std::string& key) const;
    std::string format(const std::string& language, const std::string& key,
                       const std::vector<std::pair<std::string, std::string>>& args) const;
    bool has(const std::string& language, const std::string& key) const;

private:
    formats::Catalogs catalogs_;
};

}  // namespace skm::kiosk::ui
