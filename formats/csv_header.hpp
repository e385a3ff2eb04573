// Internal to formats/ (the response CSV reader): the separator, the header
// row mapped to column roles, and problems located at a line and column.
#pragma once

#include "scoring/problem.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skm::formats::csv_detail {

// The Indonesian Excel dialect writes ';' where others write ','.
char detect_separator(std::string_view content);

enum class Role {
    response_id, submitted_at, layanan, jenis_kelamin, umur, pendidikan, pekerjaan,
    saran, flags, device_id, questionnaire_version, profile_detail, origin, channel, unsur
};

struct Column {
    Role role;
    std::size_t unsur_index = 0;
    std::string name;
};

inline const std::array<std::pair<std::string_view, Role>, 14> kFixedColumns = {{
    {"response_id", Role::response_id}, {"submitted_at", Role::submitted_at}, {"layanan", Role::layanan},
    {"jenis_kelamin", Role::jenis_kelamin}, {"umur", Role::umur}, {"pendidikan", Role::pendidikan},
    {"pekerjaan", Role::pekerjaan}, {"saran", Role::saran}, {"flags", Role::flags},
    {"device_id", Role::device_id}, {"questionnaire_version", Role::questionnaire_version},
    {"profile_detail", Role::profile_detail}, {"origin", Role::origin}, {"channel", Role::channel},
}};

Problem located(std::string key, std::string_view file, std::size_t line, std::string_view column);

// The columns of a header row; throws skm::Error(input) naming a duplicate,
// unknown or missing column.
std::vector<Column> map_header(const std::vector<std::string_view>& header, std::string_view file, std::size_t line,
                               const std::vector<std::string>& unsur_codes);

struct Header {
    std::vector<Column> columns;
    const char* data_start;  // just after the header's line break
    std::size_t data_line;   // the line there
};

// The checks before any row: the encoding, an empty file, the header.
Header read_header(std::string_view content, std::string_view file_name, const std::vector<std::string>& unsur_codes,
                   char separator);

}  // namespace skm::formats::csv_detail
