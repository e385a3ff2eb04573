// The PDF "Laporan Hasil Survei Kepuasan Masyarakat", A4 portrait, in the
// catalog's language (Indonesian by default), following the report structure
// of Permenpan RB 14/2017: office and period, method and sample, respondent
// profile, NRR per unsur and the IKM with its mutu, IKM per layanan, the
// monthly trend, saran, rencana tindak lanjut and the LKjIP table.
#pragma once

#include "formats/catalog.hpp"
#include "reports/report_data.hpp"

#include <filesystem>
#include <string>

namespace skm::reports {

// The whole PDF file. Throws skm::Error(storage, "report.cannot_write") if cairo fails.
std::string pdf_report(const ReportData& data, const formats::Catalog& catalog);

// Throws skm::Error(storage, "report.cannot_write").
void write_pdf_report(const ReportData& data, const formats::Catalog& catalog, const std::filesystem::path& file);

}  // namespace skm::reports
