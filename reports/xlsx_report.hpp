// The report's tables as an Excel workbook (libxlsxwriter): one sheet per
// table (the five profile tables share a sheet), figures as numeric cells
// with a 2-, 3- or 4-decimal number format so staff can compute with them.
#pragma once

#include "formats/catalog.hpp"
#include "reports/report_data.hpp"

#include <filesystem>

namespace skm::reports {

// Throws skm::Error(storage, "report.cannot_write").
void write_xlsx_report(const ReportData& data, const formats::Catalog& catalog, const std::filesystem::path& file);

}  // namespace skm::reports
