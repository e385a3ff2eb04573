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

// The columns: response_id, submitted_at, layanan, jenis_kelamin, umur,
// pendidikan, pekerjaan, one per unsur, saran, flags, device_id,
// questionnaire_version, then always the optional profile_detail, origin,
// channel (docs/reference/file-formats.md#optional-columns-and-members-profile_detail-origin-channel),
// empty where not recorded. Always, not only when some row has a value: the
// header goes out before the rows are read, one layout is simpler to document
// and to open in a spreadsheet, and every response a kiosk stores now records
// its origin anyway. Readers accept files with or without the last three.
void write_response_csv_header(std::ostream& out, const std::vector<std::string>& unsur_codes,
                               CsvDialect dialect = CsvDialect::standard);
void write_response_csv_row(std::ostream& out, const Response& response, CsvDialect dialect = CsvDialect::standard);

}  // namespace skm::formats
