#include "tools/skm/score_json.hpp"

#include "formats/summary_json.hpp"

namespace skm::tools {

using formats::add_summary;
using formats::decimal_or_null;
using nlohmann::ordered_json;

ordered_json score_json(const scoring::IkmSummary& total, const std::vector<scoring::GroupSummary>* groups,
                        bool with_legacy, const formats::Catalog& catalog) {
    ordered_json root = ordered_json::object();
    add_summary(root, total, catalog, with_legacy);
    if (groups) {
        ordered_json list = ordered_json::array();
        for (const auto& g : *groups) {
            ordered_json item = ordered_json::object();
            item["key"] = g.key;
            add_summary(item, g.summary, catalog, with_legacy);
            if (g.is_year) item["ikm_mean_of_semesters"] = decimal_or_null(g.ikm_mean_of_semesters);
            list.push_back(std::move(item));
        }
        root["groups"] = std::move(list);
    }
    return root;
}

}  // namespace skm::tools
