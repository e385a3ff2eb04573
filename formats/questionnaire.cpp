#include "formats/questionnaire.hpp"

#include "formats/file_content.hpp"
#include "scoring/decimal.hpp"
#include "scoring/problem.hpp"

#include <nlohmann/json.hpp>

#include <limits>

namespace skm::formats {
namespace {

using nlohmann::json;

[[noreturn]] void bad(std::string_view file, std::string key, std::string where, std::string detail = "") {
    throw Error(ErrorKind::input,
                Problem{std::move(key), {{"file", std::string(file)}, {"where", std::move(where)}, {"detail", std::move(detail)}}});
}

std::string text_in(const json& object, std::string_view lang, std::string_view file, const std::string& where) {
    const auto it = object.find(std::string(lang));
    if (it == object.end() || !it->is_string() || it->get<std::string>().empty()) {
        bad(file, "questionnaire.missing_text", where, std::string(lang));
    }
    return it->get<std::string>();
}

UnsurDefinition parse_unsur(const json& item, std::size_t index, std::string_view file) {
    const std::string where = "unsur[" + std::to_string(index) + "]";
    if (!item.is_object()) bad(file, "questionnaire.bad_field", where);
    UnsurDefinition unsur;
    if (!item.contains("code") || !item["code"].is_string()) bad(file, "questionnaire.bad_field", where + ".code");
    unsur.code = item["code"].get<std::string>();
    const std::string at = where + " (" + unsur.code + ")";
    if (!item.contains("weight") || !item["weight"].is_string()) bad(file, "questionnaire.bad_field", at + ".weight");
    unsur.weight_text = item["weight"].get<std::string>();
    for (const char* field : {"name", "text", "answers"}) {
        if (!item.contains(field) || !item[field].is_object()) bad(file, "questionnaire.bad_field", at + "." + field);
    }
    for (auto lang : kLanguages) {
        const std::string l(lang);
        unsur.name[l] = text_in(item["name"], lang, file, at + ".name");
        unsur.question[l] = text_in(item["text"], lang, file, at + ".text");
        const json& labels = item["answers"].contains(l) ? item["answers"][l] : json();
        if (!labels.is_array() || labels.size() != 4) bad(file, "questionnaire.answers_not_four", at, l);
        for (std::size_t k = 0; k < 4; ++k) {
            if (!labels[k].is_string() || labels[k].get<std::string>().empty()) {
                bad(file, "questionnaire.answers_not_four", at, l);
            }
            unsur.answers[l][k] = labels[k].get<std::string>();
        }
    }
    return unsur;
}

}  // namespace

std::vector<std::string> Questionnaire::codes() const {
    std::vector<std::string> result;
    for (const auto& u : unsur) result.push_back(u.code);
    return result;
}

Questionnaire parse_questionnaire(std::string_view json_text, std::string_view file_name) {
    json root;
    try {
        root = json::parse(json_text);
    } catch (const json::parse_error& error) {
        bad(file_name, "questionnaire.not_json", "-", std::to_string(error.byte));
    } catch (const json::exception&) {  // a number too big for any type (found by fuzz/)
        bad(file_name, "questionnaire.not_json", "-", "-");
    }
    if (!root.is_object()) bad(file_name, "questionnaire.bad_field", "/");
    if (!root.contains("id") || !root["id"].is_string()) bad(file_name, "questionnaire.bad_field", "id");
    if (!root.contains("version") || !root["version"].is_number_integer() || root["version"].get<long long>() < 1 ||
        root["version"].get<long long>() > std::numeric_limits<int>::max()) {  // read below as int: no wrapping
        bad(file_name, "questionnaire.bad_field", "version");
    }
    if (!root.contains("unsur") || !root["unsur"].is_array() || root["unsur"].empty()) {
        bad(file_name, "questionnaire.bad_field", "unsur");
    }
    std::vector<UnsurDefinition> unsur;
    std::vector<scoring::UnsurWeight> weights;
    for (std::size_t i = 0; i < root["unsur"].size(); ++i) {
        UnsurDefinition definition = parse_unsur(root["unsur"][i], i, file_name);
        auto weight = scoring::parse_fraction(definition.weight_text);
        if (!weight) bad(file_name, "questionnaire.bad_weight", definition.code, definition.weight_text);
        weights.push_back({definition.code, *weight});
        unsur.push_back(std::move(definition));
    }
    try {
        auto scheme = scoring::ScoringScheme::make(std::move(weights));
        return Questionnaire{root["id"].get<std::string>(), root["version"].get<int>(), std::move(unsur), std::move(scheme)};
    } catch (const Error& error) {
        // Same problem, now also naming the file it came from.
        Problem problem = error.problem();
        problem.with("file", std::string(file_name));
        throw Error(ErrorKind::input, problem);
    }
}

Questionnaire load_questionnaire(const std::filesystem::path& path) {
    return parse_questionnaire(read_text_file(path), path.string());
}

}  // namespace skm::formats
