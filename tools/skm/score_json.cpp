#include "tools/skm/score_json.hpp"

namespace skm::tools {
namespace {

using nlohmann::ordered_json;

ordered_json decimal_or_null(const std::optional<scoring::Decimal>& value) {
    return value ? ordered_json(value->str()) : ordered_json(nullptr);
}

void fill(ordered_json& j, const scoring::IkmSummary& s, bool with_legacy, const formats::Catalog& catalog) {
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

}  // namespace

ordered_json score_json(const scoring::IkmSummary& total, const std::vector<scoring::GroupSummary>* groups,
                        bool with_legacy, const formats::Catalog& catalog) {
    ordered_json root = ordered_json::object();
    fill(root, total, with_legacy, catalog);
    if (groups) {
        ordered_json list = ordered_json::array();
        for (const auto& g : *groups) {
            ordered_json item = ordered_json::object();
            item["key"] = g.key;
            fill(item, g.summary, with_legacy, catalog);
            if (g.is_year) item["ikm_mean_of_semesters"] = decimal_or_null(g.ikm_mean_of_semesters);
            list.push_back(std::move(item));
        }
        root["groups"] = std::move(list);
    }
    return root;
}

}  // namespace skm::tools
