// The report's tables as an Excel workbook (libxlsxwriter): one sheet per
// table (the five profile tables share a sheet), figures as numeric cells
// with a 2-, 3- or 4-decimal number format so staff can compute with them.
#pragma once

#include "formats/catalog.hpp"
#include "reports/report_data.hpp"
#include "reports/report_table.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace skm::reports {

// Throws skm::Error(storage, "report.cannot_write").
void write_xlsx_report(const ReportData& data, const formats::Catalog& catalog, const std::filesystem::path& file);

// Any tables, one sheet per entry (the hub's kabupaten recap).
struct XlsxSheet {
    std::string name;
    std::vector<const Table*> tables;
};
void write_xlsx_tables(const std::string& title, const std::vector<XlsxSheet>& sheets, const std::filesystem::path& file);

}  // namespace skm::reports
