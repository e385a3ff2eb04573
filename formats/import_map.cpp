#include "formats/import_map.hpp"

#include "scoring/problem.hpp"

#include <nlohmann/json.hpp>

namespace skm::formats {

ImportMap parse_import_map(std::string_view json_text, std::string_view file_name) {
    const auto bad = [&](const std::string& detail) {
        return Error(ErrorKind::input, Problem{"import.bad_map", {{"file", std::string(file_name)}, {"detail", detail}}});
    };
    const auto json = nlohmann::json::parse(json_text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) throw bad("JSON");
    ImportMap map;
    for (const auto& [key, value] : json.items()) {
        if (key == "source" && value.is_string()) {
            map.source = value.get<std::string>();
        } else if (key == "columns" && value.is_object()) {
            for (const auto& [header, role] : value.items()) {
                if (!role.is_string()) throw bad("columns." + header);
                map.columns[header] = role.get<std::string>();
            }
        } else if (key == "labels" && value.is_object()) {
            for (const auto& [header, labels] : value.items()) {
                if (!labels.is_object()) throw bad("labels." + header);
                for (const auto& [label, target] : labels.items()) {
                    if (!target.is_string()) throw bad("labels." + header + "." + label);
                    map.labels[header][label] = target.get<std::string>();
                }
            }
        } else {
            throw bad(key);
        }
    }
    return map;
}

std::string format_import_map(const ImportMap& map, const std::vector<std::string>& column_order) {
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    for (const auto& header : column_order) {
        if (const auto found = map.columns.find(header); found != map.columns.end()) columns[header] = found->second;
    }
    nlohmann::ordered_json labels = nlohmann::ordered_json::object();
    for (const auto& header : column_order) {
        const auto found = map.labels.find(header);
        if (found == map.labels.end()) continue;
        for (const auto& [label, value] : found->second) labels[header][label] = value;
    }
    const nlohmann::ordered_json doc = {{"source", map.source}, {"columns", columns}, {"labels", labels}};
    return doc.dump(2) + "\n";
}

}  // namespace skm::formats
