#include "formats/catalog.hpp"

#include "formats/file_content.hpp"
#include "formats/questionnaire.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace skm::formats {

std::map<std::string, std::string> load_text_map(const std::filesystem::path& file) {
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(read_text_file(file));
    } catch (const nlohmann::json::parse_error& error) {
        throw Error(ErrorKind::input,
                    Problem{"i18n.not_json", {{"file", file.string()}, {"detail", std::to_string(error.byte)}}});
    } catch (const nlohmann::json::exception&) {  // a number too big for any type
        throw Error(ErrorKind::input, Problem{"i18n.not_json", {{"file", file.string()}, {"detail", "-"}}});
    }
    if (!root.is_object()) throw Error(ErrorKind::input, Problem{"i18n.not_json", {{"file", file.string()}, {"detail", "/"}}});
    std::map<std::string, std::string> texts;
    for (const auto& [key, value] : root.items()) {
        if (!value.is_string()) throw Error(ErrorKind::input, Problem{"i18n.not_text", {{"file", file.string()}, {"key", key}}});
        texts[key] = value.get<std::string>();
    }
    return texts;
}

Catalog Catalog::load(const std::filesystem::path& i18n_dir, std::string_view lang) {
    auto fallback = load_text_map(i18n_dir / "id.json");
    if (lang == "id") return from_texts("id", fallback, {});
    const auto path = i18n_dir / (std::string(lang) + ".json");
    if (!std::filesystem::exists(path)) {
        throw Error(ErrorKind::usage, Problem{"i18n.unknown_language", {{"lang", std::string(lang)}}});
    }
    return from_texts(std::string(lang), load_text_map(path), std::move(fallback));
}

Catalog Catalog::from_texts(std::string lang, std::map<std::string, std::string> texts,
                            std::map<std::string, std::string> fallback) {
    Catalog catalog;
    catalog.lang_ = std::move(lang);
    catalog.texts_.insert(texts.begin(), texts.end());
    catalog.fallback_.insert(fallback.begin(), fallback.end());
    return catalog;
}

bool Catalog::has(std::string_view key) const { return texts_.find(key) != texts_.end(); }

std::string Catalog::text(std::string_view key) const { return format(key, {}); }

std::string Catalog::format(std::string_view key, const std::vector<std::pair<std::string, std::string>>& args) const {
    if (auto it = texts_.find(key); it != texts_.end()) return fill_placeholders(it->second, args);
    if (auto it = fallback_.find(key); it != fallback_.end()) return fill_placeholders(it->second, args);
    std::string raw(key);
    for (const auto& [name, value] : args) raw += " " + name + "=" + value;
    return raw;
}

std::string fill_placeholders(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& args) {
    std::string out;
    out.reserve(pattern.size() + 32);
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = pattern.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [arg_name, value] : args) {
                    if (arg_name == name) {
                        out += value;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push_back(pattern[i++]);
    }
    return out;
}

Catalogs Catalogs::load(const std::filesystem::path& i18n_dir) {
    Catalogs all;
    for (const auto lang : kLanguages) all.catalogs_.emplace(lang, Catalog::load(i18n_dir, lang));
    return all;
}

const Catalog& Catalogs::of(std::string_view lang) const {
    const auto it = catalogs_.find(lang);
    return it != catalogs_.end() ? it->second : catalogs_.find(kLanguages.front())->second;
}

bool Catalogs::offered(std::string_view lang) {
    return std::find(kLanguages.begin(), kLanguages.end(), lang) != kLanguages.end();
}

}  // namespace skm::formats
