// The questionnaire definition (assets/questionnaire/*.json, docs/reference/file-formats.md#questionnaire): unsur
// codes in screen order, exact weights, and texts in every language.
#pragma once

#include "scoring/scheme.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats {

// Languages every user-facing text must exist in; the first is the default.
inline constexpr std::array<std::string_view, 3> kLanguages = {"id", "en", "jv"};

struct UnsurDefinition {
    std::string code;
    std::string weight_text;                                      // as written, e.g. "1/9"
    std::map<std::string, std::string> name;                      // lang → short name
    std::map<std::string, std::string> question;                  // lang → question
    std::map<std::string, std::array<std::string, 4>> answers;    // lang → labels for 1..4
};

struct Questionnaire {
    std::string id;
    int version = 0;
    std::vector<UnsurDefinition> unsur;
    scoring::ScoringScheme scheme;

    std::vector<std::string> codes() const;
};

// Throws skm::Error(input) with a "questionnaire.*" problem naming the file.
Questionnaire parse_questionnaire(std::string_view json_text, std::string_view file_name);
Questionnaire load_questionnaire(const std::filesystem::path& path);

}  // namespace skm::formats
