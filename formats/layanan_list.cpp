#include "formats/layanan_list.hpp"

#include "formats/file_content.hpp"
#include "formats/response_csv_reader.hpp"
#include "scoring/problem.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace skm::formats {
namespace {

[[noreturn]] void bad(std::string_view file, std::string key, std::string detail = "") {
    throw Error(ErrorKind::input, Problem{std::move(key), {{"file", std::string(file)}, {"detail", std::move(detail)}}});
}

}  // namespace

std::vector<std::string> parse_layanan_list(std::string_view json_text, std::string_view file_name) {
    const auto doc = nlohmann::json::parse(json_text, nullptr, false);
    if (doc.is_discarded()) bad(file_name, "layanan.not_json");
    if (!doc.is_object() || !doc.contains("layanan") || !doc["layanan"].is_array() || doc["layanan"].empty()) {
        bad(file_name, "layanan.no_list");
    }
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const auto& item : doc["layanan"]) {
        if (!item.is_string()) bad(file_name, "layanan.bad_name", item.dump());
        std::string name = item.get<std::string>();
        if (name.empty() || name.size() > kMaxShortFieldBytes) bad(file_name, "layanan.bad_name", name);
        if (!seen.insert(name).second) bad(file_name, "layanan.duplicate", name);
        names.push_back(std::move(name));
    }
    return names;
}

std::vector<std::string> load_layanan_list(const std::filesystem::path& path) {
    const FileContent content(path);
    return parse_layanan_list(content.view(), path.string());
}

}  // namespace skm::formats
