#include "kiosk/ui/ui_texts.hpp"

#include "formats/questionnaire.hpp"

namespace skm::kiosk::ui {

UiTexts UiTexts::load(const std::filesystem::path& i18n_dir) {
    UiTexts texts;
    for (auto lang : formats::kLanguages) {
        texts.catalogs_.emplace(std::string(lang), formats::Catalog::load(i18n_dir, lang));
    }
    return texts;
}

std::string UiTexts::text(const std::string& language, const std::string& key) const {
    auto it = catalogs_.find(language);
    return it == catalogs_.end() ? catalogs_.at("id").text(key) : it->second.text(key);
}

std::string UiTexts::format(const std::string& language, const std::string& key,
                            const std::vector<std::pair<std::string, std::string>>& args) const {
    auto it = catalogs_.find(language);
    return it == catalogs_.end() ? catalogs_.at("id").format(key, args) : it->second.format(key, args);
}

bool UiTexts::has(const std::string& language, const std::string& key) const {
    auto it = catalogs_.find(language);
    return it != catalogs_.end() && it->second.has(key);
}

}  // namespace skm::kiosk::ui
