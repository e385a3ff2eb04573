// The CSV half of formats/import_table: RFC 4180 records through the response
// CSV reader's splitter, a UTF-8 byte order mark skipped, the separator (',' or
// ';' as Excel writes it in Indonesian) taken from the header line.
#include "formats/csv_record_splitter.hpp"
#include "formats/import_table.hpp"

namespace skm::formats {
namespace {

// The separator that occurs more often outside quotes on the first line.
char header_separator(std::string_view text) {
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        commas += c == ',';
        semicolons += c == ';';
    }
    return semicolons > commas ? ';' : ',';
}

}  // namespace

ImportTable read_csv_table(std::string_view content, std::string_view file_name) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (content.substr(0, kBom.size()) == kBom) content.remove_prefix(kBom.size());
    csv_detail::RecordSplitter splitter(content, file_name, header_separator(content));
    std::vector<std::string_view> fields(16);
    std::size_t count = 0;
    std::size_t line = 0;
    ImportTable table;
    if (!splitter.next(fields, count, line)) {
        throw Error(ErrorKind::input, Problem{"import.empty_file", {{"file", std::string(file_name)}}});
    }
    table.header.assign(fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(count));
    // Rows numbered as a spreadsheet shows the file (the header is row 1): a
    // saran with a line break is still one row there.
    std::size_t row_number = 1;
    while (splitter.next(fields, count, line)) {
        ++row_number;
        std::vector<TableCell> row(table.header.size());
        bool blank = true;
        for (std::size_t i = 0; i < count; ++i) {
            if (i < row.size()) row[i].text = std::string(fields[i]);
            blank = blank && fields[i].find_first_not_of(" \t") == std::string_view::npos;
        }
        if (blank) continue;  // a row of empty cells, as spreadsheets leave below the data
        table.rows.push_back(std::move(row));
        table.row_numbers.push_back(row_number);
    }
    return table;
}

ImportTable read_import_table(std::string_view content, std::string_view file_name) {
    if (content.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return read_xlsx_table(content, file_name);
    return read_csv_table(content, file_name);
}

}  // namespace skm::formats
