// The report's tables as one CSV file: each table as a title line, a header
// line and its rows, a blank line between tables. `csv` is comma-separated
// with a decimal point; `csv-id` is the Indonesian Excel dialect (semicolon,
// decimal comma, UTF-8 BOM so Excel reads the letters right).
#pragma once

#include "formats/catalog.hpp"
#include "formats/response_csv_writer.hpp"
#include "reports/report_data.hpp"
#include "reports/report_table.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace skm::reports {

std::string csv_report(const ReportData& data, const formats::Catalog& catalog, formats::CsvDialect dialect);
// Any tables in the same layout (the hub's kabupaten recap).
std::string csv_tables(const std::vector<const Table*>& tables, formats::CsvDialect dialect);

// Throws skm::Error(storage, "report.cannot_write").
void write_csv_report(const ReportData& data, const formats::Catalog& catalog, formats::CsvDialect dialect,
                      const std::filesystem::path& file);

}  // namespace skm::reports
