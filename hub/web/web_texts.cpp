#include "hub/web/web_texts.hpp"

#include "formats/questionnaire.hpp"

#include <algorithm>

namespace skm::hub::web {

WebTexts::WebTexts(const std::filesystem::path& i18n_dir) {
    for (const auto lang : formats::kLanguages) catalogs_.emplace(lang, formats::Catalog::load(i18n_dir, lang));
}

const formats::Catalog& WebTexts::of(std::string_view lang) const {
    const auto it = catalogs_.find(lang);
    return it != catalogs_.end() ? it->second : catalogs_.find("id")->second;
}

bool WebTexts::offered(std::string_view lang) {
    return std::find(formats::kLanguages.begin(), formats::kLanguages.end(), lang) != formats::kLanguages.end();
}

}  // namespace skm::hub::web
