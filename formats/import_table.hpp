// A table of an old survey file as `skm import --from` reads it: the header
// row and the respondent rows, from a CSV (comma or semicolon, the way Google
// Forms and Excel write it) or the first sheet of an XLSX workbook (the Google
// Sheet behind a form, downloaded). Nothing here knows what a column means:
// formats/legacy_import recognises them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats {

struct TableCell {
    std::string text;                  // as shown: a number as its digits, a date cell as its serial
    std::optional<double> date_serial;  // XLSX: a number in a date style, days since 1899-12-30
    bool operator==(const TableCell&) const = default;
};

struct ImportTable {
    std::vector<std::string> header;
    std::vector<std::vector<TableCell>> rows;  // each as wide as the header
    std::vector<std::size_t> row_numbers;      // each row's number as a spreadsheet shows it (the header is 1)
};

// An XLSX workbook starts with the zip signature "PK\3\4"; anything else is
// read as CSV. Throws skm::Error(input) naming the file: import.bad_xlsx,
// import.empty_file, or the CSV reader's csv.* problems.
ImportTable read_import_table(std::string_view content, std::string_view file_name);

ImportTable read_csv_table(std::string_view content, std::string_view file_name);
ImportTable read_xlsx_table(std::string_view content, std::string_view file_name);

}  // namespace skm::formats
