// Writes the response CSV (docs/reference/file-formats.md#response-csv): the documented column order, LF line
// endings, RFC 4180 quoting where needed; or the Indonesian Excel dialect.
#pragma once

#include "formats/response.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats {

enum class CsvDialect { standard, indonesian_excel };

// Quotes a field when it holds the separator, a quote or a line break.
std::string csv_field(std::string_view value, char separator = ',');

void write_response_csv_header(std::ostream& out, const std::vector<std::string>& unsur_codes,
                               CsvDialect dialect = CsvDialect::standard);
void write_response_csv_row(std::ostream& out, const Response& response, CsvDialect dialect = CsvDialect::standard);

}  // namespace skm::formats
