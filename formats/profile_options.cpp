#include "formats/profile_options.hpp"

#include "formats/file_content.hpp"
#include "formats/profile_detail.hpp"
#include "formats/questionnaire.hpp"
#include "formats/response.hpp"
#include "formats/response_csv_reader.hpp"
#include "scoring/problem.hpp"

#include <nlohmann/json.hpp>

namespace skm::formats {
namespace {

[[noreturn]] void bad(std::string_view file, std::string key, std::string detail = "") {
    throw Error(ErrorKind::input, Problem{std::move(key), {{"file", std::string(file)}, {"detail", std::move(detail)}}});
}

// The official codes of a profile field; false for a field that is not one.
bool official_code(std::string_view field, std::string_view code) {
    if (code.empty()) return false;
    if (field == "jenis_kelamin") return empty_or_in_vocabulary(code, kJenisKelamin);
    if (field == "umur") return empty_or_in_vocabulary(code, kUmurBands);
    if (field == "pendidikan") return empty_or_in_vocabulary(code, kPendidikan);
    if (field == "pekerjaan") return empty_or_in_vocabulary(code, kPekerjaan);
    return false;
}

bool known_field(std::string_view field) {
    return field == "jenis_kelamin" || field == "umur" || field == "pendidikan" || field == "pekerjaan";
}

ProfileOption read_option(const nlohmann::json& item, const std::string& field, std::string_view file) {
    const std::string where = field + ": " + item.dump();
    if (!item.is_object() || !item.contains("key") || !item["key"].is_string() || !item.contains("code") ||
        !item["code"].is_string() || !item.contains("label") || !item["label"].is_object()) {
        bad(file, "profile_options.bad_entry", where);
    }
    ProfileOption option{item["key"].get<std::string>(), item["code"].get<std::string>(), {}};
    // The key is what profile_detail stores: the detail's own rule decides.
    if (!parse_profile_detail(field + "=" + option.key)) bad(file, "profile_options.bad_key", where);
    if (!official_code(field, option.code)) bad(file, "profile_options.bad_code", where);
    for (const std::string_view lang : kLanguages) {
        const auto it = item["label"].find(std::string(lang));
        if (it == item["label"].end() || !it->is_string() || it->get<std::string>().empty() ||
            it->get<std::string>().size() > kMaxShortFieldBytes) {
            bad(file, "profile_options.bad_label", where);
        }
        option.label.emplace(std::string(lang), it->get<std::string>());
    }
    return option;
}

}  // namespace

const std::vector<ProfileOption>& ProfileOptions::of(std::string_view field) const {
    static const std::vector<ProfileOption> kNone;
    const auto it = fields.find(field);
    return it == fields.end() ? kNone : it->second;
}

const ProfileOption* ProfileOptions::find(std::string_view field, std::string_view key) const {
    for (const auto& option : of(field)) {
        if (option.key == key) return &option;
    }
    return nullptr;
}

ProfileOptions parse_profile_options(std::string_view json_text, std::string_view file_name) {
    const auto doc = nlohmann::json::parse(json_text, nullptr, false);
    if (doc.is_discarded()) bad(file_name, "profile_options.not_json");
    if (!doc.is_object()) bad(file_name, "profile_options.bad_entry", doc.dump());
    ProfileOptions options;
    for (const auto& [field, list] : doc.items()) {
        if (field == "_comment") continue;  // a note for whoever edits the file
        if (!known_field(field) || !list.is_array()) bad(file_name, "profile_options.bad_field", field);
        auto& out = options.fields[field];
        for (const auto& item : list) {
            ProfileOption option = read_option(item, field, file_name);
            if (options.find(field, option.key)) bad(file_name, "profile_options.duplicate", field + "=" + option.key);
            out.push_back(std::move(option));
        }
    }
    return options;
}

ProfileOptions load_profile_options(const std::filesystem::path& path) {
    const FileContent content(path);
    return parse_profile_options(content.view(), path.string());
}

}  // namespace skm::formats
