#include "formats/csv_header.hpp"

#include "formats/csv_record_splitter.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace skm::formats::csv_detail {

char detect_separator(std::string_view content) {
    content.remove_prefix(std::min(content.find_first_not_of("\r\n"), content.size()));  // blank lines before the header
    const std::string_view header = content.substr(0, content.find('\n'));
    const auto commas = std::count(header.begin(), header.end(), ',');
    const auto semicolons = std::count(header.begin(), header.end(), ';');
    return semicolons > commas ? ';' : ',';
}

Problem located(std::string key, std::string_view file, std::size_t line, std::string_view column) {
    return Problem{std::move(key), {{"file", std::string(file)}, {"line", std::to_string(line)}, {"column", std::string(column)}}};
}

std::vector<Column> map_header(const std::vector<std::string_view>& header, std::string_view file, std::size_t line,
                               const std::vector<std::string>& unsur_codes) {
    std::vector<Column> columns;
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string_view name = header[i];
        // Spreadsheets pad header cells; matching ignores surrounding spaces.
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (!seen.insert(name).second) throw Error(ErrorKind::input, located("csv.duplicate_column", file, line, name));
        std::optional<Column> column;
        for (const auto& [fixed, role] : kFixedColumns) {
            if (name == fixed) column = Column{role, 0, std::string(name)};
        }
        for (std::size_t u = 0; !column && u < unsur_codes.size(); ++u) {
            if (name == unsur_codes[u]) column = Column{Role::unsur, u, std::string(name)};
        }
        if (!column) {
            auto problem = located("csv.unknown_column", file, line, name);
            throw Error(ErrorKind::input, problem);
        }
        columns.push_back(*column);
    }
    auto require = [&](std::string_view name) {
        if (!seen.count(name)) throw Error(ErrorKind::input, located("csv.missing_column", file, line, name));
    };
    require("response_id");
    require("submitted_at");
    require("layanan");
    for (const auto& code : unsur_codes) require(code);
    return columns;
}

Header read_header(std::string_view content, std::string_view file_name, const std::vector<std::string>& unsur_codes,
                   char separator) {
    RecordSplitter splitter(content, file_name, separator);
    std::vector<std::string_view> fields;
    std::size_t count = 0;
    std::size_t line = 0;
    splitter.next(fields, count, line);
    std::vector<std::string> header(fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(count));
    const std::vector<std::string_view> header_views(header.begin(), header.end());
    return {map_header(header_views, file_name, line, unsur_codes), splitter.position(), splitter.line()};
}

}  // namespace skm::formats::csv_detail
