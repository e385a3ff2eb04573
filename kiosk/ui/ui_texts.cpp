#include "kiosk/ui/ui_texts.hpp"

namespace skm::kiosk::ui {

UiTexts UiTexts::load(const std::filesystem::path& i18n_dir) {
    UiTexts texts;
    texts.catalogs_ = formats::Catalogs::load(i18n_dir);
    return texts;
}

std::string UiTexts::text(const std::string& language, const std::string& key) const {
    return catalogs_.of(language).text(key);
}

std::string UiTexts::format(const std::string& language, const std::string& key,
                            const std::vector<std::pair<std::string, std::string>>& args) const {
    return catalogs_.of(language).format(key, args);
}

bool UiTexts::has(const std::string& language, const std::string& key) const {
    return formats::Catalogs::offered(language) && catalogs_.of(language).has(key);
}

}  // namespace skm::kiosk::ui
