// One entry point for every report format, so a program (skm report, the
// staff view) chooses a format by name and never knows the writers.
#pragma once

#include "formats/catalog.hpp"
#include "reports/report_data.hpp"

#include <filesystem>
#include <string_view>

namespace skm::reports {

enum class ReportFormat { pdf, xlsx, csv, csv_id };

// pdf, xlsx, csv, csv-id. Throws skm::Error(usage, "report.bad_format").
ReportFormat parse_report_format(std::string_view text);

// Writes the whole report to `file` (the caller renames it into place).
// Throws skm::Error(storage, "report.cannot_write").
void write_report(ReportFormat format, const ReportData& data, const formats::Catalog& catalog,
                  const std::filesystem::path& file);

}  // namespace skm::reports
