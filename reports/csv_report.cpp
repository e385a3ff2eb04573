#include "reports/csv_report.hpp"

#include "reports/report_file.hpp"
#include "reports/report_tables.hpp"

namespace skm::reports {

std::string csv_tables(const std::vector<const Table*>& tables, formats::CsvDialect dialect) {
    const bool indonesian = dialect == formats::CsvDialect::indonesian_excel;
    const char separator = indonesian ? ';' : ',';
    const char decimal = indonesian ? ',' : '.';
    std::string out = indonesian ? "\xEF\xBB\xBF" : "";
    auto line = [&](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) out += separator;
            out += formats::csv_field(fields[i], separator);
        }
        out += '\n';
    };
    bool first = true;
    for (const Table* table : tables) {
        if (!first) out += '\n';
        first = false;
        line({table->title});
        std::vector<std::string> header;
        for (const auto& column : table->columns) header.push_back(column.header);
        line(header);
        for (const auto& row : table->rows) {
            std::vector<std::string> fields;
            // The Indonesian spreadsheet CSV reads as a person reads (1.899);
            // the standard one stays plain digits for programs.
            for (const auto& cell : row.cells) fields.push_back(cell.display(decimal, indonesian));
            line(fields);
        }
        for (const auto& note : table->notes) line({note});
    }
    return out;
}

std::string csv_report(const ReportData& data, const formats::Catalog& catalog, formats::CsvDialect dialect) {
    const char decimal = dialect == formats::CsvDialect::indonesian_excel ? ',' : '.';
    const ReportTables tables = build_tables(data, catalog, decimal);
    return csv_tables(tables.all(), dialect);
}

void write_csv_report(const ReportData& data, const formats::Catalog& catalog, formats::CsvDialect dialect,
                      const std::filesystem::path& file) {
    write_whole_file(file, csv_report(data, catalog, dialect));
}

}  // namespace skm::reports
