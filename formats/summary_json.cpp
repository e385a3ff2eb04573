#include "formats/summary_json.hpp"

namespace skm::formats {
using nlohmann::ordered_json;

ordered_json decimal_or_null(const std::optional<scoring::Decimal>& value) {
    return value ? ordered_json(value->str()) : ordered_json(nullptr);
}

void add_summary(ordered_json& j, const scoring::IkmSummary& s, const Catalog& catalog, bool with_legacy) {
    j["respondents"] = s.respondents;
    j["ikm"] = decimal_or_null(s.ikm);
    j["ikm_unit"] = decimal_or_null(s.ikm_unit);
    j["ikm_exact"] = s.ikm_exact ? ordered_json(*s.ikm_exact) : ordered_json(nullptr);
    j["mutu"] = s.mutu ? ordered_json(std::string(1, scoring::mutu_letter(*s.mutu))) : ordered_json(nullptr);
    j["kinerja"] = s.mutu ? ordered_json(std::string(scoring::kinerja_official(*s.mutu))) : ordered_json(nullptr);
    j["ci95"] = s.ci95 ? ordered_json::array({s.ci95->low.str(), s.ci95->high.str()}) : ordered_json(nullptr);
    ordered_json unsur = ordered_json::object();
    for (const auto& u : s.unsur) {
        unsur[u.code] = {{"nrr", decimal_or_null(u.nrr)},
                         {"nrr_exact", u.nrr_exact ? ordered_json(*u.nrr_exact) : ordered_json(nullptr)},
                         {"answered", u.answered}};
    }
    j["unsur"] = std::move(unsur);
    if (with_legacy) j["ikm_legacy"] = decimal_or_null(s.ikm_legacy);
    if (!s.unsur_without_answers.empty()) {
        std::string codes;
        for (const auto& code : s.unsur_without_answers) codes += (codes.empty() ? "" : ", ") + code;
        j["note"] = catalog.format("score.note_unsur_without_answers", {{"unsur", codes}});
    } else if (s.respondents == 0) {
        j["note"] = catalog.text("score.note_no_respondents");
    }
}

}  // namespace skm::formats
