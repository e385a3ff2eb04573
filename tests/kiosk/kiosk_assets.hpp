// The repository's assets as the kiosk tests load them: one path and one
// parsed copy of the Permenpan 14/2017 questionnaire for every test program.
#pragma once

#include "formats/questionnaire.hpp"

#include <filesystem>

namespace skm::kiosk {

inline const std::filesystem::path kAssets = std::filesystem::path(SKM_SOURCE_DIR) / "assets";

inline const formats::Questionnaire& questionnaire() {
    static const auto q = formats::load_questionnaire(kAssets / "questionnaire" / "permenpan-14-2017.json");
    return q;
}

}  // namespace skm::kiosk
