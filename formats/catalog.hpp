// Translated user-facing texts (assets/i18n/<lang>.json, a flat key → text
// object with {name} placeholders). Missing keys fall back to Indonesian, then
// to the key itself with its arguments, so a message is never lost.
#pragma once

#include "scoring/problem.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats {

// The decimal separator of a language (id, en, jv): ',' but in English.
inline char decimal_separator(std::string_view lang) { return lang == "en" ? '.' : ','; }

class Catalog {
public:
    Catalog() = default;
    // Loads <dir>/<lang>.json over <dir>/id.json. Throws skm::Error(input).
    static Catalog load(const std::filesystem::path& i18n_dir, std::string_view lang);
    static Catalog from_texts(std::string lang, std::map<std::string, std::string> texts,
                              std::map<std::string, std::string> fallback = {});

    const std::string& lang() const { return lang_; }
    // How this language writes a decimal: "89,72" in Indonesian and Javanese, "89.72" in English.
    char decimal_separator() const { return formats::decimal_separator(lang_); }
    bool has(std::string_view key) const;
    std::string text(std::string_view key) const;
    std::string format(std::string_view key, const std::vector<std::pair<std::string, std::string>>& args) const;
    std::string format(const Problem& problem) const { return format(problem.key, problem.args); }

private:
    std::string lang_ = "id";
    std::map<std::string, std::string, std::less<>> texts_;
    std::map<std::string, std::string, std::less<>> fallback_;
};

// The catalog of every language the product speaks (kLanguages), loaded once:
// what the kiosk's screens and the hub's dashboard ask for a reader's language.
class Catalogs {
public:
    // Throws skm::Error(input) when a language file is missing or broken.
    static Catalogs load(const std::filesystem::path& i18n_dir);
    // The catalog of a language code; Indonesian for one not offered.
    const Catalog& of(std::string_view lang) const;
    static bool offered(std::string_view lang);

private:
    std::map<std::string, Catalog, std::less<>> catalogs_;
};

std::map<std::string, std::string> load_text_map(const std::filesystem::path& file);

// Replaces {name} with the argument of that name; unknown names stay as written.
std::string fill_placeholders(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& args);

}  // namespace skm::formats
